"""The raw store: bodies named by their sha256, stored whole or not at all; the crawl's writer stores them in groups."""
from __future__ import annotations

import threading

from core import raw_store


def _collect(writer_calls: list) -> callable:
    def deliver(batch_callbacks):
        writer_calls.append(threading.current_thread().name)
        batch_callbacks()
    return deliver


def test_the_batch_writer_stores_each_body_once_and_reports_it_after_the_group_is_stored(tmp_path):
    deliveries: list = []
    writer = raw_store.BatchWriter(tmp_path / "raw", _collect(deliveries))
    seen: list = []

    def done(stored, error):
        sha, _new = stored
        assert raw_store.get(tmp_path / "raw", sha) in bodies  # stored before it is reported
        seen.append((stored, error))

    bodies = [f"body {i}".encode() for i in range(300)] + [b"body 7"]
    for body in bodies:
        writer.put(body, done)
    writer.close()
    assert len(seen) == len(bodies) and all(error is None for _, error in seen)
    assert sum(1 for (sha, new), _ in seen if new) == 300  # the repeated body is not new
    assert {sha for (sha, _), _ in seen} == {raw_store.sha256_of(b) for b in bodies}
    assert 1 <= len(deliveries) < len(bodies)  # callbacks come per group, not per body
    assert not raw_store.partial_files(tmp_path / "raw")


def test_a_body_that_cannot_be_stored_comes_back_with_its_error(tmp_path):
    raw = tmp_path / "raw"
    writer = raw_store.BatchWriter(raw, lambda callbacks: callbacks())
    blocked = raw_store.sha256_of(b"x")[:2]
    (raw / blocked).write_bytes(b"a file where the shard directory should be")
    got: list = []
    writer.put(b"x", lambda stored, error: got.append((stored, error)))
    writer.put(b"y", lambda stored, error: got.append((stored, error)))
    writer.close()
    assert got[0][0] is None and isinstance(got[0][1], OSError)
    assert got[1][1] is None and raw_store.exists(raw, got[1][0][0])


def test_results_come_back_on_the_deliverer_and_a_failed_sync_fails_the_whole_group(tmp_path, monkeypatch):
    threads: list = []
    writer = raw_store.BatchWriter(tmp_path / "raw", lambda callbacks: (threads.append(threading.current_thread().name),
                                                                        callbacks()))
    got: list = []
    writer.put(b"kept", lambda stored, error: got.append((stored, error)))
    writer.close()
    assert threads == ["raw-store-writer"] and got[0][1] is None

    def no_sync(raw_dir, files):
        raise OSError("disk gone")

    monkeypatch.setattr(raw_store, "sync_files", no_sync)
    failing = raw_store.BatchWriter(tmp_path / "raw", lambda callbacks: callbacks())
    got.clear()
    for body in (b"new body", b"kept"):  # a new file and one already there: neither is reported as stored
        failing.put(body, lambda stored, error: got.append((stored, error)))
    failing.close()
    assert [stored for stored, _ in got] == [None, None] and all(isinstance(e, OSError) for _, e in got)
