"""Crawler traps: where each one lives and how it is realised (placed deterministically).

The first eight municipal slots have fixed CMS families (model.SLOT_PLAN), so every trap
exists even in a `--sites 8` web; bigger webs repeat a few traps on later sites.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .model import Doc, Site, Web, _Maker

TRAPS = (
    "robots_disallow_section", "robots_disallow_all", "redirect_301", "redirect_302", "not_found_404",
    "server_error_500", "slow_response", "endless_calendar", "windows1250_page", "corrupt_pdf",
    "encrypted_pdf", "image_only_pdf", "oversized_file", "mislabelled_content_type",
    "duplicate_across_sites", "external_links",
)
SLOW_SECONDS = 2.0
# trap -> municipal slot (index into the municipal sites)
SLOTS = {
    "corrupt_pdf": 0, "not_found_404": 0, "mislabelled_content_type": 0, "duplicate_across_sites": 0,
    "external_links": 0,
    "robots_disallow_section": 1, "encrypted_pdf": 1,
    "redirect_301": 2, "image_only_pdf": 2,
    "redirect_302": 3, "server_error_500": 3, "windows1250_page": 3,
    "slow_response": 4, "oversized_file": 4,
    "robots_disallow_all": 5,
    "endless_calendar": 6,
}


def _site_for(web: "Web", trap: str) -> "Site | None":
    muni = web.municipal
    slot = SLOTS[trap]
    if trap == "robots_disallow_all" and len(muni) <= slot:
        return None  # would hide the only copies of other traps in a tiny web
    return muni[slot % len(muni)]


def _variant(doc: "Doc", variant: str, trap: str) -> None:
    doc.spec = replace(doc.spec, variant=variant)
    doc.trap = trap


def _pub(year: int = 2025, month: int = 3, day: int = 14) -> date:
    return date(year, month, day)


def place(web: "Web") -> None:
    """Mark documents and sites before URLs are assigned (URL shapes depend on some traps)."""
    for trap in TRAPS:
        site = _site_for(web, trap)
        if site is None:
            continue
        mk: _Maker = site._maker
        X, gen = site.place_name, site.gen
        site.traps.add(trap)
        if trap == "corrupt_pdf":
            _variant(mk.add("annual_report", f"Výroční zpráva {gen} {X} za rok 2024", "dokumenty", _pub(2025, 4, 2)),
                     "corrupt", trap)
        elif trap == "not_found_404":
            d = mk.add("minutes", f"Zápis ze zasedání Zastupitelstva {gen} {X} ze dne 5. 12. 2019", "dokumenty",
                       _pub(2019, 12, 9))
            d.status, d.trap = 404, trap
        elif trap == "mislabelled_content_type":
            d = mk.add("form", "Žádost o vydání parkovací karty", "ke_stazeni", _pub(2025, 1, 20), "docx")
            d.mislabel, d.trap = True, trap
            nette = next((s for s in web.municipal if s.cms == "nette"), None)
            if nette is not None:
                nette.traps.add(trap)
                d2 = nette._maker.add("newsletter", f"Zpravodaj {nette.gen} {nette.place_name} – speciál 2025",
                                      "ke_stazeni", _pub(2025, 6, 30))
                d2.mislabel, d2.trap = True, trap
        elif trap == "duplicate_across_sites":
            src = next((d for d in site.docs if d.spec.is_strategy and d.fmt == "pdf" and d.spec.variant == "normal"
                        and not d.spec.edition and d.trap is None), None)
            kraj = web.regional[0] if web.regional else None
            if src is None or kraj is None:
                continue
            copy = kraj._maker.add(src.spec.doc_type, src.spec.title, "strategie", date.fromisoformat(src.published))
            copy.spec, copy.filename, copy.original_name = src.spec, src.filename, src.original_name
            copy.approved_on, copy.approval_body = src.approved_on, src.approval_body
            copy.size_label = src.size_label
            group = f"dup-{src.site_id}-{src.num}"
            src.duplicate_group = copy.duplicate_group = group
            src.trap = copy.trap = trap
            kraj.traps.add(trap)
        elif trap == "robots_disallow_section":
            site.robots = "disallow_section"
            d1 = mk.add("internal_directive", "Interní směrnice o oběhu účetních dokladů", "dokumenty", _pub(2024, 2, 1))
            d2 = mk.add("action_plan", f"Akční plán {gen} {X} 2026–2027 – pracovní verze", "strategie",
                        _pub(2025, 5, 5), validity=(2026, 2027))
            d1.trap = d2.trap = trap
        elif trap == "encrypted_pdf":
            _variant(mk.add("minutes", "Zápis z jednání finančního výboru", "dokumenty", _pub(2025, 2, 11)),
                     "encrypted", trap)
        elif trap in ("redirect_301", "redirect_302"):
            d = mk.add("budget", f"Rozpočtové opatření č. {2 if trap == 'redirect_301' else 3}/2025", "dokumenty",
                       _pub(2025, 5, 22))
            d.redirect, d.trap = int(trap[-3:]), trap
        elif trap == "image_only_pdf":
            _variant(mk.add("minutes", "Usnesení zastupitelstva – naskenovaný originál", "dokumenty", _pub(2024, 9, 3)),
                     "image_only", trap)
        elif trap == "server_error_500":
            d = mk.add("notice", "Oznámení o výběrovém řízení na pozici účetní", "uredni_deska", _pub(2025, 7, 1))
            d.status, d.trap = 500, trap
        elif trap == "windows1250_page":
            site.cp1250_section = "ke_stazeni"
        elif trap == "slow_response":
            d = next((d for d in site.docs if d.spec.is_strategy and d.fmt == "pdf" and d.trap is None), None)
            if d is None:
                d = mk.add("budget", f"Rozpočet {gen} {X} na rok 2025", "dokumenty", _pub(2024, 12, 15))
            d.delay, d.trap = SLOW_SECONDS, trap
        elif trap == "oversized_file":
            _variant(mk.add("spatial_plan", f"Územní plán {X} – grafická část, hlavní výkres", "dokumenty",
                            _pub(2023, 10, 10)), "oversized", trap)
        elif trap == "robots_disallow_all":
            site.robots = "disallow_all"
            for d in site.docs:
                d.trap = d.trap or trap
        elif trap == "endless_calendar":
            site.endless_calendar = True
    for s in web.municipal[len(SLOTS):]:
        if s.index % 10 == 6:
            s.endless_calendar = True
            s.traps.add("endless_calendar")
        if s.index % 9 == 4:
            d = s._maker.add("notice", "Oznámení o zrušení veřejné zakázky", "uredni_deska", _pub(2021, 3, 3))
            d.status, d.trap = 404, "not_found_404"
            s.traps.add("not_found_404")
    foreign = web.foreign_site
    if foreign is not None:
        foreign.traps.add("external_links")
        for d in foreign.docs:
            d.trap = "external_links"


def after_urls(web: "Web", site: "Site") -> None:
    """Page-level traps that need final URLs: old section redirects, external links, calendar."""
    from .model import CALENDAR_START, calendar_url

    foreign = web.foreign_site
    if site.endless_calendar:
        site.menu_urls["kalendar"] = calendar_url(*CALENDAR_START)
    munis = web.municipal
    for trap, code, old in (("redirect_301", 301, "/obec/dokumenty-archiv/"), ("redirect_302", 302, "/stary-web/dokumenty.htm")):
        if _site_for(web, trap) is site:
            site.redirects[old] = (code, site.menu_urls["dokumenty"], trap)
            site.external_links.append((old, "Archiv dokumentů (původní web)"))
    if foreign is None or site.foreign:
        return
    linkers = {munis[0].site_id, munis[min(7, len(munis) - 1)].site_id}
    kraj = web.regional[0] if web.regional else None
    if kraj is not None:
        linkers.add(kraj.site_id)
    if site.site_id in linkers:
        site.traps.add("external_links")
        site.external_links.append((foreign.base_url + "/", f"{foreign.name} – místní akční skupina"))
        if foreign.docs:
            d = foreign.docs[0]
            site.external_links.append((foreign.base_url + d.url, d.spec.title + " (externí odkaz)"))


def foreign_docs(mk: "_Maker") -> None:
    """The foreign host (not in sources.csv): a strategy-looking document a crawler must not collect."""
    appr = date(2022, 6, 14)
    mk.add("sclld", "Strategie komunitně vedeného místního rozvoje MAS Podbrdsko 2021–2027", "strategie",
           date(2022, 7, 1), validity=(2021, 2027), approved=appr)
    mk.add("minutes", "Zápis z valné hromady MAS Podbrdsko 2025", "dokumenty", date(2025, 4, 20))
