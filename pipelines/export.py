"""The portal export: a dated, versioned bundle of the curated tables (Parquet, CSV, JSON) with their descriptions
(datapackage.json, catalog.jsonld), what changed since the previous bundle (changes.json) and a digest for editors.

A bundle is `<out_dir>/<YYYY-MM-DD>-<12 hex of the data's sha256>/`, built in a hidden temporary directory beside it
and renamed into place only when complete; `<out_dir>/latest` (a symlink, else a file naming the bundle) is then
swapped atomically. The data files hold no export time and their rows are sorted by key, so the same warehouse
gives byte-identical data files (and the same bundle name on the same day).
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Sequence

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from core.schema import BOOL, DATE, FLOAT, INT, TABLES, TEXT, TEXTS, TIME, VIEWS, Table
from pipelines.preview import write_preview
from transforms.inspiromat import area_labels as labels_of_areas
from pipelines.export_metadata import DataFile, Publication, catalog_record, datapackage
from transforms.bundle_changes import TableChanges, diff_rows, row_key
from transforms.digest import build_section, render_html, render_markdown

EXPORTED = ("strategies", "rd_projects", "good_practices", "strategy_registry", "municipality_coverage",
            "recommendations")
KEYS: dict[str, tuple[str, ...]] = {
    "strategies": ("strategy_id",), "rd_projects": ("project_code",), "good_practices": ("practice_id",),
    "strategy_registry": ("record_url",), "municipality_coverage": ("kraj_code", "size_class"),
    "recommendations": ("municipality_code", "rank"),
}
# columns that move every night without the row changing: a re-fetch time, a line number in a growing file
VOLATILE: dict[str, tuple[str, ...]] = {"strategies": ("last_seen_at",), "strategy_registry": ("last_seen_at",),
                                        "rd_projects": ("line",)}
FORMATS = ("parquet", "csv", "json")
LATEST = "latest"
_BUNDLE = re.compile(r"^\d{4}-\d{2}-\d{2}-[0-9a-f]{12}$")
_TEMP_PREFIX = ".export-"
KEEP_BUNDLES = 14  # a fortnight of nightly bundles; older ones are removed (the portal has published them by then)

_ARROW = {TEXT: pa.string(), INT: pa.int64(), FLOAT: pa.float64(), BOOL: pa.bool_(), DATE: pa.date32(),
          TIME: pa.timestamp("us", tz="UTC"), TEXTS: pa.list_(pa.string())}


class ExportError(RuntimeError):
    """The warehouse cannot be exported (missing, or lacking a table); the message says which and why."""


@dataclass(frozen=True)
class ExportResult:
    bundle_dir: Path
    name: str
    data_hash: str  # sha256 over the data files' names and hashes
    previous: str | None  # bundle the changes are counted against
    reused: bool  # the same data was already exported that day: that bundle is kept, nothing written
    rows: dict[str, int] = field(default_factory=dict)
    changes: dict[str, dict[str, int]] = field(default_factory=dict)


def table_definition(name: str) -> Table:
    """Columns, types and descriptions of an exported table or analyst view, as core.schema documents them."""
    if name in TABLES:
        return TABLES[name]
    if name in VIEWS:
        return VIEWS[name]
    raise ExportError(f"{name} is not an exportable table (choose among {', '.join(EXPORTED)})")


def key_of(table: Table) -> tuple[str, ...]:
    """The key changes are counted by."""
    return KEYS.get(table.name) or (table.columns[0].name,)


def export_bundle(db_path: Path | str, out_dir: Path | str, *, now: datetime | None = None,
                  views: Sequence[str] | None = None, publication: Publication | None = None,
                  area_labels: dict[str, str] | None = None) -> ExportResult:
    """Write a bundle of the tables `views` (default EXPORTED) of the warehouse at db_path into out_dir, with its
    preview page (pipelines.preview) inside."""
    now = (now or datetime.now(timezone.utc))
    now = now.replace(tzinfo=timezone.utc) if now.tzinfo is None else now
    publication = publication or Publication()
    tables, rows = read_tables(Path(db_path), views or EXPORTED)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(out_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f"{_TEMP_PREFIX}{os.getpid()}-", dir=out_dir))
    try:
        os.chmod(tmp, 0o755)  # mkdtemp makes it private; the published bundle is read by a web server
        files = _write_data(tmp, tables, rows)
        digest = hashlib.sha256("".join(f"{f.sha256}  {f.name}\n" for f in sorted(files, key=lambda f: f.name))
                                .encode()).hexdigest()
        name = f"{now.astimezone(timezone.utc).date().isoformat()}-{digest[:12]}"
        final = out_dir / name
        counts = {t.name: len(rows[t.name]) for t in tables}
        if final.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
            _point_latest(out_dir, name)
            return ExportResult(final, name, digest, None, True, counts)
        previous = previous_bundle(out_dir)
        changes = _write_metadata(tmp, name, tables, rows, files, previous, publication, now)
        write_preview(tmp, area_labels if area_labels is not None else labels_of_areas(), bundle=name)
        _sync_tree(tmp)
        try:
            os.rename(tmp, final)
        except OSError:
            if not final.is_dir():
                raise
            # another export of the same data published it first (the nightly asset and an operator): keep that one
            shutil.rmtree(tmp, ignore_errors=True)
            _point_latest(out_dir, name)
            return ExportResult(final, name, digest, None, True, counts)
        _fsync_dir(out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _point_latest(out_dir, name)
    prune(out_dir, keep=KEEP_BUNDLES, current=name)
    return ExportResult(final, name, digest, previous.name if previous else None, False, counts,
                        {t: c.counts for t, c in changes.items()})


# ---------------------------------------------------------------- reading

def read_tables(db_path: Path, names: Sequence[str]) -> tuple[list[Table], dict[str, list[tuple]]]:
    """Each table's definition and rows (documented column order and types, sorted by key, then by every column),
    read over one short-lived read-only connection."""
    if not db_path.is_file():
        raise ExportError(f"warehouse {db_path} does not exist (run the harvest first)")
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        con.execute("SET TimeZone = 'UTC'")
        present = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        tables, out = [], {}
        for name in names:
            t = table_definition(name)
            if name not in present:
                raise ExportError(f"warehouse {db_path} has no table or view {name}: it predates it "
                                  "(run `smartharvest rebuild`)")
            have = {r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' "
                                              "AND table_name = ?", [name]).fetchall()}
            missing = [c for c in t.names if c not in have]
            if missing:
                raise ExportError(f"{name} in {db_path} lacks column(s) {', '.join(missing)}: "
                                  "the warehouse predates them (run `smartharvest rebuild`)")
            key = key_of(t)
            order = list(key) + [c.name for c in t.columns if c.name not in key]
            sql = (f"SELECT {', '.join(f'CAST({_q(c.name)} AS {c.type}) AS {_q(c.name)}' for c in t.columns)} "
                   f"FROM {name} AS src ORDER BY {', '.join(_q(c) for c in order)}")
            try:
                out[name] = con.execute(sql).fetchall()
            except duckdb.Error as exc:
                raise ExportError(f"cannot read {name} from {db_path}: {exc}") from None
            tables.append(t)
        return tables, out
    finally:
        con.close()


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# ---------------------------------------------------------------- values

def json_value(value: Any, type_: str) -> Any:
    """A cell as JSON: dates and UTC times in ISO 8601, lists as arrays, a non-finite float as null."""
    if value is None:
        return None
    if type_ == DATE:
        return value.isoformat()
    if type_ == TIME:
        return value.astimezone(timezone.utc).isoformat()
    if type_ == FLOAT:
        return float(value) if math.isfinite(value) else None
    if type_ == TEXTS:
        return list(value)
    return value


def csv_cell(value: Any, type_: str) -> str:
    """A cell as CSV: null is an empty field, an empty string a quoted one, a list a JSON array (what Frictionless
    reads as an array and DuckDB casts to VARCHAR[])."""
    value = json_value(value, type_)
    if value is None:
        return ""
    if type_ == BOOL:
        text = "true" if value else "false"
    elif type_ == FLOAT:
        text = repr(value)
    elif type_ == TEXTS:
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    if text == "" or any(ch in text for ch in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def json_rows(table: Table, rows: Sequence[tuple]) -> list[dict]:
    return [{c.name: json_value(v, c.type) for c, v in zip(table.columns, row)} for row in rows]


# ---------------------------------------------------------------- writing

def _write_parquet(path: Path, table: Table, rows: Sequence[tuple]) -> None:
    """Parquet with every writer option pinned (one row group, zstd, no time in the file), so it is reproducible."""
    arrays = [pa.array([r[i] for r in rows], type=_ARROW[c.type]) for i, c in enumerate(table.columns)]
    schema = pa.schema([pa.field(c.name, _ARROW[c.type], metadata={"description": c.description})
                        for c in table.columns], metadata={"table": table.name, "description": table.comment})
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), path, row_group_size=max(1, len(rows)),
                   version="2.6", data_page_version="1.0", compression="zstd", compression_level=3,
                   use_dictionary=True, write_statistics=True, store_schema=True)


def _write_csv(path: Path, table: Table, rows: Sequence[tuple]) -> None:
    lines = [",".join(table.names)]
    lines += [",".join(csv_cell(v, c.type) for c, v in zip(table.columns, row)) for row in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))


def _write_json(path: Path, table: Table, rows: Sequence[tuple]) -> None:
    """An array of objects, one row per line (diffable), keys in column order."""
    items = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in json_rows(table, rows)]
    path.write_bytes(("[\n" + ",\n".join(items) + ("\n" if items else "") + "]\n").encode("utf-8"))


def _write_data(tmp: Path, tables: Sequence[Table], rows: dict[str, list[tuple]]) -> list[DataFile]:
    writers = {"parquet": _write_parquet, "csv": _write_csv, "json": _write_json}  # looked up now: tests patch them
    files = []
    for t in tables:
        for fmt in FORMATS:
            path = tmp / f"{t.name}.{fmt}"
            writers[fmt](path, t, rows[t.name])
            data = path.read_bytes()
            files.append(DataFile(t.name, fmt, path.name, len(data), hashlib.sha256(data).hexdigest()))
    return files


def _write_metadata(tmp: Path, name: str, tables: Sequence[Table], rows: dict[str, list[tuple]],
                    files: Sequence[DataFile], previous: Path | None, publication: Publication,
                    now: datetime) -> dict[str, TableChanges]:
    changes, sections = {}, []
    for t in tables:
        key = key_of(t)
        current = json_rows(t, rows[t.name])
        before = _previous_rows(previous, t.name)
        changes[t.name] = diff_rows(before, current, key, VOLATILE.get(t.name, ()))
        sections.append(build_section(t.name, {row_key(r, key): r for r in current},
                                      {row_key(r, key): r for r in before}, changes[t.name],
                                      [f.name for f in files if f.table == t.name]))
    prev_name = previous.name if previous else None
    _dump(tmp / "changes.json", {"bundle": name, "previous": prev_name, "tables": {
        t.name: changes[t.name].as_json(key_of(t)) for t in tables}})
    _dump(tmp / "datapackage.json", datapackage(name, tables, {t.name: key_of(t) for t in tables}, files, publication))
    _dump(tmp / "catalog.jsonld", catalog_record(name, files, publication, now, _validity_span(tables, rows)))
    day = now.astimezone(timezone.utc).date().isoformat()
    (tmp / "digest.md").write_text(render_markdown(name, day, prev_name, sections), encoding="utf-8")
    (tmp / "digest.html").write_text(render_html(name, day, prev_name, sections), encoding="utf-8")
    return changes


def _validity_span(tables: Sequence[Table], rows: dict[str, list[tuple]]) -> tuple[int | None, int | None]:
    """Years the exported strategies apply to (the dataset's temporal coverage)."""
    if "strategies" not in rows:
        return None, None
    names = next(t for t in tables if t.name == "strategies").names
    start = [r[names.index("validity_from")] for r in rows["strategies"] if r[names.index("validity_from")]]
    end = [r[names.index("validity_to")] for r in rows["strategies"] if r[names.index("validity_to")]]
    return (min(start) if start else None), (max(end) if end else None)


def _dump(path: Path, obj: Any) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- bundles on disk

def previous_bundle(out_dir: Path) -> Path | None:
    """The bundle `latest` points to, else the newest bundle directory; None when out_dir has none."""
    latest = out_dir / LATEST
    target = None
    if latest.is_symlink():
        target = Path(os.readlink(latest)).name
    elif latest.is_file():
        target = latest.read_text(encoding="utf-8").strip()
    if target and _BUNDLE.match(target) and (out_dir / target).is_dir():
        return out_dir / target
    bundles = [d for d in out_dir.iterdir() if d.is_dir() and not d.is_symlink() and _BUNDLE.match(d.name)]
    return max(bundles, key=lambda d: (d.name[:10], d.stat().st_mtime), default=None)


def prune(out_dir: Path, keep: int, current: str) -> list[str]:
    """Remove all but the `keep` newest bundles (never the current one); returns the names removed."""
    bundles = sorted((d for d in out_dir.iterdir() if d.is_dir() and not d.is_symlink() and _BUNDLE.match(d.name)),
                     key=lambda d: (d.name[:10], d.stat().st_mtime), reverse=True)
    removed = [d for d in bundles[keep:] if d.name != current]
    for d in removed:
        shutil.rmtree(d, ignore_errors=True)
    return [d.name for d in removed]


def _previous_rows(previous: Path | None, table: str) -> list[dict]:
    path = previous / f"{table}.json" if previous else None
    return json.loads(path.read_text(encoding="utf-8")) if path and path.is_file() else []


def _point_latest(out_dir: Path, name: str) -> None:
    """Swap `latest` to the bundle in one rename: a symlink where the filesystem has them, else a pointer file."""
    tmp = out_dir / f".{LATEST}-{os.getpid()}"
    tmp.unlink(missing_ok=True)
    try:
        os.symlink(name, tmp, target_is_directory=True)
    except (OSError, NotImplementedError):
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(name + "\n")
            fh.flush()
            os.fsync(fh.fileno())
    os.replace(tmp, out_dir / LATEST)
    _fsync_dir(out_dir)


def _remove_stale_temps(out_dir: Path) -> None:
    """Temporary bundles left by an export that was killed (its process is gone)."""
    for d in out_dir.glob(f"{_TEMP_PREFIX}*"):
        try:
            pid = int(d.name[len(_TEMP_PREFIX):].split("-")[0])
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(d, ignore_errors=True)
        except (ValueError, PermissionError):
            continue


def _sync_tree(directory: Path) -> None:
    """fsync every file and directory below `directory` (charts/ too), then the directory itself."""
    for path in directory.iterdir():
        if path.is_dir() and not path.is_symlink():
            _sync_tree(path)
            continue
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    _fsync_dir(directory)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
