"""A project-listing portal in the manner of STARFOS (TA ČR's search portal over IS VaVaI projects).

What is known of STARFOS (../shared/domain NOTES.md section 3, taxonomy.json `record_schemas.starfos`): project
pages at `/cs/projekty/<kód>`, the fields of its export (code, name, anot, name_en, anot_en, x_solve_begin_year,
x_solve_end_year) and that it lists projects of every provider, newest first. Its listing markup is not known, so the
replica shows what a search portal shows: paged result lists (`/cs/projekty?strana=N`, PER_PAGE results) with
links to one page per project, whose fields are labelled rows.

It lists the TA ČR projects of the demo CEP export that started in its last two years, at most MAX_PROJECTS of them
newest first, and the projects the export does not hold yet (started after it was made:
cep_export.LISTING_ONLY_FILE). So the listing is a second route to some projects and the only route to others.
Truth: one row per listed project in `portals/starfos_truth.jsonl` (every field the page shows, in_export).
"""
from __future__ import annotations

import csv
import json
import math
from dataclasses import asdict, dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, parse_qs

from .cep_export import LAST_YEAR, LISTING_ONLY_FILE, PARTICIPANTS_FILE, PROJECTS_FILE
from .portal_base import PortalAddress
from .routing import Reply

PORTAL_ID = "starfos"
SOURCE_KIND = "rd_project_listing"
SITE_NAME = "STARFOS – projekty výzkumu, vývoje a inovací"
LISTING = "/cs/projekty"
PER_PAGE = 20
MAX_PROJECTS = 150
PROVIDER_NAMES = {"TA0": "Technologická agentura České republiky"}
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class ListedProject:
    code: str
    title: str
    title_en: str
    goals: str
    goals_en: str
    keywords: str
    provider: str
    programme_code: str
    start_year: int
    end_year: int
    recipient_name: str
    recipient_ico: str
    participants: tuple[tuple[str, str], ...]  # (name, IČO) of every participant, the recipient first
    total_cost_czk: int
    state_support_czk: int
    status: str
    in_export: bool

    @property
    def path(self) -> str:
        return f"{LISTING}/{quote(self.code, safe='')}"


@dataclass
class ProjectListing(PortalAddress):
    """The portal (same shape as demo_web.portals.Portal for the server)."""

    projects: list[ListedProject]
    port: int
    portal_id: str = PORTAL_ID
    source_kind: str = SOURCE_KIND
    name: str = SITE_NAME
    start_path: str = LISTING
    _by_code: dict[str, ListedProject] = field(default_factory=dict, repr=False)

    def respond(self, path_qs: str) -> Reply:
        return respond(self, path_qs)

    def project(self, code: str) -> ListedProject | None:
        if len(self._by_code) != len(self.projects):
            self._by_code = {p.code: p for p in self.projects}
        return self._by_code.get(code)


def _ico(written: str) -> str:
    digits = "".join(c for c in written if c.isdigit())
    return digits.zfill(8) if digits else ""


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build_listing(cep_dir: Path, port: int) -> ProjectListing:
    """The listing of the export in cep_dir (written by cep_export.write_cep_export with listing_only > 0)."""
    exported = [r for r in _rows(cep_dir / PROJECTS_FILE)
                if r["poskytovatel"] == "TA0" and int(r["rok_zahajeni"]) >= LAST_YEAR - 1]
    exported.sort(key=lambda r: (-int(r["rok_zahajeni"]), r["kod_projektu"]))
    exported = exported[:MAX_PROJECTS]
    wanted = {r["kod_projektu"] for r in exported}
    people: dict[str, list[tuple[str, str]]] = {}
    for p in _rows(cep_dir / PARTICIPANTS_FILE):
        if p["kod_projektu"] in wanted:
            people.setdefault(p["kod_projektu"], []).append(
                (p["nazev_ucastnika"], _ico(p["ucastnik"]) if p["zeme_sidla"] == "CZ" else ""))  # no IČO abroad
    fresh = _rows(cep_dir / LISTING_ONLY_FILE) if (cep_dir / LISTING_ONLY_FILE).exists() else []
    for r in fresh:
        people[r["kod_projektu"]] = [(row[3], _ico(row[2]) if row[4] == "CZ" else "") for row in json.loads(r["ucastnici"])]
    projects = [
        ListedProject(
            code=r["kod_projektu"], title=r["nazev_projektu_originalni"], title_en=r["nazev_projektu_anglicky"],
            goals=r["cile_reseni_originalni"], goals_en=r["cile_reseni_anglicky"], keywords=r["klicova_slova_anglicky"],
            provider=r["poskytovatel"], programme_code=r["kod_programu"], start_year=int(r["rok_zahajeni"]),
            end_year=int(r["rok_ukonceni"]), recipient_name=r["nazev_organizace"], recipient_ico=_ico(r["ico"]),
            participants=tuple(people.get(r["kod_projektu"], ())),
            total_cost_czk=int(r["celkove_naklady_na_dobu_reseni"]),
            state_support_czk=int(r["statni_podpora_na_dobu_reseni"]),
            status=r["posledni_stav_projektu"], in_export=in_export)
        for r, in_export in [*((r, False) for r in fresh), *((r, True) for r in exported)]]
    return ProjectListing(projects=projects, port=port)


