-- Analyst queries over data/warehouse.duckdb (tables: docs/TABLES.md; views: pipelines/analyst_views.py).
-- Each query: a `-- name:` line, the question it answers, the columns it returns. Every one is run by
-- tests/pipelines/test_analyst_views.py. Run one with: .venv/bin/smartharvest query "<the query>"

-- name: coverage-by-kraj
-- Which kraje have the largest share of municipalities with a SMART or development strategy?
-- columns: kraj_name, municipalities, with_strategy, share_with_strategy, with_current_strategy
SELECT kraj_name, sum(municipalities) AS municipalities, sum(with_strategy) AS with_strategy,
       round(sum(with_strategy) / sum(municipalities), 4) AS share_with_strategy,
       sum(with_current_strategy) AS with_current_strategy
FROM municipality_coverage
GROUP BY kraj_name
ORDER BY share_with_strategy DESC, kraj_name;

-- name: coverage-by-size-class
-- How does strategy coverage grow with municipality size, across the whole country?
-- columns: size_class, municipalities, with_documents, with_strategy, share_with_strategy, with_smart_strategy
SELECT size_class, sum(municipalities) AS municipalities, sum(with_documents) AS with_documents,
       sum(with_strategy) AS with_strategy, round(sum(with_strategy) / sum(municipalities), 4) AS share_with_strategy,
       sum(with_smart_strategy) AS with_smart_strategy
FROM municipality_coverage
GROUP BY size_class
ORDER BY list_position(['village_xs', 'village', 'small_town', 'town', 'city'], size_class) NULLS LAST;

-- name: largest-municipalities-without-strategy
-- Which are the largest municipalities with no SMART or development strategy found?
-- columns: name, okres_name, kraj_name, size_class, population, documents
SELECT name, okres_name, kraj_name, size_class, population, documents
FROM municipality_strategy_status
WHERE NOT has_smart_or_development_strategy
ORDER BY population DESC NULLS LAST, municipality_code
LIMIT 50;

-- name: strategies-expiring-soon
-- Which municipal strategies end this year or next, so their municipality is about to need a new one?
-- columns: municipality_name, kraj, title, doc_type, validity_to, is_smart
SELECT municipality_name, kraj, title, doc_type, validity_to, is_smart
FROM strategies
WHERE level = 'municipal' AND validity_to BETWEEN year(current_date) AND year(current_date) + 1
ORDER BY validity_to, municipality_name, title;

-- name: municipalities-with-expired-strategies
-- Which municipalities have only expired development strategies (newest validity already past)?
-- columns: name, kraj_name, size_class, strategies, newest_validity_to
SELECT name, kraj_name, size_class, strategies, newest_validity_to
FROM municipality_strategy_status
WHERE has_smart_or_development_strategy AND NOT has_current_strategy AND newest_validity_to < year(current_date)
ORDER BY newest_validity_to, name;

-- name: smart-strategies-by-area-and-size
-- Which SMART areas do the SMART strategies of each size class address?
-- columns: size_class, area, strategies, municipalities
SELECT m.size_class, area, count(DISTINCT s.strategy_id) AS strategies,
       count(DISTINCT s.municipality_code) AS municipalities
FROM strategies s JOIN municipalities m ON m.municipality_code = s.municipality_code, unnest(s.domains) AS t(area)
WHERE s.is_smart
GROUP BY m.size_class, area
ORDER BY list_position(['village_xs', 'village', 'small_town', 'town', 'city'], m.size_class), strategies DESC, area;

-- name: top-programmes-for-smart-projects
-- Which funding programmes give the most state support to SMART R&D projects, per area?
-- columns: programme_code, programme_name, area_label, smart_subjects, amount_czk
SELECT programme_code, programme_name, area_label, smart_subjects, amount_czk
FROM funding_by_programme_and_area
WHERE subject = 'rd_project' AND smart_subjects > 0
ORDER BY amount_czk DESC NULLS LAST, programme_code, area_label
LIMIT 30;

