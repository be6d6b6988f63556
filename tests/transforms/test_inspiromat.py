"""The inspiromat: a mayor types her municipality as she likes and gets what comparable municipalities did, each
item with the reason it was chosen."""
from __future__ import annotations

import csv
import itertools
from collections import defaultdict

import pytest

from core.settings import Settings
from pipelines.registry import municipality_rows
from transforms.inspiromat import (NEIGHBOURING_KRAJE, area_code, recommend, recommend_all,
                                   resolve_municipality)


@pytest.fixture(scope="module")
def registry() -> list[dict]:
    return municipality_rows(Settings().seeds_dir)


def _by_code(registry, code):
    return next(m for m in registry if m["municipality_code"] == code)


# --- which municipality ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["Pouzdřany", "pouzdrany", "POUZDRANY", "  Pouzdřany ", "Obec Pouzdřany",
                                   "584835", "00283533"])
def test_a_unique_name_with_or_without_diacritics_or_its_code_finds_the_municipality(registry, query):
    found = resolve_municipality(query, registry)
    assert found.resolved
    assert found.municipality["municipality_code"] == "584835"
    assert "Pouzdřany" in found.message and "Břeclav" in found.message


def test_a_shared_name_lists_every_namesake_with_its_okres_and_kraj_and_picks_none(registry):
    found = resolve_municipality("Lhota", registry)
    assert not found.resolved
    assert {m["municipality_code"] for m in found.candidates} == {"513041", "514497", "534986", "573434"}
    for m in found.candidates:
        assert m["okres_name"] in found.message and m["kraj_name"] in found.message
        assert m["municipality_code"] in found.message
    assert "upřesněte okres" in found.message


@pytest.mark.parametrize("query, code", [
    ("Lhota (Kladno)", "513041"), ("Lhota, okres Kladno", "513041"), ("lhota, okres kladno", "513041"),
    ("Lhota (Zlínský kraj)", "573434"), ("Lhota, Olomoucký", "514497"), ("Lhota (Praha-východ)", "534986"),
    ("Březina (Tišnov)", "582891"), ("Brezina, ORP Slapanice", "581429"), ("534986", "534986"),
])
def test_an_okres_orp_or_kraj_after_the_name_or_a_code_picks_one_namesake(registry, query, code):
    found = resolve_municipality(query, registry)
    assert found.resolved, found.message
    assert found.municipality["municipality_code"] == code


def test_a_qualifier_that_still_fits_several_namesakes_lists_those_only(registry):
    found = resolve_municipality("Březina (Brno-venkov)", registry)  # two Březina in okres Brno-venkov
    assert not found.resolved
    assert {m["municipality_code"] for m in found.candidates} == {"581429", "582891"}
    assert "Šlapanice" in found.message and "Tišnov" in found.message


def test_the_example_the_message_suggests_resolves(registry):
    for name in ("Lhota", "Nová Ves", "Mezholezy", "Březina"):
        message = resolve_municipality(name, registry).message
        example = message.split("např. „")[1].split("“")[0]
        assert resolve_municipality(example, registry).resolved, example


def test_an_unknown_name_suggests_similar_names_and_an_unknown_code_says_so(registry):
    typo = resolve_municipality("Pouzdrani", registry)
    assert not typo.resolved and "Pouzdřany" in typo.message
    assert [m["municipality_code"] for m in typo.candidates] == ["584835"]
    missing = resolve_municipality("999999", registry)
    assert not missing.resolved and "999999" in missing.message
    assert not resolve_municipality("", registry).resolved


def test_a_name_that_begins_with_a_status_word_is_still_found(registry):
    assert resolve_municipality("Město Albrechtice", registry).municipality["municipality_code"] == "597635"


def test_areas_are_named_by_code_or_czech_label():
    assert area_code("energy") == area_code("Energetika") == area_code("energetika") == "energy"
    assert area_code("doprava") == "mobility_transport"
    with pytest.raises(ValueError, match="známé oblasti"):
        area_code("astrologie")


# --- neighbouring kraje ---------------------------------------------------------------------------------------------

