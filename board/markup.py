"""HTML fragments for st.html: the reply card, a sentence with its figure highlighted, the reader's text.

Pure functions. Every piece of document text goes through html.escape before it is placed in markup; the only
tags are the ones written here. Links point at the explorer page with the figure's key (?fig=doc:start).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from board.codes_zh import period_zh
from board.formatting import format_figure
from loaders.columns import labels_zh

STYLE = """<style>
.rf-card{border:1px solid #d9dde3;border-radius:8px;padding:12px 16px;background:#fafbfc;line-height:1.7}
.rf-card h3{margin:0 0 6px 0;font-size:1.15rem}
.rf-card dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0}
.rf-card dt{color:#5f6b7a}.rf-card dd{margin:0}
.rf-sentence{font-size:1.02rem;line-height:1.9;border-left:4px solid #f0b429;padding:4px 12px;
  background:#fffdf5}
.rf-text p{line-height:2;margin:0 0 .6em 0}
mark.rf-fig{background:#ffe58f;padding:0 2px;border-radius:3px}
mark.rf-target{background:#ff4d4f;color:#fff;font-weight:700;outline:3px solid #a8071a;outline-offset:2px}
.rf-target-note{display:inline-block;margin-left:6px;padding:0 6px;border-radius:3px;background:#a8071a;
  color:#fff;font-size:.8rem;vertical-align:super}
a.rf-link{text-decoration:none;color:inherit}a.rf-link:hover mark{background:#ffc53d}
.rf-head{font-weight:600}
.rf-label{font-weight:600;margin:6px 0 4px 0}
</style>"""

CARD_FIELDS = [
    "proposal_title",
    "proposal_number",
    "proposal_kind",
    "session",
    "addressee",
    "replying_body",
    "domain",
    "doc_number",
    "reply_class",
    "signed_date",
    "published_date",
    "index_number",
    "category",
    "doc",
]


MARKDOWN = set("\\`*_{}[]()#+-.!|<>~:$")


def plain(text: str) -> str:
    """Document text shown through Markdown (metric labels, headings) with Markdown syntax escaped."""
    return "".join("\\" + ch if ch in MARKDOWN else ch for ch in text)


def _text(value: Any) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def reply_card(document: Mapping[str, Any], n_figures: int | None = None) -> str:
    """The reply's metadata as a definition list; empty fields are left out."""
    zh = labels_zh("documents")
    title = _text(document.get("title")) or _text(document.get("doc"))
    rows = []
    for name in CARD_FIELDS:
        value = _text(document.get(name))
        if name == "proposal_number" and value:
            value = f"第{value}号" + _text(document.get("proposal_kind"))
        if name == "proposal_title" and value == title:
            continue  # the card's heading already says it
        if value and name != "proposal_kind":
            rows.append(f"<dt>{html.escape(zh[name])}</dt><dd>{html.escape(value)}</dd>")
    if n_figures is not None:
        rows.append(f"<dt>{html.escape(zh['n_figures'])}</dt><dd>{n_figures}</dd>")
    return f'{STYLE}<div class="rf-card"><h3>{html.escape(title)}</h3><dl>{"".join(rows)}</dl></div>'


def highlight_sentence(row: Mapping[str, Any]) -> str:
    """The figure's sentence with the figure marked; falls back to the first occurrence of its text."""
    sentence = _text(row.get("sentence"))
    surface = _text(row.get("text"))
    offset = int(row["start"]) - int(row["sentence_start"]) if not pd.isna(row.get("sentence_start")) else -1
    if not (offset >= 0 and sentence[offset : offset + len(surface)] == surface):
        offset = sentence.find(surface) if surface else -1
    if offset < 0:
        body = html.escape(sentence)
    else:
        end = offset + len(surface)
        body = (
            html.escape(sentence[:offset])
            + f'<mark class="rf-fig">{html.escape(sentence[offset:end])}</mark>'
            + html.escape(sentence[end:])
        )
    label = html.escape(f"{_text(row.get('label'))}：{format_figure(row)}")
    return f'{STYLE}<div class="rf-label">{label}</div><div class="rf-sentence">{body}</div>'


def _spans(
    figures: pd.DataFrame,
    headings: Iterable[tuple[int, int]],
    link: Callable[[str, int], str],
    target: int | None = None,
) -> list[tuple[int, int, str, str]]:
    """Non-overlapping (start, end, open, close) markup spans: figures first, then headings around them.
    The figure starting at `target` (the one the user came to see) is marked apart and named."""
    spans: list[tuple[int, int, str, str]] = []
    for row in figures.sort_values("start").to_dict("records"):
        start, end = int(row["start"]), int(row["end"])
        if spans and start < spans[-1][1]:
            continue
        tip = html.escape(
            f"{_text(row.get('label'))}：{format_figure(row)}（{_text(row.get('theme'))}）", True
        )
        href = html.escape(link(str(row["doc"]), start), True)
        anchor = f'<a class="rf-link" id="fig-{start}" href="{href}" target="_self" title="{tip}">'
        if start == target:
            note = '<span class="rf-target-note">所查看的数据</span>'
            spans.append((start, end, anchor + '<mark class="rf-fig rf-target">', "</mark></a>" + note))
        else:
            spans.append((start, end, anchor + '<mark class="rf-fig">', "</mark></a>"))
    for start, end in headings:
        if all(end <= s or start >= e for s, e, _, _ in spans):
            spans.append((start, end, '<span class="rf-head">', "</span>"))
    return sorted(spans)


def reader_html(
    text: str,
    start: int,
    end: int,
    figures: pd.DataFrame,
    link: Callable[[str, int], str],
    headings: Iterable[tuple[int, int]] = (),
    target: int | None = None,
) -> str:
    """text[start:end] as paragraphs, every figure marked and linked, subsection headings in bold; the figure
    at offset `target` marked apart from the others."""
    spans = [s for s in _spans(figures, headings, link, target) if start <= s[0] and s[1] <= end]
    pieces, cursor = [], start
    for s, e, open_tag, close_tag in spans:
        pieces.append(html.escape(text[cursor:s]))
        pieces.append(open_tag + html.escape(text[s:e]) + close_tag)
        cursor = e
    pieces.append(html.escape(text[cursor:end]))
    paragraphs = "".join(pieces).split("\n")
    body = "".join(f"<p>{p}</p>" for p in paragraphs if p.strip())
    return f'{STYLE}<div class="rf-text">{body}</div>'


# a fixed snippet (no data in it): copies the page's address; execCommand where navigator.clipboard is absent
# (an intranet page over plain http). Handlers are attached by the script: st.html strips onclick attributes.
COPY_LINK_BUTTON = """
<button type="button" class="rf-copy-link" title="复制本页地址（含筛选条件），发给他人可打开同样的视图"
  style="padding:0.25rem 0.75rem;border:1px solid rgba(49,51,63,0.2);border-radius:0.5rem;
  background:white;cursor:pointer;font-size:0.875rem;">复制本页链接</button>
<script>(function(){var b=document.currentScript.previousElementSibling;
b.addEventListener('click',function(){var u=window.location.href,done=function(){b.textContent='已复制链接';
setTimeout(function(){b.textContent='复制本页链接';},2000);};
if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(u).then(done);return;}
var t=document.createElement('textarea');t.value=u;document.body.appendChild(t);t.select();
document.execCommand('copy');document.body.removeChild(t);done();});})();</script>
"""


def scroll_to_figure(start: int, jump: int) -> str:
    """A script bringing the figure anchored fig-<start> to the middle of the screen once it is drawn, and
    again while the sections around it are still being laid out; once per jump (a rerun redraws the page
    without moving it). Only integers go into it. No "<" inside the script: st.html's sanitizer (DOMPurify)
    drops a script whose text holds "<" before a letter or digit."""
    anchor, once = f"fig-{int(start)}", f"rf-jump-{int(jump)}"
    return (
        '<span class="rf-scroll" hidden></span>'
        "<script>(function(){if(sessionStorage.getItem('" + once + "'))return;"
        "sessionStorage.setItem('" + once + "','1');var tries=0,after=[300,800,1500,2500];function go(){"
        "var e=document.getElementById('" + anchor + "');"
        "if(!e){if(80>tries++){setTimeout(go,100);}return;}"
        "e.scrollIntoView({block:'center'});"
        "after.forEach(function(t){setTimeout(function(){e.scrollIntoView({block:'center'});},t);});}"
        "setTimeout(go,200);})();</script>"
    )


CARD_STYLE = """<style>
.rf-fcards{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:16px;margin-bottom:4px}
@media (max-width:640px){.rf-fcards{grid-template-columns:minmax(0,1fr)}}
.rf-ftitle{margin:0 0 8px 0}.rf-ftitle b{font-weight:600}.rf-ftitle span{color:#808495;margin-left:1em}
.rf-fcard{border:1px solid #d9dde3;border-radius:8px;padding:10px 14px;min-height:118px}
.rf-fcard .rf-flabel{font-size:.9rem;color:#31333f;line-height:1.45}
.rf-fcard .rf-fvalue{font-size:1.9rem;line-height:1.3;margin:4px 0}
.rf-fcard .rf-fmeta{font-size:.8rem;color:#5f6b7a;line-height:1.4}
</style>"""


def figure_card(row: Mapping[str, Any], reply: str = "") -> str:
    """A headline figure as a card: its whole label (wrapped, never cut), the figure as reported, and
    beneath it the reply's short name and the period."""
    label = _text(row.get("label")) or _text(row.get("text"))
    meta = "　".join(p for p in (reply, period_zh(row.get("period"))) if p)
    return (
        f'<div class="rf-fcard">'
        f'<div class="rf-flabel">{html.escape(label)}</div>'
        f'<div class="rf-fvalue">{html.escape(format_figure(row))}</div>'
        f'<div class="rf-fmeta">{html.escape(meta)}</div></div>'
    )


def figure_cards(
    title: str, count: int, rows: Iterable[Mapping[str, Any]], replies: Mapping[str, str]
) -> str:
    """A theme's headline figures: its name and count, then its cards four to a row (one element for the
    page to draw, not a column and an element per card: a new session's first chart comes sooner)."""
    cards = "".join(figure_card(row, replies.get(str(row["doc"]), str(row["doc"]))) for row in rows)
    head = f'<div class="rf-ftitle"><b>{html.escape(title)}</b><span>共{int(count)}项数据</span></div>'
    return f'{CARD_STYLE}{head}<div class="rf-fcards">{cards}</div>'
