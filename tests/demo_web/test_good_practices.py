"""The two replica good-practice catalogues: different structures, paging that reaches every practice once,
404s, robots, real Czech municipalities in the truth, personal data on every detail page, determinism."""
from __future__ import annotations

import html
import json
import re
from collections import Counter

import pytest

from demo_web.good_practices import (CATEGORIES, CZ_ID, CZ_ROOT, EU_FEED, EU_ID, EU_LIST, EUR_CZK, THEMES,
                                     build_catalogues, respond, truth_rows)
from demo_web.registry import load_municipalities, size_class

# The classifier's area codes (NOTES.md section 1), used by the demo web as truth labels only
AREA_CODES = {"mobility_transport", "energy", "buildings_housing_urban", "circular_economy_waste", "water_management",
              "environment_climate", "ict_infrastructure_data", "egovernment_services", "governance_participation",
              "community_culture_leisure", "education", "social_services", "health", "labour_market",
              "business_innovation", "public_safety", "resilience_crisis"}
PROGRAMME_CODES = {"IROP", "OP_TAK", "OP_ZP", "OPZ", "OP_JAK", "MODERNIZACNI_FOND", "NPO", "TACR", "HORIZON_EUROPE",
                   "LIFE", "INTERREG", "DIGITAL_EUROPE", "CEF", "CAP_RURAL", "MMR_NATIONAL", "SFZP_NATIONAL",
                   "MPO_EFEKT", "EEA_NORWAY", "REGIONAL_GRANTS"}
HREF = re.compile(r'href="([^"]+)"')


@pytest.fixture(scope="module")
def catalogues():
    return build_catalogues(2026)


@pytest.fixture(scope="module")
def cz(catalogues):
    return next(c for c in catalogues if c.catalogue_id == CZ_ID)


@pytest.fixture(scope="module")
def eu(catalogues):
    return next(c for c in catalogues if c.catalogue_id == EU_ID)


@pytest.fixture(scope="module")
def rows(catalogues):
    return truth_rows(catalogues)


def _get(cat, target: str):
    reply = respond(cat, target)
    return reply, reply.body.decode("utf-8")


def _links(body: str) -> list[str]:
    return [html.unescape(h) for h in HREF.findall(body)]


def test_two_catalogues_of_30_to_60_practices(catalogues):
    assert [c.catalogue_id for c in catalogues] == [CZ_ID, EU_ID]
    assert [c.language for c in catalogues] == ["cs", "en"]
    for c in catalogues:
        assert 30 <= len(c.practices) <= 60, (c.catalogue_id, len(c.practices))
        assert len({p.path for p in c.practices}) == len(c.practices)
        assert len({p.title for p in c.practices}) == len(c.practices)


def test_the_two_detail_pages_are_built_differently(cz, eu):
    """The Czech form is a label | value table; the foreign page has sections, a fact list and tags."""
    reply, cz_page = _get(cz, cz.practices[0].path)
    assert reply.status == 200 and reply.headers["Content-Type"].startswith("text/html")
    assert '<html lang="cs">' in cz_page and "<table" in cz_page and "<dl" not in cz_page
    for label in ("Název", "Obec", "Kraj", "Počet obyvatel", "Oblast", "Popis", "Přínosy", "Náklady", "Financování",
                  "Rok realizace", "Kontakt"):
        assert f'<th scope="row">{label}</th>' in cz_page, label
    reply, eu_page = _get(eu, eu.practices[0].path)
    assert reply.status == 200
    assert '<html lang="en">' in eu_page and "<table" not in eu_page and "<dl>" in eu_page
    for label in ("<dt>Country</dt>", "<dt>Population</dt>", "<dt>Budget</dt>", "<dt>Funding</dt>",
                  "<h2>Summary</h2>", "<h2>Results</h2>", "<h2>Contact person</h2>", 'class="tag"'):
        assert label in eu_page, label
    assert all(re.fullmatch(rf"{CZ_ROOT}[a-z0-9-]+/", p.path) for p in cz.practices)
    assert all(re.fullmatch(rf"{EU_LIST}/\d+", p.path) for p in eu.practices)


