"""Silent traps for a course author, each turned into a message with the file, the line and the
fix: a page with exercises left out of nav, a template link to no page, a key one letter off,
and mkdocs.yml's usual YAML mistakes (`therapon check-config`).

Builds run the real `mkdocs build --strict` on a copy: the starter course (`therapon new`),
which is small, or the fixture course (tests/fixture/) where the engine's own templates are edited."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_build import broken_build, edit, project  # noqa: F401  (project is a fixture)

from conftest import ROOT, build_site
from support.project import add_runtime
from therapon.config_check import config_error
from therapon.errors import AuthoringFailed
from therapon.links import in_site, template_links
from therapon.load import load_exercises
from therapon.pages import read_pages
from therapon.scaffold import new_course

URL = "http://127.0.0.1:8000/"
NOTE = 'id = "extra-note"\nkind = "reflection"\ntitle = "A note"\nprompt = "What did you notice?"\n'
EXTRA_PAGE = "# Extra: notes\n\nA page of its own.\n\n```exercise\nextra-note\n```\n"  # fence on line 5


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    """A new course from `therapon new`, with Pyodide and the bundles, plus a page of notes
    (docs/extra.md) that places one exercise and is not in nav yet."""
    root = tmp_path / "course"
    new_course(root, "trap-course")
    add_runtime(root)
    (root / "exercises/extra-note.toml").write_text(NOTE, encoding="utf-8")
    (root / "docs/extra.md").write_text(EXTRA_PAGE, encoding="utf-8")
    return root


def lesson_urls(site: Path) -> dict[str, list[str]]:
    course = json.loads((site / "course.json").read_text(encoding="utf-8"))
    return {lesson["url"]: [e["id"] for e in lesson["exercises"]] for lesson in course["lessons"]}


# --- 1. a page with exercises must be in nav ------------------------------------------------------

def test_a_page_with_exercises_outside_nav_fails_with_the_nav_line_to_add(starter: Path) -> None:
    output = broken_build(starter)
    assert ("docs/extra.md:5: this page places exercises ('extra-note') but is not in nav, so they "
            "would be left out of course.json and the progress page. Add it to nav in mkdocs.yml, "
            'for example `- "Extra: notes": extra.md`.') in output, output


def test_the_suggested_nav_line_mends_the_build(starter: Path) -> None:
    edit(starter / "mkdocs.yml", "  - Your progress: progress.md\n",
         '  - "Extra: notes": extra.md\n  - Your progress: progress.md\n')
    (starter / "docs/aside.md").write_text("# An aside\n\nNo exercises here.\n", encoding="utf-8")
    result = build_site(starter / "site", URL, cwd=starter)
    assert result.returncode == 0, result.stdout + result.stderr
    assert lesson_urls(starter / "site")["extra/"] == ["extra-note"]
    assert "aside.md" in result.stderr  # a page without exercises may stay out of nav (MkDocs's INFO)


def test_a_course_without_nav_lists_every_page_and_builds(starter: Path) -> None:
    config = (starter / "mkdocs.yml").read_text(encoding="utf-8")
    (starter / "mkdocs.yml").write_text(config[: config.index("\n# Every page")] + "\n", encoding="utf-8")
    result = build_site(starter / "site", URL, cwd=starter)
    assert result.returncode == 0, result.stdout + result.stderr
    assert lesson_urls(starter / "site")["extra/"] == ["extra-note"]


# --- 2. a link in the engine's templates must lead to a page of the site ---------------------------

def test_a_template_link_to_a_missing_page_fails_with_the_template_and_line(project: Path) -> None:  # noqa: F811
    template = project / "src/therapon/theme/main.html"
    text = template.read_text(encoding="utf-8")
    anchor = '  <link rel="stylesheet" href="{{ \'assets/therapon/therapon.css\' | url }}">\n'
    line = text[: text.index(anchor)].count("\n") + 1
    template.write_text(text.replace(anchor, "  <a href=\"{{ 'progres/' | url }}\">Progress</a>\n" + anchor),
                        encoding="utf-8")
    output = broken_build(project)
    assert (f"src/therapon/theme/main.html:{line}: this template links to 'progres/', which is not in "
            "the built site, so every page that uses it has a dead link. Write the page "
            "docs/progres.md (MkDocs gives it the address progres/), correct the address, or remove "
            "the link.") in output, output


def test_template_links_are_read_with_their_lines(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials/bar.html").write_text(
        "<nav>\n  <a href=\"{{ 'progress/' | url }}\">\n  <a href='{{ \"glossary/#care\"|url }}'>\n"
        "  <a href=\"{{ 'https://example.org/' | url }}\">\n  <a href=\"{{ page.url | url }}\">\n"
        "  <a href=\"{{ 'sources/' ~ x | url }}\">\n</nav>\n", encoding="utf-8")
    links = [(link.line, link.target) for link in template_links([tmp_path])]
    assert links == [(2, "progress/"), (3, "glossary/#care")]  # no other host, nothing computed


@pytest.mark.parametrize(("target", "found"), [
    ("progress/", True), ("progress/#top", True), ("progress", True), ("course.json?v=1", True),
    ("", True), ("progres/", False), ("assets/main.js", False)])
def test_a_link_is_in_the_site_as_a_static_host_serves_it(tmp_path: Path, target: str, found: bool) -> None:
    for name in ("index.html", "progress/index.html", "course.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert in_site(target, tmp_path) is found


# --- 3. an unknown key one letter off a known one: "did you mean" ----------------------------------

TEXT = ('id = "say-it"\nkind = "text"\ntitle = "Say it"\n\n'
        '[[look_for]]\nid = "feeling"\ndetect = "own-feeling"\npraise = "You named {found}."\n\n'
        '[[avoid]]\nid = "blame"\ndetect = "blame"\nmessage = "{found} blames."\n\n'
        '[[examples]]\nresponse = "I feel lonely."\nmeets_goal = true\n\n'
        '[[examples]]\nresponse = "You never call."\nmeets_goal = false\n')
CHOICE = ('id = "pick-one"\nkind = "choice"\ntitle = "Pick one"\n\n'
          '[[options]]\nid = "a"\ntext = "A"\ncorrect = true\n\n'
          '[[options]]\nid = "b"\ntext = "B"\n')


@pytest.mark.parametrize(("name", "toml", "old", "new", "message"), [
    ("top-level", CHOICE, 'title = "Pick one"', 'titel = "Pick one"',
     "exercises/pick-one.toml:3: unknown key 'titel'. Did you mean 'title'? Known keys: id, kind, title,"),
    ("top-level-block", TEXT, "[[examples]]\nresponse = \"I feel", "[[example]]\nresponse = \"I feel",
     "exercises/say-it.toml:15: unknown key 'example'. Did you mean 'examples'? Known keys:"),
    ("capital", CHOICE, "title =", "Title =", "unknown key 'Title'. Did you mean 'title'?"),
    ("options", CHOICE, 'text = "B"', 'txt = "B"',
     "exercises/pick-one.toml:10: 'options' entry 2: unknown key 'txt'. Did you mean 'text'? Known keys:"),
    ("examples", TEXT, "meets_goal = true", "meet_goal = true",
     "exercises/say-it.toml:15: 'examples' entry 1: unknown key 'meet_goal'. Did you mean 'meets_goal'?"),
    ("look_for", TEXT, "praise =", "praize =",
     "exercises/say-it.toml:5: 'look_for' entry 1: unknown key 'praize'. Did you mean 'praise'?"),
    ("avoid", TEXT, "message =", "mesage =",
     "exercises/say-it.toml:10: 'avoid' entry 1: unknown key 'mesage'. Did you mean 'message'?"),
    ("nothing-close", CHOICE, 'title = "Pick one"', 'title = "Pick one"\ncolour = "teal"',
     "exercises/pick-one.toml:4: unknown key 'colour'. Known keys: id,"),
], ids=["top-level", "top-level-block", "capital", "options", "examples", "look_for", "avoid",
        "nothing-close"])
def test_an_unknown_exercise_key_names_the_closest_known_one(tmp_path: Path, name: str, toml: str, old: str,
                                                              new: str, message: str) -> None:
    assert old in toml
    folder = tmp_path / "exercises"
    if toml is TEXT:  # a text exercise lives in a folder of its own
        (folder / "say-it").mkdir(parents=True)
        (folder / "say-it/exercise.toml").write_text(toml.replace(old, new, 1), encoding="utf-8")
        message = message.replace("exercises/say-it.toml", "exercises/say-it/exercise.toml")
    else:
        folder.mkdir()
        (folder / "pick-one.toml").write_text(toml.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(AuthoringFailed) as failed:
        load_exercises(folder, tmp_path)
    assert message in str(failed.value)
    if name == "nothing-close":
        assert "Did you mean" not in str(failed.value)


@pytest.mark.parametrize(("key", "close"), [
    ("optinal", "optional"), ("Optional", "optional"), ("templates", "template"), ("tempalte", "template")])
def test_a_front_matter_key_one_letter_off_names_the_engines_key(tmp_path: Path, key: str,
                                                                 close: str) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/lab.md").write_text(f"---\ntitle: Lab\n{key}: true\n---\n# Lab\n", encoding="utf-8")
    with pytest.raises(AuthoringFailed) as failed:
        read_pages(tmp_path / "docs", tmp_path)
    assert str(failed.value) == (f"docs/lab.md:3: unknown front matter key '{key}', which nothing reads. "
                                 f"Did you mean '{close}'? Rename it to `{close}:`, or remove the line.")


def test_other_front_matter_keys_stay_free(tmp_path: Path) -> None:
    """MkDocs, Material and an author's own templates read keys the engine does not know."""
    (tmp_path / "docs").mkdir()
    page = "---\ntitle: Lab\nhide: [toc]\noptions: 3\nstatus: new\noptional: true\ntemplate: main.html\n---\n"
    (tmp_path / "docs/lab.md").write_text(page + "# Lab\n", encoding="utf-8")
    assert read_pages(tmp_path / "docs", tmp_path) == {"lab.md": 8}


