"""Demo web as ground truth: every strategy document gets the right type, municipality and validity."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _strategies(demo_web) -> list[dict]:
    rows = [m for m in demo_web.manifest() if m["kind"] == "document" and m.get("is_strategy")
            and m["expect_in_document_urls"] and m.get("sha256") and not m.get("trap")]
    assert len(rows) >= 20
    return rows


def _annotated(harvested) -> dict[str, tuple]:
    rows = harvested.sql("SELECT doc_id, doc_type, is_strategic, municipality_code, validity_from, validity_to, "
                         "language, annotation_status FROM documents")
    return {r[0]: r[1:] for r in rows}


def test_every_strategy_gets_its_type(demo_web, harvested):
    got = _annotated(harvested)
    wrong = [(m["title"], m["doc_type"], got[m["sha256"]][0]) for m in _strategies(demo_web)
             if got[m["sha256"]][0] != m["doc_type"] or not got[m["sha256"]][1]]
    assert not wrong, wrong[:10]


def test_every_strategy_gets_its_municipality(demo_web, harvested):
    got = _annotated(harvested)
    # a copy of a town's strategy on a regional site is still the town's strategy
    owner = {}
    for m in demo_web.manifest():
        if m.get("same_document_group") and m.get("municipality_code"):
            owner[m["same_document_group"]] = m["municipality_code"]

    def expected(m: dict) -> str | None:
        return m["municipality_code"] or owner.get(m.get("same_document_group")) or None

    wrong = [(m["title"], expected(m), got[m["sha256"]][2]) for m in _strategies(demo_web)
             if expected(m) != got[m["sha256"]][2]]
    assert not wrong, wrong[:10]


def test_every_strategy_gets_its_validity(demo_web, harvested):
    got = _annotated(harvested)
    wrong = [(m["title"], (m["validity_from"], m["validity_to"]), got[m["sha256"]][3:5]) for m in _strategies(demo_web)
             if (m["validity_from"], m["validity_to"]) != got[m["sha256"]][3:5]]
    assert not wrong, wrong[:10]


def test_ordinary_documents_are_not_strategies(demo_web, harvested):
    got = _annotated(harvested)
    ordinary = [m for m in demo_web.manifest() if m["kind"] == "document" and not m.get("is_strategy")
                and m.get("sha256") in got and m["format"] != "html" and not m.get("trap")]
    assert len(ordinary) >= 50
    flagged = [(m["title"], got[m["sha256"]][0]) for m in ordinary if got[m["sha256"]][1]]
    assert len(flagged) <= 0.02 * len(ordinary), flagged[:10]


def test_every_document_with_text_is_annotated_in_czech(harvested):
    rows = harvested.sql("SELECT annotation_status, language, count(*) FROM documents "
                         "WHERE extraction_status = 'ok' GROUP BY ALL")
    assert {r[0] for r in rows} == {"ok"}
    assert {r[1] for r in rows} == {"cs"}
