"""A replica of the Databáze strategií (databaze-strategie.cz, MMR): `build_registry`, `respond`, `truth_rows`.

Facts relied on (../shared/domain/RECORD_FORMATS.md §2, NOTES.md §3 "Databáze strategií", taxonomy.json
record_schemas.databaze_strategii_record):
- a nationwide register of strategic documents on four levels: mezinárodní, národní (ministries), regionální
  (kraje), místní (obce); every record belongs to a gestor (the responsible institution, a URL segment);
- a record's basic information is: název, gestor, zpracovatel, obsah a implementace, datum schválení, a link to
  the full text; validity ("platnost") is expected but was not seen verbatim; records carry thematic descriptors
  coded "roman numeral.letter" (the ten seen are DESCRIPTORS_SEEN; the full list was not found);
- detail pages live at /cz/<gestor-slug>/strategie/<strategy-slug>?typ=detail; no export or API is known, so the
  registry is an HTML crawl target; entries are typed in by each institution's editor, hence names worded
  unlike the documents' own titles, missing dates and dead links.
Labels, listing URLs (/cz/strategie?strana=N) and markup are the demo's guess ([G] in NOTES.md), not the live site's.

The replica is built from a demo `Web`: about 60-80 % of the distinct strategy texts of municipal and regional
sites get a record linking to the document's demo URL (the registry is incomplete: `Registry.missing` holds the
rest), national and international strategies are hosted by the registry itself (a small PDF it serves), and a
few records belong to municipalities that are not demo sites (no full text, or a dead link answering 404).
Summaries and full texts come from this module's own phrase lists, never from the classifier's vocabulary.
"""
from __future__ import annotations

import math
import random
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from html import escape
from urllib.parse import parse_qs, unquote, urlsplit

from .model import Doc, Site, Web, slugify
from .registry import load_municipalities
from .render_pdf import render_pdf
from .portal_base import PortalAddress
from .routing import Reply
from .texts import Content, cz_date
from .vocab import CONSULTANTS

PORTAL_ID = "databaze-strategii"
SOURCE_KIND = "strategy_registry"  # the harvest's source kind for it is not decided yet
SITE_NAME = "Databáze strategií"
PER_PAGE = 20
LISTING = "/cz/strategie"
COVERAGE = (0.6, 0.8)  # share of the demo web's distinct strategies that have a record
LEVELS = ("mezinárodní", "národní", "regionální", "místní")
HTML = "text/html; charset=utf-8"

# The ten descriptors seen on a real record (NOTES.md §1 and taxonomy.json, "deskriptory").
DESCRIPTORS_SEEN = (
    "IV.e transfer znalostí a technologií", "V.c infrastruktura ICT", "V.d eSlužby, aplikace a produkty ICT",
    "V.e interoperabilita", "XVII.b optimalizace procesů ve veřejné správě", "XVII.c veřejné služby",
    "XVII.d digitalizace agend veřejné správy", "XVII.e kvalifikace ve veřejné správě",
    "XVII.f komunální služby a občanská vybavenost", "XVII.h participace občanů na veřejné správě")
# INVENTED for the demo: plausible codes in the same "roman numeral.letter" form; the real list is unknown.
DESCRIPTORS_INVENTED = (
    "VI.a veřejná doprava", "VI.c udržitelná městská mobilita", "VI.e dopravní infrastruktura",
    "VII.b úspory energie", "VII.d obnovitelné zdroje energie", "IX.a bydlení", "X.c předškolní a základní "
    "vzdělávání", "XI.b sociální služby", "XII.a ochrana přírody a krajiny", "XII.d hospodaření s vodou",
    "XIII.c cestovní ruch", "XVI.a rozvoj venkova", "XVI.b rozvoj měst a aglomerací")
