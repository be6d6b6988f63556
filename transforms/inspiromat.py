"""The inspiromat: what comparable municipalities have done (good practices, strategies, R&D projects).

`resolve_municipality(query, municipalities)` turns what a mayor types (a name with or without diacritics,
"Lhota (Kladno)", "Lhota, okres Kladno", a municipality code or IČO) into one registry row, or says which
same-named municipalities it could mean. `recommend(target, candidates)` ranks candidates by comparability
(size class, kraj, neighbouring kraj), shared SMART areas and evidence, each with its reason in Czech.
Only the target's registry facts are needed, so it works for a municipality with no documents.
Pure functions on values: rows and candidates are plain mappings.
"""
from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from transforms.czech_text import fold
from transforms.size_class import SIZE_CLASSES
from transforms.vocabulary import read_vocabulary_json

KINDS = ("good_practice", "strategy", "rd_project")
KIND_LABELS = {"good_practice": "dobrá praxe", "strategy": "strategie", "rd_project": "projekt VaV"}

# Land borders between the 14 kraje, by RÚIAN kraj code (data/seeds/municipalities/municipalities.csv kraj_kod).
# Source: the kraje's descriptions ("sousedí s ...", e.g. https://www.zelene-mesto.eu/zapojene-subjekty/plzensky-kraj/
# and the Czech Wikipedia article of each kraj); cross-checked against the registry: every pair of kraje whose
# municipalities share a postal code (psc_list) is listed (tests/transforms/test_inspiromat.py).
NEIGHBOURING_KRAJE: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in {
    "19": ("27",),                                              # Hlavní město Praha
    "27": ("19", "35", "43", "60", "78", "86", "94", "108"),    # Středočeský
    "35": ("27", "43", "108", "116"),                           # Jihočeský (a short border with Jihomoravský)
    "43": ("27", "35", "51", "60"),                             # Plzeňský
    "51": ("43", "60"),                                         # Karlovarský
    "60": ("27", "43", "51", "78"),                             # Ústecký
    "78": ("27", "60", "86"),                                   # Liberecký
    "86": ("27", "78", "94"),                                   # Královéhradecký
    "94": ("27", "86", "108", "116", "124"),                    # Pardubický
    "108": ("27", "35", "94", "116"),                           # Vysočina
    "116": ("35", "94", "108", "124", "141"),                   # Jihomoravský
    "124": ("94", "116", "132", "141"),                         # Olomoucký
    "132": ("124", "141"),                                      # Moravskoslezský
    "141": ("116", "124", "132"),                               # Zlínský
}.items()}

# Weights of the score: comparability first (size, then place), then shared areas, then evidence.
SAME_SIZE, NEAR_SIZE = 3.0, 1.0
SAME_KRAJ, NEIGHBOUR_KRAJ = 2.0, 1.0
PER_SHARED_AREA, MAX_SHARED_AREAS = 1.5, 2
EVIDENCE = {"good_practice": 1.0, "strategy": 0.5, "rd_project": 0.5}
SMART_BONUS, CURRENT_BONUS, REGISTRY_BONUS = 0.25, 0.25, 0.25


@dataclass(frozen=True)
class Resolution:
    """What a query names: `municipality` when exactly one row fits, else every candidate and why none was picked."""
    query: str
    municipality: Mapping | None
    candidates: tuple[Mapping, ...]
    message: str

    @property
    def resolved(self) -> bool:
        return self.municipality is not None


@dataclass(frozen=True)
class Recommendation:
    """One inspiration for the target, with the reason it was chosen and the link to its evidence."""
    kind: str
    item_id: str
    title: str
    url: str | None
    municipality_code: str | None
    place: str | None
    domains: tuple[str, ...]
    score: float
    reason: str


# --- names ---------------------------------------------------------------------------------------------------------

_QUALIFIED = (re.compile(r"^(?P<name>[^()]+?)\s*\((?P<qualifier>[^()]+)\)\s*$"),
              re.compile(r"^(?P<name>[^,]+?)\s*,\s*(?P<qualifier>.+?)\s*$"))
_QUALIFIER_WORDS = re.compile(r"^(?:okres|okr\.?|orp|kraj)\s+")
_STATUS_WORDS = re.compile(r"^(?:statutarni mesto|hlavni mesto|obec|mesto|mestys)\s+")
_CODE = re.compile(r"^\d{6}$")
_ICO = re.compile(r"^\d{8}$")
_TOKENS = re.compile(r"[^\W_]+")


