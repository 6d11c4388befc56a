"""Test settings shared by the whole suite."""

from __future__ import annotations

import os
import sys

import pytest
from hypothesis import settings

# Property tests explore at random on a developer's machine (and find new cases); on CI they replay a fixed
# derandomized sequence, so a green main stays green. Crashes they find are kept as plain regression tests.
# No per-example deadline anywhere: a deadline is a timed assertion, and on a loaded 2-core machine it fails
# tests whose logic is right (speed is measured by benchmarks/, never asserted).
settings.register_profile("default", deadline=None)
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True)
def _main_module_kept():
    """AppTest runs dashboard.py as `__main__` and leaves it there; a process pool started later with spawn or
    forkserver (dask, loaders.pool) then re-runs the dashboard in each worker as it re-imports `__main__`, which
    fails outside a Streamlit run. Each test gets back the `__main__` it started with."""
    main = sys.modules.get("__main__")
    yield
    if main is not None:
        sys.modules["__main__"] = main


# The end-to-end tests in headless Chromium (tests/browser_support.py) share these; a module serving another
# library defines its own `app_url`, which takes the place of this one.
@pytest.fixture
def page():
    """A Chromium page that records every request to another host in `page.outside`."""
    from tests.browser_support import recorded_page

    with recorded_page() as recorded:
        yield recorded


@pytest.fixture(scope="module")
def library_copy(tmp_path_factory):
    """A library folder holding the seed reply, one per test module: never the repository's data/."""
    from tests.browser_support import seed_library

    return seed_library(tmp_path_factory.mktemp("library"))


@pytest.fixture(scope="module")
def app_url(library_copy):
    """The app on `library_copy`, with the tests' editor password configured."""
    from tests.browser_support import editor_app

    with editor_app(library_copy) as url:
        yield url
