"""Type and strategy from the document's own words: its name, the head of the name, and a strategy's structure."""
from __future__ import annotations

import pytest

from transforms.doc_type import classify_doc_type
from transforms.vocabulary import load_vocabulary

VOC = load_vocabulary()

# A strategy's body as such plans are written: analysis, vision, priorities, goals, measures, indicators.
BODY = ("Analytická část popisuje současný stav obce, obyvatelstvo, hospodářství a infrastrukturu. "
        "Ze SWOT analýzy vyplývají silné a slabé stránky území. "
        "Vize: obec je v roce 2030 místem, kde se dobře žije. "
        "Prioritní oblast 1 Infrastruktura. Strategický cíl 1.1 Kvalitní silnice a chodníky. "
        "Opatření 1.1.1 Rekonstrukce místních komunikací. Aktivity: oprava povrchů, nové osvětlení. "
        "Indikátory: délka opravených komunikací v km, výchozí hodnota 0, cílová hodnota 5. "
        "Implementace a monitoring: plnění vyhodnocuje rada obce jednou ročně. ") * 8


def kind(title, text="", level=None):
    return classify_doc_type(VOC, title, text, None, level=level)


@pytest.mark.parametrize("title, code", [
    ("Strategický plán rozvoje města Čelákovice do roku 2030", "strategic_development_plan_municipal"),
    ("Program rozvoje obce Mukařov na období 2022–2026", "programme_municipal_development"),
    ("Strategie rozvoje Královéhradeckého kraje 2021–2027", "regional_development_strategy"),
    ("Koncepce Smart City města Písek", "smart_city_strategy"),
    ("Akční plán strategického plánu rozvoje města na roky 2023–2024", "action_plan"),
    ("Plán udržitelné městské mobility Olomouc", "sump"),
    ("Územní energetická koncepce Jihomoravského kraje", "territorial_energy_concept"),
    ("Akční plán pro udržitelnou energii a klima (SECAP) města Chrudim", "secap"),
    ("Strategie komunitně vedeného místního rozvoje MAS Lašsko 2021–2027", "sclld"),
    ("Komunitní plán sociálních služeb města Olomouce 2010–2012", "sectoral_concept"),
    ("Návrh Strategického plánu rozvoje obce Lhota 2024–2030", "strategic_development_plan_municipal"),
])
def test_a_strategy_is_named_and_built_like_one(title, code):
    d = kind(title, BODY)
    assert (d.code, d.is_strategic) == (code, True), d.evidence
    assert any(s["field"] == "is_strategic" and s["kind"] == "structure" for s in d.sentences)


def test_generic_strategy_names_take_their_type_from_words_and_level():
    assert kind("Koncepce bydlení statutárního města Liberec", BODY).code == "sectoral_concept"
    assert kind("Strategie řízeného přístupu k datům", BODY, level="national").code == "national_concept"
    assert kind("Implementační plán 2026–2028 – Strategie pro správu dat", BODY, level="national").code == "action_plan"
    assert kind("Strategie města Tábor 2030", BODY, level="municipal").code == "strategic_development_plan_municipal"


def test_the_name_may_stand_in_the_first_lines_below_an_annex_note():
    text = "Obec Lhota\nPříloha č. 1 k usnesení zastupitelstva č. 5/2021\nStrategický plán rozvoje obce Lhota\n" + BODY
    d = kind(None, text)
    assert (d.code, d.is_strategic) == ("strategic_development_plan_municipal", True), d.evidence


def test_a_page_that_only_names_a_strategy_is_not_one():
    d = kind("Strategický plán rozvoje obce Lhota 2024–2030", "Ke stažení: strategický plán (PDF, 2 MB).")
    assert (d.code, d.is_strategic) == ("other", False)


@pytest.mark.parametrize("title", [
    "Zápis ze zasedání zastupitelstva obce č. 5/2023",
    "Usnesení zastupitelstva, kterým se schvaluje Strategický plán rozvoje obce 2024–2030",
    "Oznámení o veřejném projednání návrhu Strategického plánu rozvoje města",
    "Veřejná vyhláška – návrh Programu rozvoje obce",
    "Výzva k podání nabídky – Oprava chodníků v souladu se Strategickým plánem",
    "Zpravodaj obce Lhota – jaro 2024",
    "Pozvánka na setkání k přípravě strategie rozvoje obce",
])
def test_paperwork_about_a_strategy_is_not_the_strategy(title):
    d = kind(title, BODY)
    assert (d.code, d.is_strategic) == ("other", False), d.evidence


@pytest.mark.parametrize("title, code", [
    ("Rozpočet obce na rok 2024", "budget_outlook"),
    ("Střednědobý výhled rozpočtu obce na roky 2025–2027", "budget_outlook"),
    ("Závěrečný účet obce za rok 2023", "budget_outlook"),
    ("Rozpočtové opatření č. 34/2019", "budget_outlook"),
    ("Zpráva o plnění akčního plánu 2022", "evaluation_report"),
    ("Zpráva o stavu životního prostředí v kraji za rok 2022", "evaluation_report"),
    ("Výroční zpráva o činnosti obecní knihovny", "other"),
    ("Územní plán Blešno – opatření obecné povahy", "spatial_plan"),
])
def test_budgets_evaluations_and_spatial_plans_are_never_strategies(title, code):
    d = kind(title, BODY)
    assert (d.code, d.is_strategic) == (code, False), d.evidence


def test_a_budget_table_without_a_name_is_a_budget():
    text = "Paragraf Položka Schválený rozpočet Upravený rozpočet Skutečnost % plnění\n2212 5171 100 120 118 98\n"
    assert kind(None, text).code == "budget_outlook"


def test_nothing_named_is_other_and_bad_input_never_raises():
    assert kind(None, "Dnes pršelo.").code == "other"
    assert kind(None, None).code == "other"


def test_an_action_plan_shows_its_project_table_and_period():
    rows = "".join(f"Projekt {i}: oprava chodníku v ulici {i}. Odpovědnost: starosta. Termín realizace: 2025. "
                   f"Odhad nákladů {i * 100} tis. Kč, zdroj financování rozpočet obce a IROP. Vazba na opatření 1.{i}. "
                   for i in range(1, 13))
    d = kind("Akční plán obce Lhota na roky 2025–2026", "Akční plán na období 2025–2026 naplňuje strategický cíl 1. " + rows)
    assert (d.code, d.is_strategic) == ("action_plan", True), d.evidence


def test_a_page_describing_what_a_strategy_is_is_not_one():
    text = ("Strategický plán obce je koncepční dokument, který hodnotí silné a slabé stránky a formuluje vizi. "
            "Pro hlavní oblasti života stanoví cíle, priority a konkrétní opatření na období 2021–2030. "
            "Dokument ke stažení: strategický plán (PDF, 2 MB).")
    d = kind("Strategický plán obce", text)
    assert (d.code, d.is_strategic) == ("other", False), d.evidence


def test_the_kind_of_an_ordinary_name_is_kept_for_the_other_labels():
    assert kind("Zápis ze zasedání zastupitelstva obce č. 5/2023", BODY).kind == "minutes"
    assert kind("Zpravodaj obce Lhota – jaro 2024", BODY).kind == "newsletter"
    assert kind("Strategický plán rozvoje obce Lhota 2024–2030", BODY).kind == "strategy"
