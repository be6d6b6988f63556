"""Search terms: inflected, accented and unaccented forms of one Czech word meet in one term; function words do
not count; snippets show the passage that matched."""
from __future__ import annotations

import pytest

from transforms.search_text import ELLIPSIS, snippet, term_counts, terms, word_terms


@pytest.mark.parametrize("a, b", [
    ("strategii", "strategie"),
    ("strategií", "Strategie"),
    ("městech", "město"),
    ("obcí", "obec"),
    ("krajů", "kraj"),
    ("odpadů", "odpad"),
])
def test_inflected_forms_give_the_lemma(a, b):
    assert terms(a) == terms(b) != []


@pytest.mark.parametrize("typed, written", [
    ("osvetleni", "osvětlení"),   # the dictionary does not know the unaccented form
    ("mestech", "městech"),       # ... nor this one, whose lemma differs from the form
    ("sberu", "sběru"),
    ("verejne", "veřejné"),       # ambiguous: veřejné (adjective) or veřejně (adverb)
    ("chytre", "chytré"),
    ("OSVĚTLENÍ", "osvětlení"),
])
def test_a_word_typed_without_diacritics_reaches_the_lemma_of_the_accented_word(typed, written):
    assert set(terms(written)) <= set(terms(typed))


def test_an_ambiguous_unaccented_word_gives_every_candidate_lemma_on_both_sides():
    assert set(terms("verejne")) >= {"verejny", "verejne"}
    assert terms("veřejné") == ["verejny"]
    assert terms("veřejně") == ["verejne"]


def test_terms_are_folded_lemmas_in_order():
    assert terms("Chytré veřejné osvětlení ve městech a obcích") == ["chytry", "verejny", "osvetleni", "mesto", "obec"]


def test_function_words_and_single_letters_are_dropped():
    assert terms("a v na se je že pro do k o s u z") == []
    assert terms("the plan of the city") == terms("plan city") != []


def test_a_stop_word_is_dropped_by_its_form_so_a_noun_with_the_same_folded_lemma_stays():
    assert terms("je") == []
    assert terms("byt") == ["byt"]  # a flat: "je" has the folded lemma "byt" too


def test_digits_and_punctuation_are_not_terms():
    assert terms("2021–2030, č. 3/2024!") == []
    assert terms("") == []


def test_term_counts_count_terms_across_inflected_forms():
    counts = term_counts("Strategie obce. Strategii schválilo zastupitelstvo obce, strategií je více.")
    assert counts["strategie"] == 3
    assert counts["obec"] == 2
    assert sum(counts.values()) == len(terms("Strategie obce. Strategii schválilo zastupitelstvo obce, strategií je více."))


def test_word_terms_is_cached():
    word_terms("osvětlení")
    hits = word_terms.cache_info().hits
    word_terms("osvětlení")
    assert word_terms.cache_info().hits == hits + 1


FILLER = "Zastupitelstvo vzalo na vědomí zprávu o činnosti rady. " * 12
TEXT = (FILLER + "Obec zavede chytré veřejné osvětlení: lampy se ztlumí, když ulicí nikdo nejde. " + FILLER
        + "Osvětlení hřiště bylo opraveno. " + FILLER)


def test_snippet_shows_the_passage_with_most_query_terms_and_marks_the_matched_words():
    s = snippet(TEXT, terms("chytre verejne osvetleni"))
    assert "«chytré» «veřejné» «osvětlení»" in s
    assert "hřiště" not in s  # the passage naming only one of the words lost


def test_snippet_is_about_the_width_asked_and_says_where_it_was_cut():
    s = snippet(TEXT, terms("osvětlení"), width=80)
    assert s.startswith(ELLIPSIS) and s.endswith(ELLIPSIS)
    assert len(s.replace("«", "").replace("»", "")) <= 80 + 2 * len(ELLIPSIS)


def test_snippet_cuts_between_words():
    s = snippet(TEXT, terms("osvětlení"), width=80).strip(ELLIPSIS)
    words_of_text = set(TEXT.replace(":", " ").replace(",", " ").replace(".", " ").split())
    inner = s.replace("«", "").replace("»", "").replace(":", " ").replace(",", " ").replace(".", " ").split()
    assert inner[0] in words_of_text and inner[-1] in words_of_text


def test_snippet_matches_inflected_forms_and_keeps_the_text_as_written():
    assert snippet("Plán počítá s novými strategiemi obcí.", terms("strategie obec")) == \
        "Plán počítá s novými «strategiemi» «obcí»."


def test_snippet_without_a_match_is_the_opening_of_the_text():
    s = snippet(TEXT, terms("kanalizace"), width=60)
    assert s.startswith("Zastupitelstvo vzalo") and s.endswith(ELLIPSIS) and "«" not in s
    assert snippet("", terms("obec")) == ""
    assert snippet("Krátký text.", []) == "Krátký text."


def test_snippet_squeezes_line_breaks_and_page_breaks():
    assert snippet("Sběr\n\nodpadu\fv obci", terms("odpad")) == "Sběr «odpadu» v obci"
