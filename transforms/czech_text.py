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


class _CombiningMarks(dict):
    """str.translate table that drops combining marks: each code point is classified once, then looked up in C."""

    def __missing__(self, code: int) -> int | None:
        if len(self) > 50_000:  # texts use a few thousand code points; a stream of rare ones must not grow it unbounded
            self.clear()
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_DROP_MARKS = _CombiningMarks()


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_DROP_MARKS))


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


# Light stemmer (after Dolamic & Savoy 2009, Lucene's CzechStemmer): removes case endings only (not the
# possessive suffixes, which would make "krajina" the "kraj" of "krajů"), so inflected forms of one word meet ("svítidla", "svítidel", "svítidlo" -> "svitidl")
# without the over-stemming of an aggressive stemmer. Used to match vocabulary terms (transforms/terms.py).
_CASE_5 = ("atech",)
_CASE_4 = ("ětem", "etem", "atům")
_CASE_3 = ("ech", "ich", "ích", "ého", "ěmi", "emi", "ému", "ěte", "ete", "ěti", "eti", "ího", "iho", "ími", "ímu",
           "imu", "ách", "ata", "aty", "ých", "ama", "ami", "ové", "ovi", "ými")
_CASE_2 = ("em", "es", "ém", "ím", "ům", "at", "ám", "os", "us", "ým", "mi", "ou")
_CASE_1 = frozenset("aeiouůyáéíýě")


def _remove_case(s: str) -> str:
    n = len(s)
    if n > 7 and s.endswith(_CASE_5):
        return s[:-5]
    if n > 6 and s.endswith(_CASE_4):
        return s[:-4]
    if n > 5 and s.endswith(_CASE_3):
        return s[:-3]
    if n > 4 and s.endswith(_CASE_2):
        return s[:-2]
    if n > 3 and s[-1] in _CASE_1:
        return s[:-1]
    return s


def _normalize_stem(s: str) -> str:
    """On the accent-free stem: drop a last-syllable e (rozpočet/rozpočtu, obec/obce), then unify the
    consonant alternations of Czech declension (čt/ct -> ck, št/st -> sk, c -> k, z -> h)."""
    if len(s) > 2 and s[-2] == "e":
        s = s[:-2] + s[-1]
    if s.endswith("ct"):
        return s[:-2] + "ck"
    if s.endswith("st") and len(s) > 4:
        return s
    if s and s[-1] == "c":
        return s[:-1] + "k"
    if s and s[-1] == "z":
        return s[:-1] + "h"
    return s


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Light Czech stem of one word, case- and accent-folded ("Strategií" -> "strategi")."""
    s = unicodedata.normalize("NFC", word.casefold())
    s = _remove_case(s)
    return _normalize_stem(strip_accents(s))


def stems(text: str) -> list[str]:
    """Light stems of every word of the text, in order."""
    return [stem(w) for w in words(text)]
