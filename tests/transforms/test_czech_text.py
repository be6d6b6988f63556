"""Czech normalisation: the forms classification, linking and search compare."""
from transforms.czech_text import casefold, fold, lemma_text, lemmas, words


def test_casefold_squeezes_space_and_keeps_diacritics():
    assert casefold("  Strategický   PLÁN\nrozvoje ") == "strategický plán rozvoje"


def test_fold_removes_accents():
    assert fold("Územní energetická koncepce") == "uzemni energeticka koncepce"
    assert fold("ŘÍČANY") == "ricany"


def test_lemmas_undo_czech_inflection():
    assert lemmas("strategií městech obcí krajů") == ["strategie", "mesto", "obec", "kraj"]
    assert lemma_text("města Kolína") == "mesto kolin"


def test_words_keep_hyphenated_names():
    assert words("Frýdek-Místek, 2021–2030") == ["Frýdek-Místek"]
