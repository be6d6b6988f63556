"""Administrative level of a document and its SMART scope.

`infer_level(source_kind, title, text, place) -> LevelGuess(level, evidence)`, level one of
municipal | regional | national | mas (None when nothing points anywhere). Rules, first that fires wins:
1. MAS in the title ("Místní akční skupina", "MAS ...", "SCLLD", "komunitně vedeného místního rozvoje") -> mas;
2. a municipality matched with a settlement cue in the TITLE (`place` kind 'municipality') -> municipal;
3. a national author/subject in the title or title page (ministerstvo, Úřad vlády, vláda ČR, Digitální a
   informační agentura, "Národní ... strategie/plán", "... České republiky"/"ČR" in a strategic title) -> national;
4. MAS as the author on the title page (first `HEAD_CHARS`) -> mas;
5. a kraj as the subject (`place` kind 'kraj', "Krajský úřad", "Rada/Zastupitelstvo ... kraje",
   "krajských" in the title) or a regional bus timetable ("Přepravu zajišťuje", six-digit line number) -> regional;
6. a municipality matched in the text -> municipal;
7. on a municipal site with no municipality named: a generic state document (forms and leaflets citing
   "§ ... zákona", a ministry, "vodoprávní úřad", "na území ČR") -> national, otherwise municipal;
8. otherwise the source kind (national_site -> national, regional_site -> regional, municipal_site -> municipal).
Source kinds are those of core.sources (municipal_site, regional_site, national_site); the bare
words municipal/regional/national/mas are accepted too.

`smart_scope(level, population)`: 'village' for municipal below 2,000 inhabitants, 'city' for municipal with
2,000 or more, 'region' for regional and mas, None for national or unknown (and for municipal without a
population).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

HEAD_CHARS = 1500
LEVELS = ("municipal", "regional", "national", "mas")
VILLAGE_MAX = 1999

_MAS = re.compile(r"místní\w*\s+akční\w*\s+skupin\w*|\bMAS\b|\bSCLLD\b|komunitně\s+veden\w*\s+místní\w*\s+rozvoj\w*", re.IGNORECASE)
_MAS_CASE = re.compile(r"\bMAS\b")  # "MAS" must be upper case (not "mas" in other words)
_NATIONAL = re.compile(
    r"\bministerstv\w*|\bministr\w*\b|úřad\w*\s+vlády|\bvlád[ayou]\w*\s+(?:české\s+republiky|čr)\b|usnesení\w*\s+vlády|"
    r"digitální\w*\s+a\s+informační\w*\s+agentur\w*|\bnárodní\w*\s+(?:\w+\s+){0,2}?(?:strategi|plán|koncepc|program|politik|akční)\w*|"
    r"\bstátní\w*\s+(?:fond|politik|správ)\w*|\bMMR\b|\bMPSV\b|\bMPO\b|\bMŽP\b|\bMV\s+ČR\b",
    re.IGNORECASE)
_NATIONAL_TITLE = re.compile(
    r"(?:strategi|koncepc|plán|program|politik|zpráv|metodik)\w*.{0,80}(?:české\s+republiky|\bčr\b|\bčeské\s+republice)|"
    r"(?:české\s+republiky|\bčr\b).{0,40}(?:strategi|koncepc|plán|program)\w*",
    re.IGNORECASE)
_REGIONAL = re.compile(
    r"krajsk\w*\s+úřad\w*|\b(?:rad|zastupitelstv)\w*\s+(?:\w+ého\s+)?kraje\b|\bkraj\w*\s+vysočin\w*|\bkrajsk(?:ých|é|ý|á)\s+\w+",
    re.IGNORECASE)
_TIMETABLE = re.compile(r"přepravu\s+zajiš\w*|jízdní\w*\s+řád\w*|^\s*\d{6}\s+[A-ZÁ-Ž]", re.IGNORECASE | re.MULTILINE)
_STATE_DOC = re.compile(
    r"§\s*\d|\bzákon\w*\s+č\.|\b\w+ního\s+zákona\b|\bministerstv\w*|vodoprávní\w*\s+úřad\w*|na\s+území\s+čr\b|\bsprávní\w*\s+poplat\w*",
    re.IGNORECASE)


@dataclass(frozen=True)
class LevelGuess:
    level: str | None
    evidence: str | None = None


def _kind(source_kind: str | None) -> str | None:
    k = (source_kind or "").strip().lower()
    for lv in ("municipal", "regional", "national", "mas"):
        if k.startswith(lv):
            return lv
    return None


def _ev(label: str, m: re.Match | None) -> str:
    if not m:
        return label
    return label + ": " + re.sub(r"\s+", " ", m.group(0)).strip()


def _mas(s: str) -> re.Match | None:
    m = _MAS.search(s)
    if m and m.group(0).upper() == "MAS" and not _MAS_CASE.search(m.group(0)):
        return None
    return m


def infer_level(source_kind: str | None, title: str | None, text: str, place=None) -> LevelGuess:
    """Level of the document (see module doc for the rules); LevelGuess(None, None) when unknown."""
    try:
        return _infer(source_kind, title or "", text or "", place)
    except Exception:  # noqa: BLE001 - the contract: never raise
        return LevelGuess(None, None)


def _infer(source_kind: str | None, title: str, text: str, place) -> LevelGuess:
    kind = _kind(source_kind)
    head = text[:HEAD_CHARS]
    top = title + "\n" + head
    pkind = getattr(place, "kind", None)
    pev = getattr(place, "evidence", None) or ""

    m = _mas(title)
    if m:
        return LevelGuess("mas", _ev("title", m))
    if pkind == "municipality" and title and getattr(place, "name", "") and _title_has(title, place):
        return LevelGuess("municipal", f"municipality in title: {place.name}")
    m = _NATIONAL.search(title) or _NATIONAL_TITLE.search(title)
    if m:
        return LevelGuess("national", _ev("title", m))
    m = _mas(head)
    if m:
        return LevelGuess("mas", _ev("title page", m))
    m = _NATIONAL.search(head)
    if m and pkind != "municipality":
        return LevelGuess("national", _ev("title page", m))
    if pkind == "kraj":
        return LevelGuess("regional", f"kraj: {getattr(place, 'name', '')} ({pev})")
    m = _REGIONAL.search(title) or _REGIONAL.search(head)
    if m and pkind != "municipality":
        return LevelGuess("regional", _ev("kraj", m))
    m = _TIMETABLE.search(top)
    if m and pkind != "municipality":
        return LevelGuess("regional", _ev("regional public transport", m))
    if pkind == "municipality":
        return LevelGuess("municipal", f"municipality: {getattr(place, 'name', '')} ({pev})")
    if kind == "municipal":
        m = _STATE_DOC.search(top)
        if m:
            return LevelGuess("national", _ev("generic state document on a municipal site", m))
        return LevelGuess("municipal", "municipal site")
    if kind == "national":
        return LevelGuess("national", "national site")
    if kind == "regional":
        return LevelGuess("regional", "regional site")
    if kind == "mas":
        return LevelGuess("mas", "MAS site")
    return LevelGuess(None, None)


def _title_has(title: str, place) -> bool:
    from transforms.czech_text import fold, lemma

    name_keys = {lemma(w) for w in re.findall(r"[^\W\d_]+", place.name)}
    title_keys = {lemma(w) for w in re.findall(r"[^\W\d_]+", title)}
    return bool(name_keys) and name_keys <= title_keys or fold(place.name) in fold(title)


def smart_scope(level: str | None, population: int | None) -> str | None:
    """'village' (municipal, < 2,000 inhabitants), 'city' (municipal, >= 2,000), 'region' (regional, mas), else None."""
    if level == "municipal":
        if population is None:
            return None
        try:
            pop = int(float(population))
        except (TypeError, ValueError, OverflowError):
            return None
        return "village" if pop <= VILLAGE_MAX else "city"
    if level in ("regional", "mas"):
        return "region"
    return None
