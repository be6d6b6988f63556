"""Analyst views over the warehouse tables: the questions asked every time (coverage by kraj and size class,
SMART projects and funding by area, strategies the national registry lacks), answered once, documented like tables.

core.schema.VIEWS describes every view and its columns (docs/TABLES.md, COMMENT ON); `VIEW_SQL` holds their queries; `create_views(con)` creates them in an open warehouse that has every table.
"""
from __future__ import annotations

import duckdb

from core.schema import VIEWS, Table
from transforms.size_class import SIZE_CLASSES
from transforms.vocabulary import read_vocabulary_json

# Document types that make a municipality's development or SMART plan (vocabulary.json document_types); any
# strategy judged SMART counts too. Sectoral concepts and action plans alone do not.
DEVELOPMENT_DOC_TYPES = ("strategic_development_plan_municipal", "programme_municipal_development",
                         "smart_city_strategy")


def _sql_list(values) -> str:
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in values)


def _areas_values() -> str:
    """The vocabulary's areas as an inline table (area, area_label): views name areas in Czech."""
    rows = ", ".join(f"({_sql_list([a['code'], a['label_cs']])})" for a in read_vocabulary_json()["areas"])
    return f"(VALUES {rows}) AS areas(area, area_label)"


_SIZE_ORDER = f"list_position([{_sql_list(code for code, _, _ in SIZE_CLASSES)}], size_class)"
_QUALIFIES = f"(is_smart OR doc_type IN ({_sql_list(DEVELOPMENT_DOC_TYPES)}))"


