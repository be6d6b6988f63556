"""Czech full-text search in the warehouse: a term index and BM25 in plain SQL (ENGINEERING.md, "Full-text search
for Czech": DuckDB's fts extension is not installable offline and has no Czech stemmer).

`build_index(con)` indexes documents (title and extracted text), strategies (title), R&D projects (title, goals,
keywords) and good practices (title, description) into `search_items`, `search_terms` and `search_stats`, and
defines the table macro `search_bm25(q_terms)`; `search(con, query, ...)` ranks, filters and adds snippets.
Terms are transforms.search_text.terms: lemmatised, accent-folded, without stop words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

import duckdb
import pyarrow as pa

from core.schema import TABLES, Table
from transforms.czech_text import fold
from transforms.inspiromat import area_code
from transforms.level import LEVELS
from transforms.search_text import snippet, term_counts, terms

K1, B = 1.2, 0.75
TITLE_WEIGHT = 3  # a title word counts as three words of the body: the title says what the item is about
EXCERPT_CHARS = 2_000  # search_items keeps the opening of the text; snippets come from the full text of the hits
BATCH_ROWS = 500  # items lemmatised per batch (bounded memory on 100k long documents)
KINDS = ("document", "strategy", "rd_project", "good_practice")

SEARCH_TABLES: dict[str, Table] = {n: TABLES[n] for n in ("search_items", "search_terms", "search_stats")}

BM25_MACRO = f"""
CREATE OR REPLACE MACRO search_bm25(q_terms) AS TABLE
WITH q AS (SELECT DISTINCT unnest(q_terms) AS term),
hits AS (SELECT t.term, t.item_kind, t.item_id, t.tf FROM search_terms t WHERE t.term IN (SELECT term FROM q)),
df AS (SELECT term, count(*) AS df FROM hits GROUP BY term)
SELECT h.item_kind, h.item_id,
       round(sum(ln(1 + (s.n - df.df + 0.5) / (df.df + 0.5))
                 * h.tf * ({K1} + 1) / (h.tf + {K1} * (1 - {B} + {B} * i.length / s.avgdl))), 9) AS score
