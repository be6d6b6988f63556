"""The real crawl (`python -m spiders.crawl --profile test`) against the loopback fixture web."""
from __future__ import annotations

import hashlib
import json

from core import raw_store
from core.fetch_log import FETCH_FIELDS, SOURCE_FIELDS
from transforms.sniff import filename_from_disposition

FILE_501 = "/assets/File.ashx?id_org=600001&id_dokumenty=501"
FILE_502 = "/assets/File.ashx?id_org=600001&id_dokumenty=502"


def one(rows: list[dict]) -> dict:
    assert len(rows) == 1, rows
    return rows[0]


def test_fetch_log_lines_have_exactly_the_fetch_fields(crawl):
    rows = crawl.fetches()
    assert rows
    for row in rows:
        assert list(row) == list(FETCH_FIELDS)
        assert row["crawl_id"] == crawl.crawl_id
    assert {r["outcome"] for r in rows} <= {"ok", "http_error", "redirect_loop", "forbidden_by_robots", "offsite",
                                           "too_large", "timeout", "connection_error", "error"}
    assert {r["kind"] for r in rows} <= {"page", "document"}


def test_source_summary_lines(crawl):
    sources = crawl.sources()
    assert set(sources) == {"vismo", "blocked", "wordpress", "empty", "unreachable"}
    for row in sources.values():
        assert list(row) == list(SOURCE_FIELDS)
    assert sources["vismo"]["status"] == "ok" and sources["vismo"]["cms"] == "vismo"
    assert sources["wordpress"]["status"] == "ok" and sources["wordpress"]["cms"] == "wordpress"
    assert sources["vismo"]["reason"] is None
    empty = sources["empty"]
    assert empty["status"] == "no_documents"
    assert empty["reason"] == "no document links found on 3 page(s)"
    assert empty["pages"] == 3 and empty["documents"] == 0
    unreachable = sources["unreachable"]
    assert unreachable["status"] == "unreachable"
    assert "refused" in unreachable["reason"].lower()


def test_vismo_attachment_without_extension_is_a_document_named_by_content_disposition(crawl):
    row = one([r for r in crawl.by_url("vismo", FILE_501) if r["outcome"] == "ok"])
    assert row["kind"] == "document"
    assert row["status"] == 200
    assert row["cms"] == "vismo"
    assert filename_from_disposition(row["content_disposition"]) == "uzemni_plan_textova_cast.pdf"
    assert row["etag"] == '"501-v1"'
    assert row["sha256"] and raw_store.exists(crawl.data_dir / "raw", row["sha256"])
    assert row["referer"] == crawl.web.url("vismo", "/")
    assert row["depth"] == 1
    row2 = one(crawl.by_url("vismo", FILE_502))  # linked from the document page /d-1001, RFC 6266 filename*
    assert row2["kind"] == "document"
    assert filename_from_disposition(row2["content_disposition"]) == "Strategie rozvoje – příloha.pdf"
    assert row2["depth"] == 2


def test_vismo_document_page_is_a_document(crawl):
    row = one(crawl.by_url("vismo", "/obec/d-1001"))
    assert row["outcome"] == "ok" and row["kind"] == "document"
    assert row["last_modified"] == "Wed, 03 Jan 2024 10:00:00 GMT"
    page = one(crawl.by_url("vismo", "/obec/ms-10/"))
    assert page["kind"] == "page"


def test_cp1250_link_text_and_context_are_decoded(crawl):
    row = one(crawl.by_url("vismo", FILE_501))
    assert row["link_text"] == "Územní plán – textová část"
    assert row["link_context"] == "Územní plán – textová část [PDF, 2 kB] (15.2.2024)"
    page = one(crawl.by_url("vismo", "/obec/d-1001"))
    assert page["link_text"] == "Strategie rozvoje obce 2024–2030"
    assert page["link_context"].startswith("Strategie rozvoje obce 2024–2030 (3.1.2024) Návrh strategického plánu")
    # a table row gives the context of a WordPress download link
    docx = one(crawl.by_url("wordpress", "/wp-content/uploads/2024/02/akcni-plan.docx"))
    assert docx["link_text"] == "stáhnout" and docx["link_context"] == "Akční plán 2024 stáhnout"
    pdf = one(crawl.by_url("wordpress", "/wp-content/uploads/2024/01/strategie-smart-city.pdf"))
    assert pdf["link_context"] == "Chytré město"  # the preceding heading


def test_robots_disallowed_section_is_not_fetched_but_logged(crawl):
    assert "/interni/zapis.pdf" not in crawl.web.paths("vismo")
    row = one(crawl.by_url("vismo", "/interni/zapis.pdf"))
    assert row["outcome"] == "forbidden_by_robots"
    assert row["status"] is None and row["sha256"] is None
    assert row["link_text"] == "Interní zápis rady"


def test_disallow_all_site_is_blocked_with_only_robots_txt_requested(crawl):
    assert crawl.web.paths("blocked") == ["/robots.txt"]
    src = crawl.sources()["blocked"]
    assert src["status"] == "blocked_by_robots"
    assert '"Disallow: /"' in src["reason"] and '"User-agent: *"' in src["reason"]
    assert crawl.web.url("blocked", "/robots.txt") in src["reason"]
    row = one(crawl.fetches("blocked"))
    assert row["outcome"] == "forbidden_by_robots" and row["url"] == crawl.web.url("blocked", "/")


