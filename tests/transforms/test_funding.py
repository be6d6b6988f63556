"""Funding programmes named in a text: one mention per programme, snippet and count as evidence."""
from __future__ import annotations

from transforms.funding import SNIPPET_CHARS, find_funding
from transforms.vocabulary import load_vocabulary

TAX = load_vocabulary()
TEXT = ("Projekt Chytré veřejné osvětlení byl spolufinancován z Integrovaného regionálního operačního programu "
        "(IROP) a z programu EFEKT III. Další etapu podpoří Modernizační fond – program LIGHTPUB. "
        "Strategii zpracovala firma v projektu TA ČR programu ÉTA č. TL01000123. IROP hradí 85 %.")


def codes(text):
    return [m.programme_code for m in find_funding(TAX, text)]


def test_programmes_are_found_once_each_with_a_count():
    found = {m.programme_code: m for m in find_funding(TAX, TEXT)}
    assert {"IROP", "MPO_EFEKT", "MODERNIZACNI_FOND", "TACR", "TACR_ETA"} <= set(found)
    assert "count: 3" in found["IROP"].evidence
    assert "IROP" in found["IROP"].snippet or "Integrovan" in found["IROP"].snippet
    assert len(found["IROP"].snippet) <= 2 * SNIPPET_CHARS + 80


def test_cautions_of_the_taxonomy_hold():
    assert "LIFE" not in codes("Quality of life in the city is our goal.")
    assert "LIFE" in codes("Projekt byl podpořen z programu LIFE.")
    assert "TACR_PROSTREDI_PRO_ZIVOT" not in codes("Pilíř C Prostředí pro život Koncepce Smart Cities.")
    assert "TACR_PROSTREDI_PRO_ZIVOT" in codes("Výzkum podpořila TA ČR v programu Prostředí pro život.")


def test_nothing_found_in_ordinary_text_and_bad_input():
    assert find_funding(TAX, "Svozový plán pro rok 2021: plasty každý lichý týden.") == []
    assert find_funding(TAX, "") == []
    assert find_funding(TAX, None) == []  # type: ignore[arg-type]


def test_it_is_deterministic():
    assert find_funding(TAX, TEXT) == find_funding(TAX, TEXT)
