"""Dashboard timings with Streamlit's AppTest (the script runs as in a browser session, without the browser).

    python benchmarks/dashboard.py              # the embedded seed reply
    python benchmarks/dashboard.py --copies 200 # a library of 200 copies of it (figures ×200)

Prints, in seconds: the first render with a cold cache (reading and extracting every reply), the first render
of a new session with a warm cache (what a second official sees), a filter change on the overview, a filter
change and a page turn in the explorer, and a theme page. Goals from issue 3: first render < 2 s, filter
change < 0.3 s. Nothing here asserts a time; it prints figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(action, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def make_library(copies: int) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="reply-bench-"))
    text = (ROOT / "data" / "seed_reply.txt").read_text("utf-8")
    for i in range(copies):  # the library refuses the same content twice: vary the index number and a figure
        varied = text.replace("2020-99722", f"2020-{i:05d}").replace("39.9亿元", f"{39 + i / 100:.2f}亿元")
        (folder / f"reply_{i:05d}.txt").write_text(varied, "utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=0, help="library of N copies of the seed (0: data/)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per warm measurement (median printed)")
    args = parser.parse_args()
    folder = make_library(args.copies) if args.copies else None
    if folder:
        os.environ["REPLY_LIBRARY"] = str(folder)

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    app = str(ROOT / "dashboard.py")

    def fresh(page: str | None = None) -> AppTest:
        at = AppTest.from_file(app, default_timeout=600)
        at.run()
        if page:
            at.switch_page(page).run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    st.cache_data.clear()
    cold = timed(lambda: fresh())
    warm = timed(lambda: fresh(), args.repeat)

    at = fresh()

    def overview_filter() -> None:
        at.session_state["kind"] = ["area"] if at.session_state["kind"] != ["area"] else ["money"]
        at.run()

    overview_change = timed(overview_filter, args.repeat)

    ex = fresh("views/explorer.py")
    n_rows = ex.caption[0].value

    def explorer_filter() -> None:
        ex.session_state["theme"] = ["园区与平台"] if ex.session_state["theme"] != ["园区与平台"] else []
        ex.run()

    explorer_change = timed(explorer_filter, args.repeat)
    ex.session_state["theme"] = []
    ex.run()

    def explorer_search() -> None:
        ex.session_state["q"] = "园区" if ex.session_state["q"] != "园区" else "企业"
        ex.run()

    explorer_query = timed(explorer_search, args.repeat)
    theme = AppTest.from_string("from views import theme\ntheme.render('园区与平台')\n", default_timeout=600)
    theme_page = timed(lambda: theme.run(), args.repeat)

    print(f"library: {folder or ROOT / 'data'} ({args.copies or 1} replies); explorer: {n_rows}")
    print(f"first render, cold cache (read + extract all):  {cold:7.3f} s")
    print(f"first render, new session, warm cache:          {warm:7.3f} s   (goal < 2 s)")
    print(f"filter change on the overview:                  {overview_change:7.3f} s   (goal < 0.3 s)")
    print(f"filter change in the explorer (theme):          {explorer_change:7.3f} s   (goal < 0.3 s)")
    print(f"free-text search in the explorer:               {explorer_query:7.3f} s")
    print(f"theme page (园区与平台) rerun:                   {theme_page:7.3f} s")
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
