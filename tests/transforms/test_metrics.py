"""Evaluation measures compute what their names say."""
import pytest

from transforms.metrics import TITLE_MATCH_THRESHOLD, accuracy, binary_prf, micro_prf, normalise_title, title_matches


def test_binary_prf_counts_true_and_false_positives():
    m = binary_prf([(True, True), (True, False), (False, True), (False, False)])
    assert (m.tp, m.fp, m.fn) == (1, 1, 1)
    assert m.precision == pytest.approx(0.5) and m.recall == pytest.approx(0.5) and m.f1 == pytest.approx(0.5)


def test_micro_prf_pools_labels_over_documents():
    m = micro_prf([(["energy", "water_management"], ["energy"]), (["energy"], ["energy", "mobility_transport"])])
    assert (m.tp, m.fp, m.fn) == (2, 1, 1)


def test_accuracy_and_empty_input():
    assert accuracy([("a", "a"), ("a", "b")]) == (0.5, 1, 2)
    assert accuracy([]) == (0.0, 0, 0)


def test_title_match_tolerates_word_order_and_case_not_other_titles():
    assert title_matches("Strategický plán rozvoje obce Blešno", "STRATEGICKÝ PLÁN ROZVOJE OBCE BLEŠNO 2021–2030")
    assert not title_matches("Strategický plán rozvoje obce Blešno", "Svozový plán 2021")
    assert not title_matches("X", None)


def test_title_match_undoes_letter_spacing_on_both_sides():
    # a labelled title written letter-spaced and a predicted one repaired are the same title, either way round
    assert title_matches("Z Á P I S Z J E D N Á N Í", "ZÁPIS Z JEDNÁNÍ")
    assert title_matches("ZÁPIS Z JEDNÁNÍ", "Z Á P I S Z J E D N Á N Í")
    assert title_matches("V E Ř E J N Á  V Y H L Á Š K A", "Veřejná vyhláška")  # two spaces: a word gap
    assert normalise_title("V E Ř E J N Á  V Y H L Á Š K A") == "veřejná vyhláška"
    assert not title_matches("Z Á P I S Z J E D N Á N Í", "Zápis ze zasedání zastupitelstva obce Lhota")


def test_title_match_reads_underscores_as_spaces():
    assert title_matches("Strategie řízeného přístupu k datům", "STRATEGIE_ŘÍZENÉHO_PŘÍSTUPU_ K_DATŮM")
    assert normalise_title("Plan_rozvoje_2030") == "plan rozvoje 2030"


def test_title_match_threshold_is_kept():
    assert TITLE_MATCH_THRESHOLD == 90
    assert not title_matches("Rozpočet obce na rok 2025", "Rozpočtový výhled obce na léta 2026–2028")
