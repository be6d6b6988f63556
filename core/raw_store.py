"""Content-addressed raw store: bytes named by their sha256, written atomically.

Layout: <raw_dir>/<sha[:2]>/<sha>. A write goes to a hidden temp file in the same
directory and is os.replace()d into place, so a killed writer never leaves a
partial file under a real name; stale temp files are swept by `sweep_partials`. The crawl stores through a
`BatchWriter` (one thread, one syncfs per group of files); other writers call `put` / `write_atomic`.
"""
from __future__ import annotations

import ctypes
import hashlib
import os
import queue
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Optional

TMP_PREFIX = ".tmp-"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def path_for(raw_dir: Path, sha: str) -> Path:
    return Path(raw_dir) / sha[:2] / sha


def put(raw_dir: Path, data: bytes, sync: bool = True) -> tuple[str, bool]:
    """Store bytes once; returns (sha256, newly_written). sync=False: the caller syncs a whole group (BatchWriter)."""
    sha = sha256_of(data)
    target = path_for(raw_dir, sha)
    if target.exists():
        return sha, False
    write_atomic(target, data, sync=sync)
    return sha, True


def write_atomic(target: Path, data: bytes, prefix: str = TMP_PREFIX, sync: bool = True) -> None:
    """Write to a temp file beside target, fsync (unless the caller syncs a whole batch), then os.replace: readers
    see all or nothing."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=prefix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def get(raw_dir: Path, sha: str) -> bytes:
    return path_for(raw_dir, sha).read_bytes()


def exists(raw_dir: Path, sha: str) -> bool:
    return path_for(raw_dir, sha).exists()


def partial_files(raw_dir: Path) -> list[Path]:
    """Temp files left by a writer that died mid-write."""
    raw_dir = Path(raw_dir)
    if not raw_dir.exists():
        return []
    return sorted([*raw_dir.glob(f"{TMP_PREFIX}*"), *raw_dir.glob(f"*/{TMP_PREFIX}*")])


def sweep_partials(raw_dir: Path) -> int:
    """Delete leftovers of killed writers; returns how many were removed."""
    removed = 0
    for p in partial_files(raw_dir):
        try:
            p.unlink()
            removed += 1
        except FileNotFoundError:
            pass
    return removed


Stored = Callable[[Optional[tuple[str, bool]], Optional[OSError]], None]  # (sha256, new) or the error


# A group is made durable by one syncfs, whose system time is most of what storing costs the crawl beyond bare
# Scrapy: groups of up to 0.1 s (was 0.02 s) cut the crawl's system time at 200 demo sites from ~4.5 s to ~2.6 s
# (bench/crawl_speed.py). A body's fetch-log line waits at most that long; the scraper's own memory limit still
# bounds the bodies waiting.
GROUP_MAX = 512
GROUP_WAIT_S = 0.1


class BatchWriter:
    """Stores bodies on one background thread in groups (the crawl's reactor never waits on the disk): a group's
    files are written (temp file + rename), made durable together by one syncfs of the store's file system
    instead of an fsync per file, and only then is each body's `done` called, through `deliver` once per group
    (the crawl passes reactor.callFromThread). A caller that writes its fetch-log line in `done` therefore never
    names a body that is not safely stored; bodies still queued when the process dies are simply refetched."""

    def __init__(self, raw_dir: Path, deliver: Callable[[Callable[[], None]], None],
                 max_batch: int = GROUP_MAX, max_wait_s: float = GROUP_WAIT_S) -> None:
        self.raw_dir = Path(raw_dir)
        self.raw_dir.mkdir(parents=True, exist_ok=True)
        self._deliver, self._max_batch, self._max_wait_s = deliver, max_batch, max_wait_s
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="raw-store-writer", daemon=True)
        self._thread.start()

    def put(self, data: bytes, done: Stored) -> None:
        self._queue.put((data, done))

    def close(self) -> None:
        """Store what is queued, then stop the thread."""
        self._queue.put(None)
        self._thread.join()

    def _run(self) -> None:
        stop = False
        while not stop:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            deadline = time.monotonic() + self._max_wait_s
            while len(batch) < self._max_batch:
                try:
                    item = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                batch.append(item)
            try:
                results = self._store(batch)
            except Exception as exc:  # noqa: BLE001 - never leave a caller waiting: every body gets the error
                err = exc if isinstance(exc, OSError) else OSError(f"{type(exc).__name__}: {exc}")
                results = [(done, None, err) for _, done in batch]
            self._deliver(lambda results=results: [done(stored, error) for done, stored, error in results])

    def _store(self, batch: list) -> list:
        results, to_sync = [], []
        for data, done in batch:
            try:
                sha, new = put(self.raw_dir, data, sync=False)
                to_sync.append(path_for(self.raw_dir, sha))  # a file already there too: a killed writer may have
                results.append((done, (sha, new), None))      # renamed it unsynced
            except OSError as exc:
                results.append((done, None, exc))
        if to_sync:
            try:
                sync_files(self.raw_dir, to_sync)
            except OSError as exc:  # not durable: say so for every body of the group
                results = [(done, None, exc) if stored is not None else (done, stored, error)
                           for done, stored, error in results]
        return results


def _syncfs():
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.syncfs
    except (OSError, AttributeError):
        return None


_SYNCFS = _syncfs()


def sync_files(raw_dir: Path, files: list[Path]) -> None:
    """Make written files and their renames durable: one syncfs of the file system (Linux), else an fsync each and
    of their directories."""
    if _SYNCFS is not None:
        fd = os.open(raw_dir, os.O_RDONLY | os.O_DIRECTORY)
        try:
            if _SYNCFS(fd) == 0:
                return
        finally:
            os.close(fd)
    for path in [*files, *{f.parent for f in files}, Path(raw_dir)]:  # the store itself: a new shard dir's entry
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
