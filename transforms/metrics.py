"""Evaluation measures: accuracy, precision/recall/F1 (binary and micro-averaged multi-label), title match."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from rapidfuzz import fuzz

TITLE_MATCH_THRESHOLD = 90  # rapidfuzz token_set_ratio, as the acceptance criteria set it


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int

    def line(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


def prf(tp: int, fp: int, fn: int) -> PRF:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f, tp, fp, fn)


def binary_prf(pairs: Iterable[tuple[bool, bool]]) -> PRF:
    """pairs of (gold, predicted)."""
    tp = fp = fn = 0
    for gold, pred in pairs:
        tp += gold and pred
        fp += (not gold) and pred
        fn += gold and not pred
    return prf(tp, fp, fn)


def micro_prf(pairs: Iterable[tuple[Iterable[str], Iterable[str]]]) -> PRF:
    """Multi-label micro average over pairs of (gold labels, predicted labels)."""
    tp = fp = fn = 0
    for gold, pred in pairs:
        g, p = set(gold), set(pred)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    return prf(tp, fp, fn)


def per_label_prf(pairs: list[tuple[Iterable[str], Iterable[str]]]) -> dict[str, PRF]:
    labels = sorted({x for g, p in pairs for x in (*g, *p)})
    return {lab: binary_prf((lab in set(g), lab in set(p)) for g, p in pairs) for lab in labels}


def accuracy(pairs: Iterable[tuple[object, object]]) -> tuple[float, int, int]:
    """(accuracy, correct, total) over pairs of (gold, predicted)."""
    pairs = list(pairs)
    correct = sum(1 for g, p in pairs if g == p)
    return (correct / len(pairs) if pairs else 0.0), correct, len(pairs)


def _title_words(title: str) -> tuple[list[str], set[int]]:
    """Casefolded words of a title with underscores as spaces and letter-spaced runs rejoined
    ('Z Á P I S  Z  J E D N Á N Í' -> ['zápis', 'z', 'jednání']: a gap of two or more spaces, or a tab,
    between letters is a word gap); also the indexes of rejoined runs that had no word gap at all."""
    t = unicodedata.normalize("NFC", title).casefold().replace("_", " ")
    parts = re.split(r"(\s+)", t.strip())
    toks = [(p, parts[i + 1] if i + 1 < len(parts) else "") for i, p in enumerate(parts) if i % 2 == 0 and p]
    words: list[str] = []
    joined: set[int] = set()
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and len(toks[j][0]) == 1 and toks[j][0].isalpha():
            j += 1
        if j - i >= 3:
            cur, gap = "", False
            for tok, sep in toks[i:j]:
                cur += tok
                if len(sep) >= 2 or "\t" in sep:
                    words.append(cur)
                    cur, gap = "", True
            if cur:
                if not gap:
                    joined.add(len(words))
                words.append(cur)
            i = j
        else:
            words.append(toks[i][0])
            i += 1
    return words, joined


def _split_by(word: str, vocab: set[str]) -> list[str] | None:
    """A run of letters that lost its word gaps split into words of the other title, if it can be."""
    best: list[list[str] | None] = [None] * (len(word) + 1)
    best[0] = []
    for end in range(1, len(word) + 1):
        for start in range(end):
            if best[start] is not None and word[start:end] in vocab:
                if best[end] is None or len(best[start]) + 1 < len(best[end]):
                    best[end] = best[start] + [word[start:end]]
    return best[-1]


def normalise_title(title: str, other: str | None = None) -> str:
    """The form titles are compared in: casefolded, underscores as spaces, letter-spacing undone; a
    letter-spaced run without visible word gaps is split at the words of the `other` title."""
    words, joined = _title_words(title)
    if joined and other:
        vocab = {w.strip(".,;:!?()[]„“”\"'") for w in _title_words(other)[0]}
        for i in sorted(joined, reverse=True):
            parts = _split_by(words[i], vocab)
            if parts and len(parts) > 1:
                words[i:i + 1] = parts
    return " ".join(words)


def title_matches(gold: str | None, predicted: str | None, threshold: int = TITLE_MATCH_THRESHOLD) -> bool:
    """rapidfuzz token_set_ratio >= threshold on the normalised titles (normalise_title on both sides)."""
    if not gold or not predicted:
        return False
    return fuzz.token_set_ratio(normalise_title(gold, predicted), normalise_title(predicted, gold)) >= threshold
