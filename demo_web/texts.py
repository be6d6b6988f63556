"""Document text: the layout-independent Content every renderer draws, composed from a DocSpec.

Strategy bodies come from strategy_texts.py, ordinary paperwork (and the planted hard negatives) from
ordinary_texts.py; both use the generator's own vocabulary (vocab.py) and templates, written the way
Czech municipal documents are written. Nothing here reads or imports the classifier's taxonomy or
keyword lists, so the pipeline recognises a demo strategy only the way it would a real one.
Everything is a pure function of the DocSpec (its seed drives every choice): same spec, same text.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .ordinary_texts import compose_ordinary
from .strategy_texts import compose_strategy
from .vocab import person as _person

if TYPE_CHECKING:  # pragma: no cover
    from .model import DocSpec

MONTHS_GEN = ("ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září",
              "října", "listopadu", "prosince")


@dataclass(frozen=True)
class Content:
    """Layout-independent text of one document; every renderer draws the same Content."""

    title: str
    org_line: str
    place_line: str
    cover_lines: tuple[str, ...]  # validity, approval, edition ... below the title
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    table: tuple[tuple[str, ...], ...] | None
    footer: str


def cz_date(d: date | str) -> str:
    """12. 3. 2020 (the numeric form Czech documents use)."""
    if isinstance(d, str):
        d = date.fromisoformat(d)
    return f"{d.day}. {d.month}. {d.year}"


def cz_date_long(d: date | str) -> str:
    if isinstance(d, str):
        d = date.fromisoformat(d)
    return f"{d.day}. {MONTHS_GEN[d.month - 1]} {d.year}"


def person(rng: random.Random) -> str:
    return _person(rng)


def _validity_line(spec: "DocSpec", rng: random.Random) -> str:
    a, b = spec.validity
    if not spec.is_strategy:
        return f"na roky {a}–{b}"
    return rng.choice([f"na období {a}–{b}", f"Období platnosti: {a}–{b}", f"platnost {a}–{b}",
                       f"pro roky {a}–{b}"])


def _published_line(spec: "DocSpec", rng: random.Random) -> str:
    return rng.choice([f"Datum zveřejnění: {cz_date(spec.published)}", f"Zveřejněno: {cz_date(spec.published)}",
                       f"{spec.municipality}, {cz_date(spec.published)}", f"Č. j.: {rng.randint(10, 2400)}/"
                       f"{spec.published[:4]}    Datum: {cz_date(spec.published)}"])


def compose(spec: "DocSpec") -> Content:
    """The full text of a document, deterministic in spec.seed."""
    rng = random.Random(spec.seed)
    cover: list[str] = []
    if spec.edition:
        cover.append(spec.edition)
    if spec.validity:
        cover.append(_validity_line(spec, rng))
    if spec.approval_line:
        cover.append(spec.approval_line)
    if spec.is_strategy:
        sections, table, made_by = compose_strategy(spec, rng)
        cover.append(made_by)
    else:
        cover.append(_published_line(spec, rng))
        sections, table = compose_ordinary(spec, rng), None
    return Content(
        title=spec.title, org_line=spec.org_name, place_line=spec.place, cover_lines=tuple(cover),
        sections=tuple((h, tuple(p)) for h, p in sections), table=table,
        footer=f"{spec.org_name} – {spec.title}")


def plain_text(content: Content) -> str:
    """Content as plain text (used by RTF/ODT/HTML renderers and tests)."""
    out = [content.org_line, content.title, *content.cover_lines, ""]
    for head, paras in content.sections:
        if head:
            out.append(head)
        out.extend(paras)
        out.append("")
    if content.table:
        out.extend(" | ".join(r) for r in content.table)
    return "\n".join(out)


def strategy_lengths(web) -> dict[str, dict[str, int]]:
    """Words of every distinct strategy text of a web by type: {type: {count, min, median, max}} (benchmarks)."""
    import re

    words: dict[str, list[int]] = {}
    seen: set = set()
    for site in web.sites:
        for d in site.docs:
            if not d.spec.is_strategy or d.spec.seed in seen:
                continue
            seen.add(d.spec.seed)
            words.setdefault(d.spec.doc_type, []).append(len(re.findall(r"\w+", plain_text(compose(d.spec)))))
    return {t: {"count": len(v), "min": min(v), "median": sorted(v)[len(v) // 2], "max": max(v)}
            for t, v in sorted(words.items())}
