"""Hostile replies (issue 11): each generator is a few lines; each reading ends in tables or one LoadError.

Cost is checked by counting the lines the reader executes (sys.settrace) at two sizes: linear work grows
with the input, quadratic work with its square. No test here measures time (benchmarks/hostile.py does).
"""

from __future__ import annotations

import io
import math
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from board import exports
from loaders import LoadError, load_bytes
from loaders.read import read_bytes
from loaders.structure import parse_structure

ROOT = Path(__file__).resolve().parent.parent
MAX_TEXT_CHARS = 2_000_000  # loaders.read.MAX_TEXT_CHARS, restated so this file imports on today's code
SENTENCE = "我市已建成小微企业园15个，安排资金2.36亿元。"


def lines_run(module_file: str, work) -> int:
    """How many lines of `module_file` ran while `work()` ran."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename.endswith(module_file):
            if event == "line":
                count += 1
            return tracer
        return None

    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def dense_headings(n: int) -> str:
    levels = ["一、加强扶持", "(一)完善政策", "1.落实资金", "(1)建设园区"]
    return "".join(f"{levels[i % 4]}\n{SENTENCE}一是培育企业。二是提升服务。\n" for i in range(n))


def test_the_section_outline_is_linear_in_the_number_of_sections():
    small = lines_run("loaders/structure.py", lambda: parse_structure(dense_headings(150)))
    large = lines_run("loaders/structure.py", lambda: parse_structure(dense_headings(600)))
    assert large < 6 * small, (small, large)  # 4× the sections: 4× the work, not 16×


def test_the_outline_still_nests_sections_and_inline_items():
    structure = parse_structure(dense_headings(8))
    offset = structure.text.index("二是", structure.text.index("(1)建设园区"))
    assert structure.headings_at(offset).split() == [
        "加强扶持",
        "完善政策",
        "落实资金",
        "建设园区",
        "提升服务",
    ]
    assert structure.section_at(offset).number == "二是"
    assert structure.headings_at(0) == "加强扶持" and structure.section_at(0).level == 1


def nested_html(depth: int) -> bytes:
    body = "<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth
    return f'<html><body><div class="article"><p>{SENTENCE}</p>{body}</div></body></html>'.encode()


def nested_with_text(depth: int) -> bytes:
    body = "".join(f"<div>第{i}段：资金{i}万元。" for i in range(depth)) + "</div>" * depth
    return f'<html><body><div class="article">{body}</div></body></html>'.encode()


def test_deeply_nested_html_is_read_or_refused_with_one_line():
    for depth in (1_000, 5_000, 100_000):
        try:
            text = read_bytes(nested_html(depth), "deep.html").text
        except LoadError as err:
            assert "\n" not in str(err)
        else:
            assert "小微企业园15个" in text


def test_html_walking_is_linear_in_depth():
    from loaders.formats.html_reader import read_html

    def run(depth):
        return lambda: read_html(nested_with_text(depth))

    small = lines_run("loaders/formats/html_reader.py", run(60))
    large = lines_run("loaders/formats/html_reader.py", run(240))
    assert large < 6 * small, (small, large)


def test_any_error_inside_a_reader_is_a_load_error(monkeypatch):
    from loaders.formats import html_reader

    def broken(data):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(html_reader, "read_html", broken)
    with pytest.raises(LoadError, match="html"):
        read_bytes(b"<html><body>x</body></html>", "a.html")


def test_the_cli_reports_a_hostile_file_and_goes_on_with_the_next(tmp_path):
    deep = tmp_path / "deep.html"
    deep.write_bytes(b"<html><body>" + b"<div>" * 3000 + b"\x00\xff" * 10 + b"</body></html>")
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "loaders", str(deep), str(good)], cwd=ROOT, capture_output=True, text=True
    )
    assert "Traceback" not in done.stderr
    assert "15个" in done.stdout


def huge_docx(paragraphs: int, per: str = SENTENCE) -> bytes:
    body = f"<w:p><w:r><w:t>{per}</w:t></w:r></w:p>" * paragraphs
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", xml)
    return out.getvalue()


def test_a_small_docx_with_too_much_text_is_refused_before_python_docx_parses_it(monkeypatch):
    import docx

    def never(*args, **kwargs):
        raise AssertionError("python-docx was asked to parse a document over the budget")

    monkeypatch.setattr(docx, "Document", never)
    data = huge_docx(MAX_TEXT_CHARS // len(SENTENCE) + 10)
    assert len(data) < 1024 * 1024  # small on disk, a budget's worth of text inside
    with pytest.raises(LoadError, match="characters") as caught:
        read_bytes(data, "bomb.docx")
    assert "\n" not in str(caught.value)


def test_a_text_over_the_character_budget_is_refused():
    with pytest.raises(LoadError, match="characters"):
        read_bytes((SENTENCE * (MAX_TEXT_CHARS // len(SENTENCE) + 1)).encode(), "long.txt")


def test_figures_per_reply_are_bounded(monkeypatch):
    from library import ingest

    monkeypatch.setattr(ingest, "MAX_FIGURES", 10)
    with pytest.raises(LoadError, match="figures"):
        ingest.load_records((SENTENCE * 6).encode(), "many.txt")
    assert len(ingest.load_records((SENTENCE * 2).encode(), "few.txt").figures) == 4


CONTROLS = "\x01\x0b\x0c\x1b\x7f"


def test_control_characters_become_spaces_so_offsets_hold_and_excel_takes_every_cell():
    text = SENTENCE * 20 + f"我市已建成小微企业园{CONTROLS}15个，安排资金2.36亿元。"
    for name, data in (
        ("a.txt", text.encode()),
        ("a.html", f"<html><body><p>{text}</p></body></html>".encode()),
    ):
        tables = load_bytes(data, name)
        figures = tables.figures
        assert not any(ch in CONTROLS for value in figures["sentence"] for ch in value)
        decoded = read_bytes(data, name).text
        for row in figures.itertuples():
            assert decoded[row.start : row.end] == row.text
        book = exports.figures_workbook(figures, tables.documents, [], exports.datetime(2026, 1, 1))
        assert book[:2] == b"PK"


def test_a_utf16_mark_before_utf8_text_is_read_as_utf8_with_a_note():
    decoded = read_bytes(b"\xff\xfe" + SENTENCE.encode(), "a.txt")
    assert decoded.text.strip() == SENTENCE
    assert decoded.encoding.startswith("utf-8") and "UTF-16" in decoded.encoding
    assert list(load_bytes(b"\xfe\xff" + SENTENCE.encode(), "b.txt").figures["text"]) == ["15个", "2.36亿元"]


def test_real_utf16_is_still_utf16():
    for codec in ("utf-16-le", "utf-16-be"):
        mark = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
        decoded = read_bytes(mark + SENTENCE.encode(codec), "a.txt")
        assert decoded.text == SENTENCE and decoded.encoding == "utf-16"


@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
def test_one_invalid_byte_is_replaced_and_noted_not_called_binary(codec):
    data = (SENTENCE * 20).encode(codec)
    at = len(SENTENCE[:12].encode(codec))  # between two characters
    data = data[:at] + b"\xff" + data[at:]
    decoded = read_bytes(data, "a.txt")
    assert decoded.encoding.startswith(codec) and "replaced" in decoded.encoding
    assert decoded.text.count("\ufffd") == 1
    assert decoded.text.count("15个") == 20 or decoded.text.count("15个") == 19


def test_real_binary_is_still_refused():
    with pytest.raises(LoadError):
        read_bytes(bytes(range(256)) * 40, "a.txt")


def test_a_310_digit_number_is_not_a_figure_and_no_value_is_infinite():
    tables = load_bytes(f"我市已建成小微企业园{'9' * 310}个，安排资金{'9' * 300}亿元。".encode(), "a.txt")
    for column in ("base_value", "base_value_low", "base_value_high", "value", "value_high"):
        values = tables.figures[column].dropna().astype(float)
        assert all(math.isfinite(v) for v in values), column


def test_a_huge_number_in_a_table_cell_is_not_infinite():
    from tests.reply_files import make_docx

    data = make_docx([SENTENCE], table=[["项目", "资金(万元)"], ["园区", "9" * 320], ["企业", "12"]])
    figures = load_bytes(data, "a.docx").figures
    assert all(math.isfinite(v) for v in figures["base_value"].dropna().astype(float))


INVISIBLE = [
    "\u3164",
    "\u115f",
    "\u1160",
    "\u034f",
    "\u2800",
    "\u17b4",
    "\u17b5",
    "\uffa0",
    "\u180b",
    "\ufe0f",
]


@pytest.mark.parametrize("blank", INVISIBLE)
def test_a_formula_behind_an_invisible_character_is_guarded(blank):
    for start in "=+-@":
        assert exports.neutralise(f'{blank}{start}HYPERLINK("x")') == f'\'{blank}{start}HYPERLINK("x")'
    assert exports.neutralise(f"{blank}资金") == f"{blank}资金"


HOSTILE_PIECES = [
    SENTENCE,
    "一、加强扶持\n",
    "(一)完善政策\n",
    "1.落实\n",
    "一是",
    "9" * 320,
    "1e308",
    "\x01",
    "\x0b",
    "\x7f",
    "\u3164=",
    "\ufeff",
    "<div>",
    "</div>",
    "<p>",
    "亿元",
    "万",
    "\n",
]
BYTES_PIECES = [b"\xff", b"\xfe", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00", b"\x81\x30", b"\xc3"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(HOSTILE_PIECES), st.sampled_from(BYTES_PIECES)), max_size=60),
    st.sampled_from(["a.txt", "a.html", "a"]),
)
def test_hostile_soup_gives_tables_of_finite_values_or_one_load_error(pieces, name):
    """Invariants of the fuzz harness (benchmarks/fuzz_loaders.py): no exception but LoadError; finite."""
    data = b"".join(p.encode("utf-8") if isinstance(p, str) else p for p in pieces)
    try:
        tables = load_bytes(data, name)
    except LoadError as err:
        assert str(err) and "\n" not in str(err)
        return
    for column in ("value", "value_high", "base_value", "base_value_low", "base_value_high"):
        assert all(math.isfinite(v) for v in tables.figures[column].dropna().astype(float)), column
    text = read_bytes(data, name).text
    for row in tables.figures.itertuples():
        assert text[row.start : row.end] == row.text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*HOSTILE_PIECES[:5], "\n", "。", "(1)小项\n", "二、下一步\n"]), max_size=40))
def test_the_outline_agrees_with_a_scan_of_every_section(pieces):
    structure = parse_structure("答复\n" + "".join(pieces))
    for offset in range(-1, len(structure.text) + 1):
        assert structure.headings_at(offset) == structure._headings_holding(offset)
        assert structure.section_at(offset) == structure._innermost_holding(offset)


def test_a_docx_of_empty_markup_is_refused_by_its_tags_before_it_is_parsed(monkeypatch):
    import docx

    from loaders.formats import docx_reader

    monkeypatch.setattr(docx_reader, "MAX_BODY_TAGS", 60_000)  # the real bound is 2 M: same rule, less work

    def never(*args, **kwargs):
        raise AssertionError("python-docx was asked to parse a document over the budget")

    monkeypatch.setattr(docx, "Document", never)
    with pytest.raises(LoadError, match="XML tags"):
        read_bytes(huge_docx(20_000, "园"), "runs.docx")
