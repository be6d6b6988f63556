"""The title of a document, chosen among candidates: ``choose_title(candidates) -> TitleChoice``.

Extractors collect candidates (metadata title, the lines of page 1 with their font sizes, heading
styles, the first lines of plain or OCR'd text, a "Název:" / "Věc:" field, a quoted document name);
annotation adds what the crawler saw (the link text and the listing context). One scorer picks the
title and says where it came from (``title_source``) and why (``evidence``).

The rule, in three steps:

1. **Repair** every candidate (``repair_title``): letter-spaced headings rejoined ("Z Á P I S" ->
   "ZÁPIS", word gaps kept), underscores to spaces, hyphenated line breaks and split diacritics
   joined, footnote marks, a leading "Název:"/"Věc:" label and a trailing legal-basis clause
   ("dle ustanovení § 38 zákona …") dropped.
2. **Reject** junk (``junk_reason``): producer defaults (``Microsoft Word - x.doc``), file names,
   barcodes and registry stamps (``*MHMPXPISGWU6*``, "Č. j.", "Sp. zn."), contact and address lines,
   letterheads (the name of the office or organisation alone), council cover-sheet headings, people
   and signature blocks, place-and-date lines, page furniture ("Tabulka č. 3"), table rows, text of
   a garbled layer, generic link texts ("Stáhnout").
3. **Score** the rest (``score_candidate``, weights in ``WEIGHTS``) and take the best; ties go to the
   earlier candidate. What raises a candidate: it names a document kind in its first words
   ("Zápis z jednání …", "Výzva k podání nabídky …"; vocabulary ``title`` section), it stands under a
   title label ("Název:"), it is set in the largest font of page 1 (or bold, or in a title/heading
   style), it sits near the top, a second independent source says the same (metadata = page text,
   link text = heading). What lowers it: one bare word, a long sentence of body prose, a trailing
   colon (a label), a "Field: value" line, metadata that the document's text never shows (a stale
   template's title).

Term lists are the ``title`` section of ``transforms/data/vocabulary.json`` (general Czech administrative language,
each group with its source), loaded by ``title_terms()``.
"""
from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from transforms.czech_text import stem, strip_accents
from transforms.textnorm import fix_split_diacritics, one_line
from transforms.vocabulary import read_vocabulary_json

MAX_STORED_CANDIDATES = 8  # candidates an extractor keeps in meta["title_candidates"]
MAX_TITLE_CHARS = 300
MIN_TEXT_FOR_IN_TEXT = 400  # chars of text below which "the text never shows the metadata title" means nothing
MIN_SCORE = -0.5  # a best candidate scoring below this (body prose, a bare word) is no title
GARBLED_LAYER_SHARE = 0.3  # share of a page's first lines that, garbled, condemn the page's text layer


@dataclass(frozen=True)
class TitleCandidate:
    text: str
    source: str                  # metadata | layout | heading_style | first_line | ocr_first_line | first_cell | html_h1 | link_text | ...
    rank: int = 0                # order among candidates of the same source (0 = first)
    facts: dict = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict:  # what asdict() gives, without its recursive deep copy (a few hundred per document)
        facts = None if self.facts is None else {
            k: v if isinstance(v, (str, int, float, bool, type(None))) else copy.deepcopy(v) for k, v in self.facts.items()}
        return {"text": self.text, "source": self.source, "rank": self.rank, "facts": facts}


@dataclass(frozen=True)
class TitleChoice:
    title: str | None
    source: str | None
    evidence: dict = field(default_factory=dict, compare=False, hash=False)


# ------------------------------------------------------------------------------------------ terms

def _stems(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in _WORD.findall(phrase))


@lru_cache(maxsize=1)
def title_terms() -> dict:
    """The ``title`` groups of the vocabulary (transforms/data/vocabulary.json), compiled: stem tuples, regexes, sets."""
    raw = read_vocabulary_json()["title"]
    out: dict = {"raw": raw}
    out["kinds"] = Phrases(sorted({_stems(t) for t in raw["document_kinds"]["terms"]} - {()}, key=len, reverse=True))
    out["letterhead"] = Phrases(sorted({_stems(t) for t in raw["letterhead"]["terms"]} - {()}, key=len, reverse=True))
    out["legal_forms"] = [t.casefold() for t in raw["letterhead"]["legal_forms"]]
    out["legal_form_res"] = [re.compile(r"(^|\s)" + re.escape(f) + r"(\s|$)") for f in out["legal_forms"] if "." in f]
    out["cover"] = Phrases(sorted({_stems(t) for t in raw["cover_sheet"]["terms"]} - {()}, key=len, reverse=True))
    out["title_labels"] = sorted((t.casefold() for t in raw["title_labels"]["terms"]), key=len, reverse=True)
    out["registry"] = _densed(t.casefold() for t in raw["registry"]["terms"])
    out["contact"] = _densed(t.casefold() for t in raw["contact"]["terms"])
    out["degrees"] = {t.casefold() for t in raw["person"]["degrees"]}
    out["roles"] = {_stems(t) for t in raw["person"]["roles"]}
    out["signature"] = _densed(t.casefold() for t in raw["person"]["signature_labels"])
    out["furniture"] = {t.casefold().rstrip(".") for t in raw["page_furniture"]["terms"]}
    out["producer"] = [re.compile(p, re.I) for p in raw["producer_defaults"]["patterns"]]
    out["legal_basis"] = re.compile("|".join(raw["legal_basis"]["patterns"]), re.I)
    out["link_generic"] = {t.casefold() for t in raw["link_generic"]["terms"]}
    out["one_letter"] = set(raw["one_letter_words"]["terms"])
    out["two_letter"] = set(raw["one_letter_words"]["two_letter"])
    out["connectors"] = set(raw["one_letter_words"]["connectors"])
    out["abbreviations"] = {t.casefold() for t in raw["abbreviations"]["terms"]}
    return out


