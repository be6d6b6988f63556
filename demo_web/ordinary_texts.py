"""Bodies of the ordinary paperwork of a municipal website: minutes, budgets, notices, forms, newsletters ...

Each kind is written the way a municipal office writes it (agenda items with votes, budget lines by
paragraph of the budget structure, parcel numbers, dates posted and taken down, prices, deadlines).
Some kinds are hard negatives on purpose: minutes that approve a development plan, a notice of a
public hearing of a draft strategy, a newsletter with an article about smart street lamps, budgets
listing investment lines, a tender that cites the strategic plan. They name plans and projects
exactly as strategies do, but they are not strategies.
"""
from __future__ import annotations

import random
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .strategy_texts import genitive_of_region
from .vocab import CLUBS, COMPANIES, TENDER_WORKS, THEMES, fill, is_female, local, money, person

if TYPE_CHECKING:  # pragma: no cover
    from .model import DocSpec

Sections = list[tuple[str, tuple[str, ...]]]


def cz(d: date) -> str:
    return f"{d.day}. {d.month}. {d.year}"


def kc(value: int) -> str:
    return f"{value:,} Kč".replace(",", " ")


class W:
    """Writer context of one ordinary document."""

    def __init__(self, spec: "DocSpec", rng: random.Random):
        self.spec, self.rng = spec, rng
        self.X = spec.municipality
        self.kraj = spec.gen == "kraje"
        self.who = genitive_of_region(spec.municipality) if self.kraj else f"{spec.gen} {spec.municipality}"
        self.loc = local(spec.municipality)
        self.pub = date.fromisoformat(spec.published)
        self.noun = {"obce": "obec", "města": "město", "městyse": "městys"}.get(spec.gen, "kraj")
        self.body = "Zastupitelstvo " + self.who
        self.office = {"obce": "Obecní úřad", "města": "Městský úřad", "městyse": "Úřad městyse"}.get(
            spec.gen, "Krajský úřad")
        self.office_gen = {"obce": "obecního úřadu", "města": "městského úřadu", "městyse": "úřadu městyse"}.get(
            spec.gen, "krajského úřadu")
        self.office_loc = {"obce": "obecním úřadě", "města": "městském úřadě", "městyse": "úřadě městyse"}.get(
            spec.gen, "krajském úřadě")

    def fill(self, template: str, **extra) -> str:
        return fill(template, self.rng, self.loc, self.X, self.spec.population, self.noun, **extra)

    def building(self) -> str:
        """A building of the municipality, genitive ("kulturního domu")."""
        return self.rng.choice(self.loc.buildings)[1]

    def named(self, title: str, y0: int, y1: int) -> str:
        return title if str(y1) in title else f"{title} na období {y0}–{y1}"

    def members(self) -> int:
        p = self.spec.population
        if self.kraj:
            return self.rng.choice([45, 55, 65])
        for limit, choices in ((500, (5, 7)), (3000, (7, 9, 11)), (10000, (11, 15)), (50000, (21, 25, 27))):
            if p < limit:
                return self.rng.choice(choices)
        return self.rng.choice([35, 39, 45])

    def project(self, theme: str | None = None) -> str:
        theme = theme or self.rng.choice(("roads", "water", "school", "community", "housing", "nature", "energy"))
        return self.fill(self.rng.choice(THEMES[theme]["projects"]))

    def parcel(self) -> str:
        return f"p. č. {self.rng.randint(12, 2400)}/{self.rng.randint(1, 40)}"

    def days(self, lo: int, hi: int) -> date:
        return self.pub + timedelta(days=self.rng.randint(lo, hi))

    def posted(self) -> str:
        return self.rng.choice([f"Vyvěšeno: {cz(self.pub)}    Sejmuto: {cz(self.days(15, 31))}",
                                f"Zveřejněno na úřední desce i elektronicky dne {cz(self.pub)}.",
                                f"Vyvěšeno dne {cz(self.pub)}, sejmuto dne ....................",
                                f"Datum vyvěšení: {cz(self.pub)}; zveřejněno též způsobem umožňujícím dálkový "
                                f"přístup."])

    @property
    def mayor_title(self) -> str:
        female = is_female(self.loc.mayor)
        if self.kraj:
            return "hejtmanka" if female else "hejtman"
        return "starostka" if female else "starosta"

    @property
    def deputy_title(self) -> str:
        return "Místostarost" + ("ka" if is_female(self.loc.deputy) else "a") if not self.kraj else "Náměstek hejtmana"

    def signature(self) -> str:
        return self.rng.choice([f"{self.loc.mayor}, {self.mayor_title}", f"{self.loc.mayor}\n{self.mayor_title} {self.who}",
                                f"{self.loc.deputy}, {self.deputy_title.lower()}",
                                f"za {self.office.lower()}: {self.loc.clerk}"])


# ------------------------------------------------------------------ minutes and resolutions
AGENDA = (
    ("Rozpočtové opatření č. {k}/{y}", "schvaluje rozpočtové opatření č. {k}/{y} v předloženém znění",
     "Účetní {clerk} vysvětlila, že opatření řeší vyšší příjmy z daní a výdaje na opravu {building}."),
    ("Prodej pozemku {parcel} v k. ú. {X}", "schvaluje prodej pozemku {parcel} o výměře {area} m² za cenu {price} "
     "Kč/m²", "Záměr byl zveřejněn na úřední desce po dobu 15 dnů, připomínky nebyly podány."),
    ("Smlouva o dílo – {project}", "schvaluje uzavření smlouvy o dílo s firmou {company} na akci „{project}“ za "
     "cenu {money} bez DPH", "Hodnoticí komise doporučila nabídku s nejnižší cenou; přišly {offers} nabídky."),
    ("Žádost o dotaci na akci {project}", "schvaluje podání žádosti o dotaci na akci „{project}“ a spolufinancování "
     "z rozpočtu {who}", "Starosta informoval o podmínkách výzvy; dotace může pokrýt až 70 % nákladů."),
    ("Dotace spolkům na rok {y}", "schvaluje poskytnutí dotací spolkům podle přílohy zápisu: {grants}",
     "Žádosti posoudil finanční výbor."),
    ("Zpráva kontrolního výboru", "bere na vědomí zprávu kontrolního výboru o kontrole plnění usnesení",
     "Předseda výboru {p1} uvedl, že všechna usnesení jsou plněna."),
    ("Účetní závěrka za rok {y0}", "schvaluje účetní závěrku {who} sestavenou k 31. 12. {y0}",
     "Závěrka byla projednána ve finančním výboru bez připomínek."),
    ("Věcné břemeno – kabelové vedení", "schvaluje smlouvu o zřízení věcného břemene na pozemku {parcel} pro "
     "uložení kabelového vedení NN za jednorázovou úhradu {small} Kč", "Jde o přípojku nového rodinného domu."),
    ("Cena vodného a stočného", "stanovuje cenu vodného na {water} Kč/m³ a stočného na {sewer} Kč/m³ včetně DPH",
     "Provozovatel doložil kalkulaci nákladů; cena zůstává pod průměrem okresu."),
    ("Pronájem obecního bytu", "schvaluje pronájem bytu č. {flat} v domě v ulici {street} paní {p2} na dobu určitou "
     "jednoho roku", "O byt se ucházeli tři zájemci."),
    ("Inventarizace majetku", "bere na vědomí zprávu o inventarizaci majetku a závazků k 31. 12. {y0}",
     "Inventarizační rozdíly nebyly zjištěny."),
    ("Odkoupení pozemku pod chodníkem", "schvaluje koupi pozemku {parcel} pod chodníkem v ulici {street} za {small} Kč",
     "Jde o narovnání vlastnických vztahů."),
    ("Oprava hasičské cisterny", "schvaluje výdaj {money} na opravu cisterny jednotky SDH",
     "Velitel jednotky {p1} popsal rozsah poruchy."),
    ("Program jednání", "schvaluje program zasedání podle předložené pozvánky", ""),
)
DISCUSSION = (
    "Občan z ulice {street} se ptal, kdy bude opravena lampa {landmark}. Starosta odpověděl, že oprava je objednána.",
    "Paní {p2} upozornila na rychlou jízdu aut v ulici {street}; zastupitelstvo projedná umístění měřiče rychlosti.",
    "Dotaz na termín svozu velkoobjemového odpadu – proběhne v sobotu, informace bude v rozhlase.",
    "Zastupitel {p1} navrhl vyčistit příkop podél silnice do místní části {part}.",
    "Diskuse se týkala parkování {landmark} o víkendech.",
    "Občané poděkovali hasičům za uspořádání dětského dne.",
)