def label(m: Mapping) -> str:
    """A municipality as a person tells it from its namesakes: name, okres, ORP, kraj, code."""
    where = f"okres {m.get('okres_name')}"
    if m.get("orp_name") and m.get("orp_name") != m.get("okres_name"):
        where += f", ORP {m['orp_name']}"
    return f"{m.get('name')} ({where}, {m.get('kraj_name')}, kód {m.get('municipality_code')})"


def _qualifies(m: Mapping, qualifier: str) -> bool:
    """Does the okres, ORP or kraj of `m` fit what the user wrote after the name ("Kladno", "okres Praha-východ")."""
    q = _QUALIFIER_WORDS.sub("", fold(qualifier))
    fields = [fold(m.get(k) or "") for k in ("okres_name", "orp_name", "kraj_name")]
    fields.append(re.sub(r"\s*\bkraj\b\s*", " ", fields[2]).strip())  # "Vysočina", "Jihomoravský"
    if q in fields or q in (m.get("okres_code"), m.get("kraj_code"), m.get("orp_code")):
        return True
    words = [w for f in fields for w in _TOKENS.findall(f)]
    return bool(q) and all(any(w.startswith(t) for w in words) for t in _TOKENS.findall(q))


def _by_name(municipalities: Iterable[Mapping]) -> dict[str, list[Mapping]]:
    index: dict[str, list[Mapping]] = defaultdict(list)
    for m in municipalities:
        index[fold(m.get("name") or "")].append(m)
    return index


def _order(rows: Iterable[Mapping]) -> tuple[Mapping, ...]:
    return tuple(sorted(rows, key=lambda m: (fold(m.get("kraj_name") or ""), fold(m.get("okres_name") or ""),
                                             m.get("municipality_code") or "")))


def _one(query: str, m: Mapping) -> Resolution:
    return Resolution(query, m, (m,), label(m))


def _example(name: str, m: Mapping, rows: Sequence[Mapping]) -> str:
    """What to type to pick `m` among `rows`: the name with its okres, ORP or kraj when that fits only `m`, else
    its code."""
    for key in ("okres_name", "orp_name", "kraj_name"):
        if m.get(key) and sum(1 for r in rows if _qualifies(r, m[key])) == 1:
            return f"{name} ({m[key]})"
    return m.get("municipality_code") or ""


def _ambiguous(query: str, name: str, rows: Sequence[Mapping], note: str = "") -> Resolution:
    rows = _order(rows)
    message = (f"{note}„{name}“ může být kterákoli z těchto obcí ({len(rows)}); upřesněte okres, ORP nebo "
               f"kraj (např. „{_example(name, rows[0], rows)}“) nebo zadejte kód obce:\n"
               + "\n".join(f"  - {label(m)}" for m in rows))
    return Resolution(query, None, rows, message)


def resolve_municipality(query: str, municipalities: Sequence[Mapping]) -> Resolution:
    """The municipality a query names: a name (diacritics optional, "Obec " allowed), a name with its okres, ORP or
    kraj ("Lhota (Kladno)", "Lhota, okres Kladno"), a 6-digit code or an 8-digit IČO; several same-named ones are
    all returned with a message and none is picked."""
    q = " ".join((query or "").split())
    if not q:
        return Resolution(query, None, (), "Zadejte název nebo kód obce.")
    if _CODE.match(q) or _ICO.match(q):
        key = "municipality_code" if len(q) == 6 else "ico"
        hit = next((m for m in municipalities if m.get(key) == q), None)
        what = "kódem" if key == "municipality_code" else "IČO"
        return _one(query, hit) if hit else Resolution(query, None, (), f"Obec s {what} {q} v registru není.")
    index = _by_name(municipalities)
    name, qualifier = q, None
    if fold(q) not in index:
        for pattern in _QUALIFIED:
            if match := pattern.match(q):
                name, qualifier = match["name"], match["qualifier"]
                break
    rows = index.get(fold(name)) or index.get(_STATUS_WORDS.sub("", fold(name))) or []
    if not rows:
        close = difflib.get_close_matches(fold(name), list(index), n=8, cutoff=0.8)
        similar = _order(m for key in close for m in index[key])
        hint = ("; podobné názvy: " + ", ".join(label(m) for m in similar)) if similar else ""
        return Resolution(query, None, similar, f"Obec „{name}“ v registru není{hint}.")
    shown = rows[0].get("name") or name
    if qualifier is not None:
        fitting = [m for m in rows if _qualifies(m, qualifier)]
        if len(fitting) == 1:
            return _one(query, fitting[0])
        if fitting:
            return _ambiguous(query, shown, fitting, f"Upřesnění „{qualifier}“ odpovídá více obcím. ")
        if len(rows) == 1:  # a wrong okres is more likely a different place than a slip: ask, do not guess
            return Resolution(query, None, tuple(rows), f"Obec „{shown}“ je v registru jen jedna a upřesnění "
                                                        f"„{qualifier}“ jí neodpovídá: {label(rows[0])}.")
        return _ambiguous(query, shown, rows, f"Upřesnění „{qualifier}“ neodpovídá žádné z obcí. ")
    if len(rows) == 1:
        return _one(query, rows[0])
    return _ambiguous(query, shown, rows)


