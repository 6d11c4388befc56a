"""Reply → policy domain, from the editable table `loaders/rules/domains.csv` (the State Council's 公文主题分类
top level, with the second level where a body's name says it: 农业、林业、水利/水利, 工业、交通/交通 …).

Evidence, strongest first (`domain_source` says which decided):
- publisher: the page's own classification line (主题分类: 农业、林业、水利/水利) names a class of the table;
- body: the replying body's name (…交通运输局, …教育局, …水务局) — a body word followed, within a few
  characters, by a body suffix (局 委 厅 办 中心 …), looked for in the signature, the publisher, the reply's
  title and the page header; a name with several (文化和旅游广电局) is settled by the title's, then the
  figures' words among those it names;
- title: the words of the proposal's title, then the reply's;
- text: the words of the figures' sentences (the body text when there are none);
and 其他 (source text) when nothing speaks. Each step is one regular expression over a short text.
"""

from __future__ import annotations

import csv
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from loaders.units import RULES_DIR

DOMAINS_CSV = RULES_DIR / "domains.csv"
OTHER = "其他"
BODY_SUFFIX = r"(?:局|厅|委员会|委|办公室|办|部|中心|院|站|联合会|所|队|处|会)"
CLASS_KEYS = r"(?:主题分类|信息分类|组配分类|所属主题|主题|分类)"


@dataclass(frozen=True)
class Domain:
    domain: str
    domain_en: str
    subdomain: str  # "" when the table gives none
    body_words: tuple[str, ...]
    title_words: tuple[str, ...]
    text_words: tuple[str, ...]

    @property
    def key(self) -> str:
        """domain/subdomain, or the domain alone: how themes.csv names the rows it belongs to."""
        return f"{self.domain}/{self.subdomain}" if self.subdomain else self.domain


def domains_path() -> Path:
    """The domain table: $REPLY_DOMAINS_CSV when set (an official's edited copy), else the packaged one."""
    return Path(os.environ.get("REPLY_DOMAINS_CSV") or DOMAINS_CSV)


@lru_cache(maxsize=8)
def _path_text(setting: str | None) -> str:
    return str(Path(setting or DOMAINS_CSV))


@cache
def _table(path: str) -> tuple[Domain, ...]:
    def words(value: str | None) -> tuple[str, ...]:
        return tuple(w for w in (value or "").split("|") if w)

    with open(path, encoding="utf-8-sig", newline="") as handle:
        return tuple(
            Domain(
                r["domain"].strip(),
                (r.get("domain_en") or "").strip(),
                (r.get("subdomain") or "").strip(),
                words(r.get("body_words")),
                words(r.get("title_words")),
                words(r.get("text_words")),
            )
            for r in csv.DictReader(handle)
            if (r.get("domain") or "").strip()
        )


def domain_table() -> tuple[Domain, ...]:
    return _table(str(domains_path()))


def domain_names() -> list[str]:
    """Top-level classes in table order (其他 last when the table lists it)."""
    return list(dict.fromkeys(d.domain for d in domain_table()))


@cache
def _patterns(path: str) -> dict:
    table = _table(path)

    def owner_map(field: str) -> dict[str, list[int]]:
        owners: dict[str, list[int]] = {}
        for i, row in enumerate(table):
            for word in getattr(row, field):
                owners.setdefault(word, []).append(i)
        return owners

    def alternation(words) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"

    owners = {f: owner_map(f) for f in ("body_words", "title_words", "text_words")}
    names = {d.domain for d in table}
    return {
        "owners": owners,
        # a lookahead, so that overlapping names count: 文化和旅游局 names 文化 and 旅游
        # not after 人: 人民政府办公室 names no 民政 (civil affairs) body
        "body": re.compile(
            rf"(?<!人)(?=({alternation(owners['body_words'])})[\u4e00-\u9fff]{{0,6}}?{BODY_SUFFIX})"
        ),
        "title": re.compile(alternation(owners["title_words"])),
        "text": re.compile(alternation(owners["text_words"])),
        "publisher": re.compile(
            rf"{CLASS_KEYS}[\s:|•·]*({alternation(names)})(?:/([\u4e00-\u9fff、]{{1,12}}))?"
        ),
    }


def _votes(pattern: re.Pattern, owners: dict[str, list[int]], texts, among=None) -> Counter:
    """Hits per table row. A hit later in the text weighs a little more (a hair under one hit): a title
    names what it is about last, 关于整治向河道投放垃圾的建议 is about 垃圾, so a tie goes to the later word."""
    votes: Counter = Counter()
    for text in texts:
        text = text or ""
        for hit in pattern.finditer(text):
            for i in owners[hit.group(1) if pattern.groups else hit.group()]:
                if among is None or i in among:
                    votes[i] += 1 + hit.start() / (1000 * (len(text) + 1))
    return votes


def _best(votes: Counter) -> int | None:
    """The row with most votes; an exact tie goes to the row the table lists first."""
    if not votes:
        return None
    top = max(votes.values())
    return min(i for i, n in votes.items() if n == top)


META_FIELDS = ("replying_body", "publisher", "title", "proposal_title")  # what detect_domain reads of meta


def detect_domain(meta: dict, header: str, sentences: list[str], body_text: str = "") -> tuple[str, str, str]:
    """(domain, subdomain, source) of one reply: meta as loaders.metadata gives it, the page header (the
    text above the addressee), the figures' sentences (or, with none, `body_text`)."""
    path = _path_text(os.environ.get("REPLY_DOMAINS_CSV"))  # str(domains_path()), without a Path per reply
    table, found = _table(path), _patterns(path)
    owners = found["owners"]
    words = sentences or [body_text]

    classified = found["publisher"].search(header or "")
    if classified:
        domain, sub = classified.group(1), classified.group(2) or ""
        subs = [
            d.subdomain for d in table if d.domain == domain and d.subdomain and sub.startswith(d.subdomain)
        ]
        if not subs:  # 农业、林业、水利 alone: the body's name (…水务局) still says which part of it
            rows = {i for i, d in enumerate(table) if d.domain == domain and d.subdomain}
            texts = (meta.get("replying_body"), meta.get("publisher"), meta.get("title"), header)
            best = _best(_votes(found["body"], owners["body_words"], texts, rows))
            subs = [table[best].subdomain] if best is not None else []
        return domain, (subs[0] if subs else ""), "publisher"

    for text in (meta.get("replying_body"), meta.get("publisher"), meta.get("title"), header):
        votes = _votes(found["body"], owners["body_words"], [text])
        if votes:
            among = set(votes)
            if (
                len(among) > 1
            ):  # 文化和旅游广电局: the title's words, then the figures', pick among those named
                titles = [meta.get("proposal_title"), meta.get("title")]
                settle = _votes(found["title"], owners["title_words"], titles, among) or _votes(
                    found["text"], owners["text_words"], words, among
                )
                votes = settle or votes
            row = table[_best(votes)]
            return row.domain, row.subdomain, "body"

    titles = [meta.get("proposal_title"), meta.get("title")]
    row_index = _best(_votes(found["title"], owners["title_words"], titles))
    if row_index is not None:
        return table[row_index].domain, table[row_index].subdomain, "title"
    row_index = _best(_votes(found["text"], owners["text_words"], words))
    if row_index is not None:
        return table[row_index].domain, table[row_index].subdomain, "text"
    return OTHER, "", "text"
