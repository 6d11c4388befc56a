"""A library of 10,000 replies: ingest, warm restart, queries, dashboard render and filter change, memory.

    .venv/bin/python benchmarks/library.py [--replies 10000] [--workers 2] [--keep]

Writes distinct synthetic replies (benchmarks/synthetic_replies.py) to a temp folder — never into data/ — then
runs each measurement in a fresh process, so each one starts as a restarted server would:
  ingest     `library.add_files` of the whole folder into an empty library (the CLI's path), both cores
  restart    `library.open_library` on the same library: manifest + Parquet cache, nothing re-extracted
  query      DuckDB over the segments (library.query): count, one filtered page, counts by theme
  dashboard  Streamlit AppTest with REPLY_LIBRARY pointing at it: first render, filter changes
Peak memory is the largest resident set of the phase's process tree, sampled every 50 ms with psutil (the ingest's
workers included), beside ru_maxrss. Goals (issue 5): ingest < 30 s, restart < 3 s, first render < 3 s,
filter change < 0.5 s, peak memory < 2 GB. Nothing here asserts a time; it prints figures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# the project first (this file is named library.py too: `import library` must find the package), this folder last
sys.path[:] = [str(ROOT), *(p for p in sys.path if Path(p or ".").resolve() != HERE), str(HERE)]

from extract import BARE  # noqa: E402
from synthetic_replies import write_replies  # noqa: E402

GOALS = {"ingest_s": 30, "restart_s": 3, "first_render_s": 3, "overview_filter_s": 0.5, "explorer_filter_s": 0.5,
         "explorer_search_s": 0.5, "peak_rss_mb": 2048}  # fmt: skip


def tree_rss(process: psutil.Process) -> int:
    """Resident bytes of a process and all its descendants (pool workers, a forkserver)."""
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += proc.memory_info().rss
    return total


def cpu_seconds() -> dict:
    """CPU time of this process and of its finished children (the ingest's workers)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu_main_s": me.ru_utime + me.ru_stime, "cpu_workers_s": children.ru_utime + children.ru_stime}


def maxrss() -> dict:
    """ru_maxrss of this process and of its largest finished child (in MB)."""
    return {"maxrss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "maxrss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}  # fmt: skip


def phase_ingest(source: Path, library: Path, workers: int) -> dict:
    import library as store

    started = time.perf_counter()
    results = store.add_files([source], folder=library, how="cli", workers=workers)
    seconds = time.perf_counter() - started
    status = {s: sum(r.status == s for r in results) for s in ("added", "duplicate", "failed")}
    return {
        "ingest_s": seconds,
        **status,
        "figures": sum(r.n_figures for r in results),
        **cpu_seconds(),
        **maxrss(),
    }


def phase_restart(library: Path) -> dict:
    import library as store

    started = time.perf_counter()
    opened = store.open_library(library)
    seconds = time.perf_counter() - started
    return {"restart_s": seconds, "docs": len(opened.entries), "figures": len(opened.tables.figures),
            "problems": len(opened.problems), **maxrss()}  # fmt: skip


def phase_query(library: Path) -> dict:
    from library.query import FigureFilter, FigureStore

    started = time.perf_counter()
    store = FigureStore.open(library)
    opened = time.perf_counter()
    total = store.count()
    counted = time.perf_counter()
    page = store.figures(FigureFilter(themes=("园区与平台",), query="企业"), limit=200, offset=1000)
    paged = time.perf_counter()
    by_theme = store.counts_by(["theme", "kind"], FigureFilter(status="achieved"))
    grouped = time.perf_counter()
    return {"open_s": opened - started, "count_s": counted - opened, "page_s": paged - counted,
            "group_s": grouped - paged, "figures": total, "page_rows": len(page), "groups": len(by_theme),
            **maxrss()}  # fmt: skip


def phase_dashboard(library: Path, repeat: int) -> dict:
    os.environ["REPLY_LIBRARY"] = str(library)
    from streamlit.testing.v1 import AppTest

    app = str(ROOT / "dashboard.py")

    def timed(action) -> float:
        started = time.perf_counter()
        action()
        return time.perf_counter() - started

    def checked(at: AppTest) -> AppTest:
        assert not at.exception, [e.message for e in at.exception][:1]
        return at

    first = AppTest.from_file(app, default_timeout=900)
    first_render = timed(lambda: checked(first.run()))
    second = AppTest.from_file(app, default_timeout=900)
    second_render = timed(lambda: checked(second.run()))
    # each filter value is asked for first when no session has asked for it (computed), then again (the
    # shared caches answer): both are printed, the goal applies to the first
    kinds = [["area"], ["money"], ["count"], ["percent"]][: max(2, repeat + 1)]
    overview_new = [timed(lambda k=k: checked(_set(second, "kind", k))) for k in kinds]
    overview_again = [timed(lambda k=k: checked(_set(second, "kind", k))) for k in kinds]
    explorer = AppTest.from_file(app, default_timeout=900)
    explorer.run()
    open_explorer = timed(lambda: checked(explorer.switch_page("views/explorer.py").run()))
    themes = [["园区与平台"], ["减负与资金"], ["企业服务"], ["外贸与出口"]][: max(2, repeat + 1)]
    explorer_theme = [timed(lambda t=t: checked(_set(explorer, "theme", t))) for t in themes]
    _set(explorer, "theme", [])
    words = ["园区", "企业", "资金", "培训"][: max(2, repeat + 1)]
    search = [timed(lambda q=q: checked(_set(explorer, "q", q))) for q in words]
    markdown = " ".join(str(c.value) for c in explorer.caption)
    return {"first_render_s": first_render, "second_session_s": second_render,
            "overview_filter_s": statistics.median(overview_new),
            "overview_filter_again_s": statistics.median(overview_again), "explorer_open_s": open_explorer,
            "explorer_filter_s": statistics.median(explorer_theme), "explorer_search_s": statistics.median(search),
            "explorer_caption": markdown[:120], **maxrss()}  # fmt: skip


def _set(at, key: str, value):
    at.session_state[key] = value
    return at.run()


def reference_rate(source: Path) -> dict:
    """This machine's speed: one bare regex pass (benchmarks/extract.py's) over the generated text."""
    text = "\n".join(p.read_text("utf-8") for p in sorted(source.glob("*.txt")))
    started = time.perf_counter()
    hits = sum(1 for _ in BARE.finditer(text))
    seconds = time.perf_counter() - started
    return {"chars": len(text), "bare_regex_chars_per_s": len(text) / seconds, "bare_hits": hits}


def run_phase(args: list[str]) -> dict:
    """One phase in a fresh interpreter, its process tree's memory sampled every 50 ms from here.

    Sampling from outside keeps the phase single-threaded, as a CLI run is (a thread in it would make the
    library start its workers with forkserver instead of fork). Its last stdout line is its JSON result.
    """
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen([sys.executable, __file__, *args], stdout=out, stderr=err, cwd=ROOT)
        watched, peak = psutil.Process(child.pid), 0
        while child.poll() is None:
            with contextlib.suppress(psutil.Error):
                peak = max(peak, tree_rss(watched))
            time.sleep(0.05)
        wall = time.perf_counter() - started
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode:
        return {"error": (stderr.strip().splitlines() or ["?"])[-1]}
    result = json.loads(stdout.strip().splitlines()[-1])
    return {**result, "peak_rss_mb": peak / 2**20, "process_wall_s": wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--repeat", type=int, default=3, help="runs per filter measurement (median printed)")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (its path is printed)")
    parser.add_argument(
        "--phase", choices=["ingest", "restart", "query", "dashboard"], help=argparse.SUPPRESS
    )
    parser.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--library", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        result = {
            "ingest": lambda: phase_ingest(args.source, args.library, args.workers),
            "restart": lambda: phase_restart(args.library),
            "query": lambda: phase_query(args.library),
            "dashboard": lambda: phase_dashboard(args.library, args.repeat),
        }[args.phase]()
        print(json.dumps(result, ensure_ascii=False))
        return

    work = Path(tempfile.mkdtemp(prefix="reply-library-bench-"))
    source, library = work / "incoming", work / "library"
    library.mkdir()
    started = time.perf_counter()
    size = write_replies(source, args.replies)
    generated = time.perf_counter() - started
    reference = reference_rate(source)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; work folder {work}")
    print(
        f"generated {args.replies:,} replies, {size / 1e6:.1f} MB, {reference['chars']:,} chars in {generated:.1f} s"
    )
    print(f"reference: bare regex pass {reference['bare_regex_chars_per_s']:,.0f} chars/s")
    results = {}
    for phase, extra in (("ingest", ["--source", str(source), "--workers", str(args.workers)]),
                         ("restart", []), ("restart", []), ("query", []),
                         ("dashboard", ["--repeat", str(args.repeat)])):  # fmt: skip
        got = run_phase(["--phase", phase, "--library", str(library), *extra])
        key = phase if phase not in results else f"{phase} (again)"
        results[key] = got
        print(f"\n[{key}]")
        for name, value in got.items():
            goal = GOALS.get(name)
            shown = f"{value:,.3f}" if isinstance(value, float) else str(value)
            mark = (
                ""
                if goal is None or not isinstance(value, float)
                else ("  ok" if value < goal else "  MISSED")
            )
            print(f"  {name:22} {shown}{f'   (goal < {goal})' if goal else ''}{mark}")
        if phase == "ingest" and "ingest_s" in got:
            chars_per_s = reference["chars"] / got["ingest_s"]
            ratio = reference["bare_regex_chars_per_s"] / chars_per_s
            print(f"  ingest rate            {chars_per_s:,.0f} chars/s, {got['figures'] / got['ingest_s']:,.0f} "
                  f"figures/s ({ratio:.0f}x slower than the bare regex pass on {args.workers} workers)")  # fmt: skip
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"\nkept: {work}")


if __name__ == "__main__":
    main()
