"""Content-addressed raw store: bytes named by their sha256, written atomically.

Layout: <raw_dir>/<sha[:2]>/<sha>. A write goes to a hidden temp file in the same
directory and is os.replace()d into place, so a killed writer never leaves a
partial file under a real name; stale temp files are swept by `sweep_partials`.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

TMP_PREFIX = ".tmp-"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def path_for(raw_dir: Path, sha: str) -> Path:
    return Path(raw_dir) / sha[:2] / sha


def put(raw_dir: Path, data: bytes) -> tuple[str, bool]:
    """Store bytes once; returns (sha256, newly_written)."""
    sha = sha256_of(data)
    target = path_for(raw_dir, sha)
    if target.exists():
        return sha, False
    write_atomic(target, data)
    return sha, True


def write_atomic(target: Path, data: bytes, prefix: str = TMP_PREFIX) -> None:
    """Write to a temp file beside target, fsync, then os.replace: readers see all or nothing."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=prefix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
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
