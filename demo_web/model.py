"""The demo web as data: sites, their documents (with DocSpecs), news and pages.

A municipal site publishes mostly ordinary paperwork (ORDINARY: minutes, resolutions, budgets,
closing accounts, budget measures, ordinances, notices of the office and of other authorities,
waste calendars, newsletters, forms, price lists, invitations, tenders, grant contracts ...) and a
few strategies (most municipalities one development plan; towns and cities also an action plan,
a smart, mobility or energy concept): strategies are a few per cent of the distinct documents.
Hard negatives (HARD_NEGATIVES) are planted among the ordinary documents and recorded on the Doc
(`hard_negative`): minutes approving the site's development plan (its resolution number), a
notice of the public hearing of a draft, a tender citing the plan, a newsletter issue with a
smart-lamp article, and every budget, budget outlook and closing account (investment lines with
street lighting or a bus stop).

Building the model renders nothing, so even 2,000 sites build in seconds; URLs come from
the CMS schemes (cms/), traps from traps.py, bytes later from documents.py / pages.py.
"""
from __future__ import annotations

import random
import unicodedata
import re
from collections import deque
from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date, timedelta
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from .registry import Kraj, Municipality, choose_kraje, choose_municipalities

FAMILIES = ("vismo", "antee", "wordpress", "as4u", "nette")
STRATEGY_TYPES = frozenset({
    "strategic_development_plan_municipal", "programme_municipal_development", "smart_city_strategy",
    "action_plan", "sump", "territorial_energy_concept", "regional_development_strategy", "sclld"})
LIST_SECTIONS = ("uredni_deska", "dokumenty", "strategie", "ke_stazeni", "aktuality")
SECTION_ORDER = ("uvod", "urad", "uredni_deska", "dokumenty", "strategie", "ke_stazeni", "aktuality",
                 "kalendar", "kontakt")
SECTION_SLUGS = {"uvod": "", "urad": "obecni-urad", "uredni_deska": "uredni-deska", "dokumenty": "dokumenty",
                 "strategie": "strategicke-dokumenty", "ke_stazeni": "ke-stazeni", "aktuality": "aktuality",
                 "kalendar": "kalendar-akci", "kontakt": "kontakt"}
PER_PAGE = 8
MAX_DEPTH = 4  # crawler depth limit 5 => documents must be reachable within 4 hops from "/"
REFERENCE_DATE = date(2025, 9, 1)  # "today" of the demo web; no wall clock anywhere
CALENDAR_START = (2025, 9)
# First eight municipal slots are fixed so that even `--sites 8` has every family and trap.
SLOT_PLAN = (("vismo", "town"), ("antee", "village"), ("wordpress", "small_town"), ("as4u", "village_xs"),
             ("nette", "city"), ("vismo", "small_town"), ("antee", "city"), ("wordpress", "village"))
CMS_CYCLE = ("antee", "vismo", "wordpress", "antee", "as4u", "wordpress", "vismo", "nette")
CLASS_CYCLE = ("village_xs", "village", "small_town", "town", "city", "village", "small_town", "village_xs")
KRAJ_CMS = ("vismo", "wordpress", "nette")
KRAJ_SITES = 3
# Municipal slots that plant every hard negative they can, so even `--sites 8` has each kind reachable
# (slot 5 forbids everything in robots.txt).
FORCE_HARD_NEGATIVES = (0, 4)


@dataclass(frozen=True)
class DocSpec:
    """Everything a document's bytes depend on (hashable: it is the render-cache key)."""

    key: str
    title: str
    doc_type: str
    is_strategy: bool
    fmt: str
    variant: str
    org_name: str
    place: str
    municipality: str
    gen: str  # "obce" | "města" | "městyse" | "kraje"
    population: int
    validity: tuple[int, int] | None
    approval_line: str | None
    published: str
    edition: str | None
    seed: int
    meta_title: str | None
    author: str
    profile: str = ""  # PDF re-save profile (render_pdf.PROFILES); "" = the original rendering
    # a plan an ordinary document talks about: (title, validity from, validity to, date ISO or None,
    # resolution or None); minutes approving it, a hearing notice, a tender citing it, a smart newsletter
    ref: tuple | None = None


@dataclass(eq=False)
class Doc:
    """One linked document URL of a site (a file, or a Vismo HTML document page)."""

    site_id: str
    num: int
    spec: DocSpec
    section: str
    filename: str  # ASCII file name used in URL paths
    original_name: str = ""  # the name the author gave it (Czech, spaces): Content-Disposition, antee ?original=
    approved_on: str | None = None
    approval_body: str | None = None
    resolution: str | None = None  # "ZO/12/2020" of the approval line
    hard_negative: str | None = None  # HARD_NEGATIVES kind: ordinary paperwork that talks like a strategy
    url: str = ""  # the linked URL (path + query)
    serve: str = ""  # where the body answers 200 (differs from url for redirects)
    detail: str | None = None  # HTML page between the list and the file
    status: int = 200
    redirect: int | None = None
    content_type: str = ""
    disposition: bool = False
    delay: float = 0.0
    robots_allowed: bool = True
    trap: str | None = None
    mislabel: bool = False
    twin_group: str | None = None
    version_group: str | None = None
    duplicate_group: str | None = None
    resave_group: str | None = None  # the same text re-rendered as another PDF (other bytes)
    same_document_group: str | None = None  # union of duplicate/twin/resave groups (same text)
    version_rank: int | None = None  # 1 = oldest edition of its version_group
    depth: int | None = None
    size_label: str = ""

    @property
    def fmt(self) -> str:
        return self.spec.fmt

    @property
    def published(self) -> str:
        return self.spec.published

    @property
    def target(self) -> str:
        """What list pages link to: the detail page when there is one, else the file URL."""
        return self.detail or self.url


@dataclass(eq=False)
class News:
    num: int
    title: str
    published: str
    seed: int
    docs: list[Doc] = field(default_factory=list)
    path: str = ""


@dataclass(eq=False)
class Page:
    """An HTML page of a site; `links` is the list of (href, text) it renders (site-relative or absolute)."""

    path: str
    title: str
    kind: str  # home | list | static | news | detail | htmldoc
    section: str = ""
    page_no: int = 1
    page_count: int = 1
    items: list = field(default_factory=list)
    doc: Doc | None = None
    news: News | None = None
    encoding: str = "utf-8"
    depth: int | None = None
    trap: str | None = None


