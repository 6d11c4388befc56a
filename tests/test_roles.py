"""Viewers cannot change the library (issue 11): no upload or delete control, and the actions refuse too."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from board import roles
from tests.reply_files import SEED

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")
PASSWORD = "编辑者的密码-2026"
HASH = roles.hash_password(PASSWORD)
EDITOR_SECRETS = {"editors": {"password_hash": HASH}}


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "replies"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    monkeypatch.setenv("REPLY_LIBRARY", str(folder))
    monkeypatch.delenv(roles.HASH_ENV, raising=False)
    return folder


def library_page(secrets: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    at.run()
    at.switch_page("views/library.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def controls(at: AppTest) -> set[str]:
    return (
        {b.label for b in at.button}
        | {s.label for s in at.selectbox}
        | {f.proto.label for f in at.get("file_uploader")}
    )


def sign_in(at: AppTest, password: str = PASSWORD) -> AppTest:
    at.text_input(key="editor-password").input(password)
    at.button(key="editor-sign-in").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_a_fresh_clone_is_read_only_and_says_how_editing_works(folder):
    at = library_page()
    assert not {"添加到资料库", "删除…", "选择要删除的答复", "选择答复文件（可多选）"} & controls(at)
    assert "资料库为只读" in " ".join(c.value for c in at.caption)
    assert list(at.dataframe[0].value["文件"]) == [SEED.name]  # viewers still see the list


def test_a_viewer_sees_no_upload_or_delete_and_a_wrong_password_changes_nothing(folder):
    at = library_page(EDITOR_SECRETS)
    assert not {"添加到资料库", "删除…", "选择要删除的答复"} & controls(at)
    sign_in(at, "wrong")
    assert "密码不正确" in at.error[0].value
    assert "删除…" not in controls(at)


def test_an_editor_with_the_password_sees_upload_and_delete_and_can_sign_out(folder):
    at = sign_in(library_page(EDITOR_SECRETS))
    assert {"添加到资料库", "删除…", "选择要删除的答复", "退出编辑"} <= controls(at)
    at.button(key="editor-sign-out").click().run()
    assert "删除…" not in controls(at)


def test_the_hash_may_come_from_the_environment(folder, monkeypatch):
    monkeypatch.setenv(roles.HASH_ENV, HASH)
    at = sign_in(library_page())
    assert "删除…" in controls(at)


FORGED = """
from pathlib import Path
import streamlit as st
from board import actions, roles

folder = Path(st.secrets["folder"])
if st.secrets.get("sign_in"):
    roles.sign_in_with_password(st.secrets["sign_in"])
outcomes = actions.add_uploaded([("伪造.txt", "我市新建园区9个。".encode())], folder)
st.write(outcomes[0].detail)
try:
    actions.remove_reply("0" * 64, folder)
except roles.NotAnEditor as err:
    st.write(f"refused: {err}")
except KeyError:
    st.write("not refused")
"""


def forged_call(folder: Path, **secrets) -> list[str]:
    at = AppTest.from_string(FORGED, default_timeout=30)
    at.secrets["folder"] = str(folder)
    for key, value in secrets.items():
        at.secrets[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return [m.value for m in at.markdown]


def test_a_forged_add_or_remove_from_a_viewers_session_is_refused(folder):
    said = forged_call(folder, **EDITOR_SECRETS)
    assert said == [roles.REFUSED, f"refused: {roles.REFUSED}"]
    assert not (folder / "伪造.txt").exists()


def test_the_same_calls_from_an_editors_session_go_through(folder):
    said = forged_call(folder, sign_in=PASSWORD, **EDITOR_SECRETS)
    assert said[0].startswith("保存为 伪造.txt") and said[1] == "not refused"
    assert (folder / "伪造.txt").exists()


def test_passwords_are_checked_against_an_argon2_hash():
    assert HASH.startswith("$argon2id$") and PASSWORD not in HASH
    assert roles.password_matches(PASSWORD, HASH)
    assert not roles.password_matches("wrong", HASH)
    assert not roles.password_matches(PASSWORD, "not a hash") and not roles.password_matches("", HASH)


def test_oidc_is_offered_when_an_auth_section_names_a_provider():
    auth = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s"}
    assert roles.sign_in_methods({"auth": {**auth, "client_id": "x", "client_secret": "y"}}) == ["oidc"]
    assert roles.sign_in_methods({"auth": {**auth, "corp": {"client_id": "x"}}, **EDITOR_SECRETS}) == [
        "oidc",
        "password",
    ]
    assert roles.sign_in_methods({"auth": auth}) == []


def test_the_hash_command_prints_the_secrets_line(monkeypatch):
    done = subprocess.run(
        [sys.executable, "-m", "board.roles", "hash"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"EDITOR_PASSWORD": PASSWORD, "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    line = done.stdout.splitlines()[1]
    assert line.startswith('password_hash = "$argon2id$')
    assert roles.password_matches(PASSWORD, line.split('"')[1])
