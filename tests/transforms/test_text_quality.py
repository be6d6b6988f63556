import dataclasses

import pytest

from transforms.text_quality import assess_pages, assess_text, plausible_word

from .builders import CZECH


def test_real_czech_text_is_fine():
    q = assess_text((CZECH + "\n") * 10, 2)
    assert not q.needs_ocr and q.reason is None
    assert q.word_count > 100 and q.unique_words > 20 and q.letter_ratio > 0.8


def test_empty_needs_ocr():
    q = assess_text("\f\f", 3)
    assert q.needs_ocr and q.reason == "no_text_layer"


def test_almost_nothing_per_page_needs_ocr():
    q = assess_text("\f".join(["Strana 1", "2", "3 z 3"]), 3)
    assert q.needs_ocr and q.reason.startswith("too_little_text")


def test_cid_codes_need_ocr():
    text = "".join(f"(cid:{n})" for n in range(12, 400)) + " Obec"
    q = assess_text(text, 1)
    assert q.needs_ocr and q.reason.startswith("cid_codes") and q.cid_ratio > 0.9


def test_shifted_characters_need_ocr():
    # a broken font encoding often shifts every code point by a constant
    shifted = "".join(chr(ord(c) - 29) if c.isalpha() and ord(c) > 64 else c for c in (CZECH + " ") * 5)
    q = assess_text(shifted, 1)
    assert q.needs_ocr, q


def test_private_use_garbage_needs_ocr():
    q = assess_text("".join(chr(0xE000 + i % 200) for i in range(2000)), 1)
    assert q.needs_ocr and q.reason.startswith("broken_encoding")


def test_timetable_is_not_garbage():
    rows = "\n".join(f"{i:02d} 05.{i:02d}.21 zelená červená 7:{i:02d} 8:{i:02d} Nové Město n.Met." for i in range(1, 40))
    assert not assess_text(rows, 1).needs_ocr


def test_plausible_word():
    assert plausible_word("čtvrtstoletí") and plausible_word("vlk") and plausible_word("OBEC")
    assert not plausible_word("xkcdqwrt") and not plausible_word("aBcDeF") and not plausible_word("Привет")


PAGES = [
    (CZECH + "\n") * 3,
    "Strana 2",
    "".join(f"(cid:{n})" for n in range(12, 90)) + " Obec Lhota",
    "".join(chr(ord(c) - 29) if c.isalpha() and ord(c) > 64 else c for c in CZECH),
    "UR]SRðHW PRO NA " * 20,
    "",
    "".join(chr(0xE000 + i % 50) for i in range(300)) + " zápis",
    "X[Y X[Y a=b",  # odd characters between letters on a page without a word of two letters
    " ".join(["PRAHA", "BRNO", "OSTRAVA", "PLZEN", "LIBEREC", "OLOMOUC"] * 5),
]


@pytest.mark.parametrize("pages", [PAGES, PAGES[:1], PAGES[1:3], PAGES[3:], [""], list(reversed(PAGES)), PAGES[-2:]])
def test_judging_pages_together_gives_the_verdicts_of_the_joined_text_and_of_each_page(pages):
    whole, per_page = assess_pages(pages)
    assert whole == assess_text("\f".join(pages), len(pages))
    assert per_page == [assess_text(p, 1) for p in pages]


def test_a_verdict_as_a_dict_has_every_field():
    q = assess_text(CZECH, 1)
    assert q.to_dict() == dataclasses.asdict(q)
