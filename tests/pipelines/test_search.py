"""Full-text search over a small warehouse: inflected and unaccented queries find their words, BM25 puts the item
about the query above the one that mentions it in passing, filters narrow, and analysts get the same ranking
from the SQL macro."""
from __future__ import annotations

import math

import duckdb
import pyarrow as pa
import pytest

from core import schema
from core.schema import TABLES
from pipelines.search import K1, B, SEARCH_TABLES, build_index, search
from transforms.search_text import terms

_ARROW = {schema.TEXT: pa.string(), schema.INT: pa.int64(), schema.FLOAT: pa.float64(), schema.BOOL: pa.bool_(),
          schema.DATE: pa.string(), schema.TIME: pa.string(), schema.TEXTS: pa.list_(pa.string())}

MUNICIPALITIES = [
    {"municipality_code": "538523", "name": "Mukařov", "kraj_code": "27", "kraj_name": "Středočeský kraj",
     "kraj_nuts3": "CZ020", "size_class": "small_town"},
    {"municipality_code": "588296", "name": "Kroměříž", "kraj_code": "141", "kraj_name": "Zlínský kraj",
     "kraj_nuts3": "CZ072", "size_class": "town"},
    {"municipality_code": "577197", "name": "Jilemnice", "kraj_code": "78", "kraj_name": "Liberecký kraj",
     "kraj_nuts3": "CZ051", "size_class": "small_town"},
]

MINUTES_FILLER = ("Zastupitelstvo obce schválilo program jednání a ověřovatele zápisu. Starosta informoval o opravě "
                  "místní komunikace v ulici Polní a o přípravě rozpočtu na příští rok. ") * 15
LIGHTING = ("Koncepce chytrého veřejného osvětlení města Kroměříž. Město vymění 1 200 svítidel veřejného osvětlení "
            "za LED. Chytré osvětlení se ztlumí, když ulicí nikdo nejde, a dálkový dohled hlásí poruchy osvětlení. "
            "Úspora energie na veřejné osvětlení dosáhne 60 %.")
