"""Small text clean-ups shared by the extractors (pure functions)."""
from __future__ import annotations

import re
import unicodedata

# Spacing diacritics that some PDF producers emit after the base letter ("Meˇsto", "Prˇepravu")
# mapped to the combining mark that composes with the letter before them.
_SPACING_TO_COMBINING = {"\u02c7": "\u030c", "\u00b4": "\u0301", "\u02da": "\u030a"}
_SPLIT_DIACRITIC = re.compile(r"([A-Za-z])\s?([\u02c7\u00b4\u02da])")
_TRAILING_WS = re.compile(r"[ \t\u00a0]+(?=\n)")
_MANY_BLANK = re.compile(r"\n{3,}")


def _join_diacritic(m: re.Match) -> str:
    composed = unicodedata.normalize("NFC", m.group(1) + _SPACING_TO_COMBINING[m.group(2)])
    return composed if len(composed) == 1 else m.group(0)


def fix_split_diacritics(text: str) -> str:
    """'Meˇsto' -> 'Město', 'Sedlonˇov' -> 'Sedloňov' when the pair composes to one letter."""
    if "\u02c7" not in text and "\u00b4" not in text and "\u02da" not in text:
        return text
    return _SPLIT_DIACRITIC.sub(_join_diacritic, text)


def clean_text(text: str) -> str:
    """NFC, unified newlines, no NULs, no trailing spaces, at most one blank line in a row."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = unicodedata.normalize("NFC", fix_split_diacritics(text))
    text = _TRAILING_WS.sub("", text)
    text = _MANY_BLANK.sub("\n\n", text)
    return text.strip()


def one_line(text: str | None, limit: int = 300) -> str | None:
    """Collapse whitespace; None for empty."""
    if not text:
        return None
    s = " ".join(text.split())
    if len(s) > limit:
        s = s[:limit].rsplit(" ", 1)[0] + "…"
    return s or None


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes of a text file: BOM, declared charset, UTF-8, then cp1250 (Czech default)."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    for enc in (declared, "utf-8"):
        if not enc:
            continue
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("cp1250", errors="replace"), "cp1250"


class ExtractionError(Exception):
    """A known reason why a document cannot be extracted; str() is '<code>: <detail>'."""

    def __init__(self, code: str, detail: str | None = None) -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail}" if detail else code)


_JUNK_TITLE = re.compile(
    r"^(microsoft\s+(word|powerpoint|excel|office)\b|untitled|bez\s+názvu|nepojmenovaný|"
    r"(document|dokument|dopis|prezentace|presentation|snímek|slide|sheet|list|page|strana|stránka)\s*\d*$|"
    r"new\s+document|nový\s+dokument|title|název|template|šablona$)",
    re.I,
)
_FILE_LIKE = re.compile(
    r"(\.(docx?|pdf|xlsx?|rtf|odt|html?|tmp|txt|pptx?|jpe?g|png|tiff?)\b)|file:/|^[a-z]:\\|\\|^/|https?://", re.I
)


def plausible_title(title: str | None, filename: str | None = None) -> bool:
    """False for producer defaults ('Microsoft Word - x.doc', 'untitled'), file names and paths."""
    t = one_line(title)
    if not t or len(t) < 3:
        return False
    if sum(c.isalpha() for c in t) < 3:
        return False
    if _JUNK_TITLE.match(t) or _FILE_LIKE.search(t):
        return False
    if " " not in t and ("_" in t or len(t) > 40):  # Blesno_VO_EFEKT2_2017__VYZVA
        return False
    if "(cid:" in t or "\ufffd" in t:
        return False
    if filename:
        stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if stem and t.lower() == stem.lower():
            return False
    return True
