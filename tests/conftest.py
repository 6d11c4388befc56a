"""Test settings shared by the whole suite."""

from __future__ import annotations

import os

from hypothesis import settings

# Property tests explore at random on a developer's machine (and find new cases); on CI they replay a fixed
# derandomized sequence, so a green main stays green. Crashes they find are kept as plain regression tests.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
