"""Specification of same-document clusters and version chains (transforms.document_clusters)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.transforms.test_near_duplicates import (SPEC_A, SPEC_B, STRATEGY, docx_extraction, pdf_extraction,
                                                   resaved, town_strategy)
from transforms.document_clusters import cluster_documents, cluster_id_for, strategy_key
from transforms.versions import DocFacts, title_key

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "dev"


def _d(doc_id, text, fmt="pdf", seen="2024-05-01", title="Strategický plán rozvoje obce Lhota pod Horami 2021–2030",
       vf=2021, vt=2030, code="556000"):
    return DocFacts(doc_id=doc_id, title=title, municipality_code=code, doc_type="strategic_plan", validity_from=vf,
                    validity_to=vt, first_seen_at=seen, text=text, file_format=fmt)


def test_pdf_docx_and_resaved_copy_form_one_cluster_with_roles():
    docs = [_d("d3", docx_extraction(STRATEGY), "docx", "2024-01-01"),
            _d("d2", pdf_extraction(STRATEGY), "pdf", "2024-03-01"),
            _d("d1", resaved(STRATEGY), "pdf", "2024-04-01"),
            _d("x9", town_strategy("Březová", "Sokolov", 780, SPEC_A), code="560000")]
    result = cluster_documents(docs)
    roles = {m.doc_id: (m.cluster_id, m.role) for m in result.members}
    cid = cluster_id_for(["d1", "d2", "d3"])
    assert roles == {"d2": (cid, "canonical"), "d1": (cid, "duplicate"), "d3": (cid, "format_twin"),
                     "x9": (cluster_id_for(["x9"]), "canonical")}
    assert all(m.similarity >= 0.95 for m in result.members)
    assert result.chains == []


def test_cluster_ids_do_not_depend_on_input_order():
    docs = [_d("b", resaved(STRATEGY)), _d("a", STRATEGY, "docx"), _d("c", town_strategy("Zruč", "Kutná Hora", 4900, SPEC_B))]
    first = cluster_documents(docs).members
    again = cluster_documents(list(reversed(docs))).members
    assert first == again
    assert cluster_id_for(["b", "a"]) == cluster_id_for(["a", "b"]) == "c_" + __import__("hashlib").sha256(b"a").hexdigest()[:16]


def test_canonical_prefers_pdf_then_earliest_then_smallest_id():
    docs = [_d("a", STRATEGY, "docx", "2020-01-01"), _d("c", resaved(STRATEGY), "pdf", "2024-01-01"),
            _d("b", resaved(STRATEGY), "pdf", "2024-01-01")]
    canon = [m.doc_id for m in cluster_documents(docs).members if m.role == "canonical"]
    assert canon == ["b"]


def test_template_strategies_of_two_towns_stay_apart():
    docs = [_d("a", town_strategy("Březová", "Sokolov", 780, SPEC_A), code="560001"),
            _d("b", town_strategy("Zruč nad Sázavou", "Kutná Hora", 4900, SPEC_B), code="534935")]
    assert len(cluster_documents(docs).clusters) == 2


def test_editions_become_a_chain_of_clusters():
    old = STRATEGY.replace("2021–2030", "2014–2020") + " " + SPEC_A
    new = STRATEGY
    upd = STRATEGY.replace("3. Návrhová část", "3. Návrhová část (aktualizace 2024) " + SPEC_B)
    docs = [_d("u1", upd, title="Strategický plán rozvoje obce Lhota pod Horami – aktualizace 2024", vf=2021),
            _d("n1", new), _d("n2", docx_extraction(new), "docx"),
            _d("o1", old, title="Strategický plán rozvoje obce Lhota pod Horami 2014–2020", vf=2014, vt=2020)]
    result = cluster_documents(docs)
    assert len(result.clusters) == 3
    assert len(result.chains) == 1
    chain = result.chains[0]
    assert chain.cluster_ids == (cluster_id_for(["o1"]), cluster_id_for(["n1", "n2"]), cluster_id_for(["u1"]))
    assert chain.chain_id == strategy_key("556000", "strategic_plan", title_key(docs[1].title))
    assert [(m.position, m.role) for m in result.chain_members] == [(0, "version"), (1, "version"), (2, "version")]


def test_strategy_key_is_stable():
    assert strategy_key("556000", "strategic_plan", "strategicky plan") == strategy_key("556000", "strategic_plan",
                                                                                         "strategicky plan")
    assert strategy_key("556000", "strategic_plan", "x").startswith("s_") and len(strategy_key("1", "2", "3")) == 18
    assert strategy_key("556000", "strategic_plan", "x") != strategy_key("556001", "strategic_plan", "x")


KNOWN_PAIR_NOTES = ("near-identical", "byte-identical", "differs from the original only")


@pytest.fixture(scope="session")
def dev_corpus() -> list[tuple[dict, str]]:
    if not (CORPUS / "labels.jsonl").is_file():
        pytest.skip("../shared corpus is not beside the checkout")
    from transforms.extraction import extract
    out = []
    for line in (CORPUS / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        path = CORPUS / "documents" / label["folder"] / label["file"]
        out.append((label, extract(path.read_bytes(), None, label["file"]).text or ""))
    return out


@pytest.mark.shared
def test_dev_corpus_known_near_duplicates_are_grouped_and_nothing_else(dev_corpus):
    # keyed by file name, so byte-identical files (one doc_id in production) are two inputs here
    docs = [DocFacts(doc_id=lab["file"], title=lab["title"], municipality_code=lab["municipality_code"],
                     doc_type=lab["doc_type"], text=text, file_format=lab["format"]) for lab, text in dev_corpus]
    clusters = cluster_documents(docs).clusters
    groups = sorted(sorted(m.doc_id for m in ms) for ms in clusters.values() if len(ms) > 1)
    near_identical = [lab["file"] for lab, _ in dev_corpus
                      if any(k in (lab["notes"] or "") for k in KNOWN_PAIR_NOTES)]
    # the labels name three pairs: the works-contract draft and its 'oprava č. 1', the two purchase-contract
    # drafts of one tender (composters / textile container), the byte-identical waste-collection plans
    assert len(near_identical) == 6
    assert sorted(f for g in groups for f in g) == sorted(near_identical)
    assert all(len(g) == 2 for g in groups)
    for g in groups:
        kinds = {("smlouvy-o-dilo" in f, "kupni" in f, "svozovy-plan" in f) for f in g}
        assert len(kinds) == 1, g


def test_one_rule_chooses_the_representative_copy():
    from transforms.document_clusters import representative_order

    copies = [("html", "2026-01-01", "a"), ("docx", "2026-01-01", "b"), ("pdf", "2026-03-01", "c"),
              ("pdf", "2026-02-01", "e"), ("pdf", "2026-02-01", "d"), ("pdf", None, "f")]
    ranked = sorted(copies, key=lambda c: representative_order(*c))
    assert [c[2] for c in ranked] == ["d", "e", "c", "f", "b", "a"]


def test_a_later_night_reuses_fingerprints_and_similarities_and_gets_the_same_clusters():
    night1 = [_d("d2", pdf_extraction(STRATEGY), "pdf", "2024-03-01"), _d("d3", docx_extraction(STRATEGY), "docx"),
              _d("x9", town_strategy("Březová", "Sokolov", 780, SPEC_A), code="560000")]
    first = cluster_documents(night1)
    assert set(first.fingerprints) == {"d2", "d3", "x9"} and ("d2", "d3") in first.similarities

    night2 = night1 + [_d("d1", resaved(STRATEGY), "pdf", "2024-04-01")]
    reused = cluster_documents(night2, fingerprints=first.fingerprints, similarities=first.similarities)
    assert reused.members == cluster_documents(night2).members
    assert set(reused.similarities) - set(first.similarities) <= {("d1", "d2"), ("d1", "d3"), ("d1", "x9")}


def test_known_similarities_are_used_not_recomputed():
    docs = [_d("d2", pdf_extraction(STRATEGY)), _d("d3", docx_extraction(STRATEGY), "docx")]
    first = cluster_documents(docs)
    assert len(first.clusters) == 1
    # a stored similarity below the threshold is believed: the pair is not compared again
    believed = cluster_documents(docs, fingerprints=first.fingerprints, similarities={("d2", "d3"): 0.1})
    assert len(believed.clusters) == 2


def test_a_known_fingerprint_is_used_not_recomputed():
    from transforms.near_duplicates import fingerprint

    docs = [_d("d2", pdf_extraction(STRATEGY)), _d("d3", docx_extraction(STRATEGY), "docx")]
    assert len(cluster_documents(docs).clusters) == 1
    # a stored fingerprint of another text is believed: d3 no longer shares an LSH band with d2, so they stay apart
    planted = {"d3": fingerprint(town_strategy("Březová", "Sokolov", 780, SPEC_A))}
    assert len(cluster_documents(docs, fingerprints=planted).clusters) == 2
