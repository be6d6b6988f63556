"""The cases a deduplicator has to solve ("one strategy, one row"), planted after the base generation.

* format twins (`twin_group`): the same text as a reportlab PDF and a python-docx DOCX, both linked;
* re-saves (`resave_group`): the same text rendered again as a PDF with other bytes (another producer,
  creation date, page size, margins and font sizes, hence other line breaks), on the same site or on
  the regional site;
* versions (`version_group`, `version_rank`): editions of one strategy of one municipality with other
  validity and a substantially different text (a previous programme period, an "aktualizace");
* exact duplicates (`duplicate_group`) come from the duplicate_across_sites trap (traps.py).

`same_document_group` (finish) is the union of duplicate, twin and re-save groups: every document with
the same text; versions are not the same document.  Planting uses its own RNG per site, so the base
documents of a site are unchanged by it.
"""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .model import Doc, Site, Web, _Maker

MAIN_TYPES = ("strategic_development_plan_municipal", "programme_municipal_development")
TABLE_TYPES = ("action_plan", "smart_city_strategy")  # their PDF table has no DOCX-equal form: no twins
RESAVE_PROFILES = ("word2016", "libreoffice", "letter", "a5_print")
# per size class: P(previous edition), P(twin per eligible strategy), P(re-save on the site)
P_VERSION = {"village_xs": 0.1, "village": 0.15, "small_town": 0.2, "town": 0.4, "city": 1.0}
P_TWIN = {"village_xs": 0.25, "village": 0.3, "small_town": 0.3, "town": 0.35, "city": 0.4}
P_RESAVE = {"village_xs": 0.2, "village": 0.3, "small_town": 0.4, "town": 0.6, "city": 0.8}
# Municipal slots (indices into web.municipal) that always get a case, so `--sites 8` has >= 2 of each.
# Slot 5 is robots_disallow_all (nothing reachable there), so it is never relied on.
FORCE_VERSION = (0, 2, 4, 6)
FORCE_TWIN = (0, 2, 6)
FORCE_RESAVE = (0, 2, 4, 6)
CROSS_SITE_RESAVE = (2,)  # forced slots whose re-save lives on a regional site


def plant(web: "Web") -> None:
    for pos, site in enumerate(web.municipal):
        mk: _Maker = site._maker
        saved = mk.rng
        rng = mk.rng = random.Random(f"{web.seed}:{site.site_id}:dedup")
        try:
            _previous_edition(site, mk, rng, pos)
            _twins(site, mk, rng, pos)
            _resave(web, site, mk, rng, pos)
        finally:
            mk.rng = saved


def _main(site: "Site") -> "Doc | None":
    return next((d for d in site.docs if d.spec.doc_type in MAIN_TYPES and not d.spec.edition and d.fmt == "pdf"
                 and d.spec.validity and d.trap is None), None)


def _previous_edition(site: "Site", mk: "_Maker", rng: random.Random, pos: int) -> None:
    """The programme period before the current one: other validity, other text, its own approval."""
    main = _main(site)
    if main is None or not (pos in FORCE_VERSION or rng.random() < P_VERSION[site.size_class]):
        return
    from .model import _day, slugify

    y0, _y1 = main.spec.validity
    length = rng.choice([6, 7, 7])
    a, b = y0 - length, y0 - 1
    gen, X = site.gen, site.place_name
    if main.spec.doc_type == "strategic_development_plan_municipal":
        title = rng.choice([f"Strategický plán rozvoje {gen} {X} {a}–{b}",
                            f"Strategický plán rozvoje {gen} {X} na období {a}–{b}"])
    else:
        title = rng.choice([f"Program rozvoje {gen} {X} na období {a}–{b}", f"Program rozvoje {gen} {X} {a}–{b}"])
    appr = _day(rng, a - 1)
    stem = slugify(title, 60) + rng.choice(["", "_puvodni", "-archiv"])
    old = mk.add(main.spec.doc_type, title, rng.choice(["strategie", "strategie", "dokumenty"]),
                 appr + timedelta(days=rng.randint(5, 40)), validity=(a, b), approved=appr, stem=stem)
    group = main.version_group or f"version-{site.site_id}-{main.num}"
    main.version_group = old.version_group = group


