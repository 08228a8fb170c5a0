"""Browser benchmarks, all in one headless Chromium run against the real built site.

Every time is the median of several runs, and each is reported next to the floor measured
in the same session: a bare loadPyodide() + runPython() in a module worker, nothing of ours.
Page weight compares each page with the same page built as plain Material.

Usage: .venv/bin/python benchmarks/browser.py [runs]   (prints JSON)"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from e2e.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

from conftest import build_site  # noqa: E402
from support.project import copy_project  # noqa: E402
from support.subpath_server import SiteServer  # noqa: E402

FLOOR_PAGE = """<!doctype html><meta charset="utf-8"><title>floor</title><script type="module">
const w = new Worker("floor_worker.js", {type: "module"});
w.onmessage = () => { window.floorMs = performance.now(); };
</script>"""
# Records when each exercise's Check finished (feedback shown, no longer busy), from the
# page's own clock. Init scripts run outside the page's Content-Security-Policy.
RECORD_CHECKS = """
window.__checked = {};
addEventListener("DOMContentLoaded", () => new MutationObserver((records) => {
  for (const { target } of records) {
    const box = target instanceof Element && target.closest("[data-exercise]");
    if (!box || box.hasAttribute("aria-busy") || box.dataset.exercise in window.__checked) continue;
    if (box.querySelector("[data-feedback]")?.childNodes.length) {
      window.__checked[box.dataset.exercise] = performance.now();
    }
  }
}).observe(document.body, { subtree: true, childList: true, attributes: true,
                            attributeFilter: ["aria-busy"] }));
"""
# Press Check the moment the exercise is live (data-ready), from inside the page, so the
# figure holds no test-driver latency, as the floor holds none.
CHECK_AT_ONCE = """
addEventListener("DOMContentLoaded", () => {
  const [id, answer] = %s;
  const press = () => {
    const box = document.querySelector(`[data-exercise="${id}"][data-ready]`);
    if (!box) return false;
    const field = box.querySelector("textarea");
    if (answer !== null && field) {
      field.value = answer;
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }
    box.querySelector('[data-action="check"]').click();
    return true;
  };
  if (press()) return;
  const seen = new MutationObserver(() => { if (press()) seen.disconnect(); });
  seen.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
});
"""
# Click Check and time it to the feedback, in the page: no test-driver latency in the figure.
TIME_CHECK = """async (id) => {
  const box = document.querySelector(`[data-exercise="${id}"]`);
  let sawBusy = false;
  const done = new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      if (box.hasAttribute("aria-busy")) sawBusy = true;
      else if (sawBusy) { seen.disconnect(); resolve(performance.now()); }
    });
    seen.observe(box, { attributes: true, attributeFilter: ["aria-busy"] });
  });
  const started = performance.now();
  box.querySelector('[data-action="check"]').click();
  return (await done) - started;
}"""
CHECK_BUTTON = '[data-exercise="{id}"][data-ready] [data-action="check"]'
# Chromium's network emulation: 10 Mbit/s down, 40 ms latency.
SLOW_LINK = {"offline": False, "latency": 40, "downloadThroughput": 10_000_000 / 8,
             "uploadThroughput": 5_000_000 / 8}


@dataclass(frozen=True)
class Target:
    """An exercise to check: its page, the page after it (for instant navigation), an answer."""

    name: str
    path: str
    exercise: str
    answer: str | None
    next_exercise: str


CODE = Target("code (lab 1)", "lab/01-who-listened/", "listener-tally", None, "lab-find-blame-words")
TEXT = Target("text (lesson 1)", "lessons/01-partners-as-comrades/", "soften-the-start",
              "I feel lonely when you look at your phone, because I need connection.", "l2-safe-reply")


PAGES_TO_WEIGH = (("no exercise (home)", ""), ("text exercises (lesson 2)", "lessons/02-safety-first/"),
                  ("code exercises (lab 1)", "lab/01-who-listened/"))


def median(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def answer(page, target: Target, exercise: str | None = None) -> None:
    exercise = exercise or target.exercise
    if target.answer is not None:
        page.locator(f'[data-exercise="{exercise}"][data-ready] textarea').first.fill(target.answer)


def floor_ms(browser, url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "__bench__/floor.html")
    page.wait_for_function("() => window.floorMs !== undefined", timeout=120_000)
    result = page.evaluate("window.floorMs")
    context.close()
    return result


def cold_first_check(page, url: str, target: Target) -> float:
    """From navigation to the first Check's feedback, Check pressed as soon as it works."""
    page.add_init_script(CHECK_AT_ONCE % json.dumps([target.exercise, target.answer]))
    page.goto(url + target.path, wait_until="commit")
    page.wait_for_function(f"() => '{target.exercise}' in window.__checked", timeout=180_000)
    return page.evaluate(f"window.__checked['{target.exercise}']")


