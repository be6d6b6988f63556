"""A page with malformed links (a port out of range or not a number, a broken IPv6 host) loses nothing else:
every malformed link is recorded with its reason and every other link of the page is still followed (issue 8)."""
from __future__ import annotations

import pytest

from tests.spiders.conftest import Crawl, run_crawl, write_sources
from tests.spiders.fixture_server import FixtureWeb, load_site

BAD = ("http://127.0.0.1:99999/mimo-rozsah.pdf", "http://127.0.0.1:abc/neni-cislo.pdf", "http://[::1/rozbita-ipv6.pdf")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("malformed")
    with FixtureWeb({"malformed": load_site("malformed")}) as web:
        sources = write_sources(tmp / "sources.csv", [("malformed", "municipal_site", web.url("malformed"))])
        proc = run_crawl(sources, "m1", tmp / "data")
        assert proc.returncode == 0, proc.stderr[-4000:]
        yield Crawl(web, tmp / "data", "m1", proc, 0)


def test_links_after_a_malformed_one_are_still_followed(crawled):
    fetched = {r["url"] for r in crawled.fetches("malformed") if r["outcome"] == "ok"}
    for path in ("/prvni.pdf", "/druhy.pdf", "/dalsi.html", "/treti.pdf"):
        assert crawled.web.url("malformed", path) in fetched, path


def test_every_malformed_link_is_recorded_with_its_reason(crawled):
    rows = {r["url"]: r for r in crawled.fetches("malformed") if r["outcome"] == "error"}
    for url in BAD:
        assert url in rows, (url, sorted(rows))
        assert rows[url]["error"].startswith("malformed_url") and rows[url]["referer"] == crawled.web.url("malformed")
        assert rows[url]["link_text"]


def test_the_source_is_ok_and_the_run_says_what_failed(crawled):
    s = crawled.sources()["malformed"]
    assert s["status"] == "ok" and s["documents"] == 3 and s["errors"] == len(BAD)
