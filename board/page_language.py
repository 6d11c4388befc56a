"""The page's language for screen readers: <html lang="zh-CN"> and Chinese names on Streamlit's own controls.

Streamlit writes `lang="en"` on every page and names its controls in English for assistive technology only
("Skip to main content", the sidebar's "Sidebar" and "App pages", a select box's "Open", a heading's "Link to
heading", a table's "Search" / "Fullscreen" buttons and their tooltips). A screen reader then reads the Chinese
page with an English voice and announces English buttons. No setting changes them; this small st.components.v2
script (inline, nothing fetched) sets the page's language and puts the Chinese names in, again whenever
Streamlit redraws. The words are data, set as attribute values and text node values, never parsed as markup.
"""

from __future__ import annotations

import functools

import streamlit as st

LANGUAGE = "zh-CN"

# Streamlit's English name → the Chinese one, for aria-label attributes, the skip link and tooltips
NAMES_ZH: dict[str, str] = {
    "Skip to main content": "跳到正文",
    "Sidebar": "侧栏",
    "App pages": "页面导航",
    "Collapse sidebar": "收起侧栏",
    "Expand sidebar": "展开侧栏",
    "Open": "展开选项",
    "Close": "收起选项",
    "Clear all": "清除全部",
    "Link to heading": "本节链接",
    "Search": "搜索",
    "Fullscreen": "全屏",
    "Close fullscreen": "退出全屏",
    "Show/hide columns": "显示/隐藏列",
    "Download as CSV": "下载为 CSV",
    "Running...": "运行中",  # the status widget while a page runs, and its words
    "Stop": "停止",
    "Rerun": "重新运行",
    "Always rerun": "总是重新运行",
    "Connecting": "正在连接",
    "Main menu": "主菜单",
    "Notifications": "通知",
    "Navigate to home page": "回到首页",
    "Scroll tabs left": "向左滚动标签",
    "Scroll tabs right": "向右滚动标签",
    "Show password": "显示密码",
    "Hide password": "隐藏密码",
}

_SCRIPT = """
export default function (component) {
  const { data } = component;
  const names = data.names;
  const labelled = Object.keys(names).map((n) => '[aria-label="' + CSS.escape(n) + '"]').join(",");
  const translateText = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const chinese = names[node.nodeValue.trim()];
      if (chinese !== undefined) node.nodeValue = chinese;
    }
  };
  const apply = () => {
    if (document.documentElement.lang !== data.lang) document.documentElement.lang = data.lang;
    document.querySelectorAll(labelled).forEach((e) => e.setAttribute("aria-label", names[e.getAttribute("aria-label")]));
    document.querySelectorAll('[data-testid="stSkipToContent"], [data-testid="stStatusWidget"], [role="tooltip"]')
      .forEach(translateText);
  };
  const observer = new MutationObserver(apply);
  observer.observe(document.body, { childList: true, subtree: true });
  apply();
  return () => observer.disconnect();
}
"""


@functools.cache
def _component():
    """Registered once per process, in a script run (a module-level call would warn outside one)."""
    return st.components.v2.component("page_language", js=_SCRIPT)


def in_chinese(key: str = "page-language") -> None:
    """Set the page's language and Chinese names on Streamlit's controls, for the whole page; call once per
    run, in the sidebar (its zero-height slot there moves nothing)."""
    _component()(key=key, data={"lang": LANGUAGE, "names": NAMES_ZH}, width="content", height=0)
