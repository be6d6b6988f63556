"""Parsing Databáze strategií detail pages (transforms.strategy_registry): every page the demo replica renders
against its truth, then hand-written pages in other markup and wording, then pages that are not records."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from demo_web.model import build_web
from demo_web.strategy_registry import build_registry, respond, truth_rows
from transforms.strategy_registry import (is_detail_url, is_listing_url, label_field, parse_date, parse_detail,
                                          parse_validity, split_descriptors)

URL = "https://databaze-strategie.cz/cz/obec-lhota/strategie/program-rozvoje-obce-lhota-2021-2027?typ=detail"
FIELDS = ("name", "record_id", "gestor", "gestor_slug", "slug", "level", "zpracovatel", "approved_on", "valid_from",
          "valid_to", "summary", "descriptors", "fulltext_urls", "municipality", "kraj")


@pytest.fixture(scope="module", params=[(8, 2026), (40, 5)], ids=["web8", "web40"])
def replica(request):
    sites, seed = request.param
    return build_registry(build_web(sites=sites, seed=2026, base_port=31000), seed=seed)


def test_every_replica_detail_page_parses_to_its_truth(replica):
    for row in truth_rows(replica):
        parts = urlsplit(row["detail_url"])
        html = respond(replica, f"{parts.path}?{parts.query}").body.decode("utf-8")
        got = parse_detail(html, row["detail_url"])
        assert isinstance(got, dict), got
        want = {**{k: row[k] for k in FIELDS if k in row}, "gestor": row["gestor_name"]}
        assert {k: got[k] for k in FIELDS} == {k: want[k] for k in FIELDS}, row["detail_url"]


def test_listing_home_and_robots_of_the_replica_are_not_records(replica):
    for path in ("/cz/strategie", "/cz/strategie?strana=2", "/", "/cz/mmr/strategie"):
        got = parse_detail(respond(replica, path).body.decode(), "http://127.0.0.1/" + path.lstrip("/"))
        assert isinstance(got, str) and got.startswith("not a detail page"), path
    assert isinstance(parse_detail("User-agent: *\nAllow: /\n", "http://127.0.0.1/robots.txt"), str)


TABLE_PAGE = """<html><head><meta charset="utf-8"><title>Program rozvoje obce Lhota 2021-2027 – Databáze strategií</title>
</head><body><div id="obsah"><h2 class="nadpis">Program rozvoje obce Lhota 2021-2027</h2>
<table class="info">
<tr><th>ODPOVĚDNÁ INSTITUCE</th><td>Obec Lhota</td></tr>
<tr><th>Územní úroveň</th><td>Místní úroveň (obec)</td></tr>
<tr><td>Zpracoval:</td><td>Agentura pro rozvoj Lhoty, s.r.o.</td></tr>
<tr><th>Schváleno dne</th><td>2020-11-30</td></tr>
<tr><th>Období realizace</th><td>2021 - 2027</td></tr>
<tr><th>Anotace</th><td>Program   obnovy a rozvoje obce.</td></tr>
<tr><th>Tematické deskriptory</th><td>XVII.f komunální služby a občanská vybavenost; V.d eSlužby, aplikace a produkty ICT, XVII.h participace občanů na veřejné správě</td></tr>
<tr><th>Plné znění</th><td><a href="/soubory/2231/prl.pdf">PDF</a> <a href="https://www.lhota.cz/prl.docx">DOCX</a></td></tr>
</table></div></body></html>"""

INLINE_PAGE = """<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8"><title>Detail</title></head><body>
<nav><p><strong>Gestor:</strong> Ministerstvo pro místní rozvoj</p></nav>
<article><h1>  Strategický plán  města Dolní Lhota  </h1>
<p><strong>Název strategie:</strong> Strategický plán rozvoje města Dolní Lhota 2022–2030</p>
<p><b>GESTOR:</b> <a href="/cz/mesto-dolni-lhota/strategie">Město Dolní Lhota</a></p>
<p><strong>Úroveň:</strong> lokální</p>
<p><span class="lbl">Datum schválení zastupitelstvem:</span> 3. března 2022</p>
<p><span class="lbl">Platnost:</span> <span>od roku 2022 do roku 2030</span></p>
<div class="row"><div class="label">Popis</div><div class="value"><p>První odstavec.</p><p>Druhý odstavec.</p></div></div>
<div class="row"><div class="label">Deskriptory</div><div class="value">IV.e transfer znalostí a technologií
V.c infrastruktura ICT</div></div>
<p>Obec: Dolní Lhota</p>
<p><strong>Odkaz na plný text:</strong> <a href="../../soubory/strategicky-plan.pdf">stáhnout</a></p>
</article><footer>Zpracovatel: Portál strategické práce</footer></body></html>"""


def test_a_table_layout_with_other_labels():
    got = parse_detail(TABLE_PAGE, URL)
    assert got == {
        "name": "Program rozvoje obce Lhota 2021-2027", "record_id": None, "gestor": "Obec Lhota",
        "gestor_slug": "obec-lhota", "slug": "program-rozvoje-obce-lhota-2021-2027", "level": "místní",
        "zpracovatel": "Agentura pro rozvoj Lhoty, s.r.o.", "approved_on": "2020-11-30", "valid_from": 2021,
        "valid_to": 2027, "summary": "Program obnovy a rozvoje obce.",
        "descriptors": ["XVII.f komunální služby a občanská vybavenost", "V.d eSlužby, aplikace a produkty ICT",
                        "XVII.h participace občanů na veřejné správě"],
        "fulltext_urls": ["https://databaze-strategie.cz/soubory/2231/prl.pdf", "https://www.lhota.cz/prl.docx"],
        "municipality": None, "kraj": None}


def test_inline_labels_divs_and_a_named_month():
    url = "https://databaze-strategie.cz/cz/mesto-dolni-lhota/strategie/spr-2022?typ=detail&lang=cz"
    got = parse_detail(INLINE_PAGE, url)
    assert isinstance(got, dict), got
    assert got["name"] == "Strategický plán rozvoje města Dolní Lhota 2022–2030"  # the Název field beats <h1>
    assert got["gestor"] == "Město Dolní Lhota"  # not the one in <nav>
    assert (got["gestor_slug"], got["slug"]) == ("mesto-dolni-lhota", "spr-2022")
    assert got["level"] == "místní"
    assert got["approved_on"] == "2022-03-03"
    assert (got["valid_from"], got["valid_to"]) == (2022, 2030)
    assert got["summary"] == "První odstavec. Druhý odstavec."
    assert got["descriptors"] == ["IV.e transfer znalostí a technologií", "V.c infrastruktura ICT"]
    assert got["municipality"] == "Dolní Lhota"
    assert got["zpracovatel"] is None  # only in the footer
    assert got["fulltext_urls"] == ["https://databaze-strategie.cz/cz/soubory/strategicky-plan.pdf"]  # resolved against the page


def test_name_falls_back_to_h1_and_title():
    body = "<dl><dt>Gestor</dt><dd>Obec X</dd><dt>Platnost</dt><dd>do roku 2030</dd></dl>"
    got = parse_detail(f"<html><body><h1>Plán X</h1>{body}</body></html>", URL)
    assert got["name"] == "Plán X" and (got["valid_from"], got["valid_to"]) == (None, 2030)
    got = parse_detail(f"<html><head><title>Plán Y | Databáze strategií</title></head><body>{body}</body></html>", URL)
    assert got["name"] == "Plán Y" and got["descriptors"] == [] and got["fulltext_urls"] == []


def test_pages_that_are_not_records_give_a_reason():
    assert parse_detail("", URL).startswith("not a detail page")
    assert parse_detail("<html><body><h1>Strategie</h1><table><tr><th>Název</th><th>Gestor</th><th>Úroveň</th></tr>"
                        "<tr><td><a href='/cz/x/strategie/y?typ=detail'>Plán</a></td><td>Obec X</td><td>místní</td>"
                        "</tr></table></body></html>", "https://databaze-strategie.cz/cz/strategie").startswith(
        "not a detail page")
    reason = parse_detail("<html><body><dl><dt>Gestor</dt><dd>Obec X</dd><dt>Úroveň</dt><dd>místní</dd></dl>"
                          "</body></html>", URL)
    assert isinstance(reason, str) and "name" in reason and "\n" not in reason


@pytest.mark.parametrize("text,years", [
    ("2021–2030", (2021, 2030)), ("2021 - 2030", (2021, 2030)), ("2021-2030", (2021, 2030)),
    ("2021 až 2030", (2021, 2030)), ("od 2021", (2021, None)), ("od roku 2021", (2021, None)),
    ("do roku 2030", (None, 2030)), ("od 1. 1. 2021 do 31. 12. 2027", (2021, 2027)), ("2021+", (2021, None)),
    ("neuvedeno", (None, None)), ("", (None, None))])
def test_validity_forms(text, years):
    assert parse_validity(text) == years


@pytest.mark.parametrize("text,iso", [
    ("12. 3. 2020", "2020-03-12"), ("12.3.2020", "2020-03-12"), ("2020-03-12", "2020-03-12"),
    ("dne 12. března 2020", "2020-03-12"), ("31. 2. 2020", None), ("neuvedeno", None)])
def test_date_forms(text, iso):
    assert parse_date(text) == iso


def test_labels_are_matched_without_accents_or_case():
    assert label_field("DATUM SCHVÁLENÍ:") == label_field("datum schvaleni") == "approved_on"
    assert label_field("Odkaz na plný text") == "fulltext"
    assert label_field("Obec Lhota") is None and label_field("Kraj Vysočina") is None
    assert split_descriptors("V.c infrastruktura ICT, V.d eSlužby, aplikace a produkty ICT") == [
        "V.c infrastruktura ICT", "V.d eSlužby, aplikace a produkty ICT"]


def test_detail_and_listing_urls():
    assert is_detail_url(URL)
    assert not is_detail_url("https://databaze-strategie.cz/cz/obec-lhota/strategie/program?typ=struktura")
    assert not is_detail_url("https://databaze-strategie.cz/cz/obec-lhota/strategie")
    assert is_listing_url("https://databaze-strategie.cz/cz/strategie")
    assert is_listing_url("https://databaze-strategie.cz/cz/strategie?strana=3")
    assert is_listing_url("https://databaze-strategie.cz/cz/mmr/strategie")
    assert not is_listing_url(URL) and not is_listing_url("https://databaze-strategie.cz/")
