"""A STARFOS-style project listing on the demo web (issue 10): its paged listing is followed to every project page,
a project the CEP export also holds gets the page as its listing_url, and a project newer than the export reaches
rd_projects from its page alone, with its fields, participants and municipalities."""
from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def listed(demo_web):
    path = demo_web.out_dir / "portals" / "starfos_truth.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_listed_project_is_in_the_warehouse_with_its_listing_page(harvested, listed):
    rows = dict(harvested.sql("SELECT project_code, listing_url FROM rd_projects WHERE listing_url IS NOT NULL"))
    assert {t["code"]: t["url"] for t in listed} == rows


def test_a_project_only_the_listing_shows_has_the_fields_of_its_page(harvested, listed):
    fresh = [t for t in listed if not t["in_export"]]
    assert fresh
    rows = {r[0]: r[1:] for r in harvested.sql(
        "SELECT project_code, title, title_en, goals, provider, programme_code, start_year, end_year, "
        "recipient_ico, total_cost_czk, state_support_czk, source_id, file_url, url FROM rd_projects")}
    for t in fresh:
        title, title_en, goals, provider, programme, start, end, ico, cost, support, source, file_url, url = rows[t["code"]]
        # a page that names no programme: a TA ČR code begins with its programme's (as in the parser's unit test)
        assert (title, title_en or "", provider, programme) == (t["title"], t["title_en"], t["provider"],
                                                                t["programme_code"] or t["code"][:2])
        assert goals == (t["goals"] or None)
        assert (start, end, ico, cost, support) == (t["start_year"], t["end_year"], t["recipient_ico"] or None,
                                                    t["total_cost_czk"], t["state_support_czk"])
        assert source == "starfos" and file_url is None and url == t["url"]
    participants = set(harvested.sql("SELECT project_code, participant_ico FROM rd_participants "
                                     "WHERE source_id = 'starfos'"))
    assert participants == {(t["code"], ico or None) for t in fresh for _, ico in t["participants"]}


def test_municipalities_taking_part_in_a_listed_project_are_linked(harvested, demo_web):
    truth = json.loads((demo_web.out_dir / "portals" / "isvavai" / "cep_truth.json").read_text(encoding="utf-8"))
    fresh = {(p["project_code"], p["municipality_code"]) for p in truth["municipal_participants"] if not p["in_export"]}
    linked = set(harvested.sql("SELECT project_code, unnest(municipality_codes) FROM rd_projects"))
    assert fresh and fresh <= linked