# --- 4. mkdocs.yml's usual YAML mistakes, read before MkDocs reads them ---------------------------

NAV_LINE = '      - "2. Second steps": lessons/02-second-steps.md'


@pytest.mark.parametrize(("old", "new", "at", "message"), [
    ('  - "Before you start: safety": safety.md', "  - Before you start: safety: safety.md",
     '  - "Before you start: safety": safety.md',
     "a nav title holds a colon, which YAML reads as another key. Put the title in quotes: "
     '`- "Before you start: safety": safety.md`.'),
    ("  name: material\n", "\tname: material\n", "  name: material",
     "this line is indented with a tab. YAML indents with spaces only: replace the tab with spaces"),
    (NAV_LINE, NAV_LINE[1:], NAV_LINE,
     "this list item is indented by 5 spaces, but the item on line {above} by 6 spaces. Indent every "
     "`- ` of one list by the same number of spaces"),
    (NAV_LINE, NAV_LINE.replace('steps":', "steps:"), NAV_LINE,
     "the quote that opens on this line is never closed. Add the closing quote where the text ends"),
], ids=["colon-in-nav-title", "tab", "list-indent", "unclosed-quote"])
def test_check_config_names_the_line_and_the_fix(project: Path, old: str, new: str, at: str,  # noqa: F811
                                                 message: str) -> None:
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    line = lines.index(at) + 1
    edit(config, old, new)
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert mkdocs.returncode != 0 and "error parsing the configuration file" in mkdocs.stderr  # the trap
    checked = subprocess.run([sys.executable, "-m", "therapon", "check-config"], cwd=project,
                             capture_output=True, text=True)
    assert checked.returncode == 1
    assert checked.stderr.startswith(f"mkdocs.yml:{line}: " + message.format(above=line - 1)), checked.stderr


