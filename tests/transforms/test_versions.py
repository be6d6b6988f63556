"""Specification of version chains (transforms.versions)."""
from __future__ import annotations

from transforms.versions import DocFacts, title_key, update_year, version_chains


def test_title_key_drops_years_ranges_and_edition_words():
    base = "strategicky plan rozvoje obce lhota"
    for t in ["Strategický plán rozvoje obce Lhota 2014–2020", "Strategický plán rozvoje obce Lhota na období 2021-2030",
              "Strategický plán rozvoje obce Lhota – aktualizace 2024", "Strategický plán rozvoje obce Lhota (2023)",
              "Návrh – Strategický plán rozvoje obce Lhota 2021+", "Strategický plán rozvoje obce Lhota, verze 2.1",
              "KONCEPT Strategický plán rozvoje obce Lhota na léta 2021 - 2027"]:
        assert title_key(t) == base, t
    assert update_year("Strategický plán – aktualizace 2024") == 2024
    assert update_year("Strategický plán 2021–2030") is None


def _doc(doc_id, title, vf=None, vt=None, approved=None, seen="2024-05-01", code="555555", doc_type="strategic_plan",
         fp=None):
    return DocFacts(doc_id=doc_id, title=title, municipality_code=code, doc_type=doc_type, validity_from=vf,
                    validity_to=vt, approved_on=approved, first_seen_at=seen, text_fingerprint=fp)


def test_editions_are_chained_in_validity_order():
    docs = [_doc("z-upd", "Strategický plán rozvoje obce Lhota – aktualizace 2024", 2021, 2030, "2024-06-20"),
            _doc("a-new", "Strategický plán rozvoje obce Lhota 2021–2030", 2021, 2030, "2021-03-15"),
            _doc("m-old", "Strategický plán rozvoje obce Lhota 2014–2020", 2014, 2020, "2014-02-10")]
    assert version_chains(docs) == [["m-old", "a-new", "z-upd"]]
    assert version_chains(list(reversed(docs))) == [["m-old", "a-new", "z-upd"]]


def test_other_town_other_type_or_other_title_are_not_chained():
    docs = [_doc("a", "Strategický plán rozvoje obce Lhota 2014–2020", 2014, 2020),
            _doc("b", "Strategický plán rozvoje obce Lhota 2021–2030", 2021, 2030, code="666666"),
            _doc("c", "Strategický plán rozvoje obce Lhota 2021–2030", 2021, 2030, doc_type="other"),
            _doc("d", "Plán odpadového hospodářství obce Lhota 2021–2030", 2021, 2030)]
    assert version_chains(docs) == []


def test_same_document_twice_is_not_a_version():
    same = [_doc("a", "Strategický plán rozvoje obce Lhota 2021–2030", 2021, 2030),
            _doc("b", "Strategický plán rozvoje obce Lhota 2021–2030", 2021, 2030, seen="2024-06-01")]
    assert version_chains(same) == []
    # one edition published twice (same fingerprint = same cluster) plus a real later edition: one entry each
    docs = [_doc("a", "Strategie obce Lhota 2014–2020", 2014, 2020, fp="c1"),
            _doc("b", "Strategie obce Lhota 2014-2020", 2014, 2020, seen="2025-01-01", fp="c1"),
            _doc("c", "Strategie obce Lhota 2021+", 2021, None, fp="c2")]
    assert version_chains(docs) == [["a", "c"]]


def test_regional_documents_chain_within_the_kraj():
    def reg(doc_id, title, vf, code):
        return DocFacts(doc_id=doc_id, title=title, municipality_code=code, doc_type="regional_strategy",
                        validity_from=vf, level="regional", region_code="CZ063")
    docs = [reg("r2", "Strategie rozvoje Kraje Vysočina 2021–2027", 2021, "587231"),
            reg("r1", "Strategie rozvoje Kraje Vysočina 2014–2020", 2014, None)]
    assert version_chains(docs) == [["r1", "r2"]]


def test_documents_without_edition_facts_are_left_out():
    docs = [_doc("a", "Strategický plán obce Lhota"), _doc("b", "Strategický plán obce Lhota 2021–2030", 2021, 2030)]
    assert version_chains(docs) == []