@dataclass(eq=False)
class Site:
    index: int
    site_id: str
    source_id: str
    kind: str  # municipal_site | regional_site | foreign
    name: str
    cms: str
    port: int
    municipality: Municipality | None = None
    kraj: Kraj | None = None
    size_class: str = "region"
    robots: str = "allow"  # allow | disallow_section | disallow_all
    org_id: int = 0
    id_base: int = 0
    docs: list[Doc] = field(default_factory=list)
    news: list[News] = field(default_factory=list)
    pages: dict[str, Page] = field(default_factory=dict)
    redirects: dict[str, tuple[int, str, str | None]] = field(default_factory=dict)  # url -> (code, target, trap)
    traps: set[str] = field(default_factory=set)
    endless_calendar: bool = False
    cp1250_section: str | None = None
    external_links: list[tuple[str, str]] = field(default_factory=list)
    section_ids: dict[str, int] = field(default_factory=dict)
    menu_urls: dict[str, str] = field(default_factory=dict)
    down: bool = False  # taken down on a later night (demo_web.nights): its port does not listen
    feed_path: str | None = None  # its notice board as an OFN feed (demo_web.feeds)
    _routes: dict | None = None

    @property
    def foreign(self) -> bool:
        return self.kind == "foreign"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def municipality_code(self) -> str:
        return self.municipality.code if self.municipality else ""

    @property
    def kraj_kod(self) -> str:
        if self.municipality:
            return self.municipality.kraj_kod
        return self.kraj.kod if self.kraj else ""

    @property
    def place_name(self) -> str:
        return self.municipality.name if self.municipality else (self.kraj.name if self.kraj else self.name)

    @property
    def gen(self) -> str:
        return self.municipality.status_genitive if self.municipality else "kraje"

    @property
    def office_name(self) -> str:
        if self.municipality:
            return self.municipality.office_name
        return "Krajský úřad" if self.kraj else "Kancelář"

    def docs_in(self, section: str) -> list[Doc]:
        return sorted((d for d in self.docs if d.section == section), key=lambda d: (d.published, d.num),
                      reverse=True)


@dataclass
class Web:
    sites: list[Site]
    seed: int
    base_port: int
    night: int = 1
    changes: list[dict] = field(default_factory=list)  # what changed since night 1 (demo_web.nights.rows)

    @cached_property
    def municipal(self) -> list[Site]:
        return [s for s in self.sites if s.kind == "municipal_site"]

    @cached_property
    def regional(self) -> list[Site]:
        return [s for s in self.sites if s.kind == "regional_site"]

    @cached_property
    def foreign_site(self) -> Site | None:
        return next((s for s in self.sites if s.foreign), None)

    def by_port(self) -> dict[int, Site]:
        return {s.port: s for s in self.sites}


# ---------------------------------------------------------------- helpers
def slugify(text: str, limit: int = 70) -> str:
    """ASCII slug the way Czech CMSs make them ("Program rozvoje obce" -> "program-rozvoje-obce")."""
    plain = unicodedata.normalize("NFKD", text.replace("–", "-")).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return slug[:limit].rstrip("-") or "dokument"


def route_key(path_qs: str) -> str:
    """Canonical form of a request target so encoding/ordering differences still match a route."""
    parts = urlsplit(path_qs)
    path = unquote(parts.path) or "/"
    if not parts.query:
        return path
    return path + "?" + urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))


def _day(rng: random.Random, year: int) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randint(0, 364))


def _iso(d: date) -> str:
    return d.isoformat()


# ---------------------------------------------------------------- documents of a site
class _Maker:
    """Adds documents to one site; keeps numbering and the per-site RNG together."""

    def __init__(self, site: Site, rng: random.Random, seed: int):
        self.site, self.rng, self.seed = site, rng, seed
        self.num = 0

    def org(self) -> tuple[str, str, str, int]:
        s = self.site
        if s.municipality:
            m = s.municipality
            return m.official_name, f"okres {m.okres}, {m.kraj_name}", m.name, m.population
        if s.kraj:
            return s.name, s.kraj.name, s.name, 1_000_000
        return s.name, "Podbrdsko", s.name, 60_000

    def approval(self, doc_type: str, approved: date, rada: bool = False) -> tuple[str, str, str]:
        """(sentence, body code, resolution) like "Schváleno Zastupitelstvem obce X dne 12. 3. 2020, usnesení č. ZO/12/2020"."""
        from .texts import cz_date

        s, rng = self.site, self.rng
        n = rng.randint(3, 180)
        if s.municipality:
            gen, name = s.gen, s.municipality.name
            if rada:
                body = f"rada {gen}"
                who = f"Radou {gen} {name}"
                res = f"R{'M' if gen == 'města' else 'O'}/{n}/{approved.year}"
            else:
                body = f"zastupitelstvo {gen}"
                who = f"Zastupitelstvem {gen} {name}"
                res = f"Z{'M' if gen == 'města' else 'O'}/{n}/{approved.year}"
        elif s.kraj:
            body = "zastupitelstvo kraje"
            who = f"Zastupitelstvem {s.kraj.genitive}"
            res = f"{n:03d}-{rng.randint(1, 30)}/{approved.year}/ZK"
        else:
            body = "valná hromada"
            who = f"Valnou hromadou {s.name}"
            res = f"VH/{n}/{approved.year}"
        style = rng.random()
        if style < 0.6:
            line = f"Schváleno {who} dne {cz_date(approved)}, usnesení č. {res}"
        elif style < 0.85:
            line = f"Dokument byl schválen {who} dne {cz_date(approved)} usnesením č. {res}."
        else:
            from .texts import cz_date_long
            line = f"Schváleno {who} dne {cz_date_long(approved)}, usnesení č. {res}"
        return line, body, res

    def add(self, doc_type: str, title: str, section: str, published: date, fmt: str = "pdf", *,
            validity: tuple[int, int] | None = None, approved: date | None = None, rada: bool = False,
            edition: str | None = None, stem: str | None = None, variant: str = "normal",
            ref: tuple | None = None, hard_negative: str | None = None) -> Doc:
        self.num += 1
        rng = self.rng
        org_name, place, muni, pop = self.org()
        is_strategy = doc_type in STRATEGY_TYPES
        line = body = res = None
        if approved is not None:
            line, body, res = self.approval(doc_type, approved, rada)
        stem = stem or slugify(title, 60).replace("-", "_" if rng.random() < 0.3 else "-")
        r = rng.random()
        if r < (0.55 if is_strategy else 0.5):
            meta_title = title
        elif r < 0.85:
            meta_title = f"Microsoft Word - {stem}.doc{'x' if rng.random() < 0.5 else ''}"
        else:
            meta_title = None
        author = rng.choice(["starosta", "ucetni", "Uživatel", org_name, "Admin"])
        spec = DocSpec(
            key=f"{self.site.site_id}/{self.num}", title=title, doc_type=doc_type, is_strategy=is_strategy,
            fmt=fmt, variant=variant, org_name=org_name, place=place, municipality=muni,
            gen=self.site.gen, population=pop, validity=validity, approval_line=line,
            published=_iso(published), edition=edition, seed=rng.getrandbits(48), meta_title=meta_title,
            author=author, ref=ref)
        ext = "html" if fmt == "html" else fmt
        original = f"{stem}.{ext}" if rng.random() < 0.4 else f"{re.sub(r'[/:*?<>|]', '', title)[:90]}.{ext}"
        doc = Doc(site_id=self.site.site_id, num=self.num, spec=spec, section=section,
                  filename=f"{stem}.{ext}", original_name=original,
                  approved_on=_iso(approved) if approved else None, approval_body=body, resolution=res,
                  hard_negative=hard_negative)
        kb = {"pdf": rng.randint(90, 2400), "docx": rng.randint(20, 300), "odt": rng.randint(15, 120),
              "rtf": rng.randint(30, 400), "html": 0}[fmt]
        doc.size_label = f"[{fmt.upper()}, {kb} kB]" if fmt != "html" else ""
        self.site.docs.append(doc)
        return doc

    def twin(self, doc: Doc, fmt: str, group: str) -> Doc:
        """The same text in another format (e.g. the DOCX next to the PDF)."""
        self.num += 1
        spec = DocSpec(**{**doc.spec.__dict__, "fmt": fmt, "variant": "normal", "key": f"{self.site.site_id}/{self.num}"})
        twin = Doc(site_id=doc.site_id, num=self.num, spec=spec, section=doc.section,
                   filename=doc.filename.rsplit(".", 1)[0] + "." + fmt,
                   original_name=doc.original_name.rsplit(".", 1)[0] + "." + fmt, approved_on=doc.approved_on,
                   approval_body=doc.approval_body, resolution=doc.resolution,
                   size_label=f"[{fmt.upper()}, {self.rng.randint(40, 400)} kB]")
        doc.twin_group = twin.twin_group = group
        self.site.docs.append(twin)
        return twin


