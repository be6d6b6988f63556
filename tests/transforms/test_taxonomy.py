"""The project taxonomy: versioned package data built from the shared research taxonomy."""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from transforms.taxonomy import load_taxonomy, make_term

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SHARED_TAXONOMY = SHARED / "domain" / "taxonomy.json"
PACKAGED = REPO / "transforms" / "data" / "taxonomy.json"


def _builder():
    name = "_build_taxonomy_under_test"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "pipelines" / "build_taxonomy.py")
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


def test_the_taxonomy_is_versioned_and_names_its_source():
    tax = load_taxonomy()
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", tax.version)
    assert tax.built_from["meta_version"]
    assert re.fullmatch(r"[0-9a-f]{64}", tax.built_from["sha256"])


def test_it_is_loaded_once_per_process():
    assert load_taxonomy() is load_taxonomy()


def test_it_keeps_what_classification_needs():
    tax = load_taxonomy()
    codes = {a.code for a in tax.areas}
    assert {"mobility_transport", "energy", "ict_infrastructure_data", "egovernment_services"} <= codes
    assert len(codes) == 17
    assert all(a.terms and a.weight > 0 for a in tax.areas)
    assert {"strategic_development_plan_municipal", "spatial_plan", "budget_outlook", "evaluation_report",
            "action_plan", "national_concept"} <= set(tax.doc_types)
    assert tax.precedence[:2] == ["evaluation_report", "spatial_plan"]
    assert {p.code for p in tax.programmes} >= {"IROP", "OPZ", "MODERNIZACNI_FOND", "TACR", "TACR_ETA"}


def test_strategy_types_follow_the_include_flags():
    tax = load_taxonomy()
    strategic = {c for c, t in tax.doc_types.items() if t.is_strategic}
    assert strategic == {
        "strategic_development_plan_municipal", "programme_municipal_development", "regional_development_strategy",
        "smart_city_strategy", "action_plan", "sump", "territorial_energy_concept", "secap",
        "climate_adaptation_strategy", "sclld", "iti_ipru_strategy", "sectoral_concept", "national_concept"}


def test_every_regex_compiles():
    raw = json.loads(PACKAGED.read_text(encoding="utf-8"))
    pats = [raw["smart_markers"]["regex"], raw["project_ordinary_title_regex"]]
    for t in raw["document_types"]:
        pats += [t.get(k) for k in ("title_regex", "url_regex", "project_title_regex", "project_url_regex")]
    for p in raw["funding_programmes"]:
        pats += [p.get("regex"), p.get("cep_code_regex")]
    pats += list(raw["date_and_approval_patterns"].values())
    compiled = [re.compile(p) for p in pats if isinstance(p, str) and p]
    assert len(compiled) > 50


def test_project_additions_are_marked_as_such():
    raw = json.loads(PACKAGED.read_text(encoding="utf-8"))
    action = next(t for t in raw["document_types"] if t["code"] == "action_plan")
    assert "implementační" in action["project_title_regex"]
    assert "project_keywords_cs" in raw["areas"][0]
    assert raw["smart_markers"]["project_solution_terms_cs"]


def test_keywords_are_lemmatised_and_acronyms_kept_case_sensitive():
    assert make_term("veřejné dopravy").lemma == "verejny doprava"
    assert make_term("MHD").acronym == "MHD"
    assert make_term("zákon č. 12/2020 Sb.").literal == "zakon c. 12/2020 sb."
    assert make_term("~data|dat").forms == frozenset({"data", "dat"})


@pytest.mark.skipif(not SHARED_TAXONOMY.is_file(), reason="../shared is not beside the checkout")
def test_the_committed_file_is_what_build_taxonomy_produces():
    b = _builder()
    assert PACKAGED.read_text(encoding="utf-8") == b.render(b.build(SHARED_TAXONOMY)), \
        "stale: run python pipelines/build_taxonomy.py"
