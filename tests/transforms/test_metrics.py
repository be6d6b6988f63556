"""Evaluation measures compute what their names say."""
import pytest

from transforms.metrics import accuracy, binary_prf, micro_prf, title_matches


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