def preload() -> None:
    """Load the title vocabulary and the lemma dictionaries now (1-2 s): a process that forks workers calls it
    once, so no worker pays for it again."""
    import simplemma

    title_terms()
    for lang in ("cs", "sk", "en"):
        simplemma.is_known("obec", lang=lang)


# ------------------------------------------------------------------------------------------ repair

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
_CZ_DIACRITIC_LETTER = "ěščřžýáíéůúťďňóĚŠČŘŽÝÁÍÉŮÚŤĎŇÓ"
_LONE_DIACRITIC = re.compile(rf"(?<=[^\W\d_]) ([{_CZ_DIACRITIC_LETTER}]) (?=[^\W\d_])")
_FOOTNOTE = re.compile(r"(?<=[^\W\d_])(\d\)|\*+\))|\s+(\d\)|\*+\)|\*+)$")
_FILE_SIZE = re.compile(r"\s*[\(\[]?\s*(pdf|docx?|xlsx?|odt|ods|rtf|zip|jpe?g|png)?\s*[,;]?\s*\d+([.,]\d+)?\s*(kb|mb|kib|mib|b)\s*[\)\]]?\s*$"
                        r"|\s*[\(\[]\s*(pdf|docx?|xlsx?|odt|ods|rtf|zip)\s*[\)\]]\s*$", re.I)
_QUOTES = "\"'„“”‚‘’«»"


def _is_known_word(word: str, langs: tuple[str, ...] = ("cs", "sk", "en")) -> bool:
    import simplemma

    w = word.casefold()
    return any(simplemma.is_known(w, lang=lang) for lang in langs)





def _segment(run: str) -> str | None:
    """Split a run of letters that lost its word gaps into known words ("ZÁPISZJEDNÁNÍ" -> "ZÁPIS Z
    JEDNÁNÍ"); None when no split into dictionary words exists."""
    if len(run) > 40:
        return None
    one = title_terms()["one_letter"]
    n = len(run)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(1, n + 1):
        for j in range(max(0, i - 20), i):
            if best[j] is None:
                continue
            piece = run[j:i]
            low = piece.casefold()
            ok = (low in one if len(piece) == 1 else low in title_terms()["two_letter"] if len(piece) == 2
                  else _is_known_word(piece, ("cs",)))
            if ok and (best[i] is None or len(best[j]) + 1 < len(best[i])):
                best[i] = best[j] + [piece]
    return " ".join(best[n]) if best[n] else None


def unspace_letters(text: str, segment: bool = True) -> str:
    """Rejoin letter-spaced words: 'V E Ř E J N Á  V Y H L Á Š K A' -> 'VEŘEJNÁ VYHLÁŠKA'.

    A run of three or more single letters separated by single spaces is one word; a wider gap (two
    spaces, a tab) between letters is a word gap. When a run has no wider gap at all, it is split into
    dictionary words where that is possible (``segment``), else kept as one word."""
    parts = re.split(r"(\s+)", text)
    toks = [(p, parts[i + 1] if i + 1 < len(parts) else "") for i, p in enumerate(parts) if i % 2 == 0 and p]
    if sum(1 for t, _ in toks if len(t) == 1 and t.isalpha()) < 3:
        return text
    one = title_terms()["one_letter"]
    out: list[str] = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and len(toks[j][0]) == 1 and toks[j][0].isalpha():
            j += 1
        run = toks[i:j]
        if len(run) >= 3 and any(t.casefold() not in one for t, _ in run) or len(run) >= 4:
            words, cur, wide = [], "", False
            for t, sep in run:
                cur += t
                if len(sep) >= 2 or "\t" in sep:
                    words.append(cur)
                    cur, wide = "", True
            if cur:
                words.append(cur)
            if not wide and segment and len(words) == 1:
                words = [_segment(words[0]) or words[0]]
            out.extend(words)
            i = j
        else:
            out.append(toks[i][0])
            i += 1
    return " ".join(out)


def _join_lone_diacritics(text: str) -> str:
    """'hospoda ř ení' -> 'hospodaření', 'M ě sto' -> 'Město': a lone Czech letter with a diacritic (no
    Czech word is one such letter) glued back to its neighbours, on the side the dictionary confirms."""
    def fix(m: re.Match) -> str:
        s, e = m.start(), m.end()
        left = re.search(r"[^\W\d_]+$", text[:s]).group(0)
        right = re.match(r"[^\W\d_]+", text[e:]).group(0)
        ch = m.group(1)
        if right.casefold() in title_terms()["one_letter"] and len(right) == 1:
            return ch + " "  # "transfer ů a" -> "transferů a"
        for glue_left, glue_right in ((True, True), (True, False), (False, True)):
            words = [(left if glue_left else "") + ch + (right if glue_right else "")]
            if not glue_left:
                words.append(left)
            if not glue_right:
                words.append(right)
            if all(_is_known_word(w) for w in words):
                return ch if glue_left and glue_right else (ch + " " if glue_left else " " + ch)
        return ch  # unclear: a lone diacritic letter inside a word is the common case
    if not _LONE_DIACRITIC.search(text):
        return text
    return _LONE_DIACRITIC.sub(fix, text)


