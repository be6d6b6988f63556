"""The portal export bundle: every file there, described so that frictionless and a DCAT-AP-CZ harvester accept it,
CSVs that load back with the documented types, byte-identical data for the same warehouse, exact changes between
bundles, and never a half-written bundle."""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest

from core.schema import TABLES, VIEWS, conform
from pipelines import export
from pipelines.analyst_views import create_views
from pipelines.inspiromat import write_recommendation_table
from pipelines.export_metadata import FRICTIONLESS_TYPES, REQUIRED_DATASET, REQUIRED_DISTRIBUTION

NIGHT_1 = datetime(2025, 3, 10, 2, 30, tzinfo=timezone.utc)
NIGHT_2 = datetime(2025, 3, 11, 2, 30, tzinfo=timezone.utc)
DATA_FILES = [f"{t}.{fmt}" for t in export.EXPORTED for fmt in export.FORMATS]
META_FILES = ["datapackage.json", "catalog.jsonld", "changes.json", "digest.md", "digest.html", "index.html", "charts"]

MUNICIPALITIES = [
    dict(municipality_code="582786", name="Brno", official_name="Statutární město Brno", ico="44992785",
         kraj_code="116", kraj_name="Jihomoravský kraj", population=379466, size_class="city"),
    dict(municipality_code="549240", name="Písek", official_name="Město Písek", ico="00249998",
         kraj_code="35", kraj_name="Jihočeský kraj", population=30307, size_class="town"),
    dict(municipality_code="550264", name="Tábor", official_name="Město Tábor", ico="00253014",
         kraj_code="35", kraj_name="Jihočeský kraj", population=34277, size_class="town"),
    dict(municipality_code="574988", name="Blešno", official_name="Obec Blešno", ico="00268666",
         kraj_code="86", kraj_name="Královéhradecký kraj", population=513, size_class="village"),
    dict(municipality_code="599999", name="Nová Ves", official_name="Obec Nová Ves", ico="09000001",
         kraj_code="116", kraj_name="Jihomoravský kraj", population=None, size_class=None),
]
STRATEGIES = [
    dict(strategy_id="582786-strategic_development_plan_municipal-strategie-brno", title="Strategie #brno2050",
         municipality_code="582786", municipality_name="Brno", kraj="Jihomoravský kraj", level="municipal",
         smart_scope="city", doc_type="strategic_development_plan_municipal", validity_from=2018, validity_to=2050,
         approved_on="2018-06-19", domains=["mobility", "energy"], is_smart=True, doc_id="a" * 64, versions=["a" * 64],
         urls=["https://www.brno.cz/strategie/brno2050.pdf", "https://data.brno.cz/files/a,b.pdf"],
         first_seen_at="2025-01-02T01:00:00+00:00", last_seen_at="2025-03-09T01:00:00+00:00",
         is_current=True, in_registry=True, registry_url="https://www.databaze-strategie.cz/cz/brno/strategie/brno2050"),
    dict(strategy_id="549240-smart_city_strategy-koncepce-smart-city-pisek", title='Koncepce „Chytrý Písek", 2020–2025',
         municipality_code="549240", municipality_name="Písek", kraj="Jihočeský kraj", level="municipal",
         smart_scope="city", doc_type="smart_city_strategy", validity_from=2020, validity_to=2025,
         approved_on="2020-02-13", domains=["governance"], is_smart=True, doc_id="b" * 64, versions=["b" * 64],
         urls=["https://www.mesto-pisek.cz/smart/koncepce.pdf"], first_seen_at="2025-01-02T01:00:00+00:00",
         last_seen_at="2025-03-09T01:00:00+00:00", is_current=True, in_registry=False),
    dict(strategy_id="574988-programme_municipal_development-program-rozvoje-obce-blesno",
         title="Program rozvoje obce Blešno 2021–2026", municipality_code="574988", municipality_name="Blešno",
         kraj="Královéhradecký kraj", level="municipal", smart_scope="village",
         doc_type="programme_municipal_development", validity_from=2021, validity_to=2026, domains=[], is_smart=False,
         doc_id="c" * 64, versions=["d" * 64, "c" * 64], urls=["https://www.blesno.cz/pro-2021.pdf"],
         first_seen_at="2025-01-03T01:00:00.250000+00:00", last_seen_at="2025-03-09T01:00:00+00:00",
         is_current=True, in_registry=False),
    dict(strategy_id="kraj-116-regional_development_strategy-strategie-rozvoje-jmk",
         title="Strategie rozvoje Jihomoravského kraje 2021+", kraj="Jihomoravský kraj", level="regional",
         smart_scope="region", doc_type="regional_development_strategy", validity_from=2021, validity_to=2030,
         domains=["mobility"], is_smart=False, doc_id="e" * 64, versions=["e" * 64],
         urls=["https://www.jmk.cz/strategie-2021.pdf"], first_seen_at="2025-01-02T01:00:00+00:00",
         last_seen_at="2025-03-09T01:00:00+00:00", is_current=True, in_registry=False),
]
RD_PROJECTS = [
    dict(project_code="TL01000217", provider="TA0", programme_code="TL", funding_programme="TACR_TL",
         title="Chytré veřejné osvětlení v malých obcích", title_en="Smart street lighting in small municipalities",
         goals="Cílem projektu je ověřit řízení veřejného osvětlení se senzory.", keywords=["osvětlení", "senzory, IoT"],
         started_on="2018-01-01", ended_on="2020-12-31", start_year=2018, end_year=2020, total_cost_czk=12345678,
         state_support_czk=9876543, foreign_support_czk=0, recipient_name="ČVUT v Praze", recipient_ico="68407700",
         recipient_country="CZ", status="Ukončený", url="https://starfos.tacr.cz/cs/projekty/TL01000217",
         is_smart=True, smart_score=0.42, domains=["energy"], municipality_codes=["574988"],
         source_id="cep", file_url="https://www.isvavai.cz/dokumenty/CEP-projekty.csv", line=17),
    dict(project_code="GA21-00001S", provider="GA0", programme_code="GA", title="Středověké písemnictví",
         keywords=[], start_year=2021, end_year=2023, is_smart=False, smart_score=0.0, domains=[],
         municipality_codes=[], source_id="cep", file_url="https://www.isvavai.cz/dokumenty/CEP-projekty.csv", line=18),
]
GOOD_PRACTICES = [
    dict(practice_id="gp_0123456789abcdef", title="Sdílená kola v Písku",
         description='Město zavedlo sdílená kola; "bikesharing" jezdí\nod roku 2019.', municipality_name="Písek",
         municipality_code="549240", country="CZ", population=30307, size_class="town", domains=["mobility"],
         funding_programmes=["IROP"], funding_texts=["IROP, výzva 45"], cost_czk=2500000, year=2019,
         source_url="https://www.chytre-mesto.cz/praxe/sdilena-kola-pisek", source_id="catalogue"),
    dict(practice_id="gp_fedcba9876543210", title="Chytré měření vody", description="Dálkové odečty vodoměrů.",
         municipality_name="Blešno", municipality_code="574988", country="CZ", population=513, size_class="village",
         domains=["water"], funding_programmes=[], funding_texts=[], year=2022,
         source_url="https://www.chytre-mesto.cz/praxe/mereni-vody-blesno", source_id="catalogue"),
]
REGISTRY = [
    dict(record_url="https://www.databaze-strategie.cz/cz/brno/strategie/brno2050", name="Strategie #brno2050",
         gestor="Statutární město Brno", gestor_slug="brno", level="místní", approved_on="2018-06-19",
         valid_from=2018, valid_to=2050, summary="Dlouhodobá strategie města.", descriptors=["XVII.c veřejné služby"],
         fulltext_urls=["https://www.brno.cz/strategie/brno2050.pdf"], municipality_code="582786", kraj_code="116",
         strategy_id="582786-strategic_development_plan_municipal-strategie-brno", link_score=100.0,
         source_id="registry", first_seen_at="2025-01-02T01:00:00+00:00", last_seen_at="2025-03-09T01:00:00+00:00"),
]


