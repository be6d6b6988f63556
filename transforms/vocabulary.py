"""The project's reviewed vocabulary (package data ``transforms/data/vocabulary.json``), compiled once.

Every term sits in a group with its ``source`` (see the file's ``sources``); ``load_vocabulary()`` turns the
groups into ``TermIndex``es (transforms/terms.py) whose hits carry what the term means:
- areas: ``("topic", area)`` (what the area is about) or ``("solution", area)`` (a SMART solution in it);
- SMART: ``"marker"`` (smart city, chytrá obec, ...), ``"tech"`` (technology of a solution), ``"digital"``
  (digital words, frequent in ordinary papers too: they count by density), ``"action"`` (planning, procuring,
  carrying out),
  ``"subject"`` (where a document states its subject: předmět zakázky, název akce, věc, ...);
- strategies: generic strategy names and the structure groups of a strategy (vision, priorities, goals, ...);
- formalities (qualification, guarantees, contact and bank details) whose passages vote for no area;
- document kinds of ordinary paperwork (minutes, notices, forms, procurement, newsletters, reports, budgets) and
  the modifiers that may stand before a document's own name;
- the taxonomy's document types (title and URL regexes), funding programmes and date patterns.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from transforms.czech_text import casefold, strip_accents
from transforms.terms import TermIndex

_ACRONYM = re.compile(r"^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ0-9+\-]{2,6}$")


def group_terms(groups: list[dict] | None) -> list[str]:
    """Terms of a list of ``{"source", "terms"}`` groups, in order."""
    return [t for grp in groups or [] for t in grp.get("terms") or []]


@dataclass
class Area:
    code: str
    label_cs: str
    label_en: str
    koncepce_chapters: list[str]


@dataclass
class DocTypeRule:
    code: str
    label_cs: str
    level: str | None
    is_strategic: bool
    title: list[tuple[re.Pattern, re.Pattern]]   # (pattern on casefolded text, pattern on accent-free text)
    url: list[re.Pattern]                        # accent-free patterns
    cues: list[str]                              # casefolded cue phrases


@dataclass
class Programme:
    code: str
    name: str
    parent: str | None
    patterns: list[re.Pattern]


@dataclass
class Vocabulary:
    version: str
    areas: list[Area]
    area_terms: TermIndex                 # payload ("topic" | "solution", area code)
    smart_terms: TermIndex                # payload "marker" | "tech" | "digital" | "action" | "subject"
    marker_regex: re.Pattern
    strategy_names: TermIndex             # payload "strategy_name"
    structure: TermIndex                  # payload structure group name
    national_markers: TermIndex
    kinds: TermIndex                      # payload (kind, doc_type)
    many_subjects: frozenset[str]         # kinds that gather unrelated items (minutes, newsletters, budgets)
    modifiers: TermIndex
    budget_cues: TermIndex
    formalities: TermIndex                # payload "formality": passages that vote for no area
    public_subjects: TermIndex            # payload "public": municipalities, regions, public services, citizens
    doc_types: dict[str, DocTypeRule]
    precedence: list[str]
    programmes: list[Programme]
    date_patterns: dict[str, str] = field(default_factory=dict)
    raw: dict = field(default_factory=dict, repr=False)

    def area(self, code: str) -> Area | None:
        return next((a for a in self.areas if a.code == code), None)


def _compile(pattern: str | None, folded: bool = False) -> re.Pattern | None:
    if not pattern:
        return None
    return re.compile(strip_accents(pattern) if folded else pattern)


def _both(pattern: str | None) -> list[tuple[re.Pattern, re.Pattern]]:
    if not pattern:
        return []
    return [(_compile(pattern), _compile(pattern, folded=True))]


def _alias_pattern(alias: str) -> re.Pattern:
    esc = re.escape(alias)
    left = r"\b" if alias[:1].isalnum() else ""
    right = r"\b" if alias[-1:].isalnum() else ""
    if _ACRONYM.match(alias):               # short acronyms: case-sensitive (taxonomy matching advice)
        return re.compile(left + esc + right)
    return re.compile(left + esc + right, re.IGNORECASE)


def from_dict(d: dict) -> Vocabulary:
    areas, area_terms = [], []
    for a in d["areas"]:
        areas.append(Area(a["code"], a.get("label_cs") or "", a.get("label_en") or "", list(a.get("koncepce_chapters") or [])))
        area_terms += [(t, ("topic", a["code"])) for t in group_terms(a.get("topic"))]
        area_terms += [(t, ("solution", a["code"])) for t in group_terms(a.get("solution"))]
    sm = d["smart"]
    smart_terms = [(t, role) for role, key in (("marker", "markers"), ("tech", "technology"),
                                               ("digital", "digital"), ("action", "action"),
                                               ("subject", "subject_cues"))
                   for t in group_terms(sm.get(key))]
    st = d["strategy"]
    structure = [(t, name) for name, groups in st["structure"].items() for t in group_terms(groups)]
    kinds = [(t, (kind, spec["doc_type"])) for kind, spec in d["document_kinds"].items()
             for t in group_terms(spec["groups"])]
    types = {}
    for t in d["document_types"]:
        types[t["code"]] = DocTypeRule(
            code=t["code"], label_cs=t.get("label_cs") or "", level=t.get("level"),
            is_strategic=bool(t.get("is_strategic")), title=_both(t.get("title_regex")),
            url=[p for p in (_compile(t.get("url_regex"), True),) if p],
            cues=[casefold(c) for c in t.get("first_page_cues") or []])
    programmes = []
    for p in d["funding_programmes"]:
        pats = [_compile(p["regex"])] if p.get("regex") else [_alias_pattern(a) for a in p.get("aliases") or [] if a]
        programmes.append(Programme(code=p["code"], name=p.get("name") or p["code"], parent=p.get("parent"), patterns=pats))
    return Vocabulary(
        version=d["version"], areas=areas, area_terms=TermIndex(area_terms), smart_terms=TermIndex(smart_terms),
        marker_regex=re.compile(sm["marker_regex"]),
        strategy_names=TermIndex((t, "strategy_name") for t in group_terms(st["names"])),
        structure=TermIndex(structure),
        national_markers=TermIndex((t, "national") for t in group_terms(st["national_markers"])),
        kinds=TermIndex(kinds),
        many_subjects=frozenset(k for k, spec in d["document_kinds"].items() if spec.get("many_subjects")),
        modifiers=TermIndex((t, "modifier") for t in group_terms(d["name_modifiers"])),
        budget_cues=TermIndex((t, "budget_cue") for t in group_terms(d["budget_table_cues"])),
        formalities=TermIndex((t, "formality") for t in group_terms(d["formalities"])),
        public_subjects=TermIndex((t, "public") for t in group_terms(sm.get("public_subjects"))),
        doc_types=types, precedence=list(d.get("document_type_precedence") or []), programmes=programmes,
        date_patterns=dict(d.get("date_and_approval_patterns") or {}), raw=d)


def read_vocabulary_json() -> dict:
    return json.loads(resources.files("transforms.data").joinpath("vocabulary.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The packaged vocabulary, compiled once per process."""
    return from_dict(read_vocabulary_json())