DOCUMENTS = [
    {"doc_id": "d_light", "title": "Koncepce chytrého veřejného osvětlení", "text": LIGHTING,
     "url": "https://www.mesto-kromeriz.cz/koncepce-vo.pdf", "municipality_code": "588296", "level": "municipal",
     "domains": ["energy"]},
    {"doc_id": "d_light_docx", "title": "Koncepce chytrého veřejného osvětlení", "text": LIGHTING,
     "url": "https://www.mesto-kromeriz.cz/koncepce-vo.docx", "municipality_code": "588296", "level": "municipal",
     "domains": ["energy"]},
    {"doc_id": "d_minutes", "title": "Zápis ze zasedání zastupitelstva obce Mukařov č. 5/2024",
     "text": MINUTES_FILLER + "Zastupitelstvo vzalo na vědomí informaci o výměně veřejného osvětlení v ulici Lesní. "
             + MINUTES_FILLER,
     "url": "https://www.mukarov.cz/zapis-5-2024.pdf", "municipality_code": "538523", "level": "municipal",
     "domains": []},
    {"doc_id": "d_strategy", "title": "Strategie rozvoje obce Mukařov 2021–2030",
     "text": "Strategie rozvoje obce Mukařov stanoví vizi, priority a opatření do roku 2030: bydlení, školství, "
             "doprava a životní prostředí.",
     "url": "https://www.mukarov.cz/strategie-rozvoje-2021-2030.pdf", "municipality_code": "538523",
     "level": "municipal", "domains": []},
    {"doc_id": "d_waste", "title": "Harmonogram svozu a sběru odpadu 2024",
     "text": "Sběr tříděného odpadu probíhá každé druhé úterý. Sběrný dvůr přijímá velkoobjemový odpad v sobotu.",
     "url": "https://www.jilemnice.cz/odpady-2024.pdf", "municipality_code": "577197", "level": "municipal",
     "domains": ["waste"]},
    {"doc_id": "d_region", "title": "Strategie rozvoje Zlínského kraje 2021–2027",
     "text": "Strategie rozvoje kraje určuje priority regionálního rozvoje, dopravy a vzdělávání.",
     "url": "https://www.kr-zlinsky.cz/strategie-rozvoje-2021-2027.pdf", "municipality_code": None,
     "kraj_code": "141", "level": "regional", "domains": ["mobility_transport"]},
]
CLUSTERS = [
    {"cluster_id": "c1", "doc_id": "d_light", "similarity": 1.0, "role": "canonical"},
    {"cluster_id": "c1", "doc_id": "d_light_docx", "similarity": 1.0, "role": "format_twin"},
]
STRATEGIES = [
    {"strategy_id": "s_mukarov", "title": "Strategie rozvoje obce Mukařov 2021–2030", "municipality_code": "538523",
     "kraj": "Středočeský kraj", "level": "municipal", "domains": [], "doc_id": "d_strategy",
     "urls": ["https://www.mukarov.cz/strategie-rozvoje-2021-2030.pdf"]},
    {"strategy_id": "s_liberecky", "title": "Koncepce Chytrý region Liberecký kraj 2021–2030",
     "municipality_code": None, "kraj": "Liberecký kraj", "level": "regional", "domains": ["egovernment_services"],
     "urls": ["https://www.kraj-lbc.cz/chytry-region.pdf"]},
]
RD_PROJECTS = [
    {"project_code": "TL01000217", "title": "Chytré veřejné osvětlení pro malé obce",
     "goals": "Cílem projektu je ověřit v obcích řízení veřejného osvětlení podle provozu na ulici.",
     "keywords": ["osvětlení", "LED", "obec"], "url": "https://starfos.tacr.cz/cs/projekty/TL01000217",
     "municipality_codes": ["588296", "538523"], "domains": ["energy"]},
]
GOOD_PRACTICES = [
    {"practice_id": "gp_0001", "title": "Chytrý sběr odpadu se senzory v kontejnerech",
     "description": "Senzory hlásí zaplnění kontejnerů na tříděný odpad, svoz jezdí jen k plným nádobám.",
     "municipality_name": "Jilemnice", "municipality_code": "577197", "country": "CZ", "domains": ["waste"],
     "source_url": "https://www.inspiromat.cz/praxe/chytry-sber-odpadu"},
]
ROWS = {"municipalities": MUNICIPALITIES, "documents": DOCUMENTS, "document_clusters": CLUSTERS,
        "strategies": STRATEGIES, "rd_projects": RD_PROJECTS, "good_practices": GOOD_PRACTICES}


