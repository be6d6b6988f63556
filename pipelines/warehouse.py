"""Publish the warehouse: rebuild every table into `<db>.tmp`, then atomically replace `<db>`.

Readers (analysts, the Dagster UI) may hold the old file open: they keep their
snapshot, new connections see the new one, and the writer never waits for a lock
(see ENGINEERING.md, "DuckDB is one writer per file"). Every table is derived from
the append-only fetch log, the extraction cache and the seeds, so a rerun rebuilds
the same rows and never duplicates them.
"""
from __future__ import annotations

import csv
import json
import os
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from pipelines import fetch_log
from pipelines.warehouse_schema import TABLES
from smartharvest.settings import Settings
from transforms.size_class import size_class
from transforms.sniff import filename_from_disposition

MUNICIPALITY_COLUMNS = {
    "municipality_code": "kod_obce", "name": "nazev_obce", "official_name": "nazev_ucetni_jednotky", "ico": "ico",
    "okres_code": "okres_kod", "okres_name": "okres_nazev", "orp_code": "orp_kod", "orp_name": "orp_nazev",
    "kraj_code": "kraj_kod", "kraj_name": "kraj_nazev", "kraj_nuts3": "kraj_nuts3",
    "web_domain_candidates": "web_domain_candidates_heuristic",
}


def _table(rows: list[dict], columns: list[str], types: dict[str, pa.DataType] | None = None) -> pa.Table:
    types = types or {}
    arrays = {}
    for col in columns:
        values = [r.get(col) for r in rows]
        arrays[col] = pa.array(values, type=types.get(col, pa.string()))
    return pa.table(arrays)


