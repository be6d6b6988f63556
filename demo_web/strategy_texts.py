"""Bodies of strategy documents: how Czech municipal and regional plans are actually written.

A development plan has an introduction (who prepared it, how the public took part), a description of
the current state (population, roads, water, school, clubs, budget), a SWOT summary, a vision,
priority areas with goals and measures naming concrete local projects, indicators with baseline and
target values, a project list with costs, deadlines and responsible persons, and a part on how it is
carried out and updated. Each part has several wordings (heading sets, sentence variants), picked by
the document's own RNG, so two documents share structure but rarely sentences.

Vocabulary comes from vocab.py (the generator's own); nothing here is derived from a classifier.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .vocab import (BASE_THEMES, CONSULTANTS, GRANT_SOURCES, SMART_PILLARS, SMART_PROJECTS, THEMES, Local, fill,
                    local, money, person)

if TYPE_CHECKING:  # pragma: no cover
    from .model import DocSpec

Sections = list[tuple[str, tuple[str, ...]]]
Table = tuple[tuple[str, ...], ...] | None


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

    @property
    def span(self) -> str:
        return f"{self.y0}–{self.y1}"

    def fill(self, template: str, **extra) -> str:
        return fill(template, self.rng, self.loc, self.X, self.spec.population, self.noun, **extra)

    def money(self, lo: int, hi: int) -> str:
        """An amount between lo and hi tens of thousands of Kč, scaled a little by size: '1,8 mil. Kč'."""
        scale = 1.0 if self.spec.population < 5000 else (2.0 if self.spec.population < 50000 else 4.0)
        return money(int(self.rng.randint(lo, hi) * 10_000 * scale))

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
    return Ctx(spec, rng, local(spec.municipality), spec.municipality, who, noun, y0, y1)


def genitive_of_region(name: str) -> str:
    """"Zlínský kraj" -> "Zlínského kraje"; other bodies (a MAS) keep their name."""
    from .registry import Kraj

    return Kraj("", name).genitive if "kraj" in name.lower() else name


def _n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


# ------------------------------------------------------------------ shared parts
INTRO = (
    "{title} je dokument, podle kterého bude {noun} {X} řídit svůj rozvoj v letech {span}. Říká, co chceme "
    "zlepšit, v jakém pořadí a z jakých peněz.",
    "Tento dokument shrnuje, kam se má {noun} {X} v příštích letech posunout. Vznikl proto, aby investice "
    "a další kroky vedení {who} navazovaly na skutečné potřeby obyvatel a nebyly nahodilé.",
    "Zastupitelstvo {who} rozhodlo o zpracování nového rozvojového dokumentu na období {span}. Předchozí "
    "dokument byl z velké části naplněn a bylo třeba stanovit nové priority.",
    "Předkládaný materiál navazuje na dosavadní rozvoj {who} a určuje hlavní směry jeho dalšího vývoje na "
    "období {span}. Slouží zastupitelům při rozhodování o rozpočtu a při žádostech o dotace.",
)
PROCESS = (
    "Na přípravě se podílela pracovní skupina ve složení {p1} (starosta), {p2}, {p3} a {p4}. Obyvatelé "
    "vyplnili dotazník, vrátilo se {n} vyplněných formulářů.",
    "Zpracování trvalo od {m1} do {m2}. Proběhlo veřejné setkání v sále {building}, kterého se zúčastnilo "
    "asi {k} občanů, a dotazníkové šetření mezi domácnostmi ({n} odpovědí).",
    "Dokument zpracovala firma {consultant} ve spolupráci s úřadem a s komisí pro rozvoj. Podněty "
    "občanů se sbíraly v anketě ve zpravodaji a na webu; došlo {n} odpovědí.",
    "Podklady připravil úřad, připomínky poslali zastupitelé, ředitelka školy, zástupci spolků i podnikatelé. "
    "Návrh byl zveřejněn k připomínkám po dobu 30 dnů a {k} připomínek bylo zapracováno.",
)
SURVEY = (
    "V dotazníku lidé nejčastěji uváděli, že jim chybí {a}, a naopak oceňovali {b}.",
    "Z ankety vyplynulo, že obyvatelé nejvíce trápí {a}; spokojeni jsou hlavně s tím, že {b2}.",
    "Nejvíce podnětů z veřejného setkání se týkalo tématu {a}. Kladně lidé hodnotili {b}.",
)
SURVEY_MISSING = ("chodník podél hlavní silnice", "stav místních komunikací", "místa ve školce",
                  "hřiště pro větší děti", "pravidelnější autobusové spojení", "obchod a hospoda",
                  "parkování v centru", "kanalizace v místních částech", "stavební pozemky", "lékař v obci")
SURVEY_GOOD = ("klidné prostředí", "okolní přírodu", "práci spolků", "upravenou náves", "dobré sousedské vztahy",
               "kulturní akce", "fungující školu")
SURVEY_GOOD2 = ("se v obci bezpečně žije", "spolky drží obec pohromadě", "obec je čistá a upravená",
                "úřad je vstřícný")

HEADINGS = (
    ("1. Úvod", "2. Analytická část", "3. SWOT analýza", "4. Návrhová část", "5. Indikátory", "6. Zásobník projektů",
     "7. Implementace a vyhodnocování"),
    ("Úvodem", "Profil {noun_gen}", "Silné a slabé stránky", "Vize a rozvojové oblasti", "Jak poznáme pokrok",
     "Projekty na nejbližší roky", "Realizace a aktualizace dokumentu"),
    ("A. Úvod a postup zpracování", "B. Popis současného stavu", "C. Shrnutí hlavních zjištění",
     "D. Strategická vize, cíle a opatření", "E. Měřitelné ukazatele", "F. Akční plán", "G. Řízení naplňování"),
    ("Kapitola 1 – Proč a jak dokument vznikl", "Kapitola 2 – Kde jsme dnes", "Kapitola 3 – Co nám pomáhá a co "
     "nás brzdí", "Kapitola 4 – Kam chceme dojít", "Kapitola 5 – Ukazatele", "Kapitola 6 – Seznam projektových "
     "záměrů", "Kapitola 7 – Jak budeme postupovat"),
)
NOUN_GEN = {"obec": "obce", "město": "města", "městys": "městyse", "kraj": "kraje"}
NOUN_DAT = {"obec": "obci", "město": "městu", "městys": "městysi", "kraj": "kraji"}

VISION = (
    "V roce {y1} je {X} místem, kde rodiny s dětmi najdou bydlení, školku i školu, senioři potřebnou péči a "
    "všichni bezpečné ulice, čistou vodu a upravené okolí.",
    "{X} {y1}: {noun} s opravenými ulicemi a chodníky, s živými spolky a s úřadem, který s lidmi mluví. "
    "Hospodaří s rozmyslem a myslí na další generace.",
    "Chceme, aby {noun} {X} zůstal{agr} klidným a přívětivým domovem, který se nebojí novinek, pečuje o krajinu "
    "kolem sebe a nabízí obyvatelům všech věkových skupin důvod zůstat.",
    "{X} bude v roce {y1} soudržnou komunitou, ve které se dobře bydlí i podniká, děti mají kde si hrát a "
    "starší lidé nemusí za službami dojíždět.",
)
AREA_LABEL = ("Prioritní oblast {i}: {name}", "Priorita {L} – {name}", "Rozvojová oblast {i} – {name}",
              "Oblast {i}. {name}", "Pilíř {i}: {name}")
GOAL_LABEL = ("Cíl {i}.{j}: {goal}", "Strategický cíl {i}.{j} – {goal}", "Specifický cíl {i}.{j}: {goal}")
MEASURE_LABEL = ("Opatření {i}.{j}.{k}: {text}", "Aktivita {i}.{j}.{k} – {text}", "{i}.{j}.{k} {text}")
IMPLEMENT = (
    "Za naplňování odpovídá starosta {mayor}, s přípravou projektů pomáhá místostarosta {deputy}. Jednou ročně, "
    "vždy do konce {month}, předloží úřad zastupitelstvu zprávu o plnění a návrh úprav seznamu projektů.",
    "Plnění sleduje kontrolní výbor. Projekty se zařazují do rozpočtu na příslušný rok; ty, na které se nepodaří "
    "získat peníze, se přesouvají do dalších let. Dokument se aktualizuje nejpozději v polovině období.",
    "Každé opatření má svého garanta z řad zastupitelů. Seznam projektů je živý: při každém schvalování rozpočtu "
    "se doplňuje a upravuje. Souhrnné vyhodnocení proběhne v roce {mid} a na konci období.",
    "Dokument je zveřejněn na webu a k nahlédnutí na úřadě. Návrhy na změny může podat kdokoli z občanů; "
    "o změnách rozhoduje zastupitelstvo {who}.",
)
MONTHS_GEN = ("ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
              "listopadu", "prosince")
TERMS = ("2022", "2023", "2024", "2025", "2026", "2027", "2028", "2029", "2030", "průběžně", "dle dotace")


def _agr(noun: str) -> str:
    return "o" if noun == "město" else ("a" if noun == "obec" else "")


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


def _term(c: Ctx) -> str:
    years = [str(y) for y in range(max(c.y0, 2018), c.y1 + 1)] or [str(c.y0)]
    return c.rng.choice(years + ["průběžně"])


def _project_line(c: Ctx, no: int, project: str) -> str:
    cost, term = c.money(20, 900), _term(c)
    resp = c.rng.choice(["starosta", "místostarosta", "úřad", "stavební komise", "ředitelka školy", "SDH",
                         "finanční výbor"])
    src = c.rng.choice(GRANT_SOURCES)
    return c.rng.choice([f"{no}. {project} – odhad {cost}, termín {term}, odpovídá {resp}, financování: {src}.",
                         f"{no}) {project}; náklady cca {cost}; realizace {term}; garant: {resp}; zdroj: {src}.",
                         f"Projekt č. {no}: {project}. Předpokládané náklady {cost}, termín {term} ({src})."])


def _indicator(c: Ctx, theme: str) -> str:
    name, lo, hi, direction = c.rng.choice(THEMES[theme]["indicators"])
    name = c.fill(name)
    a = c.rng.randint(lo, hi)
    step = max(1, round((hi - lo) * c.rng.uniform(0.2, 0.6)))
    b = a + step if direction > 0 else max(0, a - step)
    return c.rng.choice([f"{name}: výchozí stav {a} ({c.y0 - 1}), cílová hodnota {b} ({c.y1}).",
                         f"{name} – {a} → {b}", f"{name}; současnost {a}, cíl do roku {c.y1}: {b}."])


def _profile(c: Ctx, themes: list[str]) -> tuple[str, ...]:
    pop = c.spec.population
    trend = c.rng.choice([f"V posledních deseti letech počet obyvatel mírně roste, hlavně díky nové výstavbě v "
                          f"ulici {c.loc.streets[0]}.", "Počet obyvatel je dlouhodobě stabilní, přibývá ale "
                          "starších lidí.", f"Od roku 2011 ubylo asi {c.rng.randint(3, 9)} % obyvatel, mladí "
                          "odcházejí za prací do větších měst."])
    parts = ", ".join(c.loc.parts)
    first = c.rng.choice([
        f"{c.X} ({c.spec.place}) má {_n(pop)} obyvatel. K {NOUN_DAT[c.noun]} patří místní "
        f"části {parts}. První písemná zmínka pochází z roku {c.loc.founded}.",
        f"Základní údaje: počet obyvatel {_n(pop)}, místní části {parts}, první zmínka {c.loc.founded}, "
        f"{c.spec.place}.",
        f"Území {c.who} ({c.spec.place}) obývá {_n(pop)} lidí. Vedle hlavní části tvoří {c.noun} také "
        f"{parts}."])
    out = [first, trend]
    for t in themes:
        name = c.rng.choice(THEMES[t]["names"])
        out.append(f"{name}. " + c.fill(c.rng.choice(THEMES[t]["state"])))
    emp = ", ".join(c.loc.employers)
    out.append(c.rng.choice([f"Největšími zaměstnavateli jsou {emp}; většina ekonomicky aktivních obyvatel dojíždí.",
                             f"Pracovní příležitosti v místě nabízí {emp}. Za prací se vyjíždí hlavně do okresního "
                             f"města."]))
    out.append(c.rng.choice(SURVEY).format(a=c.rng.choice(SURVEY_MISSING), b=c.rng.choice(SURVEY_GOOD),
                                           b2=c.rng.choice(SURVEY_GOOD2)))
    return tuple(out)


def _swot(c: Ctx) -> tuple[str, ...]:
    r = c.rng
    s = r.sample(["klidné prostředí a okolní příroda", "aktivní spolky a hasiči", "vlastní mateřská škola",
                  "dobrá dostupnost okresního města", "nízké zadlužení obce", "zájem o bydlení v obci",
                  "udržovaná náves", "fungující obchod a pošta", "tradiční akce – posvícení, masopust"], 3)
    w = r.sample(["chybějící chodníky podél silnice", "stará čistírna odpadních vod", "málo míst ve školce",
                  "nevyhovující kulturní dům", "slabé autobusové spojení o víkendu", "stárnutí obyvatel",
                  "rozbité místní komunikace", "málo pracovních míst v obci", "chybějící kanalizace v "
                  f"místní části {c.loc.parts[0]}"], 3)
    o = r.sample(["dotační programy státu a kraje", "spolupráce se sousedními obcemi v mikroregionu",
                  "zájem mladých rodin o stavební pozemky", "rozvoj turistiky a cyklotras", "prodej obecních pozemků",
                  "nové bytové domy", "program obnovy venkova"], 2)
    t = r.sample(["rostoucí ceny stavebních prací", "sucho a přívalové deště", "odchod mladých lidí",
                  "uzavření obchodu nebo pošty", "pokles daňových příjmů", "nedostatek lékařů",
                  "dopravní zátěž na průtahu obcí"], 2)
    style = r.randrange(3)
    if style == 0:
        return (f"Silné stránky: {', '.join(s)}.", f"Slabé stránky: {', '.join(w)}.",
                f"Příležitosti: {', '.join(o)}.", f"Hrozby: {', '.join(t)}.")
    if style == 1:
        return (f"Co nám pomáhá: {'; '.join(s)}. Co nás brzdí: {'; '.join(w)}.",
                f"Z vnějšku můžeme využít {' a '.join(o)}, pozor ale na {' a '.join(t)}.")
    return (f"S – {', '.join(s)}", f"W – {', '.join(w)}", f"O – {', '.join(o)}", f"T – {', '.join(t)}")


def _areas(c: Ctx, themes: list[str], measures_per_goal: tuple[int, int] = (2, 3)) -> tuple[list[str], list[str]]:
    """Priority areas with goals and measures; returns (paragraphs, the projects named)."""
    r = c.rng
    area_fmt, goal_fmt, meas_fmt = r.choice(AREA_LABEL), r.choice(GOAL_LABEL), r.choice(MEASURE_LABEL)
    paras, projects = [], []
    for i, t in enumerate(themes, start=1):
        th = THEMES[t]
        paras.append(area_fmt.format(i=i, L="ABCDEFGHIJ"[i - 1], name=r.choice(th["names"])))
        goals = r.sample(th["goal"], k=r.choice([1, 1, 2]))
        used: set = set()
        for j, goal in enumerate(goals, start=1):
            paras.append(goal_fmt.format(i=i, j=j, goal=goal))
            for k, proj in enumerate(_projects(c, t, r.randint(*measures_per_goal), used), start=1):
                projects.append(proj)
                paras.append(meas_fmt.format(i=i, j=j, k=k, text=proj))
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
    heads = [h.format(noun_gen=NOUN_GEN[c.noun]) for h in r.choice(HEADINGS)]
    old = c.y1 <= 2020
    k = {"obec": 5, "městys": 5}.get(c.noun, 6)
    themes = _themes(c, r.randint(k - 1, k))
    people = [c.loc.mayor, c.loc.deputy, person(r), person(r)]
    intro = [r.choice(INTRO).format(title=c.named(), noun=c.noun, X=c.X,
                                    span=c.span, who=c.who),
             r.choice(PROCESS).format(p1=people[0], p2=people[1], p3=people[2], p4=people[3],
                                      n=r.randint(40, 420), k=r.randint(12, 90),
                                      m1=f"{MONTHS_GEN[r.randrange(12)]} {c.y0 - 2}",
                                      m2=f"{MONTHS_GEN[r.randrange(12)]} {c.y0 - 1}",
                                      building=c.loc.buildings[0][1], consultant=r.choice(CONSULTANTS))]
    frame = _frame(c, old)
    if frame:
        intro.append(frame)
    vision = r.choice(VISION).format(X=c.X, y1=c.y1, noun=c.noun, agr=_agr(c.noun))
    area_paras, projects = _areas(c, themes)
    indicators = [_indicator(c, t) for t in themes]
    r.shuffle(projects)
    plist = [_project_line(c, i, p) for i, p in enumerate(projects[:r.randint(5, 8)], start=1)]
    impl = r.choice(IMPLEMENT).format(mayor=c.loc.mayor, deputy=c.loc.deputy, month=r.choice(MONTHS_GEN[:6]),
                                      mid=(c.y0 + c.y1) // 2, who=c.who)
    secs: Sections = [(heads[0], tuple(intro)), (heads[1], _profile(c, themes)), (heads[2], _swot(c)),
                      (heads[3], (vision, *area_paras)), (heads[4], tuple(indicators)), (heads[5], tuple(plist)),
                      (heads[6], (impl,))]
    _edition(c, secs)
    if old and not spec.edition:
        secs.append(("Použité zkratky", ("MAS – místní akční skupina, PRV – Program rozvoje venkova, POV – Program "
                                         "obnovy venkova, ZŠ – základní škola, MŠ – mateřská škola, SDH – sbor "
                                         "dobrovolných hasičů.",)))
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


def action_plan(c: Ctx) -> tuple[Sections, Table]:
    r = c.rng
    parent = r.choice([f"strategický plán rozvoje {c.who}", f"program rozvoje {c.who}",
                       f"dlouhodobou strategii {c.who}"])
    intro = r.choice([
        f"Akční plán rozpracovává {parent} do konkrétních kroků na roky {c.span}. U každého projektu uvádí "
        f"odhad nákladů, termín, odpovědnou osobu a předpokládaný zdroj peněz.",
        f"Tento seznam projektů navazuje na {parent}. Projekty jsou seřazeny podle naléhavosti; schvaluje se "
        f"spolu s rozpočtem a může se měnit podle toho, jaké dotace se podaří získat.",
        f"Na období {c.span} jsme z dlouhodobých cílů vybrali projekty, které chceme skutečně připravit a "
        f"postavit. Seznam vychází z {parent} a z požadavků osadních výborů."])
    themes = _themes(c, r.randint(4, 6))
    projects = [p for t in themes for p in _projects(c, t, r.randint(1, 2), set())]
    r.shuffle(projects)
    rows = [r.choice([("Projekt", "Náklady", "Termín", "Garant", "Financování"),
                      ("Název akce", "Odhad nákladů", "Realizace", "Odpovídá", "Zdroj")])]
    for p in projects[:r.randint(6, 9)]:
        rows.append((p, c.money(20, 600), _term(c), r.choice(["starosta", "místostarosta", "úřad", "rada",
                                                             "odbor investic", "ředitel ZŠ"]),
                     r.choice(GRANT_SOURCES)))
    status = tuple(r.sample([
        "Rekonstrukce, na které je hotová projektová dokumentace, mají přednost.",
        f"Stav přípravy na konci roku {c.y0 - 1}: stavební povolení má {r.randint(2, 4)} z uvedených projektů, "
        f"ostatní jsou ve fázi záměru nebo studie.", "Náklady jsou odhadnuty podle cen roku přípravy a budou upřesněny "
        "projektantem.", "Projekty bez zajištěného financování se přesouvají do dalšího roku.",
        f"Akční plán projednal finanční výbor dne {r.randint(1, 28)}. {r.randint(1, 12)}. {c.y0 - 1}."], 3))
    heads = r.choice([("Úvod", "Poznámky k projektům"), ("Účel akčního plánu", "Připravenost a financování"),
                      ("1. Vazba na strategii", "2. Komentář")])
    return [(heads[0], (intro,)), (heads[1], status)], tuple(rows)


def smart_concept(c: Ctx) -> tuple[Sections, Table]:
    r = c.rng
    pillars = r.choice(SMART_PILLARS)
    intro = r.choice([
        f"{ {'obec': 'Chytrou obec', 'město': 'Chytré město'}.get(c.noun, 'Chytrý městys')} nechápeme jako sbírku "
        f"technických hraček. Jde nám o "
        f"to, aby technologie ušetřily obyvatelům čas a obci peníze. Koncepce na období {c.span} proto začíná u "
        f"problémů, které lidé skutečně řeší.",
        f"Koncepce popisuje, jak bude {c.noun} {c.X} v letech {c.span} využívat moderní technologie a data při správě "
        f"majetku, v dopravě, u energií a v komunikaci s občany.",
        f"Cílem dokumentu je propojit jednotlivé technologické projekty {c.who}, které dosud vznikaly odděleně, "
        f"a stanovit jejich pořadí, náklady a odpovědnost."])
    state = tuple(r.sample([
        "Web obce je z roku 2016 a na mobilu se špatně ovládá. Zprávy o dění se šíří hlavně rozhlasem, který není "
        "slyšet ve všech ulicích.", f"Spotřeba energie v obecních budovách se odečítá ručně jednou měsíčně; "
        f"náklady na energie za poslední rok dosáhly {c.money(30, 400)}.",
        "Hlášení závad přichází telefonem nebo osobně, úřad je eviduje v sešitu.",
        f"Parkoviště {c.loc.landmarks[0]} je ve špičce plné, řidiči ale nevědí o volných místech o ulici dál.",
        "Data o majetku obce jsou rozptýlena v tabulkách jednotlivých referentů.",
        "Obec nemá správce IT; služby zajišťuje externí firma na základě smlouvy."], 3))
    paras, plist = [], []
    for i, (pillar, area) in enumerate(pillars, start=1):
        paras.append(f"{i}. {pillar}")
        for k, proj in enumerate(r.sample(SMART_PROJECTS[area], 2), start=1):
            proj = c.fill(proj)
            plist.append(proj)
            paras.append(f"{i}.{k} {proj}")
    pilot = r.choice([
        f"Pilotní projekt: v ulici {c.loc.streets[1]} byly na zkoušku osazeny lampy, které v noci sníží svit na "
        f"třetinu a rozsvítí se naplno, když se někdo blíží. Úspora za první rok činila {r.randint(35, 60)} %.",
        f"Pilotní projekt: čidla v {r.randint(6, 20)} kontejnerech na plasty hlásí zaplnění; svozová firma jezdí "
        f"jen k plným nádobám.", "Pilotní projekt: občané si mohou nechat posílat hlášení rozhlasu do telefonu; "
        "přihlásilo se přes 300 domácností."])
    if r.random() < 0.4:
        intro += " Koncepce vychází z metodiky Ministerstva pro místní rozvoj pro chytrá města a obce."
    rules = r.choice(["Data, která obec sbírá, budou zveřejňována v otevřené podobě, pokud neobsahují osobní údaje.",
                      "Při každém nákupu technologií posoudíme provozní náklady na deset let, nejen pořizovací cenu.",
                      "Každý projekt musí mít garanta na úřadě a plán, kdo bude zařízení udržovat."])
    rows = [("Projekt", "Náklady", "Termín", "Zdroj")]
    for p in plist[:r.randint(5, 7)]:
        rows.append((p, c.money(5, 300), _term(c), r.choice(GRANT_SOURCES)))
    heads = r.choice([("Proč koncepce vzniká", "Výchozí stav", "Pilíře a projekty", "Pravidla"),
                      ("1. Úvod", "2. Analýza současného stavu", "3. Návrhová část", "4. Zásady realizace"),
                      ("Úvodem", "Kde jsme dnes", "Co chceme udělat", "Jak to budeme dělat")])
    return [(heads[0], (intro,)), (heads[1], state), (heads[2], (*paras, pilot)), (heads[3], (rules,))], tuple(rows)


def mobility_plan(c: Ctx) -> tuple[Sections, Table]:
    r = c.rng
    walk, car, bus, bike = r.randint(22, 35), r.randint(35, 50), r.randint(10, 22), r.randint(3, 9)
    other = 100 - walk - car - bus - bike
    traffic = tuple([
        f"Dopravní průzkum z roku {c.y0 - 2} ukázal, že po průtahu silnice II. třídy projede za pracovní den "
        f"{_n(r.randint(6, 19) * 1000)} vozidel, z toho {r.randint(6, 14)} % nákladních.",
        f"Cesty obyvatel: pěšky {walk} %, autem {car} %, veřejnou dopravou {bus} %, na kole {bike} %, jinak {other} %.",
        f"Ve městě je {r.randint(900, 3500)} veřejných parkovacích míst; v centru je obsazenost přes den vyšší než "
        f"90 %.", f"Za posledních pět let se na místních komunikacích stalo {r.randint(40, 260)} nehod, nejvíce v "
        f"křižovatce ulic {c.loc.streets[0]} a {c.loc.streets[1]}.",
        f"Městskou hromadnou dopravu tvoří {r.randint(3, 14)} linek; autobusy jsou v průměru starší než 11 let."])
    measures = tuple(r.sample([
        f"Zklidnění ulice {c.loc.streets[2]} a nové přechody u škol.",
        "Souvislá síť cyklotras propojená s nádražím a průmyslovou zónou.",
        "Placené parkování v centru a záchytné parkoviště u nádraží.",
        "Nové nízkopodlažní autobusy a preference autobusů na světelných křižovatkách.",
        "Bezpečné cesty do škol – úprava okolí tří základních škol.",
        f"Obchvat pro nákladní dopravu mimo ulici {c.loc.streets[3]}.",
        "Úschovny kol u zastávek a u nádraží.", "Sdílená kola a koloběžky v centru."], 5))
    target = tuple([f"Do roku {c.y1} chceme snížit podíl cest autem na {car - r.randint(5, 10)} % a zvýšit podíl "
                    f"cest na kole na {bike + r.randint(3, 7)} %.",
                    f"Počet těžkých nehod má klesnout o polovinu oproti roku {c.y0 - 1}."])
    heads = r.choice([("Analýza dopravy", "Vize a cíle", "Opatření"), ("1. Výchozí stav", "2. Cíle mobility",
                                                                        "3. Balíčky opatření")])
    intro = (f"Plán řeší dopravu na území {c.who} jako celek: chůzi, jízdu na kole, veřejnou dopravu, auta i parkování. "
             f"Vznikal od roku {c.y0 - 2} za účasti veřejnosti a dopravních odborníků."
             + (" Postup odpovídá metodice Ministerstva dopravy pro plány mobility měst." if r.random() < 0.6 else ""))
    return [("Úvod", (intro,)), (heads[0], traffic), (heads[1], target), (heads[2], measures)], None


def energy_concept(c: Ctx) -> tuple[Sections, Table]:
    r = c.rng
    total = max(2000, c.spec.population * r.randint(18, 30) // 100 * 100)
    gas, wood, el, coal = r.randint(35, 60), r.randint(8, 25), r.randint(10, 25), r.randint(2, 10)
    rest = max(0, 100 - gas - wood - el - coal)
    legal = r.choice(["Koncepce je zpracována podle zákona č. 406/2000 Sb., o hospodaření energií"
                      + (", a nařízení vlády č. 232/2015 Sb., o státní energetické koncepci a o územní energetické "
                         "koncepci." if r.random() < 0.6 else "."),
                      "Povinnost zpracovat energetickou koncepci vyplývá ze zákona o hospodaření energií; "
                      "obec ji zpracovala dobrovolně v rozsahu přiměřeném své velikosti."])
    balance = (f"Celková spotřeba energie na území dosahuje přibližně {_n(total)} MWh za rok. Podíl zdrojů: "
               f"zemní plyn {gas} %, dřevo a jiná biomasa {wood} %, elektřina {el} %, uhlí {coal} %, ostatní {rest} %.",
               f"Budovy ve vlastnictví {NOUN_GEN[c.noun]} spotřebují {_n(max(40, c.spec.population // r.randint(8, 20)))} "
               f"MWh ročně; nejvíce {c.loc.buildings[0][0]} a {c.loc.buildings[1][0]}.",
               f"Veřejné osvětlení odebírá {_n(max(15, c.spec.population // r.randint(25, 60)))} MWh ročně.")
    potential = tuple(r.sample([
        "Střechy obecních budov umožňují instalovat panely o celkovém výkonu kolem 200 kWp.",
        "V okolních lesích je dostatek dřevní štěpky pro menší výtopnu.",
        "Zateplení školy a úřadu by snížilo spotřebu tepla zhruba o třetinu.",
        "Společné nakupování energií s dalšími obcemi snižuje cenu.",
        "Domácnosti stále topí v kotlích na uhlí, které nesplňují emisní třídy."], 3))
    measures = tuple(c.fill(p) for p in r.sample(THEMES["energy"]["projects"], 4))
    heads = r.choice([("Rozbor spotřeby", "Možnosti úspor a vlastních zdrojů", "Navržená opatření"),
                      ("1. Energetická bilance území", "2. Potenciál", "3. Akční část")])
    return [("Úvod", (legal, f"Koncepce platí pro období {c.span}.")), (heads[0], balance),
            (heads[1], potential), (heads[2], measures)], None


def regional_strategy(c: Ctx) -> tuple[Sections, Table]:
    r = c.rng
    intro = r.choice([
        f"Strategie vymezuje, čemu bude kraj v letech {c.span} dávat přednost při investicích a při podpoře obcí, "
        f"firem a neziskových organizací.", f"Dokument je hlavním rozvojovým dokumentem kraje na období {c.span}; "
        f"vychází z rozboru území a z konzultací s obcemi, školami, nemocnicemi a zaměstnavateli."])
    if r.random() < 0.7:
        intro += (" Navazuje na Strategii regionálního rozvoje ČR 2021+ a na krajskou inovační strategii; "
                  "podrobněji ji rozpracovává program rozvoje územního obvodu kraje.")
    state = tuple(r.sample([
        f"Kraj má přibližně {r.randint(4, 13) * 50} tisíc obyvatel a {r.randint(7, 15)} obcí s rozšířenou "
        f"působností.", "Silnice II. a III. třídy jsou z velké části v horším než dobrém stavu.",
        "Střední školy mají volná místa v technických oborech a přetlak v gymnáziích.",
        "Krajské nemocnice potřebují modernizovat operační sály a urgentní příjem.",
        "Ve venkovských oblastech ubývá obyvatel a zanikají obchody a pošty.",
        "Nezaměstnanost je pod celostátním průměrem, firmy ale nemohou najít kvalifikované lidi."], 4))
    areas = r.sample([("Ekonomika a vzdělávání", ("podpora spolupráce škol a firem", "kariérové poradenství",
                                                 "inovační vouchery pro malé firmy")),
                      ("Doprava", ("modernizace silnic II. třídy", "integrovaný dopravní systém",
                                   "bezpečné přechody na průtazích obcí")),
                      ("Zdravotnictví a sociální péče", ("urgentní příjem krajské nemocnice",
                                                         "domovy se zvláštním režimem", "podpora pečujících rodin")),
                      ("Venkov a obce", ("program obnovy venkova", "podpora obchodů na venkově",
                                         "meziobecní spolupráce")),
                      ("Krajina a voda", ("zadržení vody v krajině", "obnova alejí", "protipovodňová opatření"))], 4)
    paras = []
    for i, (name, items) in enumerate(areas, start=1):
        paras.append(f"Prioritní osa {i}: {name}")
        paras.append(f"Opatření: {', '.join(items)}.")
    impl = ("Strategii naplňují akční plány na dva roky. Za koordinaci odpovídá odbor regionálního rozvoje, plnění "
            "se projednává v regionální stálé konferenci a jednou ročně v zastupitelstvu kraje.")
    return [("Úvod", (intro,)), ("Analytická část", state), ("Návrhová část", tuple(paras)),
            ("Implementace", (impl,))], None


def mas_strategy(c: Ctx) -> tuple[Sections, Table]:
    r = c.rng
    return [("Území MAS", (f"Místní akční skupina působí na území {r.randint(20, 45)} obcí s přibližně "
                           f"{_n(r.randint(25, 60) * 1000)} obyvateli. Členy jsou obce, spolky i podnikatelé.",)),
            ("Strategická část", ("Fiche 1 – Zemědělské podniky a zpracování produktů. Fiche 2 – Občanská "
                                  "vybavenost obcí. Fiche 3 – Sociální služby a komunitní centra. Fiche 4 – "
                                  "Bezpečnost dopravy a cyklostezky.",
                                  f"Finanční plán počítá s {r.randint(40, 120)} mil. Kč na celé období {c.span}.")),
            ("Animace a hodnocení", ("Kancelář MAS pomáhá žadatelům s přípravou projektů a každoročně vyhodnocuje "
                                     "naplňování strategie.",))], None


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
