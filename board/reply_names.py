"""What a reply is called on screen: the short name an official knows it by (答复单位·提案170号)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from board.formatting import is_missing

SHORT_TITLE = 14  # characters of a title kept in a reply's short name


def reply_short_names(documents: pd.DataFrame) -> dict[str, str]:
    """doc → the short name an official knows a reply by: 答复单位·提案170号 (replying body and proposal
    number), else the body and a short title, else the short title and the number, else the short title,
    else the file name; unique per library (a repeated name gets its file name added)."""
    names: dict[str, str] = {}
    for row in documents.to_dict("records"):
        body = _clean(row.get("replying_body"))
        number = _clean(row.get("proposal_number"))
        title = _clean(row.get("title")) or _clean(row.get("proposal_title"))
        short = title if len(title) <= SHORT_TITLE else title[: SHORT_TITLE - 1] + "…"
        if body and number:
            name = f"{body}·{_clean(row.get('proposal_kind'))}{number}号"
        elif body and short:
            name = f"{body}·《{short}》"
        elif number and short:  # the body unsaid: the title, and the number that tells two alike apart
            name = f"《{short}》·{_clean(row.get('proposal_kind'))}{number}号"
        else:
            name = short or str(row["doc"]).rsplit(".", 1)[0]
        names[str(row["doc"])] = name
    counts = pd.Series(list(names.values())).value_counts()
    return {doc: f"{n}（{doc}）" if counts[n] > 1 else n for doc, n in names.items()}


def _clean(value: Any) -> str:
    return "" if value is None or is_missing(value) else " ".join(str(value).split())