def session(browser, url: str, target: Target) -> dict[str, float | list[float]]:
    """One learner's visit: cold first Check, then warm Checks, then the next page's first."""
    context = browser.new_context(service_workers="block")
    context.add_init_script(RECORD_CHECKS)
    page = context.new_page()
    cold = cold_first_check(page, url, target)
    warm = [page.evaluate(TIME_CHECK, target.exercise) for _ in range(7)]
    page.locator(".md-footer__link--next").click()  # Material's instant navigation
    page.locator(CHECK_BUTTON.format(id=target.next_exercise)).wait_for()
    answer(page, target, target.next_exercise)
    after_navigation = page.evaluate(TIME_CHECK, target.next_exercise)
    starts = page.evaluate("window.__therapon.starts")
    context.close()
    assert starts == 1, f"Pyodide started {starts} times in one visit"
    return {"cold": cold, "warm": warm, "after_navigation": after_navigation}


def after_reading(browser, url: str, target: Target, seconds: float = 5) -> float:
    """The first Check after the learner has been on the page for a while."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(url + target.path)
    page.locator(CHECK_BUTTON.format(id=target.exercise)).wait_for()
    answer(page, target)
    page.wait_for_timeout(seconds * 1000)
    result = page.evaluate(TIME_CHECK, target.exercise)
    context.close()
    return result


def slow_link(context, page) -> None:
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_LINK)


def visits_on_a_slow_link(browser, url: str, target: Target) -> tuple[float, float]:
    """Cold visit, then a repeat visit with the runtime kept by the service worker."""
    context = browser.new_context()
    context.add_init_script(RECORD_CHECKS)
    first = context.new_page()
    slow_link(context, first)
    cold = cold_first_check(first, url, target)
    first.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=120_000)
    kept = """async () => { const names = (await caches.keys()).filter((n) => n.endsWith(":runtime"));
        return names.length === 1 && (await (await caches.open(names[0])).keys()).length >= 6; }"""
    for _ in range(600):
        if first.evaluate(kept):
            break
        first.wait_for_timeout(100)
    first.close()
    again = context.new_page()
    slow_link(context, again)
    repeat = cold_first_check(again, url, target)
    context.close()
    return cold, repeat


SNAPSHOT_KEPT = """async () => {
    for (const name of await caches.keys()) {
        if (name.includes(":snapshot:") && (await (await caches.open(name)).keys()).length) return true;
    }
    return false;
}"""


def returning_learner(browser, url: str, target: Target) -> dict[str, float | int | str]:
    """A first visit (home, then a lesson and its first Check) leaves a memory snapshot; the
    next visit's first Check is timed from navigation. Every request that names the snapshot
    is counted: there must be none (it is read from Cache Storage, never fetched)."""
    context = browser.new_context()
    context.add_init_script(RECORD_CHECKS)
    asked: list[str] = []
    context.on("request", lambda r: asked.append(r.url) if "memory-snapshot" in r.url else None)
    home = context.new_page()
    home.goto(url)
    home.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=120_000)
    home.wait_for_function("() => window.__therapon?.plan === 'never'")
    first = context.new_page()
    cold_first_check(first, url, target)
    first_start = first.evaluate("document.documentElement.dataset.theraponStart")
    for _ in range(1200):
        if first.evaluate(SNAPSHOT_KEPT):
            break
        first.wait_for_timeout(100)
    first.close()
    home.close()
    again = context.new_page()
    returning = cold_first_check(again, url, target)
    start = again.evaluate("document.documentElement.dataset.theraponStart")
    timings = again.evaluate("window.__therapon.timings")
    marks = again.evaluate("""() => Object.fromEntries(["therapon:python-start", "therapon:python-ready"]
        .map((name) => [name, performance.getEntriesByName(name)[0]?.startTime ?? null]))""")
    context.close()
    assert first_start == "normal" and start == "snapshot", (first_start, start, timings)
    return {"first_check_ms": returning, "python_asked_ms": marks["therapon:python-start"],
            "python_ready_ms": marks["therapon:python-ready"], "pyodide_ms": timings["pyodideMs"],
            "snapshot_requests": len(asked)}


def transferred(browser, url: str, path: str, settle_ms: int) -> dict[str, int]:
    """Bytes over the wire (bodies and headers) by the load event, and after settling."""
    context = browser.new_context(service_workers="block")
    finished: list[tuple[float, int]] = []  # (when the response ended, epoch ms; bytes)

    def count(request) -> None:
        sizes, timing = request.sizes(), request.timing
        finished.append((timing["startTime"] + timing["responseEnd"],
                         sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    context.on("requestfinished", count)
    page = context.new_page()
    page.goto(url + path, wait_until="load")
    loaded = page.evaluate(
        "performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventStart")
    page.wait_for_timeout(settle_ms)
    context.close()
    return {"load": sum(size for when, size in finished if when <= loaded),
            "settled": sum(size for _, size in finished)}


def precache_bytes(browser, url: str) -> int:
    """What the service worker downloads once per deployment, for offline use."""
    context = browser.new_context()
    sizes: list[int] = []
    context.on("requestfinished", lambda r: sizes.append(
        r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]) if r.service_worker else None)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
    page.wait_for_timeout(500)
    context.close()
    return sum(sizes)


def plain_project(base: Path) -> Path:
    """The same course as plain Material: no hooks, no theme overrides, no exercise fences."""
    root = base / "plain"
    shutil.copytree(ROOT / "docs", root / "docs")
    (root / "docs" / "blank.md").unlink()  # the quick exit's page needs the engine's template
    for page in (root / "docs").rglob("*.md"):
        page.write_text(re.sub(r"^( *)```exercise\n(?:.*\n)*?\1```\n", "", page.read_text(), flags=re.M))
    config = (ROOT / "mkdocs.yml").read_text()
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)
    (root / "mkdocs.yml").write_text(config)
    return root


def built(base: Path, name: str, project: Path) -> SiteServer:
    server = SiteServer(base / name)
    result = build_site(server.directory, server.url, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return server


def measure(runs: int, log: Callable[[str], None] = print) -> dict:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        site = built(base, "site", copy_project(base / "course"))
        plain = built(base, "plain-site", plain_project(base))
        bench_dir = site.directory / "__bench__"
        bench_dir.mkdir()
        (bench_dir / "floor.html").write_text(FLOOR_PAGE)
        shutil.copy(ROOT / "benchmarks/floor_worker.js", bench_dir)
        with site, plain, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM or None, args=CHROMIUM_ARGS)
            result: dict = {"chromium": browser.version, "runs": runs}
            floors: list[float] = []
            raw: dict[str, dict[str, list[float]]] = {t.name: {} for t in (CODE, TEXT)}
            for run in range(runs):  # interleaved, so every figure sees the same machine load
                log(f"browser run {run + 1}/{runs}")
                floors.append(floor_ms(browser, site.url))
                for target in (CODE, TEXT):
                    visit = session(browser, site.url, target)
                    figures = raw[target.name]
                    figures.setdefault("cold", []).append(visit["cold"])
                    figures.setdefault("warm", []).extend(visit["warm"])
                    figures.setdefault("after_navigation", []).append(visit["after_navigation"])
                    figures.setdefault("after_5s", []).append(after_reading(browser, site.url, target))
            result["floor_ms"] = median(floors)
            result["checks"] = {name: {key: median(values) for key, values in figures.items()}
                                for name, figures in raw.items()}
            log("slow link")
            slow = [visits_on_a_slow_link(browser, site.url, TEXT) for _ in range(max(1, runs // 2))]
            result["slow_link"] = {"cold_ms": median([c for c, _ in slow]),
                                   "repeat_ms": median([r for _, r in slow])}
            log("returning learner")
            # Each visit next to a floor of its own: on a shared machine the load changes by the minute.
            returning = [{**returning_learner(browser, site.url, TEXT),
                          "floor_ms": floor_ms(browser, site.url)} for _ in range(max(1, runs // 2))]
            result["returning"] = {"first_check_ms": median([r["first_check_ms"] for r in returning]),
                                   "floor_ms": median([r["floor_ms"] for r in returning]),
                                   "ratio": round(statistics.median(
                                       [r["first_check_ms"] / r["floor_ms"] for r in returning]), 3),
                                   "pyodide_ms": median([r["pyodide_ms"] for r in returning]),
                                   "snapshot_requests": sum(r["snapshot_requests"] for r in returning)}
            log("page weight")
            weights = {}
            for label, path in PAGES_TO_WEIGH:
                weights[label] = {"therapon": transferred(browser, site.url, path, 8000),
                                  "plain": transferred(browser, plain.url, path, 3000)}
            result["page_weight"] = weights
            result["precache_bytes"] = precache_bytes(browser, site.url)
            browser.close()
    return result


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 3), indent=2))
