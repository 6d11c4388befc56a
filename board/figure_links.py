"""The reader's figures as links into the explorer that load no new page.

Each figure in the reader is an ordinary link (explorer?…&fig=doc:start, board.markup): opened in a new tab, or
copied, it works on its own. A plain click, though, would load that address as a new page (a new session:
seconds). This component (st.components.v2, inline script, nothing fetched) catches the plain click on the page,
hands the figure's key to Python as a one-run trigger value, and the page moves to the explorer with
st.switch_page: the same document, the same session.
"""

from __future__ import annotations

import functools

import streamlit as st

from board.filters import parse_figure_key

# Fixed code, no data in it. A click with a modifier key or another button (new tab, new window) is left to
# the browser. composedPath: the link may sit inside an element's shadow root.
_SCRIPT = """
export default function (component) {
  const { setTriggerValue } = component;
  const onClick = (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((e) => e.matches && e.matches("a.rf-link"));
    if (!link) return;
    const key = new URL(link.href, window.location.href).searchParams.get("fig");
    if (!key) return;
    event.preventDefault();
    setTriggerValue("figure", key);
  };
  document.addEventListener("click", onClick, true);
  return () => document.removeEventListener("click", onClick, true);
}
"""


@functools.cache
def _figure_links():
    """Registered once per process, in a script run (a module-level call would warn outside one)."""
    return st.components.v2.component("reply_figure_links", js=_SCRIPT)


CLICKED = "reader-clicked-figure"  # session state: the key (doc:start) of the figure just clicked


def catch_clicks(key: str = "reader-figure-links") -> None:
    """Mount the catcher (it draws nothing); a figure clicked goes into session state under CLICKED."""
    result = _figure_links()(key=key, on_figure_change=lambda: None, width="content", height=0)
    if result.get("figure"):
        st.session_state[CLICKED] = str(result["figure"])


def take_clicked() -> tuple[str, int] | None:
    """The (doc, start) of the figure clicked since the last look, once; else None."""
    return parse_figure_key(str(st.session_state.pop(CLICKED, "") or ""))