def _votes(w: W, members: int) -> str:
    against, abstain = w.rng.choice([0, 0, 0, 1]), w.rng.choice([0, 0, 1, 2])
    yes = members - against - abstain
    return w.rng.choice([f"Hlasování: pro {yes}, proti {against}, zdržel se {abstain}.",
                         f"Výsledek hlasování: pro {yes} – proti {against} – zdrželi se {abstain}.",
                         f"Pro: {yes}   Proti: {against}   Zdržel se: {abstain}"])


def _res_prefix(w: W, year: int, rada: bool = False) -> str:
    if w.kraj:
        return "ZK"
    letter = "M" if w.spec.gen == "města" else "O"
    return ("R" if rada else "Z") + letter


def _items(w: W, k: int) -> list[tuple[str, str, str]]:
    r = w.rng
    y = w.pub.year
    out = []
    for title, verb, note in r.sample(AGENDA[:-1], k):
        grants = ", ".join(f"{c} {kc(r.randint(5, 60) * 1000)}" for c in r.sample(w.loc.clubs, min(3, len(w.loc.clubs))))
        vals = dict(k=r.randint(1, 9), y=y, y0=y - 1, parcel=w.parcel(), X=w.X, area=r.randint(40, 1800),
                    price=r.choice([150, 250, 350, 420, 600, 900]), company=r.choice(COMPANIES),
                    project=w.project(), money=kc(r.randint(80, 4500) * 1000), offers=r.choice(["tři", "čtyři", "dvě"]),
                    who=w.who, grants=grants, clerk=w.loc.clerk, building=w.building(),
                    p1=person(r, female=False), p2=person(r, female=True), small=_n(r.randint(1, 60) * 1000),
                    water=r.randint(38, 72), sewer=r.randint(30, 66), flat=r.randint(1, 12),
                    street=r.choice(w.loc.streets))
        out.append((title.format(**vals), verb.format(**vals), note.format(**vals)))
    return out


def _n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def _meeting_date(w: W) -> date:
    """The date of the meeting: the one the title names, else the approval date of spec.ref, else before pub."""
    m = re.search(r"(\d{1,2})\. (\d{1,2})\. (\d{4})", w.spec.title)
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if w.spec.ref and w.spec.ref[3]:
        return date.fromisoformat(w.spec.ref[3])
    return w.pub - timedelta(days=w.rng.randint(3, 14))


def minutes(w: W) -> Sections:
    r, spec = w.rng, w.spec
    members = w.members()
    present = members - r.choice([0, 0, 1, 2])
    meeting = _meeting_date(w)
    no = r.randint(1, 30)
    year = w.pub.year
    prefix = _res_prefix(w, year)
    items = _items(w, r.randint(4, 7))
    approval = _approval_item(w) if spec.ref else None
    if approval:
        items.insert(r.randint(1, len(items)), approval)
    head = [r.choice([f"Místo konání: zasedací místnost {w.office_gen}", "Místo konání: sál kulturního domu",
                      f"Místo konání: {r.choice(w.loc.buildings)[0]}"]) + f", začátek v {r.choice(['17:00', '18:00', '18:30', '19:00'])} hodin.",
            f"Přítomno: {present} členů zastupitelstva z {members}. Zasedání bylo řádně svoláno, informace byla "
            f"vyvěšena na úřední desce od {cz(meeting - timedelta(days=8))}. Zastupitelstvo je usnášeníschopné.",
            f"Zasedání řídil{'a' if is_female(w.loc.mayor) else ''} {w.loc.mayor}. Ověřovateli zápisu byli určeni "
            f"{person(r)} a {person(r)}, zapisovatelkou {w.loc.clerk}."]
    program = "Program: " + " ".join(f"{i}. {t}" for i, (t, _, _) in enumerate(items, start=1)) + \
              f" {len(items) + 1}. Diskuse. {len(items) + 2}. Závěr."
    body = [program]
    base = _res_base(w, items, approval)
    for i, (title, verb, note) in enumerate(items, start=1):
        res = (spec.ref[4] if approval and title == approval[0] and spec.ref[4]
               else f"{prefix}/{base + i}/{year}")
        text = [f"K bodu {i} – {title}."]
        if note:
            text.append(note)
        text.append(f"Návrh usnesení: {w.body} {verb}.")
        text.append(_votes(w, present) + f" Usnesení č. {res} bylo přijato.")
        body.append(" ".join(text))
    body.append("Diskuse: " + w.fill(r.choice(DISCUSSION), p1=person(r, female=False), p2=person(r, female=True)))
    end = (f"Zasedání bylo ukončeno ve {r.randint(19, 21)}:{r.choice(['05', '20', '35', '50'])} hodin. Zápis byl "
           f"vyhotoven dne {cz(w.pub)}.", f"Zapsala: {w.loc.clerk}. Ověřovatelé: {person(r)}, {person(r)}. "
           f"{w.mayor_title.capitalize()}: {w.loc.mayor}.")
    heads = r.choice([("Zahájení", "Průběh jednání", "Závěr"), ("1. Úvod", "2. Projednané body", "3. Ukončení"),
                      ("", "Jednání", "")])
    return [(heads[0], tuple(head)), (heads[1], tuple(body)), (heads[2], end)]


def _res_base(w: W, items: list, approval: tuple | None) -> int:
    """Resolutions are numbered in sequence; with a plan approval, so that its number is the plan's own."""
    if approval and w.spec.ref[4]:
        m = re.search(r"/(\d+)/", w.spec.ref[4])
        if m:
            return int(m.group(1)) - (items.index(approval) + 1)
    return w.rng.randint(1, 120)


def _approval_item(w: W) -> tuple[str, str, str]:
    """The agenda item of minutes that approve a development plan (spec.ref names it)."""
    title, y0, y1, _when, _res = w.spec.ref
    r = w.rng
    item = r.choice([f"Schválení dokumentu {title}", f"{title} – schválení", f"Projednání a schválení: {title}"])
    verb = r.choice([f"schvaluje {w.named(title, y0, y1)} a ukládá starostovi zveřejnit dokument na webových "
                     f"stránkách",
                     f"schvaluje dokument „{title}“ (období {y0}–{y1}) a bere na vědomí vypořádání připomínek",
                     f"po projednání schvaluje {title} v předloženém znění a ukládá úřadu předkládat každoročně "
                     f"zprávu o jeho plnění"])
    note = r.choice([f"{w.deputy_title} {w.loc.deputy} shrnul{'a' if is_female(w.loc.deputy) else ''}, jak dokument "
                     f"vznikal: dotazník, veřejné setkání a "
                     f"připomínky zastupitelů. Návrh byl zveřejněn 30 dnů, došlo {r.randint(2, 14)} připomínek.",
                     f"Zpracovatel představil hlavní cíle a seznam projektů. Zastupitel {person(r, female=False)} se ptal, zda je "
                     f"seznam projektů závazný; starosta vysvětlil, že se bude upravovat s každým rozpočtem.",
                     "Dokument byl zastupitelům zaslán s pozvánkou; k návrhu nebyly vzneseny další připomínky."])
    return item, verb, note


def resolutions(w: W) -> Sections:
    """Usnesení z jednání: the resolutions only."""
    r, spec = w.rng, w.spec
    items = _items(w, 0 if spec.title.startswith("Výpis") else r.randint(4, 8))
    approval = _approval_item(w) if spec.ref else None
    if approval:
        items.insert(r.randint(0, len(items)), approval)
    prefix = _res_prefix(w, w.pub.year)
    base = _res_base(w, items, approval)
    out = []
    for i, (title, verb, _) in enumerate(items, start=1):
        res = spec.ref[4] if approval and title == approval[0] and spec.ref[4] else f"{prefix}/{base + i}/{w.pub.year}"
        out.append(f"Usnesení č. {res}: {w.body} {verb}.")
    return [(r.choice(["Usnesení", "Přijatá usnesení", ""]), tuple(out)),
            ("", (f"{w.X}, {cz(w.pub)}.", f"{w.loc.mayor}, {w.mayor_title}      {w.loc.deputy}, {w.deputy_title.lower()}"))]


# ------------------------------------------------------------------ budgets
PARAGRAPHS = (("2212", "Silnice"), ("2219", "Ostatní záležitosti pozemních komunikací"),
              ("2221", "Provoz veřejné silniční dopravy"), ("2310", "Pitná voda"),
              ("2321", "Odvádění a čištění odpadních vod"), ("3111", "Mateřské školy"), ("3113", "Základní školy"),
              ("3314", "Činnosti knihovnické"), ("3319", "Ostatní záležitosti kultury"),
              ("3412", "Sportovní zařízení v majetku obce"), ("3631", "Veřejné osvětlení"), ("3632", "Pohřebnictví"),
              ("3722", "Sběr a svoz komunálních odpadů"), ("3745", "Péče o vzhled obcí a veřejnou zeleň"),
              ("5512", "Požární ochrana – dobrovolná část"), ("6112", "Zastupitelstva obcí"),
              ("6171", "Činnost místní správy"), ("6310", "Příjmy a výdaje z úvěrových finančních operací"))