_D = {d.split(" ", 1)[0]: d for d in DESCRIPTORS_SEEN + DESCRIPTORS_INVENTED}
DESCRIPTOR_POOLS: dict[str, tuple[str, ...]] = {
    "programme_municipal_development": ("XVII.f", "XVII.c", "XVII.h", "XVI.a", "IX.a", "VI.e", "XII.d"),
    "strategic_development_plan_municipal": ("XVII.f", "XVII.c", "XVII.h", "XVI.b", "IX.a", "VI.e", "X.c",
                                             "XI.b"),
    "action_plan": ("XVII.f", "XVII.c", "VI.e", "X.c", "XII.d"),
    "smart_city_strategy": ("V.c", "V.d", "V.e", "XVII.d", "XVII.b", "XVII.h", "IV.e", "XVII.e"),
    "sump": ("VI.a", "VI.c", "VI.e", "XVII.c"),
    "territorial_energy_concept": ("VII.b", "VII.d", "XVII.f"),
    "regional_development_strategy": ("XVI.a", "XVI.b", "IV.e", "VI.e", "X.c", "XI.b", "XIII.c"),
    "sclld": ("XVI.a", "XVII.h", "XIII.c"),
}

# ------------------------------------------------------------------ the registry's own wording
SUMMARY_OPEN: dict[str, tuple[str, ...]] = {
    "programme_municipal_development": (
        "Program rozvoje {who} shrnuje, co chce {noun} v letech {span} opravit, postavit a zlepšit.",
        "Střednědobý rozvojový dokument {who}: výchozí stav, rozvojové priority a zásobník záměrů na období {span}."),
    "strategic_development_plan_municipal": (
        "Strategický plán {who} stanoví dlouhodobou vizi, prioritní osy a cíle rozvoje na období {span}.",
        "Dokument určuje, kam se má {noun} v letech {span} rozvíjet, a řadí investiční záměry podle důležitosti."),
    "action_plan": (
        "Akční plán převádí vybraná opatření rozvojového dokumentu {who} na konkrétní projekty na roky {span}.",
        "Krátkodobý prováděcí dokument {who} s projekty, odhadem nákladů a odpovědnými osobami na roky {span}."),
    "smart_city_strategy": (
        "Koncepce popisuje, jak může {noun} v letech {span} využít data a digitální služby ve prospěch obyvatel.",
        "Dokument {who} k moderním technologiím ve správě a službách; navrhuje pilotní projekty na období {span}."),
    "sump": (
        "Plán mobility {who} řeší dopravu po celém území: pěší a cyklisty, veřejnou dopravu, parkování a "
        "bezpečnost, s horizontem {span}.",),
    "territorial_energy_concept": (
        "Energetická koncepce {who} bilancuje spotřebu energie a navrhuje úspory a vlastní zdroje na období {span}.",),
    "regional_development_strategy": (
        "Strategie rozvoje {who} je hlavním rozvojovým dokumentem kraje na období {span}; vymezuje priority "
        "kraje a jeho dotační politiky.",),
    "sclld": ("Strategie místní akční skupiny pro období {span}.",),
}
SUMMARY_MIDDLE = (
    "Návrhová část má {k} prioritních oblastí s cíli a opatřeními.",
    "Vznikl s účastí veřejnosti: dotazník, setkání s občany a pracovní skupina zastupitelů a spolků.",
    "Analytická část vychází ze statistických údajů, z místního šetření a z rozhovorů se starostou a úřadem.",
    "Obsahuje {k} strategických cílů a zásobník projektů, který se aktualizuje spolu s rozpočtem.",
)
SUMMARY_IMPL = (
    "Plnění vyhodnocuje úřad jednou ročně a zprávu předkládá zastupitelstvu.",
    "Realizace probíhá přes roční akční plány navázané na rozpočet.",
    "Financování se předpokládá z vlastních zdrojů a z dotačních programů státu, kraje a EU.",
    "",
)
ABSENT_TITLES = ("Program rozvoje {gen} {X} {a}–{b}", "Strategický plán rozvoje {gen} {X} na období {a}–{b}",
                 "Program obnovy vesnice {X} {a}–{b}", "Akční plán {gen} {X} {a}–{b}")
