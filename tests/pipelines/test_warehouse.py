"""The publish step as a whole: what it does to the process that runs it, and a damaged input it survives."""
import gc
import sys

import duckdb
import pytest

from core import fetch_log
from core.settings import Settings, SettingsError
from pipelines import warehouse
from pipelines.extract import result_path


def test_no_cycle_collection_runs_while_publishing(tmp_path):
    """A collection walks the whole process's heap (in a night, all that earlier steps left), so publish pauses it."""
    started = []
    work = warehouse._publish.__code__  # publish's body; the collector is turned back on after it returns

    def callback(phase, info):
        frame = sys._getframe(1)
        while frame is not None and frame.f_code is not work:
            frame = frame.f_back
        if phase == "start" and frame is not None:  # a collection in the middle of the publish's work
            started.append(info["generation"])

    gc.callbacks.append(callback)
    try:
        result = warehouse.publish(Settings(data_dir=tmp_path))
    finally:
        gc.callbacks.remove(callback)
    assert result["tables"]["municipalities"] > 6000  # it did allocate plenty: the whole registry went through
    assert started == []


@pytest.mark.parametrize("enabled", [True, False])
def test_publish_leaves_the_cycle_collector_as_it_found_it(tmp_path, enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        warehouse.publish(Settings(data_dir=tmp_path))
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_a_failing_publish_turns_the_cycle_collector_back_on(tmp_path):
    (tmp_path / "warehouse.duckdb").mkdir()  # a directory where the warehouse file belongs
    with pytest.raises(SettingsError):
        warehouse.publish(Settings(data_dir=tmp_path))
    assert gc.isenabled()


def _one_document_crawl(settings: Settings, sha: str) -> None:
    fetchlog = settings.fetchlog_dir
    fetchlog.mkdir(parents=True, exist_ok=True)
    appender = fetch_log.JsonlAppender(fetch_log.fetches_path(fetchlog, "n1"), fetch_log.FETCHES)
    appender.write({"crawl_id": "n1", "source_id": "s", "url": "http://127.0.0.1/rozpocet.pdf", "kind": "document",
                    "outcome": "ok", "status": 200, "sha256": sha, "content_type": "application/pdf",
                    "fetched_at": "2026-11-28T02:00:00+00:00"})
    appender.close()


@pytest.mark.parametrize("damage", [b"\xff\xfe not UTF-8 \x80", b'{"doc_id": "cut sho'])
def test_a_damaged_extraction_result_is_a_failed_document_not_a_failed_publish(tmp_path, damage):
    settings = Settings(data_dir=tmp_path)
    sha = "ab" * 32
    _one_document_crawl(settings, sha)
    path = result_path(settings.extracted_dir, sha)
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    warehouse.publish(settings)
    con = duckdb.connect(str(settings.db_path), read_only=True)
    try:
        status, error = con.execute("SELECT extraction_status, extraction_error FROM documents").fetchone()
    finally:
        con.close()
    assert status == "failed" and "unreadable" in error and path.name in error
