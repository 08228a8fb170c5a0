"""Build time and time-to-first-Check, measured in one run (ratios matter more than seconds
on a shared machine). Usage: .venv/bin/python benchmarks/first_check.py [runs]

Prints a JSON summary: the median build time, and in one headless Chromium session the
median time from navigation to the first Check's feedback (Check clicked as soon as it
exists), next to the floor: a bare loadPyodide() + runPython() in a module worker."""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from e2e.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

from conftest import build_site  # noqa: E402
from support.subpath_server import SiteServer  # noqa: E402

FLOOR_PAGE = """<!doctype html><meta charset="utf-8"><title>floor</title><script type="module">
const w = new Worker("floor_worker.js", {type: "module"});
w.onmessage = (e) => { window.floorMs = e.data; };
</script>"""


def build_times(site_dir: Path, url: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = build_site(site_dir, url)
        times.append(time.perf_counter() - started)
        assert result.returncode == 0, result.stderr
    return times


def first_check_ms(browser, url: str) -> tuple[float, dict]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "lab/01-who-listened/", wait_until="commit")
    box = page.locator('[data-exercise="listener-tally"][data-ready]')
    box.get_by_role("button", name="Check").click()  # as soon as the exercise is live
    page.wait_for_function("document.querySelector('[data-exercise=listener-tally] "
                           "[data-feedback]').textContent.length > 0", timeout=120_000)
    elapsed = page.evaluate("performance.now()")
    timings = page.evaluate("window.__therapon.timings")
    context.close()
    return elapsed, timings


def floor_ms(browser, url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "__bench__/floor.html")
    page.wait_for_function("window.floorMs !== undefined", timeout=120_000)
    result = page.evaluate("performance.now()")
    context.close()
    return result


def main(runs: int = 5) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        server = SiteServer(site_dir)
        builds = build_times(site_dir, server.url, runs)
        bench_dir = site_dir / "__bench__"
        bench_dir.mkdir()
        (bench_dir / "floor.html").write_text(FLOOR_PAGE)
        shutil.copy(ROOT / "benchmarks/floor_worker.js", bench_dir)
        with server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM or None, args=CHROMIUM_ARGS)
            floors, checks, boots = [], [], []
            for _ in range(runs):  # interleaved, so both see the same machine load
                floors.append(floor_ms(browser, server.url))
                elapsed, timings = first_check_ms(browser, server.url)
                checks.append(elapsed)
                boots.append(timings)
            browser.close()
    summary = {
        "runs": runs,
        "build_s_median": round(statistics.median(builds), 3),
        "floor_ms_median": round(statistics.median(floors)),
        "first_check_ms_median": round(statistics.median(checks)),
        "first_check_over_floor": round(statistics.median(checks) / statistics.median(floors), 2),
        "worker_pyodide_ms_median": round(statistics.median(b["pyodideMs"] for b in boots)),
        "worker_load_package_ms_median": round(statistics.median(b["packageMs"] for b in boots)),
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
