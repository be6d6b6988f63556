"""Notice boards published as open data on the demo web's municipal sites: a site's feed is found from its notice
board, every notice it lists reaches notice_board_records with its title, date and attachment, and each listed
document says in documents.found_via that the feed found it (and a page, when a page reached it first)."""
from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def truth(demo_web):
    sites = [s for s in json.loads((demo_web.out_dir / "sites.json").read_text(encoding="utf-8")) if s["feed_url"]]
    rows = [json.loads(line) for line in (demo_web.out_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    return sites, [r for r in rows if r.get("in_feed")]


def test_every_site_feed_is_found_and_every_notice_it_lists_is_a_record(harvested, truth):
    sites, listed = truth
    assert sites and listed
    records = harvested.sql("SELECT source_id, feed_url, title, posted_on, attachment_urls FROM notice_board_records")
    by_feed: dict[str, list] = {}
    for source_id, feed_url, title, posted_on, urls in records:
        by_feed.setdefault(feed_url, []).append((source_id, title, posted_on, urls))
    for site in sites:
        got = by_feed.get(site["feed_url"])
        assert got, f"{site['site_id']}: feed {site['feed_url']} not harvested"
        assert {g[0] for g in got} == {site["source_id"]}
        expected = {r["url"] for r in listed if r["site_id"] == site["site_id"]}
        assert {u for g in got for u in g[3]} == expected
        assert all(g[1] and g[2] is not None for g in got)


def test_documents_a_feed_lists_were_found_via_the_feed_and_the_pages_that_reached_them_first(harvested, truth):
    _, listed = truth
    urls = [r["url"] for r in listed if r["expect_in_document_urls"]]
    assert urls
    found = dict(harvested.sql(
        "SELECT u.url, d.found_via FROM document_urls u JOIN documents d USING (doc_id) "
        f"WHERE u.url IN ({', '.join(repr(u) for u in urls)})"))
    assert set(found) == set(urls)
    assert all("feed" in via for via in found.values())
    # the notice board's pages link the same documents: those the crawl reached by a page first keep that route too
    assert any("page" in via for via in found.values())