def _warehouse(path, rows: dict[str, list[dict]]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    for name, records in rows.items():
        table = TABLES[name]
        con.execute(table.ddl())
        if records:
            con.register("_rows", pa.table({c: pa.array([r.get(c) for r in records], _ARROW[table.column(c).type])
                                            for c in {k for r in records for k in r}}))
            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _rows")
            con.unregister("_rows")
    return con


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    con = _warehouse(tmp_path_factory.mktemp("search") / "warehouse.duckdb", ROWS)
    build_index(con)
    yield con
    con.close()


def _ids(hits) -> list[str]:
    return [h.item_id for h in hits]


def test_an_inflected_query_finds_the_lemma(con):
    assert {"s_mukarov", "d_strategy", "d_region"} <= set(_ids(search(con, "strategii")))


def test_a_query_without_diacritics_finds_the_accented_words(con):
    hits = search(con, "osvetleni")
    assert {"d_light", "d_minutes", "TL01000217"} <= set(_ids(hits))
    assert _ids(hits) == _ids(search(con, "osvětlení"))


def test_the_item_about_the_query_ranks_above_one_that_mentions_it_once(con):
    ids = _ids(search(con, "veřejné osvětlení", limit=20))
    assert ids.index("d_light") < ids.index("d_minutes")
    assert ids.index("TL01000217") < ids.index("d_minutes")


@pytest.mark.parametrize("query, kind, item_id", [
    ("harmonogram svozu odpadu", "document", "d_waste"),
    ("strategie rozvoje Mukařov", "strategy", "s_mukarov"),
    ("osvětlení podle provozu", "rd_project", "TL01000217"),       # from the project's goals
    ("LED", "rd_project", "TL01000217"),                           # ... and its keywords
    ("senzory v kontejnerech", "good_practice", "gp_0001"),
])
def test_every_kind_of_item_is_searchable(con, query, kind, item_id):
    assert (kind, item_id) in [(h.item_kind, h.item_id) for h in search(con, query)[:2]]


def test_a_document_repeating_another_is_not_a_second_hit(con):
    ids = _ids(search(con, "koncepce chytrého osvětlení", limit=50))
    assert "d_light" in ids and "d_light_docx" not in ids


def test_hits_carry_title_url_score_and_a_snippet_marking_the_words(con):
    top = search(con, "úspora energie osvětlení")[0]
    assert (top.item_id, top.title, top.url) == ("d_light", "Koncepce chytrého veřejného osvětlení",
                                                  "https://www.mesto-kromeriz.cz/koncepce-vo.pdf")
    assert top.score > 0
    assert "«Úspora» «energie» na veřejné «osvětlení»" in top.snippet


def test_the_snippet_comes_from_the_full_text_not_only_the_stored_excerpt(con):
    minutes = next(h for h in search(con, "osvětlení ulice Lesní") if h.item_id == "d_minutes")
    assert len(MINUTES_FILLER) > 2_000
    assert "«osvětlení» v «ulici» «Lesní»" in minutes.snippet


def test_kraj_filter_takes_a_code_a_name_without_diacritics_or_a_nuts3_code(con):
    by_code = _ids(search(con, "strategie rozvoje", kraj="141"))
    assert by_code == ["d_region"]
    assert _ids(search(con, "strategie rozvoje", kraj="Zlinsky kraj")) == by_code
    assert _ids(search(con, "strategie rozvoje", kraj="Zlínský")) == by_code
    assert _ids(search(con, "strategie rozvoje", kraj="CZ072")) == by_code
    assert set(_ids(search(con, "strategie rozvoje", kraj="27"))) == {"s_mukarov", "d_strategy"}


def test_kraj_comes_from_the_municipality_or_the_named_region(con):
    assert search(con, "chytry region", kraj="Liberecký kraj")[0].item_id == "s_liberecky"  # by kraj name
    assert "TL01000217" in _ids(search(con, "osvetleni", kraj="141"))  # its first linked municipality


def test_level_filter(con):
    assert set(_ids(search(con, "strategie rozvoje", level="regional"))) == {"d_region"}
    assert set(_ids(search(con, "strategie rozvoje", level="municipal"))) == {"s_mukarov", "d_strategy"}
    assert search(con, "strategie rozvoje", level="national") == []


def test_domain_filter(con):
    assert set(_ids(search(con, "odpad", domain="waste"))) == {"d_waste", "gp_0001"}
    assert set(_ids(search(con, "osvětlení", domain="energy"))) == {"d_light", "TL01000217"}


def test_filters_combine_and_limit_cuts(con):
    assert _ids(search(con, "osvětlení", kraj="141", domain="energy", level="municipal")) == ["d_light"]
    assert len(search(con, "osvětlení", limit=1)) == 1
    assert search(con, "osvětlení", limit=0) == []


@pytest.mark.parametrize("query", ["", "   ", "a v na se", "2024", "kanalizace"])
def test_a_query_without_terms_or_matches_gives_no_hits(con, query):
    assert search(con, query) == []


@pytest.mark.parametrize("query", ["chytré veřejné osvětlení", "strategii rozvoje", "sber odpadu", "obec"])
def test_the_sql_macro_ranks_as_search_does(con, query):
    macro = con.execute("SELECT item_kind, item_id, score FROM search_bm25(?)", [terms(query)]).fetchall()
    hits = search(con, query, limit=100)
    assert [(h.item_kind, h.item_id, h.score) for h in hits] == macro
    assert [s for _, _, s in macro] == sorted((s for _, _, s in macro), reverse=True)


def test_the_macro_computes_bm25(con):
    """Okapi BM25 with k1=1.2, b=0.75 and idf = ln(1 + (N - df + 0.5) / (df + 0.5)), summed over distinct terms."""
    q = terms("tříděný odpad")
    n, avgdl = con.execute("SELECT n, avgdl FROM search_stats").fetchone()
    lengths = {(k, i): n_ for k, i, n_ in con.execute("SELECT item_kind, item_id, length FROM search_items").fetchall()}
    postings = con.execute("SELECT term, item_kind, item_id, tf FROM search_terms WHERE list_contains(?, term)",
                           [q]).fetchall()
    df = {t: sum(1 for p in postings if p[0] == t) for t in q}
    expected: dict[tuple[str, str], float] = {}
    for term, kind, item_id, tf in postings:
        idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
        norm = tf + K1 * (1 - B + B * lengths[kind, item_id] / avgdl)
        expected[kind, item_id] = expected.get((kind, item_id), 0) + idf * tf * (K1 + 1) / norm
    got = {(k, i): s for k, i, s in con.execute("SELECT * FROM search_bm25(?)", [q]).fetchall()}
    assert got.keys() == expected.keys() and len(got) >= 2
    assert all(got[key] == pytest.approx(expected[key], abs=1e-8) for key in got)


def test_the_index_is_sorted_by_term_and_every_column_is_described(con):
    stored = [r[0] for r in con.execute("SELECT term FROM search_terms").fetchall()]
    assert stored == sorted(stored) and stored
    for table in SEARCH_TABLES.values():
        columns = con.execute("SELECT column_name, data_type, comment FROM duckdb_columns() WHERE table_name = ?",
                              [table.name]).fetchall()
        assert [(c.name, c.type, c.description) for c in table.columns] == columns
        assert con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = ?", [table.name]).fetchone()[0]


def test_stats_count_the_items_and_their_mean_length(con):
    n, avgdl = con.execute("SELECT n, avgdl FROM search_stats").fetchone()
    # 5 distinct documents (the DOCX twin left out), 2 strategies, 1 project, 1 practice
    assert n == 9
    assert avgdl == pytest.approx(con.execute("SELECT avg(length) FROM search_items").fetchone()[0])


def test_rebuilding_gives_the_same_index(tmp_path):
    con = _warehouse(tmp_path / "w.duckdb", ROWS)
    first = build_index(con)
    ranking = [(h.item_id, h.score) for h in search(con, "chytré osvětlení")]
    assert build_index(con) == first
    assert [(h.item_id, h.score) for h in search(con, "chytré osvětlení")] == ranking


def test_empty_tables_give_an_empty_index_that_answers_nothing(tmp_path):
    con = _warehouse(tmp_path / "w.duckdb", {name: [] for name in ROWS})
    assert build_index(con) == {"search_items": 0, "search_terms": 0}
    assert search(con, "strategie") == []
    assert con.execute("SELECT * FROM search_bm25(['strategie'])").fetchall() == []


def test_an_older_warehouse_without_some_tables_is_indexed_from_what_it_has(tmp_path):
    con = _warehouse(tmp_path / "w.duckdb", {"documents": DOCUMENTS[3:5]})
    assert build_index(con)["search_items"] == 2
    assert _ids(search(con, "strategii")) == ["d_strategy"]
    assert _ids(search(con, "strategii", kraj="27")) == []  # no municipalities: no kraj to filter by


def test_unknown_filters_and_a_warehouse_without_an_index_say_so(tmp_path):
    import duckdb as _duckdb

    from pipelines.search import search as _search

    con = _duckdb.connect(str(tmp_path / "old.duckdb"))
    with pytest.raises(ValueError, match="no search index"):
        _search(con, "strategie")
    con.close()


def test_a_filter_value_nobody_knows_is_an_error_naming_the_known_ones(con):
    with pytest.raises(ValueError, match="unknown kraj 'Zlinksy'.*Zlínský kraj"):
        search(con, "strategie", kraj="Zlinksy")
    with pytest.raises(ValueError, match="unknown level 'obecni'.*municipal"):
        search(con, "strategie", level="obecni")
    with pytest.raises(ValueError, match="neznámá oblast"):
        search(con, "strategie", domain="kosmonautika")
    assert search(con, "osvětlení", domain="energetika") == search(con, "osvětlení", domain="energy")
