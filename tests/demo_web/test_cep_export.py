"""The synthetic CEP export looks like the official one (real column names, 2021 quirks), is deterministic,
has a few per cent SMART projects and municipal participants recorded in its truth, and the project's own
reader (transforms.cep) reads every row of it back."""
from __future__ import annotations

import csv
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from demo_web.cep_export import (PARTICIPANT_COLUMNS, PARTICIPANTS_FILE, PROJECT_COLUMNS, PROJECTS_FILE,
                                 TRUTH_FILE, write_cep_export)
from demo_web.registry import SEEDS_DIR
from transforms.cep import Row, participant_record, project_record, read_rows

# every column name listed in /work/shared/domain/RECORD_FORMATS.md section 1
DOCUMENTED_PROJECT_COLUMNS = (
    "poradi", "odkaz_na_isvavai.cz", "kod_projektu", "RAid", "poskytovatel", "kategorie_vav", "kod_programu",
    "nazev_projektu_originalni", "nazev_projektu_anglicky", "stupen_duvernosti", "rok_zahajeni", "rok_ukonceni",
    "datum_zahajeni", "datum_ukonceni", "hlavni_obor", "hlavni_vedni_obor_oecd", "cile_reseni_originalni",
    "cile_reseni_anglicky", "klicova_slova_anglicky", "hlavni_prijemce", "nazev_organizace", "ico", "psc_sidla",
    "zeme_sidla", "celkove_naklady_na_dobu_reseni", "statni_podpora_na_dobu_reseni",
    "podpora_z_verejnych_zahranicnich_zdroju", "cislo_smlouvy", "posledni_stav_projektu", "kod_hodnoceni")
DOCUMENTED_PARTICIPANT_COLUMNS = (
    "kod_projektu", "poskytovatel", "ucastnik", "nazev_ucastnika", "zeme_sidla",
    "celkove_naklady_ucastnika_na_dobu_reseni", "statni_podpora_pro_ucastnika_na_dobu_reseni",
    "podpora_z_verejnych_zahranicnich_zdroju", "ROR")
