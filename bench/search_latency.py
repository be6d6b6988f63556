"""Latency of Czech full-text search (pipelines/search.py) on a warehouse.

    python bench/search_latency.py [--db data/warehouse.duckdb] [--repeat 5] [--limit 10] [--in-place]

Copies the warehouse to a temporary file (or, with --in-place, uses it and its existing index when it has one),
builds the search index there and times it, then runs 20 queries (accented and not, inflected, with filters)
`--repeat` times each after one warm-up round: median and slowest-median latency of search() (BM25 + snippets),
the SQL macro alone, and the median per query. Baseline in the same run: a plain keyword scan of the documents'
text (`SELECT doc_id, title FROM documents WHERE text ILIKE '%word%' AND ...` over the query's words of 3+ letters,
no lemmas, no ranking). Results in the common shape (bench/report.py) in bench/results/search_latency.json; without
a warehouse the bench says so and exits 0. No assertions.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402
from pipelines.search import build_index, search  # noqa: E402
from transforms.search_text import terms  # noqa: E402

QUERIES: list[tuple[str, dict]] = [
    ("chytré veřejné osvětlení", {}),
    ("chytre verejne osvetleni", {}),
    ("strategii rozvoje obce", {}),
    ("strategický plán rozvoje města", {}),
    ("program rozvoje obce", {"level": "municipal"}),
    ("koncepce smart city", {}),
    ("sběr odpadu", {}),
    ("sber a svoz komunalniho odpadu", {}),
    ("územní plán", {}),
    ("akční plán", {}),
    ("cyklostezka", {}),
    ("parkování ve městě", {}),
    ("dopravni obsluznost", {}),
    ("zateplení budov úspora energie", {"domain": "energy"}),
    ("digitalizace úřadu", {}),
    ("rozpočet obce", {}),
    ("vodovod a kanalizace", {}),
    ("strategie rozvoje kraje", {"level": "regional"}),
    ("mobilní aplikace pro občany", {}),
    ("dotace na rekonstrukci", {"kraj": "Středočeský kraj"}),
]


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def _like(con: duckdb.DuckDBPyConnection, query: str, limit: int) -> list:
    """The naive baseline: every word of 3+ letters as ILIKE '%word%' over the documents' text."""
    words = [w for w in query.split() if len(w) >= 3]
    where = " AND ".join("text ILIKE ?" for _ in words) or "TRUE"
    return con.execute(f"SELECT doc_id, title FROM documents WHERE {where} LIMIT {int(limit)}",
                       [f"%{w}%" for w in words]).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "warehouse.duckdb")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--in-place", action="store_true", help="use the warehouse itself (index built if missing)")
    args = parser.parse_args()
    command = report.command_line(__file__, sys.argv[1:])
    load_before = report.load_average()
    if not args.db.exists():
        print(f"search_latency: skipped: no warehouse at {args.db}", file=sys.stderr)
        report.save("search_latency", report.result("search_latency", command=command, repeat=args.repeat, rows=[],
                                                    load_before=load_before, skipped=f"no warehouse at {args.db}"))
        return

    tmp = None
    db = args.db
    if not args.in_place:
        tmp = Path(tempfile.mkdtemp(prefix="search_bench_"))
        db = tmp / "warehouse.duckdb"
        shutil.copy(args.db, db)
    con = duckdb.connect(str(db))
    try:
        indexed = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'search_terms'").fetchone()[0]
        build_s, counts = None, None
        if not (args.in_place and indexed):
            t0 = time.perf_counter()
            counts = build_index(con)
            build_s = round(time.perf_counter() - t0, 2)
            con.execute("CHECKPOINT")
        for query, filters in QUERIES:  # warm-up: lemma caches, the folded dictionary, DuckDB's buffers
            search(con, query, limit=args.limit, **filters)
        for query, _ in QUERIES:
            _like(con, query, args.limit)
        per_query, macro, like = {}, [], []
        for query, filters in QUERIES:
            samples, like_samples = [], []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                hits = search(con, query, limit=args.limit, **filters)
                samples.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                con.execute("SELECT * FROM search_bm25(?) LIMIT ?", [terms(query), args.limit]).fetchall()
                macro.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                like_hits = _like(con, query, args.limit)
                like_samples.append(time.perf_counter() - t0)
            like.extend(like_samples)
            per_query[query + (f" {filters}" if filters else "")] = {"median_ms": _median_ms(samples),
                                                                     "hits": len(hits),
                                                                     "like_median_ms": _median_ms(like_samples),
                                                                     "like_hits": len(like_hits)}
        medians = sorted(q["median_ms"] for q in per_query.values())
        like_medians = sorted(q["like_median_ms"] for q in per_query.values())
        documents, text_chars = con.execute("SELECT count(*), coalesce(sum(length(text)), 0) FROM documents").fetchone()
        figures = {
            "db": str(args.db),
            "documents": documents,
            "text_chars": text_chars,
            "index_build_s": build_s,
            "index": counts or {"search_items": con.execute("SELECT count(*) FROM search_items").fetchone()[0],
                                "search_terms": con.execute("SELECT count(*) FROM search_terms").fetchone()[0]},
            "queries": len(QUERIES),
            "search_median_ms": round(statistics.median(medians), 2),
            "search_slowest_query_median_ms": medians[-1],
            "macro_median_ms": _median_ms(macro),
            "like_median_ms": round(statistics.median(like_medians), 2),
            "like_slowest_query_median_ms": like_medians[-1],
            "per_query": per_query,
        }
    finally:
        con.close()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    scale = f"{figures['documents']:,} documents, {figures['text_chars'] / 1e6:.1f} M characters"
    rows = [
        report.row("search() median latency (BM25 + snippets), median of 20 queries", figures["search_median_ms"],
                   "ms", baseline="ILIKE scan of documents.text", baseline_value=figures["like_median_ms"],
                   note=scale),
        report.row("search() slowest query's median latency", figures["search_slowest_query_median_ms"], "ms",
                   baseline="ILIKE scan, slowest query", baseline_value=figures["like_slowest_query_median_ms"]),
        report.row("search_bm25 macro alone, median", figures["macro_median_ms"], "ms",
                   baseline="search() with snippets", baseline_value=figures["search_median_ms"]),
    ]
    if build_s is not None:
        rows.append(report.row("search index build", build_s, "s",
                               note=", ".join(f"{v:,} {k}" for k, v in figures["index"].items())))
    result = report.result("search_latency", command=command, repeat=args.repeat, rows=rows, load_before=load_before,
                           **figures)
    for query, q in per_query.items():
        print(f"{q['median_ms']:8.1f} ms  {q['hits']:3d} hits  (ILIKE {q['like_median_ms']:7.1f} ms, "
              f"{q['like_hits']:3d} hits)  {query}", file=sys.stderr)
    print(f"index: {figures['index']} built in {build_s} s; search median {figures['search_median_ms']} ms, "
          f"slowest query {figures['search_slowest_query_median_ms']} ms, macro alone {figures['macro_median_ms']} ms, "
          f"ILIKE scan {figures['like_median_ms']} ms", file=sys.stderr)
    report.save("search_latency", result)


if __name__ == "__main__":
    main()
