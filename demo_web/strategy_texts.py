"""Bodies of strategy documents: how Czech municipal and regional plans are actually written.

A development plan runs to many pages: an introduction (what the document is for, its legal footing,
its links to other plans), how it was prepared and how the public took part, an analysis of the
current state with the municipality's own figures (territory, population, age structure, housing,
roads, water, school, clubs, economy, budget, survey results), a SWOT summary, a vision, priority
areas with goals and numbered measures naming concrete local projects, indicators with baseline and
target values, a project list with costs, deadlines and responsible persons, financing, how it is
carried out, monitored and updated, and its validity and approval. Action plans, smart, mobility and
energy concepts, regional strategies and a MAS strategy have the parts such documents really have.

Each part has several wordings (strategy_phrases.py and the banks below), picked by the document's own
RNG, so two documents share structure but rarely sentences. A municipality's figures (area, age
structure, budget ...) come from figures(), a pure function of its name and population, so all its
documents agree. Vocabulary comes from vocab.py and strategy_phrases.py (the generator's own); nothing
here is derived from a classifier.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from . import strategy_phrases as P
from .vocab import (BASE_THEMES, CONSULTANTS, GRANT_SOURCES, SMART_PILLARS, SMART_PROJECTS, THEMES, Local, fill,
                    is_female, local, person)

if TYPE_CHECKING:  # pragma: no cover
    from .model import DocSpec

Sections = list[tuple[str, tuple[str, ...]]]
Table = tuple[tuple[str, ...], ...] | None

NOUN_GEN = {"obec": "obce", "město": "města", "městys": "městyse", "kraj": "kraje"}
NOUN_DAT = {"obec": "obci", "město": "městu", "městys": "městysi", "kraj": "kraji"}
IN_X = {"obec": "v obci", "město": "ve městě", "městys": "v městysi", "kraj": "v kraji"}
OFFICE = {"obec": "obecní úřad", "město": "městský úřad", "městys": "úřad městyse", "kraj": "krajský úřad"}
MONTHS_GEN = ("ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
              "listopadu", "prosince")
MONTHS_LOC = ("v lednu", "v únoru", "v březnu", "v dubnu", "v květnu", "v červnu", "v červenci", "v srpnu",
              "v září", "v říjnu", "v listopadu", "v prosinci")


def _n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def _d(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def kc(value: float) -> str:
    """An amount in Czech notation: '650 tis. Kč', '1,8 mil. Kč', '1,25 mld. Kč'."""
    if value >= 1_000_000_000:
        return f"{_d(value / 1e9, 2)} mld. Kč"
    if value >= 1_000_000:
        return f"{_d(value / 1e6)} mil. Kč"
    return f"{max(1, int(value) // 1000)} tis. Kč"


def _agr(noun: str) -> str:
    return "o" if noun == "město" else ("a" if noun == "obec" else "")


# ------------------------------------------------------------------ a municipality's own figures
@dataclass(frozen=True)
class Figures:
    area: float
    alt: int
    pop2011: int
    trend: str  # up | down | flat
    child: float
    senior: float
    avg_age: float
    births: int
    deaths: int
    moved_in: int
    moved_out: int
    houses: int
    empty: int
    firms: int
    unemp: float
    income: float
    spending: float
    capital: float
    debt: float
    reserve: float
    farm: int
    forest: int


@lru_cache(maxsize=4096)
def figures(name: str, population: int) -> Figures:
    """Deterministic facts of one municipality (every document of it quotes the same ones)."""
    r = random.Random(f"figures:{name}")
    p = max(population, 50)
    trend = r.choice(["up", "up", "down", "flat"])
    factor = {"up": r.uniform(0.82, 0.95), "down": r.uniform(1.04, 1.12), "flat": r.uniform(0.98, 1.02)}[trend]
    child, senior = r.uniform(13.5, 18.5), r.uniform(17.0, 25.5)
    per_capita = r.uniform(24_000, 38_000)
    income = p * per_capita
    capital = income * r.uniform(0.15, 0.4)
    return Figures(
        area=round(max(1.5, p ** 0.5 * r.uniform(0.2, 0.5) + r.uniform(2, 9)), 1), alt=r.randint(180, 640),
        pop2011=int(p * factor), trend=trend, child=round(child, 1), senior=round(senior, 1),
        avg_age=round(r.uniform(40.5, 45.5), 1), births=max(1, round(p * r.uniform(0.008, 0.012))),
        deaths=max(1, round(p * r.uniform(0.009, 0.013))), moved_in=max(2, round(p * r.uniform(0.025, 0.045))),
        moved_out=max(1, round(p * r.uniform(0.02, 0.04))), houses=max(20, round(p / r.uniform(2.6, 3.4))),
        empty=max(2, round(p / r.uniform(18, 40))), firms=max(8, round(p * r.uniform(0.17, 0.26))),
        unemp=round(r.uniform(1.8, 5.9), 1), income=income, spending=income * r.uniform(0.9, 1.08),
        capital=capital, debt=0.0 if r.random() < 0.5 else income * r.uniform(0.05, 0.35),
        reserve=income * r.uniform(0.15, 0.8), farm=r.randint(38, 72), forest=r.randint(8, 45))


# ------------------------------------------------------------------ document context
@dataclass
class Ctx:
    spec: "DocSpec"
    rng: random.Random
    loc: Local
    X: str  # the municipality / region / MAS name
    who: str  # "obce Lhota", "města Beroun", "Jihomoravského kraje"
    noun: str  # obec | město | městys | kraj
    y0: int
    y1: int
    fig: Figures | None = None
    vars: dict = field(default_factory=dict)

    @property
    def span(self) -> str:
        return f"{self.y0}–{self.y1}"

    @property
    def size(self) -> int:
        """0 village under 500, 1 village, 2 small town, 3 town, 4 city (and regions)."""
        p = self.spec.population
        return 0 if p < 500 else 1 if p < 2000 else 2 if p < 10000 else 3 if p < 50000 else 4

    def fill(self, template: str, **extra) -> str:
        values = {**self.vars, **extra}
        values.pop("noun", None)  # vocab.fill's own argument
        return fill(template, self.rng, self.loc, self.X, self.spec.population, self.noun, **values)

    def say(self, bank, **extra) -> str:
        """One wording of a bank, filled; "" when the empty wording was drawn."""
        template = self.rng.choice(bank)
        return self.fill(template, **extra) if template else ""

    def says(self, bank, count: int, **extra) -> list[str]:
        """`count` different wordings of a bank, filled (empty ones left out)."""
        picked = self.rng.sample(bank, k=min(count, len(bank)))
        return [self.fill(t, **extra) for t in picked if t]

    def money(self, lo: int, hi: int) -> str:
        """An amount between lo and hi tens of thousands of Kč, scaled a little by size: '1,8 mil. Kč'."""
        return kc(self.rng.randint(lo, hi) * 10_000 * self.scale)

    @property
    def scale(self) -> float:
        return (1.0, 1.0, 1.6, 3.0, 5.0)[self.size]

    def named(self, title: str | None = None) -> str:
        """The document's name with its period unless the name already says it."""
        title = title or self.spec.title
        if str(self.y1) in title:
            return title
        return f"{title} na období {self.span}"


