"""R&D projects from the CEP open data: every valid row imported once, every bad row reported with its line, the
warehouse tables loaded from the import and linked to municipalities by IČO."""
from __future__ import annotations

import json

import duckdb
import pyarrow.parquet as pq

from core import fetch_log, raw_store
from core.settings import Settings
from pipelines import rd_projects, warehouse

HEADER = ("kod_projektu,poskytovatel,kod_programu,nazev_projektu_originalni,cile_reseni_originalni,"
          "klicova_slova_anglicky,rok_zahajeni,rok_ukonceni,datum_zahajeni,datum_ukonceni,hlavni_prijemce,"
          "nazev_organizace,ico,zeme_sidla,celkove_naklady_na_dobu_reseni,statni_podpora_na_dobu_reseni\n")
PARTICIPANTS = "kod_projektu,poskytovatel,ucastnik,nazev_ucastnika,zeme_sidla\n"


def _project(code: str, title: str, goals: str, ico: str = "60076658", provider: str = "TA0",
             keywords: str = "obec; data") -> str:
    return (f'{code},{provider},{code[:2]},"{title}","{goals}","{keywords}",2021,2024,1.1.2021,,ico:{ico},Výzkumný ústav,'
            f'{ico},CZ,"1 234 567","800 000"\n')


SMART = _project("TL01000001", "Chytré veřejné osvětlení obcí",
                 "Cílem projektu je vyvinout a v obcích zavést inteligentní systém řízení veřejného osvětlení "
                 "se senzory a dálkovým dohledem, který sníží spotřebu energie.")
PLAIN = _project("GA00000002", "Dějiny písemné kultury středověkých klášterů",
                 "Cílem je poznat písemnou kulturu klášterů na základě pramenů v archivech.", ico="216208",
                 provider="GA0", keywords="středověk; písemná kultura")


def _settings_with(tmp_path, files: dict[str, bytes]) -> Settings:
    settings = Settings(data_dir=tmp_path / "data")
    log = fetch_log.JsonlAppender(fetch_log.fetches_path(settings.fetchlog_dir, "c1"), fetch_log.FETCHES)
    for name, data in files.items():
        sha, _ = raw_store.put(settings.raw_dir, data)
        log.write({"crawl_id": "c1", "source_id": "isvavai", "url": f"http://127.0.0.1:9/opendata/{name}",
                   "kind": "dataset", "outcome": "ok", "status": 200, "sha256": sha,
                   "fetched_at": "2026-11-28T02:00:00+00:00"})
    log.close()
    return settings


def test_every_valid_row_is_imported_and_each_bad_row_reported_with_its_line(tmp_path):
    bad = (HEADER + SMART + "XX,too,few,fields\n" + PLAIN + '"TL09,"unclosed quote at the end of a cut file\n')
    path = tmp_path / "CEP-projekty.csv"
    path.write_bytes(bad.encode("cp1250"))  # a copy re-saved by a Windows tool
    meta = rd_projects.import_file(path, tmp_path / "p.parquet", tmp_path / "p.json")
    rows = pq.read_table(tmp_path / "p.parquet").to_pylist()
    assert [r["project_code"] for r in rows] == ["TL01000001", "GA00000002"]
    assert rows[0]["title"] == "Chytré veřejné osvětlení obcí" and rows[0]["recipient_ico"] == "60076658"
    assert rows[1]["recipient_ico"] == "00216208" and rows[0]["total_cost_czk"] == 1234567
    assert meta["kind"] == "projects" and meta["records"] == 2
    assert [p["line"] for p in meta["problems_list"]] == [3, 5]
    assert json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["problems"] == 2


def test_a_file_that_is_no_cep_export_is_one_problem_not_a_crash(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("jmeno,prijmeni\nJan,Novák\n", encoding="utf-8")
    meta = rd_projects.import_file(path, tmp_path / "x.parquet", tmp_path / "x.json")
    assert meta["kind"] is None and meta["records"] == 0 and "not a CEP export" in meta["problems_list"][0]["reason"]
    assert not (tmp_path / "x.parquet").exists()


def test_projects_are_judged_and_linked_to_municipalities_in_the_warehouse(tmp_path):
    from pipelines.registry import municipality_rows

    town = next(m for m in municipality_rows(Settings().seeds_dir) if m.get("ico"))
    participants = PARTICIPANTS + f"TL01000001,TA0,ico:{town['ico']},{town['name']},CZ\n" + \
        "GA00000002,GA0,ico:216208,Univerzita,CZ\n"
    settings = _settings_with(tmp_path, {"CEP-projekty.csv": (HEADER + SMART + PLAIN).encode(),
                                         "CEP-ucastnici.csv": participants.encode()})
    stats = rd_projects.import_datasets(settings)
    assert stats == {"datasets": 2, "imported_now": 2}
    assert rd_projects.import_datasets(settings) == {"datasets": 2, "imported_now": 0}  # once per file version
    warehouse.publish(settings)
    con = duckdb.connect(str(settings.db_path), read_only=True)
    try:
        projects = {r[0]: r[1:] for r in con.execute(
            "SELECT project_code, is_smart, municipality_codes, funding_programme, started_on FROM rd_projects").fetchall()}
        linked = con.execute("SELECT municipality_code FROM rd_participants WHERE project_code = 'TL01000001'").fetchall()
        funded = con.execute("SELECT f.programme_code, f.amount_czk, p.name FROM funding_mentions f JOIN "
                             "funding_programmes p USING (programme_code) WHERE f.subject = 'rd_project'").fetchall()
    finally:
        con.close()
    assert projects["TL01000001"][0] is True and projects["GA00000002"][0] is False
    assert town["municipality_code"] in projects["TL01000001"][1]
    assert projects["TL01000001"][2] == "TACR_ETA" and str(projects["TL01000001"][3]) == "2021-01-01"
    assert linked == [(town["municipality_code"],)]
    assert funded == [("TACR_ETA", 800000, "ÉTA")], funded  # what funds which project, and how much


def test_the_same_export_under_two_urls_gives_each_project_once(tmp_path):
    data = (HEADER + SMART + PLAIN).encode()
    settings = _settings_with(tmp_path, {"CEP-projekty.csv": data, "kopie/CEP-projekty.csv": data})
    rd_projects.import_datasets(settings)
    warehouse.publish(settings)
    con = duckdb.connect(str(settings.db_path), read_only=True)
    try:
        codes = sorted(r[0] for r in con.execute("SELECT project_code FROM rd_projects").fetchall())
        funded = con.execute("SELECT count(*) FROM funding_mentions WHERE subject = 'rd_project'").fetchone()[0]
    finally:
        con.close()
    assert codes == ["GA00000002", "TL01000001"] and funded == 1
