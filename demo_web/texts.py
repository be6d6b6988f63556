"""Czech text templates: titles and body text for strategies and ordinary municipal documents.

Strategy bodies are composed from the taxonomy's areas (keywords copied from
/work/shared/domain/taxonomy.json so the demo web works without ../shared); ordinary
documents carry the same distractors real ones do (dates, "schváleno", year ranges).
Everything is a pure function of a DocSpec: same spec, same text.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .model import DocSpec

# code -> (label, nominative phrases usable in a list); from taxonomy.json areas[].keywords_cs
AREAS: dict[str, tuple[str, tuple[str, ...]]] = {
    "mobility_transport": ("Doprava a mobilita", ("veřejná doprava", "chytré parkování", "cyklostezky",
                           "elektromobilita", "dobíjecí stanice", "sdílená mobilita", "preference MHD")),
    "energy": ("Energetika", ("energetická účinnost", "úspory energie", "fotovoltaické elektrárny",
               "energetický management", "komunitní energetika", "veřejné osvětlení")),
    "buildings_housing_urban": ("Budovy, bydlení a územní rozvoj", ("dostupné bydlení", "obecní byty",
                                "veřejný prostor", "revitalizace brownfieldů", "startovací byty")),
    "circular_economy_waste": ("Oběhové hospodářství a odpady", ("odpadové hospodářství", "tříděný odpad",
                               "komunitní kompostárna", "cirkulární ekonomika", "sběrný dvůr")),
    "water_management": ("Vodní hospodářství", ("vodovod", "kanalizace", "čistírna odpadních vod",
                         "zadržování dešťové vody", "pitná voda")),
    "environment_climate": ("Životní prostředí a adaptace na změnu klimatu", ("městská zeleň",
                            "adaptace na změnu klimatu", "ochrana přírody", "sucho", "tepelný ostrov")),
    "ict_infrastructure_data": ("ICT infrastruktura a data", ("optická síť", "vysokorychlostní internet",
                                "datová platforma", "otevřená data", "senzorová síť")),
    "egovernment_services": ("Digitální veřejná správa", ("digitální úřad", "elektronické služby",
                             "portál občana", "elektronická úřední deska", "mobilní aplikace")),
    "governance_participation": ("Strategické řízení a participace", ("participativní rozpočet",
                                 "strategické řízení", "zapojení veřejnosti", "meziobecní spolupráce")),
    "community_culture_leisure": ("Komunity, kultura a sport", ("komunitní centrum", "spolková činnost",
                                  "kulturní dům", "sportoviště", "volnočasové aktivity")),
    "education": ("Vzdělávání", ("mateřská škola", "základní škola", "celoživotní vzdělávání",
                  "digitální vzdělávání")),
    "social_services": ("Sociální služby", ("sociální služby", "senioři", "pečovatelská služba",
                        "sociální začleňování")),
    "health": ("Zdravotnictví", ("zdravotní péče", "praktický lékař", "telemedicína")),
    "labour_market": ("Trh práce", ("zaměstnanost", "pracovní místa", "rekvalifikace")),
    "business_innovation": ("Podnikání a inovace", ("podpora podnikání", "inovace",
                            "podnikatelský inkubátor", "cestovní ruch")),
    "public_safety": ("Bezpečnost", ("veřejný pořádek", "kamerový systém", "obecní policie",
                      "bezpečnost dopravy")),
    "resilience_crisis": ("Odolnost a krizové řízení", ("krizové řízení", "povodňový plán",
                          "krizová připravenost", "varovný systém")),
}

TYPE_AREAS = {
    "sump": ("mobility_transport", "environment_climate", "public_safety", "governance_participation"),
    "territorial_energy_concept": ("energy", "buildings_housing_urban", "environment_climate"),
    "smart_city_strategy": ("ict_infrastructure_data", "egovernment_services", "mobility_transport",
                            "energy", "governance_participation"),
}

MONTHS_GEN = ("ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září",
              "října", "listopadu", "prosince")
FIRST_NAMES = ("Jan", "Petr", "Jana", "Marie", "Tomáš", "Lucie", "Jiří", "Eva", "Pavel", "Věra", "Zdeněk")
LAST_NAMES = ("Novák", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák", "Němec", "Marek",
              "Růžička", "Šťastný", "Křížek")


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
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES)
    if first.endswith("a") or first in ("Marie", "Lucie", "Eva", "Věra"):
        last = last[:-1] + "ová" if last.endswith("ý") else (last + "ová")
        last = last.replace("kýová", "ká").replace("ýová", "á")
    return f"{first} {last}"


def _areas_for(spec: "DocSpec", rng: random.Random) -> list[str]:
    base = list(TYPE_AREAS.get(spec.doc_type, ()))
    others = [a for a in AREAS if a not in base]
    rng.shuffle(others)
    return base + others[: max(3, 6 - len(base))]


def _strategy_sections(spec: "DocSpec", rng: random.Random) -> list[tuple[str, tuple[str, ...]]]:
    who = f"{spec.gen} {spec.municipality}" if spec.gen != "kraje" else spec.org_name
    span = f"{spec.validity[0]}–{spec.validity[1]}" if spec.validity else "nadcházející období"
    areas = _areas_for(spec, rng)
    old = bool(spec.validity and spec.validity[1] <= 2020)  # a previous programme period
    frame = ("Strategii regionálního rozvoje ČR 2014–2020 a na Integrovaný regionální operační program"
             if old else "Strategii regionálního rozvoje ČR 21+ a na Koncepci Smart Cities")
    intro = rng.choice([
        f"Dokument „{spec.title}“ je základním nástrojem řízení rozvoje {who} na období {span}. "
        f"Navazuje na předchozí rozvojové dokumenty, na {frame}. Zpracování probíhalo za účasti veřejnosti, "
        f"členů zastupitelstva a pracovníků úřadu; obyvatelé se mohli vyjádřit v dotazníkovém šetření a na "
        f"veřejném projednání.",
        f"Předkládaný dokument stanoví priority rozvoje {who} pro léta {span}. Vychází z potřeb obyvatel "
        f"zjištěných v anketě a na setkáních s místními spolky a podnikateli a je v souladu s dokumentem "
        f"{frame}. Na přípravě se podílela pracovní skupina složená ze zastupitelů a odborníků.",
        f"Rozvoj {who} v letech {span} má mít jasný směr, a proto zastupitelstvo rozhodlo o zpracování "
        f"tohoto dokumentu. Při jeho tvorbě byly využity statistické údaje, výsledky komunitního plánování "
        f"a podněty z kulatých stolů; dokument respektuje {frame}."])
    analysis = (
        f"Analytická část popisuje výchozí stav. Území má {spec.population:,} obyvatel".replace(",", " ")
        + f" a nachází se v lokalitě {spec.place}. Hlavní zjištění se týkají oblastí "
        + ", ".join(AREAS[a][0].lower() for a in areas[:4])
        + ". " + rng.choice([
            "Ze SWOT analýzy vyplývá potřeba investic do technické infrastruktury a zlepšení služeb občanům.",
            "Problémovou analýzu doplnilo terénní šetření; nejvíce podnětů se týkalo dopravy a stavu chodníků.",
            "Srovnání s obcemi podobné velikosti ukazuje nižší vybavenost sociálními službami a vyšší podíl "
            "vyjížďky za prací."]))
    swot = rng.choice([
        "Silné stránky: aktivní spolková činnost, dobrá dopravní dostupnost, zájem obyvatel o veřejné dění. "
        "Slabé stránky: zastaralá infrastruktura, nedostatek dostupného bydlení. Příležitosti: dotační "
        "programy IROP a OP ŽP, meziobecní spolupráce. Hrozby: stárnutí obyvatel, sucho, růst cen energií.",
        "Mezi přednosti území patří kvalitní přírodní prostředí, fungující základní škola a stabilní rozpočet. "
        "Nedostatkem je chybějící kanalizace v místních částech a malá nabídka pracovních míst. Šancí jsou "
        "evropské fondy a spolupráce v mikroregionu, rizikem odliv mladých rodin a rostoucí náklady.",
        "SWOT: S – poloha u krajského města, tradice řemesel, udržovaný veřejný prostor; W – dopravní zátěž "
        "v centru, energeticky náročné budovy; O – Modernizační fond, Národní plán obnovy, komunitní "
        "energetika; T – klimatické extrémy, nedostatek kapacit stavebních firem."])
    target = spec.validity[1] if spec.validity else 2030
    vision = rng.choice([
        f"Vize: {spec.municipality} v roce {target} je místem, kde se dobře žije, které hospodaří s energií "
        f"a vodou odpovědně a využívá moderní technologie ve prospěch svých obyvatel.",
        f"Vize: V roce {target} nabízí {spec.municipality} kvalitní bydlení, dostupné služby a zdravé "
        f"prostředí; obec je otevřená, bezpečná a spolupracuje se sousedy.",
        f"Vize: {spec.municipality} {target} – sebevědomá a soudržná komunita, která pečuje o krajinu, "
        f"podporuje místní podnikání a rozhoduje se na základě dat."])
    measures = []
    for i, code in enumerate(areas, start=1):
        label, words = AREAS[code]
        picked = rng.sample(words, k=min(3, len(words)))
        measures.append(
            f"Strategický cíl {i}: {label}. Opatření {i}.1 a {i}.{2}: {', '.join(picked)}. "
            f"Aktivity budou financovány z rozpočtu a z dotačních programů; odpovědnost nese odbor rozvoje.")
    typed = {
        "smart_city_strategy": "Koncepce vychází z Metodiky Smart Cities a definuje pilíře chytrého města: "
                               "chytrá doprava, energetika, ICT a datová platforma, digitální úřad a participace.",
        "sump": "Plán udržitelné městské mobility sleduje dělbu přepravní práce, navrhuje scénáře rozvoje "
                "dopravy a vychází z Metodiky pro přípravu plánů udržitelné mobility měst České republiky.",
        "territorial_energy_concept": "Územní energetická koncepce je zpracována podle zákona č. 406/2000 Sb., "
                                      "o hospodaření energií, a nařízení vlády č. 232/2015 Sb.; obsahuje rozbor "
                                      "trendů vývoje poptávky po energii a energetické hospodářství území.",
        "action_plan": "Akční plán obsahuje zásobník projektů s odhadem nákladů, termínem realizace, "
                       "odpovědností a zdrojem financování; každý projekt má vazbu na opatření strategie.",
        "programme_municipal_development": "Program rozvoje obce je zpracován podle zákona č. 128/2000 Sb., "
                                           "o obcích, a metodiky MMR; obsahuje analytickou a návrhovou část.",
        "regional_development_strategy": "Strategie navazuje na Strategii regionálního rozvoje ČR 21+ a na "
                                         "RIS3 strategii kraje; schvaluje ji Zastupitelstvo kraje.",
    }.get(spec.doc_type, "Strategický plán obsahuje analytickou část, návrhovou část a implementační část.")
    impl = rng.choice([
        "Implementační část: naplňování strategie vyhodnocuje řídicí skupina jednou ročně; zpráva o plnění "
        "se předkládá zastupitelstvu. Akční plán se aktualizuje každé dva roky spolu s rozpočtem.",
        "Implementační část: za realizaci odpovídá starosta a místostarosta, monitorovací zprávu zpracovává "
        "úřad vždy do konce března. Zásobník projektů se průběžně doplňuje podle dotačních výzev.",
        "Implementační část: každé opatření má garanta a indikátor; plnění se sleduje v tabulce projektů, "
        "která je přílohou závěrečného účtu. Změny strategie schvaluje zastupitelstvo."])
    secs = [("1. Úvod", (intro, typed)), ("2. Analytická část", (analysis, swot)),
            ("3. Návrhová část", (vision, *measures)), ("4. Implementační část", (impl,))]
    if spec.edition:
        done, running = rng.randint(4, 15), rng.randint(2, 9)
        secs.insert(1, ("Aktualizace", (
            f"Tato verze ({spec.edition}) nahrazuje předchozí znění dokumentu. Aktualizovány byly zejména "
            f"akční plán a indikátory, doplněna byla opatření reagující na energetickou krizi a na změnu klimatu.",
            f"Vyhodnocení dosavadního plnění: dokončeno {done} projektů, {running} projektů probíhá; "
            f"nerealizované záměry byly přehodnoceny a část z nich vyřazena.")))
    elif old:
        secs.append(("5. Seznam zkratek", ("ORP – obec s rozšířenou působností, IROP – Integrovaný regionální "
                                           "operační program, PRV – Program rozvoje venkova, MAS – místní "
                                           "akční skupina.",)))
    return secs


def _ordinary_sections(spec: "DocSpec", rng: random.Random) -> list[tuple[str, tuple[str, ...]]]:
    who = f"{spec.gen} {spec.municipality}"
    pub = cz_date(spec.published)
    t = spec.doc_type
    if t == "minutes":
        n = rng.randint(2, 30)
        body = [f"Zasedání zastupitelstva {who} bylo zahájeno v 18:00 hodin starostou. Přítomno bylo "
                f"{rng.randint(5, 15)} členů zastupitelstva, zastupitelstvo je usnášeníschopné."]
        for i in range(1, rng.randint(4, 7)):
            body.append(f"Usnesení č. {n}/{i}/{spec.published[:4]}: Zastupitelstvo {who} schvaluje "
                        + rng.choice(["rozpočtové opatření č. 3", "prodej pozemku p. č. 412/7",
                                      "smlouvu o dílo na opravu místní komunikace", "program jednání",
                                      "přijetí dotace na opravu hasičské zbrojnice",
                                      "zadání změny územního plánu"])
                        + f". Hlasování: pro {rng.randint(5, 12)}, proti 0, zdržel se {rng.randint(0, 2)}.")
        body.append(f"Zapsal(a): {person(rng)}. Ověřovatelé zápisu: {person(rng)}, {person(rng)}.")
        return [("Průběh jednání", tuple(body))]
    if t in ("budget", "budget_outlook"):
        lines = [f"Rozpočet {who} je sestaven podle zákona č. 250/2000 Sb., o rozpočtových pravidlech územních "
                 f"rozpočtů. Schváleno zastupitelstvem dne {pub}."]
        for item in ("Daňové příjmy", "Nedaňové příjmy", "Přijaté transfery", "Doprava", "Vodní hospodářství",
                     "Školství", "Kultura a sport", "Místní správa"):
            lines.append(f"{item}: {rng.randint(100, 90000) * 1000:,} Kč".replace(",", " "))
        return [("Příjmy a výdaje", tuple(lines))]
    if t == "ordinance":
        return [("Článek 1 – Úvodní ustanovení", (
            f"Zastupitelstvo {who} se na svém zasedání dne {pub} usnesením č. {rng.randint(1, 99)}/{spec.published[:4]} "
            f"usneslo vydat tuto obecně závaznou vyhlášku.",)),
            ("Článek 2 – Předmět", ("Tato vyhláška upravuje místní poplatek za obecní systém odpadového hospodářství "
                                    "a stanoví sazbu poplatku, splatnost a osvobození.",)),
            ("Článek 3 – Účinnost", ("Tato vyhláška nabývá účinnosti patnáctým dnem po dni vyhlášení.",))]
    if t == "waste_schedule":
        days = [f"{d}. {m}." for m in range(1, 13) for d in (rng.randint(1, 14), rng.randint(15, 28))]
        return [("Termíny svozu komunálního odpadu", (", ".join(days[:12]), ", ".join(days[12:]))),
                ("Tříděný odpad", ("Plasty a papír se vyvážejí každý druhý čtvrtek. Sběrný dvůr je otevřen "
                                   "ve středu a v sobotu.",))]
    if t == "newsletter":
        return [("Slovo starosty", (f"Vážení spoluobčané, v tomto čísle zpravodaje {who} přinášíme přehled "
                                    f"investičních akcí, pozvánky na kulturní akce a informace z úřadu.",)),
                ("Z jednání zastupitelstva", ("Zastupitelstvo projednalo rozpočet, opravu chodníků a dotace "
                                              "spolkům. Dokončena byla rekonstrukce dětského hřiště.",)),
                ("Kultura a sport", ("Hasičská soutěž, rozsvícení vánočního stromu a masopustní průvod.",))]
    if t == "spatial_plan":
        return [("A. Textová část", (f"Územní plán {spec.municipality} vymezuje zastavěné území, zastavitelné "
                                     f"plochy a koncepci veřejné infrastruktury. Návrh byl projednán podle "
                                     f"zákona č. 183/2006 Sb., stavební zákon.",
                                     "Plochy bydlení, plochy smíšené obytné, plochy výroby a skladování, "
                                     "plochy zeleně a územní systém ekologické stability."))]
    if t == "annual_report":
        return [("Výroční zpráva", (f"Podle § 18 zákona č. 106/1999 Sb. zveřejňuje {spec.org_name} výroční "
                                    f"zprávu o poskytování informací.",
                                    f"Počet podaných žádostí o informace: {rng.randint(0, 40)}. Počet rozhodnutí "
                                    f"o odmítnutí žádosti: {rng.randint(0, 3)}."))]
    if t == "evaluation_report":
        return [("Vyhodnocení plnění", ("Zpráva shrnuje plnění opatření strategického plánu za uplynulý rok: "
                                        "dokončeno 12 projektů, 7 projektů probíhá, 3 byly odloženy.",))]
    if t == "sectoral_concept":
        return [("Komunitní plánování", ("Plán popisuje síť sociálních služeb, potřeby seniorů a rodin s dětmi "
                                         "a priority na období platnosti plánu.",))]
    if t == "form":
        return [("Údaje žadatele", ("Jméno a příjmení: ....................", "Adresa trvalého pobytu: ..........",
                                    "Podpis žadatele: ....................")),
                ("Poučení", (f"Žádost podejte na podatelně {spec.org_name} nebo datovou schránkou.",))]
    if t == "news":
        return [("", (f"{spec.org_name} informuje občany: " + rng.choice([
            "od pondělí začne oprava chodníku v ulici Školní.", "v sobotu proběhne sběr nebezpečného odpadu.",
            "zveřejnili jsme nový dokument ke stažení.", "zveme vás na veřejné projednání rozvojových záměrů."]),
            "Podrobnosti naleznete na úřední desce a v sekci Dokumenty."))]
    return [("Oznámení", (f"{spec.org_name} oznamuje: {spec.title}. Vyvěšeno dne {pub}.",
                          "Do písemností lze nahlédnout na úřadě v úředních hodinách."))]


def _action_table(spec: "DocSpec", rng: random.Random) -> tuple[tuple[str, ...], ...]:
    rows = [("Projekt", "Odhad nákladů", "Termín", "Zdroj financování")]
    projects = ["Rekonstrukce veřejného osvětlení", "Cyklostezka k nádraží", "Dobíjecí stanice u úřadu",
                "Fotovoltaika na škole", "Digitální úřední deska", "Komunitní kompostárna",
                "Zadržování dešťové vody", "Chytré parkování v centru"]
    rng.shuffle(projects)
    start = spec.validity[0] if spec.validity else 2024
    for p in projects[:5]:
        rows.append((p, f"{rng.randint(2, 90) * 100} tis. Kč", str(rng.randint(start, start + 2)),
                     rng.choice(["rozpočet", "IROP", "OP ŽP", "Národní plán obnovy"])))
    return tuple(rows)


def compose(spec: "DocSpec") -> Content:
    """The full text of a document, deterministic in spec.seed."""
    rng = random.Random(spec.seed)
    cover: list[str] = []
    if spec.edition:
        cover.append(spec.edition)
    if spec.validity:
        cover.append(f"na období {spec.validity[0]}–{spec.validity[1]}")
    if spec.approval_line:
        cover.append(spec.approval_line)
    if spec.is_strategy:
        cover.append(f"Zpracovatel: {spec.org_name} ve spolupráci s odborným konzultantem")
        sections = _strategy_sections(spec, rng)
        table = _action_table(spec, rng) if spec.doc_type in ("action_plan", "smart_city_strategy") else None
    else:
        cover.append(f"Datum zveřejnění: {cz_date(spec.published)}")
        sections = _ordinary_sections(spec, rng)
        table = None
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