def _strategies(mk: _Maker) -> Doc | None:
    """A site's strategy documents (few: most municipalities have one plan, bigger ones a few more).
    Returns the main development plan (the one hard negatives refer to), if any."""
    s, rng = mk.site, mk.rng
    m = s.municipality
    X, gen, cls = m.name, m.status_genitive, s.size_class
    sid = s.site_id

    def plan_years() -> tuple[int, int]:
        return rng.choice([(2021, 2030), (2021, 2027), (2022, 2030), (2020, 2030), (2023, 2032)])

    def add_main(doc_type: str, section="strategie", twin=False, version=False) -> Doc:
        y0, y1 = plan_years() if doc_type == "strategic_development_plan_municipal" else \
            rng.choice([(2021, 2027), (2022, 2026), (2020, 2025), (2023, 2028)])
        appr = _day(rng, y0 - 1 if rng.random() < 0.7 else y0)
        if doc_type == "strategic_development_plan_municipal":
            title = rng.choice([f"Strategický plán rozvoje {gen} {X} {y0}–{y1}",
                                f"Strategie rozvoje {gen} {X} do roku {y1}",
                                f"Strategický plán rozvoje {gen} {X} na období {y0}–{y1}"])
        else:
            title = rng.choice([f"Program rozvoje {gen} {X} na období {y0}–{y1}",
                                f"Program rozvoje {gen} {X} {y0}–{y1}"])
        stem = rng.choice([None, None, "strategie_final", "PRO_final_v2" if "programme" in doc_type else "SPRM_final"])
        d = mk.add(doc_type, title, section, appr + timedelta(days=rng.randint(3, 40)), validity=(y0, y1),
                   approved=appr, stem=stem)
        if twin:
            mk.twin(d, "docx", f"twin-{sid}-{d.num}")
        if version:
            y_upd = min(y0 + rng.randint(2, 3), 2025)
            appr2 = _day(rng, y_upd)
            # the update covers the rest of the period: its title and cover both say y_upd–y1
            title2 = title.replace(f"{y0}–{y1}", f"{y_upd}–{y1}")
            d2 = mk.add(doc_type, f"{title2} – aktualizace {y_upd}", section,
                        appr2 + timedelta(days=rng.randint(3, 30)), validity=(y_upd, y1), approved=appr2,
                        edition=f"aktualizace {y_upd}")
            d.version_group = d2.version_group = f"version-{sid}-{d.num}"
        return d

    def action_plan(fmt="pdf") -> Doc:
        y0 = rng.choice([2022, 2023, 2024, 2025])
        y1 = y0 + rng.choice([1, 1, 2])
        title = rng.choice([f"Akční plán {gen} {X} na roky {y0}–{y1}",
                            f"Akční plán rozvoje {gen} {X} {y0}–{y1}",
                            f"Zásobník projektů {gen} {X} {y0}–{y1}"])
        appr = _day(rng, y0 - 1)
        return mk.add("action_plan", title, "strategie", appr + timedelta(days=10), fmt, validity=(y0, y1),
                      approved=appr, rada=gen == "města" and rng.random() < 0.5)

    def smart() -> Doc:
        y0, y1 = rng.choice([(2020, 2025), (2021, 2030), (2022, 2027), (2023, 2030)])
        title = (rng.choice([f"Koncepce Smart City {X} {y0}–{y1}", f"Strategie Chytré město {X} {y0}–{y1}",
                             f"Koncepce Smart City {gen} {X}"]) if cls in ("town", "city")
                 else f"Koncepce Smart Village – chytrá {'obec' if gen != 'města' else 'město'} {X} {y0}–{y1}")
        appr = _day(rng, y0 - 1)
        return mk.add("smart_city_strategy", title, "strategie", appr + timedelta(days=20), validity=(y0, y1),
                      approved=appr)

    def sump() -> Doc:
        y1 = rng.choice([2030, 2035])
        appr = _day(rng, rng.choice([2019, 2020, 2021]))
        return mk.add("sump", f"Plán udržitelné městské mobility {gen} {X} do roku {y1}", "strategie",
                      appr + timedelta(days=15), validity=(appr.year + 1, y1), approved=appr, stem="SUMP_" + slugify(X))

    def energy() -> Doc:
        y0 = rng.choice([2018, 2020, 2022])
        appr = _day(rng, y0)
        t = (f"Územní energetická koncepce {gen} {X} {y0}–{y0 + 20}" if cls in ("town", "city")
             else f"Místní energetická koncepce {gen} {X} {y0}–{y0 + 15}")
        return mk.add("territorial_energy_concept", t, "strategie", appr + timedelta(days=25),
                      validity=(y0, y0 + (20 if cls in ("town", "city") else 15)), approved=appr)

    main = None
    if cls == "village_xs":
        if rng.random() < 0.55:
            main = add_main("programme_municipal_development")
    elif cls == "village":
        if rng.random() < 0.85:
            main = add_main("programme_municipal_development", twin=rng.random() < 0.2)
        if rng.random() < 0.08:
            action_plan()
    elif cls == "small_town":
        main = add_main(rng.choice(["programme_municipal_development", "strategic_development_plan_municipal"]),
                        version=rng.random() < 0.1, twin=rng.random() < 0.3)
        if rng.random() < 0.2:
            action_plan()
        if rng.random() < 0.1:
            smart()
    elif cls == "town":
        main = add_main("strategic_development_plan_municipal", twin=rng.random() < 0.5, version=rng.random() < 0.2)
        if rng.random() < 0.5:
            action_plan("html" if s.cms == "vismo" and rng.random() < 0.5 else "pdf")
        if rng.random() < 0.2:
            smart()
        if m.population >= 40000 or rng.random() < 0.1:
            sump()
        if rng.random() < 0.2:
            energy()
    else:  # city
        main = add_main("strategic_development_plan_municipal", twin=True, version=True)
        if rng.random() < 0.8:
            action_plan("html" if s.cms == "vismo" else "pdf")
        if rng.random() < 0.4:
            smart()
        if rng.random() < 0.5:
            sump()
        if rng.random() < 0.3:
            energy()
    if cls in ("town", "city") and rng.random() < 0.6:
        y = rng.choice([2022, 2023, 2024])
        mk.add("evaluation_report", f"Zpráva o plnění strategického plánu rozvoje {gen} {X} za rok {y}",
               "strategie", _day(rng, y + 1))
    return main