def _join_hyphen_break(text: str) -> str:
    """'energe- tické' -> 'energetické' when the joined word is a word; else 'světelně-technických'."""
    def fix(m: re.Match) -> str:
        a, b = m.group(1), m.group(2)
        return a + b if _is_known_word(a + b) else a + "-" + b
    return re.sub(r"([^\W\d_]{2,})- ([^\W\d_]{2,})", lambda m: fix(m) if m.group(2)[0].islower() else m.group(0), text)


def strip_title_label(text: str) -> tuple[str, str | None]:
    """'Název: Zápis z jednání' -> ('Zápis z jednání', 'název'); other text unchanged, label None."""
    low = text.casefold()
    for lab in title_terms()["title_labels"]:
        if low.startswith(lab):
            rest = text[len(lab):]
            m = re.match(r"\s*[:–-]\s*|\t+\s*", rest)
            if m and (":" in m.group(0) or "\t" in m.group(0)):
                return rest[m.end():].strip(), lab
    return text, None


def trim_legal_basis(text: str) -> str:
    """Cut a trailing legal-basis clause: '… malého rozsahu dle ustanovení §38 zákona …' -> '… malého rozsahu'."""
    m = title_terms()["legal_basis"].search(text)
    if m and m.start() >= 12:
        return text[:m.start()].rstrip(" ,;–-")
    return text


def repair_title(text: str | None) -> str:
    """One clean line of a title candidate (see the module docstring, step 1)."""
    if not text:
        return ""
    t = unicodedata.normalize("NFC", fix_split_diacritics(str(text)))
    t = t.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    t = re.sub(r"(?<=[^\W\d_])-\s*\n\s*(?=[^\W\d_])", "- ", t)  # hyphen at a line end: decided below
    t = re.sub(r"[\r\n\f\v]+", " ", t)
    t = re.sub(r"(?<=[^\W_])_+(?=[^\W_]|\s)|(?<=\s)_+(?=[^\W_])", " ", t)
    t = re.sub(r"_+", " ", t)
    t = re.sub(r"[ \u00a0]*\t[ \u00a0\t]*", "\t", t)
    t = unspace_letters(t.replace("\u00a0", " "))
    t = _join_lone_diacritics(t)
    t = " ".join(t.split())
    t = _join_hyphen_break(t)
    t = _FILE_SIZE.sub("", t)
    t = re.sub(r"(?<=[^\W_])\((?=[^\W\d_]{2})", " (", t)  # "2015(svozový" -> "2015 (svozový"
    t = _FOOTNOTE.sub("", t)
    t = re.sub(r"^([-–•·▪■►*]|\d{1,2}[.)]|[IVX]{1,4}\.)\s+(?=[^\W\d_])", "", t)
    t, _ = strip_title_label(t)
    t = trim_legal_basis(t)
    t = t.strip(" ,;|·•-–—")
    if t.count("„") + t.count("“") == 1 or t.count('"') == 1:  # a lone quote from a line break
        t = t.strip("„“\"").strip()
    return one_line(t, MAX_TITLE_CHARS) or ""


# ------------------------------------------------------------------------------------------ features

class Phrases(list):
    """Stem phrases, longest first, also indexed by their first stem: a lookup per word, not a scan of them all."""

    def __init__(self, phrases: list[tuple[str, ...]]):
        super().__init__(phrases)
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for ph in phrases:
            self.by_first.setdefault(ph[0], []).append(ph)


def _find_phrase(stems: list[str], phrases: Phrases, max_start: int) -> tuple[int, tuple[str, ...]] | None:
    """The first word position (up to max_start) where a phrase starts, with the longest phrase there."""
    for i in range(min(max_start + 1, len(stems))):
        for ph in phrases.by_first.get(stems[i], ()):
            if tuple(stems[i:i + len(ph)]) == ph:
                return i, ph
    return None


_ADJECTIVE_END = ("ý", "á", "é", "í", "ích", "ého", "ému", "ým", "ou", "ně", "ě")


def kind_position(text: str, max_start: int = 8) -> int | None:
    """Word index where the text names a document kind ("Zápis", "Rozpočtové opatření"), or None."""
    st = [stem(w) for w in _WORD.findall(text)[: max_start + 4]]
    hit = _find_phrase(st, title_terms()["kinds"], max_start)
    return hit[0] if hit else None


def names_kind_first(text: str) -> bool:
    """Does the text start by naming a document kind: the kind is the first word, or follows only
    adjectives ("Svozový plán", "Minimální závazné technické podmínky", "Obecně závazná vyhláška")?"""
    pos = kind_position(text, 3)
    if pos is None:
        return False
    before = _WORD.findall(text)[:pos]
    return all(w.casefold().endswith(_ADJECTIVE_END) for w in before)


_DATE = re.compile(
    r"\b\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*(\d{4}|\d{2})\b|\b\d{1,2}\s*\.\s*[^\W\d_]{3,}\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}/\d{1,2}/\d{4}\b", re.U)
_PSC = re.compile(r"\b\d{3}\s?\d{2}\b")
_PHONE = re.compile(r"(\+\s?420|\b00420)|\b\d{3}\s?\d{3}\s?\d{3}\b")
_EMAIL_WEB = re.compile(r"\S+@\S+\.\w+|\bwww\.|https?://|\.(cz|sk|eu|com|org|net)\b/?", re.I)
_FILE = re.compile(r"\.(docx?|pdf|xlsx?|rtf|odt|ods|html?|tmp|txt|pptx?|jpe?g|png|tiff?|zip)\b|file:/|^[a-z]:\\|\\|^/", re.I)
_BARCODE = re.compile(r"^\*[A-Z0-9][A-Z0-9 ./-]{3,}\*$|^[*#]?[A-Z0-9]{8,}[*#]?$")
_GARBLE_CHARS = re.compile("[\ue000-\uf8ff\ufffd]|\\(cid:\\d+\\)")
_DIGIT_IN_WORD = re.compile(r"(?<![\d\W])[^\W\d_]*\d[^\W\d_]+|[^\W\d_]+\d(?![\d.,:/])[^\W\d_]*", re.U)
_TYPED_SOURCES = frozenset({"metadata", "link_text", "link_context", "html_h1", "html_title"})
_PAGE_NO = re.compile(r"^((strana|stránka|str\.|page|list)\s*(č\.?:?)?\s*)?\d+(\s*(/|z|of|ze)\s*\d+)?$", re.I)