def municipality_rows(seeds_dir: Path) -> list[dict]:
    """Registry rows with size class and municipality type joined."""
    reg = Path(seeds_dir) / "municipalities"
    types: dict[str, str] = {}
    with open(reg / "municipality_types.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            types[r["zuj"]] = r["typobce"]
    out = []
    with open(reg / "municipalities.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            row = {k: (r.get(v) or None) for k, v in MUNICIPALITY_COLUMNS.items()}
            pop = r.get("pocet_obyvatel_sp")
            row["population"] = int(float(pop)) if pop else None
            row["size_class"] = size_class(row["population"])
            row["municipality_type"] = types.get(r["kod_obce"])
            out.append(row)
    return out


def _source_rows(fetchlog_dir: Path) -> tuple[list[dict], list[dict]]:
    """(sources with latest crawl outcome, every source_crawls row)."""
    defs: dict[str, dict] = {}
    for snap in sorted(Path(fetchlog_dir).glob("*.sources.csv")):
        with open(snap, encoding="utf-8-sig") as fh:
            for r in csv.DictReader(fh):
                defs[r["source_id"]] = {
                    "source_id": r["source_id"], "kind": r.get("kind"), "start_url": r.get("start_url"),
                    "municipality_code": r.get("municipality_code") or None, "name": r.get("name") or None,
                }
    crawls = [r for f in fetch_log.source_files(fetchlog_dir) for r in fetch_log.read_jsonl(f)]
    latest: dict[str, dict] = {}
    for r in sorted(crawls, key=lambda r: (r.get("finished_at") or "", r.get("crawl_id") or "")):
        latest[r["source_id"]] = r
    for sid, r in latest.items():
        d = defs.setdefault(sid, {"source_id": sid, "start_url": r.get("start_url")})
        d.update({
            "last_crawl_id": r.get("crawl_id"), "cms": r.get("cms"), "last_status": r.get("status"),
            "last_reason": r.get("reason"), "last_pages": r.get("pages"), "last_documents": r.get("documents"),
            "last_errors": r.get("errors"), "last_crawled_at": r.get("finished_at"),
        })
    return list(defs.values()), crawls


def _filename(f: dict) -> str | None:
    name = filename_from_disposition(f.get("content_disposition"))
    if name:
        return name
    path = (f.get("final_url") or f.get("url") or "").split("?")[0].rstrip("/")
    base = path.rsplit("/", 1)[-1]
    return base or None


def _document_rows(fetches: list[dict], sources: dict[str, dict], settings: Settings) -> tuple[list[dict], list[dict]]:
    docs: dict[str, dict] = {}
    urls: dict[tuple[str, str], dict] = {}
    for f in sorted((f for f in fetches if f.get("kind") == "document" and f.get("sha256") and f.get("outcome") == "ok"),
                    key=lambda f: f.get("fetched_at") or ""):
        sha, at = f["sha256"], f.get("fetched_at")
        d = docs.get(sha)
        if d is None:
            src = sources.get(f.get("source_id") or "", {})
            docs[sha] = {"doc_id": sha, "url": f.get("url"), "source_id": f.get("source_id"),
                         "municipality_code": src.get("municipality_code"), "size_bytes": f.get("content_length"),
                         "first_seen_at": at, "last_seen_at": at, "_ctype": f.get("content_type")}
        else:
            d["last_seen_at"] = at
        key = (sha, f.get("url"))
        u = urls.get(key)
        if u is None:
            urls[key] = {"doc_id": sha, "url": f.get("url"), "final_url": f.get("final_url"), "source_id": f.get("source_id"),
                         "link_text": f.get("link_text"), "referer": f.get("referer"), "content_type": f.get("content_type"),
                         "filename": _filename(f), "fetch_count": 1, "first_seen_at": at, "last_seen_at": at}
        else:
            u["fetch_count"] += 1
            u["last_seen_at"] = at
            u["final_url"] = f.get("final_url")
    for sha, d in docs.items():
        path = Path(settings.extracted_dir) / sha[:2] / f"{sha}.json"
        ex: dict = {}
        if path.exists():
            try:
                ex = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                ex = {"extraction_status": "failed", "extraction_error": f"unreadable extraction result: {exc}"}
        for col in ("file_format", "mime_type", "title", "author", "pages", "text", "text_chars", "needs_ocr",
                    "extraction_error"):
            d[col] = ex.get(col)
        d["extraction_status"] = ex.get("extraction_status") or "pending"
        if not ex:
            d["extraction_error"] = "not extracted yet"
    return list(docs.values()), list(urls.values())


INT = pa.int64()
TYPES = {
    "population": INT, "last_pages": INT, "last_documents": INT, "last_errors": INT, "pages": INT, "documents": INT,
    "errors": INT, "status": INT, "content_length": INT, "depth": INT, "text_chars": INT, "needs_ocr": pa.bool_(),
    "size_bytes": INT, "fetch_count": INT,
}
TIMESTAMPS = {"first_seen_at", "last_seen_at", "fetched_at", "started_at", "finished_at", "last_crawled_at"}


def _load(con: duckdb.DuckDBPyConnection, name: str, rows: list[dict]) -> None:
    cols = list(TABLES[name]["columns"])
    types = dict(TYPES)
    if name == "fetches":
        types["status"] = INT
    elif "status" in types and name != "fetches":
        types.pop("status")
    tbl = _table(rows, cols, types)
    con.register("_incoming", tbl)
    select = ", ".join(f"TRY_CAST({c} AS TIMESTAMPTZ) AS {c}" if c in TIMESTAMPS else c for c in cols)
    con.execute(f"CREATE TABLE {name} AS SELECT {select} FROM _incoming")
    con.unregister("_incoming")


def _comment(con: duckdb.DuckDBPyConnection, name: str) -> None:
    spec = TABLES[name]
    con.execute(f"COMMENT ON TABLE {name} IS $${spec['comment']}$$")
    for col, text in spec["columns"].items():
        con.execute(f"COMMENT ON COLUMN {name}.{col} IS $${text}$$")


def publish(settings: Settings, latest_crawl_id: str | None = None) -> dict:
    """Rebuild the warehouse atomically; returns row counts and what is new since the previous publish."""
    t0 = time.time()
    db = Path(settings.db_path)
    db.parent.mkdir(parents=True, exist_ok=True)
    previous = previous_doc_ids(db)
    fetches = list(fetch_log.read_fetches(settings.fetchlog_dir))
    sources, crawls = _source_rows(settings.fetchlog_dir)
    documents, document_urls = _document_rows(fetches, {s["source_id"]: s for s in sources}, settings)
    tables = {
        "municipalities": municipality_rows(settings.seeds_dir),
        "sources": sources,
        "source_crawls": crawls,
        "fetches": fetches,
        "documents": documents,
        "document_urls": document_urls,
    }
    tmp = db.with_name(db.name + ".tmp")
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        if leftover.exists():
            leftover.unlink()
    con = duckdb.connect(str(tmp))
    try:
        try:
            con.execute("SET disabled_compression_methods='dict_fsst'")
        except duckdb.Error:
            pass  # older DuckDB: default compression
        for name, rows in tables.items():
            _load(con, name, rows)
            _comment(con, name)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, db)
    new_docs = [d for d in documents if d["doc_id"] not in previous]
    return {
        "tables": {k: len(v) for k, v in tables.items()},
        "documents": len(documents),
        "new_documents": len(new_docs),
        "already_seen_documents": len(documents) - len(new_docs),
        "document_urls": len(document_urls),
        "extraction_errors": sum(1 for d in documents if d["extraction_status"] == "failed"),
        "needs_ocr": sum(1 for d in documents if d.get("needs_ocr")),
        "pending": sum(1 for d in documents if d["extraction_status"] == "pending"),
        "db_path": str(db),
        "duration_s": round(time.time() - t0, 2),
    }


def previous_doc_ids(db: Path) -> set[str]:
    """doc_ids of the currently published warehouse (empty when there is none or it is unreadable)."""
    if not Path(db).exists():
        return set()
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return set()
    try:
        return {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()}
    except duckdb.Error:
        return set()
    finally:
        con.close()
