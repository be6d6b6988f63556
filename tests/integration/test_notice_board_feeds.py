"""A notice board published as open data (issue 10): the real Kadaň OFN feed, served on loopback, is harvested with
every record's title, dates and attachment URLs; its attachments become documents found via the feed; a feed with
broken records yields every readable record and a reason for each unreadable one."""
from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SHARED, run_cli
from tests.transforms.builders import make_pdf

pytestmark = pytest.mark.slow
KADAN = SHARED / "domain" / "ofn" / "real_feed_Kadan.json"
ORIGIN = "https://www.mesto-kadan.cz"

BROKEN = {"@context": "https://ofn.gov.cz/úřední-desky/2021-07-20/kontexty/úřední-deska.jsonld", "typ": "Úřední deska",
          "iri": "urn:board", "provozovatel": {"ičo": "261912"}, "informace": [
              {"iri": "urn:1", "název": {"cs": "Veřejná vyhláška o místním poplatku"}, "vyvěšení": {"datum": "2026-11-02"},
               "relevantní_do": {"datum": "2026-12-02"}, "dokument": [{"název": {"cs": "vyhláška"}, "url": "/files/a.pdf"}]},
              "not a notice",
              {"popis": {"cs": "a notice without title or url"}},
              {"iri": "urn:4", "název": {"cs": "Oznámení o zasedání zastupitelstva"}, "vyvěšení": {"datum": "brzy"}}]}


class _Web(http.server.ThreadingHTTPServer):
    daemon_threads = True


def _serve(routes: dict[str, tuple[str, bytes]]):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            path = self.path.split("?")[0]
            ctype, body = routes.get(path) or (("application/pdf", _pdf(path)) if path.startswith("/filemanager/")
                                                 or path.startswith("/files/") else ("text/plain", b""))
            self.send_response(200 if body or path == "/robots.txt" else 404)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = _Web(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@functools.lru_cache(maxsize=None)
def _pdf(path: str) -> bytes:
    """An attachment of its own (the URL in its text), so every URL is its own document."""
    return make_pdf([[(12, "Příloha oznámení na úřední desce města."), (10, path)]])


@pytest.fixture(scope="module")
def harvested(tmp_path_factory):
    if not KADAN.exists():
        pytest.skip("../shared is not beside the checkout")
    tmp = tmp_path_factory.mktemp("feeds")
    routes: dict[str, tuple[str, bytes]] = {}
    server = _serve(routes)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    # the real feed, its publisher's host replaced by the loopback server (so no traffic leaves 127.0.0.1)
    routes.update({"/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n"),
                   "/ud/kadan.json": ("application/json", KADAN.read_bytes().replace(ORIGIN.encode(), base.encode())),
                   "/ud/broken.json": ("application/ld+json", json.dumps(BROKEN, ensure_ascii=False).encode())})
    own_feed = {"@context": BROKEN["@context"], "typ": "Úřední deska", "iri": "urn:obec", "informace": [
        {"iri": "urn:o1", "název": {"cs": "Rozpočtové opatření č. 3"}, "vyvěšení": {"datum": "2026-10-01"},
         "relevantní_do": {"nespecifikovaný": True}, "dokument": [{"název": {"cs": "opatření"}, "url": f"{base}/files/both.pdf"}]},
        {"iri": "urn:o2", "název": {"cs": "Oznámení o volbách"}, "vyvěšení": {"datum": "2026-10-02"},
         "relevantní_do": {"datum": "2026-11-02"}, "dokument": [{"název": {"cs": "oznámení"}, "url": f"{base}/files/only-feed.pdf"}]}]}
    home = (f'<html><body><h1>Obec</h1><a href="/files/both.pdf">Rozpočtové opatření</a>'
            f'<a href="/ud/obec.jsonld">Úřední deska – otevřená data</a></body></html>').encode()
    routes.update({"/obec/": ("text/html; charset=utf-8", home),
                   "/ud/obec.jsonld": ("application/ld+json", json.dumps(own_feed, ensure_ascii=False).encode())})
    sources = tmp / "sources.csv"
    sources.write_text("source_id,kind,start_url,municipality_code,name\n"
                       f"ud-kadan,notice_board_feed,{base}/ud/kadan.json,563102,Kadaň úřední deska\n"
                       f"ud-broken,notice_board_feed,{base}/ud/broken.json,,Rozbitá deska\n"
                       f"obec-web,municipal_site,{base}/obec/,,Obec s deskou v otevřených datech\n", encoding="utf-8")
    proc = run_cli("run", "--sources", str(sources), "--data-dir", str(tmp / "data"), "--profile", "test")
    server.shutdown()
    assert proc.returncode == 0, proc.stderr[-3000:]
    con = duckdb.connect(str(tmp / "data" / "warehouse.duckdb"), read_only=True)
    yield con, base
    con.close()
    from core.settings import Settings
    from pipelines.health import unread_records

    unread = unread_records(Settings(data_dir=tmp / "data"))  # what the Dagster check reports (WARN)
    assert [(r["source_id"], r["kind"]) for r in unread] == [("ud-broken", "feed"), ("ud-broken", "feed")]