# Ordinary paperwork per size class, (min, max): village_xs, village, small_town, town, city.
# Strategies are a few per cent of a site's documents, as on real municipal websites.
ORDINARY = {
    "minutes": ((1, 2), (2, 3), (2, 4), (3, 5), (4, 6)),
    "resolutions": ((0, 1), (0, 1), (1, 2), (1, 2), (3, 4)),
    "budget": ((1, 1), (1, 2), (1, 2), (1, 2), (2, 2)),
    "closing_account": ((1, 1), (1, 1), (1, 1), (1, 1), (1, 1)),
    "budget_outlook": ((0, 1), (0, 1), (1, 1), (1, 1), (1, 1)),
    "budget_measure": ((0, 1), (1, 2), (1, 2), (2, 3), (2, 3)),
    "ordinance": ((0, 1), (1, 1), (1, 2), (1, 2), (2, 2)),
    "notice": ((2, 3), (3, 4), (4, 6), (6, 9), (9, 12)),
    "authority_notice": ((1, 3), (2, 3), (2, 4), (3, 4), (3, 5)),
    "waste_schedule": ((1, 1), (1, 1), (1, 1), (1, 1), (1, 1)),
    "newsletter": ((0, 1), (1, 2), (2, 3), (2, 3), (3, 4)),
    "spatial_plan": ((0, 1), (0, 1), (0, 1), (1, 1), (1, 1)),
    "annual_report": ((0, 1), (1, 1), (1, 1), (1, 1), (1, 1)),
    "form": ((1, 2), (2, 2), (2, 3), (2, 3), (3, 5)),
    "price_list": ((0, 1), (1, 1), (1, 2), (1, 2), (2, 2)),
    "invitation": ((1, 2), (1, 2), (2, 3), (2, 3), (3, 5)),
    "tender": ((0, 1), (0, 1), (1, 1), (1, 3), (2, 3)),
    "grant_contract": ((0, 1), (0, 1), (1, 1), (1, 1), (2, 3)),
    "sectoral_concept": ((0, 0), (0, 0), (0, 0), (0, 1), (0, 1)),
}
CLASS_INDEX = {"village_xs": 0, "village": 1, "small_town": 2, "town": 3, "city": 4}
NOTICES = ("Oznámení o konání zasedání zastupitelstva", "Veřejná vyhláška – oznámení o zahájení řízení",
           "Záměr prodeje pozemku p. č. {n}/{k}", "Oznámení o době a místě konání voleb",
           "Uzavírka ulice {street}", "Výzva k odstranění vozidla", "Oznámení o přerušení dodávky elektřiny",
           "Záměr pronájmu nebytových prostor", "Informace o kvalitě pitné vody", "Očkování psů proti vzteklině",
           "Svoz velkoobjemového a nebezpečného odpadu", "Oznámení o výběrovém řízení na pozici referenta",
           "Záměr pronájmu pozemku p. č. {n}/{k}")
AUTHORITY_NOTICES = ("Finanční úřad – hromadný předpisný seznam daně z nemovitých věcí {y}",
                     "Katastrální úřad – vyložení obnoveného katastrálního operátu",
                     "Krajská veterinární správa – mimořádná veterinární opatření",
                     "Oznámení svazku obcí – návrh rozpočtu na rok {y}",
                     "Státní pozemkový úřad – zahájení komplexních pozemkových úprav",
                     "Povodí – údržba koryta vodního toku {y}",
                     "Správa a údržba silnic – ořez dřevin podél silnice III. třídy")
FORMS = ("Žádost o pronájem sálu", "Ohlášení k místnímu poplatku ze psů", "Žádost o poskytnutí dotace z rozpočtu",
         "Žádost o povolení kácení dřevin", "Přihláška k odběru zpravodaje", "Žádost o přidělení obecního bytu",
         "Žádost o připojení k vodovodu", "Žádost o nájem hrobového místa")
ORDINANCES = ("o místním poplatku za obecní systém odpadového hospodářství", "o místním poplatku ze psů",
              "o nočním klidu a regulaci hlučných činností", "kterou se vydává požární řád")
PRICE_LISTS = ("Ceník pronájmu sálu kulturního domu", "Ceník služeb úřadu", "Ceník nájmu hrobových míst",
               "Ceník vstupného na koupaliště", "Ceník inzerce ve zpravodaji")
