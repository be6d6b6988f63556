"""The demo web through the understanding stage: plumbing, not quality.

Every document of the manifest reaches the warehouse annotated and typed, `doc_type` and `is_strategic`
are filled and consistent, labels propagate from documents to the strategies table, the hard negatives
are there. How often the classifier is right is measured on the real corpora (tests/pipelines/
test_evaluate.py, `smartharvest evaluate`), never on generated text: the demo web writes its own
texts (demo_web/vocab.py, strategy_texts.py, ordinary_texts.py), and a figure on them would say
nothing about real documents. Disagreements with the manifest are printed (`pytest -s`) for humans.
"""
from __future__ import annotations

from collections import Counter

import pytest

pytestmark = pytest.mark.slow

COLUMNS = ("doc_type", "is_strategic", "municipality_code", "validity_from", "validity_to", "language",
           "annotation_status")


def _docs(demo_web, pred) -> list[dict]:
    """Manifest documents a polite crawler stores (files and HTML documents, not the trap cases)."""
    return [m for m in demo_web.manifest() if m["kind"] == "document" and m["expect_in_document_urls"]
            and m.get("sha256") and not m.get("trap") and pred(m)]


def _annotated(harvested) -> dict[str, dict]:
    rows = harvested.sql(f"SELECT doc_id, {', '.join(COLUMNS)} FROM documents")
    return {r[0]: dict(zip(COLUMNS, r[1:])) for r in rows}


def _print_disagreements(title: str, pairs: list[tuple]) -> None:
    print(f"\n{title}: {len(pairs)}")
    for p in pairs[:40]:
        print("  ", p)


def test_every_strategy_reaches_the_warehouse_typed_and_annotated(demo_web, harvested):
    strategies = _docs(demo_web, lambda m: m["is_strategy"])
    assert len(strategies) >= 15
    got = _annotated(harvested)
    missing = [m["url"] for m in strategies if m["sha256"] not in got]
    assert not missing, missing[:10]
    for m in strategies:
        d = got[m["sha256"]]
        assert d["annotation_status"] == "ok", (m["url"], d)
        assert d["doc_type"] and d["is_strategic"] is not None and d["language"], (m["url"], d)
    _print_disagreements("manifest strategies typed otherwise (title, manifest type, warehouse type, strategic)",
                         [(m["title"], m["doc_type"], got[m["sha256"]]["doc_type"], got[m["sha256"]]["is_strategic"])
                          for m in strategies if got[m["sha256"]]["doc_type"] != m["doc_type"]])


def test_every_hard_negative_reaches_the_warehouse_typed(demo_web, harvested):
    hard = _docs(demo_web, lambda m: m.get("hard_negative"))
    kinds = Counter(m["hard_negative"] for m in hard)
    assert set(kinds) == {"plan_approval_minutes", "strategy_hearing_notice", "newsletter_smart_article",
                          "budget_investments", "tender_citing_plan"}, kinds
    got = _annotated(harvested)
    missing = [m["url"] for m in hard if m["sha256"] not in got]
    assert not missing, missing[:10]
    for m in hard:
        d = got[m["sha256"]]
        assert d["annotation_status"] == "ok" and d["doc_type"] and d["is_strategic"] is not None, (m["url"], d)
    _print_disagreements("hard negatives the warehouse calls strategic (kind, title, warehouse type)",
                         [(m["hard_negative"], m["title"], got[m["sha256"]]["doc_type"]) for m in hard
                          if got[m["sha256"]]["is_strategic"]])


def test_ordinary_documents_reach_the_warehouse_typed(demo_web, harvested):
    ordinary = _docs(demo_web, lambda m: not m["is_strategy"] and m["format"] != "html")
    assert len(ordinary) >= 200
    got = _annotated(harvested)
    missing = [m["url"] for m in ordinary if m["sha256"] not in got]
    assert not missing, missing[:10]
    assert all(got[m["sha256"]]["doc_type"] and got[m["sha256"]]["is_strategic"] is not None for m in ordinary)
    flagged = [(m["doc_kind"], m["title"], got[m["sha256"]]["doc_type"]) for m in ordinary
               if got[m["sha256"]]["is_strategic"] and not m.get("hard_negative")]
    _print_disagreements("ordinary documents (not planted hard negatives) the warehouse calls strategic", flagged)


