"""The nightly harvest end to end against the demo web: coverage, politeness, idempotence, crash safety."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import pytest

from core import raw_store
from spiders.settings import USER_AGENT
from tests.conftest import ROOT, harvest

pytestmark = pytest.mark.slow


def _document_urls(h) -> set[str]:
    rows = h.sql("SELECT url, final_url FROM document_urls")
    return {u for row in rows for u in row if u}


def test_cli_prints_a_closing_summary(harvested):
    out = harvested.proc.stdout
    assert "smartharvest run: OK" in out
    for label in ("sites", "pages", "documents", "strategies", "errors", "time"):
        assert f"  {label}" in out
    assert "[crawl]" in harvested.proc.stderr  # progress while it runs
    # the sources beyond municipal websites, counted from the warehouse the run published
    projects, records, practices = (harvested.sql(f"SELECT count(*) FROM {t}")[0][0]
                                    for t in ("rd_projects", "strategy_registry", "good_practices"))
    assert f"{projects} R&D projects" in out and f"{records} Databáze strategií records" in out
    assert f"{practices} good practices" in out and projects > 0 and records > 0 and practices > 0


def test_reachable_documents_end_up_in_document_urls(demo_web, harvested):
    expected = [m for m in demo_web.manifest() if m["kind"] == "document" and m["expect_in_document_urls"]]
    assert len(expected) >= 50
    found = _document_urls(harvested)
    missing = [m["url"] for m in expected if m["url"] not in found]
    coverage = 1 - len(missing) / len(expected)
    assert coverage >= 0.95, f"coverage {coverage:.3f}; missing e.g. {missing[:10]}"


def _robots(port: int) -> RobotFileParser:
    rp = RobotFileParser()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=10) as resp:
        rp.parse(resp.read().decode("utf-8", "replace").splitlines())
    return rp


def test_no_request_breaks_robots_txt(demo_web, harvested):
    by_port = defaultdict(list)
    for r in demo_web.requests():
        if "smartharvest" in (r.get("user_agent") or ""):
            by_port[r["port"]].append(r["path_qs"])
    assert by_port, "the crawler's requests were not logged by the demo web"
    violations = []
    for port, paths in by_port.items():
        rp = _robots(port)
        for path in paths:
            if path != "/robots.txt" and not rp.can_fetch(USER_AGENT, f"http://127.0.0.1:{port}{path}"):
                violations.append(f"{port}{path}")
    assert not violations, violations[:20]


def test_no_request_leaves_the_sources(demo_web, harvested):
    source_ports = {urlsplit(s["start_url"]).port for s in _sources(demo_web)}
    crawler = [r for r in demo_web.requests() if "smartharvest" in (r.get("user_agent") or "")]
    outside = [r for r in crawler if r["port"] not in source_ports]
    assert not outside, outside[:5]
    # and the traps did offer such links
    assert any(s.get("foreign") for s in demo_web.sites())


def _sources(demo_web) -> list[dict]:
    import csv

    with open(demo_web.sources_csv, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_second_run_on_unchanged_web_adds_no_rows(demo_web, harvested, tmp_path_factory):
    before_docs = set(harvested.sql("SELECT doc_id FROM documents"))
    before_urls = set(harvested.sql("SELECT doc_id, url FROM document_urls"))
    fetches_before = harvested.sql("SELECT count(*) FROM fetches")[0][0]
    strategies_before = set(harvested.sql("SELECT strategy_id, doc_id FROM strategies"))
    clusters_before = set(harvested.sql("SELECT cluster_id, doc_id, role FROM document_clusters"))
    again = harvest(demo_web, harvested.data_dir)
    assert set(again.sql("SELECT strategy_id, doc_id FROM strategies")) == strategies_before  # stable ids
    assert set(again.sql("SELECT cluster_id, doc_id, role FROM document_clusters")) == clusters_before
    assert set(again.sql("SELECT doc_id FROM documents")) == before_docs
    assert set(again.sql("SELECT doc_id, url FROM document_urls")) == before_urls
    assert again.sql("SELECT count(*) FROM documents")[0][0] == len(before_docs)
    assert again.sql("SELECT count(*) FROM document_urls")[0][0] == len(before_urls)
    assert again.sql("SELECT count(*) FROM fetches")[0][0] > fetches_before  # the fetch log does grow: one row per fetch
    assert "0 new" in again.proc.stdout


def test_sigkill_mid_crawl_then_rerun_gives_the_same_documents(demo_web, harvested, tmp_path):
    data_dir = tmp_path / "killed"
    from pipelines.crawl_run import new_crawl_id

    env = {**os.environ, "SMARTHARVEST_DATA_DIR": str(data_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "spiders.crawl", "--sources", str(demo_web.sources_csv), "--crawl-id",
         new_crawl_id("killed"), "--profile", "test", "--data-dir", str(data_dir)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    total = harvested.sql("SELECT count(*) FROM documents")[0][0]
    deadline = time.time() + 120
    try:
        while time.time() < deadline:
            stored = sum(1 for _ in (data_dir / "raw").rglob("*")) if (data_dir / "raw").exists() else 0
            if stored >= max(5, total // 3):
                break
            if proc.poll() is not None:
                pytest.fail("the crawl finished before it could be killed half-way")
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    resumed = harvest(demo_web, data_dir)
    assert set(resumed.sql("SELECT doc_id FROM documents")) == set(harvested.sql("SELECT doc_id FROM documents"))
    assert raw_store.partial_files(data_dir / "raw") == []
    for (sha,) in resumed.sql("SELECT doc_id FROM documents"):
        assert raw_store.sha256_of(raw_store.get(data_dir / "raw", sha)) == sha


def test_every_table_and_column_is_commented_in_duckdb(harvested):
    from core.schema import TABLES

    tables = dict(harvested.sql("SELECT table_name, comment FROM duckdb_tables()"))
    assert set(TABLES) <= set(tables)
    assert all(tables[t] for t in TABLES)
    uncommented = harvested.sql(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND schema_name = 'main' "
        "AND coalesce(comment, '') = ''")
    assert uncommented == []


def test_every_column_has_the_type_the_schema_gives_it(harvested):
    from core.schema import TABLES

    actual = {(t, c): ty for t, c, ty in harvested.sql(
        "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main'")}
    expected = {(t.name, c.name): c.type for t in TABLES.values() for c in t.columns}
    assert {k: actual.get(k) for k in expected} == expected


def test_municipalities_carry_the_whole_registry_with_size_classes(harvested):
    total, classified, classes = harvested.sql(
        "SELECT count(*), count(size_class), count(DISTINCT size_class) FROM municipalities")[0]
    assert total == 6258
    assert classified == 6248  # 10 municipalities created in 2016 have no population in the registry
    assert classes == 5


def test_documents_know_their_municipality_from_the_source(demo_web, harvested):
    expected = {m["sha256"]: m["municipality_code"] for m in demo_web.manifest()
                if m["kind"] == "document" and m.get("sha256") and m.get("municipality_code") and m["expect_in_document_urls"]}
    got = dict(harvested.sql("SELECT doc_id, municipality_code FROM documents"))
    wrong = {sha: (code, got[sha]) for sha, code in expected.items() if sha in got and got[sha] != code
             and sha not in _shared_shas(demo_web)}
    assert not wrong


def _shared_shas(demo_web) -> set[str]:
    return {m["sha256"] for m in demo_web.manifest() if m.get("trap") == "duplicate_across_sites"}


def test_every_label_keeps_the_sentences_behind_it(harvested):
    """document_evidence holds, for each strategy and SMART document, the passages that made it one."""
    strategic = {d for (d,) in harvested.sql("SELECT doc_id FROM documents WHERE is_strategic")}
    smart = {d for (d,) in harvested.sql("SELECT doc_id FROM documents WHERE is_smart")}
    assert strategic and smart
    with_structure = {d for (d,) in harvested.sql(
        "SELECT DISTINCT doc_id FROM document_evidence WHERE field = 'is_strategic' AND kind = 'structure' "
        "AND text IS NOT NULL AND position IS NOT NULL")}
    assert strategic <= with_structure
    with_passages = {d for (d,) in harvested.sql(
        "SELECT DISTINCT doc_id FROM document_evidence WHERE field = 'is_smart' AND text IS NOT NULL")}
    assert smart <= with_passages
    untitled_source = harvested.sql("SELECT count(*) FROM documents WHERE title IS NOT NULL AND title_source IS NULL")
    assert untitled_source[0][0] == 0
