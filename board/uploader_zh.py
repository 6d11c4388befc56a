"""Chinese words on Streamlit's file uploader, in the page itself and in what a screen reader reads.

st.file_uploader has no setting for its button ("Upload"), its hint ("20MB per file • TXT, DOCX…") or its
hidden input's name ("file upload"). A style sheet can hide the English and draw Chinese over it, but the English
stays in the page's text and is what a screen reader announces. This small st.components.v2 script (inline,
nothing fetched) puts the Chinese into those very text nodes instead, and again whenever Streamlit redraws the
uploader; until it has, the English is kept out of sight.
"""

from __future__ import annotations

import functools

import streamlit as st

ZONE = '[data-testid="stFileUploaderDropzone"]'

# The English is not shown before the script has put the Chinese in (a moment, on the first draw). On more
# than one line: Streamlit takes a one-line string holding "[" or "*" for a file's path.
_STYLE = f"""
{ZONE}:not([data-rf-zh]) button [data-testid='stMarkdownContainer'],
{ZONE}:not([data-rf-zh]) [data-testid='stFileUploaderDropzoneInstructions'] {{visibility: hidden;}}
"""

# Fixed code; the words come as data and are set as text (nodeValue, setAttribute), never parsed as markup.
# Only the text nodes' values change, never the nodes, so React's own updates keep working.
_SCRIPT = """
export default function (component) {
  const { data } = component;
  const setText = (element, text) => {  // the first text node says it all; React's others say nothing
    if (!element) return;
    const nodes = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
    if (!nodes.length) { element.appendChild(document.createTextNode(text)); return; }
    nodes.forEach((node, i) => {
      const value = i === 0 ? text : "";
      if (node.nodeValue !== value) node.nodeValue = value;
    });
  };
  const apply = () => {
    document.querySelectorAll('[data-testid="stFileUploaderDropzone"]').forEach((zone) => {
      setText(zone.querySelector('button [data-testid="stMarkdownContainer"] p'), data.button);
      setText(zone.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span'), data.instructions);
      const input = zone.querySelector('input[type="file"]');
      if (input && input.getAttribute("aria-label") !== data.input) input.setAttribute("aria-label", data.input);
      if (!zone.hasAttribute("data-rf-zh")) zone.setAttribute("data-rf-zh", "");
    });
  };
  const observer = new MutationObserver(apply);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  apply();
  return () => observer.disconnect();
}
"""


@functools.cache
def _uploader_words():
    """Registered once per process, in a script run (a module-level call would warn outside one)."""
    return st.components.v2.component("uploader_in_chinese", js=_SCRIPT, css=_STYLE, isolate_styles=False)


def in_chinese(button: str, instructions: str, input_name: str, key: str = "uploader-in-chinese") -> None:
    """Put Chinese words on every file uploader of the page: its button, its hint, its input's name."""
    data = {"button": button, "instructions": instructions, "input": input_name}
    _uploader_words()(key=key, data=data, width="content", height=0)
