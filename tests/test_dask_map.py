"""The loaders as a Dask map (benchmarks/dask_map.py): same figures as the loaders, one segment per partition."""

from __future__ import annotations

import pandas as pd
import pytest

import loaders
from benchmarks import dask_map
from tests.reply_files import CORPUS, SEED

pytest.importorskip("dask.bag")


@pytest.fixture
def replies(tmp_path):
    folder = tmp_path / "replies"
    (folder / "2020").mkdir(parents=True)
    (folder / "seed_reply.txt").write_bytes(SEED.read_bytes())
    dev = sorted(CORPUS.glob("dev/*.txt"))[:2]
    for path in dev:
        (folder / "2020" / path.name).write_bytes(path.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    return folder, [SEED, *dev]


def check(out, summaries, originals):
    assert sum(s["replies"] for s in summaries) == 3
    assert [f for s in summaries for f in s["failed"]] == ["empty.txt: empty file"]
    figures = pd.concat([pd.read_parquet(p) for p in sorted(out.glob("seg-*.figures.parquet"))])
    expected = loaders.load_many(originals).figures
    assert len(figures) == len(expected)
    key = ["text", "start", "base_value", "theme", "label"]
    got = figures.sort_values(["text", "start"])[key].reset_index(drop=True).astype(expected[key].dtypes)
    pd.testing.assert_frame_equal(got, expected.sort_values(["text", "start"])[key].reset_index(drop=True))
    assert set(figures["doc"]) == {"seed_reply.txt", *(f"2020/{p.name}" for p in originals[1:])}
    by_theme = dict((t, n) for t, n, _ in dask_map.query(out))
    assert by_theme == expected["theme"].value_counts().to_dict()


def test_the_map_runs_in_local_processes(replies, tmp_path):
    folder, originals = replies
    out = tmp_path / "segments"
    summaries = dask_map.run(folder, out, partition_size=2, scheduler="processes")
    assert len(summaries) == 2  # 4 files, 2 per partition: one segment each (one holds the failure too)
    check(out, summaries, originals)


@pytest.mark.slow
def test_the_map_runs_on_a_local_distributed_cluster(replies, tmp_path):
    from dask.distributed import Client, LocalCluster

    folder, originals = replies
    out = tmp_path / "segments"
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster):
        summaries = dask_map.run(folder, out, partition_size=2, scheduler=None)
    check(out, summaries, originals)
