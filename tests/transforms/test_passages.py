"""A text is cut into passages at sentence ends, blank lines, page breaks and list items."""
from __future__ import annotations

from transforms.passages import MAX_WORDS, split
from transforms.terms import tokenize


def texts(text):
    return [text[p.start:p.end] for p in split(text, tokenize(text))]


def test_sentences_and_list_items_are_passages():
    text = "Obec vymění svítidla. Práce začnou v květnu.\n- první etapa náves\n- druhá etapa\n\nZávěr"
    assert texts(text) == ["Obec vymění svítidla", "Práce začnou v květnu", "první etapa náves",
                           "druhá etapa", "Závěr"]


def test_a_long_run_without_punctuation_is_cut_into_pieces():
    text = " ".join(f"položka{i}" for i in range(3 * MAX_WORDS))
    parts = split(text, tokenize(text))
    assert len(parts) == 3 and all(p.words == MAX_WORDS for p in parts)


def test_every_token_belongs_to_exactly_one_passage():
    text = "Jedna věta. Druhá věta!\fTřetí strana. (A závorka.)"
    parts = split(text, tokenize(text))
    assert parts[0].first == 0 and parts[-1].last == len(tokenize(text))
    assert all(a.last == b.first for a, b in zip(parts, parts[1:]))
