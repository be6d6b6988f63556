"""Project pages of a STARFOS-style listing portal are read by their labels, whatever markup carries them."""
from __future__ import annotations

import pytest

from demo_web.cep_export import write_cep_export
from demo_web.starfos import build_listing, respond, truth_rows
from transforms.rd_listing import is_project_url, parse_project


@pytest.fixture(scope="module")
def listing(tmp_path_factory):
    out = tmp_path_factory.mktemp("cep")
    write_cep_export(out, projects=800, seed=5, listing_only=8)
    return build_listing(out, port=8000)


def test_every_project_page_of_the_demo_listing_parses_to_its_truth(listing):
    rows = truth_rows(listing)
    assert len(rows) > 20 and any(not r["in_export"] for r in rows)
    for t in rows:
        path = t["url"].removeprefix(listing.base_url)
        assert is_project_url(t["url"])
        got = parse_project(respond(listing, path).body.decode(), t["url"])
        assert isinstance(got, dict), got
        assert got["project_code"] == t["code"] and got["title"] == t["title"]
        assert (got["title_en"] or "") == t["title_en"] and (got["goals"] or "") == t["goals"]
        assert (got["goals_en"] or "") == t["goals_en"]
        # a page that names no programme: a TA ČR code begins with its programme's
        assert (got["provider"], got["programme_code"]) == (t["provider"], t["programme_code"] or t["code"][:2])
        assert (got["start_year"], got["end_year"]) == (t["start_year"], t["end_year"])
        assert (got["recipient_name"], got["recipient_ico"]) == (t["recipient_name"], t["recipient_ico"] or None)
        assert [list(p) for p in got["participants"]] == t["participants"]
        assert (got["total_cost_czk"], got["state_support_czk"]) == (t["total_cost_czk"], t["state_support_czk"])


def test_listing_pages_are_not_project_pages(listing):
    assert not is_project_url(listing.base_url + "/cs/projekty")
    assert not is_project_url(listing.base_url + "/cs/projekty?strana=2")
    assert is_project_url("https://starfos.tacr.cz/cs/projekty/TL01000217")
    assert is_project_url("https://starfos.tacr.cz/en/project/TL01000217")
    reason = parse_project(respond(listing, "/cs/projekty").body.decode(), listing.base_url + "/cs/projekty")
    assert isinstance(reason, str) and reason.startswith("not a project page")


DEFINITION_LIST = """<html><body><h1>Obce v kruhu cirkulární ekonomiky</h1><dl>
<dt>Kód</dt><dd>TL01000217</dd><dt>Poskytovatel</dt><dd>Technologická agentura České republiky (TA0)</dd>
<dt>Program</dt><dd>TL - ÉTA</dd><dt>Zahájení řešení</dt><dd>1. 1. 2018</dd><dt>Ukončení řešení</dt><dd>31. 12. 2020</dd>
<dt>Příjemce</dt><dd>Vysoká škola ekonomická v Praze, IČO: 61384399</dd>
<dt>Cíle řešení</dt><dd>Řešený projekt si klade za cíl definovat a ověřit kroky k přechodu obcí na CE.</dd>
<dt>Náklady</dt><dd>4,2 mil. Kč</dd></dl></body></html>"""

ENGLISH_INLINE = """<html><body><h1>Smart bus stops</h1>
<p><b>Project code:</b> CK01000204</p><p><b>Provider:</b> TA0</p><p><b>Duration:</b> 2019–2022</p>
<p><b>Main recipient:</b> Centrum dopravního výzkumu, v. v. i. (IČ 44994575)</p>
<h2>Annotation</h2><p>The project develops sensors for bus stops.</p><p>Pilots run in two towns.</p>
<h2>Keywords</h2><p>public transport; sensors</p></body></html>"""


@pytest.mark.parametrize("html,url,expected", [
    (DEFINITION_LIST, "https://example.org/cs/projekty/TL01000217",
     {"project_code": "TL01000217", "title": "Obce v kruhu cirkulární ekonomiky", "provider": "TA0",
      "programme_code": "TL", "start_year": 2018, "end_year": 2020, "recipient_ico": "61384399",
      "recipient_name": "Vysoká škola ekonomická v Praze", "total_cost_czk": 4_200_000}),
    (ENGLISH_INLINE, "https://example.org/en/project/CK01000204",
     {"project_code": "CK01000204", "title": "Smart bus stops", "provider": "TA0", "programme_code": "CK",
      "start_year": 2019, "end_year": 2022, "recipient_ico": "44994575",
      "goals": "The project develops sensors for bus stops.\nPilots run in two towns.",
      "keywords": ["public transport", "sensors"]}),
])
def test_other_markups_and_wordings_are_read(html, url, expected):
    got = parse_project(html, url)
    assert isinstance(got, dict), got
    assert {k: got[k] for k in expected} == expected


def test_a_page_that_is_not_html_or_has_no_fields_gives_a_reason():
    assert parse_project("", "https://example.org/cs/projekty/X").startswith("not a project page")
    assert parse_project("<html><h1>Projekt</h1><p>Text</p></html>", "https://example.org/cs/projekty/X").startswith(
        "not a project page")