_DOT_SPACE = re.compile(r"\.\s+")


@lru_cache(maxsize=8192)
def _dense(s: str) -> str:
    return _DOT_SPACE.sub(".", s)


def _densed(terms) -> list[str]:
    """Terms longest first (as case-folded), each densed once for _starts_with_any."""
    return [_dense(t) for t in sorted(terms, key=len, reverse=True)]


def _starts_with_any(low: str, terms: list[str]) -> str | None:
    """The first of `terms` (densed in title_terms) the densed text starts with, as a whole word."""
    low = _dense(low)
    for t in terms:
        if low.startswith(t):
            rest = low[len(t):]
            if not rest or not rest[0].isalnum() or (t.endswith(".") and rest[:1].isspace()):
                return t
    return None


def _garbled(text: str, lexicon: bool = True) -> str | None:
    from transforms.text_quality import plausible_word

    if _GARBLE_CHARS.search(text):
        return "garbled: (cid:) codes or replacement characters"
    toks = re.findall(r"[^\W\d_]+", text)
    long = [t for t in toks if len(t) >= 2]
    if len(_DIGIT_IN_WORD.findall(text)) >= 2:
        return "garbled: digits inside words (a broken OCR layer)"
    if len(long) >= 3 and sum(plausible_word(t) for t in long) < 0.6 * len(long):
        return "garbled: tokens that are not words"
    words4 = [t for t in toks if len(t) >= 4]
    if lexicon and len(words4) >= 3 and not any(c in _CZ_DIACRITIC_LETTER for c in text):
        known = sum(_is_known_word(w) for w in words4)
        if known < 0.4 * len(words4):
            return f"garbled: {known} of {len(words4)} words are dictionary words"
    return None


def junk_reason(text: str, source: str = "", facts: dict | None = None, filename: str | None = None) -> str | None:
    """Why a (repaired) candidate can never be the title, or None when it can."""
    facts = facts or {}
    t = text or ""
    letters = sum(c.isalpha() for c in t)
    if letters < 3:
        return "too_short"
    if facts.get("garbled_layer"):
        return "garbled_layer: the page's text layer failed the quality check"
    terms = title_terms()
    low = t.casefold()
    words = t.split()
    kpos = kind_position(t)
    starts_kind = names_kind_first(t)
    if any(p.search(low) for p in terms["producer"]):
        return "producer_default"
    if _FILE.search(t) or (len(words) == 1 and ("_" in t or len(t) > 40)):
        return "file_name"
    if filename and source in ("metadata", "link_text"):
        stem_ = re.sub(r"[_\s-]+", " ", filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]).strip().casefold()
        if stem_ and re.sub(r"[_\s-]+", " ", low).strip() == stem_:
            return "file_name: the file's own name"
    compact = t.replace(" ", "")
    if _BARCODE.match(t.strip()) and sum(c.isdigit() for c in compact) >= 1 and not t.strip("*#").isdigit():
        return "barcode"
    if len(words) <= 2 and re.fullmatch(r"\*?[A-Z0-9]{6,}\*?", compact) and sum(c.isdigit() for c in compact) >= 2:
        return "barcode"
    if source in ("link_text", "link_context") and (low.strip(" .:!»>") in terms["link_generic"]
                                                     or re.match(r"^(stáhnout|ke stažení|klikněte)\b", low)):
        return "generic_link_text"
    reg = _starts_with_any(low, terms["registry"])
    if reg and not starts_kind:
        return f"registry: starts with '{reg}'"
    if _EMAIL_WEB.search(t) and not starts_kind:
        return "contact: e-mail or web address"
    if _PHONE.search(t) and not starts_kind:
        return "contact: phone number"
    con = _starts_with_any(low, terms["contact"])
    if con and not starts_kind and re.match(r"\s*[:.]?\s*[:\d+@(]|\s*[:.]?\s*\S+\s*\d", _dense(low)[len(_dense(con)):]):
        return f"contact: starts with '{con}'"
    if re.search(r"\b(ič|ičo|dič)\s*[:.]?\s*(cz)?\d", low):
        return "contact: company id"
    st = [stem(w) for w in _WORD.findall(t)]
    cover = _find_phrase(st, terms["cover"], 0 if starts_kind else 8)
    if cover:
        return "cover_sheet: '" + " ".join(cover[1]) + "'"
    sig = _starts_with_any(low, terms["signature"])
    if sig:
        return f"signature: '{sig}'"
    # the dictionary test is for text read off the page (OCR soup); typed metadata and link texts are
    # often written without diacritics ("Komentar k rozboru")
    g = _garbled(t, lexicon=source not in _TYPED_SOURCES)
    if g:
        return g
    if not starts_kind and len(words) <= 7:
        toks = [w.casefold() for w in words]
        if any(w in terms["degrees"] or w.rstrip(",") in terms["degrees"] for w in toks):
            return "person: academic degree and a name"
        if any((s,) in terms["roles"] for s in st) and "," in t and len(words) <= 6:
            return "person: a name and an office"
        if st and (st[0],) in terms["roles"] and len(words) <= 4:
            return "person: an office (a signature's second line)"
    if kpos is None:
        no_dates = _DATE.sub(" ", t)
        rest = [w for w in _WORD.findall(no_dates) if w.casefold() not in ("dne", "ze", "v", "ve", "datum", "den")]
        if _DATE.search(t) and (len(rest) <= 5 and (not rest or rest[0][0].isupper())):
            return "place_date"
        if re.match(r"^(?i:v|ve)\s+[A-ZÁ-Ž]\w*.*\b(?i:dne)\b", t) and len(words) <= 9:
            return "place_date"
        if re.fullmatch(r"(dne\s*)?[\d\s./:-]+(hod\.?)?", low):
            return "place_date"
    if not starts_kind and len(words) <= 12:
        if _PSC.search(t) and re.search(r"[^\W\d_]{3,}", t) and (re.search(r"\d+\s*,", t) or len(words) <= 5):
            return "address: postcode"
        if re.search(r"\b(č\.\s?p\.|čp\.|č\.\s?or\.|ulice|ul\.|nám\.|náměstí|třída)\s*\d*", low) and re.search(r"\d", t):
            return "address: street and number"
    if kpos is None and len(words) <= 8:
        lh = _find_phrase(st, terms["letterhead"], 0)
        if lh:
            return "letterhead: '" + " ".join(lh[1]) + "'"
        if any(p.search(low) for p in terms["legal_form_res"]):
            return "letterhead: an organisation's name"
    if kpos is None and len(words) <= 5:
        first = re.sub(r"[^\w.]", "", words[0].casefold()).rstrip(".")
        if first in terms["furniture"] or _PAGE_NO.match(t.strip()):
            return f"page_furniture: '{first}'"
    if t.count("\t") >= 2:
        return "table_row"
    nums = re.findall(r"(?<![^\W\d_])[\d.,:/%+-]*\d[\d.,:/%+-]*(?![^\W\d_])", _DATE.sub(" ", t))
    if len(nums) >= 3 and len(nums) >= 0.4 * len(words):
        return "table_row: mostly numbers"
    if t.rstrip().endswith(":") and len(words) <= 4 and kpos is None:
        return "label: ends with a colon"
    return None


