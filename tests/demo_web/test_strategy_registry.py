"""The Databáze strategií replica (demo_web.strategy_registry): coverage of the demo web's strategies, paging,
routes and determinism. In-process: no server, no rendering of the sites' documents."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from demo_web.model import build_web, route_key
from demo_web.routing import routes
from demo_web.strategy_registry import (DESCRIPTORS_INVENTED, DESCRIPTORS_SEEN, LEVELS, LISTING, PER_PAGE,
                                        build_registry, respond, truth_rows)


@pytest.fixture(scope="module")
def reg8(web8):
    return build_registry(web8, seed=2026)


@pytest.fixture(scope="module")
def reg40(web40):
    return build_registry(web40, seed=2026)


def _get(reg, url: str):
    parts = urlsplit(url)
    return respond(reg, parts.path + (f"?{parts.query}" if parts.query else ""))


def _strategy_texts(web) -> dict[str, str]:
    """Manifest url -> distinct-text key of every approved, served strategy of a municipal or regional site."""
    out = {}
    for s in web.sites:
        if s.kind in ("municipal_site", "regional_site"):
            for d in s.docs:
                if d.spec.is_strategy and d.status == 200 and d.approved_on:
                    out[s.base_url + d.url] = d.same_document_group or s.base_url + d.url
    return out


@pytest.mark.parametrize("name", ["reg8", "reg40"])
def test_between_60_and_80_percent_of_the_distinct_strategies_have_a_record(name, request):
    reg = request.getfixturevalue(name)
    web = request.getfixturevalue(name.replace("reg", "web"))
    texts = _strategy_texts(web)
    distinct = set(texts.values())
    linked = [r for r in reg.records if r.origin == "demo_site"]
    assert all(r.document_url in texts for r in linked), "a record describes a document that is not a strategy"
    covered = {texts[r.document_url] for r in linked}
    assert len(covered) == len(linked), "two records describe the same text"
    assert 0.6 <= len(covered) / len(distinct) <= 0.8
    assert len(reg.candidates) == len(distinct)
    assert set(reg.missing) | {r.document_url for r in linked} == set(reg.candidates)
    assert not set(reg.missing) & {r.document_url for r in linked}


def test_demo_links_point_at_documents_the_municipal_sites_serve(reg8, web8):
    by_base = {s.base_url: s for s in web8.sites}
    for r in (r for r in reg8.records if r.origin == "demo_site"):
        assert r.fulltext_urls[0] == r.document_url
        for url in r.fulltext_urls:
            parts = urlsplit(url)
            site = by_base[f"{parts.scheme}://{parts.netloc}"]
            assert routes(site).get(route_key(url[len(site.base_url):])) is not None, url
        assert r.level in ("místní", "regionální")
        assert (r.level == "místní") == (r.municipality_code is not None)


def test_registry_hosted_and_absent_records(reg8, web8):
    hosted = [r for r in reg8.records if r.origin == "registry"]
    assert {"národní", "mezinárodní"} <= {r.level for r in hosted}
    for r in hosted:
        reply = _get(reg8, r.fulltext_urls[0])
        assert reply.status == 200 and reply.body.startswith(b"%PDF")
    absent = [r for r in reg8.records if r.origin == "absent_site"]
    assert len(absent) >= 3
    demo_codes = {s.municipality_code for s in web8.municipal}
    for r in absent:
        assert r.municipality_code and r.municipality_code not in demo_codes and r.document_url is None
        assert all(_get(reg8, u).status == 404 for u in r.fulltext_urls)  # none, or a dead link


def test_paging_lists_every_record_exactly_once(reg40):
    seen: list[str] = []
    url, pages = LISTING, 0
    while url:
        reply = respond(reg40, url)
        assert reply.status == 200 and reply.headers["Content-Type"] == "text/html; charset=utf-8"
        html = reply.body.decode("utf-8")
        details = re.findall(r'href="([^"]+\?typ=detail)"', html)
        assert 0 < len(details) <= PER_PAGE
        seen += [d.replace("&amp;", "&") for d in details]
        pages += 1
        numbered = re.findall(r'href="/cz/strategie\?strana=(\d+)"', html)
        assert len(set(numbered)) == -(-len(reg40.records) // PER_PAGE) - 1  # every page but the current one
        nxt = re.search(r'<a href="([^"]+)" rel="next">další</a>', html)
        url = nxt.group(1) if nxt else None
    assert pages == -(-len(reg40.records) // PER_PAGE) and pages > 1
    assert len(seen) == len(set(seen)) == len(reg40.records)
    assert set(seen) == {r.detail_path for r in reg40.records}
    assert respond(reg40, LISTING + "?strana=1").body == respond(reg40, LISTING).body


def test_gestor_listing_holds_its_records(reg8):
    for gestor, records in reg8.by_gestor().items():
        html = respond(reg8, f"/cz/{gestor}/strategie").body.decode()
        assert all(r.detail_path in html for r in records)


def test_detail_pages_answer_and_anything_else_is_404(reg8):
    for r in reg8.records:
        reply = respond(reg8, r.detail_path)
        assert reply.status == 200
        assert '<meta charset="utf-8">' in reply.body.decode("utf-8")
    r = reg8.records[0]
    assert respond(reg8, "/robots.txt").status == 200 and b"Allow: /" in respond(reg8, "/robots.txt").body
    assert LISTING.encode() in respond(reg8, "/").body
    for path in ("/cz/strategie?strana=0", "/cz/strategie?strana=99", "/cz/strategie?strana=x",
                 f"/cz/{r.gestor_slug}/strategie/{r.slug}", f"/cz/{r.gestor_slug}/strategie/{r.slug}?typ=struktura",
                 f"/cz/{r.gestor_slug}/strategie/neni-takova?typ=detail", "/cz/neni-takovy/strategie", "/admin/",
                 "/soubory/1/x.pdf", "/cz"):
        assert respond(reg8, path).status == 404, path


def test_record_fields_are_well_formed(reg40):
    codes = set(DESCRIPTORS_SEEN) | set(DESCRIPTORS_INVENTED)
    for r in reg40.records:
        assert r.level in LEVELS
        assert r.descriptors and set(r.descriptors) <= codes
        assert r.summary and r.zpracovatel and r.gestor_name
        assert r.valid_from is not None or r.valid_to is not None
        assert r.approved_on is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.approved_on)
    linked = [r for r in reg40.records if r.origin == "demo_site"]
    assert any(r.name != r.document_title for r in linked), "registry names are retyped, some differently"
    assert any(r.approved_on is None for r in reg40.records)
    assert len({(r.gestor_slug, r.slug) for r in reg40.records}) == len(reg40.records)


def test_truth_rows_one_per_record(reg8):
    rows = truth_rows(reg8)
    assert len(rows) == len(reg8.records)
    assert {"document_url", "origin", "fulltext_urls", "descriptors", "municipality_code", "kraj",
            "detail_url"} <= set(rows[0])
    assert sum(1 for r in rows if r["document_url"]) == sum(1 for r in reg8.records if r.origin == "demo_site")


def test_deterministic_for_a_seed(web8):
    a, b = build_registry(web8, seed=7), build_registry(build_web(sites=8, seed=2026, base_port=30000), seed=7)
    assert truth_rows(a) == truth_rows(b)
    assert [respond(a, r.detail_path).body for r in a.records] == [respond(b, r.detail_path).body for r in b.records]
    assert truth_rows(build_registry(web8, seed=8)) != truth_rows(a)