KRAJ_PROJECTS = ("Modernizace urgentního příjmu krajské nemocnice", "Rekonstrukce silnice II/{road} v průtahu obcí",
                 "Dílny odborného výcviku střední průmyslové školy", "Domov pro seniory – přístavba pavilonu",
                 "Most na silnici III/{road}", "Zateplení budovy gymnázia", "Nákup nízkoemisních autobusů pro "
                 "regionální linky", "Depozitář krajského muzea")
KRAJ_CHAPTERS = ("Doprava", "Školství, mládež a sport", "Zdravotnictví", "Sociální věci", "Kultura a památková péče",
                 "Regionální rozvoj", "Životní prostředí a zemědělství", "Krajský úřad")


def investment_lines(w: W, k: int) -> list[tuple[str, int]]:
    """Investment lines of a budget; street lighting or a bus stop is always among them."""
    r = w.rng
    first = r.choice([f"Výměna svítidel veřejného osvětlení v ulici {r.choice(w.loc.streets)} ({r.randint(8, 40)} ks)",
                      f"Nová autobusová zastávka {r.choice(w.loc.landmarks)} včetně přístřešku",
                      f"Rozšíření veřejného osvětlení do lokality {r.choice(w.loc.streets)}",
                      f"Přístřešek a nástupiště autobusové zastávky {r.choice(w.loc.landmarks)}"])
    if w.kraj:
        first = r.choice(["Přestupní terminál autobusů u nádraží", "Modernizace zastávek regionálních linek",
                          f"Rekonstrukce silnice II/{r.randint(101, 499)} včetně osvětlení přechodů"])
    lines = [(first, r.randint(15, 180) * 10_000)]
    if w.kraj:
        for name in r.sample(KRAJ_PROJECTS, k - 1):
            lines.append((name.format(road=r.randint(101, 499)), r.randint(2, 60) * 1_000_000))
        return lines
    for _ in range(k - 1):
        lines.append((w.project(), r.randint(10, 400) * 10_000))
    return lines


def budget(w: W) -> Sections:
    r, spec = w.rng, w.spec
    year = _year_in_title(spec.title, w.pub.year)
    scale = spec.population * r.randint(22, 38) * 1000 if not w.kraj else r.randint(12, 30) * 1_000_000_000
    tax = int(scale * r.uniform(0.62, 0.75))
    nontax = int(scale * r.uniform(0.05, 0.12))
    capital = int(scale * r.uniform(0.0, 0.05))
    transfers = scale - tax - nontax - capital
    income = (f"Třída 1 – Daňové příjmy: {kc(tax)}", f"Třída 2 – Nedaňové příjmy: {kc(nontax)}",
              f"Třída 3 – Kapitálové příjmy: {kc(capital)}", f"Třída 4 – Přijaté transfery: {kc(transfers)}",
              f"Příjmy celkem: {kc(scale)}")
    invest = investment_lines(w, r.randint(2, 4))
    if w.kraj:
        shares = [r.uniform(0.5, 2.0) for _ in KRAJ_CHAPTERS]
        spend = [(f"Kapitola {name}", int(scale * s / sum(shares))) for name, s in zip(KRAJ_CHAPTERS, shares)]
    else:
        picked = sorted(r.sample(PARAGRAPHS, r.randint(11, 16)), key=lambda p: p[0])
        if ("3631", "Veřejné osvětlení") not in picked:
            picked.append(("3631", "Veřejné osvětlení"))
        shares = [r.uniform(0.2, 2.0) for _ in picked]
        spend = [(f"§ {code} {name}", int(scale * 1.05 * s / sum(shares))) for (code, name), s in zip(picked, shares)]
    total = sum(v for _, v in spend)
    balance = scale - total
    intro = r.choice([
        f"Rozpočet {w.who} na rok {year} je sestaven podle rozpočtové skladby a schvaluje se v členění na "
        f"paragrafy. Je navržen jako {'přebytkový' if balance > 0 else 'schodkový'}.",
        f"Návrh rozpočtu byl zveřejněn na úřední desce od {cz(w.pub - timedelta(days=40))} do "
        f"{cz(w.pub - timedelta(days=10))}. Rozpočet je {'přebytkový' if balance > 0 else 'schodkový'}; rozdíl "
        f"je kryt {'splátkou úvěru' if balance > 0 else 'zůstatkem na bankovních účtech'}.",
        f"Závaznými ukazateli jsou paragrafy rozpočtové skladby. Rozpočtová opatření do výše 100 000 Kč "
        f"schvaluje {'rada' if spec.gen == 'města' else 'starosta'}."])
    approved = r.choice([f"Rozpočet schválilo {w.body.lower()} dne {cz(w.pub - timedelta(days=r.randint(2, 20)))}.",
                         f"Schváleno na zasedání zastupitelstva dne {cz(w.pub - timedelta(days=r.randint(2, 20)))}, "
                         f"usnesení č. {_res_prefix(w, year)}/{r.randint(2, 90)}/{w.pub.year}."])
    return [("", (intro,)), ("Příjmy", income),
            ("Výdaje", tuple(f"{n}: {kc(v)}" for n, v in spend) + (f"Výdaje celkem: {kc(total)}",)),
            ("Financování", (f"Saldo příjmů a výdajů: {kc(balance)}", f"Třída 8 – financování: {kc(-balance)}")),
            (r.choice(["Investiční akce", "Hlavní investice roku", "Z toho investice"]),
             tuple(f"{n}: {kc(v)}" for n, v in invest)), ("", (approved, w.posted()))]


def _year_in_title(title: str, default: int) -> int:
    import re

    years = [int(y) for y in re.findall(r"\b(20\d\d)\b", title)]
    return years[-1] if years else default


def budget_outlook(w: W) -> Sections:
    r, spec = w.rng, w.spec
    y0, y1 = spec.validity or (w.pub.year + 1, w.pub.year + 3)
    years = list(range(y0, y1 + 1))
    base = spec.population * r.randint(22, 36) * 1000 if not w.kraj else r.randint(12, 30) * 1_000_000_000
    lines = []
    for label, share in (("Daňové příjmy", 0.7), ("Nedaňové příjmy", 0.08), ("Přijaté transfery", 0.2),
                         ("Běžné výdaje", 0.78), ("Kapitálové výdaje", 0.2), ("Splátky úvěrů", 0.02)):
        vals = [int(base * share * (1 + 0.03 * i) * r.uniform(0.95, 1.05)) for i in range(len(years))]
        lines.append(f"{label}: " + "; ".join(f"{y}: {kc(v)}" for y, v in zip(years, vals)))
    invest = investment_lines(w, r.randint(3, 5))
    plan = tuple(f"{r.choice(years)} – {n}: {kc(v)}" for n, v in invest)
    intro = r.choice([f"Střednědobý výhled rozpočtu {w.who} se sestavuje podle § 3 zákona č. 250/2000 Sb. na "
                      f"{len(years)} roky následující po roce, na který se sestavuje roční rozpočet.",
                      f"Výhled obsahuje souhrnné údaje o příjmech a výdajích {w.who} a o závazcích na roky "
                      f"{y0}–{y1}. Je podkladem pro sestavení ročních rozpočtů."])
    return [("", (intro,)), ("Souhrnné ukazatele", tuple(lines)),
            (r.choice(["Plánované investiční akce", "Dlouhodobé záměry", "Připravované investice"]), plan),
            ("", (f"Schváleno zastupitelstvem dne {cz(w.pub - timedelta(days=r.randint(3, 25)))}.", w.posted()))]


