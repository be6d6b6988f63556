"""An R&D project is judged by the documents' classifier, and also SMART when it applies technology or data to a
public subject (the two halves of the Koncepce's definition); either half alone is not enough."""
from __future__ import annotations

import pytest

from transforms.rd_project import understand_project
from transforms.smart import score_smart
from transforms.vocabulary import load_vocabulary


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def _smart(vocab, title: str, goals: str | None = None) -> bool:
    return understand_project({"title": title, "goals": goals}, vocab, None)["is_smart"]


def test_a_technology_for_a_public_subject_makes_a_project_smart(vocab):
    assert _smart(vocab, "Sdílení dat o obsazenosti parkovišť pro menší města",
                  "Navrhneme senzory a otevřená data, přes která radnice zveřejní obsazenost parkovišť.")
    # the documents' classifier alone finds too little in so short a text; the project rule decides
    title, goals = "Parkování v menších městech", "Zkoumáme senzory parkovacích míst."
    assert not score_smart(vocab, title, goals).is_smart and _smart(vocab, title, goals)


def test_research_that_only_uses_data_about_citizens_is_not(vocab):
    assert not _smart(vocab, "Proměny důvěry občanů v instituce",
                      "Z dat opakovaných šetření a z databáze voleb popíšeme, komu občané důvěřují.")


def test_data_without_a_public_subject_is_not_enough(vocab):
    assert not _smart(vocab, "Databáze spekter minerálů z vulkanických hornin",
                      "Vytvoříme databázi a software pro porovnání spekter.")


def test_a_public_subject_without_technology_is_not_enough(vocab):
    assert not _smart(vocab, "Proměny sousedských vztahů v malých obcích",
                      "Rozhovory se starosty a obyvateli obcí popíšou, jak se mění sousedská pomoc.")


def test_the_funding_programme_comes_from_the_project_code(vocab):
    judged = understand_project({"title": "X", "project_code": "TL01000217", "provider": "TA0"}, vocab, None)
    assert judged["funding_programme"] == "TACR_ETA"