def _repaired(text: str | None, memo: dict | None) -> str:
    """repair_title, once per text within one document's `memo` (its lines come back as candidates)."""
    if memo is None:
        return repair_title(text)
    key = ("repair", text)
    if key not in memo:
        memo[key] = repair_title(text)
    return memo[key]


def _junk(text: str, source: str, facts: dict | None, filename: str | None, memo: dict | None) -> str | None:
    """junk_reason, once per (text, source) within one document's `memo`: the key holds every input it reads."""
    if memo is None:
        return junk_reason(text, source, facts, filename)
    key = ("junk", text, source, bool((facts or {}).get("garbled_layer")),
           filename if source in ("metadata", "link_text") else None)
    if key not in memo:
        memo[key] = junk_reason(text, source, facts, filename)
    return memo[key]


# ------------------------------------------------------------------------------------------ scoring

# Prior trust in a source; features below add to it.
SOURCE_PRIOR = {
    "html_h1": 2.5, "link_text": 1.5, "heading_style": 1.5, "metadata": 1.0, "extraction": 1.0,
    "html_title": 1.0, "layout": 0.5, "first_line": 0.5, "first_cell": 0.5, "quoted_name": 0.0,
    "ocr_first_line": 0.3, "link_context": 0.0,
}
WEIGHTS = {
    "kind_start": 3.0,        # names a document kind in its first three words
    "kind_mention": 1.0,      # names one later in its first nine words
    "title_label": 2.5,       # stands under "Název:" / "Věc:"
    "size_rank": (2.0, 1.0, 0.4),  # largest, second, third font size among the candidates of page 1
    "rel_size": 0.5,          # at least 1.25 x the body text size
    "bold": 0.4,
    "title_style": 1.5, "heading_1": 1.0, "heading_2": 0.5,
    "order_step": -0.2, "order_cap": -2.0,   # per line further down the page (or list)
    "low_on_page": -1.0,      # below 60 % of the page height
    "one_word": -1.5,         # a bare word that names no document kind
    "one_kind_word": -1.0,    # a bare document kind ("Výzva"): the rest of its name is missing
    "long": -1.5, "very_long": -3.0,  # more than 25 / 40 words
    "colon_end": -2.5,        # a label
    "field_line": -2.0,       # "Útvar: Komise kultury …"
    "prose": -2.0,            # a sentence of ten or more words ending with a full stop, or two sentences
    "prose_long": -1.0,       # fourteen or more words that do not start by naming a document
    "lower_start": -1.5,      # begins with a small letter: a fragment
    "meta_in_text": 1.0, "meta_not_in_text": -1.0,  # metadata that the page text confirms / never shows
    "corroborated": 1.0,      # another source says the same
    "part_of_block": -0.5,    # the first line alone of lines that continue each other
    "table": -1.0,            # a row of a table
    "fragment": -1.0,         # the beginning of a longer candidate ("Zadost o prodlouzeni" of the whole heading)
}
_PAGE_SOURCES = frozenset({"layout", "heading_style", "first_line", "ocr_first_line", "first_cell", "quoted_name",
                           "html_h1", "html_title"})


def _norm_cmp(s: str) -> str:
    return strip_accents(" ".join(re.findall(r"\w+", s.casefold())))