def _twins(site: "Site", mk: "_Maker", rng: random.Random, pos: int) -> None:
    eligible = [d for d in site.docs if d.spec.is_strategy and d.fmt == "pdf" and d.spec.variant == "normal"
                and d.twin_group is None and d.trap is None and d.spec.doc_type not in TABLE_TYPES]
    made = 0
    for d in eligible:
        if rng.random() < P_TWIN[site.size_class]:
            mk.twin(d, "docx", f"twin-{site.site_id}-{d.num}")
            made += 1
    if not made and pos in FORCE_TWIN and eligible:
        d = eligible[0]
        mk.twin(d, "docx", f"twin-{site.site_id}-{d.num}")


def _resave(web: "Web", site: "Site", mk: "_Maker", rng: random.Random, pos: int) -> None:
    if not (pos in FORCE_RESAVE or rng.random() < P_RESAVE[site.size_class]):
        return
    eligible = [d for d in site.docs if d.spec.is_strategy and d.fmt == "pdf" and d.spec.variant == "normal"
                and d.trap is None and d.resave_group is None and not d.spec.profile]
    if not eligible:
        return
    main = _main(site)
    src = main if main in eligible and rng.random() < 0.6 else rng.choice(eligible)
    cross = pos in CROSS_SITE_RESAVE or (pos not in FORCE_RESAVE and rng.random() < 0.3)
    host_mk = mk
    if cross and web.regional:
        host_mk = web.regional[pos % len(web.regional)]._maker
    _add_resave(host_mk, src, rng)


def _add_resave(host_mk: "_Maker", src: "Doc", rng: random.Random) -> "Doc":
    """A second PDF of src's text: another profile, metadata, file name, section and upload date."""
    from datetime import date

    from .model import REFERENCE_DATE, slugify

    host = host_mk.site
    saved = host_mk.rng
    host_mk.rng = rng
    try:
        published = min(date.fromisoformat(src.published) + timedelta(days=rng.randint(30, 700)), REFERENCE_DATE)
        section = "strategie" if host.kind == "regional_site" else rng.choice(["ke_stazeni", "dokumenty"])
        stem = rng.choice([slugify(src.spec.title, 50) + "_web", slugify(src.spec.title, 40) + "-tisk",
                           "dokument_" + str(rng.randint(100, 999)), src.filename.rsplit(".", 1)[0] + "_1"])
        copy = host_mk.add(src.spec.doc_type, src.spec.title, section, published, "pdf", stem=stem)
    finally:
        host_mk.rng = saved
    profile = rng.choice(RESAVE_PROFILES)
    meta = rng.choice([src.spec.title, f"Microsoft Word - {stem}.docx", None])
    copy.spec = replace(src.spec, key=copy.spec.key, profile=profile, published=copy.spec.published,
                        meta_title=meta, author=rng.choice(["Uživatel", "sekretariat", "IT", src.spec.author]))
    copy.approved_on, copy.approval_body = src.approved_on, src.approval_body
    group = f"resave-{src.site_id}-{src.num}"
    src.resave_group = copy.resave_group = group
    return copy


def finish(web: "Web") -> None:
    """same_document_group (union of duplicate/twin/resave groups) and version_rank, after the traps."""
    docs = [d for s in web.sites for d in s.docs]
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, d in enumerate(docs):
        for g in (d.duplicate_group, d.twin_group, d.resave_group):
            if g:
                if g in first:
                    parent[find(i)] = find(first[g])
                else:
                    first[g] = i
                    find(i)
    members: dict[int, list[int]] = {}
    for i in parent:
        members.setdefault(find(i), []).append(i)
    for idx in members.values():
        if len(idx) < 2:
            continue
        head = docs[min(idx)]
        for i in idx:
            docs[i].same_document_group = f"same-{head.site_id}-{head.num}"
    versions: dict[str, list["Doc"]] = {}
    for d in docs:
        if d.version_group:
            versions.setdefault(d.version_group, []).append(d)
    for chain in versions.values():
        chain.sort(key=lambda d: (d.spec.validity or (0, 0), d.approved_on or "", d.num))
        for rank, d in enumerate(chain, start=1):
            d.version_rank = rank
