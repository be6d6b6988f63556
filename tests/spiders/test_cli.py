"""The command line: help, refusing to start with a clear message, resuming after SIGKILL."""
from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from core import raw_store
from tests.spiders.conftest import ROOT, clean_env, crawl_cmd, read_jsonl, run_crawl, write_sources
from tests.spiders.fixture_server import FixtureWeb, Route


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "spiders.crawl", *args], cwd=ROOT, env=clean_env(),
                          capture_output=True, text=True, timeout=60)


def test_help():
    proc = _cli("--help")
    assert proc.returncode == 0
    for word in ("--sources", "--crawl-id", "--profile", "--data-dir", "production", "robots.txt"):
        assert word in proc.stdout


@pytest.mark.parametrize("content,message", [
    (None, "does not exist"),
    ("source_id,kind,start_url,municipality_code\na,municipal_site,ftp://x/,1\n", "not an http(s) URL"),
    ("source_id,kind,start_url,municipality_code\na,castle,http://x/,1\n", "unknown kind"),
])
def test_bad_sources_file_exits_2_with_a_message(tmp_path, content, message):
    path = tmp_path / "sources.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    proc = _cli("--sources", str(path), "--crawl-id", "x", "--data-dir", str(tmp_path / "data"))
    assert proc.returncode == 2
    assert "spiders.crawl: error:" in proc.stderr and message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_crawl_id_exits_2(tmp_path):
    src = write_sources(tmp_path / "s.csv", [("a", "municipal_site", "http://127.0.0.1:9/")])
    proc = _cli("--sources", str(src), "--crawl-id", "../evil", "--data-dir", str(tmp_path / "data"))
    assert proc.returncode == 2 and "crawl id" in proc.stderr


def _many_site(n: int, delay: float) -> tuple[dict[str, Route], set[str]]:
    html = {"Content-Type": "text/html; charset=utf-8"}
    links = "".join(f'<li><a href="/p/{i}.html">Stránka {i}</a></li>' for i in range(n))
    routes = {
        "/robots.txt": Route(200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /admin/\n"),
        "/": Route(200, html, f"<html><body><ul>{links}</ul></body></html>".encode(), delay=delay),
    }
    shas = set()
    for i in range(n):
        routes[f"/p/{i}.html"] = Route(200, html, f'<html><body><a href="/d/{i}.pdf">Dokument {i}</a></body></html>'
                                       .encode(), delay=delay)
        pdf = b"%PDF-1.4\n% document " + str(i).encode() + b"\n%%EOF\n"
        routes[f"/d/{i}.pdf"] = Route(200, {"Content-Type": "application/pdf"}, pdf, delay=delay)
        shas.add(hashlib.sha256(pdf).hexdigest())
    return routes, shas


def test_sigkill_then_rerun_with_a_new_crawl_id_gives_all_documents(tmp_path):
    # each answer takes 0.3 s (it was 0.08 s): slow enough that the kill lands mid-crawl even when a loaded machine
    # makes the raw store's group sync slow and the log lines arrive in bursts
    routes, expected = _many_site(40, delay=0.3)
    with FixtureWeb({"many": routes}) as web:
        sources = write_sources(tmp_path / "sources.csv", [("many", "municipal_site", web.url("many"))])
        data = tmp_path / "data"
        proc = subprocess.Popen(crawl_cmd(sources, "killed", data), cwd=ROOT, env=clean_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        log = data / "fetchlog" / "killed.fetches.jsonl"
        deadline = time.time() + 60
        try:
            while time.time() < deadline:
                done = sum(1 for r in read_jsonl(log) if r["kind"] == "document") if log.exists() else 0
                if done >= 8:
                    break
                assert proc.poll() is None, "the crawl finished before it could be killed"
                time.sleep(0.02)
            os.killpg(proc.pid, signal.SIGKILL)
        finally:
            proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        killed_docs = {r["sha256"] for r in read_jsonl(log) if r["kind"] == "document"}
        assert 0 < len(killed_docs) < len(expected)
        # a writer killed mid-write leaves a temp file; the next crawl sweeps it
        stale = data / "raw" / "ab" / f"{raw_store.TMP_PREFIX}killed"
        stale.parent.mkdir(parents=True, exist_ok=True)
        stale.write_bytes(b"half a file")

        again = run_crawl(sources, "resumed", data)
        assert again.returncode == 0, again.stderr[-3000:]
        swept = re.search(r"removed (\d+) partial raw file", again.stderr)
        assert swept and int(swept.group(1)) >= 1, again.stderr[:2000]  # ours, maybe one of the killed crawl
    rows = read_jsonl(data / "fetchlog" / "resumed.fetches.jsonl")
    docs = {r["sha256"] for r in rows if r["kind"] == "document" and r["outcome"] == "ok"}
    assert docs == expected
    assert raw_store.partial_files(data / "raw") == []
    for sha in expected:
        assert raw_store.sha256_of(raw_store.get(data / "raw", sha)) == sha
    summary = read_jsonl(data / "fetchlog" / "resumed.sources.jsonl")[0]
    assert summary["status"] == "ok" and summary["documents"] == 40


def test_depth_and_page_limits(tmp_path):
    html = {"Content-Type": "text/html"}
    n = 420  # more than the test profile's SMARTHARVEST_MAX_PAGES_PER_SITE (400)
    links = "".join(f'<a href="/p/{i}">{i}</a>' for i in range(n))
    wide = {"/": Route(200, html, f"<html><body>{links}</body></html>".encode())}
    for i in range(n):
        wide[f"/p/{i}"] = Route(200, html, b"<html><body>leaf</body></html>")
    deep = {"/": Route(200, html, b'<html><body><a href="/c/1">chain</a></body></html>')}
    for i in range(1, 10):
        deep[f"/c/{i}"] = Route(200, html, f'<html><body><a href="/c/{i + 1}">next</a></body></html>'.encode())
    with FixtureWeb({"wide": wide, "deep": deep}) as web:
        sources = write_sources(tmp_path / "s.csv", [("wide", "municipal_site", web.url("wide")),
                                                     ("deep", "municipal_site", web.url("deep"))])
        proc = run_crawl(sources, "limits", tmp_path / "data")
        assert proc.returncode == 0, proc.stderr[-3000:]
        # DEPTH_LIMIT = 5 in the test profile: /c/5 is at depth 5, /c/6 would be 6
        assert "/c/5" in web.paths("deep") and "/c/6" not in web.paths("deep")
        assert len([p for p in web.paths("wide") if p != "/robots.txt"]) == 400  # start page included
    rows = {r["source_id"]: r for r in read_jsonl(tmp_path / "data" / "fetchlog" / "limits.sources.jsonl")}
    assert rows["wide"]["status"] == "no_documents" and "page limit reached" in rows["wide"]["reason"]
    assert rows["wide"]["complete"] is False  # it did not look everywhere: it cannot show a document is gone
    assert "page limit" not in rows["deep"]["reason"]
