"""One strategy, one row: same-text groups and version chains against the demo web's manifest."""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import pytest

pytestmark = pytest.mark.slow


def _pairs(groups: dict[str, set[str]]) -> set[frozenset]:
    return {frozenset(p) for members in groups.values() for p in combinations(sorted(members), 2)}


def _harvested_docs(harvested) -> set[str]:
    return {d for (d,) in harvested.sql("SELECT doc_id FROM documents")}


def _harvested_files(harvested) -> set[str]:
    """Documents that are files (PDF, DOCX, ...): the manifest plants its same-text cases among files; the short
    HTML pages that announce a file carry no ground truth about sameness."""
    return {d for (d,) in harvested.sql("SELECT doc_id FROM documents WHERE file_format <> 'html'")}


def test_same_document_pairs_are_found_precisely(demo_web, harvested):
    docs = _harvested_files(harvested)
    gold_groups: dict[str, set[str]] = defaultdict(set)
    for m in demo_web.manifest():
        if m["kind"] == "document" and m.get("sha256") in docs and m.get("same_document_group"):
            gold_groups[m["same_document_group"]].add(m["sha256"])
    gold = _pairs(gold_groups)
    assert len(gold) >= 4, "the demo web plants too few same-text pairs to measure"
    predicted_groups: dict[str, set[str]] = defaultdict(set)
    for cluster_id, doc_id in harvested.sql("SELECT cluster_id, doc_id FROM document_clusters"):
        if doc_id in docs:
            predicted_groups[cluster_id].add(doc_id)
    predicted = _pairs(predicted_groups)
    tp = len(gold & predicted)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(gold)
    assert precision >= 0.98, sorted(predicted - gold)[:5]
    assert recall >= 0.95, sorted(gold - predicted)[:5]


def test_every_version_chain_is_one_strategy_in_order(demo_web, harvested):
    docs = _harvested_docs(harvested)
    chains: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for m in demo_web.manifest():
        if m["kind"] == "document" and m.get("version_group") and m.get("sha256") in docs:
            chains[m["version_group"]].append((m["version_rank"], m["sha256"]))
    assert len(chains) >= 2
    info = {d: (s, r) for d, s, r in harvested.sql("SELECT doc_id, strategy_id, version_rank FROM document_clusters")}
    for group, members in chains.items():
        strategy_ids = {info[sha][0] for _, sha in members}
        assert len(strategy_ids) == 1 and None not in strategy_ids, (group, strategy_ids)
        ranks = {rank: info[sha][1] for rank, sha in members}
        assert sorted(ranks.values()) == sorted(ranks), (group, ranks)  # our editions in the manifest's order


def test_strategies_table_has_one_row_per_strategy_with_its_editions(harvested):
    rows = harvested.sql("SELECT strategy_id, doc_id, versions, urls, is_current FROM strategies")
    assert rows
    assert len({r[0] for r in rows}) == len(rows)
    for strategy_id, doc_id, versions, urls, _ in rows:
        assert versions[-1] == doc_id and urls
    strategic_docs = harvested.sql("SELECT count(*) FROM documents WHERE is_strategic")[0][0]
    assert len(rows) < strategic_docs  # twins, copies and editions collapse
