"""Health verdicts on a finished harvest, for asset checks and the CLI (each returns problems, empty = healthy)."""
from __future__ import annotations

import duckdb

from core import raw_store
from pipelines import crawl_run
from core.sources import crawlable, load_sources, read_only_file
from core.settings import Settings


def unexplained_sources(settings: Settings, crawl_id: str) -> list[str]:
    """Sources of the crawl that yielded no document and have no recorded reason (or no outcome at all)."""
    snapshot = settings.fetchlog_dir / f"{crawl_id}.sources.csv"
    only_file = settings.fetchlog_dir / f"{crawl_id}.only.txt"  # a run of some partitions, or an adaptive night
    only = read_only_file(only_file) if only_file.exists() else None
    outcomes = {o["source_id"]: o for o in crawl_run.read_source_outcomes(settings, crawl_id)}
    problems = []
    for src in crawlable(load_sources(snapshot), only):
        o = outcomes.get(src.source_id)
        if o is None:
            problems.append(f"{src.source_id}: no outcome recorded")
        elif not o.get("documents") and not o.get("reason"):
            problems.append(f"{src.source_id}: no documents and no reason (status {o.get('status')})")
    return problems


def source_status_counts(settings: Settings, crawl_id: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for o in crawl_run.read_source_outcomes(settings, crawl_id):
        counts[o.get("status") or "unknown"] = counts.get(o.get("status") or "unknown", 0) + 1
    return counts


def documents_without_text_or_reason(settings: Settings) -> list[str]:
    """doc_ids in the warehouse that have neither text nor an extraction_error."""
    con = duckdb.connect(str(settings.db_path), read_only=True)
    try:
        rows = con.execute(
            "SELECT doc_id FROM documents WHERE coalesce(text_chars, 0) = 0 "
            "AND coalesce(extraction_error, '') = '' ORDER BY doc_id").fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


def partial_raw_files(settings: Settings) -> list[str]:
    return [str(p) for p in raw_store.partial_files(settings.raw_dir)]


def latest_source_health(settings: Settings) -> list[dict]:
    """Each source's latest source_health row (flags judged against its own history), flagged sources first."""
    con = duckdb.connect(str(settings.db_path), read_only=True)
    try:
        cur = con.execute(
            "SELECT * FROM source_health QUALIFY row_number() OVER (PARTITION BY source_id "
            "ORDER BY started_at DESC NULLS LAST, crawl_id DESC) = 1 "
            "ORDER BY len(flags) = 0, source_id")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]
    finally:
        con.close()


def flag_counts(rows: list[dict]) -> dict[str, int]:
    """How many sources carry each flag."""
    counts: dict[str, int] = {}
    for r in rows:
        for f in r["flags"]:
            counts[f] = counts.get(f, 0) + 1
    return dict(sorted(counts.items()))


def unread_records(settings: Settings) -> list[dict]:
    """Records of feeds, data files and portal pages that were not read at all (record_problems.record_kept is
    false), with where and why; the published warehouse's view."""
    con = duckdb.connect(str(settings.db_path), read_only=True)
    try:
        cur = con.execute("SELECT kind, source_id, file_url, position, reason FROM record_problems "
                          "WHERE NOT record_kept ORDER BY kind, source_id, file_url, line NULLS FIRST, position")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]
    finally:
        con.close()


def count_by(rows: list[dict], key: str) -> dict[str, int]:
    """How many rows per value of `key`, in value order."""
    out: dict[str, int] = {}
    for r in rows:
        out[str(r[key])] = out.get(str(r[key]), 0) + 1
    return dict(sorted(out.items()))
