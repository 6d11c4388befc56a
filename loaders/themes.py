"""Figure → theme, from the editable two-level table `loaders/rules/themes.csv` (domain → themes → key words).

A theme belongs to a domain (`农业、林业、水利/水利`, or a whole class such as `劳动、人事、监察`); rows marked
`*` are the general set every domain shares (资金投入, 项目与设施, …, 其他). A figure is only ever filed under
a theme of its reply's domain (loaders.domains): first the domain's own themes, then the general set; a
domain whose own list ends in a keyword-less theme (the enterprise domain's 其他) keeps to its own list.

Within the candidates, the keyword nearest the figure wins: a label reads left to right towards the figure,
so its last keyword names what is counted (`8718平台共办结企业诉求问题` is about 诉求, not the 平台). Without a
keyword in the label, the section heading decides, then the sentence; failing all, the fallback theme.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from loaders.units import RULES_DIR

THEMES_CSV = RULES_DIR / "themes.csv"
GENERAL = "*"


@dataclass(frozen=True)
class Theme:
    domain: str  # 农业、林业、水利/水利, 劳动、人事、监察, or * (every domain)
    theme: str
    theme_en: str
    keywords: tuple[str, ...]

    @property
    def top(self) -> str:
        return self.domain.split("/")[0]


def themes_path() -> Path:
    """The theme table: $REPLY_THEMES_CSV when set (an official's edited copy), else the packaged one."""
    return Path(os.environ.get("REPLY_THEMES_CSV") or THEMES_CSV)


@lru_cache(maxsize=8)
def _path_text(setting: str | None) -> str:
    return str(Path(setting or THEMES_CSV))


@cache
def _table(path: str) -> tuple[Theme, ...]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return tuple(
            Theme(
                (r.get("domain") or GENERAL).strip() or GENERAL,
                r["theme"].strip(),
                (r.get("theme_en") or "").strip(),
                tuple(k for k in (r.get("keywords") or "").split("|") if k),
            )
            for r in csv.DictReader(handle)
            if (r.get("theme") or "").strip()
        )


def theme_table() -> tuple[Theme, ...]:
    return _table(str(themes_path()))


def theme_names() -> list[str]:
    """Every theme name in table order (a name may serve several domains)."""
    return list(dict.fromkeys(t.theme for t in theme_table()))


def _belongs(row: Theme, domain: str, subdomain: str) -> bool:
    top, _, sub = row.domain.partition("/")
    return top == domain and (not sub or not subdomain or sub == subdomain)


def themes_of(domain: str, subdomain: str = "", path: str | None = None) -> list[Theme]:
    """The themes a figure of this domain may be filed under, own themes first, then the general set
    (unless the domain's own list has a keyword-less theme of its own)."""
    table = _table(path or str(themes_path()))
    own = [t for t in table if _belongs(t, domain, subdomain)]
    if any(not t.keywords for t in own):
        return own
    return own + [t for t in table if t.domain == GENERAL]


@dataclass(frozen=True)
class _Chooser:
    own: tuple[re.Pattern, dict[str, str]] | None
    general: tuple[re.Pattern, dict[str, str]] | None
    fallback: str


def _pattern(rows: list[Theme]) -> tuple[re.Pattern, dict[str, str]] | None:
    owner: dict[str, str] = {}
    for row in rows:
        for keyword in row.keywords:
            owner.setdefault(keyword, row.theme)
    if not owner:
        return None
    return re.compile("|".join(re.escape(k) for k in sorted(owner, key=len, reverse=True))), owner


@cache
def _chooser(path: str, domain: str, subdomain: str) -> _Chooser:
    rows = themes_of(domain, subdomain, path)
    own = [t for t in rows if t.domain != GENERAL]
    general = [t for t in rows if t.domain == GENERAL]
    blank = [t.theme for t in own if not t.keywords] or [t.theme for t in general if not t.keywords]
    fallback = blank[0] if blank else (rows[-1].theme if rows else "其他")
    return _Chooser(_pattern(own), _pattern(general), fallback)


@lru_cache(maxsize=8192)  # a section's heading and a sentence are asked about once per figure in them
def _last(key: tuple[str, str, str], which: str, text: str) -> str | None:
    found = getattr(_chooser(*key), which)
    if not found or not text:
        return None
    pattern, owner = found
    hits = list(pattern.finditer(text))
    return owner[hits[-1].group()] if hits else None


def theme_key(domain: str, subdomain: str) -> tuple[str, str, str]:
    """What the themes of a reply's figures depend on besides their words: the table in use and the domain."""
    return _path_text(os.environ.get("REPLY_THEMES_CSV")), domain, subdomain


def assign_theme(
    label: str,
    section_heading: str,
    sentence: str,
    domain: str = "工业、交通",
    subdomain: str = "工业",
    whole_sentence: str = "",
    key: tuple[str, str, str] | None = None,
) -> str:
    """The theme of one figure of a reply in `domain` (default: the seed's, an enterprise reply).

    `sentence` is the sentence up to the figure (its last keyword is the nearest); `whole_sentence`, when
    given, is asked last: a keyword after the figure still beats the fallback. `key`: theme_key(domain,
    subdomain), when the caller files many figures of one reply."""
    key = key or theme_key(domain, subdomain)
    for text in (label, section_heading, sentence, whole_sentence):
        theme = _last(key, "own", text) or _last(key, "general", text)
        if theme:
            return theme
    return _chooser(*key).fallback