def test_doc_type_and_is_strategic_are_filled_and_consistent(harvested):
    rows = harvested.sql("SELECT doc_type, is_strategic, count(*) FROM documents WHERE annotation_status = 'ok' "
                         "GROUP BY ALL")
    assert rows
    assert all(t is not None and s is not None for t, s, _ in rows), rows
    assert not [r for r in rows if r[1] and r[0] == "other"], rows  # a strategy always has a strategy type
    flags: dict[str, set] = {}
    for t, s, _ in rows:
        flags.setdefault(t, set()).add(s)
    assert all(len(v) == 1 for v in flags.values()), flags  # a type is a strategy type or it is not
    assert {s for _, s, _ in rows} == {True, False}, rows  # the column is wired: both values occur


def test_labels_propagate_to_the_strategies_table(harvested):
    """Every strategic document that stands for its same-text group belongs to a strategy; a strategy shows
    its latest edition's labels and every URL of its files."""
    orphans = harvested.sql("SELECT d.doc_id FROM documents d JOIN document_clusters c USING (doc_id) "
                            "WHERE d.is_strategic AND c.role = 'canonical' AND c.strategy_id IS NULL")
    assert not orphans, orphans[:5]
    rows = harvested.sql("SELECT s.strategy_id, s.doc_type, d.doc_type, s.validity_from, d.validity_from, "
                         "s.validity_to, d.validity_to, d.is_strategic FROM strategies s JOIN documents d USING (doc_id)")
    assert rows
    for sid, s_type, d_type, s_from, d_from, s_to, d_to, strategic in rows:
        assert strategic, sid
        assert s_type == d_type and (s_from, s_to) == (d_from, d_to), sid
    urls = {u for (u,) in harvested.sql("SELECT url FROM document_urls")}
    for sid, strategy_urls in harvested.sql("SELECT strategy_id, urls FROM strategies"):
        assert strategy_urls and set(strategy_urls) <= urls, sid


def test_every_strategy_gets_its_municipality(demo_web, harvested):
    got = _annotated(harvested)
    # a copy of a town's strategy on a regional site is still the town's strategy
    owner = {}
    for m in demo_web.manifest():
        if m.get("same_document_group") and m.get("municipality_code"):
            owner[m["same_document_group"]] = m["municipality_code"]

    def expected(m: dict) -> str | None:
        return m["municipality_code"] or owner.get(m.get("same_document_group")) or None

    wrong = [(m["title"], expected(m), got[m["sha256"]]["municipality_code"])
             for m in _docs(demo_web, lambda m: m["is_strategy"])
             if expected(m) != got[m["sha256"]]["municipality_code"]]
    assert not wrong, wrong[:10]


def test_validity_columns_are_wired(demo_web, harvested):
    got = _annotated(harvested)
    strategies = _docs(demo_web, lambda m: m["is_strategy"])
    pairs = [((m["validity_from"], m["validity_to"]), (got[m["sha256"]]["validity_from"],
                                                        got[m["sha256"]]["validity_to"]), m["title"])
             for m in strategies]
    assert any(want == have for want, have, _ in pairs)  # extracted validity lands in the warehouse
    for _, (a, b), title in pairs:
        assert a is None or b is None or a <= b, title
    _print_disagreements("strategies with another validity (manifest, warehouse, title)",
                         [p for p in pairs if p[0] != p[1]])


def test_every_document_with_text_is_annotated(harvested):
    rows = harvested.sql("SELECT annotation_status, language, count(*) FROM documents "
                         "WHERE extraction_status = 'ok' GROUP BY ALL")
    assert {r[0] for r in rows} == {"ok"}
    assert all(r[1] for r in rows), rows
    by_language = Counter({r[1]: r[2] for r in rows})
    assert by_language.most_common(1)[0][0] == "cs", by_language
    _print_disagreements("documents not identified as Czech (language, count)",
                         [(k, v) for k, v in by_language.items() if k != "cs"])