def truth_rows(listing: ProjectListing) -> list[dict]:
    """One row per listed project: every field its page shows, its URL and whether the export holds it."""
    return [{**asdict(p), "participants": [list(x) for x in p.participants], "url": listing.base_url + p.path}
            for p in listing.projects]


# ------------------------------------------------------------------ serving
def _page(title: str, body: str) -> bytes:
    return (f'<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8"><title>{escape(title)} | STARFOS</title>'
            f'</head><body><header class="topbar"><a href="/">STARFOS</a> <form action="{LISTING}"><input name="q">'
            f"<button>Hledat</button></form></header><main>{body}</main>"
            "<footer>Data: IS VaVaI, Technologická agentura ČR</footer></body></html>").encode()


def _html(body: bytes, status: int = 200) -> Reply:
    return Reply(status, {"Content-Type": HTML}, body)


def _not_found() -> Reply:
    return _html(_page("Nenalezeno", f'<h1>Stránka nenalezena</h1><p><a href="{LISTING}">Projekty</a></p>'), 404)


def _money(czk: int) -> str:
    return f"{czk:,}".replace(",", "\u00a0") + "\u00a0Kč"


def _listing(listing: ProjectListing, page: int) -> Reply:
    pages = max(1, math.ceil(len(listing.projects) / PER_PAGE))
    if not 1 <= page <= pages:
        return _not_found()
    chunk = listing.projects[(page - 1) * PER_PAGE: page * PER_PAGE]
    items = "".join(
        f'<li class="result"><a class="result__title" href="{escape(p.path)}">{escape(p.title)}</a>'
        f'<span class="result__meta">{escape(p.code)} · {p.start_year}–{p.end_year}</span></li>' for p in chunk)
    nav = ""
    if page > 1:
        nav += f'<a href="{LISTING}?strana={page - 1}" rel="prev">‹ předchozí</a> '
    if page < pages:
        nav += f'<a href="{LISTING}?strana={page + 1}" rel="next">další ›</a>'
    body = (f"<h1>Projekty</h1><p>Nalezeno {len(listing.projects)} projektů · strana {page}/{pages}</p>"
            f'<ol class="results">{items}</ol><nav class="pager">{nav}</nav>')
    return _html(_page("Projekty", body))


def _detail(p: ListedProject) -> Reply:
    who = "".join(f"<li>{escape(name)} (IČO {ico})</li>" if ico else f"<li>{escape(name)}</li>"
                  for name, ico in p.participants)
    rows = [("Kód projektu", escape(p.code)),
            ("Název anglicky", escape(p.title_en) or "–"),
            ("Poskytovatel", f"{escape(PROVIDER_NAMES.get(p.provider, p.provider))} ({p.provider})"),
            ("Program", escape(p.programme_code) or "–"),
            ("Doba řešení", f"{p.start_year} – {p.end_year}"),
            ("Hlavní příjemce", f"{escape(p.recipient_name)}" + (f" (IČO {p.recipient_ico})" if p.recipient_ico else "")),
            ("Účastníci", f"<ul>{who}</ul>"),
            ("Celkové náklady", _money(p.total_cost_czk)),
            ("Podpora ze státního rozpočtu", _money(p.state_support_czk)),
            ("Stav", escape(p.status))]
    table = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows)
    goals = "".join(f"<p>{escape(line)}</p>" for line in p.goals.split("\n") if line.strip())
    goals_en = "".join(f"<p>{escape(line)}</p>" for line in p.goals_en.split("\n") if line.strip())
    body = (f'<nav class="crumbs"><a href="{LISTING}">Projekty</a> › {escape(p.code)}</nav>'
            f"<h1>{escape(p.title)}</h1><table class=\"project-info\">{table}</table>"
            f"<section><h2>Anotace</h2>{goals or '<p>–</p>'}</section>"
            f"<section lang=\"en\"><h2>Anotace anglicky</h2>{goals_en or '<p>–</p>'}</section>"
            f"<section><h2>Klíčová slova</h2><p>{escape(p.keywords) or '–'}</p></section>")
    return _html(_page(p.title, body))


def respond(listing: ProjectListing, path_qs: str) -> Reply:
    """robots.txt, home, listing pages, project pages; 404 otherwise."""
    parts = urlsplit(path_qs)
    path = parts.path or "/"
    if path == "/robots.txt":
        return Reply(200, {"Content-Type": "text/plain; charset=utf-8"}, b"User-agent: *\nDisallow: /api/\n")
    if path == "/":
        return _html(_page(SITE_NAME, f'<h1>{SITE_NAME}</h1><p><a href="{LISTING}">Procházet projekty</a></p>'))
    if path == LISTING:
        raw = parse_qs(parts.query).get("strana", ["1"])[0]
        return _listing(listing, int(raw)) if raw.isdigit() else _not_found()
    if path.startswith(LISTING + "/"):
        hit = listing.project(unquote(path[len(LISTING) + 1:]))
        if hit is not None:
            return _detail(hit)
    return _not_found()