EVENTS = ("Dětský den", "Posvícení", "Pálení čarodějnic", "Rozsvícení vánočního stromu",
          "Hasičská soutěž O pohár starosty", "Setkání seniorů", "Koncert pěveckého sboru", "Masopustní průvod",
          "Vítání občánků", "Sousedská brigáda")
# Ordinary documents that speak the language of strategies (manifest field `hard_negative`).
HARD_NEGATIVES = ("plan_approval_minutes", "strategy_hearing_notice", "newsletter_smart_article",
                  "budget_investments", "tender_citing_plan")
BUDGET_KINDS = ("budget", "budget_outlook", "closing_account")


def _pub_date(rng: random.Random) -> date:
    pub = _day(rng, rng.choice([2022, 2023, 2024, 2025]))
    if pub > REFERENCE_DATE:
        pub = REFERENCE_DATE - timedelta(days=rng.randint(1, 200))
    return pub


def _ordinary(mk: _Maker, main: Doc | None, force_hard: bool = False) -> None:
    """The ordinary paperwork of a municipal site, hard negatives among it."""
    from .vocab import TENDER_WORKS, fill, local

    s, rng = mk.site, mk.rng
    X, gen, ci = s.place_name, s.gen, CLASS_INDEX[s.size_class]
    loc = local(X)
    form_formats = ["docx", "rtf", "odt"]
    rng.shuffle(form_formats)
    forms, prices, events, notices = list(FORMS), list(PRICE_LISTS), list(EVENTS), list(NOTICES)
    authorities = list(AUTHORITY_NOTICES)
    for pool in (forms, prices, events, notices, authorities):
        rng.shuffle(pool)
    plan_ref = None
    if main is not None:
        y0, y1 = main.spec.validity
        plan_ref = (main.spec.title, y0, y1, main.approved_on, main.resolution)
    used_years: dict[str, set] = {}

    def year_for(kind: str) -> int:
        years = [y for y in (2022, 2023, 2024, 2025) if y not in used_years.setdefault(kind, set())] or [2021]
        y = rng.choice(years)
        used_years[kind].add(y)
        return y

    newsletters = []
    tenders = []
    for doc_type, ranges in ORDINARY.items():
        lo, hi = ranges[ci]
        for k in range(rng.randint(lo, hi)):
            pub = _pub_date(rng)
            if doc_type == "minutes":
                n = rng.randint(1, 25)
                fmt = "docx" if ci <= 1 and rng.random() < 0.3 else ("odt" if rng.random() < 0.05 else "pdf")
                mk.add("minutes", f"Zápis z {n}. zasedání Zastupitelstva {gen} {X} ze dne {pub.day}. {pub.month}. "
                       f"{pub.year}", "dokumenty", pub, fmt)
            elif doc_type == "resolutions":
                mk.add("resolutions", f"Usnesení z {rng.randint(1, 25)}. zasedání Zastupitelstva {gen} {X} "
                       f"konaného dne {pub.day}. {pub.month}. {pub.year}", "dokumenty", pub)
            elif doc_type == "budget":
                y = year_for("budget")
                pub = min(date(y - 1, 12, rng.randint(5, 22)), REFERENCE_DATE)
                mk.add("budget", rng.choice([f"Schválený rozpočet {gen} {X} na rok {y}", f"Rozpočet {gen} {X} na rok {y}",
                                             f"Rozpočet na rok {y} – schválený"]), "dokumenty", pub,
                       hard_negative="budget_investments")
            elif doc_type == "closing_account":
                y = year_for("closing") - 1
                mk.add("closing_account", f"Závěrečný účet {gen} {X} za rok {y}", "dokumenty",
                       min(date(y + 1, rng.randint(4, 6), rng.randint(1, 28)), REFERENCE_DATE),
                       hard_negative="budget_investments")
            elif doc_type == "budget_outlook":
                mk.add("budget_outlook", f"Střednědobý výhled rozpočtu {gen} {X} na roky {pub.year + 1}–{pub.year + 3}",
                       "dokumenty", pub, validity=(pub.year + 1, pub.year + 3), hard_negative="budget_investments")
            elif doc_type == "budget_measure":
                mk.add("budget_measure", f"Rozpočtové opatření č. {k + 1}/{pub.year}", "uredni_deska", pub)
            elif doc_type == "ordinance":
                mk.add("ordinance", f"Obecně závazná vyhláška č. {k + 1}/{pub.year} {ORDINANCES[(k + ci) % 4]}",
                       rng.choice(["dokumenty", "uredni_deska"]), pub)
            elif doc_type == "notice":
                t = (notices.pop() if notices else rng.choice(NOTICES)).format(
                    n=rng.randint(10, 900), k=rng.randint(1, 30), street=rng.choice(loc.streets))
                fmt = "html" if s.cms == "vismo" and rng.random() < 0.4 else "pdf"
                mk.add("notice", t, "uredni_deska", pub, fmt)
            elif doc_type == "authority_notice":
                t = (authorities.pop() if authorities else rng.choice(AUTHORITY_NOTICES)).format(y=pub.year)
                mk.add("authority_notice", t, "uredni_deska", pub, "html" if s.cms == "vismo" and rng.random() < 0.3
                       else "pdf")
            elif doc_type == "waste_schedule":
                mk.add("waste_schedule", f"Svozový kalendář odpadů {pub.year}", "ke_stazeni", pub)
            elif doc_type == "newsletter":
                newsletters.append(mk.add("newsletter", rng.choice([f"Zpravodaj {gen} {X} {k + 1}/{pub.year}",
                                                                    f"Občasník {gen} {X} – {k + 1}/{pub.year}",
                                                                    f"Zpravodaj {X} č. {k + 1}/{pub.year}"]),
                                          "ke_stazeni", pub))
            elif doc_type == "spatial_plan":
                t = rng.choice([f"Územní plán {X} – textová část", f"Změna č. {rng.randint(1, 4)} územního plánu {X}"])
                mk.add("spatial_plan", t, "dokumenty", pub)
            elif doc_type == "annual_report":
                mk.add("annual_report", f"Výroční zpráva o poskytování informací za rok {pub.year - 1}", "dokumenty", pub)
            elif doc_type == "form":
                mk.add("form", forms.pop() if forms else rng.choice(FORMS), "ke_stazeni", pub, form_formats[k % 3])
            elif doc_type == "price_list":
                mk.add("price_list", f"{prices.pop() if prices else PRICE_LISTS[0]} – platnost od 1. 1. {pub.year}",
                       "ke_stazeni", pub, "docx" if rng.random() < 0.2 else "pdf")
            elif doc_type == "invitation":
                mk.add("invitation", f"Pozvánka: {events.pop() if events else EVENTS[0]} {pub.year}", "uredni_deska", pub)
            elif doc_type == "tender":
                project = fill(rng.choice(TENDER_WORKS), rng, loc, X, s.municipality.population)
                tenders.append(mk.add("tender", f"Výzva k podání nabídky – {project}", "uredni_deska", pub))
            elif doc_type == "grant_contract":
                club = rng.choice(loc.clubs)
                mk.add("grant_contract", f"Veřejnoprávní smlouva o poskytnutí dotace – {club} {pub.year}",
                       "dokumenty", pub)
            elif doc_type == "sectoral_concept":
                year = pub.year
                mk.add("sectoral_concept", f"Komunitní plán sociálních služeb {gen} {X} {year}–{year + 3}",
                       "dokumenty", pub, validity=(year, year + 3))
    _hard_negatives(mk, main, plan_ref, newsletters, tenders, force_hard)


