"""Project pages of an R&D project-listing portal (STARFOS-style): `parse_project(html, url) -> dict | str`,
`is_project_url(url)`.

What is known (../shared/domain NOTES.md section 3 "STARFOS", taxonomy.json `record_schemas.starfos`): project pages
at `/cs/projekty/<kód>` (and `/en/project/<kód>`), and the fields of the portal's export: code, name, anot (the
annotation, i.e. CEP's cile_reseni), name_en, anot_en, solving begin and end year. A page's markup is not known, so
its fields are found by their labels (transforms.labelled_fields) with the usual Czech and English wordings; the
title is the "Název" field, else the page's <h1>. Returned keys are those of an rd_projects record (transforms.cep):
project_code, title, title_en, goals, goals_en, keywords, provider, programme_code, start_year, end_year,
recipient_name, recipient_ico, participants [(name, IČO or None)], total_cost_czk, state_support_czk, status, url.
Pure functions: no I/O; never raise.
"""
from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from transforms.cep import pad_ico, split_keywords
from transforms.good_practice import parse_cost
from transforms.labelled_fields import Labels, Value, clean, page_name, record_fields, text

LABELS = Labels({
    "code": ("kod projektu", "kod", "identifikacni kod", "project code", "code"),
    "title": ("nazev projektu", "nazev", "project title", "title"),
    "title_en": ("nazev anglicky", "nazev v anglictine", "anglicky nazev", "nazev projektu anglicky",
                 "nazev projektu v anglictine", "english title", "title in english"),
    "goals": ("anotace", "anotace projektu", "cile reseni", "cil projektu", "cile projektu", "popis projektu", "annotation", "abstract",
              "project goals", "goals"),
    "goals_en": ("anotace anglicky", "anotace v anglictine", "anglicka anotace", "cile reseni anglicky",
                 "english annotation", "annotation in english", "abstract in english"),
    "keywords": ("klicova slova", "keywords"),
    "provider": ("poskytovatel", "poskytovatel podpory", "provider", "funder"),
    "programme": ("program", "programme", "kod programu", "verejna soutez"),
    "period": ("doba reseni", "obdobi reseni", "doba trvani", "duration", "project duration"),
    "start": ("zahajeni reseni", "zacatek reseni", "rok zahajeni", "start", "start year", "begin"),
    "end": ("ukonceni reseni", "konec reseni", "rok ukonceni", "end", "end year"),
    "recipient": ("hlavni prijemce", "prijemce", "prijemce podpory", "hlavni ucastnik", "main recipient",
                  "recipient", "lead organisation", "lead organization"),
    "participants": ("ucastnici", "dalsi ucastnici", "ucastnici projektu", "participants", "other participants"),
    "total_cost": ("celkove naklady", "celkove naklady projektu", "naklady", "total cost", "total costs"),
    "support": ("podpora ze statniho rozpoctu", "statni podpora", "podpora", "vyse podpory", "state support",
                "public support"),
    "status": ("stav", "stav projektu", "stav reseni", "status", "project status"),
})
PROJECT_FIELDS = frozenset({"goals", "goals_en", "provider", "programme", "period", "start", "recipient",
                            "participants", "total_cost", "support"})
_PATH = re.compile(r"^/(?:cs/projekty|en/projects?)/([^/]+)/?$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_ICO = re.compile(r"\b(?:IČO?|IC|ICO)\s*:?\s*(\d{1,8})\b", re.I)
_PROVIDER_CODE = re.compile(r"\(([A-Z0-9]{2,4})\)\s*$|^([A-Z][A-Z0-9]{2})$")
_PROGRAMME_CODE = re.compile(r"^\s*([A-Z0-9]{2})\b")


def is_project_url(url: str) -> bool:
    """/cs/projekty/<kód> (or /en/project/<kód>): the page of one project."""
    return bool(_PATH.match(urlsplit(url).path))


def _ico(written: str | None) -> str | None:
    m = _ICO.search(written or "")
    try:
        return pad_ico(m.group(1)) if m else None
    except ValueError:
        return None


def _name(written: str) -> str:
    """An organisation's name without its IČO note ("VŠB – TU Ostrava (IČO 61989100)")."""
    return clean(re.sub(r"\(?\s*\b(?:IČO?|IC|ICO)\s*:?\s*\d{1,8}\s*\)?", "", written, flags=re.I)).strip(" ,;")


def _participants(v: Value | None) -> list[tuple[str, str | None]]:
    if v is None or text(v) is None:
        return []
    items = v.items or [p for p in re.split(r";|\n", v.text) if p.strip()]
    return [(_name(i), _ico(i)) for i in items if _name(i)]


def _years(fields: dict[str, Value]) -> tuple[int | None, int | None]:
    period = _YEAR.findall(text(fields.get("period")) or "")
    start = _YEAR.findall(text(fields.get("start")) or "") or period[:1]
    end = _YEAR.findall(text(fields.get("end")) or "") or period[1:2]
    return (int(start[0]) if start else None), (int(end[0]) if end else None)


def _provider(v: Value | None) -> str | None:
    written = text(v)
    if written is None:
        return None
    m = _PROVIDER_CODE.search(written.strip())
    return (m.group(1) or m.group(2)) if m else written


def _programme(v: Value | None, code: str) -> str | None:
    written = text(v)
    m = _PROGRAMME_CODE.match(written or "")
    if m:
        return m.group(1)
    return code[:2] if re.match(r"[A-Z]{2}\d", code) else None


def parse_project(html: str, url: str) -> dict | str:
    """The project of a project page, or a one-line reason why the page holds none."""
    found = record_fields(html, LABELS, PROJECT_FIELDS, "project page", "anotace, poskytovatel, doba řešení")
    if isinstance(found, str):
        return found
    fields, tree = found
    m = _PATH.match(urlsplit(url).path)
    code = clean(text(fields.get("code")) or (unquote(m.group(1)) if m else ""))
    if not code:
        return "project page without a project code (no Kód projektu field and none in the URL)"
    title = text(fields.get("title")) or page_name(tree)
    if not title:
        return f"project {code}: no title (no Název field or <h1>)"
    participants = _participants(fields.get("participants"))
    recipient = text(fields.get("recipient"))
    start, end = _years(fields)
    keywords = text(fields.get("keywords"))
    return {
        "project_code": code,
        "title": title,
        "title_en": text(fields.get("title_en")),
        "goals": text(fields.get("goals")),
        "goals_en": text(fields.get("goals_en")),
        "keywords": split_keywords(keywords),
        "provider": _provider(fields.get("provider")),
        "programme_code": _programme(fields.get("programme"), code),
        "start_year": start,
        "end_year": end,
        "recipient_name": _name(recipient) if recipient else (participants[0][0] if participants else None),
        "recipient_ico": _ico(recipient) if recipient else (participants[0][1] if participants else None),
        "participants": participants,
        "total_cost_czk": parse_cost(text(fields.get("total_cost"))),
        "state_support_czk": parse_cost(text(fields.get("support"))),
        "status": text(fields.get("status")),
        "url": url,
    }
