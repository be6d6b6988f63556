"""Validity period (years) of a document: `find_validity(title, text) -> Validity`.

What is read, in order of trust:
1. the title ("Strategický plán rozvoje města 2021–2030", "Svozový plán pro rok 2021");
2. the title page (the text up to the first form feed, at most `HEAD_CHARS` characters); a single year
   ("pro rok 2018") only in its first `NAME_LINES` lines, where the document names itself;
3. the rest of the text (first `BODY_CHARS` characters), but only statements that clearly speak about
   the document itself ("Tento dokument je zpracován na období 2021–2027", "platnost plánu do ...").

Forms recognised: "2021–2030", "2021-2030", "2021 až 2027", "(2024 – 2030)", "na období 2021 až 2027",
"pro období let 2021–2027", "na roky 2026 až 2028", "od roku 2021 do roku 2027", "do roku 2030",
"s výhledem do roku 2040", "2021+" / "21+" (title only: in text it names programmes like IROP 2021+),
"pro rok 2018" / "na rok 2018" (-> 2018–2018; title and title page only), "platnost od 1. 1. 2024 do
31. 12. 2027" / "Platí od 9.12.2007 do 13.12.2008".

Not validity: cited periods ("v souladu se Strategií 2014–2020", "zákon č. 128/2000 Sb.", "Program rozvoje
2014–2020 byl vyhodnocen"), reporting years ("za rok 2023"), "aktualizace 2023", ranges outside 1990–2060,
ranges longer than `MAX_SPAN` years, reversed ranges.

Decision for an open end: "do roku 2030" alone gives validity_from=None, validity_to=2030. The approval or
publication year is NOT used as the start (an approval may come years into a period and the annotator has
`find_approval` for it); "2021+" gives validity_from=2021, validity_to=None.
Pure function; never raises.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.approval import MONTHS

MIN_YEAR, MAX_YEAR = 1990, 2060
MAX_SPAN = 30
HEAD_CHARS = 2500
NAME_LINES = 3
BODY_CHARS = 60_000

_Y = r"(?:19|20)\d{2}"
_DASH = r"(?:\s*[-–—‐‑]\s*|\s+až\s+|\s+do\s+(?:roku\s+)?)"
_DATE = rf"\d{{1,2}}\.\s*(?:\d{{1,2}}\.|(?:{'|'.join(MONTHS)}))\s*"  # Czech month names: transforms.approval

# "2021–2030", "2021 až 2027", "od roku 2021 do roku 2027", "2021/2022" (school/season years)
_RANGE = re.compile(
    rf"(?<![\d.,/§])(?<![-–—]\s)(?<![-–—])(?:od\s+(?:roku\s+)?)?(?P<from>{_Y})(?:{_DASH}|\s*/\s*(?!\d{{1,3}}\b)(?=(?:19|20)\d{{2}}(?!\s*Sb)))(?P<to>{_Y}|\d{{2}}(?![\d.]))(?![\d,]|\.\d|\s*Sb\b|\s*\+|\s?[-–—]\s?\d)",
    re.IGNORECASE)
_UNTIL = re.compile(
    rf"(?<![\w])(?P<kw>do\s+roku|do\s+r\.|s\s+výhledem\s+do(?:\s+roku)?|v\s+horizontu(?:\s+roku)?|s\s+horizontem(?:\s+roku)?)\s+(?P<to>{_Y})(?!\d)",
    re.IGNORECASE)
_PLUS = re.compile(r"(?<![\d.,/])(?P<from>(?:20)?[1-5]\d)\s?\+(?![\d\w])")
_SINGLE = re.compile(rf"(?<!\w)(?P<kw>(?:pro|na)\s+(?:kalendářní\s+|rozpočtový\s+)?rok|pro\s+období\s+roku)\s+(?P<y>{_Y})(?!\s*[-–—/]\s*\d)(?!\d)",
                     re.IGNORECASE)
_DATED = re.compile(
    rf"(?P<kw>platnost(?:i)?|platí|platný|platná|platné|účinnost(?:i)?|účinný|účinná|účinné)\s+(?:\w+\s+){{0,3}}?od\s+{_DATE}(?P<from>{_Y})"
    rf"(?:\s*(?:do|[-–—])\s+{_DATE}(?P<to>{_Y}))?",
    re.IGNORECASE)

# context right before a year (period words) and strategic nouns near it
_PERIOD_CTX = re.compile(r"(?:období|obdob[íi]\s+let|let|léta|roky|rok|letech|platnost\w*|platí|horizont\w*|výhled\w*)\s*[:(]?\s*$",
                         re.IGNORECASE)
_STRATEGIC_CTX = re.compile(r"(?:strategi|plán|program|koncepc|vize|politik|akční|rozvoj|SCLLD|agend)", re.IGNORECASE)
# citation cues before the year (within the same clause) or after it
_CITED_STRONG = re.compile(
    r"(?:v\s+souladu\s+s|navazuj\w*|navázán\w*|vychází|vycházel\w*|vycházej\w*|\bdle\b|\bpodle\b|zákon\w*|nařízení|vyhlášk\w*|"
    r"usnesení\w*|ve\s+znění|vyhodnocení|vyhodnocen\w*|\bsb\.)[^.\n;]{0,50}$",
    re.IGNORECASE)
_CITED_WEAK = re.compile(
    r"(?:předchozí\w*|minul\w*|původní\w*|uplynul\w*|skonč\w*|realizován\w*\s+v|byl\w*\s+realizován\w*|hodnocení|"
    r"vydán\w*|vystaven\w*|pořízen\w*|proběh\w*|uskutečn\w*|narozen\w*|\bza\s+(?:rok|léta|období)|v\s+letech|v\s+roce|ročník\w*|data\s+z|údaj\w*|od\s+roku)[^.\n;]{0,50}$",
    re.IGNORECASE)
# a past-tense verb right before the period ("data reflektovala období 2020–2021", "obec investovala v letech")
_PAST_BEFORE = re.compile(r"\b[^\W\d_]{3,}(?:la|ly|lo|li)\s+(?:v\s+)?(?:období|letech)\s*(?:let\s*)?:?\s*$", re.IGNORECASE)
_CITED_AFTER = re.compile(r"^[^.\n;]{0,40}?(?:\bbyl\w*\s+(?:vyhodnocen|ukončen|naplněn|realizován)|\bSb\b|\bskončil)", re.IGNORECASE)
_SELF_REF = re.compile(
    r"(?:\b(?:tento|tato|toto|této|tohoto|tomto|touto|tímto)\s+(?:\w+\s+){0,2}?(?:dokument\w*|strategi\w*|plán\w*|program\w*|koncepc\w*|politik\w*|materiál\w*)|"
    r"\bdokument\s+(?:je|byl)\s+zpracován|\bplatnost\w*\s+(?:tohoto\s+|této\s+)?(?:dokumentu|strategie|plánu|programu|koncepce)|"
    r"\bje\s+(?:zpracován|zpracována|určen|určena|stanoven|stanovena|koncipován|koncipována)\w*)[^.\n]{0,80}$",
    re.IGNORECASE)


@dataclass(frozen=True)
class Validity:
    validity_from: int | None
    validity_to: int | None
    evidence: str | None = None


@dataclass
class _Cand:
    frm: int | None
    to: int | None
    score: float
    pos: int
    where: str
    snippet: str


def _ok_year(y: int | None) -> bool:
    return y is None or MIN_YEAR <= y <= MAX_YEAR


def _ok_range(frm: int | None, to: int | None) -> bool:
    if not (_ok_year(frm) and _ok_year(to)):
        return False
    if frm is not None and to is not None:
        if to < frm or to - frm > MAX_SPAN:
            return False
    return frm is not None or to is not None


def _snippet(text: str, start: int, end: int) -> str:
    s = text[max(0, start - 40):min(len(text), end + 30)]
    return re.sub(r"\s+", " ", s).strip()


def _clause_before(text: str, pos: int, width: int = 90) -> str:
    return text[max(0, pos - width):pos]


def _cited(text: str, start: int, end: int, title: bool) -> bool:
    before = _clause_before(text, start, 70)
    after = text[end:end + 60]
    if _CITED_STRONG.search(before) or _CITED_AFTER.search(after):
        return True
    return not title and bool(_CITED_WEAK.search(before) or _PAST_BEFORE.search(before))


def _name_zone_end(text: str, lines: int = NAME_LINES) -> int:
    """End of the first `lines` non-empty lines: where a document's own name stands on its title page."""
    pos, seen = 0, 0
    for ln in text.splitlines(keepends=True):
        pos += len(ln)
        if ln.strip():
            seen += 1
            if seen >= lines:
                break
    return pos