def _insert(con, table: str, records: list[dict]) -> None:
    t = TABLES[table]
    for record in records:
        row = conform(t, record)
        con.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(t.columns))})", list(row.values()))


@pytest.fixture
def warehouse(tmp_path) -> Path:
    """A small warehouse: every table (the curated ones with rows) and the analyst views."""
    db = tmp_path / "warehouse.duckdb"
    con = duckdb.connect(str(db))
    for table in TABLES.values():
        con.execute(table.ddl())
    for name, rows in (("municipalities", MUNICIPALITIES), ("strategies", STRATEGIES), ("rd_projects", RD_PROJECTS),
                       ("good_practices", GOOD_PRACTICES), ("strategy_registry", REGISTRY)):
        _insert(con, name, rows)
    write_recommendation_table(con)
    create_views(con)
    con.close()
    return db


def _data(bundle: Path) -> dict[str, bytes]:
    return {name: (bundle / name).read_bytes() for name in DATA_FILES}


def _visible(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir())


def test_a_bundle_holds_every_table_in_three_formats_with_its_descriptions_and_latest_points_to_it(warehouse, tmp_path):
    result = export.export_bundle(warehouse, tmp_path / "out", now=NIGHT_1)

    assert result.name.startswith("2025-03-10-") and len(result.name) == len("2025-03-10-") + 12
    assert sorted(p.name for p in result.bundle_dir.iterdir()) == sorted(DATA_FILES + META_FILES)
    assert (tmp_path / "out" / "latest").resolve() == result.bundle_dir.resolve()
    assert _visible(tmp_path / "out") == sorted([result.name, "latest"])  # no temporary left beside
    recommended = duckdb.connect(str(warehouse), read_only=True).execute(
        "SELECT count(*) FROM recommendations").fetchone()[0]
    assert recommended > 0 and result.rows == {
        "strategies": 4, "rd_projects": 2, "good_practices": 2, "strategy_registry": 1, "municipality_coverage": 4,
        "recommendations": recommended}
    assert result.previous is None and result.changes["strategies"] == {"new": 4, "changed": 0, "removed": 0}


