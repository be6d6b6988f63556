"""Same-text clusters and strategies (one row per strategy, its editions, every URL) from the warehouse's documents.

Composes transforms.document_clusters (MinHash/LSH + rapidfuzz, union-find, version chains). Ids are derived from
content and identity (cluster: smallest member doc_id; strategy: municipality or kraj, doc_type and the title
without years), so reruns give the same ids.
"""
from __future__ import annotations

from datetime import datetime, timezone

from transforms.document_clusters import cluster_documents, strategy_key
from transforms.versions import DocFacts, area_key, order_key, title_key


def _facts(d: dict) -> DocFacts:
    return DocFacts(doc_id=d["doc_id"], title=d.get("title"), municipality_code=d.get("municipality_code"),
                    doc_type=d.get("doc_type"), validity_from=d.get("validity_from"), validity_to=d.get("validity_to"),
                    approved_on=d.get("approved_on"), first_seen_at=d.get("first_seen_at"), text=d.get("text") or "",
                    file_format=d.get("file_format"), level=d.get("level"), region_code=d.get("kraj_code"))


def build(documents: list[dict], document_urls: list[dict], municipalities: list[dict],
          kraje: dict[str, str], year: int | None = None) -> tuple[list[dict], list[dict]]:
    """(document_clusters rows, strategies rows) for the documents that have text."""
    year = year or datetime.now(timezone.utc).year
    with_text = [d for d in documents if d.get("text")]
    by_id = {d["doc_id"]: d for d in with_text}
    clustering = cluster_documents([_facts(d) for d in with_text])
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
    for sid, cids in editions.items():
        cids.sort(key=lambda c: order_key(_facts(by_id[canonical[c]])))

    strategy_of = {cid: (sid, rank) for sid, cids in editions.items() for rank, cid in enumerate(cids, start=1)}
    cluster_rows = []
    for m in clustering.members:
        sid, rank = strategy_of.get(m.cluster_id, (None, None))
        latest = sid is not None and editions[sid][-1] == m.cluster_id
        role = "version" if (m.role == "canonical" and sid is not None and not latest) else m.role
        cluster_rows.append({"cluster_id": m.cluster_id, "doc_id": m.doc_id, "similarity": m.similarity, "role": role,
                             "strategy_id": sid, "version_rank": rank})

    names = {m["municipality_code"]: m for m in municipalities}
    urls_of: dict[str, set[str]] = {}
    for u in document_urls:
        urls_of.setdefault(u["doc_id"], set()).add(u["url"])
    strategy_rows = []
    for sid, cids in sorted(editions.items()):
        current = by_id[canonical[cids[-1]]]
        member_ids = [m.doc_id for cid in cids for m in clusters[cid]]
        muni = names.get(current.get("municipality_code") or "", {})
        seen = [by_id[i].get("first_seen_at") for i in member_ids if by_id[i].get("first_seen_at")]
        last = [by_id[i].get("last_seen_at") for i in member_ids if by_id[i].get("last_seen_at")]
        validity_to = current.get("validity_to")
        strategy_rows.append({
            "strategy_id": sid, "title": current.get("title"), "municipality_code": current.get("municipality_code"),
            "municipality_name": muni.get("name"),
            "kraj": muni.get("kraj_name") or kraje.get(current.get("kraj_code") or ""),
            "level": current.get("level"), "smart_scope": current.get("smart_scope"), "doc_type": current.get("doc_type"),
            "validity_from": current.get("validity_from"), "validity_to": validity_to,
            "approved_on": current.get("approved_on"), "domains": current.get("domains") or [],
            "is_smart": current.get("is_smart"), "doc_id": current["doc_id"],
            "versions": [canonical[c] for c in cids],
            "urls": sorted({u for i in member_ids for u in urls_of.get(i, ())}),
            "first_seen_at": min(seen) if seen else None, "last_seen_at": max(last) if last else None,
            "is_current": validity_to is None or int(validity_to) >= year,
        })
    return cluster_rows, strategy_rows
