"""Language identification: which language a harvested text is in, how sure we are, and why."""
from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

import pytest

from transforms.language import LanguageGuess, detect_language

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
LANGID = SHARED / "corpus" / "dev" / "langid"

CZECH_PLAN = (
    "Strategický plán rozvoje obce je základní dokument, podle kterého obec plánuje své investice "
    "na příštích deset let. Zastupitelstvo ho schválilo na veřejném zasedání a občané se mohli "
    "vyjádřit v dotazníkovém šetření. Mezi hlavní priority patří oprava místních komunikací, "
    "rozšíření mateřské školy, výstavba chodníků a obnova veřejné zeleně. Obec také počítá s tím, "
    "že část projektů bude financována z dotací Evropské unie nebo z rozpočtu kraje. "
)
SLOVAK_PLAN = (
    "Program hospodárskeho rozvoja obce je základný dokument, podľa ktorého obec plánuje svoje "
    "investície na najbližších desať rokov. Zastupiteľstvo ho schválilo na verejnom zasadnutí a "
    "občania sa mohli vyjadriť v dotazníkovom prieskume. Medzi hlavné priority patrí oprava miestnych "
    "komunikácií, rozšírenie materskej školy, výstavba chodníkov a obnova verejnej zelene. "
)
ENGLISH_SUMMARY = (
    "This summary describes the development strategy of the municipality for the next ten years. "
    "The council approved the plan after a public consultation in which residents could comment on "
    "every measure. The main priorities are the repair of local roads, a larger kindergarten, new "
    "pavements and the renewal of public green spaces, funded partly by European Union grants. "
)


# --- contract -------------------------------------------------------------------------------------