def _features(c: TitleCandidate, text: str, size_rank: int | None) -> tuple[float, list[str]]:
    w = WEIGHTS
    f = c.facts or {}
    score = SOURCE_PRIOR.get(c.source, 0.0)
    why = [f"{c.source} {score:+.1f}"]

    def add(v: float, reason: str) -> None:
        nonlocal score
        score += v
        why.append(f"{reason} {v:+.1f}")

    kpos = kind_position(text)
    if names_kind_first(text):
        add(w["kind_start"], "names a document kind")
    elif kpos is not None:
        add(w["kind_mention"], "mentions a document kind")
    if f.get("label"):
        add(w["title_label"], f"under '{f['label']}:'")
    size, body = f.get("size"), f.get("body_size")
    if size_rank is not None and size_rank < len(w["size_rank"]) and (not body or size > 1.05 * body or f.get("bold")):
        add(w["size_rank"][size_rank], f"font size rank {size_rank + 1}")
    if size and body and size >= 1.25 * body:
        add(w["rel_size"], "larger than body text")
    if f.get("bold"):
        add(w["bold"], "bold")
    style = str(f.get("style") or "").casefold()
    level = f.get("level")
    if style.startswith(("title", "název", "titul")):
        add(w["title_style"], "title style")
    elif level == 1:
        add(w["heading_1"], "heading 1")
    elif level == 2:
        add(w["heading_2"], "heading 2")
    order = f.get("order", c.rank)
    if isinstance(order, (int, float)) and order > 0 and c.source in _PAGE_SOURCES:
        add(max(w["order_cap"], w["order_step"] * order), f"line {int(order) + 1} of the page")
    if isinstance(f.get("top_frac"), (int, float)) and f["top_frac"] > 0.6:
        add(w["low_on_page"], "low on the page")
    words = text.split()
    if len(words) == 1:
        add(w["one_word"] if kpos is None else w["one_kind_word"], "one word")
    if len(words) > 40:
        add(w["very_long"], "very long")
    elif len(words) > 25:
        add(w["long"], "long")
    if text.rstrip().endswith(":"):
        add(w["colon_end"], "ends with a colon")
    m = re.match(r"^([^:]{1,40}):\s+\S", text)
    if m and len(m.group(1).split()) <= 3 and kind_position(m.group(1)) is None and not f.get("label"):
        add(w["field_line"], "a 'field: value' line")
    abbrev = title_terms()["abbreviations"]
    ends = re.search(r"(?<![.\w])([^\W\d_]{3,})\.$", text.rstrip())
    if (len(words) >= 10 and ends and ends.group(1).casefold() not in abbrev) or any(
            m.group(2)[:1].isupper() and m.group(1).casefold() not in abbrev
            for m in re.finditer(r"(?<![.\w])([^\W\d_]{3,})[.!?]\s+([^\W\d_]{2})", text)):
        add(w["prose"], "sentences")
    elif len(words) >= 14 and (kpos is None or kpos > 2):
        add(w["prose_long"], "a long line that names no document")
    if text[:1].islower():
        add(w["lower_start"], "starts with a small letter")
    if f.get("table"):
        add(w["table"], "a table row")
    if f.get("part_of_block"):
        add(w["part_of_block"], "only the first line of a heading")
    if c.source == "metadata" and "in_text" in f:
        add(w["meta_in_text"] if f["in_text"] else w["meta_not_in_text"],
            "the text shows it" if f["in_text"] else "the text never shows it")
    return score, why


def _size_ranks(items: list[tuple[TitleCandidate, str]]) -> dict[int, int]:
    sizes = sorted({round(float(c.facts["size"]), 1) for c, _ in items
                    if isinstance((c.facts or {}).get("size"), (int, float)) and c.facts["size"] > 0}, reverse=True)
    out = {}
    for i, (c, _) in enumerate(items):
        s = (c.facts or {}).get("size")
        if isinstance(s, (int, float)) and s > 0:
            out[i] = sizes.index(round(float(s), 1))
    return out


def rank_candidates(candidates: list[TitleCandidate], filename: str | None = None,
                    memo: dict | None = None) -> list[dict]:
    """Every candidate with its repaired text, junk reason (None when acceptable), score and reasons,
    best first (junk last, in input order). `memo`: one document's, shared with line_candidates."""
    from rapidfuzz import fuzz

    rows = []
    for i, c in enumerate(candidates):
        text = _repaired(c.text, memo)
        reason = _junk(text, c.source, c.facts, filename, memo)
        rows.append({"i": i, "c": c, "text": text, "junk": reason})
    ok = [r for r in rows if not r["junk"]]
    for r in ok:  # compared with every other candidate below: normalised once
        r["norm"] = _norm_cmp(r["text"])
    ranks = _size_ranks([(r["c"], r["text"]) for r in ok])
    for j, r in enumerate(ok):
        r["score"], r["why"] = _features(r["c"], r["text"], ranks.get(j))
        page = r["c"].source in _PAGE_SOURCES
        norm = r["norm"]
        for o in ok:
            if o is r or (o["c"].source in _PAGE_SOURCES) == page or min(len(norm.split()), len(o["text"].split())) < 2:
                continue
            if (r["c"].facts or {}).get("in_text"):
                break  # metadata the text shows is already credited for it
            if fuzz.token_set_ratio(norm, o["norm"]) >= 90:
                r["score"] += WEIGHTS["corroborated"]
                r["why"].append(f"{o['c'].source} says the same {WEIGHTS['corroborated']:+.1f}")
                break
        if not (r["c"].facts or {}).get("part_of_block"):
            for o in ok:
                other = o["norm"]
                if o is not r and len(other) >= 1.5 * len(norm) and other.startswith(norm + " "):
                    r["score"] += WEIGHTS["fragment"]
                    r["why"].append(f"the start of a longer candidate ({o['c'].source}) {WEIGHTS['fragment']:+.1f}")
                    break
    ok.sort(key=lambda r: (-r["score"], r["i"]))
    return ok + [r for r in rows if r["junk"]]


