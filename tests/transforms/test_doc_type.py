"""Document type from title, URL and first page; strategies vs budgets, spatial plans and ordinary documents."""
from __future__ import annotations

import pytest

from transforms.doc_type import classify_doc_type
from transforms.taxonomy import load_taxonomy

TAX = load_taxonomy()


def kind(title, text="", url=None):
    return classify_doc_type(TAX, title, text, url)


@pytest.mark.parametrize("title, code", [
    ("Strategický plán rozvoje města Čelákovice do roku 2030", "strategic_development_plan_municipal"),
    ("Strategie rozvoje obce Blešno 2021–2030", "strategic_development_plan_municipal"),
    ("Program rozvoje obce Mukařov na období 2022–2026", "programme_municipal_development"),
    ("Strategie rozvoje Královéhradeckého kraje 2021–2027", "regional_development_strategy"),
    ("Koncepce Smart City města Písek", "smart_city_strategy"),
    ("Akční plán strategického plánu rozvoje města na roky 2023–2024", "action_plan"),
    ("Implementační plán pro roky 2026 až 2028 – Strategie pro správu dat", "action_plan"),
    ("Plán udržitelné městské mobility Olomouc", "sump"),
    ("Územní energetická koncepce Jihomoravského kraje", "territorial_energy_concept"),
    ("Akční plán pro udržitelnou energii a klima (SECAP) města Chrudim", "secap"),
    ("Strategie adaptace města Kežmarok na změnu klimatu", "climate_adaptation_strategy"),
    ("Strategie komunitně vedeného místního rozvoje MAS Lašsko 2021–2027", "sclld"),
    ("Komunitní plán sociálních služeb města Olomouce 2010–2012", "sectoral_concept"),
    ("Koncepce rozvoje venkova", "national_concept"),
    ("Metodika pro přípravu a realizaci konceptu Smart Cities", "national_concept"),
    ("Manažerské shrnutí Strategie pro správu dat ve veřejné správě České republiky", "national_concept"),
])
def test_strategies_are_recognised_by_their_title(title, code):
    d = kind(title)
    assert d.code == code
    assert d.is_strategic
    assert d.evidence and d.evidence[0].startswith("title:")


@pytest.mark.parametrize("title, code", [
    ("Vyhodnocení strategického plánu rozvoje města za rok 2023", "evaluation_report"),
    ("Zpráva o plnění akčního plánu 2022", "evaluation_report"),
    ("Územní plán Blešno – opatření obecné povahy", "spatial_plan"),
    ("Změna č. 2 územního plánu Kolín", "spatial_plan"),
    ("Střednědobý výhled rozpočtu obce na roky 2025–2027", "budget_outlook"),
    ("Rozpočet obce na rok 2024", "budget_outlook"),
    ("Závěrečný účet obce za rok 2023", "budget_outlook"),
])
def test_evaluations_spatial_plans_and_budgets_are_kept_out_of_strategies(title, code):
    d = kind(title)
    assert (d.code, d.is_strategic) == (code, False)


@pytest.mark.parametrize("title", [
    "Zápis ze zasedání zastupitelstva obce č. 5/2023",
    "Svozový plán pro rok 2021",
    "Obecně závazná vyhláška č. 1/2022 o místním poplatku",
    "Výzva k podání nabídky – Oprava chodníků",
    "Zadávací dokumentace veřejné zakázky malého rozsahu",
    "Výroční zpráva o poskytování informací za rok 2022",
    "Žádost o povolení k odběru podzemních vod",
    "Jízdní řád linky 660054",
    "Začínáme!! Pozvánka na první jarní utkání",
])
def test_ordinary_municipal_documents_are_other(title):
    d = kind(title, "Obec Blešno zve občany. Zastupitelstvo obce schválilo rozpočet, opatření a aktivity.")
    assert (d.code, d.is_strategic) == ("other", False)
    assert d.evidence


def test_precedence_decides_between_several_title_matches():
    d = kind("Vyhodnocení plnění strategie rozvoje města Liberec")
    assert d.code == "evaluation_report"
    assert any("strategic_development_plan_municipal" in e for e in d.evidence)


def test_titles_without_diacritics_match_too():
    assert kind("Strategicky plan rozvoje mesta Kolin 2030").code == "strategic_development_plan_municipal"


def test_the_url_decides_when_the_title_is_silent():
    d = kind(None, "", "https://www.obec.cz/files/Strategick%C3%BD-pl%C3%A1n-rozvoje-2030.pdf")
    assert d.code == "strategic_development_plan_municipal"
    assert d.evidence[0].startswith("url:")


def test_first_page_cues_need_several_specific_cues():
    page = ("Obec Nová Ves\nZpracovatel: ABC s.r.o.\n2021\nObsah: Analytická část, SWOT analýza, "
            "Návrhová část – vize a strategické cíle, Implementační část, akční plán. Schválilo zastupitelstvo.")
    assert kind("Dokument 2021", page).code == "strategic_development_plan_municipal"
    assert kind("Dokument 2021", "Vize a opatření naší obce.").code == "other"


def test_it_is_deterministic_and_never_raises():
    a = kind("Strategický plán rozvoje obce Blešno", "text", "x")
    assert a == kind("Strategický plán rozvoje obce Blešno", "text", "x")
    assert classify_doc_type(TAX, None, None, None).code == "other"  # type: ignore[arg-type]