def closing_account(w: W) -> Sections:
    r, spec = w.rng, w.spec
    year = _year_in_title(spec.title, w.pub.year - 1)
    scale = spec.population * r.randint(22, 38) * 1000 if not w.kraj else r.randint(12, 30) * 1_000_000_000
    rows = []
    for label, share in (("Daňové příjmy", 0.65), ("Nedaňové příjmy", 0.08), ("Kapitálové příjmy", 0.03),
                         ("Přijaté transfery", 0.24), ("Běžné výdaje", 0.74), ("Kapitálové výdaje", 0.26)):
        planned = int(scale * share * r.uniform(0.85, 1.15))
        adjusted = int(planned * r.uniform(1.0, 1.15))
        actual = int(adjusted * r.uniform(0.85, 1.02))
        rows.append(f"{label}: schválený rozpočet {kc(planned)}, po změnách {kc(adjusted)}, skutečnost {kc(actual)} "
                    f"({round(100 * actual / adjusted, 1)} %)".replace(".", ","))
    done = investment_lines(w, r.randint(2, 4))
    audit = r.choice([f"Přezkoumání hospodaření za rok {year} provedl krajský úřad. Při přezkoumání nebyly "
                      "zjištěny chyby a nedostatky.",
                      f"Přezkoumání hospodaření za rok {year} provedla auditorská firma. Byly zjištěny méně "
                      "závažné nedostatky (chybějící inventurní soupis drobného majetku), které byly odstraněny.",
                      f"Zpráva o výsledku přezkoumání hospodaření za rok {year} je přílohou závěrečného účtu; "
                      f"nebyla zjištěna rizika ani chyby."])
    return [("Plnění rozpočtu", tuple(rows)),
            (r.choice(["Dokončené investice", "Realizované akce", "Investiční výdaje roku"]),
             tuple(f"{n} – vyčerpáno {kc(v)}" for n, v in done)),
            ("Fondy a majetek", (f"Stav prostředků na bankovních účtech k 31. 12. {year}: "
                                 f"{kc(int(scale * r.uniform(0.1, 0.6)))}.",
                                 f"Zůstatek úvěru: {kc(r.randint(0, 90) * 100_000)}.",
                                 "Obec hospodařila v souladu s rozpočtem, rozpočtová opatření jsou přílohou.")),
            ("Přezkoumání hospodaření", (audit,)),
            ("", (f"Návrh závěrečného účtu byl zveřejněn od {cz(w.pub - timedelta(days=30))}. Zastupitelstvo "
                  f"vyjádřilo souhlas s celoročním hospodařením {r.choice(['bez výhrad', 's výhradou'])}.",
                  w.posted()))]


def budget_measure(w: W) -> Sections:
    r = w.rng
    lines = []
    for _ in range(r.randint(3, 7)):
        code, name = r.choice(PARAGRAPHS)
        amount = r.choice([1, -1]) * r.randint(5, 400) * 1000
        why = r.choice(["oprava po havárii", "vyšší cena dodávky", "přijatá dotace", "úspora", "nákup vybavení",
                        "posílení rozpočtu", "přesun mezi položkami"])
        lines.append(f"§ {code} {name}: {'+' if amount > 0 else '–'} {kc(abs(amount))} ({why})")
    return [("Změny rozpočtu", tuple(lines)),
            ("", (r.choice([f"Rozpočtové opatření schválilo zastupitelstvo dne {cz(w.pub - timedelta(days=5))}.",
                            f"Opatření schválil starosta na základě zmocnění zastupitelstva dne {cz(w.pub)}."]),
                  w.posted()))]


# ------------------------------------------------------------------ notices and the like
def hearing_notice(w: W) -> Sections:
    """Oznámení o veřejném projednání návrhu strategie (spec.ref names the draft)."""
    r = w.rng
    title, y0, y1, when, _ = w.spec.ref
    day = date.fromisoformat(when) if when else w.days(10, 25)
    end = day + timedelta(days=r.randint(10, 20))
    first = r.choice([
        f"{w.office} oznamuje, že návrh dokumentu {w.named(title, y0, y1)} je zveřejněn k připomínkám.",
        f"Zveme občany na veřejné projednání návrhu dokumentu „{title}“, které se uskuteční dne {cz(day)} od "
        f"{r.choice(['17', '18', '18.30'])} hodin v sále {w.building()}.",
        f"V souladu s usnesením zastupitelstva {w.who} se zveřejňuje návrh dokumentu {title}."])
    return [("", (first,
                  f"Návrh je k nahlédnutí na webových stránkách a v úředních hodinách na {w.office_loc}. "
                  f"Připomínky lze podávat písemně nebo e-mailem do {cz(end)}.",
                  r.choice(["Na projednání zpracovatel představí hlavní cíle a seznam projektů a odpoví na dotazy.",
                            "Připomínky budou vypořádány a předloženy zastupitelstvu spolu s konečným zněním.",
                            "Návrh je dosud pracovní; zastupitelstvo o něm rozhodne po vypořádání připomínek."]))),
            ("", (w.signature(), w.posted()))]


def notice(w: W) -> Sections:
    """Notices of the official board; the body follows what the title announces."""
    r, t = w.rng, w.spec.title.lower()
    if "zasedání" in t:
        items = [i[0] for i in _items(w, r.randint(4, 6))]
        day = w.days(7, 10)
        body = (f"{w.office} v souladu s § 93 zákona o obcích informuje o konání zasedání zastupitelstva {w.who}, "
                f"které se koná dne {cz(day)} od 18:00 hodin v zasedací místnosti.",
                "Navržený program: " + "; ".join(f"{i}. {x}" for i, x in enumerate(items, start=1)) + "; diskuse.")
    elif "záměr" in t:
        body = (f"{w.spec.org_name} zveřejňuje záměr {'prodeje' if 'prodej' in t else 'pronájmu'} "
                f"{'pozemku ' + w.parcel() if 'pozem' in t else 'nebytových prostor v přízemí ' + w.building()}"
                f" v katastrálním území {w.X} o výměře {r.randint(20, 900)} m².",
                f"Nabídky a připomínky lze podat písemně na podatelně do {cz(w.days(15, 16))}. Obec si vyhrazuje "
                f"právo nabídky odmítnout.")
    elif "voleb" in t:
        body = (f"Starosta {w.who} oznamuje, že volby se uskuteční v pátek od 14:00 do 22:00 a v sobotu od 8:00 do "
                f"14:00 hodin.", f"Volební místnost: {r.choice(w.loc.buildings)[0]}, pro voliče s adresou v obci "
                f"{w.X} i v místních částech {', '.join(w.loc.parts)}.",
                "Volič prokáže totožnost a státní občanství platným dokladem.")
    elif "uzav" in t:
        street = r.choice(w.loc.streets)
        body = (f"Z důvodu {r.choice(['opravy vodovodu', 'pokládky kabelů', 'opravy povrchu vozovky', 'výstavby chodníku'])}"
                f" bude uzavřena ulice {street} v úseku od křižovatky s ulicí {r.choice(w.loc.streets)}.",
                f"Termín: {cz(w.days(5, 10))} – {cz(w.days(20, 45))}. Objízdná trasa vede ulicí "
                f"{r.choice(w.loc.streets)}; autobusová zastávka se dočasně přesouvá {r.choice(w.loc.landmarks)}.",
                f"Stavbu provádí {r.choice(COMPANIES)}. Děkujeme za pochopení.")
    elif "elektřin" in t:
        body = (f"Provozovatel distribuční soustavy oznamuje přerušení dodávky elektřiny dne {cz(w.days(5, 20))} od "
                f"7:30 do 15:00 hodin.", f"Vypnutá oblast: ulice {', '.join(r.sample(w.loc.streets, 3))} a "
                f"místní část {r.choice(w.loc.parts)}.", "Důvodem jsou plánované práce na zařízení distribuční "
                "soustavy.")
    elif "vozidla" in t:
        body = (f"{w.office} vyzývá provozovatele vozidla tovární značky {r.choice(['Škoda Felicia', 'Ford Focus', 'Opel Astra', 'VW Passat'])}, "
                f"které je dlouhodobě odstaveno v ulici {r.choice(w.loc.streets)}, aby je do dvou měsíců odstranil.",
                "Po marném uplynutí lhůty bude vozidlo odstraněno na náklady provozovatele.")
    elif "zahájení řízení" in t:
        body = (f"{w.office}, stavební úřad, oznamuje zahájení společného územního a stavebního řízení o stavbě "
                f"„{w.fill(r.choice(TENDER_WORKS))}“ na pozemku {w.parcel()} v katastrálním území {w.X}.",
                f"Účastníci řízení mohou uplatnit námitky a důkazy nejpozději do {cz(w.days(15, 20))}; k později "
                f"uplatněným námitkám se nepřihlíží.", "Do podkladů rozhodnutí lze nahlédnout na stavebním úřadě "
                "v úředních hodinách.")
    elif "výběrov" in t:
        body = (f"Starosta {w.who} vyhlašuje výběrové řízení na obsazení pracovního místa. Místo výkonu práce: "
                f"{w.office}.", f"Přihlášky s životopisem zasílejte do {cz(w.days(14, 21))}. Nástup dle dohody.",
                "Požadujeme středoškolské vzdělání s maturitou, znalost účetnictví a práce s počítačem.")
    elif "zakázk" in t:
        body = (f"Zadavatel {w.spec.org_name} ruší zadávací řízení na veřejnou zakázku malého rozsahu, protože "
                f"všechny nabídky překročily předpokládanou hodnotu.", "Zakázka bude vypsána znovu.")
    elif "vod" in t and "kvalit" in t:
        body = (f"Rozbor vzorku pitné vody odebraného dne {cz(w.pub - timedelta(days=12))} z vodovodu {w.who} "
                f"vyhověl požadavkům vyhlášky.", f"Dusičnany {r.randint(5, 40)} mg/l, tvrdost "
                f"{r.uniform(1.2, 3.5):.2f} mmol/l, bakterie nebyly zjištěny.".replace(".", ",", 1))
    elif "očkování" in t:
        body = (f"Hromadné očkování psů proti vzteklině proběhne dne {cz(w.days(7, 20))}: {r.choice(w.loc.landmarks)} "
                f"od 15:00 do 15:30, v místní části {r.choice(w.loc.parts)} od 15:45 hodin.",
                "Cena očkování je 250 Kč. Vezměte s sebou očkovací průkaz.")
    elif "odpad" in t:
        body = (f"Svoz velkoobjemového a nebezpečného odpadu proběhne v sobotu {cz(w.days(5, 20))} od 8 do 11 hodin "
                f"{r.choice(w.loc.landmarks)}.", "Přijímáme nábytek, koberce, matrace, elektrospotřebiče, baterie, "
                "barvy a oleje. Nepřijímáme stavební suť a pneumatiky.",
                "Odpad předávejte osobně obsluze, neodkládejte jej předem.")
    elif "dotační" in t or "dotace" in t:
        body = (f"{w.spec.org_name} vyhlašuje dotační program. Žádosti lze podávat od {cz(w.days(10, 20))} do "
                f"{cz(w.days(40, 60))}.", f"Celková alokace programu je {kc(r.randint(5, 80) * 1_000_000)}; dotace "
                "může pokrýt nejvýše 60 % způsobilých výdajů.", "Podrobné podmínky jsou uvedeny v pravidlech programu.")
    elif "sea" in t or "zjišťovací" in t:
        body = ("Krajský úřad oznamuje zahájení zjišťovacího řízení podle zákona o posuzování vlivů na životní "
                "prostředí.", f"Vyjádření lze zaslat do {cz(w.days(20, 20))}.")
    else:
        body = (f"{w.spec.org_name} oznamuje: {w.spec.title}.", "Do písemností lze nahlédnout na úřadě v úředních "
                "hodinách, pondělí a středa 8–17 hodin.", f"Spisová značka: {r.randint(10, 900)}/{w.pub.year}.")
    return [("", body), ("", (w.signature(), w.posted()))]


