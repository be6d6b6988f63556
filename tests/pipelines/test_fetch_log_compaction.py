"""Each night's fetch log is parsed once: the publish copies a finished crawl's JSONL to Parquet and later nights
read that copy; what they read is the same rows."""
import json
import os

import duckdb

from core import fetch_log
from pipelines.warehouse import compact_finished


def _crawl(dirpath, crawl_id, n, finished=True):
    appender = fetch_log.JsonlAppender(fetch_log.fetches_path(dirpath, crawl_id), fetch_log.FETCHES)
    for i in range(n):
        appender.write({"crawl_id": crawl_id, "source_id": "s", "url": f"http://127.0.0.1/{crawl_id}/{i}",
                        "kind": "page", "outcome": "ok", "status": 200, "fetched_at": "2026-11-28T02:00:00+00:00"})
    appender.close()
    if finished:
        (dirpath / f"{crawl_id}.summary.json").write_text(json.dumps({"crawl_id": crawl_id}), encoding="utf-8")


def _rows(dirpath):
    con = duckdb.connect()
    try:
        return sorted(con.execute(f"SELECT * FROM {fetch_log.duckdb_relation(dirpath)}").fetchall(), key=repr)
    finally:
        con.close()


def test_finished_crawls_are_read_from_parquet_with_the_same_rows(tmp_path):
    _crawl(tmp_path, "n1", 5)
    _crawl(tmp_path, "n2", 3)
    _crawl(tmp_path, "running", 2, finished=False)
    before = _rows(tmp_path)
    con = duckdb.connect()
    assert compact_finished(con, tmp_path) == 2
    assert compact_finished(con, tmp_path) == 0  # once
    con.close()
    assert sorted(p.name for p in tmp_path.glob("*.parquet")) == ["n1.fetches.parquet", "n2.fetches.parquet"]
    assert "read_parquet" in fetch_log.duckdb_relation(tmp_path)
    assert _rows(tmp_path) == before and len(before) == 10


def test_a_crawl_rerun_under_the_same_id_is_read_from_its_new_log_not_the_stale_copy(tmp_path):
    _crawl(tmp_path, "n1", 5)
    con = duckdb.connect()
    compact_finished(con, tmp_path)
    con.close()
    fetch_log.fetches_path(tmp_path, "n1").unlink()
    _crawl(tmp_path, "n1", 2)
    newer = os.stat(fetch_log.compacted_path(fetch_log.fetches_path(tmp_path, "n1"))).st_mtime_ns + 1_000_000
    os.utime(fetch_log.fetches_path(tmp_path, "n1"), ns=(newer, newer))
    assert len(_rows(tmp_path)) == 2