ABSENT_TYPES = ("programme_municipal_development", "strategic_development_plan_municipal",
                "programme_municipal_development", "action_plan")
# National and international strategies the registry hosts itself: (gestor slug, gestor, name, level, years,
# approved, descriptor codes, summary). The names are real documents; slugs other than "mmr", dates, summaries
# and descriptors are the demo's own, not the live registry's.
NATIONAL: tuple[tuple, ...] = (
    ("mmr", "Ministerstvo pro místní rozvoj", "Strategie regionálního rozvoje ČR 2021+", "národní", (2021, None),
     "2020-06-01", ("XVI.a", "XVI.b", "XVII.c", "XVII.f"),
     "Národní rámec pro rozvoj krajů, měst a obcí; určuje typy území, jejich potřeby a podporu z veřejných zdrojů."),
    ("mmr", "Ministerstvo pro místní rozvoj", "Koncepce Smart Cities – odolnost prostřednictvím SMART řešení pro "
     "obce, města a regiony", "národní", (2021, 2030), "2021-07-12", ("IV.e", "V.c", "V.d", "V.e", "XVII.b",
                                                                      "XVII.c", "XVII.d", "XVII.h"),
     "Dokument podporuje obce, města a regiony v přípravě a zavádění moderních řešení ve službách a správě."),
    ("mmr", "Ministerstvo pro místní rozvoj", "Koncepce rozvoje venkova", "národní", (2020, 2027), "2019-11-25",
     ("XVI.a", "XVII.f", "XVII.h"),
     "Rámec pro rozvoj venkovských obcí: služby, bydlení, doprava, krajina a spolupráce obcí."),
    ("mmr", "Ministerstvo pro místní rozvoj", "Koncepce bydlení České republiky do roku 2030", "národní",
     (None, 2030), "2021-03-15", ("IX.a", "XVII.c"),
     "Dokument se zabývá dostupností bydlení, nástroji státu a rolí obcí v bytové politice."),
    ("mmr", "Ministerstvo pro místní rozvoj", "Územní agenda 2030", "mezinárodní", (2020, 2030), "2020-12-01",
     ("XVI.a", "XVI.b", "XII.a"),
     "Evropský rámec územního rozvoje; národní gestor sleduje jeho promítnutí do českých politik."),
    ("md", "Ministerstvo dopravy", "Dopravní politika ČR pro období 2021–2027 s výhledem do roku 2050", "národní",
     (2021, 2027), "2021-01-25", ("VI.a", "VI.c", "VI.e"),
     "Cíle státu v dopravě: bezpečnost, udržitelnost, veřejná doprava a údržba dopravní infrastruktury."),
    ("mpo", "Ministerstvo průmyslu a obchodu", "Státní energetická koncepce", "národní", (2015, 2040),
     "2015-05-18", ("VII.b", "VII.d"),
     "Dlouhodobé cíle energetiky státu: spolehlivost dodávek, úspory a podíl obnovitelných zdrojů."),
    ("mv", "Ministerstvo vnitra", "Koncepce Digitální Česko", "národní", (2018, None), "2018-10-03",
     ("V.c", "V.d", "V.e", "XVII.d", "XVII.e"),
     "Program digitalizace veřejné správy: elektronické služby, propojení registrů a kvalifikace úředníků."),
)
NATIONAL_SECTIONS = (
    ("Úvod", ("{name} je dokumentem gestora {gestor}. Vznikl jako podklad pro rozhodování vlády, ministerstev "
              "a územních samospráv.",
              "Dokument navazuje na dřívější koncepční materiály a na závazky, které stát přijal.")),
    ("Východiska", ("Analytická část shrnuje vývoj posledních let, srovnání regionů a hlavní problémy, které "
                    "dokument řeší.",)),
    ("Cíle a opatření", ("Dokument stanoví strategické a specifické cíle; ke každému cíli uvádí opatření, "
                         "odpovědné instituce a termíny.",
                         "Plnění se sleduje pomocí indikátorů, jejichž hodnoty gestor pravidelně zveřejňuje.")),
    ("Implementace", ("Za naplňování odpovídá {gestor}; o plnění informuje vládu zprávou jednou za dva roky.",)),
)


