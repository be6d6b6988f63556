"""The first sighting of each document, read from every night's fetch log by DuckDB (not a Python row per fetch).

The first sighting names a document's URL, source, served content type and file name hint; extraction and
annotation read it here, so "when and where a document was first seen" is decided in one place: its earliest ok
document fetch (transforms.sightings keeps the same rule for the warehouse's first/last seen).
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from core import fetch_log

COLUMNS = ("sha256", "url", "final_url", "source_id", "content_type", "content_disposition", "link_text",
           "fetched_at")


def first_sightings(fetchlog_dir: Path) -> dict[str, dict]:
    """sha256 -> its earliest ok document fetch (ties: crawl, then URL)."""
    relation = fetch_log.duckdb_relation(fetchlog_dir)
    if relation is None:
        return {}
    con = duckdb.connect()
    try:
        cur = con.execute(
            f"SELECT {', '.join(COLUMNS)} FROM {relation} "
            "WHERE kind = 'document' AND outcome = 'ok' AND sha256 IS NOT NULL "
            "QUALIFY row_number() OVER (PARTITION BY sha256 ORDER BY fetched_at NULLS LAST, crawl_id, url) = 1")
        return {row[0]: dict(zip(COLUMNS, row)) for row in cur.fetchall()}
    finally:
        con.close()
