"""Czech text normalisation shared by classification, municipality linking and search.

Three forms of a text: `casefold` (lower case, spaces squeezed), `fold` (also without accents:
"Strategický plán" -> "strategicky plan") and `lemmas` (simplemma's Czech lemmas, folded:
"strategií" -> "strategie", "města Kolína" -> ["mesto", "kolin"]). Snowball's Czech stemmer
over-stems (obce -> "obk"), simplemma does not (ENGINEERING.md).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import simplemma

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
_SPACES = re.compile(r"\s+")


def casefold(text: str) -> str:
    """Lower-cased, Unicode-NFC, whitespace squeezed to single spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold(text: str) -> str:
    """Case- and accent-folded form: what a user types when searching without diacritics."""
    return strip_accents(casefold(text))


def words(text: str) -> list[str]:
    """Word tokens (letters, inner hyphens/apostrophes), original case."""
    return _WORD.findall(text)


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str = "cs") -> str:
    """Lemma of one word, case- and accent-folded."""
    return fold(simplemma.lemmatize(word.casefold(), lang=lang))


def lemmas(text: str, lang: str = "cs") -> list[str]:
    """Folded lemmas of every word of the text, in order."""
    return [lemma(w, lang) for w in words(text)]


def lemma_text(text: str, lang: str = "cs") -> str:
    """The text as one string of folded lemmas (for phrase matching on lemmas)."""
    return " ".join(lemmas(text, lang))