@dataclass
class Record:
    """One registry entry: what its detail page shows, plus the truth (`document_url`, `origin`, ...)."""

    record_id: int
    gestor_slug: str
    gestor_name: str
    slug: str
    name: str
    level: str
    zpracovatel: str
    approved_on: str | None
    valid_from: int | None
    valid_to: int | None
    validity_text: str
    summary: str
    descriptors: list[str]
    fulltext_urls: list[str]
    municipality_code: str | None
    municipality: str | None
    kraj: str | None
    document_url: str | None  # truth: manifest url of the demo document described
    document_group: str | None  # truth: its same_document_group (copies, twins, re-saves of one text)
    origin: str  # demo_site | registry | absent_site
    fulltext_live: bool  # truth: does the first full-text link answer 200
    document_title: str | None = None  # truth: the document's own title (the name may differ)

    @property
    def detail_path(self) -> str:
        return f"/cz/{self.gestor_slug}/strategie/{self.slug}?typ=detail"


@dataclass
class Registry(PortalAddress):
    """The registry as a portal of the demo web (same shape as demo_web.portals.Portal for the server)."""

    records: list[Record]
    port: int
    seed: int
    candidates: list[str] = field(default_factory=list)  # manifest urls of the demo strategies considered
    missing: list[str] = field(default_factory=list)  # those without a record
    hosted: dict[str, Record] = field(default_factory=dict)  # path -> record whose full text the registry serves
    portal_id: str = PORTAL_ID
    source_kind: str = SOURCE_KIND
    name: str = SITE_NAME
    start_path: str = LISTING
    extra_paths: list[str] = field(default_factory=list)
    _index: dict[tuple[str, str], Record] = field(default_factory=dict, repr=False)

    def respond(self, path_qs: str) -> Reply:
        return respond(self, path_qs)

    def listing(self) -> list[Record]:
        """Records in listing order (stable: by accent-free name, then id)."""
        return sorted(self.records, key=lambda r: (_fold(r.name), r.record_id))

    def record_at(self, gestor_slug: str, slug: str) -> Record | None:
        if len(self._index) != len(self.records):
            self._index = {(r.gestor_slug, r.slug): r for r in self.records}
        return self._index.get((gestor_slug, slug))

    def by_gestor(self) -> dict[str, list[Record]]:
        out: dict[str, list[Record]] = {}
        for r in self.listing():
            out.setdefault(r.gestor_slug, []).append(r)
        return out


# ------------------------------------------------------------------ building
def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def _strategy_groups(web: Web) -> list[tuple[Site, list[Doc]]]:
    """Distinct approved strategy texts of municipal and regional sites: (owning site, its documents there).
    A text republished elsewhere (a region copying a town's plan) belongs to the site whose name is its author."""
    groups: dict[str, list[tuple[Site, Doc]]] = {}
    for s in web.sites:
        if s.kind not in ("municipal_site", "regional_site"):
            continue
        for d in s.docs:
            if d.spec.is_strategy and d.status == 200 and d.approved_on:
                groups.setdefault(d.same_document_group or f"{s.site_id}:{d.url}", []).append((s, d))
    out = []
    for members in groups.values():
        owner = next((s for s, d in members if s.name == d.spec.org_name), members[0][0])
        out.append((owner, [d for s, d in members if s is owner]))
    return out


def _primary(docs: list[Doc]) -> Doc:
    """The document a registry editor would link: the original PDF rather than a twin or re-save."""
    return min(docs, key=lambda d: (d.fmt != "pdf", d.spec.profile != "", d.resave_group is not None, d.num))


