"""R&D projects from the IS VaVaI open data (CEP-projekty.csv, CEP-ucastnici.csv) fetched by rd_dataset sources.

Each dataset version (its sha256 in the raw store) is read once, streaming (transforms.cep: 1 MiB chunks, one
row at a time), judged in batches (transforms.rd_project: SMART relevance and areas by the documents'
classifier, the municipality a title or goals name) and written to `<data_dir>/datasets/<sha256>.<version>.parquet`
with a JSON beside it (what the file is, counts, and every row it could not read, with its line). Both are written
under temp names and renamed, so a killed import leaves nothing half-made and is simply done again. Memory is
bounded by one batch, whatever the file's size. The warehouse loads the Parquet of each file's latest version.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from core import fetch_log, raw_store
from core.settings import Settings
from pipelines.registry import municipality_rows, seeds_version
from transforms.annotate import ANNOTATOR_VERSION
from transforms.cep import Row, RowProblem, participant_record, project_record, read_rows
from transforms.municipality_match import build_index
from transforms.rd_project import understand_project
from transforms.vocabulary import load_vocabulary

IMPORTER_VERSION = "1"
CHUNK = 1 << 20
BATCH = 5_000
MAX_PROBLEMS_KEPT = 10_000  # a file of garbage is counted in full, its first problems kept
PROJECT_COLUMNS = {"kod_projektu", "nazev_projektu_originalni"}
PARTICIPANT_COLUMNS = {"kod_projektu", "ucastnik"}

PROJECT_FIELDS = {
    "project_code": pa.string(), "provider": pa.string(), "programme_code": pa.string(), "title": pa.string(),
    "title_en": pa.string(), "goals": pa.string(), "goals_en": pa.string(), "keywords": pa.list_(pa.string()),
    "started_on": pa.string(), "ended_on": pa.string(), "start_year": pa.int64(), "end_year": pa.int64(),
    "total_cost_czk": pa.int64(), "state_support_czk": pa.int64(), "foreign_support_czk": pa.int64(),
    "recipient_key": pa.string(),
    "recipient_name": pa.string(), "recipient_ico": pa.string(), "recipient_country": pa.string(),
    "status": pa.string(), "url": pa.string(), "is_smart": pa.bool_(), "smart_score": pa.float64(),
    "domains": pa.list_(pa.string()), "named_municipality_code": pa.string(), "funding_programme": pa.string(),
    "line": pa.int64(),
}
PARTICIPANT_FIELDS = {
    "project_code": pa.string(), "provider": pa.string(), "participant_key": pa.string(),
    "participant_ico": pa.string(), "participant_name": pa.string(), "country": pa.string(), "cost_czk": pa.int64(),
    "support_czk": pa.int64(), "foreign_support_czk": pa.int64(), "ror": pa.string(), "line": pa.int64(),
}


def version_key(settings: Settings) -> str:
    """What an import depends on besides the bytes: the reader, the classifier and the municipality registry."""
    return f"i{IMPORTER_VERSION}-a{ANNOTATOR_VERSION}-v{load_vocabulary().version}-m{seeds_version(settings.seeds_dir)}"


def cache_paths(settings: Settings, sha256: str) -> tuple[Path, Path]:
    base = settings.data_dir / "datasets" / f"{sha256}.{version_key(settings)}"
    return base.with_name(base.name + ".parquet"), base.with_name(base.name + ".json")


@dataclass
class _Judge:
    """The classifier and the municipality index, loaded once per import."""
    vocabulary: object
    index: object

    @classmethod
    def load(cls, settings: Settings) -> "_Judge":
        return cls(load_vocabulary(), build_index(municipality_rows(settings.seeds_dir)))


def _chunks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            yield chunk


def file_kind(columns: set[str]) -> str | None:
    """projects | participants | None, from the header's column names."""
    if "nazev_projektu_originalni" in columns or "hlavni_prijemce" in columns:
        return "projects"
    if "ucastnik" in columns:
        return "participants"
    return None