def test_every_record_of_the_real_feed_is_harvested_with_title_dates_and_attachments(harvested):
    con, base = harvested
    expected = json.loads(KADAN.read_text(encoding="utf-8"))["informace"]
    rows = con.execute("SELECT title, posted_on, relevant_until, relevant_until_unspecified, attachment_urls "
                       "FROM notice_board_records WHERE source_id = 'ud-kadan'").fetchall()
    assert len(rows) == len(expected) == 87
    assert all(r[0] and r[1] for r in rows)
    assert sum(1 for r in rows if r[2] is not None) + sum(1 for r in rows if r[3]) == 87
    urls = [u for r in rows for u in r[4]]
    assert len(urls) == 93 and all(u.startswith(base) and "&amp;" not in u for u in urls)
    titles = {r[0] for r in rows}
    assert {" ".join(i["název"]["cs"].replace("&quot;", '"').split()) for i in expected} == {" ".join(t.split()) for t in titles}


def test_the_attachments_are_fetched_as_documents_found_via_the_feed(harvested):
    con, base = harvested
    found = con.execute("SELECT count(DISTINCT u.url) FROM document_urls u JOIN documents d USING (doc_id) "
                        "WHERE u.source_id = 'ud-kadan' AND list_contains(d.found_via, 'feed')").fetchone()[0]
    listed = con.execute("SELECT count(DISTINCT u) FROM (SELECT unnest(attachment_urls) AS u FROM notice_board_records "
                         "WHERE source_id = 'ud-kadan')").fetchone()[0]
    assert found == listed > 0


def test_a_feed_with_broken_records_keeps_the_readable_ones_and_says_why_for_the_others(harvested):
    con, _ = harvested
    titles = sorted(r[0] for r in con.execute(
        "SELECT title FROM notice_board_records WHERE source_id = 'ud-broken'").fetchall())
    assert titles == ["Oznámení o zasedání zastupitelstva", "Veřejná vyhláška o místním poplatku"]
    problems = con.execute("SELECT position, reason, record_kept FROM record_problems WHERE source_id = 'ud-broken' "
                           "ORDER BY position").fetchall()
    assert len(problems) == 3
    assert [p[2] for p in problems].count(False) == 2  # "not a notice" and the one without title or url
    assert any("brzy" in p[1] and p[2] for p in problems)  # kept, its date unreadable
    ico = con.execute("SELECT DISTINCT publisher_ico FROM notice_board_records WHERE source_id = 'ud-broken'").fetchall()
    assert ico == [("00261912",)]


def test_a_municipal_site_s_own_feed_is_found_from_its_page_and_each_document_keeps_its_routes(harvested):
    con, base = harvested
    titles = sorted(r[0] for r in con.execute(
        "SELECT title FROM notice_board_records WHERE source_id = 'obec-web'").fetchall())
    assert titles == ["Oznámení o volbách", "Rozpočtové opatření č. 3"]
    routes = dict(con.execute("SELECT u.url, d.found_via FROM document_urls u JOIN documents d USING (doc_id) "
                              "WHERE u.source_id = 'obec-web'").fetchall())
    assert sorted(routes[f"{base}/files/both.pdf"]) == ["feed", "page"]
    assert routes[f"{base}/files/only-feed.pdf"] == ["feed"]