def _registry_name(title: str, rng: random.Random) -> str:
    """The title as an editor retypes it: hyphen for the dash, a word dropped, other capitalisation."""
    r = rng.random()
    if r < 0.45:
        return title
    if r < 0.6:
        return title.replace("–", "-")
    if r < 0.7 and "plán rozvoje " in title:
        return title.replace("plán rozvoje ", "plán ")
    if r < 0.8 and " na období " in title:
        return title.replace(" na období ", " ")
    if r < 0.9:
        return " ".join(w[:1].upper() + w[1:] if len(w) > 3 else w for w in title.split(" "))
    return title.replace(" – ", " - ").replace("–", " – ")


def _validity(years: tuple[int | None, int | None], rng: random.Random) -> tuple[int | None, int | None, str]:
    """(valid_from, valid_to, text shown): "2021–2030", "2021 - 2030", or one open end ("od 2021", "do roku 2030")."""
    a, b = years
    if a is None and b is None:
        return None, None, "neuvedeno"
    if a is None:
        return None, b, f"do roku {b}"
    if b is None:
        return a, None, f"od {a}"
    r = rng.random()
    if r < 0.7:
        return a, b, f"{a}–{b}"
    if r < 0.85:
        return a, b, f"{a} - {b}"
    if r < 0.93:
        return a, None, f"od {a}"
    return None, b, f"do roku {b}"


def _descriptors(doc_type: str, rng: random.Random) -> list[str]:
    pool = DESCRIPTOR_POOLS.get(doc_type, DESCRIPTOR_POOLS["programme_municipal_development"])
    codes = rng.sample(pool, rng.randint(1, min(4, len(pool))))
    return [_D[c] for c in pool if c in codes]  # in the pool's order, as a registry lists them


def _summary(doc_type: str, who: str, noun: str, span: str, rng: random.Random) -> str:
    opening = rng.choice(SUMMARY_OPEN.get(doc_type, SUMMARY_OPEN["programme_municipal_development"]))
    parts = [opening, rng.choice(SUMMARY_MIDDLE), rng.choice(SUMMARY_IMPL)]
    text = " ".join(p for p in parts if p).format(who=who, noun=noun, span=span, k=rng.randint(5, 7))
    return text[0].upper() + text[1:]


def _span(a: int | None, b: int | None) -> str:
    return f"{a}–{b}" if a and b else (f"od roku {a}" if a else f"do roku {b}")


def _who(site: Site) -> tuple[str, str, str | None, str | None, str | None]:
    """(genitive phrase, noun, municipality code, municipality name, kraj name) of a site."""
    if site.municipality:
        m = site.municipality
        noun = {"obce": "obec", "města": "město", "městyse": "městys"}[m.status_genitive]
        return f"{m.status_genitive} {m.name}", noun, m.code, m.name, m.kraj_name
    return site.kraj.genitive, "kraj", None, None, site.kraj.name


def _site_record(site: Site, docs: list[Doc], rng: random.Random) -> dict:
    d = _primary(docs)
    who, noun, code, muni, kraj = _who(site)
    urls = [site.base_url + d.url]
    twin = next((x for x in docs if x.twin_group and x.twin_group == d.twin_group and x is not d), None)
    if twin is not None and rng.random() < 0.3:
        urls.append(site.base_url + twin.url)
    vf, vt, vtext = _validity(d.spec.validity or (None, None), rng)
    zpracovatel = rng.choice([site.name, site.name, f"{site.office_name} {muni}" if muni else site.name,
                              rng.choice(CONSULTANTS)])
    return dict(
        gestor_name=site.name, name=_registry_name(d.spec.title, rng), level="místní" if muni else "regionální",
        zpracovatel=zpracovatel, approved_on=d.approved_on if rng.random() < 0.9 else None,
        valid_from=vf, valid_to=vt, validity_text=vtext,
        summary=_summary(d.spec.doc_type, who, noun, _span(*(d.spec.validity or (None, None))), rng),
        descriptors=_descriptors(d.spec.doc_type, rng), fulltext_urls=urls, municipality_code=code,
        municipality=muni, kraj=kraj, document_url=site.base_url + d.url, document_group=d.same_document_group,
        origin="demo_site", fulltext_live=True, document_title=d.spec.title)


