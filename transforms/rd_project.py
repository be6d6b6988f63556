"""What an R&D project is about: SMART relevance and areas from the same classifier as documents, and the
municipality its title or goals name.

A CEP record is short (a title, a paragraph of goals, keywords), so the project is judged as a short document:
`smart.score_smart` on the title and the goals with the keywords; `municipality_match` on the same text. A project
is SMART when that classifier says so, or when its text joins the two halves of the definition (Koncepce Smart
Cities: technology and data applied to public services and the running of municipalities and regions): a SMART
solution or technology (the vocabulary's solution, technology and marker terms) together with a public subject (a
municipality, region, public service or citizens: vocabulary `smart.public_subjects`). Generic digital words (data,
databáze, software) do not count as the means: research that uses survey data about citizens or regions is not a
SMART project, nor is a study of a town without any technology (a housing-market analysis).
Pure.
"""
from __future__ import annotations

from transforms.municipality_match import MunicipalityIndex, match_municipality
from transforms.smart import score_smart
from transforms.terms import tokenize
from transforms.vocabulary import Vocabulary


def project_text(record: dict) -> str:
    """The text a project is judged by: its goals (Czech, else English) and its keywords."""
    goals = record.get("goals") or record.get("goals_en") or ""
    keywords = record.get("keywords") or []
    return goals + ("\n" + ", ".join(keywords) if keywords else "")


# CEP provider codes of the funders the vocabulary knows by name (RECORD_FORMATS.md: TA0 = TA ČR)
PROVIDERS = {"TA0": "TACR"}


def funding_programme(vocabulary: Vocabulary, project_code: str | None, provider: str | None) -> str | None:
    """The vocabulary programme a project code belongs to (a TA ČR programme's code prefix: TL01000217 -> ÉTA),
    else its provider's programme, else None."""
    code = project_code or ""
    for programme in vocabulary.programmes:
        if programme.parent and any(p.search(code) for p in programme.patterns
                                    if "\\d" in p.pattern):
            return programme.code
    return PROVIDERS.get((provider or "").strip().upper())


def applied_to_public_subject(vocabulary: Vocabulary, tokens: list) -> bool:
    """The tokens (transforms.terms.tokenize) name a public subject and a SMART solution or technology."""
    if not vocabulary.public_subjects.find(tokens):  # the rarer half first: most research names no public subject
        return False
    return any(h.term.payload[0] == "solution" for h in vocabulary.area_terms.find(tokens)) or any(
        h.term.payload in ("marker", "tech") for h in vocabulary.smart_terms.find(tokens))


def understand_project(record: dict, vocabulary: Vocabulary, index: MunicipalityIndex | None) -> dict:
    """is_smart, smart_score, domains, the municipality the project names (None when it names none) and its
    funding programme."""
    title = record.get("title") or record.get("title_en") or ""
    text = project_text(record)
    tokens = tokenize(text)
    smart = score_smart(vocabulary, title, text, tokens=tokens)
    is_smart = smart.is_smart or applied_to_public_subject(vocabulary, tokenize(title) + tokens)
    place = match_municipality(index, title, text) if index is not None else None
    return {"is_smart": is_smart, "smart_score": smart.smart_score, "domains": list(smart.domains),
            "named_municipality_code": place.code if place is not None and place.kind == "municipality" else None,
            "funding_programme": funding_programme(vocabulary, record.get("project_code"), record.get("provider"))}
