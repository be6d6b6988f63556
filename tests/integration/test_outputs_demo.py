"""What users get out of the demo harvest (issue 11): search finds the documents the manifest knows, the inspiromat
answers for any municipality, and the export bundle validates and is reproducible."""
from __future__ import annotations

import json

import duckdb
import pytest

from demo_web.search_queries import queries
from pipelines.export import EXPORTED
from tests.conftest import run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def manifest(demo_web) -> list[dict]:
    return [json.loads(line) for line in (demo_web.out_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def test_for_at_least_18_of_20_queries_a_relevant_document_is_in_the_top_3(harvested, manifest):
    from pipelines.search import search

    asked = queries(manifest, 20)
    assert len(asked) == 20
    con = duckdb.connect(str(harvested.db), read_only=True)
    try:
        found = 0
        for q in asked:
            relevant = {r[0] for r in con.execute("SELECT doc_id FROM document_urls WHERE url IN (SELECT unnest(?))",
                                                  [q["relevant_urls"]]).fetchall()}
            hits = search(con, q["query"], limit=3)
            found += any(h.doc_id in relevant for h in hits)
    finally:
        con.close()
    assert found >= 18, f"{found}/20"


def test_search_prints_ranked_hits_with_snippets_and_is_accent_and_case_insensitive(harvested):
    plain = run_cli("search", "strategii rozvoje", "--db", str(harvested.db), "--limit", "3")
    accented = run_cli("search", "strategie rozvoje", "--db", str(harvested.db), "--limit", "3")
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout == accented.stdout and " 1. [" in plain.stdout and "«" in plain.stdout
    macro = harvested.sql("SELECT count(*) FROM search_bm25(['strategie', 'rozvoj'])")
    assert macro[0][0] > 0


def test_the_inspiromat_answers_for_a_municipality_without_documents_and_explains_namesakes(harvested):
    code = harvested.sql("SELECT municipality_code FROM municipalities WHERE municipality_code NOT IN "
                         "(SELECT municipality_code FROM documents WHERE municipality_code IS NOT NULL) "
                         "AND size_class = 'village' ORDER BY municipality_code LIMIT 1")[0][0]
    out = run_cli("inspiromat", "--obec", code, "--db", str(harvested.db))
    assert out.returncode == 0, out.stderr
    assert " 1. [" in out.stdout and "proč:" in out.stdout
    namesakes = run_cli("inspiromat", "--obec", "Lhota", "--db", str(harvested.db))
    assert namesakes.returncode == 1 and "Lhota (okres" in namesakes.stderr
    assert harvested.sql("SELECT count(DISTINCT municipality_code) FROM recommendations")[0][0] > 6000


def test_the_export_bundle_validates_and_two_exports_have_identical_data(harvested, tmp_path):
    import frictionless
    first = run_cli("export", "--db", str(harvested.db), "--out", str(tmp_path / "a"))
    second = run_cli("export", "--db", str(harvested.db), "--out", str(tmp_path / "b"))
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    a, b = (next(p for p in (tmp_path / x).iterdir() if p.is_dir() and not p.is_symlink()) for x in ("a", "b"))
    assert frictionless.validate(a / "datapackage.json").valid
    for name in EXPORTED:
        for fmt in ("parquet", "csv", "json"):
            assert (a / f"{name}.{fmt}").read_bytes() == (b / f"{name}.{fmt}").read_bytes(), (name, fmt)
    assert (a / "index.html").exists() and json.loads((a / "catalog.jsonld").read_text(encoding="utf-8"))["@context"]