def _national_record(row: tuple, rng: random.Random) -> dict:
    gslug, gestor, name, level, years, approved, codes, summary = row
    vf, vt = years  # national periods are shown as they are
    vtext = f"{vf}–{vt}" if vf and vt else _validity(years, rng)[2]
    return dict(
        gestor_name=gestor, name=name, level=level, zpracovatel=rng.choice([gestor, f"{gestor}, odbor strategií"]),
        approved_on=approved, valid_from=vf, valid_to=vt, validity_text=vtext, summary=summary,
        descriptors=[_D[c] for c in codes], fulltext_urls=[], municipality_code=None, municipality=None,
        kraj=None, document_url=None, document_group=None, origin="registry", fulltext_live=True,
        _gestor_slug=gslug)


def _absent_record(m, rng: random.Random) -> dict:
    k = rng.randrange(len(ABSENT_TITLES))
    a = rng.choice([2019, 2020, 2021, 2022])
    b = a + rng.choice([5, 6, 8])
    title = ABSENT_TITLES[k].format(gen=m.status_genitive, X=m.name, a=a, b=b)
    vf, vt, vtext = _validity((a, b), rng)
    noun = {"obce": "obec", "města": "město", "městyse": "městys"}[m.status_genitive]
    return dict(
        gestor_name=m.official_name, name=title, level="místní", zpracovatel=rng.choice([m.official_name,
                                                                                        rng.choice(CONSULTANTS)]),
        approved_on=date(a - 1, rng.randint(1, 12), rng.randint(1, 28)).isoformat() if rng.random() < 0.7 else None,
        valid_from=vf, valid_to=vt, validity_text=vtext,
        summary=_summary(ABSENT_TYPES[k], f"{m.status_genitive} {m.name}", noun, f"{a}–{b}", rng),
        descriptors=_descriptors(ABSENT_TYPES[k], rng), fulltext_urls=[], municipality_code=m.code,
        municipality=m.name, kraj=m.kraj_name, document_url=None, document_group=None, origin="absent_site",
        fulltext_live=False, _dead=rng.random() < 0.5)


def _coverage_count(n: int, rng: random.Random) -> int:
    """How many of n strategies get a record: a share drawn in COVERAGE, kept inside it when n allows."""
    lo, hi = math.ceil(COVERAGE[0] * n), math.floor(COVERAGE[1] * n)
    k = round(n * rng.uniform(*COVERAGE))
    return min(max(k, lo), hi) if lo <= hi else round(0.7 * n)


def build_registry(web: Web, seed: int, port: int | None = None) -> Registry:
    """The registry of a demo web (same web and seed, same registry). `port` defaults to the second port after the
    sites (the first is the IS VaVaI portal's, demo_web.portals)."""
    rng = random.Random(f"{seed}:strategy-registry")
    port = port if port is not None else web.base_port + len(web.sites) + 1
    reg = Registry(records=[], port=port, seed=seed)
    groups = _strategy_groups(web)
    reg.candidates = [s.base_url + _primary(docs).url for s, docs in groups]
    chosen = set(rng.sample(range(len(groups)), _coverage_count(len(groups), rng)))
    reg.missing = [u for i, u in enumerate(reg.candidates) if i not in chosen]
    drafts = [_site_record(s, docs, rng) for i, (s, docs) in enumerate(groups) if i in chosen]
    drafts += [_national_record(row, rng) for row in NATIONAL]
    demo_codes = {s.municipality_code for s in web.municipal}
    pool = [m for m in load_municipalities() if m.code not in demo_codes]
    absent = 3 + len(web.municipal) // 10
    drafts += [_absent_record(m, rng) for m in rng.sample(pool, absent)]
    ids = rng.sample(range(1000, 9999), len(drafts))
    gestor_slugs: dict[str, str] = {}  # gestor name -> slug (a second gestor of the same name gets its code)
    taken: set[tuple[str, str]] = set()
    for rid, d in zip(ids, drafts):
        gslug = d.pop("_gestor_slug", None) or gestor_slugs.get(d["gestor_name"] + (d["municipality_code"] or ""))
        if gslug is None:
            gslug = slugify(d["gestor_name"])
            if gslug in gestor_slugs.values():
                gslug = f"{gslug}-{d['municipality_code'] or rid}"
            gestor_slugs[d["gestor_name"] + (d["municipality_code"] or "")] = gslug
        slug, n = slugify(d["name"], 90), 2
        while (gslug, slug) in taken:
            slug, n = f"{slugify(d['name'], 90)}-{n}", n + 1
        taken.add((gslug, slug))
        dead = d.pop("_dead", False)
        rec = Record(record_id=rid, gestor_slug=gslug, slug=slug, **d)
        if rec.origin == "registry":
            path = f"/soubory/{rid}/{slug}.pdf"
            reg.hosted[path] = rec
            rec.fulltext_urls = [reg.base_url + path]
        elif dead:  # the attachment was deleted from the registry: the link answers 404
            rec.fulltext_urls = [f"{reg.base_url}/soubory/{rid}/{slug}.pdf"]
        reg.records.append(rec)
    return reg


