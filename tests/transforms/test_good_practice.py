"""Good-practice detail pages: both replica catalogues parse to their truth, contact data never comes out,
other wordings and markups of the same form are read, and pages that are not details give a reason."""
from __future__ import annotations

import re

import pytest

from demo_web.good_practices import EUR_CZK as DEMO_EUR_CZK
from demo_web.good_practices import build_catalogues, respond, truth_rows
from transforms.funding import find_funding
from transforms.good_practice import EUR_CZK, is_practice_url, parse_cost, parse_practice
from transforms.vocabulary import load_vocabulary

TAX = load_vocabulary()
KEYS = {"title", "description", "benefits", "municipality_name", "district", "region", "country", "population", "year",
        "cost_czk", "funding_texts", "topics", "language", "source_url"}
EMAIL = re.compile(r"@|\((?:at|zavináč)\)", re.I)
PHONE = re.compile(r"\+\d{2,3}[\s\u00a0]?\d|(?<!\d)\d{3}[\s\u00a0]\d{3}[\s\u00a0]\d{3}(?!\d)")


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


def _squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", params=[2026, 7])
def parsed(request):
    """(truth row, parsed page) for every detail page of both catalogues of one seed."""
    catalogues = build_catalogues(request.param)
    truth = {(r["catalogue_id"], r["path"]): r for r in truth_rows(catalogues)}
    out = []
    for cat in catalogues:
        for p in cat.practices:
            url = f"http://127.0.0.1:8000{p.path}"
            row = dict(truth[(cat.catalogue_id, p.path)], shown_description=" ".join(p.paragraphs))
            out.append((row, parse_practice(respond(cat, p.path).body.decode(), url)))
    return out


def test_the_constant_is_the_demo_webs():
    assert EUR_CZK == DEMO_EUR_CZK == 25


def test_every_detail_page_of_both_catalogues_parses_to_its_truth(parsed):
    assert len({t["catalogue_id"] for t, _ in parsed}) == 2
    for truth, got in parsed:
        assert isinstance(got, dict), (truth["path"], got)
        assert set(got) == KEYS
        where = truth["path"]
        assert got["title"] == truth["title"], where
        assert got["municipality_name"] == truth["municipality_name"], where
        assert got["country"] == truth["country"], where
        assert got["population"] == truth["population"], where
        assert got["year"] == truth["year"], where
        assert got["language"] == truth["language"], where
        assert got["source_url"].endswith(truth["path"])
        if truth["cost_czk"] is None:
            assert got["cost_czk"] is None, where
        else:
            assert abs(got["cost_czk"] - truth["cost_czk"]) <= 0.01 * truth["cost_czk"], (where, got["cost_czk"])
        assert _squeeze(got["description"]) == _squeeze(truth["description"]), where
        assert got["topics"] == truth["topics"], where
        if truth["country"] == "CZ" and truth["catalogue_id"] == "smart-cesko":
            assert got["region"] == truth["region"]


def test_funding_texts_name_exactly_the_truth_programmes(parsed):
    for truth, got in parsed:
        assert got["funding_texts"] == truth["funding_texts"], truth["path"]
        codes = sorted({m.programme_code for m in find_funding(TAX, "; ".join(got["funding_texts"]))})
        assert codes == truth["funding_codes"], (truth["path"], got["funding_texts"])
        rest = " ".join([got["title"], got["description"], *got["benefits"]])
        assert find_funding(TAX, rest) == [], truth["path"]  # programmes are named in the funding field only


def test_no_contact_data_comes_out(parsed):
    stripped = 0
    for truth, got in parsed:
        text = "\n".join(_strings(got))
        for key in ("contact_name", "contact_email", "contact_phone"):
            assert truth[key] not in text, (truth["path"], key)
        assert truth["contact_name"].split()[-1] not in text, truth["path"]  # not even the surname
        assert not EMAIL.search(text), truth["path"]
        assert not PHONE.search(text), (truth["path"], PHONE.search(text))
        assert not re.search(r"\b(?:Ing|Mgr|Bc)\.", text)
        stripped += truth["contact_name"] in truth["shown_description"]
    assert stripped >= 5  # some descriptions did name the contact and were cleaned


