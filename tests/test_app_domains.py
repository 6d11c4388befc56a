"""AppTest on a library of replies from three domains: the navigation lists each domain's themes, the 领域
filter narrows the figures and lives in the URL, and edited theme / domain tables change the app without a
change of code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from board.filters import KEYS
from tests.app_support import run_app

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "real_domains"
REPLIES = ["02_qujiang_youeryuan.txt", "31_zhongxian_gongjiao.txt", "06_taishun_xushui.txt"]


def library_of(folder: Path, monkeypatch) -> None:
    folder.mkdir()
    for name in REPLIES:
        shutil.copy(REAL / name, folder / name)
    monkeypatch.setenv("REPLY_LIBRARY", str(folder))


@pytest.fixture
def three_domains(tmp_path, monkeypatch):
    library_of(tmp_path / "library", monkeypatch)
    return tmp_path


def pages(at) -> dict[str, str]:
    """url path → title of every page the navigation registered."""
    return {info.get("url_pathname"): info.get("page_name") for info in at._registered_pages.values()}


def test_navigation_shows_each_domains_themes_and_no_parks(three_domains):
    shown = pages(run_app())
    titles = set(shown.values())
    assert {"学位与学校", "公交与客运", "供水"} <= titles  # education, transport, water
    assert not titles & {"园区与平台", "减负与资金", "企业服务"}  # nothing about parks in this library
    assert len(shown) == len(set(shown))  # every page its own URL


def test_the_domain_filter_narrows_the_figures_and_survives_in_the_url(three_domains):
    at = run_app(**{KEYS["domains"]: "科技、教育"})
    assert at.query_params.get(KEYS["domains"]) in ("科技、教育", ["科技、教育"])
    counts = [c.value for c in at.sidebar.caption if c.value.startswith("已筛选")]
    assert counts and counts[0].startswith("已筛选：6 /"), counts  # the six figures of the education reply
    widget = at.sidebar.multiselect(key=KEYS["domains"])
    assert widget.value == ["科技、教育"]
    for name in ("domains", "bodies", "years"):  # each writes its value to the URL
        assert at.sidebar.multiselect(key=KEYS[name]).proto.query_param_key == KEYS[name]
    widget.set_value(["工业、交通"]).run()  # the bus reply's four figures
    counts = [c.value for c in at.sidebar.caption if c.value.startswith("已筛选")]
    assert counts and counts[0].startswith("已筛选：4 /"), counts


def test_an_edited_theme_table_changes_the_navigation_without_code(three_domains, monkeypatch):
    before = pages(run_app())
    table = three_domains / "themes.csv"
    text = (ROOT / "loaders/rules/themes.csv").read_text(encoding="utf-8")
    table.write_text(
        text.replace("学位与学校,school places and schools", "学校建设,school building"), "utf-8"
    )
    monkeypatch.setenv("REPLY_THEMES_CSV", str(table))
    # the tables are read when replies are extracted: as after a restart (a new LOADER_VERSION), a library
    # whose cache predates the edit is read afresh
    library_of(three_domains / "after", monkeypatch)
    after = pages(run_app())
    assert "学位与学校" in before.values() and "学位与学校" not in after.values()
    assert after.get("theme-school-building") == "学校建设"


def test_an_edited_domain_table_changes_the_navigation_without_code(three_domains, monkeypatch):
    before = pages(run_app())
    table = three_domains / "domains.csv"
    text = (ROOT / "loaders/rules/domains.csv").read_text(encoding="utf-8")
    transport = "交通运输|交通|公路|港航|运输|邮政|铁路|民航"
    # an official files the transport bodies' replies under 城乡建设、环境保护
    lines = [
        line.replace(f",{transport},", ",,")
        if line.startswith("工业、交通,industry-transport,交通")
        else line.replace(",住房和城乡建设|", f",{transport}|住房和城乡建设|")
        if line.startswith("城乡建设、环境保护")
        else line
        for line in text.splitlines()
    ]
    assert lines != text.splitlines()
    table.write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.setenv("REPLY_DOMAINS_CSV", str(table))
    library_of(three_domains / "after", monkeypatch)
    after = pages(run_app())
    assert "公交与客运" in before.values() and "公交与客运" not in after.values()
    assert any(url and url.startswith("theme-urban-environment-") for url in after)
    assert {"学位与学校", "供水"} <= set(after.values())  # the other two replies as before


def test_reply_filters_pick_replies_by_body_result_class_and_year():
    from board.filters import NO_CLASS, Filters, filter_mask
    from loaders import load_many

    tables = load_many(REAL / name for name in ["08_zhenkang_gongshui.txt", *REPLIES])
    figures, documents = tables.figures, tables.documents

    def docs(f: Filters) -> set[str]:
        return set(figures["doc"][filter_mask(figures, f, documents=documents)])

    assert docs(Filters(classes=("B",))) == {"08_zhenkang_gongshui.txt"}  # 办理结果:B
    assert "08_zhenkang_gongshui.txt" not in docs(Filters(classes=(NO_CLASS,)))
    assert docs(Filters(bodies=("忠县交通运输委员会",))) == {"31_zhongxian_gongjiao.txt"}
    assert docs(Filters(years=("2024",))) == {"31_zhongxian_gongjiao.txt", "06_taishun_xushui.txt"}
    assert docs(Filters(domains=("科技、教育",))) == {"02_qujiang_youeryuan.txt"}


def test_a_theme_page_of_a_domain_the_filter_leaves_out_shows_nothing(three_domains):
    from streamlit.testing.v1 import AppTest

    script = (
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom views import theme\n"
        "theme.render('学位与学校', '科技、教育')\n"
    )
    at = AppTest.from_string(script, default_timeout=60)
    at.session_state[KEYS["domains"]] = ["工业、交通"]
    at.run()
    assert not at.exception
    assert "没有数据" in at.info[0].value
    at = AppTest.from_string(script, default_timeout=60).run()
    assert not at.info and at.get("plotly_chart")  # without the filter, the education figures are there