def truth_rows(registry: Registry) -> list[dict]:
    """One row per record: every field the detail page shows plus the truth (document_url, origin, ...)."""
    return [{**asdict(r), "detail_url": registry.base_url + r.detail_path} for r in registry.listing()]


# ------------------------------------------------------------------ serving
def _page(title: str, body: str) -> bytes:
    return (f'<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8"><title>{escape(title)} | {SITE_NAME}'
            f'</title></head><body><header><a href="/">{SITE_NAME}</a> – portál strategické práce v ČR</header>'
            f"<main>{body}</main><footer>© Ministerstvo pro místní rozvoj ČR</footer></body></html>").encode()


def _html(body: bytes, status: int = 200) -> Reply:
    return Reply(status, {"Content-Type": HTML}, body)


def _not_found() -> Reply:
    return _html(_page("Stránka nenalezena", "<h1>404 – Stránka nenalezena</h1>"
                       f'<p><a href="{LISTING}">Přehled strategií</a></p>'), 404)


def _rows(records: list[Record]) -> str:
    rows = "".join(f'<tr><td><a href="{escape(r.detail_path)}">{escape(r.name)}</a></td>'
                   f'<td><a href="/cz/{r.gestor_slug}/strategie">{escape(r.gestor_name)}</a></td>'
                   f"<td>{r.level}</td></tr>" for r in records)
    return f"<table><tr><th>Název</th><th>Gestor</th><th>Úroveň</th></tr>{rows}</table>"


def _listing(registry: Registry, page: int) -> Reply:
    records = registry.listing()
    pages = max(1, math.ceil(len(records) / PER_PAGE))
    if not 1 <= page <= pages:
        return _not_found()
    chunk = records[(page - 1) * PER_PAGE: page * PER_PAGE]
    nav = " ".join(str(no) if no == page else f'<a href="{LISTING}?strana={no}">{no}</a>' for no in range(1, pages + 1))
    if page < pages:
        nav += f' <a href="{LISTING}?strana={page + 1}" rel="next">další</a>'
    body = (f"<h1>Strategie</h1><p>Celkem záznamů: {len(records)}, strana {page} z {pages}</p>{_rows(chunk)}"
            f'<nav class="paging">{nav}</nav>')
    return _html(_page(f"Strategie – strana {page}", body))


def _gestor_listing(registry: Registry, gslug: str) -> Reply:
    records = registry.by_gestor().get(gslug)
    if not records:
        return _not_found()
    body = f"<h1>{escape(records[0].gestor_name)} – strategie</h1>{_rows(records)}"
    return _html(_page(records[0].gestor_name, body))


