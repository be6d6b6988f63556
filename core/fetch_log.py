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


def duckdb_relation(fetchlog_dir: Path) -> str | None:
    """SQL for every night's fetch log as one DuckDB relation (read_json; columns of the `fetches` table, times as
    ISO text); None without any fetch log. A line cut by a killed crawl reads as nulls: filter on crawl_id."""
    files = [str(f) for f in fetch_files(fetchlog_dir)]
    if not files:
        return None
    columns = ", ".join(f"'{c.name}': '{TEXT if c.type in (DATE, TIME) else c.type}'" for c in FETCHES.columns)
    paths = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
    return (f"(SELECT * FROM read_json([{paths}], format='newline_delimited', columns={{{columns}}}, "
            f"ignore_errors=true) WHERE crawl_id IS NOT NULL)")
