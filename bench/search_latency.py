"""Latency of Czech full-text search (pipelines/search.py) on a warehouse.

    python bench/search_latency.py [--db data/warehouse.duckdb] [--repeat 5] [--limit 10] [--in-place]

Copies the warehouse to a temporary file (or, with --in-place, uses it and its existing index when it has one),
builds the search index there and times it, then runs 20 queries (accented and not, inflected, with filters)
`--repeat` times each after one warm-up round: median and slowest-median latency of search() (BM25 + snippets),
the SQL macro alone, and the median per query. Results in bench/results/search_latency.json. No assertions.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "warehouse.duckdb")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--in-place", action="store_true", help="use the warehouse itself (index built if missing)")
    args = parser.parse_args()

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
        per_query, macro = {}, []
        for query, filters in QUERIES:
            samples = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                hits = search(con, query, limit=args.limit, **filters)
                samples.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                con.execute("SELECT * FROM search_bm25(?) LIMIT ?", [terms(query), args.limit]).fetchall()
                macro.append(time.perf_counter() - t0)
            per_query[query + (f" {filters}" if filters else "")] = {"median_ms": _median_ms(samples),
                                                                     "hits": len(hits)}
        medians = sorted(q["median_ms"] for q in per_query.values())
        result = {
            "db": str(args.db),
            "index_build_s": build_s,
            "index": counts or {"search_items": con.execute("SELECT count(*) FROM search_items").fetchone()[0],
                                "search_terms": con.execute("SELECT count(*) FROM search_terms").fetchone()[0]},
            "queries": len(QUERIES),
            "repeat": args.repeat,
            "search_median_ms": round(statistics.median(medians), 2),
            "search_slowest_query_median_ms": medians[-1],
            "macro_median_ms": _median_ms(macro),
            "per_query": per_query,
        }
    finally:
        con.close()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    out = ROOT / "bench" / "results" / "search_latency.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for query, figures in per_query.items():
        print(f"{figures['median_ms']:8.1f} ms  {figures['hits']:3d} hits  {query}")
    print(f"index: {result['index']} built in {build_s} s; search median {result['search_median_ms']} ms, "
          f"slowest query {result['search_slowest_query_median_ms']} ms, macro alone {result['macro_median_ms']} ms")
    print(f"-> {out}")


if __name__ == "__main__":
    main()
