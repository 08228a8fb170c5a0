"""On a phone (375 × 667): no page scrolls sideways, nothing of ours is wider than the screen,
and every control of ours can be reached: shown, inside the screen, and not covered. Full-page
screenshots of a lesson, light and dark, go to the test's output folder (test-results/…)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from support.subpath_server import SiteServer

from .helpers import LAB
from .test_accessibility import own_host_only, seed, seeded_progress, set_palette, settle, site_pages

WIDTH, HEIGHT = 375, 667
SCREENSHOT_PAGE = "lessons/02-second-steps/"

# Ours: the exercises, the progress page's parts, the header's count and profile switcher, the
# safety note. Inside these, text may scroll within its own box (code, output, wide tables).
OURS = ('[class*="therapon-"], [data-exercise] *, [data-therapon-dashboard] *, [data-therapon-profiles] *, '
        "[data-therapon-data] *, [data-therapon-header-progress] *, [data-therapon-profile-switcher] *")
CONTROLS = ("button, input, select, textarea, a[href], .cm-editor, summary, .tabbed-labels > label")
LAYOUT = """([ours, controls, width]) => {
    const scrolls = ".cm-scroller, .therapon-output, .therapon-visually-hidden, pre, .md-typeset__scrollwrap";
    // Material's navigation drawer waits off the screen until it is opened.
    const drawer = document.getElementById("__drawer")?.checked ? "" : ", .md-sidebar--primary";
    const shown = (el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return box.width > 0 && box.height > 0 && style.visibility !== "hidden"
            && !el.closest(scrolls + drawer);
    };
    const classes = (el) => typeof el.className === "string" && el.className
        ? "." + el.className.trim().split(/\\s+/).join(".") : "";
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${classes(el)}`
        + ` "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40)}"`;
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > width) problems.push(`the page is ${root.scrollWidth}px wide`);
    for (const el of document.querySelectorAll(ours)) {
        if (!shown(el)) continue;
        const box = el.getBoundingClientRect();
        if (box.left < -0.5 || box.right > width + 0.5) {
            problems.push(`${name(el)} spans ${Math.round(box.left)}..${Math.round(box.right)}px`);
        }
    }
    // Every control of ours, and Material's in the header (ours sit among them), is reachable.
    if (!controls) return { problems, checked: 0 };
    const header = Array.from(document.querySelectorAll(".md-header__inner > *"))
        .filter((el) => el.matches(controls) || el.querySelector(controls));
    const places = ["[data-exercise]", "[data-therapon-dashboard]", "[data-therapon-profiles]",
                    "[data-therapon-data]", ".therapon-safety-note", "[data-therapon-header-progress]",
                    "[data-therapon-profile-switcher]"].join(", ");
    const mine = Array.from(document.querySelectorAll(controls)).filter((el) => el.closest(places));
    let checked = 0;
    for (const el of [...header, ...mine]) {
        if (el.matches(".cm-editor *") || !shown(el)) continue;
        el.scrollIntoView({ block: "center", inline: "nearest" });
        const box = el.getBoundingClientRect();
        checked += 1;
        if (box.left < -0.5 || box.right > width + 0.5) {
            problems.push(`control ${name(el)} spans ${Math.round(box.left)}..${Math.round(box.right)}px`);
            continue;
        }
        const x = box.left + Math.min(box.width / 2, 20), y = box.top + box.height / 2;
        const hit = document.elementFromPoint(x, y);
        const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
        if (!hit || !(el.contains(hit) || hit.contains(el) || (label && label.contains(hit)))) {
            problems.push(`control ${name(el)} is covered by ${hit ? name(hit) : "nothing"}`);
        }
    }
    window.scrollTo(0, 0);
    return { problems, checked };
}"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2, color_scheme="light")
    yield context
    context.close()


def layout_problems(page: Page, ours: str = OURS, controls: str = CONTROLS) -> tuple[list[str], int]:
    result = page.evaluate(LAYOUT, [ours, controls, WIDTH])
    return result["problems"], result["checked"]


def test_every_page_fits_a_phone_and_every_control_is_reachable(
        phone: BrowserContext, fixture_site: SiteServer, tmp_path: Path) -> None:
    page = phone.new_page()
    foreign = own_host_only(page, fixture_site)
    seed(page, fixture_site, seeded_progress())  # two profiles: the header switcher is shown
    problems: list[str] = []
    total = 0

    def check(where: str, ours: str = OURS, controls: str = CONTROLS) -> None:
        nonlocal total
        found, checked = layout_problems(page, ours, controls)
        total += checked
        problems.extend(f"{where}: {problem}" for problem in found)

    for url in site_pages(fixture_site):
        page.goto(url)
        settle(page)
        expect(page.locator("#therapon-profile-switch")).to_be_visible()
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        check(url)

    # What appears only after a step: the navigation drawer with its ✓ marks, a reset question,
    # the delete question, an import preview.
    page.goto(fixture_site.url + "lessons/01-first-steps/")
    settle(page)
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer = page.locator(".md-sidebar--primary")
    page.wait_for_function("el => el.getBoundingClientRect().left >= 0", arg=drawer.element_handle())
    expect(drawer.locator(".therapon-nav-done").first).to_be_visible()
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    check("the navigation drawer", ".md-sidebar--primary .therapon-nav-done", "")  # it covers the rest
    page.goto(fixture_site.url + LAB)
    settle(page)
    page.locator('[data-exercise="count-wins"]').get_by_role("button", name="Reset").click()
    check(f"{LAB} (reset question)")
    page.goto(fixture_site.url + "progress/")
    settle(page)
    data = page.locator("[data-therapon-data]")
    with page.expect_download() as download:
        data.get_by_role("button", name="Export my progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    data.get_by_label("Choose a progress file").set_input_files(exported)
    expect(data.get_by_role("button", name="Merge with my progress")).to_be_visible()
    data.get_by_role("button", name="Delete all my data").click()
    expect(data.get_by_role("button", name="Yes, delete everything")).to_be_visible()
    check("progress/ (import preview and delete question)")

    assert total > 150, f"only {total} controls were checked"  # the fixture course's pages hold about 180
    assert foreign == []
    assert not problems, f"{len(problems)} problems on a {WIDTH}px screen:\n" + "\n".join(problems)


def test_screenshots_of_a_lesson_on_a_phone_in_light_and_dark(
        phone: BrowserContext, fixture_site: SiteServer, output_path: str) -> None:
    page = phone.new_page()
    seed(page, fixture_site, seeded_progress())
    folder = Path(output_path)
    folder.mkdir(parents=True, exist_ok=True)
    for scheme, name in (("default", "light"), ("slate", "dark")):
        for url, stem in ((SCREENSHOT_PAGE, "lesson-02"), ("progress/", "progress"), (LAB, "lab-01"),
                          ("shared-answers/", "our-agreements")):
            page.goto(fixture_site.url + url)
            set_palette(page, scheme)
            settle(page)
            path = folder / f"{stem}-{name}-{WIDTH}x{HEIGHT}.png"
            page.screenshot(path=path, full_page=True)
            assert path.stat().st_size > 10_000
            found, _ = layout_problems(page)
            assert found == [], f"{url} ({name}): {found}"