# --- areas and sizes ------------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def area_labels() -> dict[str, str]:
    """Area code -> Czech label of the project vocabulary (lower-cased as it reads inside a sentence)."""
    def lower(text: str) -> str:
        return text if text[1:2].isupper() else text[:1].lower() + text[1:]
    return {a["code"]: lower(a["label_cs"]) for a in read_vocabulary_json()["areas"]}


def area_code(text: str) -> str:
    """The area code a user means ("energy", "energetika", "Doprava"); raises ValueError naming the known ones."""
    t = fold(text or "")
    labels = area_labels()
    for code, lab in labels.items():
        if t in (code, fold(lab)):
            return code
    prefixed = [code for code, lab in labels.items() if t and (fold(lab).startswith(t) or code.startswith(t))]
    if len(prefixed) == 1:
        return prefixed[0]
    known = ", ".join(f"{c} ({lab})" for c, lab in labels.items())
    raise ValueError(f"neznámá oblast „{text}“; známé oblasti: {known}")


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", " ")


SIZE_ORDER = [code for code, _, _ in SIZE_CLASSES]
SIZE_LABELS = {code: ("do " + _thousands(high) if low == 0 else
                      f"{_thousands(low)} a více" if high is None else f"{_thousands(low)}–{_thousands(high)}")
               + " obyvatel" for code, low, high in SIZE_CLASSES}


def _near_size(a: str | None, b: str | None) -> bool:
    return a in SIZE_ORDER and b in SIZE_ORDER and abs(SIZE_ORDER.index(a) - SIZE_ORDER.index(b)) == 1


# --- ranking --------------------------------------------------------------------------------------------------------

def _evidence(c: Mapping) -> tuple[float, list[str]]:
    """How much the candidate shows (an implemented practice beats a plan) and how to say it."""
    kind = c.get("kind")
    score, words = EVIDENCE.get(kind, 0.0), []
    if kind == "good_practice":
        words.append("realizovaná dobrá praxe" + (f" ({c['year']})" if c.get("year") else ""))
    elif kind == "strategy":
        words.append("SMART strategie" if c.get("is_smart") else "strategie")
        score += SMART_BONUS if c.get("is_smart") else 0.0
        if c.get("is_current") and c.get("validity_to"):
            words[-1] += f" platná do {c['validity_to']}"
            score += CURRENT_BONUS
        elif c.get("validity_to"):
            words[-1] += f" s platností do {c['validity_to']}"
        if c.get("in_registry"):
            words.append("zapsaná v Databázi strategií")
            score += REGISTRY_BONUS
    elif kind == "rd_project":
        years = "–".join(str(y) for y in dict.fromkeys((c.get("start_year"), c.get("end_year"))) if y)
        words.append("projekt VaV" + (f" ({years})" if years else ""))
        score += SMART_BONUS if c.get("is_smart") else 0.0
    return score, words


