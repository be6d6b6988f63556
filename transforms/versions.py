"""Version chains: editions of one strategy ("… 2014–2020" -> "… 2021–2030" -> "… aktualizace 2024").

Pure functions. A chain groups documents that
- belong to the same area: the same `municipality_code`, or for `level == "regional"` the same `region_code`
  (kraj); documents without an area are never chained;
- have the same `doc_type`;
- have matching title keys (`title_key`: the folded title without years, year ranges and edition words;
  rapidfuzz `fuzz.ratio` >= `TITLE_MATCH` = 90);
- are NOT the same document: documents with the same `text_fingerprint` (e.g. a near-duplicate cluster id) are
  one edition and only the first of them (by the order key) is kept in the chain;
- differ in edition: at least two distinct (validity_from, validity_to, approved_on, update year) among them.
Documents without any edition evidence (no validity, no approval date, no update marker) cannot be placed and
are left out of chains. Chain order: (effective start year, approved_on, update marker year, first_seen_at,
doc_id), where the effective start year is validity_from, else the update marker year, else the approval year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable

from rapidfuzz import fuzz

from transforms.czech_text import fold, words

TITLE_MATCH = 90

_YEAR = r"(?:19|20)\d{2}"
_EDITION_WORDS = {
    "aktualizace", "aktualizovana", "aktualizovany", "aktualizovane", "aktualizovaná", "verze", "navrh", "koncept",
    "konceptu", "navrhu", "final", "finalni", "cistopis", "pracovni", "revize", "revidovana", "zneni", "uplne",
    "schvalena", "schvaleny", "schvalene", "rok", "roky", "roku", "leta", "let", "obdobi", "na", "pro", "do",
    "od", "az", "v", "c", "ver", "update",
}
_UPDATE_MARKER = re.compile(r"\b(?:aktualizace|aktualizovan[aáyýeé]|revize|update)\b\D{0,12}(" + _YEAR + r")?")
_RANGE = re.compile(_YEAR + r"\s*[-–—/]\s*(?:" + _YEAR + r"|\d{2})\b|" + _YEAR + r"\s*\+")


def title_key(title: str | None) -> str:
    """Folded title without years, year ranges ("2014–2020", "2021+", "(2023)"), version numbers and edition
    words (aktualizace, verze, návrh, koncept, čistopis, období, na léta …)."""
    if not title:
        return ""
    t = fold(title)
    t = _RANGE.sub(" ", t)
    t = re.sub(r"\bv?\d+(?:\.\d+)*\b", " ", t)  # years, "v2", "1.1"
    return " ".join(w for w in words(t) if w not in _EDITION_WORDS)


def update_year(title: str | None) -> int | None:
    """Year of an update marker in the title ("aktualizace 2024" -> 2024); 0 for a marker without a year."""
    if not title:
        return None
    m = _UPDATE_MARKER.search(fold(title))
    if not m:
        return None
    return int(m.group(1)) if m.group(1) else 0


@dataclass(frozen=True)
class DocFacts:
    doc_id: str
    title: str | None = None
    municipality_code: str | None = None
    doc_type: str | None = None
    validity_from: int | None = None
    validity_to: int | None = None
    approved_on: date | str | None = None
    first_seen_at: datetime | str | None = None
    text_fingerprint: str | None = None
    text: str | None = None
    file_format: str | None = None
    level: str | None = None
    region_code: str | None = None


def area_key(doc: DocFacts) -> str | None:
    """The area a strategy belongs to: 'kraj:<region_code>' for regional documents, else the municipality code."""
    if doc.level == "regional" and doc.region_code:
        return f"kraj:{doc.region_code}"
    return doc.municipality_code or None


def _iso(v) -> str:
    if v is None:
        return ""
    return v.isoformat() if hasattr(v, "isoformat") else str(v)


def _approved_year(doc: DocFacts) -> int | None:
    m = re.match(r"(\d{4})", _iso(doc.approved_on))
    return int(m.group(1)) if m else None


def edition(doc: DocFacts) -> tuple:
    return (doc.validity_from, doc.validity_to, _iso(doc.approved_on) or None, update_year(doc.title))


def order_key(doc: DocFacts) -> tuple:
    upd = update_year(doc.title)
    start = doc.validity_from
    if start is None:
        start = upd if upd else _approved_year(doc)
    return (start if start is not None else 9999, _iso(doc.approved_on), upd if upd is not None else -1,
            _iso(doc.first_seen_at), doc.doc_id)


def _has_edition_evidence(doc: DocFacts) -> bool:
    return any(x is not None for x in edition(doc))


def version_chains(docs: Iterable[DocFacts], title_match: int = TITLE_MATCH) -> list[list[str]]:
    """Chains (lists of doc_ids, oldest edition first) of editions of one strategy; see the module docstring.
    Only chains of at least two editions are returned, sorted by their first doc_id."""
    groups: dict[tuple, list[DocFacts]] = {}
    for d in docs:
        area = area_key(d)
        if area is None or not _has_edition_evidence(d):
            continue
        groups.setdefault((area, d.doc_type or ""), []).append(d)
    chains: list[list[str]] = []
    for members in groups.values():
        members.sort(key=order_key)
        keys = [title_key(m.title) for m in members]
        parent = list(range(len(members)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                if keys[i] and keys[j] and (keys[i] == keys[j] or fuzz.ratio(keys[i], keys[j]) >= title_match):
                    ri, rj = find(i), find(j)
                    if ri != rj:
                        parent[max(ri, rj)] = min(ri, rj)
        comps: dict[int, list[DocFacts]] = {}
        for i, m in enumerate(members):
            comps.setdefault(find(i), []).append(m)
        for comp in comps.values():
            seen_fp: set[str] = set()
            chain: list[DocFacts] = []
            for m in comp:  # already in order_key order
                if m.text_fingerprint:
                    if m.text_fingerprint in seen_fp:
                        continue
                    seen_fp.add(m.text_fingerprint)
                chain.append(m)
            if len({edition(m) for m in chain}) >= 2:
                chains.append([m.doc_id for m in chain])
    return sorted(chains, key=lambda c: c[0])