def _hard_negatives(mk: _Maker, main: Doc | None, plan_ref: tuple | None, newsletters: list[Doc],
                    tenders: list[Doc], force: bool) -> None:
    """Minutes approving the plan, a hearing notice of its draft, a tender citing it, a smart-lamp newsletter."""
    s, rng = mk.site, mk.rng
    X, gen = s.place_name, s.gen
    if newsletters and (force or rng.random() < 0.6):
        d = rng.choice(newsletters)
        d.spec = replace(d.spec, ref=("smart_article",))
        d.hard_negative = "newsletter_smart_article"
    if plan_ref is None:
        return
    title, y0, y1, approved_on, res = plan_ref
    approved = date.fromisoformat(approved_on)
    if main.approval_body and main.approval_body.startswith("zastupitelstvo") and (force or rng.random() < 0.6):
        n = rng.randint(3, 30)
        pub = min(approved + timedelta(days=rng.randint(3, 12)), REFERENCE_DATE)
        d_cz = f"{approved.day}. {approved.month}. {approved.year}"
        style = rng.random()
        if style < 0.5:
            mk.add("minutes", f"Zápis z {n}. zasedání Zastupitelstva {gen} {X} ze dne {d_cz}", "dokumenty", pub,
                   ref=plan_ref, hard_negative="plan_approval_minutes")
        elif style < 0.8:
            mk.add("resolutions", f"Usnesení z {n}. zasedání Zastupitelstva {gen} {X} konaného dne {d_cz}",
                   "dokumenty", pub, ref=plan_ref, hard_negative="plan_approval_minutes")
        else:  # the published extract names the plan in its title
            mk.add("resolutions", f"Výpis z usnesení zastupitelstva č. {res} – schválení dokumentu {title}",
                   "uredni_deska", pub, ref=plan_ref, hard_negative="plan_approval_minutes")
    if force or rng.random() < 0.45:
        if y1 <= 2027 and rng.random() < 0.5:  # the next plan is being prepared
            a, b = y1 + 1, y1 + rng.choice([6, 8, 10])
            draft = title.replace(f"{y0}–{y1}", f"{a}–{b}").replace(f"do roku {y1}", f"do roku {b}")
            if draft == title:
                draft = f"{title} – návrh na období {a}–{b}"
            hearing = REFERENCE_DATE - timedelta(days=rng.randint(20, 150))
            pub = hearing - timedelta(days=rng.randint(10, 20))
            ref = (draft, a, b, _iso(hearing), None)
        else:
            hearing = approved - timedelta(days=rng.randint(25, 70))
            pub = hearing - timedelta(days=rng.randint(10, 20))
            ref = (title, y0, y1, _iso(hearing), None)
        t = rng.choice([f"Oznámení o veřejném projednání návrhu dokumentu {ref[0]}",
                        f"Pozvánka na veřejné projednání – {ref[0]} (návrh)",
                        f"Veřejná vyhláška – zveřejnění návrhu: {ref[0]}"])
        mk.add("hearing_notice", t, "uredni_deska", pub, "html" if s.cms == "vismo" and rng.random() < 0.3 else "pdf",
               ref=ref, hard_negative="strategy_hearing_notice")
    if tenders and (force or rng.random() < 0.6):
        d = rng.choice(tenders)
        d.spec = replace(d.spec, ref=plan_ref)
        d.hard_negative = "tender_citing_plan"
    elif force:
        mk.add("tender", f"Výzva k podání nabídky – oprava místních komunikací {REFERENCE_DATE.year}", "uredni_deska",
               REFERENCE_DATE - timedelta(days=rng.randint(5, 60)), ref=plan_ref, hard_negative="tender_citing_plan")