def _judge(target: Mapping, c: Mapping, wanted: frozenset[str]) -> tuple[float, str] | None:
    """Score and reason of one candidate for the target; None when nothing makes it comparable."""
    score, parts = 0.0, []
    size, their_size = target.get("size_class"), c.get("size_class")
    if size and their_size == size:
        score += SAME_SIZE
        parts.append(f"stejná velikostní skupina ({SIZE_LABELS[size]})")
    elif _near_size(size, their_size):
        score += NEAR_SIZE
        parts.append(f"blízká velikostní skupina ({SIZE_LABELS[their_size]})")
    kraj, their_kraj = target.get("kraj_code"), c.get("kraj_code")
    if c.get("country") and c["country"] != "CZ":
        parts.append(f"zahraniční příklad ({c['country']})")
    elif kraj and their_kraj == kraj:
        score += SAME_KRAJ
        parts.append("stejný kraj")
    elif kraj and their_kraj in NEIGHBOURING_KRAJE.get(kraj, ()):
        score += NEIGHBOUR_KRAJ
        parts.append(f"sousední kraj ({c.get('kraj_name') or their_kraj})")
    comparable = score > 0
    shared = sorted(wanted & set(c.get("domains") or ()))
    if shared:
        score += PER_SHARED_AREA * min(len(shared), MAX_SHARED_AREAS)
        labels = area_labels()
        parts.append("sdílené oblasti: " + "; ".join(labels.get(d, d) for d in shared))
    if not (comparable or shared):
        return None
    bonus, words = _evidence(c)
    return round(score + bonus, 3), ", ".join(parts + words)


def rank(target: Mapping, candidates: Iterable[Mapping], *, domain: str | None = None) -> list[Recommendation]:
    """Every comparable candidate, best first (ties by kind and id); one entry per item, at its most comparable
    place (an R&D project comes once per linked municipality). With `domain`, only items of that area."""
    wanted = frozenset(target.get("domains") or ()) | ({domain} if domain else frozenset())
    best: dict[tuple[str, str], Recommendation] = {}
    for c in candidates:
        if domain and domain not in (c.get("domains") or ()):
            continue
        judged = _judge(target, c, wanted)
        if judged is None:
            continue
        key = (c["kind"], c["id"])
        if key in best and best[key].score >= judged[0]:
            continue
        best[key] = Recommendation(
            kind=c["kind"], item_id=c["id"], title=c.get("title") or "", url=c.get("url"),
            municipality_code=c.get("municipality_code"), place=c.get("municipality_name") or c.get("kraj_name"),
            domains=tuple(c.get("domains") or ()), score=judged[0], reason=judged[1])
    return sorted(best.values(), key=lambda r: (-r.score, r.kind, r.item_id))


def owners(candidates: Iterable[Mapping]) -> dict[tuple[str, str], set[str]]:
    """(kind, id) -> municipalities the item belongs to: a municipality is not recommended its own items."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in candidates:
        if c.get("municipality_code"):
            out[(c["kind"], c["id"])].add(c["municipality_code"])
    return out


def recommend(target: Mapping, candidates: Sequence[Mapping], *, domain: str | None = None,
              limit: int | None = 10) -> list[Recommendation]:
    """The `limit` best inspirations for the target municipality (a registry row: municipality_code, kraj_code,
    size_class, optionally domains of its own strategies), never its own items."""
    own = owners(candidates)
    code = target.get("municipality_code")
    out = [r for r in rank(target, candidates, domain=domain) if code not in own.get((r.kind, r.item_id), ())]
    return out if limit is None else out[:limit]


def recommend_all(municipalities: Iterable[Mapping], candidates: Sequence[Mapping], *, limit: int = 5,
                  domains_of: Mapping[str, Iterable[str]] | None = None) -> dict[str, list[Recommendation]]:
    """`recommend` for every municipality at once: ranked once per (size class, kraj, own areas) group, then each
    member drops its own items, so 6,258 municipalities cost a few dozen rankings."""
    domains_of = domains_of or {}
    own = owners(candidates)
    groups: dict[tuple, list[str]] = defaultdict(list)
    for m in municipalities:
        code = m["municipality_code"]
        groups[(m.get("size_class"), m.get("kraj_code"), frozenset(domains_of.get(code) or ()))].append(code)
    out: dict[str, list[Recommendation]] = {}
    for (size, kraj, areas), codes in groups.items():
        ranked = rank({"size_class": size, "kraj_code": kraj, "domains": areas}, candidates)
        for code in codes:
            picked: list[Recommendation] = []
            for r in ranked:
                if code not in own.get((r.kind, r.item_id), ()):
                    picked.append(r)
                    if len(picked) == limit:
                        break
            out[code] = picked
    return out
