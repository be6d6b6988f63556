"""Publish the warehouse: rebuild every table into `<db>.tmp`, then atomically replace `<db>`.

Readers (analysts, the Dagster UI) may hold the old file open: they keep their
snapshot, new connections see the new one, and the writer never waits for a lock
(see ENGINEERING.md, "DuckDB is one writer per file"). Every table is derived from
the append-only fetch log, the extraction cache and the seeds, so a rerun rebuilds
the same rows and never duplicates them.
"""
from __future__ import annotations

import gc
import json
import os
import time
from contextlib import contextmanager
from typing import Callable, Iterator
from pathlib import Path

import duckdb
import pyarrow as pa

from core import fetch_log, raw_store, schema
from pipelines import clustering, notice_boards, portal_records, rd_projects
from pipelines.analyst_views import create_views
from pipelines.inspiromat import write_recommendation_table
from pipelines.search import build_index as build_search_index
from pipelines.annotate import index_rows, read_annotation
from pipelines.extract import UnreadableResult, read_result
from pipelines.registry import funding_programme_rows, kraj_names, municipality_rows, seeds_version
from core.sources import source_definitions
from core.schema import TABLES
from core.settings import Settings, SettingsError, writable_dir
from transforms import health, sightings
from transforms.municipality_match import build_index
from transforms.czech_text import fold
from transforms.vocabulary import load_vocabulary
from transforms.sniff import filename_from_disposition


def _source_rows(fetchlog_dir: Path) -> tuple[list[dict], list[dict]]:
    """(sources with latest crawl outcome, every source_crawls row)."""
    defs = source_definitions(fetchlog_dir)
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


def compact_finished(con: duckdb.DuckDBPyConnection, fetchlog_dir: Path) -> int:
    """Copy each finished crawl's fetch log to Parquet once (temp file, then rename), so later nights read it without
    parsing JSON again; returns how many were written. A crawl is finished once its summary exists."""
    written = 0
    for jsonl in fetch_log.fetch_files(fetchlog_dir):
        crawl_id = jsonl.name[: -len(".fetches.jsonl")]
        if fetch_log.fresh_compacted(jsonl) is not None or not (jsonl.parent / f"{crawl_id}.summary.json").exists():
            continue
        target = fetch_log.compacted_path(jsonl)
        tmp = target.with_name(raw_store.TMP_PREFIX + target.name)
        con.execute(f"COPY (SELECT * FROM {fetch_log.json_relation([jsonl])}) TO '{str(tmp).replace(chr(39), chr(39) * 2)}' "
                    "(FORMAT parquet)")
        os.replace(tmp, target)
        written += 1
    return written


