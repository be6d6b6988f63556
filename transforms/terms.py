"""Finding vocabulary terms in text: ``TermIndex(terms).find(tokens) -> [Hit]``.

A text is tokenised once (``tokenize``: words with their character spans, light stems and folded forms).
A term is a phrase of one or more tokens, matched token by token on consecutive tokens:
- an acronym (all capitals, up to 6 characters: LED, MHD, IoT-like "OZE") only as written;
- a token with digits or symbols ("5G", "P+R", "WiFi4EU") by its case- and accent-folded form;
- any other word by its light stem (``czech_text.stem``), so every case of a noun or adjective matches;
  a one-word term whose stem is shorter than MIN_STEM matches only its exact folded form (short stems
  of different words collide; inside a phrase the other words disambiguate).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from transforms.czech_text import fold, stem

MIN_STEM = 4
_TOKEN = re.compile(r"[^\W_]+(?:[-+'’][^\W_]+)*")
_ACRONYM = re.compile(r"^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ0-9+\-]{1,5}$")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    stem: str
    folded: str


def tokenize(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text or ""):
        w = m.group(0)
        out.append(Token(w, m.start(), m.end(), stem(w) if w.isalpha() else fold(w), fold(w)))
    return out


def _is_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word)) and any(c.isalpha() for c in word) and not word.isdigit()


def _key(word: str, single: bool) -> tuple[str, str]:
    if _is_acronym(word):
        return ("A", word)
    if not word.replace("-", "").isalpha():
        return ("F", fold(word))
    s = stem(word)
    if single and len(s) < MIN_STEM:
        return ("F", fold(word))
    return ("S", s)


def _token_keys(t: Token) -> tuple[tuple[str, str], ...]:
    keys = [("F", t.folded), ("C", t.text.casefold())]
    if _is_acronym(t.text):
        keys.append(("A", t.text))
    if t.text.replace("-", "").isalpha():
        keys.append(("S", t.stem))
    return tuple(keys)


@dataclass(frozen=True)
class Term:
    text: str                       # as written in the vocabulary
    keys: tuple[tuple[str, str], ...]
    payload: object = None          # what the caller attaches (role, area, document kind, ...)


@dataclass(frozen=True)
class Hit:
    term: Term
    first: int                      # token index of the first word
    last: int                       # token index after the last word
    start: int                      # character span in the text
    end: int


def make_term(text: str, payload: object = None) -> Term | None:
    """A vocabulary entry as a term. ``=a|b|c`` lists exact forms of one word (for a word whose stem is shared
    with an unrelated word: "=zeleň|zeleně|zeleni" is greenery, not the colour green); matched with accents.
    ``~prefix`` matches every word that starts with the accent-free prefix (for verbs, whose forms the light
    stemmer does not join: "~spust" is spustit, spustí, spustila, spuštění)."""
    if (text or "").startswith("~"):
        prefix = fold(text[1:].strip())
        return Term(text=text[1:].strip(), keys=(("~", prefix),), payload=payload) if len(prefix) >= 4 else None
    if (text or "").startswith("="):
        forms = [f.strip().casefold() for f in text[1:].split("|") if f.strip()]
        return Term(text=text[1:].split("|")[0], keys=(("=", "|".join(forms)),), payload=payload) if forms else None
    words = [m.group(0) for m in _TOKEN.finditer(text or "")]
    if not words:
        return None
    single = len(words) == 1
    return Term(text=text, keys=tuple(_key(w, single) for w in words), payload=payload)


class TermIndex:
    """Every term of a vocabulary list, indexed by its first token's key."""

    def __init__(self, terms: Iterable[tuple[str, object]]):
        self._by_first: dict[tuple[str, str], list[Term]] = {}
        self._prefixes: set[str] = set()
        self.terms: list[Term] = []
        for text, payload in terms:
            t = make_term(text, payload)
            if t is None:
                continue
            self.terms.append(t)
            if t.keys[0][0] == "=":   # exact forms: indexed under each form
                for form in t.keys[0][1].split("|"):
                    self._by_first.setdefault(("C", form), []).append(t)
            elif t.keys[0][0] == "~":  # prefixes: looked up by every prefix of a word
                self._by_first.setdefault(t.keys[0], []).append(t)
                self._prefixes.add(t.keys[0][1])
            else:
                self._by_first.setdefault(t.keys[0], []).append(t)
        for lst in self._by_first.values():
            lst.sort(key=lambda t: -len(t.keys))   # longest phrase first

    def _prefix_keys(self, t: Token) -> tuple[tuple[str, str], ...]:
        if not self._prefixes:
            return ()
        w = t.folded
        return tuple(("~", w[:k]) for k in range(4, len(w) + 1) if w[:k] in self._prefixes)

    def find(self, tokens: list[Token], longest_only: bool = True) -> list[Hit]:
        """Hits in text order; with ``longest_only`` a token belongs to at most one hit (the longest phrase)."""
        hits: list[Hit] = []
        n = len(tokens)
        keys = [_token_keys(t) + self._prefix_keys(t) for t in tokens]
        i = 0
        while i < n:
            best: list[Hit] = []
            for key in keys[i]:
                for term in self._by_first.get(key, ()):
                    k = len(term.keys)
                    if i + k > n:
                        continue
                    if all(term.keys[j] in keys[i + j] for j in range(1, k)):
                        best.append(Hit(term, i, i + k, tokens[i].start, tokens[i + k - 1].end))
            if not best:
                i += 1
                continue
            if longest_only:
                top = max(len(h.term.keys) for h in best)
                chosen = [h for h in best if len(h.term.keys) == top]
                hits.extend(chosen)
                i += top
            else:
                hits.extend(best)
                i += 1
        return hits
