"""One specification per trap of the demo web: how the harvest handles it (ground truth: the manifest)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _trap(demo_web, name: str) -> list[dict]:
    rows = [m for m in demo_web.manifest() if m.get("trap") == name]
    assert rows, f"the demo web has no {name} trap"
    return rows


def _fetches(h, url: str) -> list[tuple]:
    return h.sql("SELECT outcome, status, error, sha256, kind FROM fetches WHERE url = ? OR final_url = ?", [url, url])


def _doc_for(h, url: str) -> tuple | None:
    rows = h.sql(
        "SELECT d.doc_id, d.file_format, d.extraction_status, d.extraction_error, d.needs_ocr, d.text_chars "
        "FROM documents d JOIN document_urls u USING (doc_id) WHERE u.url = ? OR u.final_url = ?", [url, url])
    return rows[0] if rows else None


def test_robots_disallowed_section_is_not_fetched_but_recorded(demo_web, harvested):
    for m in _trap(demo_web, "robots_disallow_section"):
        rows = _fetches(harvested, m["url"])
        assert rows, f"{m['url']} left no trace in fetches"
        assert {r[0] for r in rows} == {"forbidden_by_robots"}
        assert all(r[1] is None for r in rows)  # never requested over HTTP


def test_site_forbidding_everything_is_reported_blocked_not_crawled(demo_web, harvested):
    site = next(s for s in demo_web.sites() if s.get("robots") == "disallow_all")
    status, reason, docs = harvested.sql(
        "SELECT last_status, last_reason, last_documents FROM sources WHERE source_id = ?", [site["source_id"]])[0]
    assert status == "blocked_by_robots"
    assert "robots" in reason.lower()
    assert not docs
    paths = {r["path_qs"] for r in demo_web.requests() if r["port"] == site["port"] and "smartharvest" in r["user_agent"]}
    assert paths == {"/robots.txt"}


@pytest.mark.parametrize("trap", ["redirect_301", "redirect_302"])
def test_redirected_document_is_kept_under_both_urls(demo_web, harvested, trap):
    for m in _trap(demo_web, trap):
        if m["kind"] != "document" or not m["expect_in_document_urls"]:
            continue
        rows = harvested.sql("SELECT final_url FROM document_urls WHERE url = ?", [m["url"]])
        assert rows, f"{m['url']} missing from document_urls"
        assert rows[0][0] != m["url"]
        if m.get("redirects_to"):
            assert rows[0][0] == m["redirects_to"]


@pytest.mark.parametrize("trap,status", [("not_found_404", 404), ("server_error_500", 500)])
def test_http_errors_are_recorded_not_documents(demo_web, harvested, trap, status):
    for m in _trap(demo_web, trap):
        rows = _fetches(harvested, m["url"])
        assert rows and all(r[0] == "http_error" and r[1] == status for r in rows)
        assert _doc_for(harvested, m["url"]) is None


def test_slow_response_is_still_harvested(demo_web, harvested):
    for m in _trap(demo_web, "slow_response"):
        assert _doc_for(harvested, m["url"]) is not None


def test_endless_calendar_is_cut_off(demo_web, harvested):
    cal = [r for r in demo_web.requests() if "kalendar" in r["path_qs"] and "smartharvest" in r["user_agent"]]
    assert cal, "the calendar trap was not reached at all"
    per_site: dict[int, int] = {}
    for r in cal:
        per_site[r["port"]] = per_site.get(r["port"], 0) + 1
    assert max(per_site.values()) <= 60, per_site


def test_windows_1250_page_links_keep_their_czech_text(demo_web, harvested):
    page = _trap(demo_web, "windows1250_page")[0]
    texts = [t for (t,) in harvested.sql("SELECT link_text FROM document_urls WHERE referer = ?", [page["url"]]) if t]
    assert texts, "no document was harvested from the windows-1250 page"
    joined = " ".join(texts)
    assert any(ch in joined for ch in "ěščřžýáíéůúňťď")
    assert "Ã" not in joined and "\ufffd" not in joined


@pytest.mark.parametrize("trap,word", [("corrupt_pdf", "corrupt"), ("encrypted_pdf", "encrypt")])
def test_broken_pdfs_fail_with_a_reason(demo_web, harvested, trap, word):
    for m in _trap(demo_web, trap):
        doc = _doc_for(harvested, m["url"])
        assert doc is not None, f"{m['url']} not in documents"
        _, fmt, got_status, error, needs_ocr, _ = doc
        assert got_status == "failed", (got_status, error)
        assert error and word in error.lower()


def test_image_only_pdf_is_read_by_ocr(demo_web, harvested):
    for m in _trap(demo_web, "image_only_pdf"):
        rows = harvested.sql("SELECT d.extraction_status, d.text_source, d.needs_ocr, d.text FROM documents d "
                             "JOIN document_urls u USING (doc_id) WHERE u.url = ?", [m["url"]])
        assert rows, m["url"]
        status, source, needs_ocr, text = rows[0]
        assert (status, source, needs_ocr) == ("ok", "ocr", False)
        first_words = [w for w in m["title"].split() if len(w) > 4][:3]
        assert sum(w.lower() in text.lower() for w in first_words) >= 2, (first_words, text[:300])


def test_oversized_file_is_cancelled_and_recorded(demo_web, harvested):
    for m in _trap(demo_web, "oversized_file"):
        rows = _fetches(harvested, m["url"])
        assert rows and {r[0] for r in rows} == {"too_large"}
        assert all(r[3] is None for r in rows)


def test_mislabelled_content_type_is_sniffed(demo_web, harvested):
    for m in _trap(demo_web, "mislabelled_content_type"):
        doc = _doc_for(harvested, m["url"])
        assert doc is not None, m["url"]
        assert doc[1] == m["format"]


def test_same_pdf_on_two_sites_is_one_document_with_two_urls(demo_web, harvested):
    groups: dict[str, list[dict]] = {}
    for m in _trap(demo_web, "duplicate_across_sites"):
        groups.setdefault(m.get("duplicate_group") or m["sha256"], []).append(m)
    for members in groups.values():
        shas = {m["sha256"] for m in members}
        assert len(shas) == 1
        sha = shas.pop()
        assert harvested.sql("SELECT count(*) FROM documents WHERE doc_id = ?", [sha])[0][0] == 1
        sources = {s for (s,) in harvested.sql("SELECT DISTINCT source_id FROM document_urls WHERE doc_id = ?", [sha])}
        assert len(sources) >= 2


def test_every_source_has_documents_or_a_reason(harvested):
    rows = harvested.sql("SELECT source_id, last_status, last_reason FROM sources WHERE coalesce(last_documents, 0) = 0")
    assert all(reason for _, _, reason in rows), rows


def test_every_document_has_text_or_a_reason(harvested):
    rows = harvested.sql("SELECT doc_id FROM documents WHERE coalesce(text_chars,0) = 0 AND coalesce(extraction_error,'') = ''")
    assert rows == []