def _rows(con: duckdb.DuckDBPyConnection, sql: str, *params) -> list[dict]:
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _load_fetch_log(con: duckdb.DuckDBPyConnection, fetchlog_dir: Path) -> dict[str, list[dict]]:
    """Table `fetches` straight from every night's fetch log, read by DuckDB (no Python row per fetch); returns the
    ok fetches with content, in time order, by kind: documents are built from the 'document' ones, notice-board
    records from the 'feed' ones."""
    table = TABLES["fetches"]
    con.execute(table.ddl())
    for statement in table.comments():
        con.execute(statement)
    compact_finished(con, fetchlog_dir)
    relation = fetch_log.duckdb_relation(fetchlog_dir)  # times stay ISO text until the insert casts them
    if relation is None:
        return {"document": [], "document_url": [], "feed": [], "record": []}
    con.execute(f"CREATE TEMP TABLE _fetch_log AS SELECT * FROM {relation}")
    select = ", ".join(f"TRY_CAST({c.name} AS {c.type})" if c.type in (schema.DATE, schema.TIME) else c.name
                       for c in table.columns)
    con.execute(f"INSERT INTO fetches SELECT {select} FROM _fetch_log")
    rows = {kind: _rows(con, "SELECT * FROM _fetch_log WHERE kind = ? AND outcome = 'ok' AND sha256 IS NOT NULL "
                            "ORDER BY fetched_at NULLS FIRST", kind) for kind in ("feed", "record")}
    # documents: one row per document and one per (document, URL), aggregated here, not a Python row per sighting;
    # "first" is the earliest sighting (ties: crawl, URL), first/last seen are min/max of the known times (the rule
    # of transforms.sightings.first_and_last_seen)
    first = "(fetched_at IS NULL, fetched_at, crawl_id, url)"
    seen = "WHERE kind = 'document' AND outcome = 'ok' AND sha256 IS NOT NULL"
    # the route of a sighting: what kind of fetch linked to it in that crawl (a page, a feed, a portal record), or
    # nothing (a start URL)
    rows["document"] = _rows(con, f"""
        WITH refs AS (SELECT DISTINCT crawl_id, link, kind FROM (
                SELECT crawl_id, url AS link, kind FROM _fetch_log WHERE outcome = 'ok'
                UNION ALL SELECT crawl_id, final_url, kind FROM _fetch_log WHERE outcome = 'ok' AND final_url IS NOT NULL)),
             routed AS (SELECT d.*, CASE WHEN r.kind IN ('feed', 'record') THEN r.kind
                                          WHEN r.kind IS NULL AND d.referer IS NULL THEN 'start' ELSE 'page' END AS route
                        FROM (SELECT * FROM _fetch_log {seen}) AS d
                        LEFT JOIN (SELECT crawl_id, link, min(kind) AS kind FROM refs GROUP BY ALL) AS r
                        ON r.crawl_id = d.crawl_id AND r.link = d.referer)
        SELECT sha256, arg_min(url, {first}) AS url, arg_min(source_id, {first}) AS source_id,
               arg_min(content_length, {first}) AS content_length, arg_min(content_type, {first}) AS content_type,
               min(fetched_at) AS first_seen_at, max(fetched_at) AS last_seen_at,
               list_sort(list(DISTINCT route)) AS routes
        FROM routed GROUP BY sha256 ORDER BY min(fetched_at) NULLS FIRST, sha256""")
    rows["document_url"] = _rows(con, f"""
        SELECT sha256, url, arg_min(source_id, {first}) AS source_id, arg_max(final_url, {first}) AS final_url,
               arg_min(link_text, {first}) AS link_text, arg_min(referer, {first}) AS referer,
               arg_min(content_type, {first}) AS content_type,
               arg_min(content_disposition, {first}) AS content_disposition,
               arg_min(final_url, {first}) AS first_final_url, count(*) AS fetch_count,
               min(fetched_at) AS first_seen_at, max(fetched_at) AS last_seen_at
        FROM _fetch_log {seen} GROUP BY sha256, url ORDER BY min(fetched_at) NULLS FIRST, sha256, url""")
    con.execute("DROP TABLE _fetch_log")
    return rows


def _document_rows(aggregated: list[dict], url_rows: list[dict], sources: dict[str, dict],
                   settings: Settings) -> tuple[list[dict], list[dict]]:
    """documents and document_urls from the document sightings aggregated by DuckDB (_load_fetch_log)."""
    docs: dict[str, dict] = {}
    for f in aggregated:
        src = sources.get(f.get("source_id") or "", {})
        # the first sighting names the document's URL and source
        docs[f["sha256"]] = {
            "doc_id": f["sha256"], "url": f["url"], "source_id": f["source_id"],
            "municipality_code": src.get("municipality_code"), "size_bytes": f.get("content_length"),
            "_ctype": f.get("content_type"), "first_seen_at": f["first_seen_at"], "last_seen_at": f["last_seen_at"],
            "found_via": list(f["routes"])}
    urls = [{"doc_id": u["sha256"], "url": u["url"], "final_url": u["final_url"], "source_id": u["source_id"],
             "link_text": u["link_text"], "referer": u["referer"], "content_type": u["content_type"],
             "filename": _filename({"content_disposition": u["content_disposition"], "final_url": u["first_final_url"],
                                    "url": u["url"]}),
             "fetch_count": u["fetch_count"], "first_seen_at": u["first_seen_at"], "last_seen_at": u["last_seen_at"]}
            for u in url_rows]
    for sha, d in docs.items():
        try:
            ex = read_result(settings.extracted_dir, sha) or {}
        except UnreadableResult as exc:
            ex = {"extraction_status": "failed", "extraction_error": str(exc)}
        for col in ("file_format", "mime_type", "title", "author", "pages", "text", "text_chars", "needs_ocr",
                    "extraction_error"):
            d[col] = ex.get(col)
        d["extraction_status"] = ex.get("extraction_status") or "pending"
        d["text_source"] = ex.get("text_source")
        d["title_source"] = (ex.get("meta") or {}).get("title_source") if d["title"] else None
        if not ex:
            d["extraction_error"] = "not extracted yet"
    return list(docs.values()), urls


