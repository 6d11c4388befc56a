"""A new browser session's time to its first chart: the dashboard against a minimal Streamlit page with one
Plotly chart, both served and measured in the same run, in headless Chromium (Debian's /usr/bin/chromium).

    python benchmarks/sessions.py              # 5 new sessions each, alternating
    python benchmarks/sessions.py --rounds 9

Each session is a new browser context (no cache, no cookies) opening the page and waiting for the first drawn
Plotly chart (svg.main-svg). Prints each time, the medians and their ratio (goal: within 1.5× the minimal
page). The server caches are warm after the first round, as for every official after the first. Nothing here
asserts a time.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser_support import chromium, streamlit_app  # noqa: E402

MINIMAL = """import plotly.graph_objects as go
import streamlit as st

st.title("最小页面")
st.plotly_chart(go.Figure(go.Bar(x=["甲", "乙", "丙"], y=[3, 1, 2])), config={"displayModeBar": False})
"""


def first_chart(browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(".js-plotly-plot svg.main-svg", timeout=120_000)
        return time.perf_counter() - start
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        minimal = Path(folder) / "minimal.py"
        minimal.write_text(MINIMAL, encoding="utf-8")
        with contextlib.ExitStack() as stack:
            dashboard = stack.enter_context(streamlit_app())
            bare = stack.enter_context(streamlit_app(script=str(minimal)))
            browser = stack.enter_context(chromium())
            first_chart(browser, dashboard)  # warm both servers' caches once, not counted
            first_chart(browser, bare)
            times: dict[str, list[float]] = {"dashboard": [], "minimal": []}
            for _ in range(args.rounds):  # alternating, so load on the machine falls on both alike
                times["dashboard"].append(first_chart(browser, dashboard))
                times["minimal"].append(first_chart(browser, bare))
    for name, values in times.items():
        shown = " ".join(f"{v:.2f}" for v in values)
        print(f"{name:9s} first chart, s: {shown}  (median {statistics.median(values):.2f})")
    ratio = statistics.median(times["dashboard"]) / statistics.median(times["minimal"])
    print(f"ratio dashboard / minimal page: {ratio:.2f} (goal ≤ 1.5)")


if __name__ == "__main__":
    main()
