"""Words at the end of a text (`(?:words)+$`: 仍, 力争, 调整为, 可达), looked for only where the text's last
character ends one of them. Read by loaders.labels, loaders.label_words and loaders.qualifiers."""

from __future__ import annotations

import re


class EndWords:
    """A pattern of words at the end of a text (`(?:words)+$`), used as a compiled pattern's `sub` and
    `search` are. re tries such a pattern at every place of the text; a text whose last character ends none
    of the words (`alternations`: the regex alternations the pattern is built from) is passed over at once."""

    def __init__(self, pattern: str, *alternations: str) -> None:
        self.compiled = re.compile(pattern)
        self.pattern = pattern
        self.ends = (*last_characters(*alternations), "\n")  # `$` also matches before a final line end

    def sub(self, repl: str, text: str) -> str:
        return self.compiled.sub(repl, text) if text.endswith(self.ends) else text

    def search(self, text: str) -> re.Match | None:
        return self.compiled.search(text) if text.endswith(self.ends) else None


def last_characters(*alternations: str) -> set[str]:
    """The characters the words of regex alternations (`计划|将|拟`, `(?:增加|提高)(?:到|至)|调整`) end with."""
    ends = {word.rstrip(")")[-1:] for alternation in alternations for word in alternation.split("|")}
    if not ends or any(not end or not end.isalnum() for end in ends):
        raise ValueError(f"not a plain alternation of words: {alternations}")
    return ends
