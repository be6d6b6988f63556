"""Is an extracted text layer real text, or does the document need OCR?

Decided from statistics, not from emptiness alone (the Hlídač státu way): how many
characters per page, how many words and distinct words, how many `(cid:NN)` codes
(pdfminer's output for glyphs without a Unicode mapping), private-use / replacement
characters (broken font encodings), and the share of tokens that look like words of a
Latin-script language (Czech, Slovak, English, German): shifted or scrambled encodings
give letter soup without vowels, with odd case patterns or outside the Latin script.

Pure function, no I/O.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache

CID_RE = re.compile(r"\(cid:\d+\)")
_TOKEN_RE = re.compile(r"[^\W\d_]+", re.UNICODE)  # runs of letters
_VOWELS = set("aeiouyáéěíóúůýäëïöüôœæàèìòùâêîûåørlŕĺ")  # syllabic r/l: vlk, krk, smrt, čtvrt
_ONE_LETTER_OK = set("aikosuvzAIKOSUVZ")  # Czech one-letter words (a, i, k, o, s, u, v, z)

# Thresholds (documented in the report; tune on ../shared/corpus/dev).
MIN_CHARS_PER_PAGE = 40  # below: image-only scan with at most a stamp / page number
MIN_WORDS_PER_PAGE = 4
MAX_CID_RATIO = 0.05  # share of non-space characters inside (cid:NN) codes
MAX_GARBAGE_RATIO = 0.15  # private-use, U+FFFD, control characters
MIN_PLAUSIBLE_RATIO = 0.55  # share of letter tokens that look like words
MIN_LETTER_RATIO = 0.12
MIN_STOPWORD_RATIO = 0.02  # Czech prose ~25-35 %, tables a few %, shifted glyph codes ~0
# glyph codes shifted by a constant (code - 29) turn lower case into UPPER CASE letter soup with
# no multi-letter function word ("na" -> "QD"); real all-caps text keeps NA, SE, PRO, DO...
MAX_CAPS_SHIFTED = 0.5  # share of all-caps tokens above which...
MIN_CAPS_STOPWORDS = 0.03  # ...multi-letter function words must be at least this share
STOPWORDS = frozenset(
    "a i k o s u v z na se je do pro že to ve od po za by jako nebo které který která při ze ke ku the of and "
    "in to is for on by with či jsou byl bylo být není až již jen ani tak také podle dle až der die und das".split()
)  # timetables are letter-poor (~0.25) but not this poor


@dataclass
class TextQuality:
    needs_ocr: bool
    reason: str | None
    chars_per_page: float
    letter_ratio: float
    cid_ratio: float
    word_count: int
    unique_words: int
    garbage_ratio: float = 0.0
    plausible_ratio: float = 1.0
    stopword_ratio: float = 0.0

    def to_dict(self) -> dict:  # asdict() without its recursive copy: every field is a scalar
        return dict(self.__dict__)


def _is_latin_letter(ch: str) -> bool:
    o = ord(ch)
    return o < 0x250 or 0x1E00 <= o <= 0x1EFF


@lru_cache(maxsize=65536)
def plausible_word(tok: str) -> bool:
    """Does a run of letters look like a word of a Latin-script language?"""
    if len(tok) > 30:
        return False
    if not all(_is_latin_letter(c) for c in tok):
        return False
    if len(tok) == 1:
        return tok in _ONE_LETTER_OK
    low = tok.lower()
    if not any(c in _VOWELS for c in low):
        return False
    # case pattern: lower, UPPER, Capitalised (or camel-case brand names with few humps)
    if not (tok.islower() or tok.isupper() or (tok[0].isupper() and tok[1:].islower())):
        humps = sum(1 for a, b in zip(tok, tok[1:]) if a.islower() and b.isupper())
        if humps > 1 or tok[0].islower():
            return False
    # long consonant clusters do not occur in real words (Czech max ~5: "čtvrtstoletí" has 4)
    run = 0
    for c in low:
        if c in _VOWELS:
            run = 0
        else:
            run += 1
            if run > 5:
                return False
    return True


# private use, replacement character, C0/C1 controls other than tab/newlines/form feed
_GARBAGE_RE = re.compile("[\ue000-\uf8ff\ufffd\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# 'x', 'y', 'z' shifted by -29 become '[', '\\', ']' between letters: "UR]SRðHW" (rozpočet)
_ODD_IN_WORD = re.compile(r"(?<=[^\W\d_])[\[\]\\^`=]+(?=[^\W\d_])")


@dataclass
class _Counts:
    """What the verdict needs from a text; the counts of pages add up to those of the pages joined by a form feed
    (no pattern counted here spans whitespace), so a document is judged as a whole and page by page in one pass."""
    chars: int = 0  # non-space characters
    chars_nocid: int = 0  # ... once (cid:NN) codes are blanked
    cid_chars: int = 0
    letters: int = 0
    garbage: int = 0
    tokens: int = 0
    words: int = 0
    long_tokens: int = 0
    plausible: int = 0
    stop_tokens: int = 0
    stop_long: int = 0
    caps_long: int = 0
    odd_in_word: int = 0
    unique: set[str] = field(default_factory=set)

    def __iadd__(self, other: "_Counts") -> "_Counts":
        for k in _SUMMED:
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.unique |= other.unique
        return self


_SUMMED = tuple(f.name for f in fields(_Counts) if f.name != "unique")


def _counts(text: str) -> _Counts:
    c = _Counts()
    if "(cid:" in text:
        c.cid_chars = sum(len(m) for m in CID_RE.findall(text))
        no_cid = CID_RE.sub(" ", text)
    else:
        no_cid = text
    c.chars = sum(map(len, text.split()))  # \s and str.split() agree on what is a space
    c.chars_nocid = sum(map(len, no_cid.split())) if no_cid is not text else c.chars
    c.garbage = len(_GARBAGE_RE.findall(no_cid))
    tokens = _TOKEN_RE.findall(no_cid)
    c.letters = sum(map(len, tokens))  # a token is a run of letters
    c.tokens = len(tokens)
    long_tokens = [t for t in tokens if len(t) >= 2]
    c.long_tokens = len(long_tokens)
    c.words = c.long_tokens + sum(1 for t in tokens if len(t) == 1 and t in _ONE_LETTER_OK)
    lowered = [t.lower() for t in tokens]
    c.unique = {w for t, w in zip(tokens, lowered) if len(t) > 1 or t in _ONE_LETTER_OK}
    c.plausible = sum(1 for t in long_tokens if plausible_word(t))
    c.stop_tokens = sum(1 for w in lowered if w in STOPWORDS)
    c.stop_long = sum(1 for t, w in zip(tokens, lowered) if len(t) >= 2 and w in STOPWORDS)
    c.caps_long = sum(1 for t in long_tokens if t.isupper())
    c.odd_in_word = len(_ODD_IN_WORD.findall(no_cid))
    return c


def assess_text(text: str, pages: int | None) -> TextQuality:
    """Statistics of a text layer and the verdict whether it needs OCR (reason says why)."""
    return _verdict(_counts(text or ""), pages)


def assess_pages(page_texts: list[str]) -> tuple[TextQuality, list[TextQuality]]:
    """The verdict on the pages joined by form feeds (as assess_text gives it) and on each page alone, reading
    every page once."""
    per_page = [_counts(t or "") for t in page_texts]
    whole = _Counts()
    for c in per_page:
        whole += c
    return _verdict(whole, len(page_texts)), [_verdict(c, 1) for c in per_page]


def _verdict(c: _Counts, pages: int | None) -> TextQuality:
    pages = max(int(pages or 1), 1)
    n, n_nocid, n_long = c.chars, c.chars_nocid, c.long_tokens
    chars_per_page = n / pages
    letter_ratio = c.letters / n_nocid if n_nocid else 0.0
    cid_ratio = c.cid_chars / n if n else 0.0
    garbage_ratio = c.garbage / n_nocid if n_nocid else 0.0
    plausible_ratio = c.plausible / n_long if n_long else 0.0
    stop_ratio = c.stop_tokens / c.tokens if c.tokens else 0.0
    odd_in_word = c.odd_in_word / n_long if n_long else 0.0
    caps_ratio = c.caps_long / n_long if n_long else 0.0
    stop2_ratio = c.stop_long / n_long if n_long else 0.0

    reason: str | None = None
    if n == 0:
        reason = "no_text_layer"
    elif cid_ratio > MAX_CID_RATIO:
        reason = f"cid_codes: {cid_ratio:.0%} of characters are (cid:NN) glyph codes"
    elif garbage_ratio > MAX_GARBAGE_RATIO:
        reason = f"broken_encoding: {garbage_ratio:.0%} private-use/replacement/control characters"
    elif chars_per_page < MIN_CHARS_PER_PAGE or c.words / pages < MIN_WORDS_PER_PAGE:
        reason = (f"too_little_text: {chars_per_page:.0f} characters and {c.words / pages:.1f} words"
                  f" per page over {pages} page(s)")
    elif n_long >= 10 and plausible_ratio < MIN_PLAUSIBLE_RATIO:
        reason = f"implausible_words: only {plausible_ratio:.0%} of tokens look like words (shifted or scrambled glyphs)"
    elif letter_ratio < MIN_LETTER_RATIO:
        reason = f"few_letters: letters are {letter_ratio:.0%} of characters"
    elif n_long >= 30 and stop_ratio < MIN_STOPWORD_RATIO and plausible_ratio < 0.9:
        reason = (f"implausible_words: no common function words ({stop_ratio:.1%}) and {plausible_ratio:.0%}"
                  " word-like tokens (shifted glyph codes?)")
    elif (n_long >= 30 and caps_ratio > MAX_CAPS_SHIFTED and stop2_ratio < MIN_CAPS_STOPWORDS
          and (plausible_ratio < 0.7 or odd_in_word >= 0.02)):
        reason = (f"implausible_words: {caps_ratio:.0%} upper-case tokens without function words"
                  f" ({stop2_ratio:.1%}) and {plausible_ratio:.0%} word-like (shifted glyph codes?)")

    return TextQuality(
        needs_ocr=reason is not None,
        reason=reason,
        chars_per_page=round(chars_per_page, 1),
        letter_ratio=round(letter_ratio, 3),
        cid_ratio=round(cid_ratio, 3),
        word_count=c.words,
        unique_words=len(c.unique),
        garbage_ratio=round(garbage_ratio, 3),
        plausible_ratio=round(plausible_ratio, 3),
        stopword_ratio=round(stop_ratio, 3),
    )
