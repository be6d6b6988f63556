"""The commands that give users what they came for: `inspiromat` (ideas from comparable municipalities), `search`
(Czech full text) and `export` (the portal bundle). Each opens the warehouse read-only for as long as it needs."""
from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path

from core.settings import load_settings


def add_parsers(sub) -> None:
    ins = sub.add_parser(
        "inspiromat", help="good practices, strategies and R&D projects of municipalities like a given one",
        description="Find what comparable municipalities (same or near size class, same or neighbouring kraj, shared "
        "SMART areas) have done, ranked, each with its reason and a link to its evidence. Accepts a name with or "
        "without diacritics, 'Lhota (Kladno)', 'Lhota, okres Kladno' or the municipality's code; a name several "
        "municipalities share lists them and picks none.")
    ins.add_argument("--obec", required=True, metavar="NAME|CODE", help="the municipality (name or 6-digit code)")
    ins.add_argument("--domain", metavar="AREA", help="only this SMART area (code or Czech name, e.g. energetika)")
    ins.add_argument("--limit", type=int, default=10, metavar="N", help="how many recommendations (default 10)")
    ins.add_argument("--db", metavar="PATH", help="DuckDB warehouse file (default: data/warehouse.duckdb)")

    se = sub.add_parser(
        "search", help="Czech full-text search over documents, strategies, R&D projects and good practices",
        description="Ranked (BM25) search on lemmatised, accent-folded terms: 'strategii' finds 'strategie', "
        "'osvetleni' finds 'osvětlení'. Analysts get the same ranking in SQL: "
        "SELECT * FROM search_bm25(['chytry', 'osvetleni']).")
    se.add_argument("query", help="words to look for, e.g. \"chytré veřejné osvětlení\"")
    se.add_argument("--kraj", help="only this kraj (name with or without diacritics, or its code)")
    se.add_argument("--level", help="only this level of documents and strategies (municipal, regional, national, mas)")
    se.add_argument("--domain", metavar="AREA", help="only items of this SMART area (code, e.g. energy)")
    se.add_argument("--limit", type=int, default=10, metavar="N", help="how many hits (default 10)")
    se.add_argument("--db", metavar="PATH", help="DuckDB warehouse file (default: data/warehouse.duckdb)")

    exp = sub.add_parser(
        "export", help="write the portal bundle: curated tables as Parquet, CSV and JSON with datapackage.json, a "
        "DCAT-AP-CZ record, changes since the previous bundle, a digest and a preview page",
        description="Write a dated, versioned bundle <out>/<date>-<hash>/ of the curated tables (strategies, "
        "rd_projects, good_practices, strategy_registry, municipality_coverage, recommendations) and point "
        "<out>/latest at it. The "
        "bundle appears only when complete; the same warehouse gives byte-identical data files.")
    exp.add_argument("--out", metavar="DIR", help="where bundles go (default: <data-dir>/export)")
    exp.add_argument("--db", metavar="PATH", help="DuckDB warehouse file (default: data/warehouse.duckdb)")
    exp.add_argument("--data-dir", metavar="DIR", help="data directory (default: data/)")


@contextmanager
def _warehouse(db: str | None):
    import duckdb

    settings = load_settings(db_path=db)
    if not Path(settings.db_path).exists():
        raise FileNotFoundError(f"no warehouse at {settings.db_path}; run `smartharvest run` first")
    con = duckdb.connect(str(settings.db_path), read_only=True)
    try:
        yield con
    finally:
        con.close()


def cmd_inspiromat(args: argparse.Namespace) -> int:
    from pipelines.inspiromat import recommendations
    from transforms.inspiromat import KIND_LABELS

    import duckdb

    with _warehouse(args.db) as con:
        try:
            answer = recommendations(con, args.obec, domain=args.domain, limit=args.limit)
        except duckdb.Error as exc:  # a warehouse of an older version lacks a table or column the inspiromat reads
            print(f"error: the warehouse predates the inspiromat (run `smartharvest rebuild`): {exc}", file=sys.stderr)
            return 2
    if not answer.resolution.resolved:
        print(answer.resolution.message, file=sys.stderr)
        return 1
    print(answer.resolution.message)
    if not answer.recommendations:
        print("nothing comparable found yet")
    for i, r in enumerate(answer.recommendations, start=1):
        print(f"{i:>2}. [{KIND_LABELS.get(r.kind, r.kind)}] {r.title}" + (f" – {r.place}" if r.place else ""))
        print(f"    proč: {r.reason}")
        if r.url:
            print(f"    {r.url}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from pipelines.export import ExportError, export_bundle

    settings = load_settings(db_path=args.db, data_dir=args.data_dir)
    out = Path(args.out) if args.out else settings.export_dir
    try:
        result = export_bundle(settings.db_path, out)
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    what = "unchanged since the bundle of today, kept" if result.reused else (
        f"changes against {result.previous}" if result.previous else "first bundle")
    print(f"smartharvest export: {result.bundle_dir} ({what})")
    for table, n in result.rows.items():
        c = result.changes.get(table)
        print(f"  {table:<24} {n:>7} rows" + (f"   new {c['new']}, changed {c['changed']}, removed {c['removed']}"
                                               if c else ""))
    print(f"  preview: {result.bundle_dir / 'index.html'}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from pipelines.search import search

    with _warehouse(args.db) as con:
        hits = search(con, args.query, kraj=args.kraj, level=args.level, domain=args.domain, limit=args.limit)
    if not hits:
        print("no hits")
        return 1
    for i, h in enumerate(hits, start=1):
        print(f"{i:>2}. [{h.item_kind}] {h.title}  ({h.score:.2f})")
        if h.snippet:
            print(f"    {h.snippet}")
        if h.url:
            print(f"    {h.url}")
    return 0


COMMANDS = {"inspiromat": cmd_inspiromat, "search": cmd_search, "export": cmd_export}
