"""Search terms and snippets for Czech full-text search (pipelines/search.py).

A term is a folded lemma (transforms.czech_text.lemma): "strategií", "strategii" and "Strategie" all give
"strategie". A word typed without diacritics that the dictionary does not know ("osvetleni", "mestech") is
read as every dictionary form that folds to it, so it reaches the lemma of the accented word ("osvětlení" ->
"osvetleni", "městech" -> "mesto"); when such a folded form is ambiguous ("verejne": veřejné or veřejně) it
gives every candidate lemma, on the index side and the query side alike, so both always meet.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

from transforms.czech_text import fold, lemma, words

LANG = "cs"
MARK_OPEN, MARK_CLOSE, ELLIPSIS = "«", "»", "…"

# Function words (as written, folded), dropped before lemmatising: by surface, not by lemma, so that "je" goes
# but the noun "byt" (a flat, and the folded lemma of "je") stays searchable.
STOP_WORDS = frozenset(fold(w) for w in """
a aby abych ač ačkoli ale ani aniž až by bych bychom byste byl byla byli bylo byly bude budou budeme
co což či další dle do ho i já jak jaké jaký jakož jako je jeho jej její jejich jemu jen jenž již jím jimi
jsem jsi jsme jsou jste k kam kde kdo kdy když ke kterou které který která kterého kterým kterých kterými
ku mají má mezi mi mně mnou mu my na nad nám námi naše náš ne nebo neboť nejsou není než něj ní nich nim
o od on ona oni ono ony po pod podle pokud pro proto protože před přes při s se si sice své svůj svých svým
ta tak také takže tam tato té tedy tel ten tento tím tímto tj to tohoto tom tomto tomu toto tu tuto ty tyto
u už v ve vám vás váš však vy z za zda zde ze že
the of and in to is for on by with
""".split())


@lru_cache(maxsize=1)
def _dictionary():
    return DEFAULT_DICTIONARY_FACTORY.get_dictionary(LANG)


# fold() for the letters of Czech and its neighbours, as one str.translate (ten times faster over a dictionary)
_FOLD_LATIN = {c: fold(chr(c)) for c in range(0xC0, 0x250) if len(fold(chr(c))) == 1}


def _fold_many(texts: list[str]) -> list[str]:
    """fold() of many words at once: one casefold and one translate over them all."""
    folded = "\n".join(texts).casefold().translate(_FOLD_LATIN).split("\n")
    return [f if f.isascii() else fold(f) for f in folded]


@lru_cache(maxsize=1)
def _folded_forms() -> dict[str, tuple[str, ...]]:
    """Folded form -> folded lemmas of the accented dictionary forms that fold to it (built once, about 0.5 s)."""
    raw = getattr(_dictionary(), "_dict", None)  # simplemma 2: bytes -> bytes, far faster than decoding every key
    pairs = ([(f.decode(), lem.decode()) for f, lem in raw.items() if not f.isascii()] if raw is not None
             else [(f, lem) for f, lem in _dictionary().items() if not f.isascii()])
    distinct = set(zip(_fold_many([f for f, _ in pairs]), _fold_many([lem for _, lem in pairs])))
    found = {form: (lem,) for form, lem in distinct}
    ambiguous = {form for form, n in Counter(form for form, _ in distinct).items() if n > 1}
    grouped: dict[str, list[str]] = {}
    for form, lem in distinct:
        if form in ambiguous:
            grouped.setdefault(form, []).append(lem)
    found.update((form, tuple(sorted(lemmas))) for form, lemmas in grouped.items())
    return found


def _known(word: str) -> bool:
    d = _dictionary()
    return word in d or word.capitalize() in d


@lru_cache(maxsize=500_000)
def word_terms(word: str) -> tuple[str, ...]:
    """Terms of one lower-case word: its folded lemma, or the candidates of an unknown unaccented word; () for a
    stop word or a single letter."""
    folded = fold(word)
    if len(folded) < 2 or folded in STOP_WORDS:
        return ()
    if folded == word and not _known(word):
        candidates = _folded_forms().get(folded)
        if candidates:
            return candidates
    return (lemma(word, LANG),)


def _lower_words(text: str) -> list[str]:
    return words(text.casefold())


def terms(text: str) -> list[str]:
    """Search terms of a text, in order (an ambiguous unaccented word gives its candidates side by side)."""
    return [t for w in _lower_words(text) for t in word_terms(w)]


def term_counts(text: str) -> Counter[str]:
    """How often each term occurs in the text: terms() counted, faster on long texts (each distinct word once)."""
    counts: Counter[str] = Counter()
    for word, n in Counter(_lower_words(text)).items():
        for t in word_terms(word):
            counts[t] += n
    return counts


def _matches(text: str, query_terms: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, term) of every word of the text carrying a query term; each distinct word lemmatised once."""
    wanted = [w for w in set(_lower_words(text)) if query_terms.intersection(word_terms(w))]
    if not wanted:
        return []
    by_word = {w: next(t for t in word_terms(w) if t in query_terms) for w in wanted}
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(wanted, key=len, reverse=True))) + r")(?!\w)",
                         re.IGNORECASE)
    return [(m.start(), m.end(), by_word[m.group().casefold()]) for m in pattern.finditer(text)
            if m.group().casefold() in by_word]


def _best_window(matches: list[tuple[int, int, str]], width: int) -> tuple[int, int]:
    """Start and end of the span of matches, at most `width` long, with the most distinct terms, then matches."""
    best, best_key, j = (matches[0][0], matches[0][1]), (0, 0), 0
    for i, (start, _, _) in enumerate(matches):
        j = max(j, i)
        while j + 1 < len(matches) and matches[j + 1][1] - start <= width:
            j += 1
        inside = matches[i:j + 1]
        key = (len({t for _, _, t in inside}), len(inside))
        if key > best_key:
            best, best_key = (start, inside[-1][1]), key
    return best


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def snippet(text: str, query_terms: list[str] | set[str], width: int = 160) -> str:
    """About `width` characters of the text around the passage richest in query terms, the matched words marked
    «so»; the opening of the text when no word matches."""
    if not text:
        return ""
    query = set(query_terms)
    matches = _matches(text, query) if query else []
    if not matches:
        head = text[:width]
        cut = head.rfind(" ") if len(text) > width else -1
        return _clean(head[:cut] if cut > width // 2 else head) + (ELLIPSIS if len(text) > width else "")
    first, last = _best_window(matches, width)
    pad = max(0, width - (last - first)) // 2
    start, end = max(0, first - pad), min(len(text), last + pad)
    start, end = max(0, min(start, end - width)), min(len(text), max(end, start + width))
    while start > 0 and start < first and not text[start - 1].isspace():  # whole words only
        start += 1
    while end < len(text) and end > last and not text[end].isspace():
        end -= 1
    marked, at = [], start
    for m_start, m_end, _ in matches:
        if m_start >= start and m_end <= end:
            marked += [text[at:m_start], MARK_OPEN, text[m_start:m_end], MARK_CLOSE]
            at = m_end
    marked.append(text[at:end])
    return (ELLIPSIS if start > 0 else "") + _clean("".join(marked)) + (ELLIPSIS if end < len(text) else "")
