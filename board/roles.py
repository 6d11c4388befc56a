"""Who may change the library: editors, once signed in; everyone else views (read-only).

Officials view; a few people maintain. An editor signs in either
- with the organisation's identity provider (st.login), when `.streamlit/secrets.toml` has an `[auth]` section
  (see .streamlit/secrets.toml.example); `[editors] emails = [...]` then limits editing to those accounts, or
- with the editors' password, whose argon2 hash is `[editors] password_hash` in secrets (or the environment
  variable REPLY_EDITOR_PASSWORD_HASH). `python -m board.roles hash` asks for a password and prints the line.
With neither configured, nobody can edit from the browser (a fresh clone starts read-only); the command line
(`python -m library add`) stays open to whoever can write the library folder.

The role lives in the server's session state, which the browser cannot set: a page hides the upload and
delete controls from viewers, and board.actions refuses the same actions again (`require_editor`).
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Mapping

import streamlit as st

SIGNED_IN = "editor-signed-in"  # session-state key: True once the password was right
HASH_ENV = "REPLY_EDITOR_PASSWORD_HASH"
REFUSED = "只有登录的编辑者可以添加或删除答复"


class NotAnEditor(PermissionError):
    """A viewer's session asked for a change; the message is the one line shown."""


def _secrets() -> Mapping:
    try:
        return {key: st.secrets[key] for key in st.secrets}
    except (FileNotFoundError, KeyError, OSError, ValueError, st.errors.StreamlitAPIException):
        return {}  # no secrets.toml at all: read-only, as a fresh clone starts


def oidc_configured(secrets: Mapping | None = None) -> bool:
    """An identity provider is set up for st.login: [auth] with a client id (directly or per provider)."""
    auth = (secrets if secrets is not None else _secrets()).get("auth") or {}
    if not isinstance(auth, Mapping):
        return False
    return "client_id" in auth or any(isinstance(v, Mapping) and "client_id" in v for v in auth.values())


def password_hash(secrets: Mapping | None = None) -> str:
    editors = (secrets if secrets is not None else _secrets()).get("editors") or {}
    found = editors.get("password_hash", "") if isinstance(editors, Mapping) else ""
    return str(found or os.environ.get(HASH_ENV, ""))


def hash_password(password: str) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(password)


def password_matches(password: str, hashed: str) -> bool:
    """Checked against the argon2 hash in constant time; a malformed hash matches nothing."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    if not password or not hashed:
        return False
    try:
        return PasswordHasher().verify(hashed, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def sign_in_methods(secrets: Mapping | None = None) -> list[str]:
    """ "oidc" and/or "password": what this deployment offers; empty when editing is switched off."""
    secrets = secrets if secrets is not None else _secrets()
    return [
        m for m, on in (("oidc", oidc_configured(secrets)), ("password", bool(password_hash(secrets)))) if on
    ]


def is_editor() -> bool:
    """Whether this session may change the library."""
    secrets = _secrets()
    if st.session_state.get(SIGNED_IN) and password_hash(secrets):
        return True
    if oidc_configured(secrets) and _logged_in():
        allowed = (secrets.get("editors") or {}).get("emails")
        return not allowed or str(getattr(st.user, "email", "")).lower() in {str(e).lower() for e in allowed}
    return False


def _logged_in() -> bool:
    try:
        return bool(st.user.is_logged_in)
    except (AttributeError, KeyError, st.errors.StreamlitAPIException):
        return False


def sign_in_with_password(password: str) -> bool:
    """Marks the session as an editor's when the password is right; returns whether it was."""
    ok = password_matches(password, password_hash())
    st.session_state[SIGNED_IN] = ok
    return ok


def sign_out() -> None:
    st.session_state[SIGNED_IN] = False
    if _logged_in():
        st.logout()


def require_editor() -> None:
    """Raise NotAnEditor unless this session is an editor's (called by every action that changes data)."""
    if not is_editor():
        raise NotAnEditor(REFUSED)


def main(argv: list[str] | None = None) -> int:
    """`python -m board.roles hash`: ask for a password twice, print the line for secrets.toml."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] != ["hash"]:
        print("usage: python -m board.roles hash   (prints the [editors] line for .streamlit/secrets.toml)")
        return 2
    password = os.environ.get("EDITOR_PASSWORD") or getpass.getpass("editor password: ")
    if not os.environ.get("EDITOR_PASSWORD") and getpass.getpass("again: ") != password:
        print("the two passwords differ", file=sys.stderr)
        return 1
    if len(password) < 8:
        print("use at least 8 characters", file=sys.stderr)
        return 1
    print("[editors]")
    print(f'password_hash = "{hash_password(password)}"')
    return 0


if __name__ == "__main__":
    sys.exit(main())