FROM hits h JOIN df USING (term) JOIN search_items i USING (item_kind, item_id) CROSS JOIN search_stats s
GROUP BY h.item_kind, h.item_id
ORDER BY score DESC, h.item_kind, h.item_id
"""
MACRO_COMMENT = ("COMMENT ON MACRO TABLE search_bm25 IS 'BM25 (k1=1.2, b=0.75) of every item matching any of the "
                 "terms: item_kind, item_id, score, best first. Pass terms as transforms.search_text.terms gives them, "
                 "e.g. SELECT * FROM search_bm25([''chytry'', ''verejny'', ''osvetleni''])'")


@dataclass(frozen=True)
class Hit:
    item_kind: str
    item_id: str
    title: str | None
    url: str | None
    score: float
    snippet: str
    kraj_code: str | None = None
    level: str | None = None
    domains: list[str] = field(default_factory=list)
    municipality_code: str | None = None
    doc_id: str | None = None


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()}


def _source_sql(con: duckdb.DuckDBPyConnection) -> str:
    """One query over the warehouse giving every searchable item with its facts and its `body` (text beside the
    title); a table that does not exist (an older warehouse) contributes nothing."""
    present = _tables(con)
    muni = ("(SELECT municipality_code, kraj_code FROM municipalities)" if "municipalities" in present
            else "(SELECT NULL::VARCHAR AS municipality_code, NULL::VARCHAR AS kraj_code WHERE false)")
    krajs = ("(SELECT DISTINCT kraj_name, kraj_code FROM municipalities)" if "municipalities" in present
             else "(SELECT NULL::VARCHAR AS kraj_name, NULL::VARCHAR AS kraj_code WHERE false)")
    repeated = ("SELECT doc_id FROM document_clusters WHERE role IN ('duplicate', 'format_twin')"
                if "document_clusters" in present else "SELECT NULL::VARCHAR AS doc_id WHERE false")
    parts = {
        "documents": f"""SELECT 'document' AS item_kind, d.doc_id AS item_id, d.title, d.url,
            coalesce(d.kraj_code, m.kraj_code) AS kraj_code, d.level, d.domains, d.municipality_code, d.doc_id,
            d.text AS body
            FROM documents d LEFT JOIN {muni} m ON m.municipality_code = d.municipality_code
            WHERE d.doc_id NOT IN ({repeated})""",
        "strategies": f"""SELECT 'strategy', s.strategy_id, s.title, s.urls[1], coalesce(m.kraj_code, k.kraj_code),
            s.level, s.domains, s.municipality_code, s.doc_id, NULL::VARCHAR
            FROM strategies s LEFT JOIN {muni} m ON m.municipality_code = s.municipality_code
            LEFT JOIN {krajs} k ON k.kraj_name = s.kraj""",
        "rd_projects": f"""SELECT 'rd_project', p.project_code, p.title, coalesce(p.url, p.listing_url), m.kraj_code,
            NULL::VARCHAR, p.domains, p.municipality_codes[1], NULL::VARCHAR,
            concat_ws(E'\\n', p.goals, array_to_string(p.keywords, ', '))
            FROM rd_projects p LEFT JOIN {muni} m ON m.municipality_code = p.municipality_codes[1]""",
        "good_practices": f"""SELECT 'good_practice', g.practice_id, g.title, g.source_url, m.kraj_code,
            NULL::VARCHAR, g.domains, g.municipality_code, NULL::VARCHAR, g.description
            FROM good_practices g LEFT JOIN {muni} m ON m.municipality_code = g.municipality_code""",
    }
    selects = [sql for table, sql in parts.items() if table in present]
    if not selects:
        return ("SELECT NULL::VARCHAR AS item_kind, NULL::VARCHAR AS item_id, NULL::VARCHAR AS title, "
                "NULL::VARCHAR AS url, NULL::VARCHAR AS kraj_code, NULL::VARCHAR AS level, NULL::VARCHAR[] AS domains, "
                "NULL::VARCHAR AS municipality_code, NULL::VARCHAR AS doc_id, NULL::VARCHAR AS body WHERE false")
    return "\nUNION ALL\n".join(selects)


def item_counts(title: str | None, body: str | None) -> dict[str, int]:
    """Term frequencies of one item: the body's words once, the title's TITLE_WEIGHT times."""
    counts = term_counts(body or "")
    for term, n in term_counts(title or "").items():
        counts[term] += TITLE_WEIGHT * n
    return dict(counts)


def _postings(con: duckdb.DuckDBPyConnection, source: str) -> Iterator[tuple[pa.Table, pa.Table]]:
    """(postings, lengths) Arrow batches of every item, read through a cursor of its own so that the caller can
    write while the source streams."""
    reading = con.cursor()
    for batch in reading.sql(f"SELECT item_kind, item_id, title, body FROM ({source})").to_arrow_reader(BATCH_ROWS):
        cols = batch.to_pydict()
        term_col, kind_col, id_col, tf_col, lengths = [], [], [], [], ([], [], [])
        for kind, item_id, title, body in zip(cols["item_kind"], cols["item_id"], cols["title"], cols["body"]):
            counts = item_counts(title, body)
            if not counts:
                continue
            term_col += counts.keys()
            tf_col += counts.values()
            kind_col += [kind] * len(counts)
            id_col += [item_id] * len(counts)
            lengths[0].append(kind), lengths[1].append(item_id), lengths[2].append(sum(counts.values()))
        yield (pa.table({"term": pa.array(term_col, pa.string()), "item_kind": pa.array(kind_col, pa.string()),
                         "item_id": pa.array(id_col, pa.string()), "tf": pa.array(tf_col, pa.int64())}),
               pa.table({"item_kind": pa.array(lengths[0], pa.string()), "item_id": pa.array(lengths[1], pa.string()),
                         "length": pa.array(lengths[2], pa.int64())}))


def _comment(con: duckdb.DuckDBPyConnection, table: Table) -> None:
    for statement in table.comments():
        con.execute(statement)


def build_index(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """(Re)build search_items, search_terms, search_stats and the macro search_bm25 from the warehouse tables on
    `con`; returns the counts of items and postings."""
    source = _source_sql(con)
    for name in ("_search_postings", "_search_lengths", *SEARCH_TABLES):
        con.execute(f"DROP TABLE IF EXISTS {name}")
    con.execute("CREATE TABLE _search_postings (term VARCHAR, item_kind VARCHAR, item_id VARCHAR, tf BIGINT)")
    con.execute("CREATE TABLE _search_lengths (item_kind VARCHAR, item_id VARCHAR, length BIGINT)")
    for postings, lengths in _postings(con, source):
        con.register("_batch_postings", postings)
        con.register("_batch_lengths", lengths)
        con.execute("INSERT INTO _search_postings SELECT * FROM _batch_postings")
        con.execute("INSERT INTO _search_lengths SELECT * FROM _batch_lengths")
        con.unregister("_batch_postings")
        con.unregister("_batch_lengths")
    items, terms_table, stats = (SEARCH_TABLES[n] for n in ("search_items", "search_terms", "search_stats"))
    for table in (items, terms_table, stats):
        con.execute(table.ddl())
        _comment(con, table)
    con.execute(f"""INSERT INTO search_items
        SELECT s.item_kind, s.item_id, s.title, s.url, s.kraj_code, s.level, coalesce(s.domains, []),
               s.municipality_code, s.doc_id, left(s.body, {EXCERPT_CHARS}), l.length
        FROM ({source}) s JOIN _search_lengths l ON l.item_kind = s.item_kind AND l.item_id = s.item_id
        ORDER BY s.item_kind, s.item_id""")
    con.execute("INSERT INTO search_terms SELECT * FROM _search_postings ORDER BY term, item_kind, item_id")
    con.execute("INSERT INTO search_stats SELECT count(*), avg(length) FROM search_items")
    con.execute("DROP TABLE _search_postings")
    con.execute("DROP TABLE _search_lengths")
    con.execute(BM25_MACRO)
    try:
        con.execute(MACRO_COMMENT)
    except duckdb.Error:
        pass  # a DuckDB without COMMENT ON MACRO TABLE: the macro works, undescribed
    n_items = con.execute("SELECT count(*) FROM search_items").fetchone()[0]
    n_postings = con.execute("SELECT count(*) FROM search_terms").fetchone()[0]
    return {"search_items": n_items, "search_terms": n_postings}


def _kraj_codes(con: duckdb.DuckDBPyConnection, kraj: str) -> list[str]:
    """Kraj codes a user's --kraj means: a RÚIAN code, a NUTS3 code or a name with or without diacritics and 'kraj'."""
    if "municipalities" not in _tables(con):
        return [kraj]
    wanted = _bare_kraj(fold(kraj))
    rows = con.execute("SELECT DISTINCT kraj_code, kraj_nuts3, kraj_name FROM municipalities").fetchall()
    found = [code for code, nuts3, name in rows
             if wanted in {fold(code or ""), fold(nuts3 or ""), _bare_kraj(fold(name or ""))}]
    if not found:
        raise ValueError(f"unknown kraj {kraj!r}; known: " + ", ".join(sorted({n for _, _, n in rows if n})))
    return found


