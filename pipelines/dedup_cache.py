"""What dedup computed on earlier nights: each document's fingerprint (MinHash signature) and the similarity of
each pair of documents it compared, so a night fingerprints only new documents and compares only pairs with one.

Both are functions of content (doc_id = sha256 of the bytes, its text fixed by the extraction cache), so they never
go stale while the parameters they were made with (`near_duplicates.fingerprint_params`) stay the same; a cache
made with other parameters is emptied, not reused. One SQLite file per data dir (`<data_dir>/dedup.sqlite`),
written in one transaction when the publish has clustered (before the warehouse is swapped in): a publish that
dies leaves a cache that is still right, since everything in it depends only on content. `smartharvest rebuild` starts without it.
"""
from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from transforms.near_duplicates import Fingerprint

FILE = "dedup.sqlite"


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(str(path), timeout=120)
    con.executescript(
        "CREATE TABLE IF NOT EXISTS params (params TEXT NOT NULL);"
        "CREATE TABLE IF NOT EXISTS fingerprints (doc_id TEXT PRIMARY KEY, words INTEGER NOT NULL, short_key TEXT,"
        " signature BLOB);"
        "CREATE TABLE IF NOT EXISTS similarities (a TEXT NOT NULL, b TEXT NOT NULL, similarity REAL NOT NULL,"
        " PRIMARY KEY (a, b)) WITHOUT ROWID;")
    return con


def _matching(con: sqlite3.Connection, params: str) -> bool:
    rows = con.execute("SELECT params FROM params").fetchall()
    return len(rows) == 1 and rows[0][0] == params


def load(path: Path, params: str) -> tuple[dict[str, Fingerprint], dict[tuple[str, str], float]]:
    """(fingerprints, pair similarities) kept for these parameters; empty when there is no cache or it was made
    with other parameters."""
    if not Path(path).exists():
        return {}, {}
    with closing(_connect(Path(path))) as con:
        if not _matching(con, params):
            return {}, {}
        fps = {d: Fingerprint(w, k, bytes(s) if s is not None else None)
               for d, w, k, s in con.execute("SELECT doc_id, words, short_key, signature FROM fingerprints")}
        sims = {(a, b): s for a, b, s in con.execute("SELECT a, b, similarity FROM similarities")}
    return fps, sims


def save(path: Path, params: str, fingerprints: dict[str, Fingerprint],
         similarities: dict[tuple[str, str], float]) -> dict[str, int]:
    """Add what is not kept yet (one transaction); returns how many fingerprints and pairs were new."""
    with closing(_connect(Path(path))) as con, con:
        if not _matching(con, params):
            con.execute("DELETE FROM params")
            con.execute("DELETE FROM fingerprints")
            con.execute("DELETE FROM similarities")
            con.execute("INSERT INTO params VALUES (?)", (params,))
        start = con.total_changes
        con.executemany("INSERT OR IGNORE INTO fingerprints VALUES (?, ?, ?, ?)",
                        ((d, f.words, f.short_key, f.signature) for d, f in sorted(fingerprints.items())))
        middle = con.total_changes
        con.executemany("INSERT OR IGNORE INTO similarities VALUES (?, ?, ?)",
                        ((a, b, s) for (a, b), s in sorted(similarities.items())))
        end = con.total_changes
    return {"new_fingerprints": middle - start, "new_pairs": end - middle}
