"""Same-text clusters and strategies (one row per strategy, its editions, every URL) from the warehouse's documents.

Composes transforms.document_clusters (MinHash/LSH + rapidfuzz, union-find, version chains). Ids are derived from
content and identity (cluster: smallest member doc_id; strategy: municipality or kraj, doc_type and the title
without years), so reruns give the same ids.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from pipelines import dedup_cache
from transforms import sightings
from transforms.document_clusters import cluster_documents, dedup_block, representative_order, strategy_key
from transforms.extraction import EXTRACTOR_VERSION
from transforms.near_duplicates import fingerprint_params
from transforms.versions import DocFacts, area_key, order_key, title_key, update_year


def _facts(d: dict) -> DocFacts:
    return DocFacts(doc_id=d["doc_id"], title=d.get("title"), municipality_code=d.get("municipality_code"),
                    doc_type=d.get("doc_type"), validity_from=d.get("validity_from"), validity_to=d.get("validity_to"),
                    approved_on=d.get("approved_on"), first_seen_at=d.get("first_seen_at"), text=d.get("text") or "",
                    file_format=d.get("file_format"), level=d.get("level"), region_code=d.get("kraj_code"))


# Plans a municipality (or region) has one of at a time: two with periods that do not overlap are successive
# editions even when the title was reworded ("Strategický plán rozvoje … 2017–2022" -> "Strategie rozvoje … do 2032").
ONE_AT_A_TIME = frozenset({"strategic_development_plan_municipal", "programme_municipal_development",
                           "regional_development_strategy", "smart_city_strategy", "sump", "territorial_energy_concept",
                           "secap", "climate_adaptation_strategy", "sclld"})


def _edition_key(d: dict) -> tuple:
    return (d.get("validity_from"), d.get("validity_to"), update_year(d.get("title")))


def _prefer(a: dict, b: dict) -> bool:
    """a represents an edition better than b (transforms.document_clusters.representative_order decides)."""
    rank = lambda d: representative_order(d.get("file_format"), d.get("first_seen_at"), d["doc_id"])  # noqa: E731
    return rank(a) < rank(b)


def _periods(cids: list[str], doc_of) -> list[tuple[int, int]]:
    out = []
    for c in cids:
        d = doc_of(c)
        if d.get("validity_from") and d.get("validity_to"):
            out.append((int(d["validity_from"]), int(d["validity_to"])))
    return out


def _merge_successive_plans(editions: dict[str, list[str]], doc_of) -> dict[str, list[str]]:
    """Merge strategies of one area and one-at-a-time type whose periods never overlap (renamed editions)."""
    groups: dict[tuple, list[str]] = {}
    for sid, cids in sorted(editions.items()):
        d = doc_of(cids[0])
        if d.get("doc_type") in ONE_AT_A_TIME:
            area = area_key(_facts(d))
            if area:
                groups.setdefault((area, d["doc_type"]), []).append(sid)
    merged = dict(editions)
    for sids in groups.values():
        if len(sids) < 2:
            continue
        spans = {sid: _periods(editions[sid], doc_of) for sid in sids}
        if any(not spans[sid] for sid in sids):
            continue  # without periods there is nothing to prove they follow each other
        ranges = sorted((min(f for f, _ in spans[sid]), max(t for _, t in spans[sid]), sid) for sid in sids)
        if any(a[1] >= b[0] for a, b in zip(ranges, ranges[1:])):
            continue  # overlapping periods: two different plans at the same time
        keep = ranges[0][2]  # the oldest edition's id stays the strategy id
        for sid in sids:
            if sid != keep:
                merged[keep] = merged[keep] + merged.pop(sid)
    return merged


def build(documents: list[dict], document_urls: list[dict], municipalities: list[dict],
          kraje: dict[str, str], year: int | None = None,
          cache: Path | None = None) -> tuple[list[dict], list[dict], dict[str, int]]:
    """(document_clusters rows, strategies rows, dedup counts) for the documents that have text. With a `cache`
    (pipelines.dedup_cache), fingerprints and pair similarities of earlier nights are reused and the new ones kept."""
    year = year or datetime.now(timezone.utc).year
    with_text = [d for d in documents if d.get("text")]
    by_id = {d["doc_id"]: d for d in with_text}
    params = f"{fingerprint_params()} extractor={EXTRACTOR_VERSION}"  # a new extractor gives new texts
    known_fps, known_sims = dedup_cache.load(cache, params) if cache else ({}, {})
    blocks = {d["doc_id"]: dedup_block(d.get("municipality_code"), d.get("kraj_code"), d.get("source_id"),
                                       d.get("doc_type")) for d in with_text}
    clustering = cluster_documents([_facts(d) for d in with_text], fingerprints=known_fps, similarities=known_sims,
                                   blocks=blocks)
    counts = {"fingerprints": len(clustering.fingerprints), "pairs": len(clustering.similarities),
              "new_fingerprints": sum(1 for d in clustering.fingerprints if d not in known_fps),
              "new_pairs": sum(1 for p in clustering.similarities if p not in known_sims)}
    if cache and (counts["new_fingerprints"] or counts["new_pairs"]):
        dedup_cache.save(cache, params, clustering.fingerprints, clustering.similarities)
    clusters = clustering.clusters
    canonical = {cid: next(m.doc_id for m in ms if m.role == "canonical") for cid, ms in clusters.items()}

    # strategies: version chains of strategic clusters, then every strategic cluster not in a chain;
    # clusters sharing a strategy key without dates to order them by are one strategy too.
    editions: dict[str, list[str]] = {}
    chained: set[str] = set()
    for chain in clustering.chains:
        if by_id[canonical[chain.cluster_ids[0]]].get("is_strategic"):
            editions.setdefault(chain.chain_id, []).extend(chain.cluster_ids)
            chained.update(chain.cluster_ids)
    for cid, doc_id in sorted(canonical.items()):
        d = by_id[doc_id]
        if cid in chained or not d.get("is_strategic"):
            continue
        facts = _facts(d)
        editions.setdefault(strategy_key(area_key(facts), d.get("doc_type"), title_key(d.get("title"))), []).append(cid)
    editions = _merge_successive_plans(editions, lambda c: by_id[canonical[c]])
    for sid, cids in editions.items():
        cids.sort(key=lambda c: order_key(_facts(by_id[canonical[c]])))

    # one rank per edition: clusters with the same period and update marker (a PDF and an HTML rendering of one
    # edition) share it; the edition's best cluster (PDF first) stands for it.
    strategy_of: dict[str, tuple[str, int]] = {}
    best_of_edition: dict[str, list[str]] = {}
    for sid, cids in editions.items():
        keys: list[tuple] = []
        best: dict[tuple, str] = {}
        for cid in cids:
            key = _edition_key(by_id[canonical[cid]])
            if key not in keys:
                keys.append(key)
            strategy_of[cid] = (sid, keys.index(key) + 1)
            if key not in best or _prefer(by_id[canonical[cid]], by_id[canonical[best[key]]]):
                best[key] = cid
        best_of_edition[sid] = [best[k] for k in keys]
    cluster_rows = []
    for m in clustering.members:
        sid, rank = strategy_of.get(m.cluster_id, (None, None))
        latest = sid is not None and best_of_edition[sid][-1] == m.cluster_id
        role = "version" if (m.role == "canonical" and sid is not None and not latest) else m.role
        cluster_rows.append({"cluster_id": m.cluster_id, "doc_id": m.doc_id, "similarity": m.similarity, "role": role,
                             "strategy_id": sid, "version_rank": rank})

    names = {m["municipality_code"]: m for m in municipalities}
    urls_of: dict[str, set[str]] = {}
    for u in document_urls:
        urls_of.setdefault(u["doc_id"], set()).add(u["url"])
    strategy_rows = []
    for sid, cids in sorted(editions.items()):
        current = by_id[canonical[best_of_edition[sid][-1]]]
        member_ids = [m.doc_id for cid in cids for m in clusters[cid]]
        muni = names.get(current.get("municipality_code") or "", {})
        first_seen, _ = sightings.first_and_last_seen(by_id[i].get("first_seen_at") for i in member_ids)
        _, last_seen = sightings.first_and_last_seen(by_id[i].get("last_seen_at") for i in member_ids)
        validity_to = current.get("validity_to")
        strategy_rows.append({
            "strategy_id": sid, "title": current.get("title"), "municipality_code": current.get("municipality_code"),
            "municipality_name": muni.get("name"),
            "kraj": muni.get("kraj_name") or kraje.get(current.get("kraj_code") or ""),
            "level": current.get("level"), "smart_scope": current.get("smart_scope"), "doc_type": current.get("doc_type"),
            "validity_from": current.get("validity_from"), "validity_to": validity_to,
            "approved_on": current.get("approved_on"), "domains": current.get("domains") or [],
            "is_smart": current.get("is_smart"), "doc_id": current["doc_id"],
            "versions": [canonical[c] for c in best_of_edition[sid]],
            "urls": sorted({u for i in member_ids for u in urls_of.get(i, ())}),
            "first_seen_at": first_seen, "last_seen_at": last_seen,
            "is_current": validity_to is None or int(validity_to) >= year,
        })
    return cluster_rows, strategy_rows, counts
