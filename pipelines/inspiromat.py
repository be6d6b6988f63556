"""The inspiromat on the warehouse: candidates (good practices, strategies, SMART R&D projects) read from DuckDB and
ranked for one municipality or for every municipality of the registry (transforms.inspiromat does the judging).

A warehouse missing one of the tables, or holding none of its rows, simply yields no candidates of that kind.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pyarrow as pa

from core.schema import FLOAT, INT, TABLES, TEXT, TEXTS, Table
from transforms.inspiromat import Recommendation, Resolution, area_code, recommend, recommend_all, resolve_municipality

RECOMMENDATIONS_TABLE: Table = TABLES["recommendations"]

_MUNICIPALITIES = """
SELECT municipality_code, name, official_name, ico, okres_code, okres_name, orp_code, orp_name, kraj_code, kraj_name,
       population, size_class
FROM municipalities ORDER BY municipality_code"""

_KRAJE = "(SELECT DISTINCT kraj_code, kraj_name FROM municipalities)"

_CANDIDATES = {
    "good_practices": """
SELECT 'good_practice' AS kind, g.practice_id AS id, g.title, g.source_url AS url, g.municipality_code,
       coalesce(m.name, g.municipality_name) AS municipality_name, m.kraj_code, m.kraj_name,
       coalesce(g.size_class, m.size_class) AS size_class, g.domains, coalesce(g.country, 'CZ') AS country, g.year
FROM good_practices g LEFT JOIN municipalities m ON m.municipality_code = g.municipality_code""",
    "strategies": f"""
SELECT 'strategy' AS kind, s.strategy_id AS id, s.title, coalesce(s.urls[1], s.registry_url) AS url,
       s.municipality_code, coalesce(s.municipality_name, m.name) AS municipality_name,
       coalesce(m.kraj_code, k.kraj_code) AS kraj_code, coalesce(m.kraj_name, s.kraj) AS kraj_name, m.size_class,
       s.domains, 'CZ' AS country, s.is_smart, s.is_current, s.validity_to, s.in_registry
FROM strategies s LEFT JOIN municipalities m ON m.municipality_code = s.municipality_code
LEFT JOIN {_KRAJE} k ON k.kraj_name = s.kraj""",
    # one row per linked municipality (a project linked to none: one row without a place)
    "rd_projects": """
SELECT 'rd_project' AS kind, p.project_code AS id, p.title, coalesce(p.url, p.listing_url) AS url,
       l.code AS municipality_code, m.name AS municipality_name, m.kraj_code, m.kraj_name, m.size_class, p.domains,
       'CZ' AS country, p.is_smart, p.start_year, p.end_year
FROM rd_projects p,
     unnest(CASE WHEN len(coalesce(p.municipality_codes, [])) = 0 THEN [NULL::VARCHAR]
                 ELSE p.municipality_codes END) AS l(code)
LEFT JOIN municipalities m ON m.municipality_code = l.code
WHERE p.is_smart
ORDER BY p.project_code, l.code""",  # a fixed order: ties between a project's places resolve the same every night
}

_OWN_AREAS = """
SELECT municipality_code, list_sort(list_distinct(flatten(list(coalesce(domains, []))))) AS domains
FROM strategies WHERE municipality_code IS NOT NULL GROUP BY municipality_code"""


@dataclass(frozen=True)
class Answer:
    """What the inspiromat says for one query: which municipality it understood, and its recommendations."""
    resolution: Resolution
    domain: str | None
    recommendations: list[Recommendation]


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}


def _dicts(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def municipalities(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Registry rows of the warehouse (empty when the table is missing)."""
    return _dicts(con, _MUNICIPALITIES) if "municipalities" in _tables(con) else []


def candidates(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every item the inspiromat can recommend, with the registry facts of its place."""
    present = _tables(con)
    if "municipalities" not in present:
        return []
    return [row for table, sql in _CANDIDATES.items() if table in present for row in _dicts(con, sql)]


def own_areas(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """municipality_code -> SMART areas of its own harvested strategies (they raise items sharing them)."""
    if "strategies" not in _tables(con):
        return {}
    return {code: list(domains) for code, domains in con.execute(_OWN_AREAS).fetchall()}


def recommendations(con: duckdb.DuckDBPyConnection, query: str, domain: str | None = None,
                    limit: int = 10) -> Answer:
    """Recommendations for the municipality a user typed (name, name with okres, code); none until the query names
    exactly one. `domain` is an area code or its Czech label; an unknown one raises ValueError."""
    area = area_code(domain) if domain else None
    resolution = resolve_municipality(query, municipalities(con))
    if not resolution.resolved:
        return Answer(resolution, area, [])
    target = dict(resolution.municipality)
    target["domains"] = own_areas(con).get(target["municipality_code"], [])
    return Answer(resolution, area, recommend(target, candidates(con), domain=area, limit=limit))


def recommendation_table(con: duckdb.DuckDBPyConnection, limit_per_municipality: int = 5) -> list[dict]:
    """Rows of RECOMMENDATIONS_TABLE for every municipality of the registry, ranked once per (size class, kraj,
    own areas) group rather than once per municipality."""
    registry = municipalities(con)
    names = {m["municipality_code"]: f"{m['name']} (okres {m['okres_name']})" for m in registry}
    found = recommend_all(registry, candidates(con), limit=limit_per_municipality, domains_of=own_areas(con))
    return [{"municipality_code": code, "municipality_name": names.get(code), "rank": i, "kind": r.kind, "item_id": r.item_id, "title": r.title,
             "url": r.url, "place": r.place, "domains": list(r.domains), "reason": r.reason, "score": r.score}
            for code in sorted(found) for i, r in enumerate(found[code], start=1)]


_ARROW = {TEXT: pa.string(), INT: pa.int64(), FLOAT: pa.float64(), TEXTS: pa.list_(pa.string())}


def write_recommendation_table(con: duckdb.DuckDBPyConnection, limit_per_municipality: int = 5) -> int:
    """(Re)create the `recommendations` table with its comments in the open warehouse; returns its row count."""
    rows = recommendation_table(con, limit_per_municipality)
    table = RECOMMENDATIONS_TABLE
    con.execute(f"DROP TABLE IF EXISTS {table.name}")
    con.execute(table.ddl())
    for statement in table.comments():
        con.execute(statement)
    incoming = pa.table({c.name: pa.array([r[c.name] for r in rows], type=_ARROW[c.type]) for c in table.columns})
    con.register("_recommendations", incoming)
    try:
        con.execute(f"INSERT INTO {table.name} SELECT * FROM _recommendations")
    finally:
        con.unregister("_recommendations")
    return len(rows)
