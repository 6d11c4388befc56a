"""Running the whole app under Streamlit's AppTest, as the page tests do."""

from __future__ import annotations

import functools
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")


def run_app(page: str | None = None, **query) -> AppTest:
    """The app run once with `query` as URL parameters, switched to `page`; fails on any exception."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


EDITOR_PASSWORD = "编辑者的密码-2026"  # tests only: the app's editors sign in with this (board.roles)


@functools.cache
def editor_hash() -> str:
    from board import roles

    return roles.hash_password(EDITOR_PASSWORD)


def as_editor(at: AppTest) -> AppTest:
    """The session signed in as an editor on the library page (secrets hold the password's hash)."""
    at.secrets["editors"] = {"password_hash": editor_hash()}
    at.switch_page("views/library.py").run()
    at.text_input(key="editor-password").input(EDITOR_PASSWORD)
    at.button(key="editor-sign-in").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at
