"""The real server on loopback (a `--sites 8` web in a child process)."""
from __future__ import annotations

import hashlib
import http.client
import subprocess
import sys
import time
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.slow

UA = "demo-web-test/1.0"


def fetch(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), headers={"User-Agent": UA})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def _rows(served, **where):
    return [r for r in served.manifest() if all(r.get(k) == v for k, v in where.items())]


def test_every_site_answers_and_robots_txt(served):
    sites = served.sites()
    assert len(sites) == 8 + 3 + 1
    for s in sites:
        status, headers, body = fetch(s["start_url"])
        assert status == 200 and headers["content-type"].startswith("text/html")
    blocked = next(s for s in sites if s["robots"] == "disallow_all")
    status, headers, body = fetch(blocked["start_url"] + "robots.txt")
    text = body.decode()
    assert status == 200 and "User-agent: *\nDisallow: /\n" in text and "SeznamBot" in text
    section = next(s for s in sites if s["robots"] == "disallow_section")
    assert "Disallow: /interni/" in fetch(section["start_url"] + "robots.txt")[2].decode()


def test_vismo_attachment_has_content_disposition(served):
    rows = [r for r in _rows(served, cms="vismo", http_status=200, kind="document")
            if "/assets/File.ashx?" in r["url"] and r["trap"] is None and r["format"] == "pdf"]
    assert rows
    r = rows[0]
    status, headers, body = fetch(r["url"])
    assert status == 200 and headers["content-type"] == "application/pdf"
    cd = headers["content-disposition"]
    assert cd.startswith("attachment; filename=\"") and "filename*=UTF-8''" in cd
    assert body.startswith(b"%PDF") and hashlib.sha256(body).hexdigest() == r["sha256"]


def test_windows_1250_page(served):
    r = _rows(served, trap="windows1250_page")[0]
    status, headers, body = fetch(r["url"])
    assert headers["content-type"] == "text/html; charset=windows-1250"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = body.decode("cp1250")
    assert "Ke stažení" in text and 'charset=windows-1250' in text
    assert hashlib.sha256(body).hexdigest() == r["sha256"]


def test_errors_and_redirects(served):
    for r in _rows(served, trap="not_found_404"):
        assert fetch(r["url"])[0] == 404
    for r in _rows(served, trap="server_error_500"):
        assert fetch(r["url"])[0] == 500
        assert fetch(r["url"])[0] == 500  # always
    for trap, code in (("redirect_301", 301), ("redirect_302", 302)):
        for r in _rows(served, trap=trap):
            status, headers, _ = fetch(r["url"])
            assert status == code
            target = urlsplit(r["url"])._replace(path=urlsplit(headers["location"]).path,
                                                 query=urlsplit(headers["location"]).query).geturl()
            assert target == r["redirects_to"]
            status, _, body = fetch(target)
            assert status == 200
            if r["sha256"]:
                assert hashlib.sha256(body).hexdigest() == r["sha256"]


def test_traps_on_the_wire(served):
    slow = _rows(served, trap="slow_response")[0]
    t0 = time.monotonic()
    status, _, _ = fetch(slow["url"])
    assert status == 200 and 1.9 <= time.monotonic() - t0 < 5
    for r in _rows(served, trap="mislabelled_content_type"):
        status, headers, body = fetch(r["url"])
        if r["format"] == "pdf":
            assert headers["content-type"].startswith("text/html") and body.startswith(b"%PDF")
        else:
            assert headers["content-type"] == "application/octet-stream" and body.startswith(b"PK")
            assert "content-disposition" not in headers
    big = _rows(served, trap="oversized_file")[0]
    status, headers, _ = fetch(big["url"], "HEAD")
    assert status == 200 and int(headers["content-length"]) > 8 * 1024 * 1024
    foreign = next(s for s in served.sites() if s["foreign"])
    assert foreign["start_url"] not in served.sources_csv.read_text(encoding="utf-8")
    assert fetch(foreign["start_url"])[0] == 200


def test_head_has_no_body(served):
    url = served.sites()[0]["start_url"]
    status, headers, body = fetch(url, "HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 0


def test_requests_are_logged(served):
    url = served.sites()[1]["start_url"] + "kontrola-logu"
    fetch(url)
    time.sleep(0.2)
    logged = [r for r in served.requests() if r["path_qs"] == "/kontrola-logu"]
    assert logged and logged[-1]["status"] == 404 and logged[-1]["user_agent"] == UA
    assert logged[-1]["site_id"] == served.sites()[1]["site_id"] and logged[-1]["method"] == "GET"
    assert {"ts", "port"} <= set(logged[-1])


def test_taken_port_fails_with_a_clear_message(served, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "demo_web", "serve", "--out", str(tmp_path), "--sites", "1",
                           "--base-port", str(served.base_port), "--hashes", "no"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    assert str(served.base_port) in proc.stderr and "--base-port" in proc.stderr


def test_full_responses_carry_an_etag_and_a_current_copy_gets_304_without_a_body():
    from demo_web.routing import Reply
    from demo_web.server import conditional

    full = conditional(Reply(200, {"Content-Type": "application/pdf", "Last-Modified": "Tue, 03 Nov 2026 10:00:00 GMT"},
                             b"%PDF-1.4 x"), {})
    etag = full.headers["ETag"]
    assert full.status == 200 and full.body == b"%PDF-1.4 x"
    same = conditional(Reply(200, dict(full.headers), b"%PDF-1.4 x"), {"If-None-Match": etag})
    assert same.status == 304 and same.body == b"" and same.headers["ETag"] == etag
    changed = conditional(Reply(200, {}, b"%PDF-1.4 y"), {"If-None-Match": etag})
    assert changed.status == 200 and changed.body == b"%PDF-1.4 y"
    since = conditional(Reply(200, {"Last-Modified": "Tue, 03 Nov 2026 10:00:00 GMT"}, b"x"),
                        {"If-Modified-Since": "Wed, 04 Nov 2026 10:00:00 GMT"})
    assert since.status == 304
    older = conditional(Reply(200, {"Last-Modified": "Tue, 03 Nov 2026 10:00:00 GMT"}, b"x"),
                        {"If-Modified-Since": "Mon, 02 Nov 2026 10:00:00 GMT"})
    assert older.status == 200
    assert conditional(Reply(404, {}, b"no"), {"If-None-Match": "*"}).status == 404