def test_datapackage_validates_with_frictionless_and_describes_every_field_from_the_schema(warehouse, tmp_path):
    import frictionless
    bundle = export.export_bundle(warehouse, tmp_path / "out", now=NIGHT_1).bundle_dir

    report = frictionless.validate(bundle / "datapackage.json")
    assert report.valid, report.flatten(["type", "message"])
    package = json.loads((bundle / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} == set(DATA_FILES)
    for resource in (r for r in package["resources"] if r["format"] == "csv"):
        table = export.table_definition(resource["path"].removesuffix(".csv"))
        assert [(f["name"], f["type"], f["description"]) for f in resource["schema"]["fields"]] == \
               [(c.name, FRICTIONLESS_TYPES[c.type], c.description) for c in table.columns]
    # and the rows frictionless reads are the warehouse's (arrays stay arrays, times stay times)
    rows = frictionless.Package(bundle / "datapackage.json").get_resource("strategies-csv").read_rows()
    brno = next(r for r in rows if r["strategy_id"] == STRATEGIES[0]["strategy_id"])
    assert brno["urls"] == STRATEGIES[0]["urls"] and brno["approved_on"].isoformat() == "2018-06-19"
    assert brno["first_seen_at"] == datetime(2025, 1, 2, 1, tzinfo=timezone.utc)


def test_the_catalogue_record_is_json_ld_with_the_properties_dcat_ap_cz_requires(warehouse, tmp_path):
    result = export.export_bundle(warehouse, tmp_path / "out", now=NIGHT_1)
    record = json.loads((result.bundle_dir / "catalog.jsonld").read_text(encoding="utf-8"))

    assert record["@type"] == "dcat:Dataset" and record["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert all(record.get(p) for p in REQUIRED_DATASET), [p for p in REQUIRED_DATASET if not record.get(p)]
    assert {t["@language"] for t in record["dct:title"]} == {"cs", "en"} == \
           {t["@language"] for t in record["dct:description"]}
    assert record["dcat:contactPoint"]["vcard:hasEmail"]["@id"].startswith("mailto:")
    assert record["dct:temporal"]["dcat:startDate"]["@value"] == "2018-01-01"
    assert record["dct:temporal"]["dcat:endDate"]["@value"] == "2050-12-31"
    assert record["dct:modified"]["@value"] == NIGHT_1.isoformat()
    distributions = record["dcat:distribution"]
    assert len(distributions) == len(DATA_FILES)
    for d in distributions:
        assert all(d.get(p) for p in REQUIRED_DISTRIBUTION)
        assert d["dcat:downloadURL"]["@id"].endswith(tuple(DATA_FILES)) and result.name in d["dcat:downloadURL"]["@id"]
        assert d["dct:format"]["@id"].startswith("http://publications.europa.eu/resource/authority/file-type/")
        assert d["dcat:mediaType"]["@id"].startswith("http://www.iana.org/assignments/media-types/")
    _check_as_rdf(record)


def _check_as_rdf(record: dict) -> None:
    """The record reads as JSON-LD (rdflib, offline: the context is inline): a dcat:Dataset with its distributions."""
    import rdflib

    graph = rdflib.Graph().parse(data=json.dumps(record), format="json-ld")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    dataset = next(graph.subjects(rdflib.RDF.type, dcat.Dataset))
    assert len(list(graph.objects(dataset, dcat.distribution))) == len(DATA_FILES)


def test_each_csv_loads_in_duckdb_with_the_documented_types_and_the_warehouse_values(warehouse, tmp_path):
    bundle = export.export_bundle(warehouse, tmp_path / "out", now=NIGHT_1).bundle_dir
    con = duckdb.connect(str(warehouse), read_only=True)
    con.execute("SET TimeZone = 'UTC'")
    for name in export.EXPORTED:
        table = export.table_definition(name)
        columns = "{" + ", ".join(f"'{c.name}': '{c.type}'" for c in table.columns) + "}"
        from_csv = con.execute(f"SELECT * FROM read_csv('{bundle / (name + '.csv')}', header = true, "
                               f"auto_detect = false, columns = {columns})")
        assert [d[1] for d in from_csv.description] == [d[1] for d in con.execute(
            f"SELECT * FROM read_parquet('{bundle / (name + '.parquet')}')").description]
        csv_rows = from_csv.fetchall()
        assert csv_rows == con.execute(f"SELECT * FROM read_parquet('{bundle / (name + '.parquet')}')").fetchall()
        assert len(csv_rows) == con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    coverage = con.execute(f"SELECT kraj_name, size_class, municipalities, with_strategy FROM "
                           f"read_csv('{bundle / 'municipality_coverage.csv'}', header = true)").fetchall()
    assert ("Jihočeský kraj", "town", 2, 1) in coverage and ("Královéhradecký kraj", "village", 1, 1) in coverage
    con.close()


def test_two_exports_of_the_same_warehouse_have_byte_identical_data_files(warehouse, tmp_path):
    first = export.export_bundle(warehouse, tmp_path / "a", now=NIGHT_1)
    second = export.export_bundle(warehouse, tmp_path / "b", now=NIGHT_2)  # another day, another directory

    assert _data(first.bundle_dir) == _data(second.bundle_dir)
    assert first.data_hash == second.data_hash and first.name[11:] == second.name[11:]
    again = export.export_bundle(warehouse, tmp_path / "a", now=NIGHT_1.replace(hour=5))  # the same night, rerun
    assert again.reused and again.bundle_dir == first.bundle_dir and _visible(tmp_path / "a") == \
           sorted([first.name, "latest"])


def test_a_second_export_lists_exactly_the_rows_added_changed_and_removed(warehouse, tmp_path):
    out = tmp_path / "out"
    first = export.export_bundle(warehouse, out, now=NIGHT_1)
    con = duckdb.connect(str(warehouse))
    con.execute("UPDATE strategies SET validity_to = 2030, domains = ['governance', 'mobility'] "
                "WHERE municipality_code = '549240'")
    con.execute("UPDATE strategies SET last_seen_at = '2025-03-10T01:00:00+00:00'")  # re-fetched: not a change
    con.execute("UPDATE rd_projects SET line = line + 1")  # the file grew above them: not a change
    _insert(con, "rd_projects", [dict(project_code="CK03000168", provider="TA0", programme_code="CK",
                                      title="Sdílená mobilita na venkově", is_smart=True, keywords=[], domains=[],
                                      municipality_codes=[], url="https://starfos.tacr.cz/cs/projekty/CK03000168",
                                      source_id="listing")])
    con.execute("DELETE FROM good_practices WHERE practice_id = 'gp_fedcba9876543210'")
    con.execute("DELETE FROM strategies WHERE municipality_code = '574988'")  # Blešno loses its only strategy
    con.close()

    second = export.export_bundle(warehouse, out, now=NIGHT_2)
    changes = json.loads((second.bundle_dir / "changes.json").read_text(encoding="utf-8"))

    assert changes["previous"] == first.name == second.previous
    summary = {t: (c["new"], c["changed"], c["removed"]) for t, c in changes["tables"].items()}
    assert summary == {
        "strategies": ([], ["549240-smart_city_strategy-koncepce-smart-city-pisek"],
                       ["574988-programme_municipal_development-program-rozvoje-obce-blesno"]),
        "rd_projects": (["CK03000168"], [], []),
        "good_practices": ([], [], ["gp_fedcba9876543210"]),
        "strategy_registry": ([], [], []),
        "municipality_coverage": ([], [["35", "town"], ["86", "village"]], []),
        "recommendations": ([], [], []),  # the test changes tables under it; a publish would recompute it
    }
    assert changes["tables"]["strategies"]["changed_columns"] == [
        {"key": "549240-smart_city_strategy-koncepce-smart-city-pisek", "columns": ["validity_to", "domains"]}]
    digest = (second.bundle_dir / "digest.md").read_text(encoding="utf-8")
    assert "[CK03000168: Sdílená mobilita na venkově (recipient unknown)](https://starfos.tacr.cz/cs/projekty/CK03000168)" in digest
    assert "Program rozvoje obce Blešno 2021–2026" in digest.split("### Removed")[1]
    html = (second.bundle_dir / "digest.html").read_text(encoding="utf-8")
    assert '<a href="https://starfos.tacr.cz/cs/projekty/CK03000168">' in html and "changed: validity_to, domains" in html
    assert os.readlink(out / "latest") == second.name


def test_an_export_interrupted_midway_leaves_no_bundle_and_the_previous_latest(warehouse, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = export.export_bundle(warehouse, out, now=NIGHT_1)
    before = _visible(out)
    con = duckdb.connect(str(warehouse))
    con.execute("DELETE FROM good_practices")
    con.close()
    real_write = export._write_json

    def write_then_fail(path, table, rows):
        real_write(path, table, rows)
        if table.name == "rd_projects":
            raise OSError("disk full")

    monkeypatch.setattr(export, "_write_json", write_then_fail)
    with pytest.raises(OSError, match="disk full"):
        export.export_bundle(warehouse, out, now=NIGHT_2)

    assert _visible(out) == before
    assert (out / "latest").resolve() == first.bundle_dir.resolve()
    assert export.previous_bundle(out) == first.bundle_dir


def test_the_coverage_view_is_exported_with_its_documented_columns_and_key(warehouse, tmp_path):
    bundle = export.export_bundle(warehouse, tmp_path / "out", now=NIGHT_1).bundle_dir
    package = json.loads((bundle / "datapackage.json").read_text(encoding="utf-8"))
    coverage = next(r for r in package["resources"] if r["path"] == "municipality_coverage.csv")
    fields = {f["name"]: f for f in coverage["schema"]["fields"]}
    assert list(fields) == list(VIEWS["municipality_coverage"].names)
    assert coverage["schema"]["primaryKey"] == ["kraj_code", "size_class"]
    assert fields["municipalities"]["description"] == VIEWS["municipality_coverage"].column("municipalities").description


def test_a_warehouse_without_a_curated_table_is_refused_with_its_name(tmp_path):
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute(TABLES["strategies"].ddl())
    con.close()
    with pytest.raises(export.ExportError, match="no table or view rd_projects"):
        export.export_bundle(db, tmp_path / "out", now=NIGHT_1)
    assert not (tmp_path / "out").exists()  # nothing is written before the warehouse is read


def test_only_the_newest_bundles_are_kept(warehouse, tmp_path):
    out = tmp_path / "out"
    names = []
    for day in range(1, 5):
        con = duckdb.connect(str(warehouse))
        con.execute("UPDATE strategies SET validity_to = validity_to + 1")  # new data: a new bundle each night
        con.close()
        names.append(export.export_bundle(warehouse, out, now=datetime(2025, 3, day, 3, tzinfo=timezone.utc)).name)
    assert export.prune(out, keep=2, current=names[-1]) == names[:2][::-1]
    assert sorted(p.name for p in out.iterdir() if p.name != "latest") == sorted(names[2:])
