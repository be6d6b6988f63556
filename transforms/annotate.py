"""What a document is: one composition of the finders (language, validity, approval, place, level, type, SMART, funding).

Pure: the municipality index, its populations and the vocabulary come in as values. Every field keeps
its evidence under `evidence[field]`, so an analyst can see why a label was given.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Mapping

from transforms.approval import find_approval
from transforms.doc_type import classify_doc_type
from transforms.funding import find_funding
from transforms.language import detect_language
from transforms.level import infer_level, smart_scope
from transforms.municipality_match import MunicipalityIndex, match_municipality
from transforms.smart import score_smart
from transforms.title import TitleCandidate, candidates_from_dicts, choose_title, link_candidates
from transforms.validity import find_validity
from transforms.vocabulary import Vocabulary

ANNOTATOR_VERSION = "2.0.1"  # 2.0.1: area votes in the evidence in a fixed order
HEAD_CHARS = 6000  # title page and first pages: where a document says what it is
# A document with fewer letters than this (a timetable, a form of numbers) says too little to identify its
# language; it gets the language of the Czech public sector it was published by, with a low confidence.
MIN_LETTERS_FOR_LANGUAGE = 60
DEFAULT_LANGUAGE = "cs"


@dataclass
class Annotation:
    title: str | None = None
    title_source: str | None = None
    language: str | None = None
    language_confidence: float = 0.0
    language_mixed: bool = False
    validity_from: int | None = None
    validity_to: int | None = None
    approved_on: str | None = None
    approval_body: str | None = None
    resolution_number: str | None = None
    municipality_code: str | None = None
    municipality_source: str | None = None  # source | text
    kraj_code: str | None = None
    level: str | None = None
    smart_scope: str | None = None
    doc_type: str = "other"
    is_strategic: bool = False
    smart_score: float = 0.0
    is_smart: bool = False
    domains: list[str] = field(default_factory=list)
    domain_scores: dict[str, float] = field(default_factory=dict)
    funding: list[dict] = field(default_factory=list)
    evidence: dict[str, object] = field(default_factory=dict)
    sentences: list[dict] = field(default_factory=list)  # the passages behind each label (document_evidence)
    vocabulary_version: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def choose_document_title(title: str | None, title_candidates: list[dict] | None, link_text: str | None,
                          link_context: str | None) -> tuple[str | None, str | None, dict]:
    """The extraction's candidates plus what the crawl saw (link text, listing context), chosen by one scorer."""
    cands: list[TitleCandidate] = candidates_from_dicts(title_candidates)
    if not cands and title:
        cands = [TitleCandidate(title, "extraction")]
    cands += link_candidates(link_text, link_context)
    if not cands:
        return None, None, {}
    choice = choose_title(cands)
    return choice.title, choice.source, choice.evidence


def annotate(*, title: str | None, text: str, url: str | None, source_kind: str | None,
             source_municipality_code: str | None, index: MunicipalityIndex, populations: Mapping[str, int | None],
             vocabulary: Vocabulary, title_candidates: list[dict] | None = None, link_text: str | None = None,
             link_context: str | None = None) -> Annotation:
    """Annotate one document's text; the source (a municipal site) wins over text matching for the municipality."""
    text = text or ""
    a = Annotation(vocabulary_version=vocabulary.version)
    ev = a.evidence
    a.title, a.title_source, ev["title"] = choose_document_title(title, title_candidates, link_text, link_context)
    title = a.title
    if title:
        a.sentences.append({"field": "title", "value": a.title_source, "kind": a.title_source, "text": title})

    lang = detect_language(text if text.strip() else (title or ""))
    a.language, a.language_confidence, a.language_mixed = lang.code, round(lang.confidence, 4), lang.mixed
    ev["language"] = lang.evidence
    letters = sum(ch.isalpha() for ch in (text or title or "")[:20000])
    if letters < MIN_LETTERS_FOR_LANGUAGE and (text or title):
        a.language, a.language_confidence, a.language_mixed = DEFAULT_LANGUAGE, 0.3, False
        ev["language"] = {**lang.evidence, "rule": f"only {letters} letters: default language of Czech sources",
                          "detected": lang.code}

    validity = find_validity(title, text)
    a.validity_from, a.validity_to = validity.validity_from, validity.validity_to
    ev["validity"] = validity.evidence
    if validity.evidence:
        where, _, said = validity.evidence.partition(": ")
        a.sentences.append({"field": "validity", "value": f"{a.validity_from or ''}-{a.validity_to or ''}",
                            "kind": where, "text": said})

    place = match_municipality(index, title, text[:HEAD_CHARS])
    if source_kind == "municipal_site" and source_municipality_code:
        a.municipality_code, a.municipality_source = source_municipality_code, "source"
        ev["municipality"] = "from the source (a municipal website)"
    elif place is not None and place.kind == "municipality":
        a.municipality_code, a.municipality_source = place.code, "text"
        ev["municipality"] = place.evidence
    if place is not None and place.kind == "kraj":
        a.kraj_code = place.code
        ev["kraj"] = place.evidence

    level = infer_level(source_kind, title, text[:HEAD_CHARS], place)
    a.level = level.level
    ev["level"] = level.evidence
    a.smart_scope = smart_scope(a.level, populations.get(a.municipality_code) if a.municipality_code else None)

    dtype = classify_doc_type(vocabulary, title, text, url, level=a.level)
    a.doc_type, a.is_strategic = dtype.code, dtype.is_strategic
    ev["doc_type"] = dtype.evidence
    a.sentences += dtype.sentences

    # A strategy states when it was approved; minutes, letters, reports and tenders mention approvals of other
    # things (a budget, a job, an earlier plan), so only a strategy's approval statement is its own.
    approval = find_approval(text)
    if a.is_strategic:
        a.approved_on, a.approval_body, a.resolution_number = approval.approved_on, approval.approval_body, approval.resolution_number
        ev["approval"] = approval.evidence
        if approval.approved_on:
            a.sentences.append({"field": "approved_on", "value": approval.approved_on, "kind": "statement",
                                "text": str(approval.evidence)[:300]})
    elif approval.approved_on:
        ev["approval"] = f"not kept (not a strategy, so not its own approval): {approval.evidence}"

    smart = score_smart(vocabulary, title, text, many_subjects=dtype.kind in vocabulary.many_subjects)
    a.smart_score, a.is_smart = round(smart.smart_score, 4), smart.is_smart
    a.domains, a.domain_scores = list(smart.domains), {k: round(v, 4) for k, v in smart.domain_scores.items()}
    ev["smart"] = smart.evidence
    a.sentences += smart.sentences

    a.funding = [{"programme_code": f.programme_code, "snippet": f.snippet, "evidence": f.evidence}
                 for f in find_funding(vocabulary, text)]
    return a
