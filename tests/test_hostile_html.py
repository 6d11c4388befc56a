"""A saved page with scripts and event attributes inside the article: its text is read, none of it runs.

The loaders drop <script>, <style>, <iframe> and attributes; text that merely looks like markup (written as
&lt;script&gt; in the page) is document text, and every page that shows document text escapes it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from loaders import load_bytes
from loaders.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = """<html><head><meta charset="utf-8"><title>答复</title>
<script>window.location='https://evil.example/'</script></head>
<body onload="alert('body')"><div class="menu"><a href="/">首页</a></div>
<div class="article" onmouseover="alert('div')">
<p>杨文艳委员:</p>
<p onclick="alert('p')">一、加强小微企业扶持力度</p>
<p>我市已建成小微企业园<span onmouseover="steal()">15个</span>,占地面积2013.9亩。
<script>document.write('<p>集聚企业9999家</p>')</script><img src=x onerror="alert('img')"></p>
<p>安排<a href="javascript:alert('a')">专项资金</a>2.36亿元&lt;script&gt;alert("literal")&lt;/script&gt;。</p>
<p>共服务企业超1000家&lt;img src=x onerror=alert(2)&gt;。<iframe src="https://evil.example/"></iframe></p>
<style>body{display:none}</style><noscript>请开启脚本</noscript>
<p>慈溪市经济和信息化局</p><p>2020年8月31日</p>
</div></body></html>"""

LIVE_MARKUP = [
    re.compile(r"<\s*script", re.I),  # a script element
    re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),  # an event attribute on a real tag
    re.compile(r"""(?:href|src)\s*=\s*["']?\s*javascript:""", re.I),
    re.compile(r"<\s*(?:iframe|object|embed)", re.I),
]


def test_the_loaders_keep_the_articles_text_and_nothing_that_runs():
    text = read_bytes(HOSTILE.encode(), "答复.html").text
    for gone in (
        "alert('",
        "steal()",
        "document.write",
        "9999",
        "evil.example",
        "display:none",
        "请开启脚本",
    ):
        assert gone not in text, gone
    assert '<script>alert("literal")</script>' in text  # written as &lt;script&gt;: the document's own text
    figures = load_bytes(HOSTILE.encode(), "答复.html").figures
    assert {"15个", "2013.9亩", "2.36亿元", "1000家"} <= set(figures["text"])
    assert not figures["text"].str.contains("9999").any()


@pytest.fixture
def hostile_library(tmp_path, monkeypatch):
    (tmp_path / "答复.html").write_text(HOSTILE, "utf-8")
    monkeypatch.setenv("REPLY_LIBRARY", str(tmp_path))
    return tmp_path


def raw_html(at: AppTest) -> list[str]:
    """Everything a page sends to the browser as HTML: st.html bodies and markdown allowed to hold HTML."""
    from board.markup import COPY_LINK_BUTTON
    from board.widgets import preload_tags

    own = {
        COPY_LINK_BUTTON.strip(),
        preload_tags().strip(),
        preload_tags(charts=False).strip(),
    }  # the app's own fixed scripts: no document text
    bodies = [h.proto.body for h in at.html if h.proto.body.strip() not in own]
    bodies += [m.value for m in at.markdown if m.proto.allow_html and m.value.strip() not in own]
    bodies += [c.value for c in at.caption if c.proto.allow_html]
    return bodies


@pytest.mark.parametrize("page", [None, "views/reader.py", "views/explorer.py", "views/library.py"])
def test_no_page_sends_the_documents_markup_live(hostile_library, page):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    bodies = raw_html(at)
    for body in bodies:
        for pattern in LIVE_MARKUP:
            assert not pattern.search(body), (pattern.pattern, body[:300])
    if page == "views/reader.py":
        joined = " ".join(bodies)
        assert "&lt;script&gt;alert(&quot;literal&quot;)&lt;/script&gt;" in joined  # shown, escaped
        assert "&lt;img src=x onerror=alert(2)&gt;" in joined


def test_the_provenance_panel_escapes_the_sentence(hostile_library):
    figures = load_bytes(HOSTILE.encode(), "答复.html").figures
    start = int(figures.loc[figures["text"] == "1000家", "start"].iloc[0])
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["fig"] = f"答复.html:{start}"
    at.run()
    at.switch_page("views/explorer.py").run()
    assert not at.exception
    bodies = " ".join(raw_html(at))
    assert "1000家" in bodies and "&lt;img src=x onerror=alert(2)&gt;" in bodies
    assert not any(p.search(bodies) for p in LIVE_MARKUP)