def _bare_kraj(folded: str) -> str:
    """"zlinsky kraj" / "kraj vysocina" / "hlavni mesto praha" -> "zlinsky" / "vysocina" / "praha"."""
    return re.sub(r"^(?:kraj|hlavni mesto)\s+|\s+kraj$", "", folded.strip())


def _bodies(con: duckdb.DuckDBPyConnection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Full text beside the title of the given items, read from their own tables (search_items keeps only the
    opening)."""
    if not keys:
        return {}
    rows = con.execute(f"""SELECT item_kind, item_id, body FROM ({_source_sql(con)})
        WHERE item_id IN (SELECT unnest(?)) AND body IS NOT NULL""", [[k[1] for k in keys]]).fetchall()
    wanted = set(keys)
    return {(kind, item_id): body for kind, item_id, body in rows if (kind, item_id) in wanted}


def search(con: duckdb.DuckDBPyConnection, query: str, kraj: str | None = None, level: str | None = None,
           domain: str | None = None, limit: int = 10) -> list[Hit]:
    """The best `limit` items for the query by BM25, optionally only of a kraj (code or name), a level and a SMART
    area, each with a snippet around the words that matched."""
    if "search_items" not in _tables(con):
        raise ValueError("the warehouse has no search index: it predates it (run `smartharvest rebuild`)")
    q = terms(query)
    if not q or limit <= 0:
        return []
    filters, params = [], [q]
    if kraj:
        filters.append("list_contains(?, i.kraj_code)")
        params.append(_kraj_codes(con, kraj))
    if level:
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r}; known: {', '.join(LEVELS)}")
        filters.append("i.level = ?")
        params.append(level)
    if domain:
        indexed = {r[0] for r in con.execute("SELECT DISTINCT unnest(domains) FROM search_items").fetchall()}
        filters.append("list_contains(i.domains, ?)")
        params.append(domain if domain in indexed else area_code(domain))  # a code, or a Czech name of one
    where = ("WHERE " + " AND ".join(filters)) if filters else ""
    rows = con.execute(f"""SELECT b.item_kind, b.item_id, b.score, i.title, i.url, i.kraj_code, i.level, i.domains,
               i.municipality_code, i.doc_id, i.excerpt
        FROM search_bm25(?::VARCHAR[]) b JOIN search_items i USING (item_kind, item_id) {where}
        ORDER BY b.score DESC, b.item_kind, b.item_id LIMIT {int(limit)}""", params).fetchall()
    bodies = _bodies(con, [(r[0], r[1]) for r in rows])
    hits = []
    for kind, item_id, score, title, url, kraj_code, lvl, domains, municipality_code, doc_id, excerpt in rows:
        text = bodies.get((kind, item_id)) or excerpt or title or ""
        hits.append(Hit(kind, item_id, title, url, score, snippet(text, q), kraj_code, lvl, list(domains or []),
                        municipality_code, doc_id))
    return hits