def test_the_neighbour_table_covers_every_kraj_of_the_registry_and_is_symmetric(registry):
    assert set(NEIGHBOURING_KRAJE) == {m["kraj_code"] for m in registry}
    for kraj, neighbours in NEIGHBOURING_KRAJE.items():
        assert kraj not in neighbours
        assert all(kraj in NEIGHBOURING_KRAJE[n] for n in neighbours), kraj


def test_kraje_whose_municipalities_share_a_postal_code_are_neighbours():
    kraje_of = defaultdict(set)
    with open(Settings().seeds_dir / "municipalities" / "municipalities.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for psc in filter(None, (row["psc_list"] or "").split(";")):
                kraje_of[psc].add(row["kraj_kod"])
    pairs = {pair for kraje in kraje_of.values() for pair in itertools.combinations(sorted(kraje), 2)}
    assert pairs, "the registry has postal codes spanning kraje"
    assert all(b in NEIGHBOURING_KRAJE[a] for a, b in pairs)


# --- ranking --------------------------------------------------------------------------------------------------------

def _practice(pid, municipality_code, kraj_code, size_class, domains, **more):
    return {"kind": "good_practice", "id": pid, "title": f"Praxe {pid}", "url": f"https://praxe.example/{pid}",
            "municipality_code": municipality_code, "municipality_name": f"Obec {municipality_code}",
            "kraj_code": kraj_code, "kraj_name": {"116": "Jihomoravský kraj", "141": "Zlínský kraj",
                                                  "43": "Plzeňský kraj"}.get(kraj_code),
            "size_class": size_class, "domains": domains, "country": "CZ", **more}


POUZDRANY = {"municipality_code": "584835", "kraj_code": "116", "size_class": "village"}  # registry facts only


def test_a_village_with_no_documents_gets_the_most_comparable_items_first_with_reasons():
    candidates = [
        _practice("gp_far", "554791", "43", "city", ["energy"]),                  # Plzeň: other size, far kraj
        _practice("gp_same", "583502", "116", "village", ["energy"], year=2022),  # Nová Ves (Brno-venkov)
        _practice("gp_neigh", "586871", "141", "village_xs", ["mobility_transport"]),  # Lipová, Zlínský kraj
        _practice("gp_size", "540200", "43", "village", ["education"]),         # same size, far kraj
    ]
    got = recommend(POUZDRANY, candidates)
    assert [r.item_id for r in got] == ["gp_same", "gp_size", "gp_neigh"]  # Plzeň shares nothing with Pouzdřany
    assert got[0].reason == ("stejná velikostní skupina (500–1 999 obyvatel), stejný kraj, "
                             "realizovaná dobrá praxe (2022)")
    assert got[0].url == "https://praxe.example/gp_same"
    assert got[2].reason.startswith("blízká velikostní skupina (do 499 obyvatel), sousední kraj (Zlínský kraj)")


def test_a_requested_area_keeps_only_its_items_and_is_named_in_the_reason():
    candidates = [_practice("gp_energy", "583502", "116", "village", ["energy", "buildings_housing_urban"]),
                  _practice("gp_school", "583502", "116", "village", ["education"])]
    got = recommend(POUZDRANY, candidates, domain="energy")
    assert [r.item_id for r in got] == ["gp_energy"]
    assert got[0].reason == ("stejná velikostní skupina (500–1 999 obyvatel), stejný kraj, sdílené oblasti: energetika, "
                             "realizovaná dobrá praxe")


def test_the_areas_of_the_targets_own_strategies_raise_items_that_share_them():
    candidates = [_practice("gp_a", "583502", "116", "village", ["education"]),
                  _practice("gp_b", "583502", "116", "village", ["water_management"])]
    assert [r.item_id for r in recommend(POUZDRANY, candidates)] == ["gp_a", "gp_b"]  # tie: by id
    target = {**POUZDRANY, "domains": ["water_management"]}
    assert [r.item_id for r in recommend(target, candidates)] == ["gp_b", "gp_a"]


def test_strategies_and_projects_say_what_backs_them():
    strategy = {"kind": "strategy", "id": "s_1", "title": "Strategie rozvoje obce Nová Ves 2021–2030",
                "url": "https://novaves.example/strategie.pdf", "municipality_code": "583502", "kraj_code": "116",
                "size_class": "village", "domains": ["energy"], "is_smart": True, "is_current": True,
                "validity_to": 2030, "in_registry": True}
    project = {"kind": "rd_project", "id": "TK02010670", "title": "Komunitní energetika v malých obcích",
               "url": "https://www.isvavai.cz/cep?h=TK02010670", "municipality_code": "583502", "kraj_code": "116",
               "size_class": "village", "domains": ["energy"], "is_smart": True, "start_year": 2021,
               "end_year": 2024}
    got = {r.kind: r for r in recommend(POUZDRANY, [strategy, project], domain="energy")}
    assert got["strategy"].reason.endswith("SMART strategie platná do 2030, zapsaná v Databázi strategií")
    assert got["rd_project"].reason.endswith("projekt VaV (2021–2024)")
    assert got["strategy"].score > got["rd_project"].score


def test_the_targets_own_items_are_never_recommended_to_it():
    own = _practice("gp_own", "584835", "116", "village", ["energy"])
    shared_project = [{"kind": "rd_project", "id": "TL1", "title": "P", "url": None, "municipality_code": code,
                       "kraj_code": "116", "size_class": "village", "domains": ["energy"]}
                      for code in ("583502", "584835")]  # one project linked to two municipalities
    assert recommend(POUZDRANY, [own, *shared_project]) == []


def test_a_project_linked_to_several_municipalities_comes_once_at_its_most_comparable_place():
    rows = [{"kind": "rd_project", "id": "TL2", "title": "P", "url": None, "municipality_code": code,
             "municipality_name": name, "kraj_code": kraj, "size_class": size, "domains": []}
            for code, name, kraj, size in (("554791", "Plzeň", "43", "city"), ("583502", "Nová Ves", "116", "village"))]
    got = recommend(POUZDRANY, rows)
    assert len(got) == 1 and got[0].place == "Nová Ves"


def test_foreign_practices_are_compared_by_size_only():
    sk = {**_practice("gp_sk", None, None, "village", ["energy"]), "country": "SK", "municipality_name": "Hriňová"}
    got = recommend(POUZDRANY, [sk])
    assert got[0].reason.startswith("stejná velikostní skupina (500–1 999 obyvatel), zahraniční příklad (SK)")


def test_the_order_is_deterministic_and_the_limit_holds():
    candidates = [_practice(f"gp_{i:02d}", "583502", "116", "village", ["energy"]) for i in range(20)]
    first = recommend(POUZDRANY, list(reversed(candidates)), limit=5)
    assert [r.item_id for r in first] == [f"gp_{i:02d}" for i in range(5)]
    assert first == recommend(POUZDRANY, candidates, limit=5)


def test_every_municipality_at_once_gives_what_one_at_a_time_gives(registry):
    candidates = [_practice("gp_same", "583502", "116", "village", ["energy"]),
                  _practice("gp_plzen", "554791", "43", "city", ["mobility_transport"]),
                  _practice("gp_zlin", "586871", "141", "village_xs", ["education"])]
    some = [_by_code(registry, c) for c in ("584835", "583502", "554791", "573434", "538523")]
    domains_of = {"538523": ["energy"]}
    every = recommend_all(some, candidates, limit=2, domains_of=domains_of)
    for m in some:
        target = {**m, "domains": domains_of.get(m["municipality_code"], [])}
        assert every[m["municipality_code"]] == recommend(target, candidates, limit=2)
    assert [r.item_id for r in every["583502"]] != [r.item_id for r in every["584835"]]  # own practice dropped


def test_a_qualifier_that_fits_no_namesake_picks_none(registry):
    wrong = resolve_municipality("Lhota (Břeclav)", registry)
    assert not wrong.resolved and len(wrong.candidates) == 4 and "Břeclav" in wrong.message
    unique = resolve_municipality("Pouzdřany (Kladno)", registry)  # the only Pouzdřany is in okres Břeclav
    assert not unique.resolved and "584835" in unique.message
