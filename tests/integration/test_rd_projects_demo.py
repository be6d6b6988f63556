"""R&D projects on the demo web (issue 10): the IS VaVaI portal's CEP export is fetched as a dataset, every project
and participant reaches the warehouse with the fields the export gives, and municipalities that take part are linked
by IČO. The export's texts come from the generator's own vocabulary, so this checks the plumbing only; SMART
relevance is measured on real project records (bench/rd_projects_quality.py)."""
from __future__ import annotations

import csv
import json

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def truth(demo_web):
    folder = demo_web.out_dir / "portals" / "isvavai"
    with open(folder / "CEP-projekty.csv", encoding="utf-8", newline="") as fh:
        projects = {r["kod_projektu"]: r for r in csv.DictReader(fh)}
    return projects, json.loads((folder / "cep_truth.json").read_text(encoding="utf-8"))


def test_every_project_of_the_export_is_in_the_warehouse_with_its_fields(harvested, truth, demo_web):
    projects, _ = truth
    rows = {r[0]: r[1:] for r in harvested.sql(
        "SELECT project_code, title, provider, start_year, source_id, url FROM rd_projects")}
    listing_only = {t["code"] for t in _listed(demo_web) if not t["in_export"]}
    assert listing_only and not listing_only & set(projects)
    assert set(rows) == set(projects) | listing_only  # and what only the listing portal shows (test_rd_listing_demo)
    for code, src in list(projects.items())[:200]:
        title, provider, start_year, source_id, url = rows[code]
        assert title == " ".join(src["nazev_projektu_originalni"].split()) or title == src["nazev_projektu_originalni"].strip()
        assert provider == src["poskytovatel"] and start_year == int(src["rok_zahajeni"])
        assert source_id == "isvavai-opendata" and url.startswith("http")


def _listed(demo_web):
    return [json.loads(line) for line in (demo_web.out_dir / "portals" / "starfos_truth.jsonl").read_text(
        encoding="utf-8").splitlines()]


def test_participating_municipalities_are_linked_by_ico(harvested, truth):
    _, t = truth
    expected = {(p["project_code"], p["municipality_code"]) for p in t["municipal_participants"] if p["in_export"]}
    linked = set(harvested.sql("SELECT project_code, municipality_code FROM rd_participants "
                               "WHERE municipality_code IS NOT NULL"))
    assert expected and expected <= linked
    on_projects = set(harvested.sql("SELECT project_code, unnest(municipality_codes) FROM rd_projects"))
    assert expected <= on_projects


def test_the_dataset_counts_as_the_source_s_yield_and_is_not_a_document(harvested):
    (status, documents), = harvested.sql("SELECT last_status, last_documents FROM sources WHERE source_id = 'isvavai-opendata'")
    assert status == "ok" and documents == 2
    assert harvested.sql("SELECT count(*) FROM documents WHERE source_id = 'isvavai-opendata'") == [(0,)]
