"""Vocabulary terms are found in every grammatical case, acronyms only as written, phrases only whole."""
from __future__ import annotations

from transforms.czech_text import stem
from transforms.terms import TermIndex, tokenize


def found(terms, text):
    return [h.term.text for h in TermIndex((t, None) for t in terms).find(tokenize(text))]


def test_the_light_stem_joins_the_cases_of_one_word():
    for forms in (["svítidla", "svítidel", "svítidlo", "svítidlům"], ["rozpočet", "rozpočtu", "rozpočty"],
                  ["obec", "obce", "obcí"], ["strategie", "strategii", "strategií"], ["kompostér", "kompostéry"]):
        assert len({stem(f) for f in forms}) == 1, forms


def test_a_phrase_matches_in_any_case_but_not_split_or_partly():
    assert found(["veřejné osvětlení"], "modernizace veřejného osvětlení v obci") == ["veřejné osvětlení"]
    assert found(["veřejné osvětlení"], "veřejného prostoru a osvětlení") == []
    assert found(["chytrá obec"], "koncept chytrých obcí") == ["chytrá obec"]


def test_acronyms_match_only_in_capitals():
    assert found(["LED"], "nová LED svítidla") == ["LED"]
    assert found(["LED"], "led na rybníce") == []


def test_the_longest_phrase_wins_over_the_words_inside_it():
    assert found(["energetická náročnost", "snížení energetické náročnosti"],
                 "opatření ke snížení energetické náročnosti budov") == ["snížení energetické náročnosti"]


def test_exact_forms_keep_a_word_apart_from_another_with_the_same_stem():
    assert found(["=zeleň|zeleně|zeleni|zelení"], "údržba veřejné zeleně") == ["zeleň"]
    assert found(["=zeleň|zeleně|zeleni|zelení"], "zelená popelnice na bioodpad") == []


def test_a_short_single_word_needs_its_exact_form():
    assert found(["data"], "otevřená data") == ["data"]
    assert found(["data"], "ve dne dat souhlas") == []
