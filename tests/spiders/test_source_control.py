"""Per-source control from the sources file (issue 9): a pinned CMS family, document hosts beside the site, extra
start URLs, and sources kept but not crawled."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.spiders.conftest import read_jsonl, run_crawl
from tests.spiders.fixture_server import FixtureWeb, Route

HTML = {"Content-Type": "text/html; charset=utf-8"}
PDF = {"Content-Type": "application/pdf"}


def _pdf(n: int) -> bytes:
    return b"%PDF-1.4\n%" + bytes([n]) * 400 + b"\n%%EOF\n"


@pytest.fixture(scope="module")
def control(tmp_path_factory):
    """A town whose files live on a file server (another host:port), with an archive page nothing links to."""
    sites = {
        "files": {"/dokumenty/rozpocet.pdf": Route(200, PDF, _pdf(1)), "/dokumenty/plan.pdf": Route(200, PDF, _pdf(2))},
        "town": {}, "off": {"/": Route(200, HTML, b"<html><body>ignored</body></html>")},
    }
    with FixtureWeb(sites) as web:
        files = f"127.0.0.1:{web.ports['files']}"
        web.sites["town"].update({
            "/": Route(200, HTML, f'<html><body><a href="http://{files}/dokumenty/rozpocet.pdf">Rozpočet</a>'
                                  f'<a href="/uvod.html">Úvod</a></body></html>'.encode()),
            "/uvod.html": Route(200, HTML, b"<html><body><p>obec</p></body></html>"),
            "/archiv.html": Route(200, HTML, f'<html><body><a href="http://{files}/dokumenty/plan.pdf">Plán</a>'
                                             f'</body></html>'.encode()),
        })
        tmp = tmp_path_factory.mktemp("control")
        sources = tmp / "sources.csv"
        sources.write_text(
            "source_id,kind,start_url,municipality_code,name,cms,document_hosts,extra_start_urls,enabled\n"
            f"town,municipal_site,{web.url('town')},500001,Obec,vismo,{files},{web.url('town', '/archiv.html')},\n"
            f"plain,municipal_site,{web.url('town')},500001,Obec bez nastavení,,,,\n"
            f"off,municipal_site,{web.url('off')},500002,Vypnutá,,,,false\n", encoding="utf-8")
        data = tmp / "data"
        proc = run_crawl(sources, "c1", data)
        assert proc.returncode == 0, proc.stderr[-3000:]
        fetches = read_jsonl(data / "fetchlog" / "c1.fetches.jsonl")
        outcomes = {r["source_id"]: r for r in read_jsonl(data / "fetchlog" / "c1.sources.jsonl")}
        yield {"web": web, "fetches": fetches, "sources": outcomes}


def _by(control, source_id: str, path: str, site: str) -> list[dict]:
    url = control["web"].url(site, path)
    return [r for r in control["fetches"] if r["source_id"] == source_id and r["url"] == url]


def test_documents_on_an_allowed_document_host_are_fetched(control):
    (row,) = _by(control, "town", "/dokumenty/rozpocet.pdf", "files")
    assert row["outcome"] == "ok" and row["kind"] == "document" and row["sha256"]


def test_without_the_document_host_the_same_link_stays_off_site(control):
    (row,) = _by(control, "plain", "/dokumenty/rozpocet.pdf", "files")
    assert row["outcome"] == "offsite"


def test_an_extra_start_url_is_crawled_and_its_links_followed(control):
    assert _by(control, "town", "/archiv.html", "town")[0]["outcome"] == "ok"
    assert _by(control, "town", "/dokumenty/plan.pdf", "files")[0]["outcome"] == "ok"
    assert _by(control, "plain", "/archiv.html", "town") == []


def test_a_pinned_cms_family_is_used_instead_of_recognition(control):
    assert control["sources"]["town"]["cms"] == "vismo"
    assert control["sources"]["plain"]["cms"] == "generic"


def test_a_disabled_source_is_not_crawled(control):
    assert "off" not in control["sources"]
    assert not [r for r in control["fetches"] if r["source_id"] == "off"]
    assert control["web"].requests["off"] == []
