"""SMART relevance and thematic areas of a document: ``score_smart(tax, title, text) -> Smart``.

Matching (all through ``transforms.czech_text``): area keywords are lemmatised once in the
taxonomy and matched on the document's lemmas (multi-word phrases as lemma sequences); acronyms
(MHD, ČOV, IoT-like all-caps terms) case-sensitively on the original words; stems as prefixes of the
casefolded words, skipping the known collisions (``odpadní vody`` is water, not waste, ...).

Area score (0-1), per area::

    breadth = log(1 + distinct) / log(1 + BREADTH_SATURATION)      (capped at 1)
    density = sqrt(occurrences / words / DENSITY_SATURATION)        (capped at 1)
    body    = BREADTH_SHARE * breadth + (1 - BREADTH_SHARE) * density
    score   = weight * min(1, body + TITLE_BONUS * distinct title hits (capped at TITLE_CAP))

``distinct`` counts different keywords/lemmas, so a long text that repeats one word scores low;
``density`` is relative to the text length so a 100-page plan and a 1-page poster are comparable.
Domains are the areas with score >= DOMAIN_THRESHOLD and >= DOMAIN_RELATIVE x the best area, at most
MAX_DOMAINS (multi-label); an area other than the best one also needs MIN_DISTINCT_SECONDARY
different terms.

SMART score (0-1): ``1 - exp(-x)`` with x = MARKER_WEIGHT x distinct explicit markers (smart city,
chytré město, ... from the taxonomy) + SOLUTION_WEIGHT x distinct solution terms (digitalizace,
data, senzor, LED, úspora energie, ...) + title bonuses. ``is_smart`` = score >= SMART_THRESHOLD.
The constants were set on the labelled dev corpus (bench/classification_dev.py); see the figures
in the module tests.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from transforms.czech_text import casefold, fold, lemma, words
from transforms.taxonomy import Taxonomy, Term

MAX_TEXT_CHARS = 400_000
BREADTH_SATURATION = 12       # distinct terms at which breadth saturates
DENSITY_SATURATION = 0.02     # share of words that are area terms at which density saturates
BREADTH_SHARE = 0.5
TITLE_BONUS = 0.25
TITLE_CAP = 0.5
MIN_WORDS = 40                # short texts are normalised as if they had this many words
DOMAIN_THRESHOLD = 0.35
DOMAIN_RELATIVE = 0.6
MAX_DOMAINS = 4
MIN_DISTINCT_SECONDARY = 2    # an area other than the best needs two different terms (one stray word is no topic)
MARKER_WEIGHT = 1.0
SOLUTION_WEIGHT = 0.7
DIGITAL_WEIGHT = 1.5
DIGITAL_DENSITY_FLOOR = 0.004      # generic digital terms below this share of words count nothing
DIGITAL_DENSITY_FULL = 0.02        # ... and saturate here
DIGITAL_MIN_WORDS = 250           # density of a shorter text is measured as if it had this many words
TITLE_MARKER_WEIGHT = 1.0
TITLE_SOLUTION_WEIGHT = 0.7
SMART_THRESHOLD = 0.5


@dataclass
class Smart:
    smart_score: float
    is_smart: bool
    domains: list[str]
    domain_scores: dict[str, float]
    evidence: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class _Doc:
    orig: list[str]
    cf: list[str]
    folded: list[str]
    lem: list[str]
    folded_text: str

    @classmethod
    def of(cls, text: str) -> "_Doc":
        orig = words(text or "")
        cf = [casefold(w) for w in orig]
        return cls(orig=orig, cf=cf, folded=[fold(w) for w in orig], lem=[lemma(w) for w in orig],
                   folded_text=fold(text or ""))


def _index(terms: list[Term]) -> dict[str, list[tuple[Term, list[str]]]]:
    idx: dict[str, list[tuple[Term, list[str]]]] = {}
    for t in terms:
        if t.lemma:
            parts = t.lemma.split()
            idx.setdefault("L:" + parts[0], []).append((t, parts))
        elif t.acronym:
            idx.setdefault("A:" + t.acronym, []).append((t, [t.acronym]))
        elif t.literal:
            pat = re.compile(r"(?<!\w)" + r"\s*".join(re.escape(p) for p in t.literal.split()) + r"(?!\w)")
            idx.setdefault("#literal", []).append((t, [pat]))
        else:
            for f in t.forms:
                idx.setdefault("F:" + f, []).append((t, [f]))
    return idx


def _match_terms(idx, doc: _Doc) -> dict[str, list[int]]:
    """term source -> word positions of its occurrences."""
    hits: dict[str, list[int]] = {}
    n = len(doc.lem)
    for i in range(n):
        for key in ("L:" + doc.lem[i], "A:" + doc.orig[i], "F:" + doc.folded[i]):
            for term, parts in idx.get(key, ()):
                if key[0] == "L" and len(parts) > 1:
                    if i + len(parts) > n or doc.lem[i:i + len(parts)] != parts:
                        continue
                hits.setdefault(term.source, []).append(i)
    for k, (term, (pat,)) in enumerate(idx.get("#literal", ())):
        for j, _m in enumerate(pat.finditer(doc.folded_text)):
            hits.setdefault(term.source, []).append(-1 - k * 1_000_000 - j)   # off the word positions
    return hits


def _collides(doc: _Doc, i: int, stem: str, collisions: list[dict]) -> bool:
    for c in collisions:
        if c["stem"] != stem:
            continue
        nxt = c.get("next_prefix")
        prv = c.get("prev_prefix")
        if nxt and i + 1 < len(doc.cf) and doc.cf[i + 1].startswith(nxt):
            return True
        if prv and i > 0 and doc.cf[i - 1].startswith(prv):
            return True
    return False


def _match_stems(stems: list[str], doc: _Doc, collisions: list[dict]) -> dict[str, list[int]]:
    hits: dict[str, list[int]] = {}
    for i, w in enumerate(doc.cf):
        for s in stems:
            if w.startswith(s) and not _collides(doc, i, s, collisions):
                hits.setdefault(s, []).append(i)
    return hits


@dataclass
class _AreaHits:
    positions: set[int]
    distinct: set[str]
    evidence: list[str]


def _area_hits(tax: Taxonomy, area, idx, doc: _Doc) -> _AreaHits:
    term_hits = _match_terms(idx, doc)
    collisions = [c for c in tax.stem_collisions if c.get("area") == area.code]
    stem_hits = _match_stems(area.stems, doc, collisions)
    positions: set[int] = set()
    distinct: set[str] = set()
    evidence: list[str] = []
    for src, pos in sorted(term_hits.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        positions.update(pos)
        distinct.add("T:" + src)
        evidence.append(f"{src} ×{len(pos)}")
    for stem, pos in sorted(stem_hits.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        new = [p for p in pos if p not in positions]
        positions.update(pos)
        lemmas_new = {doc.lem[p] for p in new}
        distinct.update("W:" + lem for lem in lemmas_new)
        if new:
            example = doc.cf[new[0]]
            evidence.append(f"{stem}* ({example}) ×{len(new)}")
    return _AreaHits(positions, distinct, evidence)


_INDEX_CACHE: dict[int, dict] = {}


def _indexes(tax: Taxonomy) -> dict:
    key = id(tax)
    if key not in _INDEX_CACHE:
        _INDEX_CACHE[key] = {
            "areas": {a.code: _index(a.terms) for a in tax.areas},
            "markers": _index(tax.smart_marker_terms),
            "solutions": _index(tax.smart_solution_terms),
            "digital": _index(tax.smart_digital_terms),
        }
    return _INDEX_CACHE[key]


def area_score(distinct: int, occurrences: int, n_words: int, title_distinct: int, weight: float = 1.0) -> float:
    if distinct == 0 and title_distinct == 0:
        return 0.0
    breadth = min(1.0, math.log1p(distinct) / math.log1p(BREADTH_SATURATION))
    density = min(1.0, math.sqrt(occurrences / max(n_words, MIN_WORDS) / DENSITY_SATURATION))
    body = BREADTH_SHARE * breadth + (1 - BREADTH_SHARE) * density
    return round(min(1.0, weight * min(1.0, body + min(TITLE_CAP, TITLE_BONUS * title_distinct))), 4)


def _markers(tax: Taxonomy, text: str, doc: _Doc, idx) -> set[str]:
    found = {casefold(m.group(0)) for m in tax.smart_marker_regex.finditer(text or "")}
    found.update(_match_terms(idx, doc).keys())
    return {fold(f) for f in found}


def score_smart(tax: Taxonomy, title: str | None, text: str) -> Smart:
    """SMART relevance, areas (multi-label) and the matched terms of one document. Never raises."""
    try:
        return _score(tax, title or "", (text or "")[:MAX_TEXT_CHARS])
    except Exception as e:  # noqa: BLE001 - contract: empty result on bad input
        return Smart(0.0, False, [], {}, {"error": [f"{type(e).__name__}: {e}"[:200]]})


def _score(tax: Taxonomy, title: str, text: str) -> Smart:
    idx = _indexes(tax)
    body, head = _Doc.of(text), _Doc.of(title)
    n_words = len(body.orig)
    scores: dict[str, float] = {}
    n_distinct: dict[str, int] = {}
    evidence: dict[str, list[str]] = {}
    for area in tax.areas:
        b = _area_hits(tax, area, idx["areas"][area.code], body)
        t = _area_hits(tax, area, idx["areas"][area.code], head) if head.orig else _AreaHits(set(), set(), [])
        s = area_score(len(b.distinct), len(b.positions), n_words, len(t.distinct), area.weight)
        if s > 0:
            scores[area.code] = s
            n_distinct[area.code] = len(b.distinct | t.distinct)
            evidence[area.code] = ([f"title: {e}" for e in t.evidence] + b.evidence)[:25]
    best = max(scores.values(), default=0.0)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    domains = [c for i, (c, s) in enumerate(ranked)
               if s >= DOMAIN_THRESHOLD and s >= DOMAIN_RELATIVE * best
               and (i == 0 or n_distinct[c] >= MIN_DISTINCT_SECONDARY)][:MAX_DOMAINS]

    markers = _markers(tax, text, body, idx["markers"])
    title_markers = _markers(tax, title, head, idx["markers"]) if title else set()
    sol = _match_terms(idx["solutions"], body)
    title_sol = _match_terms(idx["solutions"], head) if title else {}
    title_sol.update(_match_terms(idx["digital"], head) if title else {})
    digital = _match_terms(idx["digital"], body)
    digital_density = sum(len(v) for v in digital.values()) / max(n_words, DIGITAL_MIN_WORDS)
    digital_part = min(1.0, max(0.0, (digital_density - DIGITAL_DENSITY_FLOOR)
                                / (DIGITAL_DENSITY_FULL - DIGITAL_DENSITY_FLOOR)))
    x = (MARKER_WEIGHT * min(3, len(markers))
         + SOLUTION_WEIGHT * sum(min(2.0, 1 + math.log10(len(v))) for v in sol.values())
         + DIGITAL_WEIGHT * digital_part
         + TITLE_MARKER_WEIGHT * min(1, len(title_markers)) + TITLE_SOLUTION_WEIGHT * min(2, len(title_sol)))
    smart_score = round(1 - math.exp(-x), 4)
    if markers or title_markers:
        evidence["smart_markers"] = sorted(markers | title_markers)[:15]
    if sol or title_sol:
        evidence["smart_solutions"] = [f"{k} ×{len(v)}" for k, v in sorted(sol.items(), key=lambda kv: -len(kv[1]))][:15] \
            + [f"title: {k}" for k in sorted(title_sol)]
    if digital_part > 0:
        evidence["smart_digital"] = [f"density {digital_density:.3f}"] + [
            f"{k} ×{len(v)}" for k, v in sorted(digital.items(), key=lambda kv: -len(kv[1]))][:10]
    return Smart(smart_score=smart_score, is_smart=smart_score >= SMART_THRESHOLD, domains=domains,
                 domain_scores=dict(ranked), evidence=evidence)