def choose_title(candidates: list[TitleCandidate], filename: str | None = None) -> TitleChoice:
    """The best-scoring acceptable candidate (see the module docstring); evidence lists the scores
    of the leading candidates and every rejected one with its reason."""
    return _choice(rank_candidates(candidates, filename), len(candidates))


def _choice(rows: list[dict], n_candidates: int) -> TitleChoice:
    evidence: dict = {"candidates": n_candidates}
    best = rows[0] if rows and not rows[0]["junk"] and rows[0]["score"] >= MIN_SCORE else None
    evidence["considered"] = [{"text": r["text"][:120], "source": r["c"].source, "score": round(r["score"], 2)}
                              for r in rows if not r["junk"]][:5]
    evidence["rejected"] = [{"text": (r["text"] or r["c"].text)[:120], "source": r["c"].source, "reason": r["junk"]}
                            for r in rows if r["junk"]][:12]
    if best is None:
        return TitleChoice(None, None, evidence)
    evidence["chosen"] = {"source": best["c"].source, "score": round(best["score"], 2), "why": best["why"]}
    return TitleChoice(best["text"], best["c"].source, evidence)


def shortlist(candidates: list[TitleCandidate], filename: str | None = None,
              limit: int = MAX_STORED_CANDIDATES) -> list[dict]:
    """The candidates worth keeping in meta["title_candidates"]: the best `limit` acceptable ones (in
    their original order, so ranks and line order survive), filled up with rejected ones."""
    return _shortlist(rank_candidates(candidates, filename), limit)


def _shortlist(rows: list[dict], limit: int = MAX_STORED_CANDIDATES) -> list[dict]:
    good = [r for r in rows if not r["junk"]][:limit]
    bad = [r for r in rows if r["junk"]][: max(0, min(2, limit - len(good)))]
    keep = sorted(good + bad, key=lambda r: r["i"])
    return [r["c"].to_dict() for r in keep]


def title_from(candidates: list[TitleCandidate], filename: str | None = None,
               memo: dict | None = None) -> tuple[str | None, dict]:
    """What an extractor stores: (title, meta fields title_source / title_candidates / title_evidence).
    `memo`: the dict line_candidates filled for the same document (its repairs and verdicts are not redone)."""
    rows = rank_candidates(candidates, filename, memo)  # ranked once for both the choice and the shortlist
    choice = _choice(rows, len(candidates))
    meta = {"title_source": choice.source, "title_candidates": _shortlist(rows),
            "title_evidence": {k: v for k, v in choice.evidence.items() if k in ("chosen", "rejected")}}
    return choice.title, meta


# ------------------------------------------------------------------------------------------ candidates

_QUOTED = re.compile(r"[„\"“]([^„“”\"]{8,200})[“”\"]")


def _ends_sentence(s: str) -> bool:
    s = s.rstrip()
    return s.endswith((":", "!", "?", ";")) or (s.endswith(".") and not re.search(r"(\b\w{1,3}\.|\d\.)$", s))


def _can_join(a: dict, b: dict, block: list[dict]) -> bool:
    ta, tb = a["_text"], b["_text"]
    if not ta or not tb or _ends_sentence(ta) or len(block) >= 4:
        return False
    if sum(len(x["_text"]) for x in block) + len(tb) > 250:
        return False
    if a["_junk"] or b["_junk"]:
        return False
    if title_terms()["legal_basis"].search(" " + tb) and title_terms()["legal_basis"].search(" " + tb).start() == 0:
        return False
    if b.get("_label") or a.get("_label"):
        return False
    sa, sb = a.get("size"), b.get("size")
    if sa and sb:
        if abs(sa - sb) > 0.6 and not (sb < sa and len(block) == 1 and len(ta.split()) <= 2):
            return False
    raw_a, raw_b = " ".join(str(a.get("text") or "").split()), " ".join(str(b.get("text") or "").split())
    first_b = (raw_b or tb).split()[0]
    last_a = ta.split()[-1].casefold()
    connectors = title_terms()["connectors"]
    strong = (first_b[0].islower() or last_a in connectors or (raw_a or ta).endswith(("-", "–", ",", "„"))
              or re.match(r"[-–][^\W\d_]", first_b) is not None)
    cont = strong or (first_b.casefold() in connectors and ta.isupper() == tb.isupper())
    if sa and sb and a.get("bottom") is not None and b.get("top") is not None:
        if b["top"] - a["bottom"] > (2.0 if strong else 1.1) * max(sa, sb):
            return False
    if sa and sb and not cont:
        # a heading set over two lines in one larger (or bold) font
        body = a.get("body_size") or 0
        cont = abs(sa - sb) <= 0.6 and bool(a.get("bold")) == bool(b.get("bold")) and (
            (body and sa >= 1.15 * body) or (a.get("bold") and len(block) < 3)) and not tb[:1].isdigit()
    if a.get("style") is not None or b.get("style") is not None:
        cont = cont and a.get("style") == b.get("style")
    return cont