def _health_rows(crawls: list[dict]) -> list[dict]:
    """source_health: every crawl of every source judged against that source's earlier crawls."""
    by_source: dict[str, list[dict]] = {}
    for c in sorted(crawls, key=lambda c: (c.get("started_at") or "", c.get("crawl_id") or "")):
        by_source.setdefault(c.get("source_id") or "", []).append(c)
    rows = []
    for sid, history in sorted(by_source.items()):
        for i, c in enumerate(history):
            flags = health.source_flags(c, history[:i])
            rows.append({k: c.get(k) for k in ("source_id", "crawl_id", "started_at", "status", "cms", "pages",
                                                "documents", "new_documents", "changed_documents", "errors",
                                                "status_mix")}
                        | {"median_documents": health.recent_median(history[:i]),
                           "flags": [f for f, _ in flags], "flag_reasons": "; ".join(r for _, r in flags) or None})
    return rows


def _mark_gone(documents: list[dict], document_urls: list[dict], crawls: list[dict]) -> None:
    """gone_since of every URL sighting and every document (transforms.sightings decides)."""
    reached = sightings.reached_crawls(crawls)
    by_doc: dict[str, list[str | None]] = {}
    for u in document_urls:
        u["gone_since"] = sightings.url_gone_since(u.get("source_id"), u.get("last_seen_at"), reached)
        by_doc.setdefault(u["doc_id"], []).append(u["gone_since"])
    for d in documents:
        d["gone_since"] = sightings.document_gone_since(by_doc.get(d["doc_id"], [None]))


ANNOTATION_COLUMNS = ("language", "language_confidence", "language_mixed", "validity_from", "validity_to", "approved_on",
                      "approval_body", "resolution_number", "kraj_code", "level", "smart_scope", "doc_type",
                      "is_strategic", "smart_score", "is_smart", "domains", "annotation_status")


EVIDENCE_CHUNK = 20_000  # document_evidence rows handed to DuckDB at a time (the table is the warehouse's largest)


def _annotation_rows(documents: list[dict], settings: Settings,
                     evidence_sink: Callable[[list[dict]], None]) -> tuple[list[dict], list[dict]]:
    """Merge annotations into documents; return (document_domains, funding_mentions) rows and hand the
    document_evidence rows to `evidence_sink` in chunks (never all of them in memory)."""
    domains, funding, evidence = [], [], []
    for d in documents:
        if len(evidence) >= EVIDENCE_CHUNK:
            evidence_sink(evidence)
            evidence = []
        a = read_annotation(settings, d["doc_id"])
        if a is None or a.get("doc_id") != d["doc_id"]:  # not annotated yet: the source's municipality, by the same rule as transforms.annotate
            d["annotation_status"] = "pending"
            d["municipality_source"] = "source" if d.get("municipality_code") else None
            continue
        for col in ANNOTATION_COLUMNS:
            d[col] = a.get(col)
        if a.get("title"):  # the annotator chose among the extraction's candidates and the crawl's link text
            d["title"], d["title_source"] = a["title"], a.get("title_source")
        # which municipality a document belongs to is decided once, by transforms.annotate (the municipal site it
        # came from, else the municipality its title and first pages name)
        d["municipality_code"], d["municipality_source"] = a.get("municipality_code"), a.get("municipality_source")
        chosen = set(a.get("domains") or [])
        sentences = a.get("sentences") or []
        for area, score in sorted((a.get("domain_scores") or {}).items()):
            said = [x.get("text") for x in sentences if x.get("field") == "domain" and x.get("value") == area]
            domains.append({"doc_id": d["doc_id"], "domain": area, "score": score, "selected": area in chosen,
                            "evidence": json.dumps(said, ensure_ascii=False) if said else None})
        for f in a.get("funding") or []:
            ev = f.get("evidence") or {}
            funding.append({"doc_id": d["doc_id"], "programme_code": f.get("programme_code"), "snippet": f.get("snippet"),
                            "mentions": ev.get("count") if isinstance(ev, dict) else None, "subject": "document",
                            "subject_id": d["doc_id"]})
        for x in sentences:
            evidence.append({"doc_id": d["doc_id"], "field": x.get("field"), "value": x.get("value"),
                             "kind": x.get("kind"), "text": x.get("text"), "position": x.get("position"),
                             "terms": json.dumps(x["terms"], ensure_ascii=False) if x.get("terms") else None})
        for field, value in sorted((a.get("evidence") or {}).items()):
            if value:
                evidence.append({"doc_id": d["doc_id"], "field": field, "value": None, "kind": "rule",
                                 "text": json.dumps(value, ensure_ascii=False, default=str)[:2000], "position": None,
                                 "terms": None})
    evidence_sink(evidence)
    return domains, funding


