"""Golden test: every required figure of the seed, field by field, against its gold row."""

from __future__ import annotations

import pytest

from loaders import load_path
from tests.corpus import CORPUS, SEED_TEXT, load_gold

GOLD = CORPUS / "seed" / "seed_reply.gold.jsonl"
pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="../shared/corpus is not beside the checkout")


@pytest.fixture(scope="module")
def figures():
    return load_path(SEED_TEXT).figures.set_index("start", drop=False)


def required():
    return [g for g in load_gold(GOLD) if not g.get("negative") and not g.get("optional")]


@pytest.mark.parametrize("gold", required(), ids=lambda g: g["text"])
def test_seed_figure(figures, gold):
    assert gold["start"] in figures.index, f"{gold['text']} not extracted"
    row = figures.loc[gold["start"]]
    assert row["text"] == gold["text"]
    assert row["end"] == gold["end"]
    if gold["base_value"] is None:
        low, high = row["base_value_low"], row["base_value_high"]
        assert gold["base_value_low"] <= low <= high <= gold["base_value_high"]
    else:
        assert row["base_value"] == pytest.approx(gold["base_value"], rel=1e-6)
    assert row["base_unit"] == gold["base_unit"]
    assert row["kind"] == gold["kind"]
    assert row["qualifier"] == gold["qualifier"]
    if gold["period"]:
        assert row["period"] == gold["period"]
    assert bool(row["is_planned"]) == gold["planned"]
    themes = gold["theme"] if isinstance(gold["theme"], list) else [gold["theme"]]
    assert row["theme"] in themes
    assert all(word in row["label"] for word in gold["label_all"]), row["label"]
    assert not gold["label_any"] or any(word in row["label"] for word in gold["label_any"]), row["label"]


def test_seed_units_as_written(figures):
    assert figures.loc[506, ["value", "unit"]].tolist() == [39.9, "亿元"]
    assert figures.loc[1054, ["value", "unit"]].tolist() == [193, "万平方米"]
    assert figures.loc[1326, ["value", "value_high", "base_value_high"]].tolist() == [50, 80, 80]


def test_seed_metadata():
    doc = load_path(SEED_TEXT).documents.iloc[0]
    assert doc["proposal_title"] == "关于扶持小微企业成长升级的建议"
    assert doc["proposal_number"] == "170"
    assert doc["proposal_kind"] == "提案"
    assert doc["session"] == "十一届四次会议"
    assert doc["addressee"] == "杨文艳委员"
    assert doc["replying_body"] == "慈溪市经济和信息化局"
    assert doc["index_number"] == "11330282734267548D/2020-99722"
    assert str(doc["signed_date"].date()) == "2020-08-31"
    assert doc["year"] == 2020


def test_seed_sections():
    sections = load_path(SEED_TEXT).sections
    top = sections[sections["level"] == 1]
    assert top["number"].tolist() == ["一、", "二、", "三、", "四、", "五、"]
    assert top["heading"].iloc[0] == "加强小微企业扶持力度"
    assert (sections["level"] == 2).sum() == 14
