"""SMART relevance and thematic areas (multi-label) with the matched terms as evidence."""
from __future__ import annotations

from transforms.smart import score_smart
from transforms.taxonomy import load_taxonomy

TAX = load_taxonomy()

SMART_STRATEGY = """Strategie Smart City města Písek 2021–2030.
Chytré město využívá moderní technologie a data ke zlepšení kvality života. Pilíře strategie:
doprava a mobilita (chytré parkování, preference MHD, sdílená kola, dobíjecí stanice pro elektromobilitu),
energetika (energetický management budov, chytré veřejné osvětlení, fotovoltaika na střechách škol),
ICT infrastruktura (městská datová platforma, senzory kvality ovzduší, otevřená data, internet věcí)
a digitální služby úřadu (portál občana, mobilní aplikace, elektronické podání, datová schránka).
Městská hromadná doprava bude mít inteligentní dopravní systémy a dopravní telematiku.
Parkovací systém a záchytné parkoviště P+R zlepší dopravu v centru.
"""

POSTER = "Začínáme!!! Fotbalový klub zve na první jarní utkání sezóny. Turnaj v tenise na hřišti."
WASTE_CALENDAR = """Svozový plán pro rok 2021. Svoz komunálního odpadu každý lichý týden,
tříděný odpad (plasty, papír) – kontejner u obecního úřadu, bioodpad do kompostárny, sběrný dvůr."""
SEWER_FORM = """Žádost o prodloužení platnosti povolení k vypouštění odpadních vod do vod povrchových.
Vodoprávní úřad, čistírna odpadních vod, kanalizace, podzemní voda, studna."""


def test_a_smart_city_strategy_is_smart_and_multi_domain():
    s = score_smart(TAX, "Strategie Smart City města Písek", SMART_STRATEGY)
    assert s.is_smart and s.smart_score >= 0.9
    assert "smart_markers" in s.evidence
    assert {"mobility_transport", "energy", "ict_infrastructure_data"} <= set(s.domains)
    assert 2 <= len(s.domains) <= 4
    assert all(0 <= v <= 1 for v in s.domain_scores.values())
    assert s.evidence["mobility_transport"]


def test_ordinary_documents_get_their_area_but_are_not_smart():
    poster = score_smart(TAX, "Začínáme!!!", POSTER)
    assert poster.domains == ["community_culture_leisure"] and not poster.is_smart
    waste = score_smart(TAX, "Svozový plán pro rok 2021", WASTE_CALENDAR)
    assert waste.domains[0] == "circular_economy_waste" and not waste.is_smart


def test_waste_water_is_water_not_waste():
    s = score_smart(TAX, None, SEWER_FORM)
    assert s.domains == ["water_management"]
    assert not any("odpad*" in e for e in s.evidence.get("circular_economy_waste", []))


def test_solution_terms_make_a_village_tender_smart():
    s = score_smart(TAX, "Výzva k podání nabídky", "Opatření ke snížení energetické náročnosti veřejného "
                    "osvětlení: výměna svítidel za LED se stmíváním, úspora energie 60 %.")
    assert s.is_smart and s.domains == ["energy"]
    assert s.evidence["smart_solutions"]


def test_the_title_weighs_more_than_the_body():
    body = "Text o obci. " * 40 + "doprava"
    assert score_smart(TAX, "Doprava", body).domain_scores["mobility_transport"] > \
        score_smart(TAX, None, body).domain_scores["mobility_transport"]


def test_a_passing_mention_of_data_in_an_ordinary_notice_is_not_smart():
    s = score_smart(TAX, "Oznámení", "Obecní úřad Blešno. Podání lze zaslat do datové schránky. "
                    "Osobní data chráníme. Zastupitelstvo obce zasedá ve středu.")
    assert not s.is_smart


def test_empty_and_bad_input_give_empty_results_deterministically():
    assert score_smart(TAX, None, "").domains == []
    assert not score_smart(TAX, None, None).is_smart  # type: ignore[arg-type]
    assert score_smart(TAX, "x", SMART_STRATEGY) == score_smart(TAX, "x", SMART_STRATEGY)

