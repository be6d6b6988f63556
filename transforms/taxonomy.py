"""The project's classification taxonomy (package data ``transforms/data/taxonomy.json``).

``load_taxonomy()`` reads the file once (lru_cache) and compiles every regex. The file is built from
the shared research taxonomy by ``pipelines/build_taxonomy.py`` and carries ``version`` and
``built_from`` (shared meta.version + sha256). Keyword lists are pre-normalised here with
``transforms.czech_text`` (lemma phrases, casefolded stems) so classifiers only match.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from transforms.czech_text import casefold, fold, lemma_text, strip_accents

_ACRONYM = re.compile(r"^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ0-9+\-]{2,6}$")


def _compile(pattern: str | None, folded: bool = False) -> re.Pattern | None:
    if not pattern:
        return None
    return re.compile(strip_accents(pattern) if folded else pattern)


@dataclass(frozen=True)
class Term:
    """One keyword: `lemma` phrase (folded lemmas joined by spaces) or, for acronyms, `acronym`."""
    source: str
    lemma: str = ""
    acronym: str = ""
    forms: frozenset = frozenset()   # exact accent-free surface forms ("~data|dat" in the file)
    literal: str = ""                # keywords with digits ("zákon č. 12/2020 Sb."): folded text


def make_term(word: str) -> Term | None:
    w = word.strip()
    if not w:
        return None
    if w.startswith("~"):
        forms = frozenset(f for f in (fold(x) for x in w[1:].split("|")) if f)
        return Term(source=w[1:].split("|")[0], forms=forms) if forms else None
    if any(c.isdigit() for c in w) and not _ACRONYM.match(w):
        return Term(source=w, literal=fold(w))
    if _ACRONYM.match(w) and not w.isdigit() and any(c.isalpha() for c in w):
        return Term(source=w, acronym=w)
    lt = lemma_text(w)
    return Term(source=w, lemma=lt) if lt else None


def unique_terms(words: list[str]) -> list[Term]:
    seen, out = set(), []
    for w in words:
        t = make_term(w)
        if t is None:
            continue
        key = t.acronym or t.lemma or t.literal or "|".join(sorted(t.forms))
        if key in seen:
            continue
        seen.add(key)
        out.append(t)
    return out


@dataclass
class Area:
    code: str
    label_cs: str
    label_en: str
    terms: list[Term]
    stems: list[str]            # casefolded prefixes (with accents)
    weight: float = 1.0


@dataclass
class DocTypeRule:
    code: str
    label_cs: str
    level: str | None
    include: object
    is_strategic: bool
    title: list[tuple[re.Pattern, re.Pattern]]   # (accented pattern, accent-free pattern)
    url: list[re.Pattern]                        # accent-free patterns
    cues: list[str]                              # casefolded cue phrases


@dataclass
class Programme:
    code: str
    name: str
    parent: str | None
    patterns: list[re.Pattern]


@dataclass
class Taxonomy:
    version: str
    built_from: dict
    areas: list[Area]
    smart_marker_regex: re.Pattern
    smart_marker_terms: list[Term]
    smart_solution_terms: list[Term]
    smart_digital_terms: list[Term]
    doc_types: dict[str, DocTypeRule]
    precedence: list[str]
    ordinary_title: tuple[re.Pattern, re.Pattern]
    stem_collisions: list[dict]
    programmes: list[Programme]
    date_patterns: dict[str, str] = field(default_factory=dict)
    raw: dict = field(default_factory=dict, repr=False)

    def area(self, code: str) -> Area | None:
        return next((a for a in self.areas if a.code == code), None)


def _alias_pattern(alias: str) -> re.Pattern:
    esc = re.escape(alias)
    left = r"\b" if alias[:1].isalnum() else ""
    right = r"\b" if alias[-1:].isalnum() else ""
    if _ACRONYM.match(alias):               # short acronyms: case-sensitive (meta.matching_advice)
        return re.compile(left + esc + right)
    return re.compile(left + esc + right, re.IGNORECASE)


def _both(pattern: str | None) -> list[tuple[re.Pattern, re.Pattern]]:
    if not pattern:
        return []
    return [(_compile(pattern), _compile(pattern, folded=True))]


def from_dict(d: dict) -> Taxonomy:
    areas = [
        Area(
            code=a["code"], label_cs=a.get("label_cs") or "", label_en=a.get("label_en") or "",
            terms=unique_terms(list(a.get("keywords_cs") or []) + list(a.get("project_keywords_cs") or [])),
            stems=sorted({casefold(s) for s in a.get("stems_cs") or [] if s.strip()}
                         - {casefold(s) for s in a.get("project_stems_removed") or []}),
            weight=float(a.get("weight", 1.0)),
        )
        for a in d["areas"]
    ]
    types = {}
    for t in d["document_types"]:
        title = _both(t.get("title_regex")) + _both(t.get("project_title_regex"))
        url = [p for p in (_compile(t.get("url_regex"), True), _compile(t.get("project_url_regex"), True)) if p]
        types[t["code"]] = DocTypeRule(
            code=t["code"], label_cs=t.get("label_cs") or "", level=t.get("level"), include=t.get("include"),
            is_strategic=bool(t.get("is_strategic")), title=title, url=url,
            cues=[casefold(c) for c in t.get("first_page_cues") or []],
        )
    programmes = []
    for p in d["funding_programmes"]:
        pats = [_compile(p["regex"])] if p.get("regex") else [_alias_pattern(a) for a in p.get("aliases") or [] if a]
        programmes.append(Programme(code=p["code"], name=p.get("name") or p["code"], parent=p.get("parent"),
                                    patterns=pats))
    sm = d["smart_markers"]
    ordinary = d.get("project_ordinary_title_regex") or r"(?!x)x"
    return Taxonomy(
        version=d["version"], built_from=dict(d.get("built_from") or {}), areas=areas,
        smart_marker_regex=re.compile(sm["regex"]),
        smart_marker_terms=unique_terms(list(sm.get("keywords_cs") or [])),
        smart_solution_terms=unique_terms(list(sm.get("project_solution_terms_cs") or [])),
        smart_digital_terms=unique_terms(list(sm.get("project_digital_terms_cs") or [])),
        doc_types=types, precedence=list(d.get("document_type_precedence") or []),
        ordinary_title=(_compile(ordinary), _compile(ordinary, folded=True)),
        stem_collisions=list(d.get("project_stem_collisions") or []),
        programmes=programmes, date_patterns=dict(d.get("date_and_approval_patterns") or {}), raw=d,
    )


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The packaged taxonomy, compiled once per process."""
    text = resources.files("transforms.data").joinpath("taxonomy.json").read_text(encoding="utf-8")
    return from_dict(json.loads(text))