-- name: programmes-named-by-municipal-documents
-- Which programmes do municipal documents name most often, and in how many municipalities?
-- columns: programme_code, name, documents, municipalities, mentions
SELECT f.programme_code, any_value(p.name) AS name, count(DISTINCT f.doc_id) AS documents,
       count(DISTINCT d.municipality_code) AS municipalities, sum(f.mentions) AS mentions
FROM funding_mentions f JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN funding_programmes p ON p.programme_code = f.programme_code
WHERE f.subject = 'document' AND d.level = 'municipal'
GROUP BY f.programme_code
ORDER BY documents DESC, f.programme_code;

-- name: smart-projects-by-area
-- In which SMART areas is R&D support concentrated, and how many municipalities take part?
-- columns: area_label, projects, municipalities, state_support_czk, first_start_year, last_end_year
SELECT area_label, projects, municipalities, state_support_czk, first_start_year, last_end_year
FROM smart_projects_by_area
ORDER BY state_support_czk DESC NULLS LAST, area_label;

-- name: municipalities-in-smart-projects
-- Which municipalities take part in the most SMART R&D projects, and how big are they?
-- columns: name, kraj_name, size_class, projects, areas
SELECT m.name, m.kraj_name, m.size_class, count(DISTINCT p.project_code) AS projects,
       list_sort(list_distinct(flatten(list(p.domains)))) AS areas
FROM rd_projects p, unnest(p.municipality_codes) AS t(code)
JOIN municipalities m ON m.municipality_code = t.code
WHERE p.is_smart
GROUP BY m.municipality_code, m.name, m.kraj_name, m.size_class
ORDER BY projects DESC, m.name
LIMIT 50;

-- name: good-practices-for-villages
-- What good practices can a village under 2,000 inhabitants learn from, per area, and what do they cost?
-- columns: area, practices, czech_practices, median_cost_czk, newest_year
SELECT area, count(*) AS practices, count(*) FILTER (WHERE country = 'CZ') AS czech_practices,
       median(cost_czk) AS median_cost_czk, max(year) AS newest_year
FROM good_practices, unnest(domains) AS t(area)
WHERE size_class IN ('village_xs', 'village')
GROUP BY area
ORDER BY practices DESC, area;

-- name: unregistered-strategies-by-kraj
-- How many harvested strategies per kraj are missing from the national Databáze strategií?
-- columns: kraj, strategies, smart, current
SELECT coalesce(kraj, '(bez kraje)') AS kraj, count(*) AS strategies, count(*) FILTER (WHERE is_smart) AS smart,
       count(*) FILTER (WHERE is_current) AS current
FROM strategies_missing_from_registry
GROUP BY ALL
ORDER BY strategies DESC, kraj;

-- name: registry-records-to-harvest
-- Which registered strategies has the harvest not found yet, newest first?
-- columns: gestor, name, level, valid_from, valid_to, record_url
SELECT gestor, name, level, valid_from, valid_to, record_url
FROM registry_records_not_harvested
ORDER BY valid_to DESC NULLS LAST, gestor, name;

-- name: sources-without-documents
-- Which sources gave no documents in their latest crawl, and why?
-- columns: source_id, kind, start_url, last_status, last_reason, last_crawled_at
SELECT source_id, kind, start_url, last_status, last_reason, last_crawled_at
FROM sources
WHERE enabled AND coalesce(last_documents, 0) = 0
ORDER BY last_status, source_id;

-- name: documents-waiting-for-text
-- Which documents still have no usable text (scans waiting for OCR, failed extractions), by format?
-- columns: file_format, extraction_status, documents, bytes
SELECT file_format, extraction_status, count(*) AS documents, sum(size_bytes) AS bytes
FROM documents
WHERE extraction_status <> 'ok'
GROUP BY ALL
ORDER BY documents DESC, file_format, extraction_status;