# Arrow types the rows travel in; dates and times travel as ISO strings and are cast by DuckDB on insert
ARROW = {schema.TEXT: pa.string(), schema.INT: pa.int64(), schema.FLOAT: pa.float64(), schema.BOOL: pa.bool_(),
         schema.DATE: pa.string(), schema.TIME: pa.string(), schema.TEXTS: pa.list_(pa.string())}


def _arrow_value(value, column: schema.Column):
    if value is not None and column.type in (schema.DATE, schema.TIME):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    return value


def _create(con: duckdb.DuckDBPyConnection, name: str) -> schema.Table:
    table = TABLES[name]
    con.execute(table.ddl())
    for statement in table.comments():
        con.execute(statement)
    return table


def _load(con: duckdb.DuckDBPyConnection, name: str, rows: list[dict]) -> None:
    """Create the table from its one definition (core.schema), with its comments, and insert the rows."""
    _insert(con, _create(con, name), rows)


INSERT_CHUNK = 5_000  # rows copied to Arrow at a time: documents carry their whole text, so one copy of a whole
# table beside its Python rows was the publish's peak (1,000 demo sites: +200 MB)


def _insert(con: duckdb.DuckDBPyConnection, table: schema.Table, rows: list[dict]) -> None:
    select = ", ".join(f"TRY_CAST({c.name} AS {c.type})" if c.type in (schema.DATE, schema.TIME) else c.name
                       for c in table.columns)
    for start in range(0, max(len(rows), 1), INSERT_CHUNK):
        chunk = rows[start:start + INSERT_CHUNK]
        incoming = pa.table({c.name: pa.array([_arrow_value(r.get(c.name), c) for r in chunk], type=ARROW[c.type])
                             for c in table.columns})
        con.register("_incoming", incoming)
        con.execute(f"INSERT INTO {table.name} SELECT {select} FROM _incoming")
        con.unregister("_incoming")