def line_candidates(lines: list[dict], source: str, max_lines: int = 40, body_size: float | None = None,
                    page_height: float | None = None, memo: dict | None = None) -> list[TitleCandidate]:
    """Candidates from the first lines of a page or a text: runs of lines that continue each other
    (a heading broken over lines, "Výzva" + "k podání nabídky …") become one candidate, and the first
    line of such a run is a candidate too; a "Název:"/"Věc:" field gives its value; a quoted name of a
    document in the first lines ("projednala „Rozbor hospodaření …“") is a candidate.

    lines: dicts with `text` and optionally `size`, `bold`, `top`, `bottom` (points), `style`, `level`."""
    rows = []
    for ln in lines:
        raw = str(ln.get("text") or "")
        if not raw.strip():
            continue
        d = dict(ln)
        rep = _repaired(raw, memo)
        _, label = strip_title_label(" ".join(unspace_letters(raw).split()))
        d["_text"], d["_label"] = rep, label
        if label and not rep:  # "Název:" alone on its line: the value is the next line
            d["_label_only"] = True
        d["_junk"] = (_junk(rep, source, None, None, memo) if rep else "empty") or (
            "table_row: cells" if raw.count("\t") >= 2 else None)
        rows.append(d)
        if len(rows) >= max_lines:
            break
    worded = [r for r in rows if sum(ch.isalpha() for ch in r["_text"]) >= 3]
    garbled = sum(1 for r in worded if str(r["_junk"]).startswith("garbled"))
    if worded and garbled >= max(2, GARBLED_LAYER_SHARE * len(worded)):
        # a page whose lines are largely letter soup: its other lines come from the same broken layer
        for r in rows:
            r["_junk"] = r.get("garbled_layer_reason") or "garbled_layer: most lines of the page are garbled"
            r["garbled_layer"] = True
    out: list[TitleCandidate] = []
    order = 0

    def facts_of(block: list[dict], idx: int) -> dict:
        f: dict = {"order": idx, "lines": len(block)}
        sizes = [b["size"] for b in block if b.get("size")]
        if sizes:
            f["size"] = round(max(sizes), 1)
        if body_size:
            f["body_size"] = round(body_size, 1)
        if block[0].get("bold") is not None:
            f["bold"] = bool(block[0].get("bold"))
        for k in ("style", "level", "table", "garbled_layer"):
            if block[0].get(k) is not None:
                f[k] = block[0][k]
        if block[0].get("top") is not None and page_height:
            f["top_frac"] = round(block[0]["top"] / page_height, 3)
        if block[0].get("_label"):
            f["label"] = block[0]["_label"]
        return f

    i = 0
    while i < len(rows):
        r = rows[i]
        if r["_junk"] and not r.get("_label_only"):
            # letterheads, registry stamps, contact lines above the title do not push it down the page
            out.append(TitleCandidate(r["_text"] or str(r.get("text") or ""), source, order, facts_of([r], order)))
            i += 1
            continue
        if r.get("_label_only") and i + 1 < len(rows):
            nxt = rows[i + 1]
            out.append(TitleCandidate(nxt["_text"], source, order, {**facts_of([nxt], order), "label": r["_label"]}))
            order += 1
            i += 1
            continue
        block = [r]
        if body_size:
            r["body_size"] = body_size
        while i + len(block) < len(rows):
            nxt = rows[i + len(block)]
            if body_size:
                nxt["body_size"] = body_size
            if not _can_join(block[-1], nxt, block):
                break
            block.append(nxt)
        text = " ".join(b["_text"] for b in block)
        if r["_text"]:
            out.append(TitleCandidate(text, source, order, facts_of(block, order)))
            if len(block) > 1:
                out.append(TitleCandidate(r["_text"], source, order, {**facts_of([r], order), "part_of_block": True}))
        if order < 3:
            for m in _QUOTED.finditer(" ".join(str(b.get("text") or "") for b in block)):
                q = m.group(1)
                if kind_position(q, 0) == 0 and q.strip() != text.strip():
                    out.append(TitleCandidate(q, "quoted_name", order, {"order": order}))
        order += 1
        i += len(block)
    return out


def text_lines(text: str, max_lines: int = 40) -> list[dict]:
    """The first non-empty lines of plain text (first page only) as line dicts."""
    first = (text or "").split("\f", 1)[0]
    out = []
    for ln in first.split("\n"):
        if ln.strip():
            out.append({"text": ln})
            if len(out) >= max_lines:
                break
    return out


def text_candidates(text: str, source: str = "first_line", max_lines: int = 40) -> list[TitleCandidate]:
    """Candidates from the first lines of plain text (no fonts: OCR, .doc, RTF, TXT)."""
    return line_candidates(text_lines(text, max_lines), source, max_lines)


def metadata_candidate(title: str | None, body_text: str | None, source: str = "metadata") -> list[TitleCandidate]:
    """The file's own title property as a candidate; `in_text` says whether the first pages show it."""
    t = one_line(title)
    if not t:
        return []
    facts: dict = {}
    if body_text is not None and len(body_text.strip()) >= MIN_TEXT_FOR_IN_TEXT:
        rep = _norm_cmp(repair_title(t))
        body = _norm_cmp((body_text or "")[:20000])
        facts["in_text"] = bool(rep) and rep in body
    return [TitleCandidate(t, source, 0, facts)]


def candidates_from_dicts(rows: list[dict] | None) -> list[TitleCandidate]:
    out = []
    for r in rows or []:
        if isinstance(r, dict) and r.get("text"):
            out.append(TitleCandidate(text=str(r["text"]), source=str(r.get("source") or "unknown"),
                                      rank=int(r.get("rank") or 0), facts=dict(r.get("facts") or {})))
    return out


def link_candidates(link_text: str | None, link_context: str | None = None) -> list[TitleCandidate]:
    """Candidates from the crawl: the anchor text of the link to the file and the text around it."""
    out = []
    if one_line(link_text):
        out.append(TitleCandidate(one_line(link_text), "link_text"))
    if one_line(link_context):
        out.append(TitleCandidate(one_line(link_context), "link_context"))
    return out