AUTHORITY_NOTICES = {
    "finanční": ("Finanční úřad pro kraj oznamuje, že hromadný předpisný seznam daně z nemovitých věcí na rok {y} je "
                 "zpřístupněn k nahlédnutí od {d1} do {d2} na územním pracovišti.", "Daň je splatná do 31. května; "
                 "poplatníci s daní nad 5 000 Kč ji mohou platit ve dvou splátkách."),
    "katastr": ("Katastrální úřad oznamuje, že obnovený katastrální operát pro katastrální území {X} bude vyložen "
                "k veřejnému nahlédnutí od {d1} do {d2}.", "Vlastníci mohou v této době podat námitky proti obsahu "
                "obnoveného operátu."),
    "veterinární": ("Krajská veterinární správa nařizuje mimořádná veterinární opatření k zamezení šíření nákazy "
                    "v chovech drůbeže na území {who}.", "Chovatelé jsou povinni držet drůbež v uzavřených prostorách "
                    "do odvolání."),
    "svazku": ("Svazek obcí mikroregionu oznamuje, že návrh rozpočtu na rok {y} je zveřejněn na elektronické úřední "
               "desce svazku.", "Připomínky mohou členské obce a občané podávat do {d2}."),
    "pozemkový": ("Státní pozemkový úřad oznamuje zahájení komplexních pozemkových úprav v katastrálním území {X}.",
                  "Úvodní jednání se uskuteční dne {d1} v 16 hodin v sále {building}."),
    "povodí": ("Správce toku oznamuje provedení údržby koryta potoka v úseku nad obcí v termínu {d1} – {d2}.",
               "Po dobu prací bude omezen přístup k vodnímu toku."),
    "silnic": ("Správa a údržba silnic kraje oznamuje ořez a kácení dřevin podél silnice III. třídy v termínu {d1} – "
               "{d2}.", "Práce budou prováděny za částečného omezení provozu."),
}


def authority_notice(w: W) -> Sections:
    """A notice of another authority posted on the municipal board (tax office, land registry, vets, ...)."""
    t = w.spec.title.lower()
    body = next((v for k, v in AUTHORITY_NOTICES.items() if k in t), AUTHORITY_NOTICES["finanční"])
    vals = dict(y=w.pub.year, d1=cz(w.days(5, 15)), d2=cz(w.days(25, 45)), X=w.X, who=w.who, building=w.building())
    return [("", tuple(p.format(**vals) for p in body)),
            ("", (f"Č. j.: {w.rng.randint(100, 99999)}/{w.pub.year}", w.posted()))]