def test_check_config_is_quiet_on_a_good_mkdocs_yml(project: Path) -> None:  # noqa: F811
    checked = subprocess.run([sys.executable, "-m", "therapon", "check-config"], cwd=project,
                             capture_output=True, text=True)
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")


def test_make_build_and_serve_check_the_config_before_mkdocs() -> None:
    """MkDocs stops on the YAML before any plugin runs, so the hint must come first."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("build", "serve"):
        recipe = re.search(rf"^{target}: install\n((?:\t.*\n)+)", makefile, re.M).group(1).splitlines()
        assert recipe[0].strip() == "$(BIN)/therapon check-config" and "mkdocs" in recipe[1], recipe


@pytest.mark.parametrize(("text", "expected"), [
    ("site_name: Therapon: partners\n", "mkdocs.yml:1: a value holds a colon followed by a space"),
    ("site_name: x\nextra_css: [\n", "mkdocs.yml:2: the [ that opens on this line is never closed."),
    ("site_name: x\nextra: {a: 1\n", "mkdocs.yml:2: the { that opens on this line is never closed."),
    ("site_url: !ENV [SITE_URL, 'http://x/']\ndocs_dir: !relative $config_dir/docs\n", None),
], ids=["colon-in-a-value", "open-list", "open-table", "mkdocs-tags-are-fine"])
def test_config_error_words_other_mistakes(text: str, expected: str | None) -> None:
    error = config_error(text)
    assert (str(error) if error else None) == expected or str(error).startswith(str(expected))