# ------------------------------------------------------------------ other wordings and markups
CZ_DL = """<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8"><title>Kompostárna</title></head><body>
<h1>Komunitní kompostárna v Lhotě</h1>
<dl class="info">
<dt>Název projektu:</dt><dd>Komunitní kompostárna</dd>
<dt>Obec/město:</dt><dd>Obec Lhota (okres Příbram)</dd>
<dt>Počet obyvatel obce:</dt><dd>1 234 obyvatel</dd>
<dt>Tematická oblast:</dt><dd>Odpady</dd>
<dt>Stručný popis:</dt><dd><p>Obec zřídila kompostárnu pro bioodpad ze zahrad. Projekt koordinuje Ing. Petr Dvořák.</p>
<p>Kompost dostávají občané zdarma. Dotazy posílejte na petr.dvorak(at)lhota.cz.</p></dd>
<dt>Celkové náklady:</dt><dd>2,45 milionu Kč vč. DPH</dd>
<dt>Zdroje financování:</dt><dd>Operační program Životní prostředí; Program obnovy venkova</dd>
<dt>Termín realizace:</dt><dd>duben 2019 – říjen 2020</dd>
<dt>Kontaktní osoba:</dt><dd>Ing. Petr Dvořák, místostarosta, tel. 318 123 456</dd>
</dl></body></html>"""

CZ_INLINE = """<html><head><title>Chytré lavičky na náměstí | Inspiromat</title></head><body><article>
<p><strong>Město:</strong> Statutární město Zlín</p>
<p><strong>Kraj:</strong> Zlínský kraj</p>
<p><strong>Počet obyvatel:</strong> 74&nbsp;000</p>
<p><strong>Popis:</strong></p>
<p>Na náměstí stojí lavičky se solárním panelem, na kterých si lidé nabijí mobil. Starostka Jana Nováková je
představila v září.</p>
<p><b>Cena:</b> 850.000,- Kč</p>
<p><b>Financování:</b> IROP + vlastní zdroje</p>
<p><b>Rok:</b> 2018</p>
<p><b>Kontakt:</b> J. Nováková, jana.novakova@zlin.eu, +420 577 630 111</p>
</article></body></html>"""

EN_SECTIONS = """<html lang="en"><head><title>Smart bus stops</title></head><body><div class="card">
<h1>Solar-powered smart bus stops</h1>
<div class="meta"><span>Location: Tartu, Estonia</span></div>
<h3>Population</h3><p>approx. 97,000</p>
<h3>Description</h3><p>The city installed 20 bus stops with e-paper timetables and solar roofs. Contact Kaisa Tamm
for details.</p><p>Passengers see live departures.</p>
<h3>Total budget</h3><p>€1.2 million</p>
<h3>Financed by</h3><ul><li>Horizon 2020 (SmartEnCity)</li><li>City of Tartu</li></ul>
<h3>Implementation period</h3><p>2017-2019</p>
<h3>Contact</h3><p>Kaisa Tamm<br>kaisa.tamm@tartu.ee<br>+372 736 1234</p>
</div></body></html>"""

EN_TABLE = """<html lang="en"><body><h1>Village energy community</h1>
<table><tr><td>Country:</td><td>Germany</td></tr><tr><td>Municipality:</td><td>Feldheim</td></tr>
<tr><td>Inhabitants</td><td>130</td></tr>
<tr><td>Short description</td><td>The village runs its own grid and heat network. Mr. Hans Weber, tel. +49 33748 1234,
explains the scheme to visitors.</td></tr>
<tr><td>Investment</td><td>EUR 2.3 m</td></tr><tr><td>Funding sources</td><td>LIFE; EAFRD / LEADER</td></tr>
<tr><td>Year of implementation</td><td>2010</td></tr></table></body></html>"""


@pytest.mark.parametrize("page, expected, personal", [
    (CZ_DL, {"title": "Komunitní kompostárna", "municipality_name": "Obec Lhota", "district": "Příbram", "country": "CZ",
             "population": 1234, "year": 2020, "cost_czk": 2_450_000, "topics": ["Odpady"],
             "funding_texts": ["Operační program Životní prostředí", "Program obnovy venkova"],
             "description": "Obec zřídila kompostárnu pro bioodpad ze zahrad.\n\nKompost dostávají občané zdarma."},
     ("Dvořák", "318 123 456", "lhota.cz")),
    (CZ_INLINE, {"title": "Chytré lavičky na náměstí", "municipality_name": "Statutární město Zlín", "region": "Zlínský kraj",
                 "country": "CZ", "population": 74_000, "year": 2018, "cost_czk": 850_000,
                 "funding_texts": ["IROP", "vlastní zdroje"], "language": "cs",
                 "description": "Na náměstí stojí lavičky se solárním panelem, na kterých si lidé nabijí mobil."},
     ("Nováková", "577 630 111", "zlin.eu")),
    (EN_SECTIONS, {"title": "Solar-powered smart bus stops", "municipality_name": "Tartu", "country": "EE",
                   "population": 97_000, "year": 2019, "cost_czk": 1_200_000 * EUR_CZK, "language": "en",
                   "funding_texts": ["Horizon 2020 (SmartEnCity)", "City of Tartu"],
                   "description": "The city installed 20 bus stops with e-paper timetables and solar roofs.\n\n"
                                  "Passengers see live departures."},
     ("Kaisa", "Tamm", "736 1234")),
    (EN_TABLE, {"title": "Village energy community", "municipality_name": "Feldheim", "country": "DE",
                "population": 130, "year": 2010, "cost_czk": 2_300_000 * EUR_CZK,
                "funding_texts": ["LIFE", "EAFRD / LEADER"],
                "description": "The village runs its own grid and heat network."},
     ("Weber", "33748")),
])
def test_other_wordings_and_markups_are_read(page, expected, personal):
    got = parse_practice(page, "https://example.org/priklad/1")
    assert isinstance(got, dict), got
    for key, value in expected.items():
        assert got[key] == value, (key, got[key])
    text = "\n".join(_strings(got))
    for bit in personal:
        assert bit not in text, bit