VIEW_SQL: dict[str, str] = {
    "municipality_strategy_status": f"""
WITH s AS (
    SELECT municipality_code, count(*) AS strategies, count(*) FILTER (WHERE is_smart) AS smart_strategies,
           count(*) FILTER (WHERE {_QUALIFIES}) AS qualifying,
           bool_or(coalesce(is_current, false)) FILTER (WHERE {_QUALIFIES}) AS has_current,
           max(validity_to) FILTER (WHERE {_QUALIFIES}) AS newest_validity_to,
           count(*) FILTER (WHERE in_registry) AS in_registry
    FROM strategies WHERE municipality_code IS NOT NULL GROUP BY municipality_code),
d AS (
    SELECT municipality_code, count(*) AS documents, count(*) FILTER (WHERE is_smart) AS smart_documents
    FROM documents WHERE municipality_code IS NOT NULL GROUP BY municipality_code)
SELECT m.municipality_code, m.name, m.okres_name, m.kraj_code, m.kraj_name, m.size_class, m.population,
       coalesce(d.documents, 0) AS documents, coalesce(d.smart_documents, 0) AS smart_documents,
       coalesce(s.strategies, 0) AS strategies, coalesce(s.smart_strategies, 0) AS smart_strategies,
       coalesce(s.qualifying, 0) > 0 AS has_smart_or_development_strategy,
       coalesce(s.has_current, false) AS has_current_strategy, s.newest_validity_to,
       coalesce(s.in_registry, 0) AS strategies_in_registry
FROM municipalities m LEFT JOIN s ON s.municipality_code = m.municipality_code
LEFT JOIN d ON d.municipality_code = m.municipality_code
ORDER BY m.municipality_code""",
    "municipality_coverage": f"""
SELECT kraj_code, kraj_name, size_class, count(*) AS municipalities, sum(population)::BIGINT AS population,
       count(*) FILTER (WHERE documents > 0) AS with_documents,
       count(*) FILTER (WHERE has_smart_or_development_strategy) AS with_strategy,
       round(count(*) FILTER (WHERE has_smart_or_development_strategy) / count(*), 4) AS share_with_strategy,
       count(*) FILTER (WHERE has_current_strategy) AS with_current_strategy,
       count(*) FILTER (WHERE smart_strategies > 0) AS with_smart_strategy,
       max(newest_validity_to) AS newest_validity_to
FROM municipality_strategy_status
GROUP BY kraj_code, kraj_name, size_class
ORDER BY TRY_CAST(kraj_code AS INTEGER), {_SIZE_ORDER} NULLS LAST""",
    "smart_projects_by_area": f"""
WITH p AS (
    SELECT project_code, total_cost_czk, state_support_czk, start_year, end_year,
           coalesce(municipality_codes, []) AS municipality_codes, unnest(domains) AS area
    FROM rd_projects WHERE is_smart)
SELECT p.area, any_value(areas.area_label) AS area_label, count(DISTINCT p.project_code) AS projects,
       len(list_distinct(flatten(list(p.municipality_codes)))) AS municipalities,
       sum(p.total_cost_czk)::BIGINT AS total_cost_czk, sum(p.state_support_czk)::BIGINT AS state_support_czk,
       min(p.start_year) AS first_start_year, max(p.end_year) AS last_end_year
FROM p LEFT JOIN {_areas_values()} ON areas.area = p.area
GROUP BY p.area ORDER BY projects DESC, p.area""",
    "funding_by_programme_and_area": f"""
WITH subjects AS (
    SELECT 'document' AS subject, doc_id AS subject_id, domains, coalesce(is_smart, false) AS is_smart FROM documents
    UNION ALL SELECT 'rd_project', project_code, domains, coalesce(is_smart, false) FROM rd_projects
    UNION ALL SELECT 'good_practice', practice_id, domains, true FROM good_practices),
f AS (
    SELECT f.programme_code, f.subject, f.subject_id, f.amount_czk, coalesce(s.is_smart, false) AS is_smart,
           unnest(CASE WHEN len(coalesce(s.domains, [])) = 0 THEN [NULL::VARCHAR] ELSE s.domains END) AS area
    FROM funding_mentions f LEFT JOIN subjects s ON s.subject = f.subject AND s.subject_id = f.subject_id)
SELECT f.programme_code, any_value(p.name) AS programme_name, any_value(p.kind) AS programme_kind, f.subject, f.area,
       any_value(areas.area_label) AS area_label, count(DISTINCT f.subject_id) AS subjects,
       count(DISTINCT f.subject_id) FILTER (WHERE f.is_smart) AS smart_subjects,
       sum(f.amount_czk)::BIGINT AS amount_czk
FROM f LEFT JOIN funding_programmes p ON p.programme_code = f.programme_code
LEFT JOIN {_areas_values()} ON areas.area = f.area
GROUP BY f.programme_code, f.subject, f.area
ORDER BY amount_czk DESC NULLS LAST, subjects DESC, f.programme_code, f.subject, f.area NULLS LAST""",
    "good_practices_by_area_and_size": f"""
WITH g AS (SELECT practice_id, size_class, country, cost_czk, year, unnest(domains) AS area FROM good_practices)
SELECT g.area, any_value(areas.area_label) AS area_label, g.size_class, count(*) AS practices,
       count(*) FILTER (WHERE g.country = 'CZ') AS czech_practices,
       list_sort(list_distinct(list(g.country))) AS countries,
       median(g.cost_czk)::DOUBLE AS median_cost_czk, max(g.year) AS newest_year
FROM g LEFT JOIN {_areas_values()} ON areas.area = g.area
GROUP BY g.area, g.size_class
ORDER BY g.area, {_SIZE_ORDER.replace('size_class', 'g.size_class')} NULLS LAST""",
    "strategies_missing_from_registry": """
SELECT strategy_id, title, municipality_code, municipality_name, kraj, level, doc_type, validity_from, validity_to,
       is_smart, is_current, urls[1] AS url
FROM strategies WHERE NOT coalesce(in_registry, false)
ORDER BY kraj NULLS LAST, municipality_name NULLS LAST, title, strategy_id""",
    "registry_records_not_harvested": """
SELECT record_url, name, gestor, level, municipality_code, kraj_code, valid_from, valid_to,
       len(coalesce(fulltext_urls, [])) AS fulltext_urls, last_seen_at
FROM strategy_registry WHERE strategy_id IS NULL
ORDER BY kraj_code NULLS LAST, gestor, name, record_url""",
}


def comments(view: Table) -> list[str]:
    """COMMENT ON statements of a view and its columns."""
    quote = lambda text: "'" + text.replace("'", "''") + "'"  # noqa: E731
    return [f"COMMENT ON VIEW {view.name} IS {quote(view.comment)}"] + [
        f"COMMENT ON COLUMN {view.name}.{c.name} IS {quote(c.description)}" for c in view.columns]


def create_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """CREATE OR REPLACE every analyst view, in dependency order, with its comments; returns their names."""
    for name, sql in VIEW_SQL.items():
        con.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")
        for statement in comments(VIEWS[name]):
            con.execute(statement)
    return list(VIEW_SQL)