PROJECTS = 2_000


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("cep")
    return out, write_cep_export(out, projects=PROJECTS, seed=7)


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _chunks(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        while chunk := fh.read(size):
            yield chunk


def test_the_files_carry_the_real_column_names_in_utf8_with_commas(export):
    out, truth = export
    raw = (out / PROJECTS_FILE).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    header = raw.split(b"\r\n", 1)[0].decode("utf-8").split(",")
    assert tuple(header) == PROJECT_COLUMNS
    assert set(DOCUMENTED_PROJECT_COLUMNS) <= set(header)
    header_u = (out / PARTICIPANTS_FILE).read_bytes().split(b"\r\n", 1)[0].decode("utf-8").split(",")
    assert tuple(header_u) == PARTICIPANT_COLUMNS == DOCUMENTED_PARTICIPANT_COLUMNS
    assert truth["format"]["encoding"] == "utf-8" and truth["format"]["delimiter"] == ","


def test_counts_match_the_files_and_the_truth_file(export):
    out, truth = export
    projects, participants = _csv_rows(out / PROJECTS_FILE), _csv_rows(out / PARTICIPANTS_FILE)
    assert len(projects) == truth["counts"]["projects"] == PROJECTS
    assert len(participants) == truth["counts"]["participants"] >= PROJECTS
    codes = [p["kod_projektu"] for p in projects]
    assert len(set(codes)) == PROJECTS and set(codes) == set(truth["projects"])
    assert {p["kod_projektu"] for p in participants} == set(codes)
    assert json.loads((out / TRUTH_FILE).read_text(encoding="utf-8")) == truth


def test_the_export_is_deterministic_for_a_seed(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    write_cep_export(a, projects=300, seed=11)
    write_cep_export(b, projects=300, seed=11)
    write_cep_export(c, projects=300, seed=12)
    for name in (PROJECTS_FILE, PARTICIPANTS_FILE, TRUTH_FILE):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert (a / PROJECTS_FILE).read_bytes() != (c / PROJECTS_FILE).read_bytes()


def test_a_few_per_cent_of_projects_are_smart_and_carry_areas(export):
    _, truth = export
    smart = [t for t in truth["projects"].values() if t["smart"]]
    assert 0.02 <= len(smart) / PROJECTS <= 0.06
    assert all(t["areas"] and t["theme"] for t in smart)
    assert not any(t["areas"] or t["theme"] for t in truth["projects"].values() if not t["smart"])
    assert len({t["theme"] for t in smart}) >= 8
    assert any(t["near_miss"] for t in truth["projects"].values())


def test_municipal_participants_are_real_municipalities_of_the_registry(export):
    out, truth = export
    with open(SEEDS_DIR / "municipalities.csv", encoding="utf-8", newline="") as fh:
        registry = {r["kod_obce"]: r for r in csv.DictReader(fh)}
    rows = {(p["kod_projektu"], p["ucastnik"]): p for p in _csv_rows(out / PARTICIPANTS_FILE)}
    municipal = truth["municipal_participants"]
    assert 0 < len(municipal) / len(rows) < 0.05
    assert any(m["smart_project"] for m in municipal)
    for m in municipal:
        reg = registry[m["municipality_code"]]
        assert m["ico"] == reg["ico"] and m["name"] == reg["nazev_ucetni_jednotky"]
        assert rows[(m["project_code"], m["ucastnik"])]["nazev_ucastnika"] == m["name"]
    municipal_icos = {r["ico"] for r in registry.values()}
    others = {p["ucastnik"] for p in rows.values()} - {m["ucastnik"] for m in municipal}
    assert not {k.removeprefix("ico:") for k in others} & municipal_icos


def test_the_2021_quirks_are_there(export):
    out, _ = export
    projects = _csv_rows(out / PROJECTS_FILE)
    no_dates = sum(not p["datum_zahajeni"] and not p["datum_ukonceni"] for p in projects) / len(projects)
    assert 0.35 <= no_dates <= 0.50
    assert all(p["rok_zahajeni"] and p["rok_ukonceni"] for p in projects)
    assert any(len(p["ico"]) < 8 for p in projects)
    assert sum("\n" in p["cile_reseni_originalni"] for p in projects) > len(projects) / 10
    assert sum(";" in p["cile_reseni_originalni"] for p in projects) > len(projects) / 10
    assert any('"' in p["cile_reseni_originalni"] for p in projects)
    assert all(p["hlavni_prijemce"] == "" or re.fullmatch(r"ico:\d{8}", p["hlavni_prijemce"]) for p in projects)
    czech = sum(bool(re.search(r"[áčďéěíňóřšťúůýž]", p["klicova_slova_anglicky"])) for p in projects)
    assert 0.02 <= czech / len(projects) <= 0.12


def test_the_reader_reads_every_generated_row_back(export):
    out, truth = export
    projects = []
    for item in read_rows(_chunks(out / PROJECTS_FILE)):
        assert isinstance(item, Row), item
        rec = project_record(item.values)
        assert isinstance(rec, dict), (item.line, rec)
        projects.append(rec)
    assert [p["project_code"] for p in projects] == list(truth["projects"])
    assert all(p["recipient_ico"] is None or len(p["recipient_ico"]) == 8 for p in projects)
    assert sum(p["started_on"] is None for p in projects) > PROJECTS / 3
    assert all(p["start_year"] and p["end_year"] and p["start_year"] <= p["end_year"] for p in projects)
    participants = []
    for item in read_rows(_chunks(out / PARTICIPANTS_FILE, size=4096)):
        assert isinstance(item, Row), item
        rec = participant_record(item.values)
        assert isinstance(rec, dict), (item.line, rec)
        participants.append(rec)
    assert len(participants) == truth["counts"]["participants"]
    costs: dict[str, int] = {}
    for p in participants:
        costs[p["project_code"]] = costs.get(p["project_code"], 0) + p["cost_czk"]
    assert all(costs[p["project_code"]] == p["total_cost_czk"] for p in projects)
    by_key = {(p["project_code"], p["participant_key"]): p for p in participants}
    for p in projects:
        if p["recipient_key"]:
            assert by_key[(p["project_code"], p["recipient_key"])]["participant_ico"] == p["recipient_ico"]


def test_writing_the_default_50000_projects_takes_well_under_a_minute(tmp_path):
    t0 = time.monotonic()
    truth = write_cep_export(tmp_path)
    elapsed = time.monotonic() - t0
    assert truth["counts"]["projects"] == 50_000
    assert 0.03 <= truth["counts"]["smart_projects"] / 50_000 <= 0.05
    assert elapsed < 45, f"{elapsed:.1f} s"
