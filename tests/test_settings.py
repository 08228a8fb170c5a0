"""The `extra.therapon` table in mkdocs.yml: validated like exercise metadata, with the fix."""

from __future__ import annotations

import pytest

from therapon.errors import AuthoringFailed
from therapon.settings import Settings, read_settings, setting_line

WHERE = "mkdocs.yml: in extra.therapon,"
KNOWN = "Known settings: course_id, timeout_seconds, short_name, safety_page, safety_notice_on, partners."
MISSING = ("mkdocs.yml: extra.therapon is missing. Add `extra: therapon: course_id: your-course` "
           "to mkdocs.yml.")
BAD_COURSE_ID = ("'course_id' must use only lower-case letters, digits and single hyphens, got "
                 "{!r}. Write it as, for example, course_id: therapeutic-partnership. Learners' "
                 "saved progress is kept under it, so never change it once published.")
TIMEOUT = "'timeout_seconds' must be a number of seconds from 1 to 120, got {!r}."


def errors_of(extra: dict) -> list[str]:
    with pytest.raises(AuthoringFailed) as caught:
        read_settings(extra, "mkdocs.yml")
    return [str(e) for e in caught.value.errors]


def test_defaults():
    settings = read_settings({"therapon": {"course_id": "t"}}, "mkdocs.yml")
    assert settings == Settings(course_id="t", timeout_seconds=5.0)
    assert isinstance(settings.timeout_seconds, float)


@pytest.mark.parametrize(("timeout", "seconds"), [(1, 1.0), (2.5, 2.5), (120, 120.0)],
                         ids=["lowest", "fraction", "highest"])
def test_timeout_in_range_is_kept(timeout, seconds):
    settings = read_settings({"therapon": {"course_id": "my-course", "timeout_seconds": timeout}},
                             "mkdocs.yml")
    assert settings == Settings(course_id="my-course", timeout_seconds=seconds)


@pytest.mark.parametrize(("extra", "messages"), [
    ({}, [MISSING]),
    ({"therapon": None}, [MISSING]),
    ({"therapon": {}},
     [f"{WHERE} 'course_id' is required. Add a line `course_id: …` under `therapon:`."]),
    ({"therapon": {"course_id": "My Course"}}, [f"{WHERE} {BAD_COURSE_ID.format('My Course')}"]),
    ({"therapon": {"course_id": "../up"}}, [f"{WHERE} {BAD_COURSE_ID.format('../up')}"]),
    ({"therapon": {"course_id": 7}}, [f"{WHERE} {BAD_COURSE_ID.format(7)}"]),
    ({"therapon": {"course_id": "c", "timeout": 5}},
     [f"{WHERE} unknown setting 'timeout'. Did you mean 'timeout_seconds'? {KNOWN}"]),
    ({"therapon": {"course_id": "c", "timeout_seconds": 0.5}}, [f"{WHERE} {TIMEOUT.format(0.5)}"]),
    ({"therapon": {"course_id": "c", "timeout_seconds": 121}}, [f"{WHERE} {TIMEOUT.format(121)}"]),
    ({"therapon": {"course_id": "c", "timeout_seconds": "5"}}, [f"{WHERE} {TIMEOUT.format('5')}"]),
    ({"therapon": {"course_id": "c", "timeout_seconds": True}},
     [f"{WHERE} {TIMEOUT.format(True)}"]),
    ({"therapon": {"course_id": "c", "short_name": "A very long name for a phone"}},
     [f"{WHERE} 'short_name' must be a short name of 1 to 20 characters for a phone's header, got "
      "'A very long name for a phone'. Write it as, for example, short_name: Therapon."]),
    ({"therapon": {"course_id": "c", "safety_page": "safety/"}},
     [f"{WHERE} 'safety_page' must name a page in docs/ as nav does, for example safety.md, got "
      "'safety/'. Leave it out for no safety notice."]),
    ({"therapon": {"course_id": "c", "partners": "yes"}},
     [f"{WHERE} 'partners' must be true or false (without quotes), got 'yes'."]),
    ({"therapon": {"course_id": "c", "safety_notice_on": "/lessons/"}},
     [f"{WHERE} 'safety_notice_on' must be the start of pages' addresses, for example lessons/, got "
      "'/lessons/'."]),
    ({"therapon": {"course_id": "c", "short_name": 3}},
     [f"{WHERE} 'short_name' must be a short name of 1 to 20 characters for a phone's header, got 3. "
      "Write it as, for example, short_name: Therapon."]),
], ids=["no-table", "empty-table-value", "missing-course-id", "course-id-with-space",
        "course-id-path", "course-id-number", "unknown-key", "timeout-too-small",
        "timeout-too-large", "timeout-as-text", "timeout-as-bool", "short-name-too-long",
        "safety-page-not-a-page", "partners-as-text", "notice-prefix-absolute",
        "short-name-a-number"])
def test_each_settings_error_says_where_and_how_to_fix(extra, messages):
    assert errors_of(extra) == messages


def test_all_settings_errors_are_reported_at_once():
    assert errors_of({"therapon": {"timeout_seconds": 0, "colour": "red"}}) == [
        f"{WHERE} unknown setting 'colour'. {KNOWN}",
        f"{WHERE} 'course_id' is required. Add a line `course_id: …` under `therapon:`.",
        f"{WHERE} {TIMEOUT.format(0)}",
    ]


def test_the_config_path_is_the_one_given():
    with pytest.raises(AuthoringFailed) as caught:
        read_settings({}, "site/mkdocs.prod.yml")
    assert str(caught.value).startswith("site/mkdocs.prod.yml: extra.therapon is missing.")


CONFIG = """site_name: Course
extra:
  palette: x
  therapon:
    course_id: c   # never change
    timeout_seconds: 0

markdown_extensions:
  - toc
"""


@pytest.mark.parametrize(("key", "line"), [("timeout_seconds", 6), ("course_id", 5), ("colour", 4),
                                           (None, 4)], ids=["value", "first", "unknown", "table"])
def test_a_setting_is_located_in_mkdocs_yml(key, line):
    assert setting_line(CONFIG, key) == line


def test_without_the_table_the_line_is_extra_or_none():
    assert setting_line("site_name: c\nextra:\n  palette: x\n", None) == 2
    assert setting_line("site_name: c\n", "course_id") is None


def test_the_error_names_the_line_in_mkdocs_yml():
    with pytest.raises(AuthoringFailed) as caught:
        read_settings({"therapon": {"course_id": "c", "timeout_seconds": 0}}, "mkdocs.yml", CONFIG)
    assert str(caught.value) == f"mkdocs.yml:6: in extra.therapon, {TIMEOUT.format(0)}"


def test_the_header_name_is_the_short_name_or_the_site_name_up_to_its_colon():
    settings = read_settings({"therapon": {"course_id": "c"}}, "mkdocs.yml")
    assert settings.header_name("Therapon: partners as comrades") == "Therapon"
    assert settings.header_name("Couples") == "Couples"
    named = read_settings({"therapon": {"course_id": "c", "short_name": " Our course "}}, "mkdocs.yml")
    assert named.header_name("Therapon: partners as comrades") == "Our course"
