"""The browser fixtures of tests/e2e/conftest.py, for this course's own browser tests."""

from e2e.conftest import (  # noqa: F401  (fixtures and a hook, found here by name)
    browser_type_launch_args,
    foreign_requests,
    page_errors,
    pytest_collection_modifyitems,
)