def context(spec: "DocSpec", rng: random.Random) -> Ctx:
    y0, y1 = spec.validity or (int(spec.published[:4]), int(spec.published[:4]) + 5)
    noun = {"obce": "obec", "města": "město", "městyse": "městys"}.get(spec.gen, "kraj")
    who = f"{spec.gen} {spec.municipality}" if spec.gen != "kraje" else genitive_of_region(spec.municipality)
    c = Ctx(spec, rng, local(spec.municipality), spec.municipality, who, noun, y0, y1)
    loc = c.loc
    kraj = spec.place.split(", ", 1)[1] if ", " in spec.place else spec.place
    okres = spec.place.split(", ", 1)[0].replace("okres ", "") if ", " in spec.place else spec.municipality
    mr = random.Random(f"micro:{spec.municipality}")
    p = max(spec.population, 50)
    c.vars = {
        "X": c.X, "who": who, "noun": noun, "Noun": noun.capitalize(), "noun_gen": NOUN_GEN[noun],
        "in_X": IN_X[noun], "span": c.span, "y0": y0, "y1": y1, "mid": (y0 + y1) // 2, "prev": y0 - 1,
        "kraj": kraj, "kraj_gen": genitive_of_region(kraj), "okres": okres, "mayor": loc.mayor,
        "mayor_t": "starostka" if is_female(loc.mayor) else "starosta", "deputy": loc.deputy,
        "deputy_t": "místostarostka" if is_female(loc.deputy) else "místostarosta", "clerk": loc.clerk,
        "office": OFFICE[noun], "council": f"zastupitelstvo {NOUN_GEN[noun]}", "agr": _agr(noun),
        "title": c.named(), "micro": mr.choice(P.MICRO).format(a=mr.choice(P.MICRO_NAMES)),
        "flats": max(4, min(12, p // 150)), "payback": rng.randint(6, 14),
    }
    if noun != "kraj":
        c.fig = figures(spec.municipality, spec.population)
    return c


def genitive_of_region(name: str) -> str:
    """"Zlínský kraj" -> "Zlínského kraje"; other bodies (a MAS) keep their name."""
    from .registry import Kraj

    return Kraj("", name).genitive if "kraj" in name.lower() else name


# ------------------------------------------------------------------ headings
# A style numbers chapters and their subsections; the words of each chapter vary independently.
HEAD_STYLES = (
    ("{i}. {t}", "{i}.{j} {t}"), ("{L}. {t}", "{L}.{j} {t}"), ("Kapitola {i} – {t}", "{i}.{j} {t}"),
    ("{t}", "{t}"), ("{R}. {t}", "{R}.{j} {t}"),
)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV")
HEAD_WORDS = {
    "intro": ("Úvod", "Úvodem", "Proč dokument vzniká", "Úvod a účel dokumentu", "Účel a postavení dokumentu"),
    "process": ("Postup zpracování a zapojení veřejnosti", "Jak dokument vznikal", "Zpracování a participace",
                "Příprava dokumentu", "Proč a jak dokument vznikl"),
    "analysis": ("Analytická část", "Popis současného stavu", "Kde jsme dnes", "Profil {noun_gen}",
                 "Analýza výchozího stavu"),
    "people": ("Území a obyvatelstvo", "Základní údaje a obyvatelé", "Poloha, území a lidé", "Obyvatelstvo"),
    "fields": ("Stav jednotlivých oblastí", "Infrastruktura, služby a společenský život", "Vybavenost a "
               "infrastruktura", "Oblasti života {noun_gen}"),
    "economy": ("Hospodářství a rozpočet", "Ekonomika a finance {noun_gen}", "Podnikání, práce a hospodaření",
                "Trh práce a rozpočet"),
    "survey": ("Názory obyvatel", "Výsledky dotazníkového šetření", "Co říkají občané", "Podněty veřejnosti"),
    "swot": ("SWOT analýza", "Silné a slabé stránky", "Shrnutí hlavních zjištění", "Co nám pomáhá a co nás brzdí"),
    "vision": ("Vize", "Strategická vize", "Kam chceme dojít", "Vize {X} {y1}", "Vize a zásady"),
    "design": ("Návrhová část", "Priority, cíle a opatření", "Rozvojové oblasti", "Strategická část",
               "Vize a rozvojové oblasti"),
    "indicators": ("Indikátory", "Měřitelné ukazatele", "Jak poznáme pokrok", "Monitorovací indikátory"),
    "projects": ("Zásobník projektů", "Projekty na nejbližší roky", "Akční plán", "Seznam projektových záměrů"),
    "finance": ("Financování", "Finanční rámec", "Z čeho budeme projekty platit", "Zdroje financování"),
    "implement": ("Implementace a vyhodnocování", "Realizace a aktualizace dokumentu", "Řízení naplňování",
                  "Jak budeme postupovat", "Implementační část"),
    "closing": ("Platnost a schválení", "Závěrečná ustanovení", "Schvalovací doložka", "Platnost dokumentu"),
}


class Heads:
    """Chapter and subsection headings in one numbering style."""

    def __init__(self, c: Ctx, words: dict | None = None):
        self.c = c
        self.top, self.sub = c.rng.choice(HEAD_STYLES)
        self.words = words or HEAD_WORDS
        self.i, self.j = 0, 0

    def _word(self, key: str) -> str:
        w = self.words.get(key, (key,))
        return self.c.rng.choice(w).format(**self.c.vars) if isinstance(w, tuple) else w

    def chapter(self, key: str) -> str:
        self.i += 1
        self.j = 0
        return self.top.format(i=self.i, L="ABCDEFGHIJKLMNOP"[self.i - 1], R=ROMAN[self.i - 1], t=self._word(key))

    def section(self, key: str) -> str:
        self.j += 1
        return self.sub.format(i=self.i, L="ABCDEFGHIJKLMNOP"[self.i - 1], R=ROMAN[self.i - 1], j=self.j,
                               t=self._word(key))


# ------------------------------------------------------------------ shared pieces
AREA_LABEL = ("Prioritní oblast {i}: {name}", "Priorita {L} – {name}", "Rozvojová oblast {i} – {name}",
              "Oblast {i}. {name}", "Pilíř {i}: {name}")
GOAL_LABEL = ("Cíl {i}.{j}: {goal}", "Strategický cíl {i}.{j} – {goal}", "Specifický cíl {i}.{j}: {goal}")
MEASURE_LABEL = ("Opatření {i}.{j}.{k}: {text}", "Aktivita {i}.{j}.{k} – {text}", "{i}.{j}.{k} {text}")
RESP_VILLAGE = ("{mayor_t}", "{deputy_t}", "{office}", "stavební komise", "finanční výbor", "kontrolní výbor")
RESP_TOWN = ("odbor investic", "odbor správy majetku", "odbor rozvoje", "odbor dopravy", "odbor životního "
             "prostředí", "technické služby", "tajemník úřadu", "{deputy_t}")
RESP_THEME = {"school": ("ředitel školy", "ředitelka MŠ"), "safety": ("velitel JSDH", "starosta SDH"),
              "community": ("kulturní komise", "sportovní komise"), "services": ("sociální komise",),
              "office": ("tajemník úřadu", "{office}")}
# Projects by cost class: words in the project's name -> (lo, hi) in tens of thousands of Kč
COST_CLASSES = (
    (("kanalizac", "čistírn", "vodovod", "Přístavba mateřské", "Přestavba", "Zasíťování", "vrt ", "Rekonstrukce komunikace",
      "Stezka", "Byty pro", "cisterna"), (250, 1800)),
    (("Oprava", "Rekonstrukce", "Zateplení", "Chodník", "Parkoviště", "hřiště", "Fotovoltaika", "Tepelné",
      "Revitalizace hlavního", "Ordinace", "Šatny", "garáž", "učebna", "Přístavba", "Výměna vodovodního", "Výkup", "Odbahnění"),
     (60, 650)),
    (("Výměna", "Nádrž", "zastávka", "přechod", "Výsadba", "průleh", "Bezbariérov", "Kamery", "lavičky", "Altán",
      "auto", "Rozšíření", "Úprava", "prahy", "zahrada", "Obnova", "Revitalizace potoka", "hlásiče", "Náhradní",
      "popelnice"), (15, 260)),
)


def _cost_value(c: Ctx, project: str) -> float:
    lo, hi = 2, 60
    for words, rng_ in COST_CLASSES:
        if any(w in project for w in words):
            lo, hi = rng_
            break
    return c.rng.randint(lo, hi) * 10_000 * c.scale


def _term(c: Ctx) -> str:
    years = [str(y) for y in range(max(c.y0, 2018), c.y1 + 1)] or [str(c.y0)]
    return c.rng.choice(years + ["průběžně"])


def _resp(c: Ctx, theme: str | None = None) -> str:
    pool = list(RESP_TOWN if c.size >= 3 else RESP_VILLAGE)
    if theme in RESP_THEME:
        pool += list(RESP_THEME[theme]) * 2
    return c.fill(c.rng.choice(pool))


def _themes(c: Ctx, k: int, first: tuple[str, ...] = ()) -> list[str]:
    rest = [t for t in BASE_THEMES + ("energy", "safety") if t not in first]
    c.rng.shuffle(rest)
    return list(first) + rest[: max(0, k - len(first))]


def _projects(c: Ctx, theme: str, k: int, used: set | None = None) -> list[str]:
    pool = [p for p in THEMES[theme]["projects"] if used is None or p not in used]
    picked = c.rng.sample(pool, k=min(k, len(pool)))
    if used is not None:
        used.update(picked)
    return [c.fill(p) for p in picked]


def _project_line(c: Ctx, no: int, project: str, theme: str | None = None) -> str:
    cost, term = kc(_cost_value(c, project)), _term(c)
    resp, src = _resp(c, theme), c.rng.choice(GRANT_SOURCES)
    return c.rng.choice([f"{no}. {project} – odhad {cost}, termín {term}, odpovídá {resp}, financování: {src}.",
                         f"{no}) {project}; náklady cca {cost}; realizace {term}; garant: {resp}; zdroj: {src}.",
                         f"Projekt č. {no}: {project}. Předpokládané náklady {cost}, termín {term} ({src})."])


def _indicator(c: Ctx, theme: str, exclude: set | None = None) -> str:
    pool = [i for i in THEMES[theme]["indicators"] if not exclude or i[0] not in exclude]
    name, lo, hi, direction = c.rng.choice(pool or THEMES[theme]["indicators"])
    if exclude is not None:
        exclude.add(name)
    name = c.fill(name)
    a = c.rng.randint(lo, hi)
    step = max(1, round((hi - lo) * c.rng.uniform(0.2, 0.6)))
    b = a + step if direction > 0 else max(0, a - step)
    src = c.fill(c.rng.choice(P.INDICATOR_SOURCES[theme]))
    return c.rng.choice([f"{name}: výchozí stav {a} ({c.y0 - 1}), cílová hodnota {b} ({c.y1}); zdroj: {src}.",
                         f"{name} – {a} → {b}", f"{name}; současnost {a}, cíl do roku {c.y1}: {b}.",
                         f"{name}: výchozí stav {a}, cíl {b} (zdroj dat: {src})."])


def _months(c: Ctx) -> dict:
    a, b = c.rng.randrange(12), c.rng.randrange(12)
    return {"m1": f"{MONTHS_GEN[a]} {c.y0 - 2}", "m2": f"{MONTHS_GEN[b]} {c.y0 - 1}",
            "m1_loc": f"{MONTHS_LOC[a]} {c.y0 - 2}", "m2_loc": f"{MONTHS_LOC[b]} {c.y0 - 1}"}


def _approval(c: Ctx) -> list[str]:
    out = [c.say(P.VALIDITY)]
    if c.spec.approval_line:
        out.append(c.rng.choice(P.APPROVAL_PREFIX) + c.spec.approval_line)
    else:
        out.append(c.rng.choice(P.DRAFT_NOTE))
    return out


# ------------------------------------------------------------------ development plan / programme
def _process(c: Ctx) -> list[str]:
    r = c.rng
    people = [c.loc.mayor, c.loc.deputy, person(r), person(r)]
    fig = c.fig
    homes_all = max(30, fig.houses - fig.empty) if fig else 100
    extra = dict(p1=people[0], p2=people[1], p3=people[2], p4=people[3], consultant=r.choice(CONSULTANTS),
                 homes_all=_n(homes_all), n_survey=_n(max(12, int(homes_all * r.uniform(0.12, 0.35)))),
                 k=r.randint(12, 90), k2=r.randint(3, 8), k3=r.randint(4, 30), k4=r.randint(2, 4),
                 building=c.loc.buildings[0][1], **_months(c))
    out = [c.say(P.PROCESS_START, **extra), c.say(P.PROCESS_GROUP, **extra), c.say(P.PROCESS_SURVEY, **extra)]
    out += c.says(P.PROCESS_MEETING, 1 + (c.size >= 3) + (c.size >= 1 and r.random() < 0.3), **extra)
    if c.size >= 1 or r.random() < 0.5:
        out.append(c.say(P.PROCESS_COMMENTS, **extra))
    return out


def _population(c: Ctx) -> list[str]:
    r, fig = c.rng, c.fig
    pop = c.spec.population
    parts = ", ".join(c.loc.parts)
    first = r.choice([
        f"{c.X} ({c.spec.place}) má {_n(pop)} obyvatel. K {NOUN_DAT[c.noun]} patří místní "
        f"části {parts}. První písemná zmínka pochází z roku {c.loc.founded}.",
        f"Základní údaje: počet obyvatel {_n(pop)}, místní části {parts}, první zmínka {c.loc.founded}, "
        f"{c.spec.place}.",
        f"Území {c.who} ({c.spec.place}) obývá {_n(pop)} lidí. Vedle hlavní části tvoří {c.noun} také "
        f"{parts}. Nejstarší písemná zpráva je z roku {c.loc.founded}."])
    vals = dict(area=_d(fig.area), alt=fig.alt, farm=fig.farm, forest=fig.forest, pop2011=_n(fig.pop2011),
                drop=max(2, round(100 * (fig.pop2011 - pop) / max(fig.pop2011, 1))), child=_d(fig.child),
                senior=_d(fig.senior), working=_d(100 - fig.child - fig.senior), avg_age=_d(fig.avg_age),
                births=fig.births, deaths=fig.deaths, moved_in=fig.moved_in, moved_out=fig.moved_out,
                natural=f"{fig.births - fig.deaths:+d}".replace("-", "−"),
                migration=f"{fig.moved_in - fig.moved_out:+d}".replace("-", "−"),
                houses=_n(fig.houses), empty=fig.empty)
    trend = {"up": P.POP_TREND_UP, "down": P.POP_TREND_DOWN, "flat": P.POP_TREND_FLAT}[fig.trend]
    out = [first, c.say(P.TERRITORY, **vals), c.say(trend, **vals), c.say(P.AGE, **vals)]
    if c.size >= 1 or r.random() < 0.5:
        out.append(c.say(P.MOVES, **vals))
    out.append(c.say(P.HOUSING_STOCK, **vals))
    return out


def _fields(c: Ctx, themes: list[str]) -> list[str]:
    out = []
    for t in themes:
        name = c.rng.choice(THEMES[t]["names"])
        states = c.rng.sample(THEMES[t]["state"], k=2 if c.rng.random() < (0.3, 0.5, 0.5, 0.6, 0.7)[c.size] else 1)
        out.append(f"{name}. " + " ".join(c.fill(s) for s in states))
    return out


def _economy(c: Ctx) -> list[str]:
    fig = c.fig
    vals = dict(emp=", ".join(c.loc.employers), firms=_n(fig.firms), unemp=_d(fig.unemp),
                income=kc(fig.income), spending=kc(fig.spending), capital=kc(fig.capital), debt=kc(fig.debt),
                reserve=kc(fig.reserve))
    debt = c.say(P.DEBT_SOME if fig.debt else P.DEBT_NONE, **vals)
    return [c.say(P.ECONOMY, **vals), c.say(P.BUDGET, debt_sentence=debt, **vals)]


def _survey(c: Ctx) -> list[str]:
    r = c.rng
    a, a2, a3 = r.sample(P.SURVEY_MISSING, 3)
    vals = dict(a=a, a2=a2, a3=a3, b=r.choice(P.SURVEY_GOOD), b2=r.choice(P.SURVEY_GOOD2), sat=r.randint(62, 91))
    out = [c.say(P.SURVEY_RESULT, **vals)]
    if c.size >= 1 or r.random() < 0.4:
        out.append(c.say(P.SURVEY_MORE, **vals))
    out.append(c.say(P.SURVEY_PLACE))
    return out


def _swot(c: Ctx, k: int = 4) -> tuple[str, ...]:
    r = c.rng
    town = c.size >= 3
    s = [c.fill(x) for x in r.sample(P.SWOT_S + (P.SWOT_S_TOWN if town else ()), k)]
    w = [c.fill(x) for x in r.sample(P.SWOT_W + (P.SWOT_W_TOWN if town else ()), k)]
    o = [c.fill(x) for x in r.sample(P.SWOT_O, max(2, k - 1))]
    t = [c.fill(x) for x in r.sample(P.SWOT_T, max(2, k - 1))]
    lead = c.say(P.SWOT_LEAD)
    style = r.randrange(4)
    if style == 0:
        body = (f"Silné stránky: {', '.join(s)}.", f"Slabé stránky: {', '.join(w)}.",
                f"Příležitosti: {', '.join(o)}.", f"Hrozby: {', '.join(t)}.")
    elif style == 1:
        body = (f"Co nám pomáhá: {'; '.join(s)}. Co nás brzdí: {'; '.join(w)}.",
                f"Příležitosti zvenčí: {'; '.join(o)}. Hrozby: {'; '.join(t)}.")
    elif style == 2:
        body = (f"S – {', '.join(s)}", f"W – {', '.join(w)}", f"O – {', '.join(o)}", f"T – {', '.join(t)}")
    else:
        body = ("Silné stránky (S): " + "; ".join(s) + ".", "Slabé stránky (W): " + "; ".join(w) + ".",
                "Příležitosti (O): " + "; ".join(o) + ".", "Hrozby (T): " + "; ".join(t) + ".")
    return ((lead,) if lead else ()) + body


def _measure_note(c: Ctx, theme: str, project: str) -> str:
    why = c.fill(c.rng.choice(P.MEASURE_WHY[theme]))
    note = c.fill(c.rng.choice(P.MEASURE_NOTE), why=why, stage=c.rng.choice(P.STAGES),
                  cost=kc(_cost_value(c, project)), src=c.rng.choice(GRANT_SOURCES), resp=_resp(c, theme),
                  term=_term(c))
    if c.rng.random() < 0.25:
        a = c.rng.sample(P.ACTIVITY_STEPS, 3)
        note += " " + c.rng.choice(P.ACTIVITIES).format(a1=a[0], a2=a[1], a3=a[2])
    return note


def _areas(c: Ctx, themes: list[str], measures_per_goal: tuple[int, int] = (2, 3),
           notes: float = 0.6) -> tuple[list[str], list[tuple[str, str]]]:
    """Priority areas with goals and measures; returns (paragraphs, the (theme, project) named)."""
    r = c.rng
    area_fmt, goal_fmt, meas_fmt = r.choice(AREA_LABEL), r.choice(GOAL_LABEL), r.choice(MEASURE_LABEL)
    paras, projects = [], []
    for i, t in enumerate(themes, start=1):
        th = THEMES[t]
        paras.append(area_fmt.format(i=i, L="ABCDEFGHIJ"[i - 1], name=r.choice(th["names"])))
        paras.append(" ".join(c.fill(s) for s in r.sample(P.AREA_WHY[t], k=r.choice([1, 2, 2]))))
        goals = r.sample(th["goal"], k=(1, r.choice([1, 1, 2]), r.choice([1, 1, 2]), r.choice([1, 2]),
                                        r.choice([1, 2]))[c.size])
        used: set = set()
        for j, goal in enumerate(goals, start=1):
            paras.append(goal_fmt.format(i=i, j=j, goal=goal))
            for k, proj in enumerate(_projects(c, t, r.randint(*measures_per_goal), used), start=1):
                projects.append((t, proj))
                paras.append(meas_fmt.format(i=i, j=j, k=k, text=proj))
                if r.random() < notes:
                    paras.append(_measure_note(c, t, proj))
    return paras, projects


def _frame(c: Ctx, old: bool) -> str:
    if old:
        return c.rng.choice(["Dokument počítá s dotacemi z Programu rozvoje venkova a z operačních programů "
                             "období 2014–2020.", "Financování se opírá hlavně o Program obnovy venkova kraje a o "
                             "evropské fondy období 2014–2020."])
    return c.rng.choice(["Při financování počítáme s evropskými fondy období 2021–2027, s národními dotacemi i s "
                         "vlastními penězi obce.", "Dokument respektuje územní plán a navazuje na rozvojové "
                         "dokumenty mikroregionu a kraje.", ""])


def main_plan(c: Ctx) -> tuple[Sections, Table]:
    """Strategický plán rozvoje / program rozvoje of a municipality."""
    r, spec = c.rng, c.spec
    old = c.y1 <= 2020
    size = c.size
    k = (4, 4, 5, 5, 6)[size]
    themes = _themes(c, r.randint(k, k + 1))
    h = Heads(c)
    programme = spec.doc_type == "programme_municipal_development"
    intro = [c.say(P.INTRO_WHAT)]
    intro += c.says(P.INTRO_LEGAL_PROGRAMME if programme else P.INTRO_LEGAL_PLAN, 1 + (size >= 3))
    if size >= 1 or r.random() < 0.3:
        intro.append(c.say(P.INTRO_STRUCTURE))
    if size >= 1 or r.random() < 0.5:
        intro.append(c.say(P.INTRO_LINKS))
    frame = _frame(c, old)
    if frame:
        intro.append(frame)
    secs: Sections = [(h.chapter("intro"), tuple(intro)), (h.chapter("process"), tuple(_process(c)))]
    secs.append((h.chapter("analysis"), ()))
    secs.append((h.section("people"), tuple(_population(c))))
    secs.append((h.section("fields"), tuple(_fields(c, themes))))
    secs.append((h.section("economy"), tuple(_economy(c))))
    secs.append((h.section("survey"), tuple(_survey(c))))
    secs.append((h.chapter("swot"), _swot(c, 3 if size == 0 else 4 if size < 3 else 5)))
    vision = [c.say(P.VISION, b=r.choice(P.SURVEY_GOOD))]
    more = c.say(P.VISION_MORE, b=r.choice(P.SURVEY_GOOD))
    if more:
        vision.append(more)
    if size >= 1 or r.random() < 0.5:
        vision.append(c.say(P.PRINCIPLES))
    secs.append((h.chapter("vision"), tuple(vision)))
    area_paras, projects = _areas(c, themes, ((2, 2), (2, 3), (2, 3), (2, 3), (2, 3))[size],
                                  notes=(0.3, 0.3, 0.25, 0.25, 0.25)[size])
    secs.append((h.chapter("design"), tuple(area_paras)))
    ind_used: set = set()
    indicators = [c.say(P.INDICATOR_LEAD)] + [_indicator(c, t, ind_used) for t in themes]
    for t in r.sample(themes, k=min(len(themes), size // 2)):
        indicators.append(_indicator(c, t, ind_used))
    secs.append((h.chapter("indicators"), tuple(indicators)))
    r.shuffle(projects)
    chosen = projects[:r.randint(5, 8) + (size >= 3)]
    plist = [_project_line(c, i, p, t) for i, (t, p) in enumerate(chosen, start=1)]
    secs.append((h.chapter("projects"), tuple(plist)))
    total = sum(_cost_value(c, p) for _, p in projects)
    fig = c.fig
    fin = c.says(P.FINANCE, 1 + (size >= 2), total=kc(total), own_year=kc(fig.capital * r.uniform(0.5, 0.9)),
                 grant_pct=r.randint(45, 75), debt_cap=r.choice([20, 25, 30]))
    more = c.say(P.FINANCE_MORE)
    secs.append((h.chapter("finance"), tuple(fin + ([more] if more else []))))
    impl = [c.say(P.IMPLEMENT, month=r.choice(MONTHS_GEN[:6]))]
    impl += c.says(P.MONITOR, 1 + (size >= 3))
    impl.append(c.say(P.UPDATE))
    risk = c.say(P.RISKS)
    if risk and size >= 1:
        impl.append(risk)
    secs.append((h.chapter("implement"), tuple(impl)))
    closing = _approval(c)
    annex = c.say(P.ANNEXES)
    if annex:
        closing.append(annex)
    secs.append((h.chapter("closing"), tuple(closing)))
    _edition(c, secs)
    if old and not spec.edition:
        secs.append(("Použité zkratky", (r.choice(P.ABBREVIATIONS),)))
    return secs, None


def _edition(c: Ctx, secs: Sections) -> None:
    if not c.spec.edition:
        return
    r = c.rng
    done, running, dropped = r.randint(4, 15), r.randint(2, 9), r.randint(1, 4)
    secs.insert(1, (r.choice(["Aktualizace dokumentu", "Co se změnilo", "Důvody aktualizace"]), (
        r.choice([f"Toto znění ({c.spec.edition}) nahrazuje původní text. Přepracován byl hlavně seznam projektů "
                  f"a ukazatele; doplnili jsme opatření k úsporám energie a k zadržování vody.",
                  f"Po polovině období jsme dokument prošli znovu ({c.spec.edition}). Některé záměry se ukázaly "
                  f"jako nereálné, jiné přibyly podle přání občanů a podle nových dotačních možností."]),
        f"Dosavadní plnění: dokončeno {done} projektů, rozpracováno {running}, vyřazeno {dropped}.")))


# ------------------------------------------------------------------ regional pieces
# A region's documents speak of its towns by their role (the regional capital, a district town), the way
# regional plans mostly do, and of roads by their numbers.
REGION_PROJECTS = {
    "Doprava": ("Rekonstrukce silnice II/{road} v úseku km {km1}–{km2}", "Obchvat obce na silnici II/{road}",
                "Most ev. č. {road}-{k} přes řeku na silnici II/{road}", "Integrovaný dopravní systém – nové "
                "odbavovací systémy v autobusech", "Přestupní terminál u nádraží v krajském městě",
                "Bezpečné přechody na průtazích silnic II. třídy"),
    "Zdravotnictví a sociální péče": ("Urgentní příjem krajské nemocnice", "Modernizace operačních sálů oblastní "
                                      "nemocnice", "Domov se zvláštním režimem pro {beds} klientů", "Nová výjezdová "
                                      "základna záchranné služby {side}", "Podpora paliativní péče v domácnostech"),
    "Vzdělávání a zaměstnanost": ("Modernizace dílen střední průmyslové školy", "Domov mládeže pro učně "
                                  "středního odborného učiliště", "Krajské centrum podpory technického vzdělávání",
                                  "Stipendia pro žáky technických oborů", "Kariérové poradenství na základních "
                                  "školách"),
    "Venkov a obce": ("Program obnovy venkova – dotace obcím", "Podpora prodejen na venkově",
                      "Dotační program pro jednotky SDH obcí", "Krajský fond na spolufinancování projektů obcí"),
    "Životní prostředí": ("Kotlíkové dotace pro domácnosti", "Protipovodňová opatření na horních tocích {side}",
                          "Obnova alejí podél silnic II. a III. třídy", "Fotovoltaika na budovách krajských "
                          "škol", "Zadržování vody v krajině – krajský dotační program"),
    "Cestovní ruch a kultura": ("Cyklostezka podél řeky z krajského města do sousedního okresního města",
                                "Rekonstrukce krajského muzea", "Krajský informační systém pro turisty"),
}
REGION_WHY = {
    "Doprava": ("Odstraní havarijní stav a zvýší bezpečnost.", "Zkrátí cestu do zaměstnání a do škol.",
                "Odvede tranzitní dopravu z obytné zástavby."),
    "Zdravotnictví a sociální péče": ("Zlepší dostupnost péče pro obyvatele celého regionu.", "Zkrátí čekací "
                                      "doby pacientů.", "Přibydou místa pro klienty, kteří dnes čekají."),
    "Vzdělávání a zaměstnanost": ("Reaguje na nedostatek kvalifikovaných pracovníků v regionu.", "Výuka bude "
                                  "odpovídat potřebám zaměstnavatelů.", "Podpoří zájem žáků o technické obory."),
    "Venkov a obce": ("Pomůže udržet služby v malých obcích.", "Obce získají peníze na opravy svého majetku.",
                      "Zlepší vybavení jednotek, které zasahují v celém okolí."),
    "Životní prostředí": ("Sníží znečištění ovzduší v topné sezoně.", "Ochrání obce před povodněmi.",
                          "Sníží provozní náklady a spotřebu energie."),
    "Cestovní ruch a kultura": ("Přiláká návštěvníky mimo hlavní sezonu.", "Zpřístupní sbírky veřejnosti.",
                                "Propojí turistické cíle v kraji."),
}
REGION_RESP = {"Doprava": ("odbor dopravy", "Správa silnic kraje", "odbor investic"),
               "Zdravotnictví a sociální péče": ("odbor zdravotnictví", "odbor sociálních věcí", "odbor investic"),
               "Vzdělávání a zaměstnanost": ("odbor školství", "odbor regionálního rozvoje"),
               "Venkov a obce": ("odbor regionálního rozvoje", "odbor kancelář hejtmana"),
               "Životní prostředí": ("odbor životního prostředí", "odbor investic"),
               "Cestovní ruch a kultura": ("odbor kultury a cestovního ruchu", "odbor investic")}
SIDES = ("na severu kraje", "na jihu kraje", "na východě kraje", "na západě kraje")


def _region_fill(c: Ctx, template: str) -> str:
    km1 = c.rng.randint(0, 30)
    return template.format(road=c.rng.randint(101, 499), k=c.rng.randint(1, 30), km1=km1,
                           km2=km1 + c.rng.randint(2, 9), beds=c.rng.choice([24, 36, 48, 60]),
                           side=c.rng.choice(SIDES))


def _region_cost(c: Ctx, project: str) -> float:
    big = any(w in project for w in ("Rekonstrukce", "Obchvat", "Most", "Urgentní", "Modernizace", "Domov",
                                     "terminál", "Cyklostezka", "Protipovodňová"))
    return c.rng.randint(40, 900) * 1_000_000 / 10 if big else c.rng.randint(5, 80) * 1_000_000 / 10


# ------------------------------------------------------------------ action plan
AP_INTRO = (
    "Akční plán rozpracovává {parent_acc} do konkrétních kroků na roky {span}. U každého projektu uvádí odhad "
    "nákladů, termín, odpovědnou osobu a předpokládaný zdroj peněz.",
    "Tento seznam projektů navazuje na {parent_acc}. Projekty jsou seřazeny podle naléhavosti; schvaluje se spolu "
    "s rozpočtem a může se měnit podle toho, jaké dotace se podaří získat.",
    "Na období {span} jsme z dlouhodobých cílů vybrali projekty, které chceme skutečně připravit a postavit. "
    "Seznam vychází {parent_from} a z požadavků {proposers}.",
    "Akční plán je prováděcím dokumentem, kterým se {parent_nom} převádí do praxe. Obsahuje jen ty záměry, u nichž "
    "je reálné zahájení přípravy nebo realizace v letech {span}.",
)
AP_PURPOSE = (
    "Dlouhodobé cíle se nemění každý rok, konkrétní projekty ano: ceny rostou, dotační výzvy se otevírají a "
    "zavírají a některé záměry narazí na majetkoprávní překážky. Proto se akční plán zpracovává na kratší období.",
    "Akční plán slouží vedení {noun_gen} jako podklad pro sestavení rozpočtu a střednědobého výhledu a úřadu "
    "jako přehled toho, co je třeba v jednotlivých letech připravit.",
    "Projekty uvedené v akčním plánu jsou v souladu se schválenou strategií; to vyžaduje většina "
    "poskytovatelů dotací.",
)
AP_SELECTION = (
    "Návrhy projektů předložily odbory úřadu, příspěvkové organizace a osadní výbory, celkem {proposals} "
    "záměrů. Do akčního plánu bylo zařazeno {chosen} z nich.",
    "Při výběru rozhodovala naléhavost (bezpečnost, havarijní stav, zákonné povinnosti), připravenost "
    "projektu, možnost získat dotaci a dopad na co nejvíce obyvatel.",
    "Každý záměr byl posouzen podle jednotných kritérií: soulad se strategií, připravenost, odhad nákladů a "
    "provozní náklady po dokončení. Záměry, které kritéria nesplnily, zůstávají v zásobníku.",
    "Pořadí projektů bylo projednáno {body_loc} a doporučeno ke schválení; připomínky se týkaly zejména "
    "harmonogramu oprav komunikací.",
)
AP_OVERVIEW = (
    "{Area}: hlavní akcí je {p1}; v přípravě je dále záměr „{p2}“.",
    "{Area} – {p1} a dále {p2}.",
    "V oblasti „{area}“ plán počítá s projekty „{p1}“ a „{p2}“.",
    "Nejvýznamnějším projektem oblasti „{area}“ je {p1}; doplňuje jej záměr „{p2}“.",
)
AP_CARD = (
    "{name}. Popis: {why} Vazba na strategii: opatření {ref}. Stav přípravy: {stage}. Náklady {cost}, "
    "financování: {src}. Garant: {resp}, termín {term}.",
    "{name} – {why} Připravenost: {stage}. Odhad nákladů {cost} ({src}); odpovídá {resp}; dokončení {term}. "
    "Naplňuje opatření {ref} strategie.",
    "Projekt: {name}. Cíl: {why} Stav: {stage}. Rozpočet {cost}, zdroj {src}, termín {term}, garant {resp}.",
)
AP_FINANCE = (
    "Celkové náklady projektů akčního plánu činí {total}. Z dotací očekáváme {grants}, z rozpočtu {noun_gen} "
    "bude třeba uhradit {own}.",
    "Souhrn: {count} projektů za {total}; předpokládané dotace {grants} ({pct} %), vlastní zdroje {own}.",
    "Finanční náročnost akčního plánu je {total}. Podíl dotací se odhaduje na {pct} %; zbytek pokryje rozpočet "
    "{noun_gen}, u největších akcí případně úvěr.",
)
AP_MONITOR = (
    "Plnění akčního plánu vyhodnocuje {office} jednou ročně; zpráva o plnění se předkládá {body} spolu s "
    "návrhem aktualizace.",
    "Projekty, které se nepodaří zahájit, se přesouvají do dalšího akčního plánu; nové záměry lze doplnit "
    "při aktualizaci, pokud jsou v souladu se strategií.",
    "O stavu projektů informujeme obyvatele na webu a ve zpravodaji.",
    "Za sledování plnění odpovídá {clerk}; podklady dodávají garanti jednotlivých projektů.",
)
AP_HEADS = {
    "intro": ("Úvod", "Účel akčního plánu", "Vazba na strategii", "Úvodní ustanovení"),
    "selection": ("Postup sestavení", "Výběr projektů", "Jak byly projekty vybrány"),
    "overview": ("Přehled podle oblastí", "Priority akčního plánu", "Hlavní záměry"),
    "cards": ("Karty klíčových projektů", "Popis vybraných projektů", "Poznámky k projektům"),
    "finance": ("Financování", "Připravenost a financování", "Finanční souhrn"),
    "implement": ("Sledování plnění", "Realizace a aktualizace", "Komentář a aktualizace"),
    "closing": ("Schválení", "Platnost a schválení", "Závěr"),
}


def action_plan(c: Ctx) -> tuple[Sections, Table]:
    r = c.rng
    regional = c.noun == "kraj"
    # (nominative, accusative, "from" + genitive) of the strategy the plan carries out
    nom, acc, gen = (("Strategie rozvoje", "Strategii rozvoje", "ze Strategie rozvoje") if regional else
                     r.choice([("strategický plán rozvoje", "strategický plán rozvoje", "ze strategického plánu rozvoje"),
                               ("program rozvoje", "program rozvoje", "z programu rozvoje"),
                               ("dlouhodobá strategie", "dlouhodobou strategii", "z dlouhodobé strategie")]))
    rada = c.size >= 3 and not regional and r.random() < 0.5
    body = f"radě {NOUN_GEN[c.noun]}" if rada else f"zastupitelstvu {c.who}"
    body_loc = f"v radě {NOUN_GEN[c.noun]}" if rada else f"v zastupitelstvu {c.who}"
    h = Heads(c, AP_HEADS)
    items: list[tuple[str, str, str]] = []  # (area name, theme or "", project)
    if regional:
        for area in r.sample(list(REGION_PROJECTS), r.randint(4, 6)):
            for p in r.sample(REGION_PROJECTS[area], 2):
                items.append((area, "", _region_fill(c, p)))
    else:
        for t in _themes(c, r.randint(5, 7)):
            area = r.choice(THEMES[t]["names"])
            for p in _projects(c, t, 2, set()):
                items.append((area, t, p))
    ordered = list(items)
    r.shuffle(ordered)
    rows = [r.choice([("Projekt", "Náklady", "Termín", "Garant", "Financování"),
                      ("Název akce", "Odhad nákladů", "Realizace", "Odpovídá", "Zdroj")])]
    costs: dict[str, float] = {}
    for area, t, p in ordered[:r.randint(8, 12)]:
        costs[p] = _region_cost(c, p) if regional else _cost_value(c, p)
        resp = r.choice(REGION_RESP[area]) if regional else _resp(c, t)
        rows.append((p, kc(costs[p]), _term(c), resp, r.choice(GRANT_SOURCES)))
    vars_ = dict(parent_nom=f"{nom} {c.who}", parent_acc=f"{acc} {c.who}", parent_from=f"{gen} {c.who}", body=body,
                 body_loc=body_loc, proposers="obcí a příspěvkových organizací kraje" if regional else "osadních výborů",
                 proposals=len(items) + r.randint(6, 25), chosen=len(rows) - 1)
    intro = [c.say(AP_INTRO, **vars_), c.say(AP_PURPOSE, **vars_)]
    selection = c.says(AP_SELECTION, 2, **vars_)
    overview = []
    by_area: dict[str, list[str]] = {}
    for area, _t, p in items:
        by_area.setdefault(area, []).append(p)
    for area, ps in by_area.items():
        p1, p2 = (ps + ps)[:2]
        overview.append(c.say(AP_OVERVIEW, area=area.lower(), Area=area,
                              p1=p1[0].lower() + p1[1:], p2=p2[0].lower() + p2[1:]))
    cards = []
    for no, (area, t, p) in enumerate(r.sample(ordered[:len(rows) - 1], min(len(rows) - 1, r.randint(3, 5))),
                                      start=1):
        why = c.fill(r.choice(P.MEASURE_WHY[t])) if t else r.choice(REGION_WHY[area])
        ref = f"{r.randint(1, 4)}.{r.randint(1, 3)}" if regional else f"{r.randint(1, 6)}.{r.randint(1, 3)}.{r.randint(1, 4)}"
        cards.append(c.fill(r.choice(AP_CARD), name=p, why=why, ref=ref, stage=r.choice(P.STAGES),
                            cost=kc(costs.get(p, 0) or _cost_value(c, p)), src=r.choice(GRANT_SOURCES),
                            resp=r.choice(REGION_RESP[area]) if regional else _resp(c, t), term=_term(c)))
    total = sum(costs.values())
    pct = r.randint(40, 70)
    finance = [c.say(AP_FINANCE, total=kc(total), grants=kc(total * pct / 100), own=kc(total * (100 - pct) / 100),
                     pct=pct, count=len(costs)),
               r.choice(["Náklady jsou odhadnuty podle cen roku přípravy a budou upřesněny projektantem.",
                         "Rekonstrukce, na které je hotová projektová dokumentace, mají přednost.",
                         "Projekty bez zajištěného financování se přesouvají do dalšího roku."]),
               f"Stav přípravy na konci roku {c.y0 - 1}: stavební povolení má {r.randint(2, 4)} z uvedených projektů, "
               f"ostatní jsou ve fázi záměru nebo studie."]
    monitor = c.says(AP_MONITOR, 2, **vars_)
    closing = _approval(c)
    if r.random() < 0.5:
        closing.append(f"Akční plán projednal finanční výbor dne {r.randint(1, 28)}. {r.randint(1, 12)}. {c.y0 - 1}.")
    secs: Sections = [(h.chapter("intro"), tuple(intro)), (h.chapter("selection"), tuple(selection)),
                      (h.chapter("overview"), tuple(overview)), (h.chapter("cards"), tuple(cards)),
                      (h.chapter("finance"), tuple(finance)), (h.chapter("implement"), tuple(monitor)),
                      (h.chapter("closing"), tuple(closing))]
    return secs, tuple(rows)


# ------------------------------------------------------------------ smart concept
SMART_STATE = (
    "Web {noun_gen} je z roku 2016 a na mobilu se špatně ovládá. Zprávy o dění se šíří hlavně rozhlasem, který "
    "není slyšet ve všech ulicích.", "Spotřeba energie v budovách ve vlastnictví {noun_gen} se odečítá ručně jednou "
    "měsíčně; náklady na energie za poslední rok dosáhly {energy}.",
    "Hlášení závad přichází telefonem nebo osobně, úřad je eviduje v sešitu.",
    "Parkoviště {landmark} je ve špičce plné, řidiči ale nevědí o volných místech o ulici dál.",
    "Data o majetku jsou rozptýlena v tabulkách jednotlivých referentů.",
    "Úřad nemá vlastního správce IT; služby zajišťuje externí firma na základě smlouvy.",
    "Poplatky za odpad a za psa lze platit jen hotově na pokladně nebo převodem; kartou platit nelze.",
    "Veřejné osvětlení tvoří {lamps} světelných bodů, z toho jen malá část jsou úsporná svítidla.",
)
SMART_STATE_REGION = (
    "Kraj zřizuje přes {n_org} příspěvkových organizací – školy, nemocnice, domovy pro seniory, správu silnic – "
    "a každá z nich spravuje svá data jinak.", "Jízdní doklady integrovaného dopravního systému nelze dosud "
    "koupit jednotně v mobilní aplikaci pro všechny dopravce.", "Spotřeba energie krajských budov se sleduje "
    "jen u části objektů; náklady na energie přesáhly za poslední rok {energy}.",
    "Obce v kraji nemají společný nástroj pro hlášení závad ani pro sdílení dat.",
    "Pokrytí rychlým internetem je ve venkovských oblastech kraje nedostatečné.",
    "Krajský úřad vyřizuje většinu podání elektronicky, mnoho služeb však stále vyžaduje osobní návštěvu.",
)
SMART_PROJECTS_REGION = {
    "data": ("Krajská datová platforma a otevřená data", "Jednotný systém energetického managementu budov kraje",
             "Dopravní model kraje s daty o intenzitách"),
    "office": ("Portál občana kraje s elektronickými formuláři", "Elektronická spisová služba pro příspěvkové "
               "organizace", "Sdílené IT služby pro malé obce"),
    "mobility": ("Jednotná jízdenka integrovaného dopravního systému v mobilu", "Informační panely na "
                 "přestupních uzlech", "Sledování polohy autobusů v reálném čase"),
    "energy": ("Energetický management budov krajských škol a nemocnic", "Fotovoltaické elektrárny na "
               "střechách krajských budov", "Dobíjecí stanice u krajských úřadů a nemocnic"),
    "people": ("Telemedicína pro pacienty s chronickým onemocněním", "Digitální vzdělávání učitelů",
               "Rozšíření vysokorychlostního internetu do venkovských obcí"),
}
SMART_INTRO = (
    "{smart} nechápeme jako sbírku technických hraček. Jde nám o to, aby technologie ušetřily obyvatelům čas "
    "a {noun_dat} peníze. Koncepce na období {span} proto začíná u problémů, které lidé skutečně řeší.",
    "Koncepce popisuje, jak bude {noun} {X} v letech {span} využívat moderní technologie a data při správě "
    "majetku, v dopravě, u energií a v komunikaci s občany.",
    "Cílem dokumentu je propojit jednotlivé technologické projekty {who}, které dosud vznikaly odděleně, a "
    "stanovit jejich pořadí, náklady a odpovědnost.",
    "Koncepce chytrého rozvoje {who} odpovídá na otázku, kde mohou data a technologie zlepšit služby a "
    "ušetřit peníze. Nevytváří nové priority, ale nabízí nové nástroje k naplnění těch stávajících.",
)
SMART_PROCESS = (
    "Koncepci připravila pracovní skupina složená ze zaměstnanců úřadu, zastupitelů a externího odborníka; "
    "uskutečnily se {k} workshopy nad jednotlivými pilíři.",
    "Obyvatelé odpovídali na krátký dotazník o digitálních službách; vrátilo se {n_survey} odpovědí. Nejvíce "
    "lidé žádali možnost platit poplatky přes internet a dostávat zprávy do mobilu.",
    "Návrh projektů vznikl na základě zmapování stávajících technologií a smluv s dodavateli; ukázalo se, že "
    "některé služby platí {noun} dvakrát.",
    "Do přípravy se zapojili také zástupci škol, technických služeb a místních firem.",
)
SMART_RULES = (
    "Data, která {noun} sbírá, budou zveřejňována v otevřené podobě, pokud neobsahují osobní údaje.",
    "Při každém nákupu technologií posoudíme provozní náklady na deset let, nejen pořizovací cenu.",
    "Každý projekt musí mít garanta na úřadě a plán, kdo bude zařízení udržovat.",
    "Nová řešení musí být otevřená a propojitelná; vyhneme se uzavřeným systémům jednoho dodavatele.",
    "Kybernetická bezpečnost a ochrana osobních údajů jsou posuzovány u každého projektu předem.",
    "Digitální služby nenahradí osobní kontakt: kdo nechce nebo nemůže používat internet, vyřídí vše i na úřadě.",
)
SMART_VISION = (
    "V roce {y1} vyřídí obyvatelé {who} většinu záležitostí z domova, {noun} ví, kolik energie a vody spotřebuje "
    "každá jeho budova, a rozhoduje na základě dat.",
    "Vize: {X} je v roce {y1} místem, kde technologie slouží lidem – šetří čas, energii i peníze a pomáhají "
    "chránit životní prostředí.",
    "Chceme, aby se {X} do roku {y1} stal{agr} příkladem, že i bez velkých rozpočtů lze technologie využít "
    "rozumně a ve prospěch všech obyvatel.",
)
SMART_INDICATORS = (
    ("Podíl plateb poplatků přijatých elektronicky (%)", 10, 40, 1),
    ("Počet odběratelů zpráv do mobilu", 120, 900, 1), ("Podíl LED svítidel veřejného osvětlení (%)", 10, 50, 1),
    ("Počet budov s dálkovým odečtem energií", 0, 4, 1), ("Spotřeba elektřiny na veřejné osvětlení (MWh/rok)",
                                                         40, 300, -1),
    ("Počet datových sad zveřejněných jako otevřená data", 0, 5, 1), ("Počet hlášení závad přes aplikaci za rok",
                                                                     0, 120, 1),
)
SMART_SWOT = (("vstřícné vedení", "zkušenosti s dotacemi", "funkční web a rozhlas", "zájem mladších obyvatel",
               "vlastní technické služby"),
              ("chybí správce IT", "data v oddělených tabulkách", "zastaralé osvětlení",
               "nízké digitální dovednosti seniorů", "omezený rozpočet"),
              ("dotace z Národního plánu obnovy", "spolupráce s krajem a okolními obcemi",
               "klesající ceny čidel a zařízení", "sdílené služby IT"),
              ("kybernetické útoky", "závislost na jednom dodavateli", "rychlé zastarávání technologií",
               "vysoké provozní náklady"))
SMART_SWOT_REGION = (("krajská datová síť", "zkušenosti s evropskými projekty", "vlastní IT odbor",
                      "spolupráce s univerzitou", "fungující integrovaný dopravní systém"),
                     ("roztříštěná data příspěvkových organizací", "nedostatek IT odborníků",
                      "slabé pokrytí internetem na venkově", "rozdílná úroveň digitalizace obcí"),
                     ("evropské fondy na digitalizaci", "sdílené služby pro obce", "otevřená data státu",
                      "klesající ceny technologií"),
                     ("kybernetické útoky na nemocnice", "závislost na dodavatelích", "nedostatek kvalifikovaných "
                      "lidí", "rychlé zastarávání technologií"))
SMART_INDICATORS_REGION = (
    ("Počet datových sad kraje zveřejněných jako otevřená data", 0, 20, 1),
    ("Podíl podání na krajský úřad přijatých elektronicky (%)", 40, 80, 1),
    ("Počet krajských budov s energetickým managementem", 10, 60, 1),
    ("Podíl domácností s přístupem k rychlému internetu (%)", 55, 85, 1),
    ("Počet cestujících s jízdenkou v mobilní aplikaci (tis. ročně)", 50, 400, 1),
    ("Spotřeba energie krajských budov (MWh/rok)", 40_000, 160_000, -1),
)
SMART_HEADS = {
    "intro": ("Proč koncepce vzniká", "Úvod", "Úvodem", "Účel koncepce"),
    "process": ("Jak koncepce vznikala", "Postup zpracování", "Zapojení veřejnosti a odborníků"),
    "state": ("Výchozí stav", "Analýza současného stavu", "Kde jsme dnes"),
    "swot": ("Silné a slabé stránky", "SWOT analýza", "Shrnutí analýzy"),
    "vision": ("Vize", "Vize a cíle", "Kam směřujeme"),
    "pillars": ("Pilíře a projekty", "Návrhová část", "Co chceme udělat"),
    "rules": ("Pravidla", "Zásady realizace", "Jak to budeme dělat"),
    "indicators": ("Ukazatele", "Měření úspěchu", "Indikátory"),
    "implement": ("Řízení a financování", "Realizace a aktualizace", "Implementace"),
    "closing": ("Platnost a schválení", "Závěr", "Schválení"),
}


def smart_concept(c: Ctx) -> tuple[Sections, Table]:
    r = c.rng
    regional = c.noun == "kraj"
    pillars = r.choice(SMART_PILLARS)
    h = Heads(c, SMART_HEADS)
    smart = {"obec": "Chytrou obec", "město": "Chytré město", "kraj": "Chytrý region"}.get(c.noun, "Chytrý městys")
    energy = kc(c.spec.population * r.uniform(250, 600) * (0.05 if regional else 1))
    v = dict(smart=smart, noun_dat=NOUN_DAT[c.noun], energy=energy, n_org=r.randint(90, 200),
             k=r.choice(["tři", "čtyři"]), n_survey=r.randint(60, 900))
    intro = [c.say(SMART_INTRO, **v)]
    if r.random() < 0.4:
        intro.append("Koncepce vychází z metodiky Ministerstva pro místní rozvoj pro chytrá města a obce.")
    intro.append(r.choice([f"Koncepce platí pro období {c.span} a navazuje na hlavní rozvojový dokument {c.who}.",
                           f"Dokument je koncepcí podřízenou strategickému plánu; jeho projekty se promítají do "
                           f"akčního plánu na období {c.span}."]))
    process = c.says(SMART_PROCESS, 2, **v)
    state = c.says(SMART_STATE_REGION if regional else SMART_STATE, 5, **v)
    state.append(r.choice([
        f"V dotazníku uvedlo {r.randint(55, 85)} % respondentů, že by uvítali vyřizování běžných záležitostí přes "
        f"internet; {r.randint(15, 35)} % naopak internet nepoužívá vůbec nebo jen výjimečně.",
        f"Web navštíví měsíčně kolem {_n(r.randint(8, 60) * 100 * (10 if regional else 1))} lidí, nejčastěji hledají "
        f"úřední desku, kontakty a aktuality.",
        "Dosavadní technologické projekty vznikaly odděleně podle toho, na co byla zrovna vypsána dotace; chybí "
        "jejich propojení a společná správa dat."]))
    sw = SMART_SWOT_REGION if regional else SMART_SWOT
    swot = (f"Silné stránky: {', '.join(r.sample(sw[0], 3))}.", f"Slabé stránky: {', '.join(r.sample(sw[1], 3))}.",
            f"Příležitosti: {', '.join(r.sample(sw[2], 2))}.", f"Hrozby: {', '.join(r.sample(sw[3], 2))}.")
    vision = (c.say(SMART_VISION),)
    paras, plist = [], []
    benefits = {"data": "lepší informace pro rozhodování", "office": "úspora času obyvatel i úředníků",
                "mobility": "méně zbytečného popojíždění a hledání parkování", "energy": "úspora energie a peněz",
                "people": "lepší informovanost a bezpečí obyvatel"}
    for i, (pillar, area) in enumerate(pillars, start=1):
        paras.append(f"{i}. {pillar}")
        pool = SMART_PROJECTS_REGION[area] if regional else SMART_PROJECTS[area]
        for k, proj in enumerate(r.sample(pool, 2 if len(pool) < 3 or r.random() < 0.6 else 3), start=1):
            proj = c.fill(proj)
            plist.append(proj)
            paras.append(f"{i}.{k} {proj}")
            if r.random() < 0.8:
                paras.append(r.choice([
                    f"Přínos: {benefits[area]}; "
                    f"odhad nákladů {c.money(5, 300)}; garant {_resp(c, 'office')}.",
                    f"Projekt bude nejprve vyzkoušen v menším rozsahu; o rozšíření se rozhodne podle výsledků "
                    f"v roce {min(c.y1, c.y0 + 2)}.",
                    f"Předpokládané provozní náklady {c.money(1, 20)} ročně; financování: {r.choice(GRANT_SOURCES)}."]))
    pilot = r.choice([
        f"Pilotní projekt: v ulici {c.loc.streets[1]} byly na zkoušku osazeny lampy, které v noci sníží svit na "
        f"třetinu a rozsvítí se naplno, když se někdo blíží. Úspora za první rok činila {r.randint(35, 60)} %.",
        f"Pilotní projekt: čidla v {r.randint(6, 20)} kontejnerech na plasty hlásí zaplnění; svozová firma jezdí "
        f"jen k plným nádobám.", "Pilotní projekt: občané si mohou nechat posílat hlášení rozhlasu do telefonu; "
        "přihlásilo se přes 300 domácností." if not regional else
        "Pilotní projekt: v pěti krajských školách se spotřeba energie sleduje dálkově; úspora za první "
        "topnou sezonu dosáhla 12 %."])
    rules = c.says(SMART_RULES, 3)
    used: set = set()
    indicators = []
    for _ in range(4):
        name, lo, hi, d = r.choice([i for i in (SMART_INDICATORS_REGION if regional else SMART_INDICATORS)
                                    if i[0] not in used])
        used.add(name)
        a = r.randint(lo, hi)
        b = a + max(1, (hi - lo) // 2) if d > 0 else max(0, a - (hi - lo) // 3)
        indicators.append(f"{name}: výchozí stav {a}, cílová hodnota {b} ({c.y1}).")
    impl = [r.choice([f"Koncepci řídí {'odbor informatiky' if c.size >= 3 or regional else c.vars['mayor_t']} "
                      f"ve spolupráci s pracovní skupinou; projekty se zařazují do rozpočtu podle připravenosti.",
                      "Za koncepci odpovídá koordinátor chytrých řešení na úřadě; jednou ročně předkládá "
                      "vyhodnocení a návrh projektů na další rok."]),
            r.choice(["Financování: vlastní zdroje, Národní plán obnovy, IROP a programy Ministerstva průmyslu a "
                      "obchodu; část projektů lze pořídit formou služby bez velké počáteční investice.",
                      f"Odhad celkových nákladů koncepce činí {c.money(100, 900)}; většinu lze pokrýt z dotací."])]
    rows = [("Projekt", "Náklady", "Termín", "Zdroj")]
    for p in plist[:r.randint(5, 8)]:
        rows.append((p, c.money(5, 300) if not regional else kc(r.randint(3, 60) * 1_000_000),
                     _term(c), r.choice(GRANT_SOURCES)))
    secs: Sections = [(h.chapter("intro"), tuple(intro)), (h.chapter("process"), tuple(process)),
                      (h.chapter("state"), tuple(state)), (h.chapter("swot"), swot), (h.chapter("vision"), vision),
                      (h.chapter("pillars"), (*paras, pilot)), (h.chapter("rules"), tuple(rules)),
                      (h.chapter("indicators"), tuple(indicators)), (h.chapter("implement"), tuple(impl)),
                      (h.chapter("closing"), tuple(_approval(c)))]
    return secs, tuple(rows)


# ------------------------------------------------------------------ mobility plan
SUMP_HEADS = {
    "intro": ("Úvod", "Úvod a východiska", "Proč plán mobility"),
    "process": ("Postup zpracování", "Jak plán vznikal", "Participace a spolupráce"),
    "analysis": ("Analýza dopravy", "Výchozí stav", "Analytická část"),
    "problems": ("Hlavní problémy", "Shrnutí analýzy", "Silné a slabé stránky dopravního systému"),
    "vision": ("Vize a cíle", "Cíle mobility", "Vize mobility"),
    "scenarios": ("Scénáře", "Varianty rozvoje", "Scénáře a volba návrhu"),
    "measures": ("Opatření", "Balíčky opatření", "Návrhová část"),
    "action": ("Akční plán", "Harmonogram a náklady", "Realizace opatření"),
    "indicators": ("Indikátory", "Měřitelné cíle", "Monitoring"),
    "closing": ("Platnost, vyhodnocování a schválení", "Závěr", "Schválení a aktualizace"),
}


def mobility_plan(c: Ctx) -> tuple[Sections, Table]:
    r = c.rng
    h = Heads(c, SUMP_HEADS)
    walk, car, bus, bike = r.randint(22, 35), r.randint(35, 50), r.randint(10, 22), r.randint(3, 9)
    other = 100 - walk - car - bus - bike
    car_goal, bike_goal = car - r.randint(5, 10), bike + r.randint(3, 7)
    crashes = r.randint(8, 30)
    intro = [f"Plán řeší dopravu na území {c.who} jako celek: chůzi, jízdu na kole, veřejnou dopravu, auta i "
             f"parkování. Vznikal od roku {c.y0 - 2} za účasti veřejnosti a dopravních odborníků."
             + (" Postup odpovídá metodice Ministerstva dopravy pro plány mobility měst." if r.random() < 0.6 else ""),
             r.choice(["Na rozdíl od dřívějších generelů dopravy se plán nesoustředí jen na stavby silnic, ale na "
                       "potřeby lidí: jak se bezpečně a rychle dostanou do práce, do školy a za službami.",
                       "Plán udržitelné městské mobility je podmínkou pro čerpání evropských peněz na dopravní "
                       "projekty ve městech; hlavně je ale dohodou o tom, jak má doprava ve městě vypadat.",
                       "Doprava je téma, které lidi rozděluje. Plán proto hledá rovnováhu mezi řidiči, chodci, "
                       "cyklisty a cestujícími veřejnou dopravou."]),
             f"Plán platí do roku {c.y1}; jeho akční část se aktualizuje zhruba každé tři roky."]
    process = [r.choice([f"Dopravní průzkumy proběhly na jaře a na podzim roku {c.y0 - 2}: sčítání na {r.randint(12, 40)} "
                         f"křižovatkách, průzkum parkování a dotazník o cestování, který vyplnilo {_n(r.randint(600, 3000))} lidí.",
                         f"Podkladem byl dopravní model {NOUN_GEN[c.noun]} a průzkum dopravního chování domácností "
                         f"({_n(r.randint(500, 2500))} respondentů)."]),
               r.choice(["Proběhla tři kola veřejného projednání: nad analýzou, nad scénáři a nad návrhem opatření. "
                         "Lidé mohli připomínky zakreslovat i do internetové mapy.",
                         f"Na přípravě se podílela pracovní skupina se zástupci odborů úřadu, dopravního podniku, "
                         f"policie, škol a sousedních obcí; sešla se {r.randint(5, 9)}krát."]),
               "Koncepce byla posouzena z hlediska vlivů na životní prostředí (SEA); závěry posouzení jsou do "
               "plánu zapracovány."]
    traffic = [
        f"Dopravní průzkum z roku {c.y0 - 2} ukázal, že po průtahu silnice II. třídy projede za pracovní den "
        f"{_n(r.randint(6, 19) * 1000)} vozidel, z toho {r.randint(6, 14)} % nákladních.",
        f"Cesty obyvatel: pěšky {walk} %, autem {car} %, veřejnou dopravou {bus} %, na kole {bike} %, jinak {other} %.",
        f"Ve městě je {_n(r.randint(900, 3500))} veřejných parkovacích míst; v centru je obsazenost přes den vyšší "
        f"než 90 %, na sídlištích večer chybí místa hlavně v ulicích {c.loc.streets[4]} a {c.loc.streets[5]}.",
        f"Za posledních pět let se na místních komunikacích stalo {r.randint(40, 260)} nehod, nejvíce v "
        f"křižovatce ulic {c.loc.streets[0]} a {c.loc.streets[1]}; {r.randint(2, 9)} nehod skončilo úmrtím.",
        f"Městskou hromadnou dopravu tvoří {r.randint(3, 14)} linek; autobusy jsou v průměru starší než "
        f"{r.randint(8, 13)} let a ročně přepraví {_n(r.randint(2, 15) * 100_000)} cestujících.",
        f"Cyklistická infrastruktura měří {_d(r.uniform(4, 25))} km, síť však není souvislá; chybí propojení "
        f"centra s nádražím a s průmyslovou zónou.",
        f"Polovina cest autem je kratší než {r.randint(3, 5)} km – tedy vzdálenost, kterou lze pohodlně ujet na kole.",
        f"Chodníky v ulicích {c.loc.streets[2]} a {c.loc.streets[6]} jsou úzké a často zastavěné parkujícími auty.",
        r.choice([f"Nákladní doprava do průmyslové zóny projíždí ulicí {c.loc.streets[3]} kolem školy a domů; "
                  f"v pracovní den jde o {r.randint(300, 1500)} nákladních aut.",
                  "Zásobování obchodů v centru probíhá po celý den a auta zásobování blokují chodníky."]),
        r.choice(["Přestup mezi vlakem a autobusem u nádraží je nepohodlný: zastávky jsou daleko od nástupišť a "
                  "chybí přehledné informace.", f"Na nádraží nastoupí denně kolem {_n(r.randint(15, 90) * 100)} "
                  f"cestujících; parkoviště P+R u nádraží je ráno plné."]),
    ]
    problems = [r.choice([f"Veřejná doprava je rychlá v centru, ale do okrajových čtvrtí a místních částí jezdí "
                          f"řídce; večer a o víkendu je interval delší než {r.choice([40, 60, 90])} minut.",
                          "Nejvíce stížností se týká parkování v obytných ulicích a rychlé jízdy kolem škol."]),
                r.choice(["Hlavní problémy: průjezdná nákladní doprava centrem, přetížené parkování, nesouvislá "
                          "síť cyklotras a nebezpečné přechody u škol.",
                          "Z analýzy vyplývá, že doprava ve městě je příliš závislá na autech, zatímco krátké cesty "
                          "by šlo snadno ujít nebo ujet na kole."]),
                r.choice(["Silnou stránkou je kompaktní město s krátkými vzdálenostmi a dobré železniční spojení.",
                          "Výhodou je dobře fungující městská doprava a zájem lidí o cyklistiku."])]
    targets = [f"Do roku {c.y1} chceme snížit podíl cest autem na {car_goal} % a zvýšit podíl "
               f"cest na kole na {bike_goal} %.",
               f"Počet těžkých nehod má klesnout o polovinu oproti roku {c.y0 - 1}.",
               r.choice(["Vize: město krátkých vzdáleností, kde je chůze a jízda na kole bezpečnou a přirozenou "
                         "volbou a auto slouží tam, kde je opravdu potřeba.",
                         "Vize: bezpečná, dostupná a čistá doprava pro všechny obyvatele, včetně dětí, seniorů a "
                         "lidí s omezenou schopností pohybu."])]
    scenarios = [f"Byly posouzeny tři scénáře: trendový (pokračování dosavadního vývoje), scénář podpory aktivní "
                 f"mobility a scénář velkých silničních staveb.",
                 r.choice(["Jako návrhový byl zvolen scénář podpory aktivní mobility doplněný o obchvat pro nákladní "
                           "dopravu; nabízí největší přínos za přiměřené náklady.",
                           "Pracovní skupina doporučila kombinaci scénářů: omezit průjezd centrem, posílit veřejnou "
                           "dopravu a dobudovat síť cyklotras."])]
    measure_pool = [
        f"Zklidnění ulice {c.loc.streets[2]} a nové přechody u škol.",
        "Souvislá síť cyklotras propojená s nádražím a průmyslovou zónou.",
        "Placené parkování v centru a záchytné parkoviště u nádraží.",
        "Nové nízkopodlažní autobusy a preference autobusů na světelných křižovatkách.",
        "Bezpečné cesty do škol – úprava okolí tří základních škol.",
        f"Obchvat pro nákladní dopravu mimo ulici {c.loc.streets[3]}.",
        "Úschovny kol u zastávek a u nádraží.", "Sdílená kola a koloběžky v centru.",
        f"Rezidentní parkování v ulicích {c.loc.streets[4]} a {c.loc.streets[5]}.",
        "Bezbariérové úpravy zastávek a přechodů.", "Zóny 30 v obytných čtvrtích.",
        "Dobíjecí stanice pro elektromobily a elektrobusy.", "Zásobování centra v omezeném čase."]
    measures = [r.choice(["Opatření jsou seskupena do balíčků podle druhu dopravy; každé má odhad nákladů, "
                          "termín a garanta.", "Návrh opatření vychází ze zvoleného scénáře a z připomínek "
                          "veřejnosti; pořadí určuje přínos pro bezpečnost a pro udržitelnou dopravu."])]
    for i, m in enumerate(r.sample(measure_pool, 8), start=1):
        measures.append(f"{i}. {m}")
        if r.random() < 0.75:
            measures.append(r.choice([f"Odhad nákladů {c.money(50, 2000)}, realizace {_term(c)}.",
                                      f"Garant: {r.choice(['odbor dopravy', 'odbor investic', 'dopravní podnik', 'městská policie'])}; "
                                      f"termín {_term(c)}.",
                                      "Opatření bylo při projednání podpořeno většinou účastníků."]))
    action = [f"Celkové náklady akčního plánu na první tři roky činí {c.money(400, 3000)}; {r.randint(50, 80)} % "
              f"by měly pokrýt dotace z IROP a ze Státního fondu dopravní infrastruktury.",
              r.choice(["Přednost mají levná a rychlá opatření (značení, přechody, zóny 30), velké stavby se "
                        "připravují souběžně.", "Opatření jsou rozdělena do krátkodobých (do 3 let), "
                        "střednědobých (do 7 let) a dlouhodobých."])]
    indicators = [r.choice(["Plnění cílů se měří pravidelným průzkumem dopravního chování (jednou za pět let) a "
                            "každoročním sčítáním na vybraných profilech.", "Ukazatele vyhodnocuje odbor dopravy "
                            "ve spolupráci s policií a dopravním podnikem."]),
                  f"Podíl cest autem: {car} % → {car_goal} %",
                  f"Podíl cest na kole: {bike} % → {bike_goal} %",
                  f"Počet nehod s těžkým zraněním za rok: výchozí stav {crashes}, cíl {crashes // 2}",
                  f"Délka cyklistické infrastruktury: cíl +{r.randint(5, 20)} km do roku {c.y1}"]
    closing = [f"Plnění plánu vyhodnocuje odbor dopravy každé dva roky; zpráva se předkládá zastupitelstvu {c.who}.",
               *_approval(c)]
    secs: Sections = [(h.chapter("intro"), tuple(intro)), (h.chapter("process"), tuple(process)),
                      (h.chapter("analysis"), tuple(traffic)), (h.chapter("problems"), tuple(problems)),
                      (h.chapter("vision"), tuple(targets)), (h.chapter("scenarios"), tuple(scenarios)),
                      (h.chapter("measures"), tuple(measures)), (h.chapter("action"), tuple(action)),
                      (h.chapter("indicators"), tuple(indicators)), (h.chapter("closing"), tuple(closing))]
    return secs, None


# ------------------------------------------------------------------ energy concept
ENERGY_HEADS = {
    "intro": ("Úvod", "Úvod a právní rámec", "Účel koncepce"),
    "territory": ("Charakteristika území", "Popis území", "Základní údaje"),
    "balance": ("Rozbor spotřeby", "Energetická bilance území", "Spotřeba energie"),
    "buildings": ("Budovy a veřejné osvětlení", "Spotřeba ve vlastních objektech", "Vlastní budovy"),
    "emissions": ("Emise", "Vliv na ovzduší", "Emise a kvalita ovzduší"),
    "potential": ("Možnosti úspor a vlastních zdrojů", "Potenciál", "Potenciál úspor a obnovitelných zdrojů"),
    "scenarios": ("Cíle a scénáře", "Cíle a varianty vývoje", "Scénáře vývoje a cíle"),
    "measures": ("Navržená opatření", "Akční část", "Opatření"),
    "indicators": ("Ukazatele", "Sledované ukazatele", "Indikátory"),
    "implement": ("Realizace a vyhodnocování", "Energetický management", "Implementace"),
    "closing": ("Platnost a schválení", "Závěr", "Schválení"),
}


def energy_concept(c: Ctx) -> tuple[Sections, Table]:
    r = c.rng
    regional = c.noun == "kraj"
    h = Heads(c, ENERGY_HEADS)
    pop = c.spec.population if not regional else r.randint(300, 1300) * 1000
    total = max(2000, pop * r.randint(18, 30) // 100 * 100)
    gas, wood, el, coal = r.randint(35, 60), r.randint(8, 25), r.randint(10, 25), r.randint(2, 10)
    rest = max(0, 100 - gas - wood - el - coal)
    homes, firms = r.randint(45, 65), r.randint(20, 35)
    public = 100 - homes - firms
    legal = r.choice(["Koncepce je zpracována podle zákona č. 406/2000 Sb., o hospodaření energií"
                      + (", a nařízení vlády č. 232/2015 Sb., o státní energetické koncepci a o územní energetické "
                         "koncepci." if r.random() < 0.6 else "."),
                      "Povinnost zpracovat územní energetickou koncepci mají ze zákona o hospodaření energií kraje a "
                      "hlavní město; " + ("kraj ji aktualizuje v souladu se státní energetickou koncepcí." if regional
                                          else f"{c.noun} ji zpracoval{c.vars['agr']} dobrovolně v rozsahu přiměřeném "
                                               f"své velikosti.")])
    intro = [legal, f"Koncepce platí pro období {c.span}.",
             r.choice([f"Jejím cílem je snížit spotřebu energie a náklady na ni, zvýšit podíl obnovitelných zdrojů a "
                       f"zlepšit kvalitu ovzduší na území {c.who}.",
                       f"Koncepce stanoví, jak bude {c.noun} {c.X} hospodařit s energií ve vlastních budovách a jak "
                       f"může pomoci domácnostem a firmám ke snížení spotřeby.",
                       f"Koncepce je dlouhodobým plánem zásobování území {c.who} energií: popisuje, kolik energie se "
                       f"spotřebuje a z jakých zdrojů, a navrhuje, jak spotřebu snížit a zdroje zlepšit."]),
             r.choice(["Dokument vychází z údajů distributorů energie, z energetických auditů a průkazů energetické "
                       "náročnosti budov a ze sčítání lidu, domů a bytů.",
                       f"Podklady poskytli distributoři elektřiny a plynu, správci budov a {c.vars['office']}; "
                       f"zpracovatelem je {r.choice(CONSULTANTS)} s energetickým specialistou.",
                       "Údaje o spotřebě jsou za poslední tři roky; u budov, kde chyběla měření, byla spotřeba "
                       "dopočtena z faktur."])]
    fig = c.fig
    territory = [r.choice([f"Na území {c.who} žije {_n(pop)} obyvatel v {_n(fig.houses if fig else pop // 3)} "
                           f"{'domech' if not regional else 'bytech a domech'}.",
                           f"Území {c.who} má {_n(pop)} obyvatel; převažuje zástavba rodinných domů, ve větších "
                           f"sídlech jsou i bytové domy."]),
                 r.choice(["Dálkové vytápění je jen v části sídlištní zástavby, ostatní budovy mají vlastní kotle.",
                           f"Plynofikováno je zhruba {r.randint(55, 90)} % domácností, ostatní topí dřevem, "
                           f"elektřinou nebo uhlím.",
                           "Průmyslové podniky mají vlastní zdroje tepla; veřejné budovy jsou napojeny na plyn."]),
                 r.choice([f"Topné období trvá v průměru {r.randint(225, 250)} dní; výpočtová venkovní teplota je "
                           f"−{r.randint(12, 17)} °C.",
                           f"Klimatické podmínky odpovídají nadmořské výšce; průměrná roční teplota je "
                           f"{_d(r.uniform(6.5, 9.5))} °C."]),
                 r.choice(["Více než polovina domů byla postavena před rokem 1980 a jen část z nich je zateplena.",
                           f"Za posledních deset let bylo zatepleno přibližně {r.randint(20, 45)} % rodinných domů, "
                           f"zejména s podporou programu Nová zelená úsporám."])]
    balance = [f"Celková spotřeba energie na území dosahuje přibližně {_n(total)} MWh za rok. Podíl zdrojů: "
               f"zemní plyn {gas} %, dřevo a jiná biomasa {wood} %, elektřina {el} %, uhlí {coal} %, ostatní {rest} %.",
               f"Domácnosti spotřebují {homes} % energie ({_n(total * homes // 100)} MWh), podnikatelský sektor "
               f"{firms} % a veřejný sektor {public} %.",
               f"Spotřeba elektřiny dosahuje {_n(total * el // 100)} MWh ročně; na území je {r.randint(8, 90) * (12 if regional else 1)} "
               f"fotovoltaických elektráren o celkovém výkonu {_n(r.randint(150, 2500) * (30 if regional else 1))} kWp.",
               r.choice(["Spotřeba tepla v posledních letech mírně klesá díky zateplování domů, spotřeba elektřiny "
                         "roste.", f"Výroba elektřiny z obnovitelných zdrojů na území pokrývá jen malou část "
                                   f"spotřeby, zhruba {r.randint(3, 15)} %."]),
               r.choice([f"Doprava spotřebuje dalších zhruba {_n(total * r.randint(20, 35) // 100)} MWh v pohonných "
                         f"hmotách; koncepce se jí věnuje jen okrajově.",
                         "Energie v dopravě není do bilance zahrnuta; řeší ji plán mobility."])]
    if regional:
        bld = [f"Budovy ve vlastnictví kraje – školy, domovy pro seniory, nemocnice a úřad – spotřebují "
               f"{_n(r.randint(40, 160) * 1000)} MWh ročně; nejvíce nemocnice a domovy mládeže.",
               f"Energetický management je zaveden v {r.randint(20, 80)} krajských objektech; u ostatních se "
               f"spotřeba sleduje jen z faktur.",
               f"Náklady kraje na energie ve vlastních budovách přesáhly za poslední rok {kc(r.randint(3, 9) * 1e8)}."]
    else:
        b = c.loc.buildings
        bld = [f"Budovy ve vlastnictví {NOUN_GEN[c.noun]} spotřebují {_n(max(40, c.spec.population // r.randint(8, 20)))} "
               f"MWh ročně; nejvíce {b[0][0]} a {b[1][0]}.",
               f"Veřejné osvětlení odebírá {_n(max(15, c.spec.population // r.randint(25, 60)))} MWh ročně; "
               f"tvoří je {_n(max(20, c.spec.population // r.randint(5, 9) // 10 * 10))} světelných bodů, "
               f"z toho {r.randint(10, 45)} % úsporných.",
               f"Podle průkazu energetické náročnosti patří {b[2][0]} do třídy {r.choice('DEFG')} a {b[3][0]} do "
               f"třídy {r.choice('CDE')}.",
               f"Náklady na energie ve vlastních budovách a na veřejné osvětlení dosáhly v roce {c.y0 - 1} "
               f"{kc(c.spec.population * r.uniform(250, 600))}."]
    emissions = [f"Emise oxidu uhličitého z energetiky na území se odhadují na {_n(total * r.randint(25, 40) // 100)} "
                 f"tun ročně.",
                 r.choice(["V zimě se zhoršuje kvalita ovzduší kvůli lokálním topeništím na pevná paliva.",
                           "Největším zdrojem znečištění ovzduší jsou v topné sezoně domácí kotle na uhlí."]),
                 r.choice(["Od zákazu provozu kotlů nejnižších emisních tříd se situace zlepšila, v údolích však "
                           "při inverzi stále dochází k překračování limitů prachových částic.",
                           "Podíl uhlí na vytápění klesá, zůstává však vyšší než v okolních územích."])]
    potential = c.says(["Střechy budov umožňují instalovat panely o celkovém výkonu kolem {kwp} kWp.",
                        "V okolních lesích je dostatek dřevní štěpky pro menší výtopnu.",
                        "Zateplení škol a úřadu by snížilo spotřebu tepla zhruba o třetinu.",
                        "Společné nakupování energií s dalšími obcemi snižuje cenu.",
                        "Domácnosti stále topí v kotlích na uhlí, které nesplňují emisní třídy.",
                        "Tepelná čerpadla jsou vhodná pro menší budovy bez plynové přípojky.",
                        "Komunitní energetika by umožnila sdílet elektřinu vyrobenou na veřejných budovách.",
                        "Výměna svítidel veřejného osvětlení za LED sníží jeho spotřebu o více než polovinu."],
                       5, kwp=r.choice([80, 150, 200, 350, 600]) * (20 if regional else 1))
    swot = (f"Silné stránky: {', '.join(r.sample(['vysoký podíl plynofikace', 'zkušenosti s dotacemi na úspory', 'vlastní lesy a dřevní hmota', 'zateplené školy', 'zájem obyvatel o fotovoltaiku'], 2))}. "
            f"Slabé stránky: {', '.join(r.sample(['staré kotle v domácnostech', 'energeticky náročné veřejné budovy', 'zastaralé veřejné osvětlení', 'chybějící měření spotřeby'], 2))}. "
            f"Příležitosti: {', '.join(r.sample(['dotace z Modernizačního fondu', 'komunitní energetika', 'klesající ceny fotovoltaiky', 'energetické služby se zaručenou úsporou'], 2))}. "
            f"Hrozby: {', '.join(r.sample(['růst cen energií', 'výpadky dodávek', 'nedostatek montážních firem', 'návrat k uhlí při drahém plynu'], 2))}.")
    potential.append(swot)
    goals = [f"Cíle koncepce do roku {c.y1}: snížit spotřebu energie ve vlastních budovách o {r.randint(15, 30)} %, "
             f"zvýšit podíl obnovitelných zdrojů na spotřebě na {r.randint(18, 35)} % a nahradit všechny kotle na "
             f"uhlí ve veřejných budovách.",
             r.choice(["Byly porovnány dva scénáře: bez zásahu a s realizací navržených opatření. Úsporný scénář "
                       "předpokládá zateplení většiny veřejných budov a výměnu kotlů.",
                       "Referenční scénář počítá s pokračováním dosavadního vývoje, úsporný s realizací všech "
                       "opatření koncepce; rozdíl ve spotřebě činí v cílovém roce zhruba pětinu."])]
    measures = []
    pool = (REGION_PROJECTS["Životní prostředí"] if regional else THEMES["energy"]["projects"])
    for i, p in enumerate(r.sample(pool, min(len(pool), 5)), start=1):
        name = _region_fill(c, p) if regional else c.fill(p)
        measures.append(f"{i}. {name} – úspora {_n(r.randint(10, 300) * (20 if regional else 1))} MWh/rok, náklady "
                        f"{kc(_region_cost(c, name)) if regional else kc(_cost_value(c, name))}, prostá návratnost "
                        f"{r.randint(5, 18)} let.")
    measures.append(r.choice(["Organizační opatření: energetický management (pravidelné sledování spotřeby), "
                              "poradenství pro domácnosti a podpora výměny kotlů.",
                              "Doplňkově: osvěta ve školách, informace o dotacích na úspory pro domácnosti a "
                              "společný nákup energií."]))
    indicators = [f"Spotřeba energie ve vlastních budovách: {_n(max(40, c.spec.population // 12) if not regional else r.randint(40, 160) * 1000)} MWh "
                  f"→ pokles o {r.randint(15, 30)} %",
                  f"Instalovaný výkon fotovoltaiky na vlastních budovách: {r.randint(0, 30)} kWp → "
                  f"{r.randint(50, 300) * (20 if regional else 1)} kWp",
                  f"Počet kotlů na uhlí ve veřejných budovách: {r.randint(1, 4)} → 0"]
    impl = [r.choice(["Za naplňování koncepce odpovídá energetický manažer; spotřebu vyhodnocuje každý rok.",
                      "Plnění koncepce se vyhodnocuje jednou ročně; výsledky projednává rada a zastupitelstvo."]),
            r.choice(["Financování: Operační program Životní prostředí, Modernizační fond, Národní plán obnovy, "
                      "u domácností program Nová zelená úsporám; část opatření lze zajistit formou energetických "
                      "služeb se zaručenou úsporou.",
                      "Opatření budou financována z rozpočtu, z dotací Státního fondu životního prostředí a z "
                      "úspor, které opatření přinesou."]),
            "Koncepce se aktualizuje nejméně jednou za pět let, nebo když se výrazně změní podmínky."]
    secs: Sections = [(h.chapter("intro"), tuple(intro)), (h.chapter("territory"), tuple(territory)),
                      (h.chapter("balance"), tuple(balance)), (h.chapter("buildings"), tuple(bld)),
                      (h.chapter("emissions"), tuple(emissions)), (h.chapter("potential"), tuple(potential)),
                      (h.chapter("scenarios"), tuple(goals)), (h.chapter("measures"), tuple(measures)),
                      (h.chapter("indicators"), tuple(indicators)),
                      (h.chapter("implement"), tuple(impl)), (h.chapter("closing"), tuple(_approval(c)))]
    return secs, None


# ------------------------------------------------------------------ regional development strategy
REGION_AREAS = (
    ("Ekonomika a vzdělávání", "Konkurenceschopná ekonomika a vzdělaní lidé",
     (("podpora spolupráce škol a firem", "Firmy se podílejí na praktické výuce a nabízejí žákům stáže."),
      ("kariérové poradenství", "Žáci základních škol se lépe rozhodují o volbě oboru."),
      ("inovační vouchery pro malé firmy", "Malé firmy mohou nakoupit služby výzkumných organizací."),
      ("modernizace odborných škol", "Dílny a laboratoře odpovídají potřebám zaměstnavatelů.")),
     ("Podíl výdajů na výzkum a vývoj na HDP (%)", "Počet žáků v technických oborech")),
    ("Doprava", "Bezpečná a dostupná doprava v celém kraji",
     (("modernizace silnic II. třídy", "Přednost mají úseky s nejvyšší intenzitou dopravy a nehodovostí."),
      ("integrovaný dopravní systém", "Jedna jízdenka pro vlaky i autobusy a navazující jízdní řády."),
      ("bezpečné přechody na průtazích obcí", "Kraj podporuje obce při úpravách průtahů silnic."),
      ("cyklostezky podél řek", "Páteřní cyklotrasy propojí města s rekreačními oblastmi.")),
     ("Podíl silnic II. třídy v dobrém stavu (%)", "Počet cestujících v integrované dopravě (mil. ročně)")),
    ("Zdravotnictví a sociální péče", "Dostupná zdravotní a sociální péče",
     (("urgentní příjem krajské nemocnice", "Modernizace urgentního příjmu zkrátí čekací doby."),
      ("domovy se zvláštním režimem", "Přibydou lůžka pro lidi s demencí."),
      ("podpora pečujících rodin", "Odlehčovací služby a poradenství pro rodiny, které pečují doma."),
      ("zdravotnická záchranná služba", "Nové výjezdové základny zkrátí dojezdové časy na venkově.")),
     ("Dojezdová doba záchranné služby do 20 minut (% výjezdů)", "Počet lůžek v domovech se zvláštním režimem")),
    ("Venkov a obce", "Živý venkov s dostupnými službami",
     (("program obnovy venkova", "Dotace na opravy obecního majetku a veřejných prostranství."),
      ("podpora obchodů na venkově", "Příspěvek na provoz prodejen v obcích do 1 000 obyvatel."),
      ("meziobecní spolupráce", "Společné projekty svazků obcí a sdílení služeb."),
      ("dostupné bydlení v malých obcích", "Podpora výstavby a rekonstrukce obecních bytů.")),
     ("Počet podpořených obcí z Programu obnovy venkova", "Počet obcí bez prodejny potravin")),
    ("Krajina a voda", "Odolná krajina a zdravé životní prostředí",
     (("zadržení vody v krajině", "Tůně, mokřady a revitalizace vodních toků."),
      ("obnova alejí", "Výsadba stromořadí podél silnic a polních cest."),
      ("protipovodňová opatření", "Poldry a úpravy koryt v nejohroženějších obcích."),
      ("výměna kotlů v domácnostech", "Pokračování kotlíkových dotací pro domácnosti s nízkými příjmy.")),
     ("Počet vyměněných kotlů na pevná paliva", "Délka revitalizovaných vodních toků (km)")),
    ("Cestovní ruch a kultura", "Atraktivní kraj pro návštěvníky i obyvatele",
     (("značení turistických tras", "Jednotný informační systém a obnova značení."),
      ("obnova kulturních památek", "Dotační program pro vlastníky památek."),
      ("krajská muzea a galerie", "Modernizace expozic a depozitářů krajských příspěvkových organizací.")),
     ("Počet přenocování hostů v hromadných ubytovacích zařízeních (tis.)", "Počet obnovených památek")),
)
REGION_STATE = {
    "Obyvatelstvo": ("Kraj má přibližně {pop} tisíc obyvatel a {orp} obcí s rozšířenou působností; ve městech "
                     "nad 20 tisíc obyvatel žije zhruba {urban} % obyvatel.", "Průměrný věk obyvatel kraje dosahuje {age} roku a podíl lidí nad 65 let "
                     "roste; nejrychleji stárnou venkovské oblasti.", "Ve venkovských oblastech ubývá obyvatel a "
                     "zanikají obchody a pošty, zázemí velkých měst naopak roste."),
    "Ekonomika a trh práce": ("Nezaměstnanost je pod celostátním průměrem, firmy ale nemohou najít kvalifikované "
                              "lidi.", "Hrubý domácí produkt na obyvatele činí {hdp} % průměru republiky.",
                              "Průmysl zaměstnává více než třetinu pracujících; podíl služeb s vyšší přidanou "
                              "hodnotou je nízký."),
    "Vzdělávání": ("Střední školy mají volná místa v technických oborech a přetlak v gymnáziích.", "Kraj zřizuje "
                   "{schools} středních škol; část budov potřebuje rekonstrukci.", "Chybějí učitelé technických "
                   "předmětů a odborného výcviku."),
    "Zdravotnictví a sociální služby": ("Krajská nemocnice a oblastní nemocnice v bývalých okresních městech "
                                        "potřebují modernizovat operační sály a urgentní příjem.", "Na lůžko v domově se zvláštním "
                                        "režimem se čeká průměrně {wait} měsíců.", "V odlehlých oblastech chybějí "
                                        "praktičtí lékaři a zubaři."),
    "Doprava": ("Silnice II. a III. třídy jsou z velké části v horším než dobrém stavu.", "Kraj spravuje "
                "{roads} km silnic II. a III. třídy a přes {bridges} mostů.", "Veřejná doprava na venkově jezdí "
                "o víkendech jen výjimečně."),
    "Životní prostředí": ("Sucho a přívalové deště poškozují zemědělskou půdu i obce v údolích.", "Kvalita "
                          "ovzduší se zlepšuje, v zimě však v údolích přetrvávají inverze.", "Lesy byly "
                          "v posledních letech silně poškozeny kůrovcem."),
}
REGION_HEADS = {
    "intro": ("Úvod", "Úvod a postavení strategie", "Účel dokumentu"),
    "process": ("Postup zpracování", "Příprava strategie", "Partnerství a zapojení"),
    "analysis": ("Analytická část", "Analýza území", "Socioekonomická analýza"),
    "swot": ("SWOT analýza", "Shrnutí analýzy", "Klíčová zjištění"),
    "vision": ("Vize", "Vize kraje", "Vize a globální cíl"),
    "design": ("Návrhová část", "Prioritní osy, cíle a opatření", "Strategická část"),
    "indicators": ("Indikátory", "Monitorovací ukazatele", "Ukazatele"),
    "implement": ("Implementace", "Realizace strategie", "Řízení a financování"),
    "closing": ("Platnost a schválení", "Závěrečná ustanovení", "Schválení"),
}


def regional_strategy(c: Ctx) -> tuple[Sections, Table]:
    r = c.rng
    h = Heads(c, REGION_HEADS)
    intro = [r.choice([
        f"Strategie vymezuje, čemu bude kraj v letech {c.span} dávat přednost při investicích a při podpoře obcí, "
        f"firem a neziskových organizací.", f"Dokument je hlavním rozvojovým dokumentem kraje na období {c.span}; "
        f"vychází z rozboru území a z konzultací s obcemi, školami, nemocnicemi a zaměstnavateli."])]
    if r.random() < 0.7:
        intro.append("Navazuje na Strategii regionálního rozvoje ČR 2021+ a na krajskou inovační strategii; "
                     "podrobněji ji rozpracovává program rozvoje územního obvodu kraje.")
    intro.append(r.choice(["Strategie rozvoje územního obvodu kraje je zpracována podle zákona č. 248/2000 Sb., o "
                           "podpoře regionálního rozvoje, a schvaluje ji zastupitelstvo kraje.",
                           "Podle zákona o podpoře regionálního rozvoje kraj zpracovává strategii rozvoje svého "
                           "územního obvodu; tento dokument ji představuje."]))
    intro.append(r.choice(["Strategie je rozdělena na analytickou část, návrhovou část s prioritními osami, cíli a "
                           "opatřeními a na implementační část, která popisuje řízení, financování a vyhodnocování.",
                           "Pro kraj je strategie podkladem pro rozpočet, pro dotační programy pro obce a pro "
                           "vyjednávání o evropských a národních penězích."]))
    process = [r.choice([f"Strategii připravoval odbor regionálního rozvoje od roku {c.y0 - 2} s pracovními "
                         f"skupinami pro ekonomiku, dopravu, zdravotnictví, venkov a životní prostředí.",
                         "Na přípravě se podíleli zástupci obcí s rozšířenou působností, místních akčních skupin, "
                         "vysokých škol, hospodářské komory a neziskových organizací."]),
               r.choice([f"Návrh projednala Regionální stálá konference a byl zveřejněn k připomínkám; "
                         f"došlo {r.randint(40, 160)} připomínek.",
                         f"Součástí přípravy bylo dotazníkové šetření mezi obcemi kraje, odpovědělo "
                         f"{r.randint(120, 400)} starostů."]),
               r.choice(["Strategie byla posouzena z hlediska vlivů na životní prostředí (SEA); stanovisko "
                         "Ministerstva životního prostředí je souhlasné s podmínkami, které jsou zapracovány.",
                         "Návrh byl posouzen z hlediska vlivů na životní prostředí (SEA) a projednán na veřejném "
                         "projednání v sídle kraje."])]
    v = dict(pop=r.randint(4, 13) * 50, orp=r.randint(7, 15), urban=r.randint(30, 55), age=_d(r.uniform(42, 44.5)),
             hdp=r.randint(75, 95), schools=r.randint(40, 110), wait=r.randint(6, 18),
             roads=_n(r.randint(20, 55) * 100), bridges=_n(r.randint(6, 15) * 100))
    state = []
    for topic, pool in REGION_STATE.items():
        state.append(f"{topic}. " + " ".join(s.format(**v) for s in r.sample(pool, 2)))
    swot = (f"Silné stránky: {', '.join(r.sample(['tradiční průmysl', 'kvalitní příroda', 'síť středních škol', 'nízká nezaměstnanost', 'silná města', 'poloha na hlavních dopravních tazích'], 3))}.",
            f"Slabé stránky: {', '.join(r.sample(['stav silnic', 'stárnutí obyvatel', 'nedostatek lékařů', 'nízké mzdy', 'slabá dopravní obslužnost venkova', 'nízký podíl vysokoškoláků'], 3))}.",
            f"Příležitosti: {', '.join(r.sample(['evropské fondy 2021–2027', 'spolupráce s univerzitami', 'cestovní ruch', 'obnovitelné zdroje energie', 'návrat absolventů'], 3))}.",
            f"Hrozby: {', '.join(r.sample(['odliv mladých lidí', 'klimatická změna', 'růst cen energií', 'nedostatek pracovní síly', 'útlum tradičních odvětví'], 3))}.")
    vision = (r.choice([f"Vize: {c.X} v roce {c.y1} je krajem, kde lidé rádi žijí a pracují, s dostupnými "
                        f"službami ve městech i na venkově a se zdravou krajinou.",
                        f"V roce {c.y1} je {c.X} prosperujícím a soudržným regionem s kvalitním vzděláváním, "
                        f"bezpečnou dopravou a dostupnou zdravotní péčí."]),
              r.choice(["Globální cíl: zvýšit kvalitu života obyvatel a snížit rozdíly mezi městy a venkovem.",
                        "Vize se naplňuje prostřednictvím čtyř prioritních os, které odpovídají hlavním zjištěním "
                        "analýzy."]),
              r.choice(["Průřezovými tématy všech os jsou digitalizace, adaptace na změnu klimatu a spolupráce "
                        "kraje s obcemi.", "Při naplňování vize bude kraj dbát na vyvážený rozvoj: investice "
                        "nesmějí mířit jen do největších měst, ale i do venkovských a hospodářsky slabých oblastí."]))
    paras, indicators = [], []
    for i, (name, goal, items, inds) in enumerate(r.sample(REGION_AREAS, 4), start=1):
        paras.append(f"Prioritní osa {i}: {name}")
        paras.append(f"Strategický cíl {i}: {goal}.")
        for k, (it, desc) in enumerate(r.sample(items, 3), start=1):
            paras.append(f"Opatření {i}.{k}: {it}. {desc}" if r.random() < 0.7 else f"Opatření {i}.{k}: {it}")
        if r.random() < 0.6:
            typical = r.sample(REGION_PROJECTS[r.choice(list(REGION_PROJECTS))], 2)
            paras.append("Typové projekty: " + "; ".join(_region_fill(c, p) for p in typical) + ".")
        ind = r.choice(inds)
        a = r.randint(20, 90)
        indicators.append(f"{ind}: výchozí stav {a} ({c.y0 - 1}), cílová hodnota {a + r.randint(5, 30)} ({c.y1})")
    impl = ["Strategii naplňují akční plány na dva roky. Za koordinaci odpovídá odbor regionálního rozvoje, plnění "
            "se projednává v regionální stálé konferenci a jednou ročně v zastupitelstvu kraje.",
            r.choice(["Financování: rozpočet kraje, evropské fondy (IROP, OP Jan Amos Komenský, OP Životní prostředí, "
                      "OP Spravedlivá transformace), státní rozpočet.",
                      f"Na naplňování strategie počítá kraj s investicemi kolem {r.randint(3, 12)} mld. Kč ročně."]),
            r.choice(["Každé opatření má garanta z řad odborů krajského úřadu; garant odpovídá za přípravu "
                      "projektů a za podklady pro vyhodnocení.",
                      "Zprávu o plnění zpracovává odbor regionálního rozvoje každý rok k 30. červnu."]),
            "Po třech letech proběhne střednědobé vyhodnocení a případná aktualizace."]
    secs: Sections = [(h.chapter("intro"), tuple(intro)), (h.chapter("process"), tuple(process)),
                      (h.chapter("analysis"), tuple(state)), (h.chapter("swot"), swot),
                      (h.chapter("vision"), vision), (h.chapter("design"), tuple(paras)),
                      (h.chapter("indicators"), tuple(indicators)), (h.chapter("implement"), tuple(impl)),
                      (h.chapter("closing"), tuple(_approval(c)))]
    return secs, None


# ------------------------------------------------------------------ MAS strategy
MAS_FICHES = (
    ("Zemědělské podniky a zpracování produktů", "investice do staveb a strojů v zemědělských podnicích a do "
     "zpracování místních produktů", "zemědělci a malé potravinářské firmy"),
    ("Občanská vybavenost obcí", "opravy kulturních domů, hřišť, knihoven a veřejných prostranství", "obce a spolky"),
    ("Sociální služby a komunitní centra", "komunitní centra, sociální služby a podpora pečujících",
     "neziskové organizace a obce"),
    ("Bezpečnost dopravy a cyklostezky", "chodníky, přechody, bezbariérové zastávky a cyklostezky", "obce"),
    ("Školy a volnočasové vzdělávání", "učebny, vybavení škol a zázemí pro zájmové vzdělávání", "školy a obce"),
    ("Podnikání na venkově", "začínající a malé firmy mimo zemědělství", "podnikatelé"),
    ("Hasiči a ochrana obyvatel", "vybavení jednotek sborů dobrovolných hasičů", "obce"),
)


def mas_strategy(c: Ctx) -> tuple[Sections, Table]:
    r = c.rng
    obce, lidi = r.randint(20, 45), r.randint(25, 60) * 1000
    total = r.randint(40, 120)
    fiches = r.sample(MAS_FICHES, 5)
    shares = [r.randint(10, 30) for _ in fiches]
    s = sum(shares)
    fiche_paras = []
    for i, ((name, what, who), share) in enumerate(zip(fiches, shares), start=1):
        fiche_paras.append(f"Fiche {i} – {name}. Podporované aktivity: {what}. Žadatelé: {who}. Alokace "
                           f"{_d(total * share / s)} mil. Kč. " + r.choice([
                               "Přednost mají projekty v menších obcích a projekty, které vytvářejí pracovní místa.",
                               "Při hodnocení se přihlíží k připravenosti projektu a k jeho přínosu pro více obcí.",
                               "Minimální výše projektu je 100 tis. Kč, maximální 3 mil. Kč.",
                               "Žadatel musí mít projekt v souladu se svým rozvojovým dokumentem."]))
    return [("Úvod", ("Strategie komunitně vedeného místního rozvoje je dokument, podle kterého místní akční skupina "
                      f"rozděluje peníze z evropských fondů na projekty obcí, spolků a podnikatelů v období {c.span}.",
                      "Vznikla zdola: s obcemi, spolky a podnikateli jsme mluvili o tom, co území potřebuje. "
                      "Strategii schválila valná hromada a po věcném hodnocení ji potvrdilo Ministerstvo pro "
                      "místní rozvoj.", "Strategie navazuje na předchozí období 2014–2020, ve kterém MAS podpořila "
                      f"{r.randint(80, 220)} projektů za {r.randint(30, 90)} mil. Kč.")),
            ("Území MAS", (f"Místní akční skupina působí na území {obce} obcí s přibližně {_n(lidi)} obyvateli. "
                           f"Členy jsou obce, spolky i podnikatelé; veřejný sektor nemá v rozhodovacích orgánech "
                           f"více než 49 % hlasů.",
                           "Území je převážně venkovské, s několika malými městy; obyvatelé dojíždějí za prací do "
                           "krajského města.", f"Průměrná obec má kolem {lidi // obce // 10 * 10} obyvatel; "
                           f"{r.randint(5, 15)} obcí nemá vlastní prodejnu a {r.randint(3, 12)} nemá školu.")),
            ("Zapojení komunity", (f"Během přípravy proběhlo {r.randint(6, 14)} veřejných setkání v obcích, "
                                   f"dotazník vyplnilo {r.randint(300, 1200)} obyvatel a vlastní záměry poslalo "
                                   f"{r.randint(40, 150)} budoucích žadatelů.",
                                   "Pracovní skupiny pro zemědělství, obce, sociální oblast a vzdělávání se "
                                   "scházely pravidelně; z jejich jednání vznikla opatření strategie.")),
            ("Analýza území", (f"Počet obyvatel území je od roku 2011 téměř stabilní; podíl lidí nad 65 let "
                               f"vzrostl na {r.randint(19, 24)} %. Nejvíce přibývá obyvatel v obcích v dosahu "
                               f"krajského města, odlehlé obce se vylidňují.",
                               f"Na území působí přes {r.randint(150, 400)} spolků, nejčastěji hasiči, sportovní "
                               f"kluby a myslivci. Kulturní domy a hřiště v obcích jsou však často v nevyhovujícím "
                               f"stavu.", "Zemědělství hospodaří na většině půdy; malé podniky a živnostníci "
                               "zpracovávají místní produkty jen výjimečně. Za prací vyjíždí více než polovina "
                               "ekonomicky aktivních obyvatel.", "Autobusy jezdí do menších obcí několikrát denně, "
                               "o víkendu často vůbec. Chybějí bezpečné chodníky podél průtahů a cyklostezky mezi "
                               "obcemi.", "Sociální služby jsou soustředěny ve městech; na venkově chybí odlehčovací "
                               "služby a komunitní centra pro seniory.")),
            ("SWOT", ("Silné stránky: spolupráce obcí, aktivní spolky, zachovalá krajina, místní tradice.",
                                "Slabé stránky: dopravní obslužnost, málo pracovních míst, stárnutí obyvatel, "
                                "zanikající služby v malých obcích.",
                                "Příležitosti: cestovní ruch, místní produkty, komunitní energetika. Hrozby: "
                                "odchod mladých, sucho, rostoucí ceny.")),
            ("Strategická část", ("Vize: živý venkov, kde se dobře žije, pracuje i odpočívá.",
                                  "Strategické cíle: 1. kvalitní služby a vybavenost obcí; 2. konkurenceschopné "
                                  "podnikání a zemědělství; 3. soudržná komunita a péče o krajinu.",
                                  *fiche_paras,
                                  f"Finanční plán počítá s {total} mil. Kč na celé období {c.span}; peníze pocházejí "
                                  f"z Integrovaného regionálního operačního programu, ze Strategického plánu "
                                  f"společné zemědělské politiky a z Operačního programu Zaměstnanost plus.",
                                  "Míra podpory je u obcí a neziskových organizací zpravidla 70–95 %, u podnikatelů "
                                  "a zemědělců 40–65 % způsobilých výdajů.")),
            ("Vazba na další dokumenty", ("Strategie navazuje na Strategii regionálního rozvoje ČR 2021+, na "
                                          "program rozvoje kraje a na rozvojové dokumenty členských obcí; se "
                                          "sousedními MAS spolupracuje na projektech cestovního ruchu.",)),
            ("Indikátory", (f"Počet podpořených projektů: cíl {r.randint(60, 160)}.",
                            f"Počet nově vytvořených pracovních míst: cíl {r.randint(5, 25)}.",
                            f"Počet obyvatel, kteří využívají zlepšené služby: cíl {_n(r.randint(5, 30) * 1000)}.")),
            ("Animace a hodnocení", ("Kancelář MAS pomáhá žadatelům s přípravou projektů, pořádá semináře a "
                                     "každoročně vyhodnocuje naplňování strategie.",
                                     "Projekty vybírá výběrový orgán podle předem zveřejněných kritérií; programový "
                                     "výbor schvaluje výzvy a kontrolní výbor dohlíží na dodržování postupů.",
                                     "V polovině období proběhne evaluace; podle jejích výsledků lze přesunout "
                                     "peníze mezi fichemi.", *_approval(c)))], None


def compose_strategy(spec: "DocSpec", rng: random.Random) -> tuple[Sections, Table, str]:
    """(sections, table or None, the 'prepared by' cover line) of one strategy document."""
    c = context(spec, rng)
    t = spec.doc_type
    if t == "action_plan":
        secs, table = action_plan(c)
    elif t == "smart_city_strategy":
        secs, table = smart_concept(c)
    elif t == "sump":
        secs, table = mobility_plan(c)
    elif t == "territorial_energy_concept":
        secs, table = energy_concept(c)
    elif t == "regional_development_strategy":
        secs, table = regional_strategy(c)
    elif t == "sclld":
        secs, table = mas_strategy(c)
    else:
        secs, table = main_plan(c)
    if t != "strategic_development_plan_municipal" and t != "programme_municipal_development":
        _edition(c, secs)
    made_by = rng.choice([f"Zpracovatel: {spec.org_name} ve spolupráci s firmou {rng.choice(CONSULTANTS)}",
                          f"Zpracovala pracovní skupina pro rozvoj, {spec.org_name}",
                          f"Zpracováno pro {spec.org_name}; odborná spolupráce {rng.choice(CONSULTANTS)}",
                          f"Zpracovatel: {rng.choice(CONSULTANTS)}"])
    return secs, table, made_by