def test_czech_paging_by_category_covers_every_practice_once(cz):
    reply, index = _get(cz, CZ_ROOT)
    assert reply.status == 200
    first_pages = [h for h in _links(index) if "kategorie=" in h]
    assert len(first_pages) == len(CATEGORIES)
    seen: Counter[str] = Counter()
    multi_page = 0
    for start in first_pages:
        target, pages = start, 0
        while target:
            reply, body = _get(cz, target)
            assert reply.status == 200, target
            pages += 1
            details = {h for h in _links(body) if re.fullmatch(rf"{CZ_ROOT}[a-z0-9-]+/", h)}
            assert 1 <= len(details) <= cz.page_size
            seen.update(details)
            nxt = re.search(r'<a rel="next" href="([^"]+)"', body)
            target = html.unescape(nxt.group(1)) if nxt else None
        multi_page += pages > 1
    assert seen == Counter({p.path: 1 for p in cz.practices})
    assert multi_page >= 3  # paging is really exercised


def test_foreign_listing_and_its_json_feed_cover_every_practice_once(eu):
    html_seen: Counter[str] = Counter()
    target = eu.start_path
    while target:
        reply, body = _get(eu, target)
        assert reply.status == 200
        html_seen.update(h for h in _links(body) if re.fullmatch(rf"{EU_LIST}/\d+", h))
        nxt = re.search(r'<a rel="next" href="([^"]+)"', body)
        target = html.unescape(nxt.group(1)) if nxt else None
    assert html_seen == Counter({p.path: 1 for p in eu.practices})
    feed_seen: Counter[str] = Counter()
    target = f"{EU_FEED}?page=1"
    while target:
        reply, body = _get(eu, target)
        assert reply.headers["Content-Type"].startswith("application/json")
        data = json.loads(body)
        assert data["total"] == len(eu.practices)
        feed_seen.update(item["url"] for item in data["items"])
        target = data["next"]
    assert feed_seen == html_seen


@pytest.mark.parametrize("target", [
    "/nic/", f"{CZ_ROOT}neexistuje/", f"{CZ_ROOT}?kategorie=neexistuje&strana=1",
    f"{CZ_ROOT}?kategorie=energetika&strana=0", f"{CZ_ROOT}?kategorie=energetika&strana=99",
    f"{CZ_ROOT}?kategorie=energetika&strana=abc"])
def test_unknown_czech_routes_are_404(cz, target):
    reply, body = _get(cz, target)
    assert reply.status == 404 and "404" in body


@pytest.mark.parametrize("target", [
    "/nothing", f"{EU_LIST}/1", f"{EU_LIST}/abc", f"{EU_LIST}?page=0", f"{EU_LIST}?page=99",
    f"{EU_LIST}?page=x", f"{EU_FEED}?page=99", f"{CZ_ROOT}"])
def test_unknown_foreign_routes_are_404(eu, target):
    reply, _ = _get(eu, target)
    assert reply.status == 404


def test_robots_allow_everything_and_home_pages_link_in(cz, eu):
    for cat in (cz, eu):
        reply, body = _get(cat, "/robots.txt")
        assert reply.status == 200 and body.splitlines() == ["User-agent: *", "Allow: /"]
        reply, home = _get(cat, "/")
        assert reply.status == 200
    assert CZ_ROOT in _links(_get(cz, "/")[1])
    assert eu.start_path in _links(_get(eu, "/")[1])
    reply = respond(cz, cz.practices[0].path.rstrip("/"))
    assert reply.status == 301 and reply.headers["Location"] == cz.practices[0].path


def test_every_detail_page_carries_a_contact_the_harvest_must_drop(catalogues):
    named_in_text = 0
    for cat in catalogues:
        for p in cat.practices:
            body = respond(cat, p.path).body.decode()
            assert html.escape(p.contact.email) in body and html.escape(p.contact.phone) in body
            assert html.escape(p.contact.name) in body
            shown = " ".join(p.paragraphs)
            if p.contact.name in shown:
                named_in_text += 1
                assert p.contact.name not in p.description
            else:
                assert " ".join(shown.split()) == " ".join(p.description.split())
    assert named_in_text >= 10