def _kraj_docs(mk: _Maker, j: int) -> None:
    s, rng = mk.site, mk.rng
    kg = s.kraj.genitive
    for _ in range(rng.randint(4, 6)):
        pub = min(_day(rng, rng.choice([2023, 2024, 2025])), REFERENCE_DATE)
        mk.add("resolutions", f"Usnesení z {rng.randint(1, 30)}. zasedání Zastupitelstva {kg} ze dne "
               f"{pub.day}. {pub.month}. {pub.year}", "dokumenty", pub)
    for _ in range(rng.randint(4, 6)):
        pub = min(_day(rng, rng.choice([2024, 2025])), REFERENCE_DATE)
        mk.add("resolutions", f"Usnesení z {rng.randint(40, 160)}. schůze Rady {kg} ze dne "
               f"{pub.day}. {pub.month}. {pub.year}", "dokumenty", pub)
    titles = ["Vyhlášení dotačního programu na podporu obnovy venkova", "Vyhlášení dotačního programu pro "
              "jednotky sborů dobrovolných hasičů obcí", "Dotační program na podporu sportu a volného času",
              "Dotační program na výměnu kotlů v domácnostech", "Veřejná vyhláška – zásady územního rozvoje, "
              "aktualizace", "Oznámení o zahájení zjišťovacího řízení SEA", "Dotační program na hospodaření "
              "s vodou v obcích", "Uzavírka silnice II/{n} v obci {town}"]
    rng.shuffle(titles)
    for t in titles[:rng.randint(5, 7)]:
        pub = min(_day(rng, rng.choice([2024, 2025])), REFERENCE_DATE)
        mk.add("notice", t.format(n=rng.randint(101, 499), town=rng.choice(["Horní Ves", "Lesná", "Zálesí"])),
               "uredni_deska", pub)
    for _ in range(rng.randint(3, 4)):
        pub = min(_day(rng, rng.choice([2024, 2025])), REFERENCE_DATE)
        mk.add("tender", f"Výzva k podání nabídky – oprava silnice II/{rng.randint(101, 499)} v úseku "
               f"{rng.randint(1, 9)},{rng.randint(0, 9)} km", "uredni_deska", pub)
    for y in (2024, 2025):
        mk.add("budget", f"Rozpočet {kg} na rok {y}", "dokumenty", date(y - 1, 12, rng.randint(8, 16)),
               hard_negative="budget_investments")
    mk.add("closing_account", f"Závěrečný účet {kg} za rok 2024", "dokumenty", date(2025, 6, rng.randint(2, 20)),
           hard_negative="budget_investments")
    mk.add("budget_outlook", f"Střednědobý výhled rozpočtu {kg} na roky 2026–2027", "dokumenty",
           date(2024, 12, rng.randint(8, 16)), validity=(2026, 2027), hard_negative="budget_investments")
    for k in range(rng.randint(2, 3)):
        pub = min(_day(rng, 2025), REFERENCE_DATE)
        mk.add("budget_measure", f"Rozpočtové opatření č. {k + 1}/2025", "uredni_deska", pub)
    mk.add("annual_report", f"Výroční zpráva {kg} za rok 2024", "dokumenty", date(2025, 4, 30))
    mk.add("annual_report", f"Výroční zpráva o poskytování informací za rok 2024", "dokumenty", date(2025, 2, 27))
    mk.add("spatial_plan", f"Zásady územního rozvoje {kg} – úplné znění", "dokumenty", date(2024, 6, 3))
    for k in range(2):
        pub = min(_day(rng, 2024 + k), REFERENCE_DATE)
        mk.add("newsletter", f"Zpravodaj {kg} {rng.randint(1, 4)}/{pub.year}", "ke_stazeni", pub)
    mk.add("form", "Žádost o dotaci z Programu obnovy venkova", "ke_stazeni", date(2025, 1, 10), "docx")
    appr = date(2020, rng.randint(9, 12), rng.randint(1, 28))
    d = mk.add("regional_development_strategy", f"Strategie rozvoje {kg} 2021–2027", "strategie",
               appr + timedelta(days=20), validity=(2021, 2027), approved=appr)
    mk.twin(d, "docx", f"twin-{s.site_id}-{d.num}")
    if j % 3 == 0:
        appr = date(2024, rng.randint(3, 8), rng.randint(1, 28))
        mk.add("action_plan", f"Akční plán Strategie rozvoje {kg} 2025–2026", "strategie", appr + timedelta(days=9),
               validity=(2025, 2026), approved=appr, rada=False)
    elif j % 3 == 1:
        appr = date(2019, rng.randint(1, 12), rng.randint(1, 28))
        mk.add("territorial_energy_concept", f"Územní energetická koncepce {kg} 2020–2045", "strategie",
               appr + timedelta(days=40), validity=(2020, 2045), approved=appr)
    else:
        appr = date(2021, rng.randint(1, 12), rng.randint(1, 28))
        mk.add("smart_city_strategy", f"Koncepce Chytrý region – {s.kraj.name} 2021–2030", "strategie",
               appr + timedelta(days=12), validity=(2021, 2030), approved=appr)


NEWS = ("Oprava místní komunikace v ulici {street}", "Pozvánka na veřejné projednání strategického plánu",
        "Svoz velkoobjemového odpadu", "Výsledky dotazníkového šetření", "Nový svozový kalendář",
        "Rozsvícení vánočního stromu", "Zveřejnění návrhu rozpočtu", "Uzavírka silnice a objízdná trasa",
        "Dotace na výměnu kotlů", "Den otevřených dveří v mateřské škole")


def _news(mk: _Maker, count: int) -> None:
    s, rng = mk.site, mk.rng
    docs = [d for d in s.docs if d.section in ("strategie", "dokumenty")]
    for i in range(count):
        pub = min(_day(rng, rng.choice([2024, 2025])), REFERENCE_DATE)
        title = rng.choice(NEWS).format(street=rng.choice(["Školní", "Nádražní", "Husova", "Polní"]))
        n = News(num=i + 1, title=title, published=_iso(pub), seed=rng.getrandbits(32))
        if docs and rng.random() < 0.5:
            n.docs.append(rng.choice(docs))
        s.news.append(n)


NEWS_COUNT = {"village_xs": 2, "village": 3, "small_town": 4, "town": 5, "city": 7, "region": 5}


# ---------------------------------------------------------------- pages, links, depth
def build_pages(site: Site) -> None:
    """Pages of every section, paginated lists, news and detail pages (URLs from the CMS scheme)."""
    from .cms import scheme_for

    sch = scheme_for(site.cms)
    pages: dict[str, Page] = {}
    home = Page(path="/", title=site.name, kind="home", section="uvod")
    pages["/"] = home
    for key in SECTION_ORDER[1:]:
        title = menu_title(site, key)
        if key in LIST_SECTIONS:
            items: list = site.news if key == "aktuality" else site.docs_in(key)
            if key == "aktuality":
                items = sorted(items, key=lambda n: (n.published, n.num), reverse=True)
            chunks = [items[i:i + PER_PAGE] for i in range(0, len(items), PER_PAGE)] or [[]]
            for no, chunk in enumerate(chunks, start=1):
                path = sch.section_url(site, key, no)
                pages[path] = Page(path=path, title=title, kind="list", section=key, page_no=no,
                                   page_count=len(chunks), items=chunk,
                                   encoding="cp1250" if site.cp1250_section == key else "utf-8")
        elif key == "kalendar" and site.endless_calendar:
            continue
        else:
            path = sch.section_url(site, key, 1)
            pages[path] = Page(path=path, title=title, kind="static", section=key)
    for n in site.news:
        pages[n.path] = Page(path=n.path, title=n.title, kind="news", section="aktuality", news=n)
    for d in site.docs:
        if d.fmt == "html" and d.detail is None:
            pages[d.url] = Page(path=d.url, title=d.spec.title, kind="htmldoc", section=d.section, doc=d)
        elif d.detail:
            siblings = [x for x in site.docs if x.detail == d.detail]
            if d.detail not in pages:
                pages[d.detail] = Page(path=d.detail, title=d.spec.title, kind="detail", section=d.section,
                                       doc=d, items=siblings)
    site.pages = pages


def menu_title(site: Site, key: str) -> str:
    return {"uvod": "Úvod", "urad": site.office_name, "uredni_deska": "Úřední deska", "dokumenty": "Dokumenty",
            "strategie": "Strategické dokumenty", "ke_stazeni": "Ke stažení", "aktuality": "Aktuality",
            "kalendar": "Kalendář akcí", "kontakt": "Kontakt"}[key]


