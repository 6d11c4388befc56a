"""The loaders as a map over documents on Dask: one Parquet segment per partition, queried with DuckDB.

    .venv/bin/python benchmarks/dask_map.py REPLIES_DIR OUT_DIR                       # local processes
    .venv/bin/python benchmarks/dask_map.py REPLIES_DIR OUT_DIR --cluster local       # dask.distributed LocalCluster
    .venv/bin/python benchmarks/dask_map.py REPLIES_DIR OUT_DIR --scheduler tcp://host:8786   # a real cluster

Each reply is read and extracted by the same function the library's process pool runs
(`library.ingest.extract_one`: bytes → `loaders.read_bytes` → `loaders.extract_decoded`, errors as one-line
reasons), and each partition's rows become one segment in the library cache's layout
(`seg-<id>.{documents,sections,figures}.parquet`, rows tagged with the file's sha256; `library.cache`). Nothing
is gathered on the client but a small summary per partition, so the corpus may be larger than any machine's
memory; the segments are then queried in place with DuckDB (see docs/scale.md). On a cluster, REPLIES_DIR and
OUT_DIR must be paths every worker sees (a shared file system; for object stores, read bytes with fsspec).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from library import cache, expand  # noqa: E402
from library.ingest import Source, extract_one  # noqa: E402


def extract_file(path: str, root: str) -> tuple[str, object]:
    """One reply: (its name relative to the input folder, Extracted with rows or a reason)."""
    name = str(Path(path).relative_to(root)) if Path(path).is_relative_to(root) else Path(path).name
    return name, extract_one(Source(name, path=Path(path)))


def write_partition(items: list[tuple[str, object]], out: str) -> list[dict]:
    """One partition's records → one segment; returns a one-row summary (counts and failures)."""
    items = list(items)  # a bag partition may be a one-pass iterator
    read = [got for _, got in items if not got.error]
    failed = [f"{name}: {got.error}" for name, got in items if got.error]
    segment = cache.write_segment(Path(out), [got.rows for got in read]) if read else None
    figures = sum(got.n_figures for got in read)
    return [{"segment": segment, "replies": len(read), "figures": figures, "failed": failed}]


def run(
    replies: Path, out: Path, partition_size: int = 64, scheduler: str | None = "processes"
) -> list[dict]:
    """Map the loaders over every reply file under `replies`; one summary per partition."""
    import dask
    import dask.bag as db

    paths = [str(p) for p in expand([replies])]
    out.mkdir(parents=True, exist_ok=True)
    bag = db.from_sequence(paths, partition_size=partition_size)
    summaries = bag.map(extract_file, str(replies)).map_partitions(write_partition, str(out))
    if scheduler is None:  # a distributed Client is active: it is the default scheduler
        return summaries.compute()
    with dask.config.set(scheduler=scheduler):
        return summaries.compute()


def query(out: Path) -> list[tuple]:
    """Figures per theme over all segments, straight from the Parquet files."""
    import duckdb

    files = str(out / "seg-*.figures.parquet")
    return duckdb.sql(
        f"SELECT theme, count(*) AS n, count(DISTINCT sha256) AS replies FROM read_parquet('{files}') "
        "GROUP BY theme ORDER BY n DESC"
    ).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("replies", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--partition-size", type=int, default=64, help="replies per task and per segment")
    parser.add_argument("--cluster", choices=["local"], help="start a dask.distributed LocalCluster")
    parser.add_argument("--scheduler", help="address of a running dask scheduler (tcp://…)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    started = time.perf_counter()
    if args.cluster or args.scheduler:
        from dask.distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1) if args.cluster else None
        with Client(cluster or args.scheduler) as client:
            print(f"dask dashboard: {client.dashboard_link}", file=sys.stderr)
            summaries = run(args.replies, args.out, args.partition_size, scheduler=None)
        if cluster:
            cluster.close()
    else:
        summaries = run(args.replies, args.out, args.partition_size)
    seconds = time.perf_counter() - started
    replies = sum(s["replies"] for s in summaries)
    figures = sum(s["figures"] for s in summaries)
    print(f"{replies} replies, {figures} figures, {len(summaries)} segments in {seconds:.1f} s → {args.out}")
    for failure in (f for s in summaries for f in s["failed"]):
        print(f"  failed: {failure}")
    for theme, n, docs in query(args.out):
        print(f"  {theme}\t{n} figures\t{docs} replies")


if __name__ == "__main__":
    main()
