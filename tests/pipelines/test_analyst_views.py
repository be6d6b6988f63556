"""The analyst layer: views that answer the recurring questions, documented like the tables, and docs/queries.sql,
whose every query runs and returns the columns it promises."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from core.settings import Settings
from pipelines.analyst_views import VIEW_SQL, VIEWS, create_views
from pipelines.registry import municipality_rows
from tests.pipelines.small_warehouse import build

QUERIES = Path(__file__).resolve().parents[2] / "docs" / "queries.sql"


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    con = build(tmp_path_factory.mktemp("views") / "warehouse.duckdb")
    create_views(con)
    yield con
    con.close()


def _rows(con, sql: str, *params) -> list[dict]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


@pytest.fixture(scope="module")
def registry_counts() -> Counter:
    return Counter((m["kraj_code"], m["size_class"]) for m in municipality_rows(Settings().seeds_dir))


def test_every_view_has_the_columns_and_types_its_description_gives(con):
    assert set(VIEWS) == set(VIEW_SQL)
    for name, view in VIEWS.items():
        actual = con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
                             "ORDER BY column_index", [name]).fetchall()
        assert actual == [(c.name, c.type) for c in view.columns], name


def test_every_view_and_column_carries_its_description_in_the_database(con):
    comments = dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    for name, view in VIEWS.items():
        assert comments[name] == view.comment
        described = dict(con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ?",
                                     [name]).fetchall())
        assert described == {c.name: c.description for c in view.columns}, name


def test_creating_the_views_twice_replaces_them(con):
    create_views(con)
    assert con.execute("SELECT count(*) FROM municipality_strategy_status").fetchall() == [(6258,)]


def test_every_municipality_has_a_status_row_and_only_development_or_smart_strategies_count(con):
    status = {r["municipality_code"]: r for r in _rows(con, "SELECT * FROM municipality_strategy_status")}
    assert len(status) == 6258
    pouzdrany, mukarov, zakolany, kromeriz, lhota = (status[c] for c in ("584835", "538523", "533092", "588296",
                                                                          "513041"))
    assert (pouzdrany["documents"], pouzdrany["strategies"], pouzdrany["strategies_in_registry"]) == (2, 1, 1)
    assert pouzdrany["has_smart_or_development_strategy"] and pouzdrany["has_current_strategy"]
    assert (mukarov["strategies"], mukarov["smart_strategies"], mukarov["newest_validity_to"]) == (2, 1, 2030)
    assert zakolany["has_smart_or_development_strategy"] and not zakolany["has_current_strategy"]
    assert zakolany["newest_validity_to"] == 2020
    assert not kromeriz["has_smart_or_development_strategy"]  # an action plan alone is not a development strategy
    assert kromeriz["strategies"] == 1 and kromeriz["newest_validity_to"] is None
    assert (lhota["documents"], lhota["strategies"], lhota["has_smart_or_development_strategy"]) == (0, 0, False)


def test_coverage_counts_the_registry_by_kraj_and_size_class_and_those_with_a_strategy(con, registry_counts):
    coverage = {(r["kraj_code"], r["size_class"]): r for r in _rows(con, "SELECT * FROM municipality_coverage")}
    assert {k: r["municipalities"] for k, r in coverage.items()} == dict(registry_counts)
    assert sum(r["municipalities"] for r in coverage.values()) == 6258
    south_moravian_villages = coverage[("116", "village")]
    assert south_moravian_villages["with_strategy"] == 1 and south_moravian_villages["with_documents"] == 1
    assert south_moravian_villages["share_with_strategy"] == round(1 / registry_counts[("116", "village")], 4)
    assert south_moravian_villages["newest_validity_to"] == 2027
    central_small_towns = coverage[("27", "small_town")]
    assert (central_small_towns["with_strategy"], central_small_towns["with_smart_strategy"]) == (1, 1)
    assert central_small_towns["newest_validity_to"] == 2030
    central_villages = coverage[("27", "village")]
    assert (central_villages["with_strategy"], central_villages["with_current_strategy"]) == (1, 0)
    assert central_villages["newest_validity_to"] == 2020
    zlin_towns = coverage[("141", "town")]
    assert (zlin_towns["with_strategy"], zlin_towns["share_with_strategy"], zlin_towns["newest_validity_to"]) == \
        (0, 0.0, None)
    assert sum(r["with_strategy"] for r in coverage.values()) == 3  # the regional strategy belongs to no municipality


def test_coverage_is_ordered_by_kraj_code_then_size(con):
    keys = [(int(k), s) for k, s in con.execute("SELECT kraj_code, size_class FROM municipality_coverage").fetchall()]
    assert [k for k, _ in keys] == sorted(k for k, _ in keys)
    assert keys[:1] == [(19, "city")]


def test_smart_projects_are_summed_per_area_and_non_smart_ones_left_out(con):
    by_area = {r["area"]: r for r in _rows(con, "SELECT * FROM smart_projects_by_area")}
    assert set(by_area) == {"energy", "mobility_transport", "ict_infrastructure_data"}
    assert by_area["energy"] == {"area": "energy", "area_label": "Energetika", "projects": 1, "municipalities": 1,
                                 "total_cost_czk": 10_000_000, "state_support_czk": 8_000_000,
                                 "first_start_year": 2021, "last_end_year": 2024}
    assert by_area["mobility_transport"]["municipalities"] == 2
    assert by_area["ict_infrastructure_data"]["state_support_czk"] == 5_000_000


def test_funding_is_broken_down_by_programme_subject_and_area(con):
    rows = {(r["programme_code"], r["subject"], r["area"]): r
            for r in _rows(con, "SELECT * FROM funding_by_programme_and_area")}
    theta = rows[("TACR_THETA", "rd_project", "energy")]
    assert (theta["programme_name"], theta["subjects"], theta["smart_subjects"], theta["amount_czk"]) == \
        ("THÉTA", 1, 1, 8_000_000)
    irop_energy = rows[("IROP", "good_practice", "energy")]
    assert (irop_energy["subjects"], irop_energy["amount_czk"]) == (2, None)
    assert rows[("IROP", "good_practice", "education")]["subjects"] == 1
    assert rows[("IROP", "document", "energy")]["smart_subjects"] == 1   # Mukařov's SMART concept names IROP
    assert rows[("MMR_NATIONAL", "document", None)]["subjects"] == 1    # a document without areas: area null
    assert rows[("OPZ", "good_practice", "social_services")]["area_label"] == "Sociální služby a sociální začleňování"


def test_good_practices_per_area_and_size(con):
    rows = {(r["area"], r["size_class"]): r for r in _rows(con, "SELECT * FROM good_practices_by_area_and_size")}
    village_energy = rows[("energy", "village")]
    assert (village_energy["practices"], village_energy["czech_practices"]) == (3, 2)
    assert village_energy["countries"] == ["CZ", "SK"]
    assert village_energy["median_cost_czk"] == 450_000
    assert village_energy["newest_year"] == 2023
    assert rows[("social_services", "city")]["practices"] == 1


def test_strategies_missing_from_the_registry_and_registry_records_not_harvested(con):
    missing = [r["strategy_id"] for r in _rows(con, "SELECT * FROM strategies_missing_from_registry")]
    assert sorted(missing) == ["s_kromeriz_ap", "s_liberecky_smart", "s_mukarov_ap", "s_mukarov_smart",
                               "s_zakolany_spro"]
    not_harvested = _rows(con, "SELECT * FROM registry_records_not_harvested")
    assert [(r["gestor"], r["fulltext_urls"]) for r in not_harvested] == [("Zlínský kraj", 2)]


def test_the_views_answer_on_an_empty_warehouse(tmp_path):
    con = build(tmp_path / "empty.duckdb", rows={})
    create_views(con)
    for name in VIEWS:
        con.execute(f"SELECT * FROM {name}").fetchall()
    coverage = _rows(con, "SELECT sum(municipalities) AS n, sum(with_strategy) AS s FROM municipality_coverage")
    assert coverage == [{"n": 6258, "s": 0}]
    con.close()


# --- docs/queries.sql ----------------------------------------------------------------------------------------------

def _queries() -> list[tuple[str, str, list[str], str]]:
    """(name, question, promised columns, SQL) of every query in docs/queries.sql."""
    text = QUERIES.read_text(encoding="utf-8")
    out = []
    for block in re.split(r"^-- name: ", text, flags=re.M)[1:]:
        name, rest = block.split("\n", 1)
        comments = re.findall(r"^-- (.*)$", rest, flags=re.M)
        columns = next(c for c in comments if c.startswith("columns: "))[len("columns: "):]
        sql = "\n".join(line for line in rest.splitlines() if not line.startswith("--")).strip().rstrip(";")
        out.append((name.strip(), comments[0], [c.strip() for c in columns.split(",")], sql))
    return out


def test_the_queries_file_has_at_least_ten_named_questions():
    queries = _queries()
    assert len(queries) >= 10
    names = [q[0] for q in queries]
    assert len(set(names)) == len(names) and all(re.fullmatch(r"[a-z0-9-]+", n) for n in names)
    assert all(q[1].endswith("?") for q in queries), "each query is preceded by the question it answers"


@pytest.mark.parametrize("name, question, columns, sql", _queries(), ids=[q[0] for q in _queries()])
def test_every_query_runs_and_returns_the_columns_it_promises(con, name, question, columns, sql):
    cursor = con.execute(sql)
    assert [d[0] for d in cursor.description] == columns
    cursor.fetchall()


def test_the_coverage_queries_return_the_registry(con):
    by_name = {q[0]: q[3] for q in _queries()}
    kraje = _rows(con, by_name["coverage-by-kraj"])
    assert len(kraje) == 14 and sum(r["municipalities"] for r in kraje) == 6258
    assert kraje[0]["kraj_name"] in ("Jihomoravský kraj", "Středočeský kraj")
    unregistered = {r["kraj"]: r["strategies"] for r in _rows(con, by_name["unregistered-strategies-by-kraj"])}
    assert unregistered == {"Středočeský kraj": 3, "Zlínský kraj": 1, "Liberecký kraj": 1}
    participants = _rows(con, by_name["municipalities-in-smart-projects"])
    assert {r["name"] for r in participants} == {"Nová Ves", "Mukařov", "Zákolany"}
    waiting = _rows(con, by_name["documents-waiting-for-text"])
    assert waiting == [{"file_format": "pdf", "extraction_status": "needs_ocr", "documents": 1, "bytes": 1_200_000}]
    silent = _rows(con, by_name["sources-without-documents"])
    assert [r["source_id"] for r in silent] == ["lhota"]