def calendar_url(year: int, month: int) -> str:
    return f"/kalendar?rok={year}&mesic={month}"


def menu_links(site: Site) -> list[tuple[str, str]]:
    cached = site.__dict__.get("_menu")  # (kalendar url, links): the calendar trap rewrites one entry
    if cached is None or cached[0] != site.menu_urls.get("kalendar"):
        links = [(site.menu_urls[key], menu_title(site, key)) for key in SECTION_ORDER]
        cached = site.__dict__["_menu"] = (site.menu_urls.get("kalendar"), links)
    return cached[1]


FEED_LINK_TEXT = "Úřední deska jako otevřená data (JSON-LD)"  # demo_web.feeds


def page_links(site: Site, page: Page) -> list[tuple[str, str]]:
    """Every href a page renders (menu first); the renderer and the depth BFS share this list."""
    links = list(menu_links(site))
    if page.kind == "home":
        for n in sorted(site.news, key=lambda n: n.published, reverse=True)[:3]:
            links.append((n.path, n.title))
        for d in site.docs_in("uredni_deska")[:3]:
            links.append((d.target, d.spec.title))
        links.extend(site.external_links)
    elif page.kind == "list":
        if page.section == "uredni_deska" and page.page_no == 1 and site.feed_path:
            links.append((site.feed_path, FEED_LINK_TEXT))
        for item in page.items:
            if isinstance(item, News):
                links.append((item.path, item.title))
            else:
                links.append((item.target, item.spec.title))
        from .cms import scheme_for
        sch = scheme_for(site.cms)
        if page.page_count > 1:  # links to ALL page numbers: every list page is one hop from page 1
            for no in range(1, page.page_count + 1):
                links.append((sch.section_url(site, page.section, no), str(no)))
    elif page.kind == "news":
        for d in page.news.docs:
            links.append((d.target, d.spec.title))
    elif page.kind == "detail":
        for d in page.items:
            links.append((d.url, d.spec.title))
    elif page.kind == "static" and page.section == "urad":
        links.append((site.menu_urls["kontakt"], "Kontakty a úřední hodiny"))
    return links


def robots_allows(site: Site, path: str) -> bool:
    if site.robots == "disallow_all":
        return False
    if site.robots == "disallow_section" and path.startswith("/interni/"):
        return False
    return True


def compute_depths(site: Site) -> None:
    """BFS from "/" over page links as a polite crawler sees them (robots-blocked pages are not expanded)."""
    for p in site.pages.values():
        p.depth = None
    depth: dict[str, int] = {"/": 0}
    queue = deque(["/"])
    while queue:
        path = queue.popleft()
        page = site.pages.get(path)
        if page is None or not robots_allows(site, path):
            continue
        for href, _ in page_links(site, page):
            if not href.startswith("/"):
                continue
            target = href
            if target in site.redirects:
                target = site.redirects[target][1]
            for h in {href, target}:
                if h not in depth:
                    depth[h] = depth[path] + 1
                    queue.append(h)
    for p in site.pages.values():
        p.depth = depth.get(p.path)
    for d in site.docs:
        d.depth = depth.get(d.url)


# ---------------------------------------------------------------- the whole web
def _slot(i: int) -> tuple[str, str]:
    if i < len(SLOT_PLAN):
        return SLOT_PLAN[i]
    j = i - len(SLOT_PLAN)
    return CMS_CYCLE[(j + j // len(CMS_CYCLE)) % len(CMS_CYCLE)], CLASS_CYCLE[j % len(CLASS_CYCLE)]


def build_web(sites: int = 40, seed: int = 2026, base_port: int = 18100, night: int = 1) -> Web:
    """The full model: `sites` municipal sites, 3 regional sites and one foreign host, traps placed; on a later
    `night` with that night's changes (demo_web.nights)."""
    from . import dedup, feeds, nights, traps
    from .cms import scheme_for

    if sites < 1:
        raise ValueError("--sites must be at least 1")
    rng = random.Random(seed)
    plan = [_slot(i) for i in range(sites)]
    munis = choose_municipalities(rng, [c for _, c in plan])
    out: list[Site] = []
    for i, ((cms, _), m) in enumerate(zip(plan, munis)):
        out.append(Site(index=i, site_id=f"obec-{m.code}", source_id=f"obec-{m.code}", kind="municipal_site",
                        name=m.official_name, cms=cms, port=base_port + i, municipality=m,
                        size_class=m.size_class))
    for j, k in enumerate(choose_kraje(rng, munis[0].kraj_kod, KRAJ_SITES)):
        i = sites + j
        out.append(Site(index=i, site_id=f"kraj-{k.kod}", source_id=f"kraj-{k.kod}", kind="regional_site",
                        name=k.name, cms=KRAJ_CMS[j % len(KRAJ_CMS)], port=base_port + i, kraj=k))
    fi = sites + KRAJ_SITES
    out.append(Site(index=fi, site_id="foreign", source_id="", kind="foreign", name="MAS Podbrdsko, z. s.",
                    cms="wordpress", port=base_port + fi, size_class=""))
    web = Web(sites=out, seed=seed, base_port=base_port, night=night)
    for s in out:
        srng = random.Random(f"{seed}:{s.site_id}")
        s.org_id = srng.randint(1000, 9999)
        s.id_base = srng.randint(1_100_000, 1_900_000)
        mk = _Maker(s, srng, seed)
        if s.kind == "municipal_site":
            main = _strategies(mk)
            _ordinary(mk, main, force_hard=s.index in FORCE_HARD_NEGATIVES)
            _news(mk, NEWS_COUNT[s.size_class])
        elif s.kind == "regional_site":
            _kraj_docs(mk, s.index - sites)
            _news(mk, NEWS_COUNT["region"])
        else:
            traps.foreign_docs(mk)
        s._maker = mk  # traps may add documents
    dedup.plant(web)
    traps.place(web)
    dedup.finish(web)
    changes = nights.apply(web, night)
    for s in out:
        scheme_for(s.cms).assign(s)
    for c in changes:
        if c["change"] == "removed":  # unlinked: its URL is where it used to answer
            c["doc"].url = scheme_for(c["site"].cms).file_url(c["site"], c["doc"])
            c["doc"].detail = scheme_for(c["site"].cms).detail_url(c["site"], c["doc"])
    feeds.choose(web)
    for s in out:
        traps.after_urls(web, s)
        build_pages(s)
        compute_depths(s)
        del s._maker
    web.changes = nights.rows(changes)
    return web
