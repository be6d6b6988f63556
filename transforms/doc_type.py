"""Document type: ``classify_doc_type(tax, title, text, url=None) -> DocType(code, is_strategic, evidence)``.

Order of evidence, first decisive one wins:
1. title: every type's ``title_regex`` (and project additions) on the casefolded title and, with an
   accent-free pattern, on the folded title; several matches are resolved by
   ``document_type_precedence`` (evaluation_report and spatial_plan before the strategies, so
   "Vyhodnocení strategického plánu" is an evaluation report and "Územní plán" a spatial plan); among
   the strategy types the one named first in the title wins (its head noun).
2. a title of an ordinary municipal document (zápis, vyhláška, výzva k podání nabídky, smlouva,
   žádost, jízdní řád, svozový plán, výroční zpráva, ...) -> ``other`` (precision first).
3. URL: ``url_regex`` on the accent-free decoded path/file name (precedence again).
4. first page (first FIRST_PAGE_CHARS of the text): the title regexes on the first HEAD_LINES lines
   (a missing or poor metadata title), then the types' first_page_cues, each distinct cue weighted by its
   length (multi-word cues 2, single words 1); a type needs CUE_MIN_SCORE and CUE_MIN_DISTINCT.
Otherwise ``other``. ``is_strategic`` follows the taxonomy's include flags (budgets, spatial plans,
evaluation reports and ``other`` are not strategies).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from transforms.czech_text import casefold, fold
from transforms.taxonomy import Taxonomy

FIRST_PAGE_CHARS = 2000
HEAD_LINES = 3
HEAD_CHARS = 200
CUE_MIN_SCORE = 6
CUE_MIN_DISTINCT = 4
OTHER = "other"


@dataclass
class DocType:
    code: str
    is_strategic: bool
    evidence: list[str] = field(default_factory=list)


def _rank(tax: Taxonomy, code: str) -> int:
    try:
        return tax.precedence.index(code)
    except ValueError:
        return len(tax.precedence)


def _excluding(tax: Taxonomy, code: str) -> bool:
    """Types that are never strategies (evaluation_report, spatial_plan, budget_outlook)."""
    rule = tax.doc_types.get(code)
    return bool(rule) and not rule.is_strategic


def _title_matches(tax: Taxonomy, title: str) -> list[tuple[str, str]]:
    """Matching types, best first: the non-strategy types by precedence, then the type named first
    in the title (the head noun: "Akční plán strategického plánu" is an action plan), ties by
    precedence (SECAP before a plain "akční plán")."""
    cf, fd = casefold(title), fold(title)
    found = []
    for code, rule in tax.doc_types.items():
        for accented, folded in rule.title:
            m = accented.search(cf) or folded.search(fd)
            if m:
                found.append((code, m.group(0), m.start()))
                break
    found.sort(key=lambda c: (not _excluding(tax, c[0]), c[2] if not _excluding(tax, c[0]) else 0,
                              _rank(tax, c[0])))
    return [(c, m) for c, m, _ in found]


def _url_matches(tax: Taxonomy, url: str) -> list[tuple[str, str]]:
    try:
        parts = urlsplit(url)
        path = unquote(parts.path if parts.scheme else url)
    except ValueError:
        path = url
    path = fold(path)
    out = []
    for code, rule in tax.doc_types.items():
        for pat in rule.url:
            m = pat.search(path)
            if m:
                out.append((code, m.group(0)))
                break
    return sorted(out, key=lambda cm: _rank(tax, cm[0]))


def _ordinary(tax: Taxonomy, title: str) -> str | None:
    accented, folded = tax.ordinary_title
    m = accented.search(casefold(title)) or folded.search(fold(title))
    return m.group(0) if m else None


def _cue_scores(tax: Taxonomy, first_page: str) -> list[tuple[str, int, list[str]]]:
    cf = casefold(first_page)
    out = []
    for code, rule in tax.doc_types.items():
        found = [c for c in rule.cues if re.search(r"(?<!\w)" + re.escape(c) + r"(?!\w)", cf)]
        score = sum(2 if " " in c else 1 for c in found)
        if len(found) >= CUE_MIN_DISTINCT and score >= CUE_MIN_SCORE:
            out.append((code, score, found))
    return sorted(out, key=lambda t: (-t[1], _rank(tax, t[0])))


def _result(tax: Taxonomy, code: str, evidence: list[str]) -> DocType:
    rule = tax.doc_types.get(code)
    return DocType(code=code, is_strategic=bool(rule and rule.is_strategic), evidence=evidence)


def classify_doc_type(tax: Taxonomy, title: str | None, text: str, url: str | None = None) -> DocType:
    """Type code of the taxonomy (or ``other``) with the evidence that decided it. Never raises."""
    try:
        return _classify(tax, (title or "").strip(), text or "", url or "")
    except Exception as e:  # noqa: BLE001 - contract: never raise
        return DocType(OTHER, False, [f"error: {type(e).__name__}"])


def _classify(tax: Taxonomy, title: str, text: str, url: str) -> DocType:
    if title:
        hits = _title_matches(tax, title)
        if hits:
            code = hits[0][0]
            ev = [f"title: {c} /{m}/" for c, m in hits]
            return _result(tax, code, ev)
        ordinary = _ordinary(tax, title)
        if ordinary:
            return _result(tax, OTHER, [f"title: ordinary document /{ordinary}/"])
    if url:
        hits = _url_matches(tax, url)
        if hits:
            return _result(tax, hits[0][0], [f"url: {c} /{m}/" for c, m in hits])
    first_page = text[:FIRST_PAGE_CHARS]
    head = " ".join([ln.strip() for ln in first_page.splitlines() if ln.strip()][:HEAD_LINES])[:HEAD_CHARS]
    if head and head != title:
        hits = _title_matches(tax, head)
        if hits:
            return _result(tax, hits[0][0], [f"first lines: {c} /{m}/" for c, m in hits])
        ordinary = _ordinary(tax, head)
        if ordinary:
            return _result(tax, OTHER, [f"first lines: ordinary document /{ordinary}/"])
    cues = _cue_scores(tax, first_page)
    if cues:
        code, score, found = cues[0]
        return _result(tax, code, [f"first page cues: {code} score {score}: {', '.join(found[:6])}"])
    return _result(tax, OTHER, ["no type evidence"])