def _sql_text(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


LISTED = {"project_code": pa.string(), "provider": pa.string(), "programme_code": pa.string(),
          "funding_programme": pa.string(), "title": pa.string(), "title_en": pa.string(), "goals": pa.string(),
          "goals_en": pa.string(), "keywords": pa.list_(pa.string()), "start_year": pa.int64(),
          "end_year": pa.int64(), "total_cost_czk": pa.int64(), "state_support_czk": pa.int64(),
          "recipient_name": pa.string(), "recipient_ico": pa.string(), "status": pa.string(),
          "is_smart": pa.bool_(), "smart_score": pa.float64(), "domains": pa.list_(pa.string()),
          "named_municipality_code": pa.string(), "source_id": pa.string(), "listing_url": pa.string(),
          "participants": pa.list_(pa.list_(pa.string()))}


def _load_listed_projects(con: duckdb.DuckDBPyConnection, listed: list[dict]) -> None:
    """Projects of listing portals: a project the data files hold gets its listing_url; one they lack (newer than
    the export) becomes a row of its own, with its participants."""
    seen: set[str] = set()
    rows = []
    for p in sorted(listed, key=lambda p: (p["project_code"], p["listing_url"])):
        if p["project_code"] not in seen:
            seen.add(p["project_code"])
            rows.append(p)
    con.register("_listed", pa.table({k: pa.array([r.get(k) for r in rows], type=t) for k, t in LISTED.items()}))
    con.execute("UPDATE rd_projects AS r SET listing_url = l.listing_url FROM _listed AS l "
                "WHERE r.project_code = l.project_code")
    con.execute("CREATE TEMP TABLE _listed_only AS SELECT * FROM _listed AS l "
                "WHERE NOT EXISTS (SELECT 1 FROM rd_projects AS r WHERE r.project_code = l.project_code)")
    con.unregister("_listed")
    columns = [c.name for c in TABLES["rd_projects"].columns]
    own = {"url": "listing_url", "recipient_country": "CASE WHEN recipient_ico IS NOT NULL THEN 'CZ' END"}
    select = ", ".join(own.get(c) or (c if c in LISTED else f"NULL::{TABLES['rd_projects'].column(c).type}")
                       for c in columns)
    con.execute(f"INSERT INTO rd_projects ({', '.join(columns)}) SELECT {select} FROM _listed_only")
    con.execute(
        "INSERT INTO rd_participants (project_code, provider, participant_key, participant_ico, participant_name, "
        "country, source_id) SELECT project_code, provider, CASE WHEN p[2] IS NOT NULL THEN 'ico:' || p[2] END, p[2], "
        "p[1], CASE WHEN p[2] IS NOT NULL THEN 'CZ' END, source_id FROM (SELECT *, unnest(participants) AS p "
        "FROM _listed_only)")


def _load_rd_tables(con: duckdb.DuckDBPyConnection, datasets: list[dict], listed: list[dict]) -> dict[str, int]:
    """rd_projects and rd_participants straight from the imported Parquet files (DuckDB reads them; no Python row
    per project), then the projects of listing portals (_load_listed_projects), then linked to municipalities: by
    IČO (recipient, participants) and by the name in the title or goals (found at import)."""
    # the same project in several files (a moved URL, two sources) is one row: the newest file's
    keys = {"rd_projects": "project_code", "rd_participants": "project_code, coalesce(participant_key, line::VARCHAR)"}
    for name, kind in (("rd_projects", "projects"), ("rd_participants", "participants")):
        table = _create(con, name)
        files = [d for d in datasets if d["meta"].get("kind") == kind and d["parquet"] is not None]
        if not files:
            continue
        union = " UNION ALL BY NAME ".join(
            f"SELECT *, {_sql_text(d['source_id'])} AS _source_id, {_sql_text(d['url'])} AS _file_url, "
            f"{_sql_text(d.get('fetched_at') or '')} AS _fetched_at FROM read_parquet({_sql_text(d['parquet'])})"
            for d in files)
        have = {r[0] for r in con.execute(f"DESCRIBE {union}").fetchall()}
        select = ", ".join(
            "_source_id" if c.name == "source_id" else "_file_url" if c.name == "file_url"
            else f"TRY_CAST({c.name} AS {c.type})" if c.name in have and c.type == schema.DATE
            else c.name if c.name in have and c.name not in ("municipality_codes", "municipality_code")
            else f"NULL::{c.type}"
            for c in table.columns)
        con.execute(f"INSERT INTO {name} SELECT {select} FROM ({union}) "
                    f"QUALIFY row_number() OVER (PARTITION BY {keys[name]} ORDER BY _fetched_at DESC, _file_url) = 1")
    if listed:
        _load_listed_projects(con, listed)
    named = [d["parquet"] for d in datasets if d["meta"].get("kind") == "projects" and d["parquet"] is not None]
    con.execute("UPDATE rd_participants AS p SET municipality_code = m.municipality_code FROM municipalities AS m "
                "WHERE m.ico IS NOT NULL AND lpad(m.ico, 8, '0') = p.participant_ico")
    named_sql = (" UNION SELECT project_code, named_municipality_code FROM read_parquet([" +
                 ", ".join(_sql_text(f) for f in named) + "]) WHERE named_municipality_code IS NOT NULL") if named else ""
    if listed:
        named_sql += (" UNION SELECT project_code, named_municipality_code FROM _listed_only "
                      "WHERE named_municipality_code IS NOT NULL")
    con.execute(
        "UPDATE rd_projects AS r SET municipality_codes = x.codes FROM ("
        " SELECT project_code, list_sort(list_distinct(list(code))) AS codes FROM ("
        "  SELECT project_code, municipality_code AS code FROM rd_participants WHERE municipality_code IS NOT NULL"
        "  UNION SELECT r.project_code, m.municipality_code FROM rd_projects AS r JOIN municipalities AS m"
        "   ON m.ico IS NOT NULL AND lpad(m.ico, 8, '0') = r.recipient_ico"
        f"  {named_sql}) GROUP BY project_code) AS x WHERE r.project_code = x.project_code")
    con.execute("UPDATE rd_projects SET municipality_codes = [] WHERE municipality_codes IS NULL")
    con.execute("INSERT INTO funding_mentions (programme_code, snippet, subject, subject_id, amount_czk) "
                "SELECT funding_programme, title, 'rd_project', project_code, state_support_czk FROM rd_projects "
                "WHERE funding_programme IS NOT NULL")
    return {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in ("rd_projects", "rd_participants")}


DUCKDB_MAGIC = b"DUCK"          # bytes 8-11 of every DuckDB database file
OWN_TABLES = ("documents", "fetches", "sources")


def check_target(db: Path) -> Path:
    """Refuse a warehouse path that is not ours to replace: a directory, an unwritable place, or an existing file
    that is not a DuckDB warehouse of this project (an operator's text file or SQLite database). One line each."""
    db = Path(db)
    if db.is_dir():
        raise SettingsError(f"--db {db} is a directory; give the path of the warehouse file")
    writable_dir(db.parent, "--db's directory")
    if db.exists():
        with open(db, "rb") as fh:
            head = fh.read(16)
        if head[8:12] != DUCKDB_MAGIC:
            raise SettingsError(f"--db {db} exists and is not a DuckDB warehouse; refusing to replace it")
        tables = _table_names(db)
        if tables is not None and not set(OWN_TABLES) <= tables:
            raise SettingsError(f"--db {db} is a DuckDB database but not a smartharvest warehouse (no "
                                f"{', '.join(t for t in OWN_TABLES if t not in tables)} table); refusing to replace it")
    return db


def _table_names(db: Path) -> set[str] | None:
    """Tables of a DuckDB file, or None when it cannot be read now (a writer holds it: the next publish waits)."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return None
    try:
        return {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    finally:
        con.close()


def _derived_tables(seen: dict[str, list[dict]], settings: Settings,
                    evidence_sink: Callable[[list[dict]], None]) -> tuple[dict[str, list[dict]], dict[str, int],
                                                                          list[dict]]:
    """(every table but fetches, as rows: sources and their crawls, documents from their sightings, annotations,
    clusters and strategies, notice-board records; what dedup reused and computed)."""
    sources, crawls = _source_rows(settings.fetchlog_dir)
    by_source = {s["source_id"]: s for s in sources}
    # the sightings go once documents are built from them: dedup and the tables below never need them
    documents, document_urls = _document_rows(seen.pop("document"), seen.pop("document_url"), by_source, settings)
    _mark_gone(documents, document_urls, crawls)
    document_domains, funding_mentions = _annotation_rows(documents, settings, evidence_sink)
    municipalities = municipality_rows(settings.seeds_dir)
    notice_board_records, record_problems = notice_boards.feed_tables(
        seen["feed"], settings.raw_dir, {m["ico"]: m["municipality_code"] for m in municipalities if m.get("ico")},
        {sid: s.get("municipality_code") for sid, s in by_source.items()})
    datasets = rd_projects.published_datasets(settings)
    record_problems += [
        {"source_id": d["source_id"], "file_url": d["url"], "sha256": d["sha256"], "kind": "dataset",
         "position": f"line {p['line']}", "line": p["line"], "record": p.get("record"), "reason": p["reason"],
         "record_kept": False}
        for d in datasets for p in d["meta"].get("problems_list") or []]
    document_clusters, strategies, dedup = clustering.build(documents, document_urls, municipalities,
                                                            kraj_names(settings.seeds_dir), cache=settings.dedup_path)
    # a document a feed lists was found via the feed too, even when a page's link fetched it first
    listed = {u for r in notice_board_records for u in r["attachment_urls"]}
    in_feed = {u["doc_id"] for u in document_urls if u["url"] in listed or u.get("final_url") in listed}
    for d in documents:
        if d["doc_id"] in in_feed and "feed" not in d["found_via"]:
            d["found_via"] = sorted([*d["found_via"], "feed"])
    kraj_codes = {fold(m["kraj_name"]): m["kraj_code"] for m in municipalities if m.get("kraj_name")}
    registry, practices, listed_projects, registry_problems = portal_records.record_tables(
        seen["record"], {sid: s.get("kind") for sid, s in by_source.items()}, settings.raw_dir,
        lambda: build_index(index_rows(settings)), kraj_codes, load_vocabulary(), cache=settings.records_path,
        registry_version=seeds_version(settings.seeds_dir))
    portal_records.link_registry(registry, strategies, documents, kraj_codes)
    record_problems += registry_problems
    funding_mentions += [{"programme_code": code, "snippet": p["title"], "subject": "good_practice",
                          "subject_id": p["practice_id"]} for p in practices for code in p["funding_programmes"]]
    return {
        "municipalities": municipalities,
        "sources": sources,
        "source_crawls": crawls,
        "source_health": _health_rows(crawls),
        "documents": documents,
        "document_urls": document_urls,
        "document_domains": document_domains,
        "funding_mentions": funding_mentions,
        "document_clusters": document_clusters,
        "strategies": strategies,
        "strategy_registry": registry,
        "good_practices": practices,
        "funding_programmes": funding_programme_rows(settings.seeds_dir),
        "notice_board_records": notice_board_records,
        "record_problems": record_problems,
    }, dedup, datasets, listed_projects


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Publish allocates millions of rows that form no reference cycles, and every full collection they trigger
    walks the whole process's heap (in a night, everything earlier steps left): measured, that made publish grow
    faster than its documents (400 -> 1,000 demo sites: 1.9 s -> 6.4 s of collection standalone)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def publish_caches(settings: Settings) -> tuple[Path, ...]:
    """The files publish keeps between nights and fills again when they are gone: the dedup fingerprints and
    similarities, and what each portal record page became."""
    return settings.dedup_path, settings.records_path


def publish(settings: Settings, latest_crawl_id: str | None = None) -> dict:
    """Rebuild the warehouse atomically; returns row counts and what is new since the previous publish."""
    with _cycle_collector_paused():
        return _publish(settings)


def _publish(settings: Settings) -> dict:
    t0 = time.time()
    db = check_target(Path(settings.db_path))
    previous = previous_doc_ids(db)
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
        con.execute(f"SET memory_limit='{settings.publish_memory_mb}MB'")  # DuckDB's share; it spills to disk beyond
        seen = _load_fetch_log(con, settings.fetchlog_dir)
        evidence = _create(con, "document_evidence")
        tables, dedup, datasets, listed_projects = _derived_tables(seen, settings,
                                                                   lambda rows: _insert(con, evidence, rows))
        del seen
        summary = _summary(tables, previous)
        for name in list(tables):
            _load(con, name, tables.pop(name))  # each table's Python rows go as soon as DuckDB has them
        _load_rd_tables(con, datasets, listed_projects)
        write_recommendation_table(con)  # the inspiromat for every municipality, from the tables above
        build_search_index(con)
        create_views(con)
        counts = {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in TABLES}
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, db)
    return {"tables": counts, **summary, "dedup": dedup, "db_path": str(db), "duration_s": round(time.time() - t0, 2)}


def _summary(tables: dict[str, list[dict]], previous: set[str]) -> dict:
    """What the run summary says of a publish, counted before the rows are handed to DuckDB and dropped."""
    documents = tables["documents"]
    new_docs = sum(1 for d in documents if d["doc_id"] not in previous)
    return {
        "documents": len(documents),
        "new_documents": new_docs,
        "already_seen_documents": len(documents) - new_docs,
        "document_urls": len(tables["document_urls"]),
        "extraction_errors": sum(1 for d in documents if d["extraction_status"] == "failed"),
        "needs_ocr": sum(1 for d in documents if d.get("needs_ocr")),
        "pending": sum(1 for d in documents if d["extraction_status"] == "pending"),
        "strategic": sum(1 for d in documents if d.get("is_strategic")),
        "smart": sum(1 for d in documents if d.get("is_smart")),
        "strategies": len(tables["strategies"]),
        "clusters": len({c["cluster_id"] for c in tables["document_clusters"]}),
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
