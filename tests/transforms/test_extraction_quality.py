"""Text-quality rules added with OCR (shifted glyph codes that look upper-case)."""
from transforms.text_quality import assess_text

from .builders import CZECH


def _shift_ascii(text: str) -> str:
    return "".join(chr(ord(c) - 29) if c.isalpha() and ord(c) < 128 else c for c in text)


def test_shifted_lowercase_into_capitals_needs_ocr():
    q = assess_text(_shift_ascii((CZECH + " ") * 5), 1)
    assert q.needs_ocr and q.reason.startswith("implausible_words"), q


def test_real_all_caps_czech_is_fine():
    q = assess_text((CZECH.upper() + "\n") * 5, 1)
    assert not q.needs_ocr, q
    heading = "\n".join(f"ČLÁNEK {i}: PŘEDMĚT SMLOUVY O DÍLO A CENA DÍLA PRO OBEC BLEŠNO" for i in range(10))
    assert not assess_text(heading, 1).needs_ocr