def waste_schedule(w: W) -> Sections:
    r = w.rng
    year = _year_in_title(w.spec.title, w.pub.year)
    days = ("pondělí", "úterý", "středa", "čtvrtek", "pátek")
    wd = r.randrange(5)
    first = date(year, 1, 1)
    first += timedelta(days=(wd - first.weekday()) % 7)
    step = r.choice([7, 14, 14])
    dates = [first + timedelta(days=step * i) for i in range(0, 365 // step) if (first + timedelta(days=step * i)).year == year]
    mixed = ", ".join(f"{d.day}. {d.month}." for d in dates)
    plast = ", ".join(f"{d.day}. {d.month}." for d in dates[r.randint(0, 1)::2 if step == 14 else 4])
    streets = list(w.loc.streets)
    r.shuffle(streets)
    half = len(streets) // 2
    company = r.choice(["Technické služby", "svozová firma " + r.choice(COMPANIES), "Služby " + w.X + " s.r.o."])
    return [(f"Směsný komunální odpad – {days[wd]}, {'každý týden' if step == 7 else 'jednou za 14 dní'}", (mixed,)),
            ("Svozové trasy", (f"Trasa A (od 6 hodin): {', '.join(streets[:half])}.",
                               f"Trasa B (od 10 hodin): {', '.join(streets[half:])} a místní části "
                               f"{', '.join(w.loc.parts)}.")),
            ("Plasty a nápojové kartony", (plast,)),
            ("Papír, sklo, bioodpad", (f"Papír se vyváží jednou za čtyři týdny, sklo jednou za dva měsíce. Hnědé "
                                       f"nádoby na bioodpad se vyvážejí od dubna do listopadu každý "
                                       f"{r.choice(['lichý', 'sudý'])} týden.",
                                       f"Sběrný dvůr {r.choice(w.loc.landmarks)} je otevřen ve "
                                       f"{r.choice(['středu 14–18', 'čtvrtek 15–18', 'středu 13–17'])} a v sobotu "
                                       f"{r.choice(['8–12', '9–12', '8–11'])} hodin.")),
            ("", (f"Svoz zajišťuje {company}. Poplatek na rok {year} činí {r.choice([600, 650, 720, 780, 800, 900, 960])} "
                  f"Kč na osobu, splatnost do {r.randint(15, 31)}. {r.choice([3, 5, 6])}. {year}. Nádoby přistavte "
                  f"k okraji komunikace do {r.choice(['6', '6.30', '7'])} hodin.",))]


NEWS_ITEMS = (
    ("Ze školy", "Žáci {school} se zúčastnili okresního kola matematické olympiády a přivezli dvě medaile. Zápis do "
     "první třídy proběhne v dubnu, zapsat se může {n} dětí."),
    ("Hasiči informují", "Jednotka zasahovala letos {n}× – u požáru trávy, při odstraňování spadlého stromu v ulici "
     "{street} a při dopravní nehodě. Děkujeme všem členům za jejich čas."),
    ("Z knihovny", "Knihovna rozšířila výpůjční dobu o čtvrteční odpoledne. Přibylo {n} nových knih, hlavně pro "
     "děti a detektivky pro dospělé."),
    ("Oprava chodníku", "V ulici {street} byla dokončena oprava chodníku. Práce stály {money} a byly hrazeny z "
     "vlastního rozpočtu."),
    ("Sport", "Fotbalisté skončili v okresním přeboru na {place}. místě. Tenisový turnaj o pohár starosty vyhrál domácí "
     "hráč."),
    ("Pozvánka", "Zveme vás na tradiční posvícení {landmark}. Hraje dechová hudba, pro děti je připraven skákací "
     "hrad."),
    ("Odpady", "Připomínáme, že do kontejnerů na plasty nepatří molitan ani podlahové krytiny. Velkoobjemový odpad "
     "odevzdejte ve sběrném dvoře."),
    ("Blahopřejeme", "V posledních měsících oslavili významné životní jubileum: {p1} (80 let), {p2} (85 let) a "
     "{p3} (90 let). Přejeme pevné zdraví."),
    ("Z jednání zastupitelstva", "Zastupitelé schválili prodej dvou pozemků v ulici {street}, rozpočtové opatření a "
     "dotace spolkům. Zápis je k dispozici na webu."),
    ("Spolky", "{club} uspořádal brigádu na úklid okolí rybníka. Sešlo se přes {n} dobrovolníků."),
)
SMART_ARTICLES = (
    ("Nové lampy v ulici {street} svítí podle potřeby",
     ("Od minulého měsíce svítí v ulici {street} {n} nových chytrých lamp. Mají čidlo pohybu: když ulicí nikdo "
      "nejde, ztlumí se na třetinu, a jakmile se přiblíží chodec nebo auto, rozsvítí se naplno.",
      "Lampy stály {money}, z toho {pct} % pokryla dotace. {Noun} počítá s tím, že spotřeba elektřiny na veřejné "
      "osvětlení v této ulici klesne zhruba o polovinu.", "Pokud vám nové světlo svítí do oken, ozvěte se na "
      "úřad – nastavení jde upravit na dálku z počítače.")),
    ("Chytré lampy na návsi: první zkušenosti",
     ("Na podzim jsme na návsi vyměnili staré výbojky za chytré lampy, které se ovládají přes internet a samy "
      "hlásí poruchu. Zatím jsme nemuseli volat elektrikáře ani jednou.",
      "Lampy v noci stahují svit a ráno se podle světla samy zhasnou. Pokud se osvědčí, budeme je postupně "
      "instalovat i v ulici {street}.", "Celková cena {money}; hrazeno z vlastního rozpočtu.")),
    ("Měřič rychlosti u školy hlásí, kolik aut jezdí",
     ("U školy visí nový radar, který řidičům ukazuje jejich rychlost a zároveň ukládá počty aut. Za první měsíc "
      "jím projelo přes {n} tisíc vozidel, pětina z nich rychleji než 50 km/h.",
      "Údaje předáme policii a použijeme je při rozhodování o zpomalovacích prazích.")),
    ("Kontejnery, které samy hlásí, že jsou plné",
     ("Na stanovištích tříděného odpadu {landmark} a v ulici {street} jsme vyzkoušeli čidla, která hlásí zaplnění "
      "kontejnerů. Svozová firma díky tomu nejezdí zbytečně.", "Zkušební provoz potrvá do konce roku, pak "
      "zastupitelstvo rozhodne, zda čidla koupí natrvalo.")),
)


def newsletter(w: W) -> Sections:
    r = w.rng
    secs: Sections = []
    season = ("zima", "zima", "jaro", "jaro", "jaro", "léto", "léto", "léto", "podzim", "podzim", "podzim", "zima")[
        w.pub.month - 1]
    intro = r.choice([
        f"Vážení spoluobčané, je tu {season} a s ním{'a' if season in ('zima',) else ''} další číslo zpravodaje. "
        f"Dokončena byla akce „{w.project()}“ a připravujeme žádost o dotaci na další. Děkuji všem za trpělivost "
        f"při omezeních.",
        f"Milí sousedé, v tomto čísle najdete přehled toho, co se u nás za poslední měsíce událo, pozvánky na "
        f"akce a několik důležitých informací z úřadu.",
        "Vážení občané, rok utekl jako voda. Chci poděkovat všem, kteří se podílejí na životě obce – hasičům, "
        "sportovcům, ženám ze spolku i všem dobrovolníkům."])
    head = {"starosta": "Slovo starosty", "starostka": "Slovo starostky", "hejtman": "Slovo hejtmana",
            "hejtmanka": "Slovo hejtmanky"}[w.mayor_title]
    secs.append((head, (intro, f"{w.loc.mayor}, {w.mayor_title}")))
    items = r.sample(NEWS_ITEMS, r.randint(3, 5))
    smart_at = r.randint(1, len(items)) if w.spec.ref else -1
    for i, (head, text) in enumerate(items):
        if i == smart_at:
            _smart_article(w, secs)
        secs.append((head, (w.fill(text, p1=person(r), p2=person(r, female=True), p3=person(r, female=True),
                                   money=kc(r.randint(20, 150) * 10_000), club=r.choice(w.loc.clubs),
                                   school="naší školy", place=r.randint(1, 12)),)))
    if smart_at == len(items):
        _smart_article(w, secs)
    secs.append(("Tiráž", (f"Zpravodaj {w.who}. Vydává {w.spec.org_name}. Náklad {r.choice([150, 250, 400, 800])} "
                           f"výtisků, zdarma. Příspěvky do příštího čísla posílejte do {cz(w.days(50, 70))}.",)))
    return secs


def _smart_article(w: W, secs: Sections) -> None:
    """The one article about a smart gadget (street lamps most often) among ordinary village news."""
    r = w.rng
    head, paras = r.choices(SMART_ARTICLES, weights=(3, 3, 1, 1))[0]
    vals = dict(n=r.randint(8, 30), money=kc(r.randint(30, 160) * 10_000), pct=r.choice([40, 50, 60, 70]))
    secs.append((w.fill(head, **vals), tuple(w.fill(p, **vals) for p in paras)))


def tender(w: W) -> Sections:
    r, spec = w.rng, w.spec
    subject = spec.title.split("–", 1)[-1].strip() if "–" in spec.title else w.project()
    value = r.randint(40, 600) * 10_000
    deadline = w.days(12, 21)
    secs: Sections = [
        ("1. Zadavatel", (f"{spec.org_name}, IČO {r.randint(10_000_000, 99_999_999)}, statutární zástupce "
                          f"{w.loc.mayor}, {w.mayor_title}.", f"Kontaktní osoba: {w.loc.clerk}, tel. {r.randint(600, 799)} "
                          f"{r.randint(100, 999)} {r.randint(100, 999)}.")),
        ("2. Předmět zakázky", (f"Předmětem veřejné zakázky malého rozsahu je {subject[0].lower() + subject[1:]}. "
                                f"Rozsah prací je dán projektovou dokumentací a výkazem výměr, které jsou přílohou "
                                f"této výzvy.", f"Předpokládaná hodnota zakázky: {kc(value)} bez DPH.")),
        ("3. Termíny", (f"Lhůta pro podání nabídek končí {cz(deadline)} v 10:00 hodin. Otevírání obálek proběhne "
                        f"téhož dne v 10:15.", f"Předpokládaný termín plnění: {r.choice(['duben až červen', 'červenec až září', 'do 30. 11.'])} "
                        f"{deadline.year}. Prohlídka místa plnění se koná {cz(deadline - timedelta(days=7))}.")),
        ("4. Hodnocení nabídek", (r.choice(["Nabídky budou hodnoceny podle nejnižší nabídkové ceny bez DPH.",
                                            "Hodnoticí kritéria: nabídková cena 80 %, délka záruky 20 %."]),
                                  "Uchazeč doloží výpis z obchodního rejstříku, živnostenské oprávnění a seznam tří "
                                  "obdobných zakázek za posledních pět let.")),
    ]
    if spec.ref:
        title, y0, y1, _, _ = spec.ref
        secs.insert(2, ("Vazba na rozvojové dokumenty", (r.choice([
            f"Akce je zařazena v dokumentu {w.named(title, y0, y1)}, opatření {r.randint(1, 5)}.{r.randint(1, 3)}.",
            f"Zakázka naplňuje jeden z cílů, které si {w.noun} stanovil{'a' if w.noun == 'obec' else ('o' if w.noun == 'město' else '')} v dokumentu „{title}“.",
            f"Projekt je uveden v seznamu projektů, který je součástí dokumentu {title}; jeho realizace byla "
            f"schválena zastupitelstvem."]),)))
    secs.append(("", (f"Zadavatel si vyhrazuje právo výzvu zrušit. {w.X}, {cz(w.pub)}.", w.signature())))
    return secs


def ordinance(w: W) -> Sections:
    r, t = w.rng, w.spec.title.lower()
    res = f"{_res_prefix(w, w.pub.year)}/{r.randint(2, 90)}/{w.pub.year}"
    art1 = (f"Zastupitelstvo {w.who} se na svém zasedání dne {cz(w.pub - timedelta(days=r.randint(3, 20)))} "
            f"usnesením č. {res} usneslo vydat na základě § 10 a § 84 odst. 2 písm. h) zákona o obcích tuto obecně "
            f"závaznou vyhlášku.",)
    if "ps" in t and "poplat" in t and "odpad" not in t:
        art2 = ("Poplatek ze psů platí držitel psa staršího 3 měsíců.",
                f"Sazba činí {r.choice([100, 150, 200])} Kč za prvního psa a {r.choice([200, 300])} Kč za každého "
                f"dalšího; u rodinného domu {r.choice([100, 150])} Kč.")
    elif "klid" in t or "pořád" in t:
        art2 = ("Doba nočního klidu se vymezuje od 22 do 6 hodin.", "Výjimka platí v noci z 31. prosince na "
                f"1. ledna a v době konání posvícení {r.choice(w.loc.landmarks)}.")
    elif "požár" in t:
        art2 = (f"Požární ochranu zajišťuje jednotka SDH {w.X}.", "Ohlašovnou požárů je obecní úřad a hasičská "
                f"zbrojnice; zdroji vody pro hašení jsou {w.loc.pond} a hydranty obecního vodovodu.")
    else:
        art2 = ("Poplatek za obecní systém odpadového hospodářství platí fyzická osoba přihlášená v obci a vlastník "
                "stavby určené k individuální rekreaci.",
                f"Sazba poplatku činí {r.choice([600, 700, 780, 850, 960])} Kč za kalendářní rok. Poplatek je splatný "
                f"do {r.choice(['31. března', '30. června', '31. května'])}.",
                "Od poplatku je osvobozena osoba umístěná v domově pro seniory a dítě do jednoho roku věku.")
    return [("Článek 1 – Úvodní ustanovení", art1), ("Článek 2 – Předmět a sazba", art2),
            ("Článek 3 – Účinnost", (r.choice(["Tato vyhláška nabývá účinnosti patnáctým dnem po dni vyhlášení.",
                                              f"Tato vyhláška nabývá účinnosti dnem 1. 1. {w.pub.year + 1}."]),
                                     f"{w.loc.mayor}, {w.mayor_title}      {w.loc.deputy}, {w.deputy_title.lower()}"))]


FORM_FIELDS = {
    "sál": ("Datum a čas akce:", "Účel pronájmu:", "Předpokládaný počet osob:", "Požadujete kuchyňku? ano / ne",
            "Beru na vědomí provozní řád sálu a ceník pronájmu."),
    "ps": ("Jméno a příjmení držitele psa:", "Rasa, barva a pohlaví psa:", "Stáří psa / datum nabytí:",
           "Číslo známky:", "Osvobození od poplatku (důvod):"),
    "dotac": ("Název žadatele (spolek, IČO):", "Účel dotace a popis akce:", "Požadovaná částka:",
              "Celkové náklady akce:", "Termín realizace:", "Číslo bankovního účtu:"),
    "kácení": ("Druh dřeviny:", "Obvod kmene ve výšce 130 cm:", "Parcelní číslo pozemku:", "Zdůvodnění žádosti:",
               "Souhlas vlastníka pozemku:"),
    "zpravodaj": ("Jméno a příjmení:", "Adresa pro doručení:", "E-mail:", "Chci zpravodaj: tištěný / elektronicky"),
    "parkov": ("Registrační značka vozidla:", "Adresa trvalého pobytu:", "Typ karty: rezident / abonent",
               "Doba platnosti:"),
    "byt": ("Počet členů domácnosti:", "Současné bydlení:", "Požadovaná velikost bytu:", "Příjem domácnosti:"),
    "vodovod": ("Adresa nemovitosti:", "Parcelní číslo:", "Počet odběrných míst:", "Předpokládaná roční spotřeba:"),
    "hrob": ("Číslo hrobového místa:", "Nájemce:", "Doba nájmu: 10 let", "Adresa nájemce:"),
}


FORM_NOTES = (
    "Žádost podejte na podatelně {office} osobně, poštou nebo datovou schránkou {box}.",
    "Vyplněný formulář odevzdejte v úředních hodinách ({hours}) nebo jej pošlete e-mailem s elektronickým podpisem.",
    "Lhůta pro vyřízení je {days} dnů ode dne doručení úplné žádosti.",
    "K žádosti přiložte doklady uvedené v bodě 2; neúplnou žádost nelze vyřídit.",
    "Osobní údaje zpracováváme jen pro vyřízení této žádosti a po dobu stanovenou spisovým a skartačním řádem.",
    "Správní poplatek {fee} Kč se hradí v hotovosti na pokladně nebo převodem na účet č. {account}/0100.",
    "Informace podá {clerk}, tel. {phone}.",
)


def form(w: W) -> Sections:
    r, t = w.rng, w.spec.title.lower()
    fields = next((v for k, v in FORM_FIELDS.items() if k in t), ("Předmět žádosti:", "Odůvodnění:"))
    fields = [f for f in fields if r.random() < 0.85] or list(fields[:1])
    who = [f for f in ("Jméno a příjmení / název:", "Datum narození / IČO:", "Adresa trvalého pobytu / sídlo:",
                       "Telefon:", "E-mail:", "ID datové schránky:") if r.random() < 0.8]
    vals = dict(office=w.office_gen, box=f"{r.choice('abcdefghjkmnpqrstuvwxyz')}{r.randint(100, 999)}"
                f"{r.choice('abcdefghjkmnpqrstuvwxyz')}{r.randint(10, 99)}", hours=r.choice(
                    ["Po a St 8–17 h", "Po–Čt 7.30–15.30 h", "Po 8–12 a 13–17 h, St 8–12 a 13–18 h"]),
                days=r.choice([15, 30, 60]), fee=r.choice([50, 100, 200, 500]),
                account=f"{r.randint(100000, 999999)}{r.randint(1000, 9999)}", clerk=w.loc.clerk,
                phone=f"{r.randint(500, 799)} {r.randint(100, 999)} {r.randint(100, 999)}")
    notes = [n.format(**vals) for n in r.sample(FORM_NOTES, r.randint(3, 5))]
    street = r.choice(w.loc.streets)
    head = (f"{w.office}, {street} {r.randint(1, 480)}, {r.randint(250, 799)} {r.randint(10, 99)} {w.X}",
            f"Formulář č. {r.choice(['F', 'Ž', 'OU', 'SO'])}-{r.randint(1, 60)}/{w.pub.year}")
    dots = lambda f: f"{f} {'.' * r.randint(20, 50)}" if f.endswith(":") else f  # noqa: E731
    return [("", head), (r.choice(["Žadatel", "Údaje o žadateli", "1. Žadatel", "Ohlašovatel"]),
                         tuple(dots(f) for f in who)),
            (r.choice(["Údaje žádosti", "2. Předmět", "Podrobnosti", "Předmět podání"]), tuple(dots(f) for f in fields)),
            (r.choice(["Poučení", "Upozornění", "Pokyny k vyplnění"]), tuple(notes)),
            ("", (f"V {'.' * r.randint(10, 25)} dne {'.' * r.randint(8, 14)} {w.pub.year}    Podpis: {'.' * 12}",))]


PRICE_LISTS = {
    "sál": (("Pronájem sálu – 1 hodina", 150, 400), ("Pronájem sálu – celý den (akce do 24 h)", 1500, 4000),
            ("Kuchyňka s nádobím", 200, 600), ("Úklid po akci", 300, 900), ("Kauce", 1000, 3000)),
    "úřad": (("Kopie A4 černobílá – 1 strana", 2, 5), ("Kopie A3 černobílá", 4, 10), ("Ověření podpisu", 30, 30),
             ("Ověření listiny – 1 strana", 30, 30), ("Výpis z katastru – 1 strana", 50, 100),
             ("Hlášení rozhlasem – soukromá inzerce", 50, 150)),
    "hrob": (("Nájem hrobového místa – jednohrob, 10 let", 300, 900), ("Nájem hrobového místa – dvojhrob, 10 let",
             600, 1600), ("Urnové místo, 10 let", 200, 600), ("Služby spojené s nájmem, ročně", 50, 200)),
    "koupališt": (("Celodenní vstupné – dospělí", 60, 120), ("Celodenní vstupné – děti do 15 let", 30, 70),
                  ("Permanentka na 10 vstupů", 450, 900), ("Odpolední vstupné po 16. hodině", 40, 70)),
    "inzerc": (("Inzerce ve zpravodaji – 1/4 strany", 200, 600), ("Inzerce – 1/2 strany", 400, 1100),
               ("Inzerce – celá strana", 800, 2000), ("Řádková inzerce občanů", 0, 0)),
}


def price_list(w: W) -> Sections:
    r, t = w.rng, w.spec.title.lower()
    items = next((v for k, v in PRICE_LISTS.items() if k in t), PRICE_LISTS["úřad"])
    lines = tuple(f"{name}: {r.randint(lo, hi) // 10 * 10 if hi > 20 else r.randint(lo, hi)} Kč" if hi else
                  f"{name}: zdarma" for name, lo, hi in items)
    valid = r.choice([f"Ceník platí od 1. 1. {w.pub.year}.", f"Ceník schválila rada dne {cz(w.pub)} a platí do "
                      f"odvolání.", f"Ceník byl schválen usnesením č. {_res_prefix(w, w.pub.year)}/"
                      f"{r.randint(2, 90)}/{w.pub.year}. Ceny jsou uvedeny včetně DPH."])
    return [(r.choice(["Ceny", "Položky ceníku", ""]), lines), ("", (valid,))]


EVENTS = (("Dětský den", "soutěže pro děti, ukázka hasičské techniky, opékání buřtů"),
          ("Posvícení", "pouťové atrakce, taneční zábava se skupinou Kamelot revival, stánky s občerstvením"),
          ("Pálení čarodějnic", "průvod masek, zapálení hranice v 19 hodin, diskotéka"),
          ("Rozsvícení vánočního stromu", "vystoupení dětí z mateřské školy, jarmark, svařák"),
          ("Hasičská soutěž O pohár starosty", "požární útok mužů, žen a dětí, večer taneční zábava"),
          ("Setkání seniorů", "kulturní program, pohoštění, beseda se starostou"),
          ("Koncert pěveckého sboru", "skladby českých autorů, vstupné dobrovolné"),
          ("Masopustní průvod", "průvod maskami po obci, zabijačkové hody"),
          ("Vítání občánků", "slavnostní přivítání dětí narozených v loňském roce"),
          ("Sousedská brigáda", "úklid obce a okolí, sraz s pracovními rukavicemi"))


def invitation(w: W) -> Sections:
    r = w.rng
    name, program = next(((n, p) for n, p in EVENTS if n.lower() in w.spec.title.lower()), r.choice(EVENTS))
    day = w.days(7, 25)
    return [("", (f"{w.spec.org_name} a {r.choice(w.loc.clubs)} srdečně zvou na akci {name}.",
                  f"Kdy: {cz(day)} od {r.choice(['10', '14', '15', '17', '18'])} hodin. Kde: "
                  f"{r.choice(w.loc.landmarks)}.", f"Program: {program}.",
                  r.choice(["Vstup volný.", f"Vstupné {r.choice([50, 80, 100])} Kč, děti zdarma.",
                            "Občerstvení zajištěno."]),
                  r.choice(["Těšíme se na vás!", "Akce se koná za každého počasí.",
                            f"Informace podá {w.loc.clerk} na úřadě."])))]


def grant_contract(w: W) -> Sections:
    r = w.rng
    club = next((c for c in CLUBS if c.lower() in w.spec.title.lower()), r.choice(w.loc.clubs))
    amount = r.randint(5, 80) * 1000
    return [("Smluvní strany", (f"Poskytovatel: {w.spec.org_name}, statutární zástupce {w.loc.mayor}, {w.mayor_title}.",
                                f"Příjemce: {club} {w.X}, z. s., zastoupený předsedou {person(r)}.")),
            ("Předmět smlouvy", (f"Poskytovatel poskytuje příjemci dotaci ve výši {kc(amount)} na "
                                 f"{r.choice(['činnost spolku v roce ' + str(w.pub.year), 'nákup vybavení', 'pořádání tradičních akcí', 'práci s dětmi a mládeží'])}.",
                                 f"Dotace je splatná převodem na účet příjemce do 30 dnů od podpisu smlouvy.")),
            ("Podmínky", (f"Příjemce předloží vyúčtování do {cz(date(w.pub.year, 12, 15))}. Nevyčerpanou část "
                          "dotace vrátí poskytovateli.", "Na propagačních materiálech uvede, že akci podpořila obec.",
                          f"Poskytnutí dotace schválilo zastupitelstvo usnesením č. {_res_prefix(w, w.pub.year)}/"
                          f"{r.randint(2, 90)}/{w.pub.year}."))]


def spatial_plan(w: W) -> Sections:
    r = w.rng
    return [("A. Textová část", (f"Územní plán {w.X} vymezuje zastavěné území k {cz(w.pub - timedelta(days=400))}, "
                                 f"zastavitelné plochy a koncepci dopravní a technické infrastruktury.",
                                 f"Zastavitelné plochy pro bydlení: Z{r.randint(1, 9)} u ulice {r.choice(w.loc.streets)}, "
                                 f"Z{r.randint(10, 19)} v místní části {r.choice(w.loc.parts)}.",
                                 "Plochy bydlení, plochy smíšené obytné, plochy výroby a skladování, plochy zeleně a "
                                 "plochy krajinné.")),
            ("B. Odůvodnění", ("Návrh byl projednán podle stavebního zákona; veřejné projednání proběhlo za účasti "
                               f"{r.randint(8, 60)} občanů.",))]


def annual_report(w: W) -> Sections:
    r = w.rng
    year = _year_in_title(w.spec.title, w.pub.year - 1)
    return [("Výroční zpráva", (f"Podle § 18 zákona č. 106/1999 Sb., o svobodném přístupu k informacím, zveřejňuje "
                                f"{w.spec.org_name} výroční zprávu za rok {year}.",
                                f"Počet podaných žádostí o informace: {r.randint(0, 40)}.",
                                f"Počet vydaných rozhodnutí o odmítnutí žádosti: {r.randint(0, 3)}.",
                                f"Počet podaných odvolání proti rozhodnutí: {r.randint(0, 1)}.",
                                "Žádné soudní řízení o přezkoumání rozhodnutí nebylo vedeno.",
                                f"{w.X}, {cz(w.pub)}. {w.loc.mayor}, {w.mayor_title}"))]


def evaluation_report(w: W) -> Sections:
    r = w.rng
    lines = []
    for _ in range(r.randint(5, 8)):
        lines.append(f"{w.project()} – {r.choice(['dokončeno', 'dokončeno', 'probíhá', 've fázi projektu', 'odloženo', 'nerealizováno – chybí dotace'])}")
    return [("Vyhodnocení", (f"Zpráva shrnuje, jak se v uplynulém roce podařilo plnit rozvojový dokument {w.who}. "
                             f"Zpracoval {w.office.lower()} pro jednání zastupitelstva.",)),
            ("Stav projektů", tuple(lines)),
            ("Závěr", (f"Z {len(lines)} sledovaných akcí bylo dokončeno nebo probíhá "
                       f"{sum('dokončeno' in x or 'probíhá' in x for x in lines)}. Seznam projektů bude upraven "
                       f"spolu s rozpočtem.",))]


def sectoral_concept(w: W) -> Sections:
    r = w.rng
    return [("Komunitní plánování", (f"Plán popisuje síť sociálních služeb pro obyvatele {w.who} a okolních obcí: "
                                     f"pečovatelskou službu, denní stacionář, odborné sociální poradenství a "
                                     f"nízkoprahový klub pro mládež.",
                                     f"Na plánování se podílelo {r.randint(12, 40)} poskytovatelů a uživatelů "
                                     f"služeb v pracovních skupinách senioři, rodina a děti, lidé se "
                                     f"zdravotním postižením.")),
            ("Priority", ("Udržet dostupnost terénních služeb i v místních částech.", "Rozšířit kapacitu odlehčovací "
                          "služby.", "Zlepšit informovanost o službách.")),
            ("Financování", (f"Obec na sociální služby přispívá ročně částkou {kc(r.randint(2, 40) * 100_000)}.",))]


def internal_directive(w: W) -> Sections:
    return [("Článek 1", ("Směrnice upravuje oběh účetních dokladů, podpisové vzory a odpovědnost za schvalování "
                          "výdajů.",)),
            ("Článek 2", (f"Příkazcem operace je starosta {w.loc.mayor}, správcem rozpočtu účetní {w.loc.clerk}.",))]


def news_item(w: W) -> Sections:
    r = w.rng
    return [("", (f"{w.spec.org_name} informuje občany: " + r.choice([
        f"od pondělí začne oprava chodníku v ulici {r.choice(w.loc.streets)}.",
        "v sobotu proběhne sběr nebezpečného odpadu.", "zveřejnili jsme nový dokument ke stažení."]),
        "Podrobnosti naleznete na úřední desce."))]


COMPOSERS = {
    "minutes": minutes, "resolutions": resolutions, "budget": budget, "budget_outlook": budget_outlook,
    "closing_account": closing_account, "budget_measure": budget_measure, "hearing_notice": hearing_notice,
    "notice": notice, "authority_notice": authority_notice, "waste_schedule": waste_schedule, "newsletter": newsletter, "tender": tender,
    "ordinance": ordinance, "form": form, "price_list": price_list, "invitation": invitation,
    "grant_contract": grant_contract, "spatial_plan": spatial_plan, "annual_report": annual_report,
    "evaluation_report": evaluation_report, "sectoral_concept": sectoral_concept,
    "internal_directive": internal_directive, "news": news_item,
}


def compose_ordinary(spec: "DocSpec", rng: random.Random) -> Sections:
    return COMPOSERS.get(spec.doc_type, notice)(W(spec, rng))
