"""Night after night (issue 9): a second night on an unchanged web asks every URL conditionally, downloads no file
body again, extracts and annotates nothing again, and publishes the same tables."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, SMALL_WEB_SITES

pytestmark = pytest.mark.slow


def _night(sources: Path, data: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTHARVEST_") and k != "DAGSTER_HOME"}
    proc = subprocess.run([sys.executable, "-m", "smartharvest", "run", "--sources", str(sources), "--data-dir",
                           str(data), "--profile", "test"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0 and "smartharvest run: OK" in proc.stdout, proc.stderr[-4000:]
    return proc.stdout


def _fetches(data: Path) -> list[list[dict]]:
    """The fetch log of each night, oldest first."""
    return [[json.loads(line) for line in f.read_text(encoding="utf-8").splitlines()]
            for f in sorted((data / "fetchlog").glob("*.fetches.jsonl"))]


def _tables(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": sorted(con.execute("SELECT doc_id, title, doc_type, is_strategic, is_smart FROM documents").fetchall(), key=repr),
            "document_urls": sorted(con.execute("SELECT doc_id, url FROM document_urls").fetchall()),
            "strategies": sorted(con.execute("SELECT strategy_id FROM strategies").fetchall()),
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def two_nights(tmp_path_factory):
    from demo_web.process import DemoWebProcess, free_port_base, ports_needed

    with DemoWebProcess(tmp_path_factory.mktemp("web"), sites=SMALL_WEB_SITES,
                        base_port=free_port_base(ports_needed(SMALL_WEB_SITES))) as web:
        data = tmp_path_factory.mktemp("data")
        first = _night(web.sources_csv, data)
        after_first = _tables(data / "warehouse.duckdb")
        raw_after_first = sorted(p.name for p in (data / "raw").rglob("*") if p.is_file())
        second = _night(web.sources_csv, data)
        yield {"data": data, "outputs": (first, second), "tables": (after_first, _tables(data / "warehouse.duckdb")),
               "raw": (raw_after_first, sorted(p.name for p in (data / "raw").rglob("*") if p.is_file()))}


def test_the_second_night_downloads_no_body_it_already_has(two_nights):
    night1, night2 = _fetches(two_nights["data"])
    full1 = {r["url"] for r in night1 if r["status"] == 200}
    assert full1
    again = [r for r in night2 if r["url"] in full1 and r["status"] != 304]
    assert again == []
    assert all(r["content_length"] is None for r in night2 if r["status"] == 304)


def test_an_unchanged_url_keeps_its_content_hash(two_nights):
    night1, night2 = _fetches(two_nights["data"])
    sha1 = {r["url"]: r["sha256"] for r in night1 if r["status"] == 200}
    assert {r["url"]: r["sha256"] for r in night2 if r["status"] == 304} == sha1


def test_pages_answered_304_are_still_followed_from_the_stored_copy(two_nights):
    night1, night2 = _fetches(two_nights["data"])
    assert {(r["url"], r["kind"]) for r in night2} == {(r["url"], r["kind"]) for r in night1}


def test_nothing_is_extracted_or_annotated_again_and_the_tables_are_the_same(two_nights):
    first, second = two_nights["outputs"]
    assert "0 new;" in second
    assert "annotated now: 0)" in second
    assert "dedup      0 documents fingerprinted and 0 pairs compared now" in second
    assert "dedup      0 " not in first
    retried = [line for line in second.splitlines() if line.strip().startswith("extraction")]
    # only documents whose extraction failed are tried again
    assert retried and " 0 ok," in retried[0], retried
    before, after = two_nights["tables"]
    assert before == after
    assert two_nights["raw"][0] == two_nights["raw"][1]


def _every_table(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [n for (n,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {n: sorted(map(repr, con.execute(f"SELECT * FROM {n}").fetchall())) for n in names}
    finally:
        con.close()


def test_rebuild_from_the_raw_store_gives_the_incremental_tables(two_nights):
    """Runs last: it replaces the caches and the warehouse of the two nights."""
    data = two_nights["data"]
    incremental = _every_table(data / "warehouse.duckdb")
    before = {p.name for p in (data / "extracted").rglob("*.json")}
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTHARVEST_") and k != "DAGSTER_HOME"}
    proc = subprocess.run([sys.executable, "-m", "smartharvest", "rebuild", "--data-dir", str(data)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "[rebuild]" in proc.stderr and "to extract" in proc.stderr  # it really extracted again
    assert _every_table(data / "warehouse.duckdb") == incremental
    assert {p.name for p in (data / "extracted").rglob("*.json")} == before
    assert not (data / ".rebuild").exists()