def _detail(registry: Registry, r: Record) -> Reply:
    links = "".join(f'<li><a href="{escape(u)}">Plný text dokumentu{" – další formát" if i else ""}</a></li>'
                    for i, u in enumerate(r.fulltext_urls))
    fields = [("Identifikátor", str(r.record_id)),
              ("Gestor", f'<a href="/cz/{r.gestor_slug}/strategie">{escape(r.gestor_name)}</a>'),
              ("Úroveň", r.level.capitalize())]
    if r.municipality:
        fields.append(("Území", escape(r.municipality)))
    if r.kraj:
        fields.append(("Kraj", escape(r.kraj)))
    fields += [("Zpracovatel", escape(r.zpracovatel)),
               ("Datum schválení", cz_date(r.approved_on) if r.approved_on else "neuvedeno"),
               ("Platnost", escape(r.validity_text)),
               ("Obsah a implementace", f"<p>{escape(r.summary)}</p>"),
               ("Deskriptory", "<ul>" + "".join(f"<li>{escape(d)}</li>" for d in r.descriptors) + "</ul>"),
               ("Odkaz na plný text", f"<ul>{links}</ul>" if links else "Plný text není k dispozici.")]
    dl = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in fields)
    body = (f'<nav class="breadcrumbs"><a href="{LISTING}">Strategie</a> › <a href="/cz/{r.gestor_slug}/strategie">'
            f"{escape(r.gestor_name)}</a></nav><h1>{escape(r.name)}</h1><dl class=\"zakladni-informace\">{dl}</dl>")
    return _html(_page(r.name, body))


@lru_cache(maxsize=64)
def _pdf(name: str, gestor: str, approved: str | None, validity: str, zpracovatel: str, record_id: int) -> bytes:
    sections = tuple((h, tuple(p.format(name=name, gestor=gestor) for p in paras)) for h, paras in NATIONAL_SECTIONS)
    cover = tuple(x for x in (f"Období: {validity}", f"Schváleno dne {cz_date(approved)}" if approved else "",
                              f"Zpracovatel: {zpracovatel}") if x)
    content = Content(title=name, org_line=gestor, place_line="Praha", cover_lines=cover, sections=sections,
                      table=None, footer=f"{gestor} – {name}")
    return render_pdf(content, "normal", record_id, name, gestor)


def _hosted(r: Record) -> Reply:
    body = _pdf(r.name, r.gestor_name, r.approved_on, r.validity_text, r.zpracovatel, r.record_id)
    return Reply(200, {"Content-Type": "application/pdf",
                       "Content-Disposition": f'inline; filename="{r.slug}.pdf"'}, body)


def respond(registry: Registry, path_qs: str) -> Reply:
    """The reply for one request target: robots, home, listings, detail pages, hosted PDFs; 404 otherwise."""
    parts = urlsplit(path_qs)
    path = unquote(parts.path) or "/"
    query = parse_qs(parts.query)
    if path == "/robots.txt":
        return Reply(200, {"Content-Type": "text/plain; charset=utf-8"}, b"User-agent: *\nAllow: /\n")
    if path == "/":
        return _html(_page(SITE_NAME, f"<h1>{SITE_NAME}</h1><p>Informační systém strategických a koncepčních "
                                      f'dokumentů.</p><p><a href="{LISTING}">Přehled strategií</a></p>'))
    if path == LISTING:
        raw = query.get("strana", ["1"])[0]
        return _listing(registry, int(raw)) if raw.isdigit() else _not_found()
    if path in registry.hosted:
        return _hosted(registry.hosted[path])
    segs = path.strip("/").split("/")
    if len(segs) == 3 and segs[0] == "cz" and segs[2] == "strategie" and not query:
        return _gestor_listing(registry, segs[1])
    if len(segs) == 4 and segs[0] == "cz" and segs[2] == "strategie" and query.get("typ") == ["detail"]:
        hit = registry.record_at(segs[1], segs[3])
        if hit is not None:
            return _detail(registry, hit)
    return _not_found()
