"""Evaluation measures: accuracy, precision/recall/F1 (binary and micro-averaged multi-label), title match."""
from __future__ import annotations

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


def title_matches(gold: str | None, predicted: str | None, threshold: int = TITLE_MATCH_THRESHOLD) -> bool:
    if not gold or not predicted:
        return False
    return fuzz.token_set_ratio(gold.casefold(), predicted.casefold()) >= threshold
