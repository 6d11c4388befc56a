"""The scale benchmark's generated replies: all different, shaped like replies, about 30 figures each."""

from __future__ import annotations

import hashlib
import random

from benchmarks.synthetic_replies import SentencePool, make_reply, write_replies
from loaders import load_text


def test_generated_replies_differ_and_read_as_replies(tmp_path):
    size = write_replies(tmp_path, 60, seed=7)
    files = sorted(tmp_path.glob("reply_*.txt"))
    assert len(files) == 60 and size == sum(p.stat().st_size for p in files)
    assert len({hashlib.sha256(p.read_bytes()).hexdigest() for p in files}) == 60
    counts = []
    for path in files[:20]:
        text = path.read_text("utf-8")
        tables = load_text(text, path.name)
        document = tables.documents.iloc[0]
        assert document["addressee"] and document["proposal_number"]
        assert (
            tables.figures["text"]
            == [text[s:e] for s, e in zip(tables.figures["start"], tables.figures["end"], strict=True)]
        ).all()
        counts.append(len(tables.figures))
    assert 20 <= sum(counts) / len(counts) <= 45  # ~300,000 figures for 10,000 replies


def test_the_same_seed_gives_the_same_library():
    pool = SentencePool.from_corpus()
    first = [make_reply(i, pool, random.Random(3)) for i in range(3)]
    again = [make_reply(i, pool, random.Random(3)) for i in range(3)]
    assert first == again