def test_returns_a_frozen_guess_with_code_confidence_mixed_and_evidence():
    guess = detect_language(CZECH_PLAN)
    assert isinstance(guess, LanguageGuess)
    assert guess.code == "cs" and 0.9 <= guess.confidence <= 1.0 and guess.mixed is False
    assert guess.evidence["sample_chars"] > 0 and "cs" in guess.evidence["langdetect"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        guess.code = "sk"  # type: ignore[misc]


@pytest.mark.parametrize("text", ["", "   \n\t ", "12 345 / 2024", "---- *** ====", "Praha", "http://www.obec.cz/a/b",
                                  None])
def test_no_language_without_enough_letters(text):
    guess = detect_language(text)
    assert guess.code is None and guess.confidence == 0.0 and guess.mixed is False


@pytest.mark.parametrize("text, code", [
    ("The municipal council approved the new development strategy yesterday.", "en"),
    ("Der Gemeinderat hat gestern die neue Entwicklungsstrategie beschlossen.", "de"),
    ("Rada gminy zatwierdziła wczoraj nową strategię rozwoju miasta.", "pl"),
    ("Zastupitelstvo obce včera schválilo novou strategii rozvoje.", "cs"),
    ("Zastupiteľstvo obce včera schválilo novú stratégiu rozvoja.", "sk"),
])
def test_the_five_languages_we_must_tell_apart(text, code):
    assert detect_language(text).code == code


# --- determinism ----------------------------------------------------------------------------------

def test_same_text_same_guess_on_repeated_calls():
    texts = ["Jsem rád, že jste přišli.", SLOVAK_PLAN, "Pozor na kalorickou hodnotu.", CZECH_PLAN * 8]
    for text in texts:
        guesses = [detect_language(text) for _ in range(3)]
        assert guesses[0] == guesses[1] == guesses[2]
        assert guesses[0].evidence == guesses[1].evidence == guesses[2].evidence


def test_guess_does_not_depend_on_what_was_detected_before():
    texts = ["Obvykle má bílou barvu.", "Obvykle má bielu farbu.", ENGLISH_SUMMARY, "Krátká věta o obci Lhota."]
    forward = [detect_language(t) for t in texts]
    backward = [detect_language(t) for t in reversed(texts)][::-1]
    assert forward == backward
    assert [g.evidence for g in forward] == [g.evidence for g in backward]


def test_global_langdetect_use_does_not_change_our_guess():
    import langdetect

    before = detect_language("Pohrával si s lahvičkou a díval se z okna.")
    saved = langdetect.DetectorFactory.seed
    try:
        langdetect.DetectorFactory.seed = None  # someone else's unseeded use of the global detector
        for _ in range(3):
            langdetect.detect_langs("Pohrával si s lahvičkou a díval se z okna.")
        assert detect_language("Pohrával si s lahvičkou a díval se z okna.") == before
    finally:
        langdetect.DetectorFactory.seed = saved


def test_titles_in_capitals_are_read():
    assert detect_language("STRATEGICKÝ PLÁN ROZVOJE OBCE LHOTA NA OBDOBÍ").code == "cs"
    assert detect_language("PROGRAM HOSPODÁRSKEHO ROZVOJA OBCE NA ROKY").code == "sk"


# --- Czech or Slovak ------------------------------------------------------------------------------

@pytest.mark.parametrize("czech, slovak", [
    ("Jsem rád, že jste přišli.", "Som rád, že ste prišli."),
    ("Kdo to byl a proč tady není?", "Kto to bol a prečo tu nie je?"),
    ("Můžeme se sejít v úterý nebo ve středu.", "Môžeme sa stretnúť v utorok alebo v stredu."),
    ("Dokument, který obec schválila, platí do roku.", "Dokument, ktorý obec schválila, platí do roku."),
    ("Podle starosty je to velmi dobrý projekt pro obec.", "Podľa starostu je to veľmi dobrý projekt pre obec."),
    ("Když prší, děti zůstávají doma.", "Keď prší, deti zostávajú doma."),
])
def test_czech_and_slovak_are_told_apart_by_their_own_letters_and_words(czech, slovak):
    cs, sk = detect_language(czech), detect_language(slovak)
    assert cs.code == "cs" and sk.code == "sk"
    assert cs.evidence["cs_sk"]["cs_points"] > cs.evidence["cs_sk"]["sk_points"]
    assert sk.evidence["cs_sk"]["sk_points"] > sk.evidence["cs_sk"]["cs_points"]


def test_czech_only_and_slovak_only_letters_are_evidence():
    cs = detect_language("Řeka u mostu ještě nezamrzla.")
    sk = detect_language("Ľudia pôjdu k rieke v pätnástich.")
    assert cs.code == "cs" and set(cs.evidence["cs_sk"]["cs_letters"]) >= {"ř", "ě"}
    assert sk.code == "sk" and set(sk.evidence["cs_sk"]["sk_letters"]) >= {"ľ", "ô", "ä"}


def test_shared_words_and_acronyms_are_not_evidence():
    guess = detect_language("Je to tak, ale už aby to bylo, ZO ROH.")
    markers = guess.evidence["cs_sk"]
    assert "je" not in markers["cs_words"] and "je" not in markers["sk_words"]
    assert "zo" not in markers["sk_words"]  # the acronym ZO is not the Slovak preposition "zo"
    assert guess.code == "cs"  # "bylo" is Czech (Slovak: "bolo")


def test_without_markers_words_only_one_dictionary_knows_decide():
    cs = detect_language("Vyndala z krabičky jednu cigaretu a nabídla mi.")
    sk = detect_language("Napísala o zatknutí dvoch ľudí z dediny.")
    assert cs.code == "cs" and cs.evidence["cs_sk"]["decided_by"] == "lexicon"
    assert sk.code == "sk"


def test_lexicon_can_be_switched_off():
    guess = detect_language("Vyndala z krabičky jednu cigaretu a nabídla mi.", lexicon=False)
    assert "lexicon" not in guess.evidence["cs_sk"]
    assert guess.evidence["cs_sk"]["decided_by"] == "langdetect"


# --- long and mixed documents ---------------------------------------------------------------------

def test_long_single_language_document_is_not_mixed():
    guess = detect_language(CZECH_PLAN * 12)
    assert guess.code == "cs" and not guess.mixed and guess.confidence > 0.9
    assert len(guess.evidence["chunks"]) == 5
    assert sum(c["sample_chars"] for c in guess.evidence["chunks"]) <= 2100  # bounded work


def test_czech_document_with_a_long_english_section_is_mixed_but_czech():
    text = CZECH_PLAN * 6 + ENGLISH_SUMMARY * 4 + CZECH_PLAN * 6
    guess = detect_language(text)
    assert guess.code == "cs" and guess.mixed
    assert guess.evidence["other_languages"] == ["en"]
    assert guess.confidence < 0.95  # some of the document is not Czech


def test_czech_document_with_a_slovak_annex_is_mixed():
    guess = detect_language(CZECH_PLAN * 10 + SLOVAK_PLAN * 6)
    assert guess.code == "cs" and guess.mixed and guess.evidence["other_languages"] == ["sk"]


def test_only_a_bounded_sample_of_a_huge_document_is_read():
    guess = detect_language(CZECH_PLAN * 2000)
    assert guess.code == "cs"
    assert all(c["sample_chars"] <= 400 for c in guess.evidence["chunks"])


# --- accuracy on the UD dev sentences (../shared) -------------------------------------------------

@pytest.fixture(scope="module")
def ud_results():
    if not LANGID.is_dir():
        pytest.skip("../shared/corpus/dev/langid is not beside the checkout")
    bench_path = Path(__file__).resolve().parents[2] / "bench" / "langid_accuracy.py"
    spec = importlib.util.spec_from_file_location("langid_accuracy", bench_path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    sentences = bench.load_sentences(LANGID, min_chars=40)
    return bench.evaluate(lambda t: detect_language(t).code, sentences)


@pytest.mark.shared
def test_accuracy_on_ud_dev_sentences_over_the_five_languages(ud_results):
    assert ud_results["sentences"] > 5000
    assert ud_results["accuracy"] >= 0.99


@pytest.mark.shared
def test_czech_slovak_confusion_on_ud_dev_sentences_is_below_one_percent(ud_results):
    assert ud_results["cs_sk_sentences"] > 2000
    assert ud_results["cs_sk_confusion"] < 0.01
