"""The fetch log: one JSON line per HTTP fetch attempt, one file per crawl.

Files: <fetchlog_dir>/<crawl_id>.fetches.jsonl (table `fetches` of core.schema) and
<crawl_id>.sources.jsonl (table `source_crawls`, one line per source when the crawl
closes it); every line is checked against its table before it is written. Lines are flushed one by one; a crawl killed mid-line leaves a
truncated last line, which readers skip.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Iterator

from core.schema import DATE, TABLES, TEXT, TIME, Table, conform

# the two record kinds; their columns, types and descriptions are the tables `fetches` and `source_crawls`
FETCHES, SOURCE_CRAWLS = TABLES["fetches"], TABLES["source_crawls"]
FETCH_FIELDS, SOURCE_FIELDS = FETCHES.names, SOURCE_CRAWLS.names


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def new_crawl_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"


def fetches_path(fetchlog_dir: Path, crawl_id: str) -> Path:
    return Path(fetchlog_dir) / f"{crawl_id}.fetches.jsonl"


def sources_path(fetchlog_dir: Path, crawl_id: str) -> Path:
    return Path(fetchlog_dir) / f"{crawl_id}.sources.jsonl"


class JsonlAppender:
    """Appends one JSON object per line and flushes it, so a kill loses at most one line; with a `table`, each
    record is first conformed to it (columns in order, types checked)."""

    def __init__(self, path: Path, table: Table | None = None) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.path = Path(path)
        self.table = table
        self._fh: IO[str] = open(path, "a", encoding="utf-8")

    def write(self, record: dict) -> None:
        if self.table is not None:
            record = conform(self.table, record)
        self._fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def read_jsonl(path: Path) -> Iterator[dict]:
    """Yield complete records; a truncated (killed) last line is skipped."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.endswith("\n"):
                break
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue


def fetch_files(fetchlog_dir: Path) -> list[Path]:
    return sorted(Path(fetchlog_dir).glob("*.fetches.jsonl"))


def source_files(fetchlog_dir: Path) -> list[Path]:
    return sorted(Path(fetchlog_dir).glob("*.sources.jsonl"))


def compacted_path(jsonl: Path) -> Path:
    """The Parquet copy of a finished crawl's fetch log (<crawl_id>.fetches.parquet), written once by the publish."""
    return Path(jsonl).with_suffix(".parquet")


def fresh_compacted(jsonl: Path) -> Path | None:
    """The Parquet copy when it is at least as new as its JSONL (a crawl re-run under the same id makes it stale)."""
    parquet = compacted_path(jsonl)
    try:
        return parquet if parquet.stat().st_mtime_ns >= Path(jsonl).stat().st_mtime_ns else None
    except OSError:
        return None


def _quoted(paths: list[str]) -> str:
    return ", ".join("'" + f.replace("'", "''") + "'" for f in paths)


def json_relation(files: list[Path]) -> str:
    """SQL reading fetch-log JSONL files (columns of the `fetches` table, times as ISO text)."""
    columns = ", ".join(f"'{c.name}': '{TEXT if c.type in (DATE, TIME) else c.type}'" for c in FETCHES.columns)
    return (f"(SELECT * FROM read_json([{_quoted([str(f) for f in files])}], format='newline_delimited', "
            f"columns={{{columns}}}, ignore_errors=true) WHERE crawl_id IS NOT NULL)")


def duckdb_relation(fetchlog_dir: Path) -> str | None:
    """SQL for every night's fetch log as one DuckDB relation (columns of the `fetches` table, times as ISO text);
    None without any fetch log. A finished night is read from its Parquet copy (parsed once), the others from
    JSONL, where a line cut by a killed crawl reads as nulls and is left out."""
    files = fetch_files(fetchlog_dir)
    if not files:
        return None
    fresh = {f: fresh_compacted(f) for f in files}  # judged once: a compaction may land meanwhile
    parquet = [str(c) for c in fresh.values() if c is not None]
    jsonl = [f for f, c in fresh.items() if c is None]
    parts = ([f"(SELECT * FROM read_parquet([{_quoted(parquet)}]))"] if parquet else []) + \
        ([json_relation(jsonl)] if jsonl else [])
    return "(" + " UNION ALL BY NAME ".join(f"SELECT * FROM {p}" for p in parts) + ")"  # older copies may lack a column
