"""Which harvested strategy a Databáze strategií record describes: same municipality (or kraj), a title that is the
same once years and edition words are gone, and validity periods that do not contradict each other.

Registries word titles a little differently from the documents ("Strategický plán obce X" for "Strategický plán
rozvoje obce X 2021–2030"), so titles are compared as `versions.title_key` with rapidfuzz `token_set_ratio`
(one title's words inside the other's count as the same; among equal scores the same period, then the closest
wording wins). Records are compared with every edition of a strategy
(a registry often still lists an older edition). A pair is kept only when it is the best for both sides (one record,
one edition) and scores at least MIN_SCORE; a record naming a period that does not overlap the edition's is never
linked to it. Pure.
"""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from transforms.versions import title_key

MIN_SCORE = 85.0


@dataclass(frozen=True)
class Link:
    record_id: str
    strategy_id: str
    edition_id: str
    score: float


def _periods_agree(a_from, a_to, b_from, b_to) -> bool:
    """False only when both name a period and the periods do not overlap."""
    if None in (a_from, a_to, b_from, b_to):
        return True
    return int(a_from) <= int(b_to) and int(b_from) <= int(a_to)


def link_records(records: list[dict], strategies: list[dict], min_score: float = MIN_SCORE) -> list[Link]:
    """Links between registry records (record_id, area, name, valid_from, valid_to) and editions of strategies
    (strategy_id, edition_id (default: the strategy id), area, title, validity_from, validity_to); `area` is the
    municipality code, else the kraj code."""
    by_area: dict[str, list[dict]] = {}
    for s in strategies:
        if s.get("area"):
            by_area.setdefault(s["area"], []).append(s)
    scored: list[tuple[float, bool, float, str, str, str]] = []
    for r in records:
        key = title_key(r.get("name"))
        if not key or not r.get("area"):
            continue
        for s in by_area.get(r["area"], []):
            if not _periods_agree(r.get("valid_from"), r.get("valid_to"), s.get("validity_from"), s.get("validity_to")):
                continue
            other = title_key(s.get("title"))
            score = fuzz.token_set_ratio(key, other)
            if score >= min_score:
                # ties (one title's words inside several others'): the same period, then the closest wording
                same_period = (r.get("valid_from"), r.get("valid_to")) == (s.get("validity_from"), s.get("validity_to"))
                scored.append((score, same_period, fuzz.ratio(key, other), r["record_id"], s["strategy_id"],
                               s.get("edition_id") or s["strategy_id"]))
    links, used_r, used_e = [], set(), set()
    for score, _, _, rid, sid, eid in sorted(scored, key=lambda x: (-x[0], not x[1], -x[2], x[3], x[5])):
        if rid in used_r or eid in used_e:
            continue
        used_r.add(rid)
        used_e.add(eid)
        links.append(Link(rid, sid, eid, round(score, 1)))
    return sorted(links, key=lambda link: link.record_id)
