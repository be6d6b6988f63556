"""A document as passages: sentences (or list items, or table rows) with their token ranges.

Labels are judged passage by passage (ANNOTATION.md): a long document is about what many of its passages
are about, not about every word it contains. ``split(text, tokens)`` cuts at sentence ends, blank lines,
page breaks and list items; a run longer than MAX_WORDS (a table, a text without punctuation) is cut into
pieces of MAX_WORDS so that one passage never stands for a whole page.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from transforms.terms import Token

MAX_WORDS = 60
_BOUNDARY = re.compile(
    r"(?<=[.!?;])\s+(?=[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ0-9„\"•(])"   # sentence end before a capital, digit or bullet
    r"|\n[ \t]*\n|\f"                                      # blank line, page break
    r"|\n(?=[ \t]*(?:[•▪●◦\-–—*]|\d{1,2}[.)]\s|[a-z]\)\s))"  # list item
)


@dataclass(frozen=True)
class Passage:
    index: int
    first: int          # first token index
    last: int           # token index after the last token
    start: int          # character span
    end: int

    @property
    def words(self) -> int:
        return self.last - self.first


def split(text: str, tokens: list[Token]) -> list[Passage]:
    if not tokens:
        return []
    cuts = [m.start() for m in _BOUNDARY.finditer(text)]
    starts = [t.start for t in tokens]
    bounds = sorted({0, len(tokens), *(bisect_right(starts, c - 1) for c in cuts)})
    out: list[Passage] = []
    for a, b in zip(bounds, bounds[1:]):
        for s in range(a, b, MAX_WORDS):
            e = min(b, s + MAX_WORDS)
            if e > s:
                out.append(Passage(len(out), s, e, tokens[s].start, tokens[e - 1].end))
    return out


class Locator:
    """Which passage holds a token or a character position (passages are in text order)."""

    def __init__(self, passages: list[Passage]):
        self._firsts = [p.first for p in passages]
        self._starts = [p.start for p in passages]

    def by_token(self, token_index: int) -> int:
        return max(0, bisect_right(self._firsts, token_index) - 1)

    def by_char(self, position: int) -> int:
        return max(0, bisect_right(self._starts, position) - 1)


def snippet(text: str, p: Passage, limit: int = 300) -> str:
    s = " ".join(text[p.start:p.end].split())
    return s if len(s) <= limit else s[:limit].rsplit(" ", 1)[0] + "…"