def test_truth_has_real_czech_municipalities_and_foreign_places(rows):
    registry = {m.code: m for m in load_municipalities()}
    by_cat = {cid: [r for r in rows if r["catalogue_id"] == cid] for cid in (CZ_ID, EU_ID)}
    assert all(r["country"] == "CZ" for r in by_cat[CZ_ID])
    czech_in_eu = [r for r in by_cat[EU_ID] if r["country"] == "CZ"]
    assert 3 <= len(czech_in_eu) <= 8 and len(czech_in_eu) < len(by_cat[EU_ID]) / 4
    assert any(re.search(r"[^\x00-\x7f]", r["municipality_name"]) for r in czech_in_eu + by_cat[CZ_ID])
    for r in rows:
        if r["country"] == "CZ":
            m = registry[r["municipality_code"]]
            assert (m.name, m.population, m.okres, m.kraj_name) == (
                r["municipality_name"], r["population"], r["district"], r["region"])
        else:
            assert r["municipality_code"] is None and re.fullmatch(r"[A-Z]{2}", r["country"])
        assert r["size_class"] == size_class(r["population"])
        assert r["areas"] and set(r["areas"]) <= AREA_CODES
        assert set(r["funding_codes"]) <= PROGRAMME_CODES
        assert 2016 <= r["year"] <= 2026
        assert r["cost_czk"] is None or (isinstance(r["cost_czk"], int) and r["cost_czk"] > 0)
    classes = Counter(r["size_class"] for r in by_cat[CZ_ID])
    assert len(classes) >= 4, classes
    assert len({a for r in rows for a in r["areas"]}) >= 14


def test_costs_and_funding_are_written_the_ways_sources_write_them(cz, eu, rows):
    cz_costs = [p.cost_shown for p in cz.practices if p.cost_shown]
    assert any("mil. Kč" in c for c in cz_costs) and any(c.startswith("cca ") for c in cz_costs)
    assert any(re.fullmatch(r"\d{1,3}(?:[ \u00a0.]\d{3})+(?:,-)? Kč(?: bez DPH)?", c) for c in cz_costs)
    eu_costs = [p.cost_shown for p in eu.practices if p.cost_czk]
    assert any(c.startswith("EUR ") for c in eu_costs) and any("€" in c for c in eu_costs)
    for p in eu.practices:  # EUR converted at the stated constant
        if p.cost_czk and "CZK" not in p.cost_shown:
            assert p.cost_czk % EUR_CZK == 0
    assert {"vlastní zdroje", "IROP"} <= {t for p in cz.practices for t in p.funding_texts}
    assert any("Národního plánu obnovy" in t for p in cz.practices for t in p.funding_texts) or \
        any("Modernizační fond" in t for p in cz.practices for t in p.funding_texts)
    for cid in (CZ_ID, EU_ID):
        part = [r for r in rows if r["catalogue_id"] == cid]
        assert sum(r["cost_czk"] is not None for r in part) >= 0.7 * len(part)
        assert sum(bool(r["funding_codes"]) for r in part) >= 0.5 * len(part)


def test_every_theme_and_category_is_used(cz, eu):
    assert {p.theme for p in cz.practices} == {t.key for t in THEMES}
    assert {p.category for p in cz.practices} == {s for s, _ in CATEGORIES}


def test_the_same_seed_gives_the_same_catalogues(catalogues):
    again = build_catalogues(2026)
    assert truth_rows(again) == truth_rows(catalogues)
    for a, b in zip(catalogues, again):
        targets = ["/", "/robots.txt", a.start_path] + [p.path for p in a.practices]
        for t in targets:
            assert respond(a, t).body == respond(b, t).body, t
    other = build_catalogues(7)
    assert truth_rows(other) != truth_rows(catalogues)
