"""The inspiromat on a warehouse: one municipality as a user types it, and the whole registry at once for the
bundle, read from the tables the nightly job publishes (empty or missing ones included)."""
from __future__ import annotations

import duckdb
import pytest

from core.schema import TABLES
from pipelines.inspiromat import (RECOMMENDATIONS_TABLE, recommendation_table, recommendations,
                                  write_recommendation_table)
from tests.pipelines.small_warehouse import build


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    con = build(tmp_path_factory.mktemp("inspiromat") / "warehouse.duckdb")
    yield con
    con.close()


@pytest.fixture(scope="module")
def table(con) -> list[dict]:
    return recommendation_table(con, limit_per_municipality=5)


def test_a_name_without_diacritics_gets_ranked_recommendations_with_reasons_and_links(con):
    answer = recommendations(con, "Pouzdrany")
    assert answer.resolution.municipality["municipality_code"] == "584835"
    first = answer.recommendations[0]
    assert (first.kind, first.item_id) == ("good_practice", "gp_novaves_energy")
    assert first.url == "https://inspirace.example.cz/praxe/dalkove-odecty-nova-ves"
    assert first.reason == ("stejná velikostní skupina (500–1 999 obyvatel), stejný kraj, realizovaná dobrá praxe "
                            "(2022)")
    assert first.place == "Nová Ves"
    ids = [r.item_id for r in answer.recommendations]
    assert "gp_pouzdrany_energy" not in ids and "s_pouzdrany_pro" not in ids  # never its own items
    assert "GA00000002" not in ids  # a project not judged SMART is no inspiration
    scores = [r.score for r in answer.recommendations]
    assert scores == sorted(scores, reverse=True)


def test_a_municipality_with_no_documents_still_gets_recommendations(con):
    answer = recommendations(con, "Lhota, okres Kladno")
    assert answer.resolution.municipality["municipality_code"] == "513041"
    top = answer.recommendations[0]
    # Zákolany (same okres, same size) took part in the transport project; Mukařov's SMART concept is nearby
    assert (top.item_id, top.reason) == ("TL08001799", "stejná velikostní skupina (500–1 999 obyvatel), stejný "
                                                         "kraj, projekt VaV (2023–2025)")
    assert "s_mukarov_smart" in [r.item_id for r in answer.recommendations]


def test_an_area_given_in_czech_keeps_only_items_of_that_area(con):
    answer = recommendations(con, "Lhota (Kladno)", domain="energetika")
    assert answer.domain == "energy"
    assert {r.item_id for r in answer.recommendations} == {"s_mukarov_smart", "gp_novaves_energy",
                                                           "gp_pouzdrany_energy", "TK02010670", "gp_hrinova_pv"}
    assert all("sdílené oblasti: energetika" in r.reason for r in answer.recommendations)
    with pytest.raises(ValueError):
        recommendations(con, "Lhota (Kladno)", domain="astrologie")


def test_the_areas_of_a_municipalitys_own_strategies_count_as_shared(con):
    answer = recommendations(con, "Mukarov (Praha-východ)")
    assert answer.resolution.municipality["municipality_code"] == "538523"
    energy = next(r for r in answer.recommendations if r.item_id == "gp_novaves_energy")
    assert "sdílené oblasti: energetika" in energy.reason


def test_an_ambiguous_name_lists_the_namesakes_and_recommends_nothing(con):
    answer = recommendations(con, "Lhota")
    assert not answer.resolution.resolved and answer.recommendations == []
    assert len(answer.resolution.candidates) == 4 and "Kladno" in answer.resolution.message


def test_the_table_has_ranked_rows_for_every_municipality_of_the_registry(con, table):
    assert {r["municipality_code"] for r in table} == {c for (c,) in con.execute(
        "SELECT municipality_code FROM municipalities").fetchall()}
    per_municipality: dict[str, list[dict]] = {}
    for row in table:
        per_municipality.setdefault(row["municipality_code"], []).append(row)
    for code, rows in per_municipality.items():
        assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1)) and len(rows) <= 5
    assert not any(r["municipality_code"] == "584835" and r["item_id"] == "gp_pouzdrany_energy" for r in table)


def test_the_table_gives_each_municipality_what_the_single_query_gives(con, table):
    for query, code in (("Pouzdřany", "584835"), ("513041", "513041"), ("Praha", "554782")):
        single = recommendations(con, query, limit=5).recommendations
        rows = [r for r in table if r["municipality_code"] == code]
        assert [(r["kind"], r["item_id"], r["reason"], r["score"]) for r in rows] == \
            [(r.kind, r.item_id, r.reason, r.score) for r in single]


def test_the_table_is_written_with_its_documented_columns(tmp_path):
    con = build(tmp_path / "w.duckdb")
    n = write_recommendation_table(con)
    assert n == con.execute("SELECT count(*) FROM recommendations").fetchall()[0][0] > 6258
    columns = con.execute("SELECT column_name, data_type, comment FROM duckdb_columns() "
                          "WHERE table_name = 'recommendations' ORDER BY column_index").fetchall()
    assert columns == [(c.name, c.type, c.description) for c in RECOMMENDATIONS_TABLE.columns]
    assert write_recommendation_table(con) == n  # rerun replaces
    con.close()


def test_empty_and_missing_candidate_tables_give_no_recommendations_but_no_error(tmp_path):
    empty = build(tmp_path / "empty.duckdb", rows={})
    assert recommendations(empty, "Pouzdřany").recommendations == []
    assert recommendation_table(empty) == []
    empty.close()
    bare = duckdb.connect(str(tmp_path / "bare.duckdb"))
    bare.execute(TABLES["municipalities"].ddl())
    bare.execute("INSERT INTO municipalities (municipality_code, name, okres_name, kraj_code, kraj_name, size_class) "
                 "VALUES ('584835', 'Pouzdřany', 'Břeclav', '116', 'Jihomoravský kraj', 'village')")
    answer = recommendations(bare, "pouzdrany")
    assert answer.resolution.resolved and answer.recommendations == []
    bare.close()
