"""Czech normalisation: the forms classification, linking and search compare."""
from transforms.czech_text import casefold, fold, lemma_text, lemmas, strip_accents, words


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


def test_accents_go_and_nothing_else_changes():
    import unicodedata

    def reference(text: str) -> str:
        decomposed = unicodedata.normalize("NFD", text)
        return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))

    samples = ["Příliš žluťoučký kůň úpěl ďábelské ódy", "ŘÍJEN Ůžasné", "plain ascii", "", "Ωμέγα ñ ü Å ǅ",
               "e\u0301\u0327 a\u20d7 \u0345x", "1. 2. 2024 – § 12 „Obec“"]
    for s in samples:
        assert strip_accents(s) == reference(s)
    assert strip_accents("Strategický plán ÚŘAD") == "Strategicky plan URAD"