def import_file(path: Path, parquet: Path, meta: Path, judge: _Judge | None = None) -> dict:
    """Read one dataset file into `parquet` (+ `meta` JSON); returns the meta. Never raises for bad content."""
    t0 = time.perf_counter()
    kind: str | None = None
    fields: dict = {}
    problems: list[dict] = []
    counts = {"rows": 0, "records": 0, "problems": 0, "smart": 0}
    writer: pq.ParquetWriter | None = None
    tmp_parquet = parquet.with_name(raw_store.TMP_PREFIX + parquet.name)
    batch: list[dict] = []

    def flush() -> None:
        nonlocal writer
        if not batch:
            return
        if kind == "projects" and judge is not None:
            for rec in batch:
                rec.update(understand_project(rec, judge.vocabulary, judge.index))
                counts["smart"] += bool(rec["is_smart"])
        table = pa.table({k: pa.array([r.get(k) for r in batch], type=t) for k, t in fields.items()})
        if writer is None:
            writer = pq.ParquetWriter(str(tmp_parquet), table.schema)
        writer.write_table(table)
        batch.clear()

    def problem(line: int, reason: str, record: str | None = None) -> None:
        counts["problems"] += 1
        if len(problems) < MAX_PROBLEMS_KEPT:
            problems.append({"line": line, "reason": reason, "record": record})

    parquet.parent.mkdir(parents=True, exist_ok=True)
    try:
        for item in read_rows(_chunks(path)):
            if isinstance(item, RowProblem):
                problem(item.line, item.reason, item.excerpt or None)
                continue
            assert isinstance(item, Row)
            if kind is None:
                kind = file_kind(set(item.values))
                if kind is None:
                    problem(1, f"not a CEP export: columns {', '.join(sorted(item.values)[:12])}")
                    break
                fields = PROJECT_FIELDS if kind == "projects" else PARTICIPANT_FIELDS
            counts["rows"] += 1
            parsed = (project_record if kind == "projects" else participant_record)(item.values)
            if isinstance(parsed, str):
                problem(item.line, parsed, item.values.get("kod_projektu"))
                continue
            record = {k: parsed.get(k) for k in fields}
            record["line"] = item.line
            batch.append(record)
            counts["records"] += 1
            if len(batch) >= BATCH:
                flush()
        flush()
    except OSError as exc:  # the stored file is unreadable now: keep nothing, so the next night tries again
        if writer is not None:
            writer.close()
        tmp_parquet.unlink(missing_ok=True)
        return {"kind": kind, **counts, "problems_list": [{"line": 0, "reason": f"the stored file cannot be read: {exc}",
                                                           "record": None}], "parquet": None, "retry": True}
    if writer is not None:
        writer.close()
        os.replace(tmp_parquet, parquet)
    out = {"kind": kind, **counts, "problems_list": problems, "parquet": parquet.name if writer is not None else None,
           "seconds": round(time.perf_counter() - t0, 2)}
    tmp_meta = meta.with_name(raw_store.TMP_PREFIX + meta.name)
    tmp_meta.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp_meta, meta)
    return out


def dataset_fetches(settings: Settings) -> list[dict]:
    """The latest ok fetch of every dataset file (source_id, url, sha256, fetched_at)."""
    relation = fetch_log.duckdb_relation(settings.fetchlog_dir)
    if relation is None:
        return []
    con = duckdb.connect()
    try:
        cur = con.execute(
            f"SELECT source_id, url, sha256, fetched_at FROM {relation} "
            "WHERE kind = 'dataset' AND outcome = 'ok' AND sha256 IS NOT NULL "
            "QUALIFY row_number() OVER (PARTITION BY source_id, url ORDER BY fetched_at DESC NULLS LAST) = 1")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]
    finally:
        con.close()


def import_datasets(settings: Settings, progress: Callable[[str], None] | None = None) -> dict:
    """Import every dataset version not imported yet; returns counts. A file that cannot be read is recorded in its
    meta with the reason; it never stops the others."""
    say = progress or (lambda _m: None)
    done = imported = 0
    judge = None
    for f in dataset_fetches(settings):
        parquet, meta = cache_paths(settings, f["sha256"])
        if meta.exists():
            done += 1
            continue
        judge = judge or _Judge.load(settings)
        say(f"importing {f['url']} ({f['sha256'][:12]})")
        out = import_file(raw_store.path_for(settings.raw_dir, f["sha256"]), parquet, meta, judge)
        say(f"{f['url']}: {out['kind']}, {out['records']} records, {out['problems']} problems, "
            f"{out['smart']} SMART, {out['seconds']} s")
        imported += 1
    return {"datasets": done + imported, "imported_now": imported}


def published_datasets(settings: Settings) -> list[dict]:
    """What the warehouse loads: per file's latest version, its meta and Parquet (when it has been imported)."""
    out = []
    for f in dataset_fetches(settings):
        parquet, meta = cache_paths(settings, f["sha256"])
        if not meta.exists():
            continue
        info = json.loads(meta.read_text(encoding="utf-8"))
        out.append({**f, "meta": info, "parquet": parquet if info.get("parquet") else None})
    return out