def test_foreign_port_is_never_requested(crawl):
    assert crawl.web.paths("foreign") == []
    foreign = f"127.0.0.1:{crawl.web.ports['foreign']}"
    offsite = [r for r in crawl.fetches() if r["outcome"] == "offsite"]
    # the off-site document link, and the two redirects to the foreign port
    assert {(r["source_id"], r["url"].split("/", 3)[-1]) for r in offsite} == {
        ("vismo", "cizi.pdf"), ("vismo", "presmerovani"), ("wordpress", "ven")}
    redirect = one(crawl.by_url("vismo", "/presmerovani"))
    assert redirect["final_url"] == f"http://{foreign}/presmerovano.pdf"
    assert all(r["status"] is None and r["sha256"] is None for r in offsite)
    # no request of any source left its own port (all requests were seen by the fixture servers)
    assert crawl.summary()["offsite_dropped"] == 3


def test_same_site_redirect_is_followed_and_final_url_recorded(crawl):
    row = one(crawl.by_url("wordpress", "/stary-odkaz/"))
    assert row["outcome"] == "ok" and row["final_url"] == crawl.web.url("wordpress", "/o-mestu/")


def test_404_and_500_are_http_errors(crawl):
    missing = one(crawl.by_url("vismo", "/neexistuje.pdf"))
    assert (missing["outcome"], missing["status"], missing["sha256"]) == ("http_error", 404, None)
    broken = one(crawl.by_url("vismo", "/chyba"))
    assert (broken["outcome"], broken["status"], broken["sha256"]) == ("http_error", 500, None)


def test_oversized_bodies_are_too_large_and_not_stored(crawl):
    for path in ("/velky.pdf", "/soubory/velky-proud.pdf"):  # with Content-Length, and chunked
        row = one(crawl.by_url("vismo", path))
        assert row["outcome"] == "too_large", row
        assert row["sha256"] is None and row["status"] is None
    sizes = [p.stat().st_size for p in (crawl.data_dir / "raw").rglob("*") if p.is_file()]
    assert max(sizes) < 1024 * 1024
    assert crawl.summary()["too_large"] == 2


def test_pdf_served_as_text_html_is_a_document(crawl):
    row = one(crawl.by_url("vismo", "/zprava.html"))
    assert row["content_type"] == "text/html"
    assert row["kind"] == "document" and row["outcome"] == "ok"
    assert raw_store.get(crawl.data_dir / "raw", row["sha256"]).startswith(b"%PDF")


def test_skipped_links_are_never_requested(crawl):
    asked = crawl.web.paths("vismo") + crawl.web.paths("wordpress")
    for bad in ("/aa/login", "/vismo/formulare2.asp", "xvvolba1=", "Image.ashx", "/rss/", "/wp-login.php", "/?s=",
                "/feed/", "foto.jpg", "mailto", "javascript", "tel:"):
        assert not [p for p in asked if bad in p], bad


def test_every_url_is_requested_once(crawl):
    for site in ("vismo", "wordpress", "empty"):
        paths = [p for p in crawl.web.paths(site) if p != "/chyba"]  # /chyba is retried (HTTP 500)
        counted = {p: paths.count(p) for p in paths}
        # /o-mestu/ is reached directly and through the /stary-odkaz/ redirect
        assert all(n == 1 for p, n in counted.items() if p != "/o-mestu/"), counted


def test_raw_files_are_named_by_their_sha256(crawl):
    raw = crawl.data_dir / "raw"
    files = [p for p in raw.rglob("*") if p.is_file()]
    assert files
    for p in files:
        digest = hashlib.sha256(p.read_bytes()).hexdigest()
        assert p.name == digest and p.parent.name == digest[:2]
    stored = {r["sha256"] for r in crawl.fetches() if r["sha256"]}
    assert stored == {p.name for p in files}
    # every status-200 response was stored; nothing else was
    for r in crawl.fetches():
        assert (r["sha256"] is not None) == (r["status"] == 200), r


def test_summary_json_and_progress(crawl):
    s = crawl.summary()
    assert s["crawl_id"] == "t1"
    assert (s["sources"], s["sources_ok"], s["sources_blocked"], s["sources_unreachable"],
            s["sources_no_documents"]) == (5, 2, 1, 1, 1)
    rows = crawl.fetches()
    assert s["documents"] == sum(1 for r in rows if r["outcome"] == "ok" and r["kind"] == "document") == 6
    assert s["pages"] == sum(1 for r in rows if r["outcome"] == "ok" and r["kind"] == "page")
    assert s["forbidden_by_robots"] == 2
    assert s["new_raw_files"] == len({r["sha256"] for r in rows if r["sha256"]})
    assert s["errors"] == 5  # 404, 500, two too large, connection refused
    assert isinstance(s["duration_s"], float)
    json.dumps(s)
    assert "[crawl] sources 5/5 done · pages" in crawl.proc.stderr
    assert "[crawl] finished t1" in crawl.proc.stderr


def test_a_crawl_that_ran_to_its_end_says_so_for_every_source(crawl):
    """Only a complete crawl may later show that a document is gone (transforms.sightings)."""
    assert all(row["complete"] is True for row in crawl.sources().values())