def _scan(text: str, where: str, base: float, strict: bool) -> list[_Cand]:
    """Candidates in one part of the document. `strict` (the body) keeps only self-referring statements; on the
    title page a single year ("pro rok 2020") counts only in the document's name (its first lines): elsewhere on
    the page it is the year of something else (a budget, works, a season)."""
    out: list[_Cand] = []
    name_end = _name_zone_end(text) if where == "title page" else len(text)
    title_like = where == "title"

    def add(frm, to, start, end, bonus, kind):
        if not _ok_range(frm, to):
            return
        if _cited(text, start, end, title_like):
            return
        before = _clause_before(text, start, 90)
        if strict and not _SELF_REF.search(before):
            return
        score = base + bonus
        if _PERIOD_CTX.search(text[max(0, start - 25):start]):
            score += 3
        if _STRATEGIC_CTX.search(text[max(0, start - 80):start]):
            score += 1
        out.append(_Cand(frm, to, score, start, where, _snippet(text, start, end)))

    for m in _DATED.finditer(text):
        frm = int(m["from"])
        to = int(m["to"]) if m["to"] else None
        add(frm, to, m.start(), m.end(), 4, "dated")
    for m in _RANGE.finditer(text):
        frm = int(m["from"])
        t = m["to"]
        if len(t) == 2:
            to = (frm // 100) * 100 + int(t)
            if to <= frm:
                continue
        else:
            to = int(t)
        # "21.–22.9.2013"-like day ranges cannot reach here (4-digit years required on both sides)
        add(frm, to, m.start(), m.end(), 2, "range")
    for m in _UNTIL.finditer(text):
        add(None, int(m["to"]), m.start(), m.end(), 1, "until")
    for m in _SINGLE.finditer(text):
        if strict or m.start() >= name_end:
            continue
        y = int(m["y"])
        add(y, y, m.start(), m.end(), 1, "single")
    if title_like:
        for m in _PLUS.finditer(text):
            y = int(m["from"])
            if y < 100:
                y += 2000
            add(y, None, m.start(), m.end(), 0, "plus")
    return out


def find_validity(title: str | None, text: str) -> Validity:
    """Validity years of a document from its title and text; Validity(None, None, None) when not stated."""
    try:
        return _find(title or "", text or "")
    except Exception:  # noqa: BLE001 - the contract: never raise
        return Validity(None, None, None)


def _find(title: str, text: str) -> Validity:
    title = re.sub(r"\s+", " ", title).strip()
    head_end = text.find("\f")
    if head_end < 0 or head_end > HEAD_CHARS:
        head_end = min(len(text), HEAD_CHARS)
    head = text[:head_end]
    head_cands = _scan(head, "title page", 10, strict=False)
    if title:
        cands = _scan(title, "title", 20, strict=False)
        if cands:
            return _best(cands, head_cands)
    if head_cands:
        return _best(head_cands)
    body = text[head_end:BODY_CHARS]
    cands = _scan(body, "text", 0, strict=True)
    if cands:
        return _best(cands)
    return Validity(None, None, None)


def _best(cands: list[_Cand], extra: list[_Cand] | None = None) -> Validity:
    # prefer a closed range over an open end at equal trust; then the higher score; then the earlier place
    def key(c: _Cand):
        closed = c.frm is not None and c.to is not None
        return (-(c.score + (0.5 if closed else 0)), c.pos)

    best = sorted(cands, key=key)[0]
    frm, to = best.frm, best.to
    # "Strategie 2021+ ... do roku 2030" or "... 2021–2027 s výhledem do roku 2030": fill an open end
    if frm is None or to is None:
        pool = [(c, c.score >= best.score - 1) for c in cands] + [(c, True) for c in (extra or [])]
        for c, strong in pool:
            if c is best or not strong:
                continue
            if frm is None and c.frm is not None and (to is None or c.frm <= to) and (c.to is None or c.to == to):
                frm = c.frm
            if to is None and c.to is not None and (frm is None or c.to >= frm) and (c.frm is None or c.frm == frm):
                to = c.to
        if frm is not None and to is not None and not _ok_range(frm, to):
            frm, to = best.frm, best.to
    return Validity(frm, to, f"{best.where}: {best.snippet}")