def test_funding_of_a_variant_maps_to_programmes():
    got = parse_practice(CZ_DL, "https://example.org/x")
    assert sorted(m.programme_code for m in find_funding(TAX, "; ".join(got["funding_texts"]))) == [
        "MMR_NATIONAL", "OP_ZP"]


# ------------------------------------------------------------------ costs
@pytest.mark.parametrize("text, czk", [
    ("1,2 mil. Kč", 1_200_000), ("850 000 Kč", 850_000), ("850\u00a0000 Kč", 850_000), ("cca 3 mil. Kč", 3_000_000),
    ("2,45 milionu Kč", 2_450_000), ("450 tis. Kč", 450_000), ("1.250.000,- Kč", 1_250_000),
    ("1 250 000 Kč bez DPH", 1_250_000), ("12,5 mil. Kč", 12_500_000), ("1,5 mld. Kč", 1_500_000_000),
    ("EUR 450,000", 450_000 * 25), ("€1.2 million", 30_000_000), ("€ 2.3 m", 57_500_000), ("450,000 EUR", 11_250_000),
    ("€ 85 000", 85_000 * 25), ("EUR 1,250,000.00", 1_250_000 * 25), ("CZK 3,500,000", 3_500_000),
    ("neuvedeno", None), ("n/a", None), ("", None), (None, None),
])
def test_costs_become_whole_czk(text, czk):
    assert parse_cost(text) == czk


def test_a_cost_without_currency_follows_the_default():
    assert parse_cost("1,2 mil.") == 1_200_000
    assert parse_cost("1.2 million", default_currency=None) is None
    assert parse_cost("1.2 million", default_currency="EUR") == 30_000_000


# ------------------------------------------------------------------ not detail pages
def test_listing_and_other_pages_give_a_one_line_reason():
    cz, eu = build_catalogues(2026)
    pages = {
        "cz listing": (respond(cz, "/priklady-dobre-praxe/?kategorie=energetika&strana=1"), True),
        "cz index": (respond(cz, "/priklady-dobre-praxe/"), False),
        "eu listing": (respond(eu, "/solutions?page=1"), True),
        "cz home": (respond(cz, "/"), False),
        "eu 404": (respond(eu, "/solutions/1"), False),
    }
    for name, (reply, listing) in pages.items():
        got = parse_practice(reply.body.decode(), "http://127.0.0.1/" + name)
        assert isinstance(got, str) and "\n" not in got and got, name
        assert got.startswith("listing page") == listing, (name, got)


@pytest.mark.parametrize("junk", ["", "   ", "<<<>>>", "plain text, no markup", "<!-- only a comment -->",
                                  "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
                                  "<html><body><h1>Title only</h1><p>Popis: krátký</p></body></html>", None, b"bytes"])
def test_junk_never_raises(junk):
    assert isinstance(parse_practice(junk, "http://x/"), str)  # type: ignore[arg-type]


def test_it_is_deterministic():
    assert parse_practice(CZ_DL, "u") == parse_practice(CZ_DL, "u")


# ------------------------------------------------------------------ URLs
@pytest.mark.parametrize("url, yes", [
    ("http://127.0.0.1:8000/priklady-dobre-praxe/chytre-verejne-osvetleni-policka/", True),
    ("/priklady-dobre-praxe/chytre-verejne-osvetleni-policka", True),
    ("http://127.0.0.1:8001/solutions/1234", True), ("https://example.eu/solutions/smart-lighting", True),
    ("/priklady-dobre-praxe/", False), ("/priklady-dobre-praxe/?kategorie=energetika&strana=2", False),
    ("/solutions?page=2", False), ("/api/solutions?page=1", False), ("/solutions/1234/contact", False),
    ("/", False), ("", False), ("http://[bad", False),
])
def test_practice_urls_of_both_layouts(url, yes):
    assert is_practice_url(url) is yes
