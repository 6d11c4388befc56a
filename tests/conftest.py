"""Test settings shared by the whole suite."""

from __future__ import annotations

import os

from hypothesis import settings

# Property tests explore at random on a developer's machine (and find new cases); on CI they replay a fixed
# derandomized sequence, so a green main stays green. Crashes they find are kept as plain regression tests.
# No per-example deadline anywhere: a deadline is a timed assertion, and on a loaded 2-core machine it fails
# tests whose logic is right (speed is measured by benchmarks/, never asserted).
settings.register_profile("default", deadline=None)
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")
