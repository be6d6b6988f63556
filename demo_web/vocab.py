"""The demo web's own vocabulary: people, streets, local places and the projects municipalities talk about.

Written for the generator (plain Czech of municipal paperwork), not taken from any classifier: the
texts built from it must be recognisable only the way a real municipal document is. `local(name)`
gives every municipality a fixed set of streets, local parts, a mayor and a school, so all its
documents speak about the same places and people.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

FIRST_M = ("Jan", "Petr", "Tomáš", "Jiří", "Pavel", "Zdeněk", "Josef", "Martin", "Miroslav", "Karel", "Luboš",
           "Radek", "Vladimír", "Stanislav", "Michal", "Ondřej", "Libor", "Roman")
FIRST_F = ("Jana", "Marie", "Lucie", "Eva", "Věra", "Hana", "Alena", "Ivana", "Petra", "Martina", "Zuzana",
           "Dana", "Kateřina", "Renata", "Markéta", "Monika")
LAST = ("Novák", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák", "Němec", "Marek", "Růžička",
        "Šťastný", "Křížek", "Pokorný", "Kolář", "Beneš", "Fiala", "Sedláček", "Doležal", "Zeman", "Kratochvíl",
        "Vaněk", "Bartoš", "Hájek", "Jelínek", "Král", "Urban", "Matějka", "Holub", "Štěpánek", "Kopecký")

STREETS = ("Školní", "Nádražní", "Husova", "Palackého", "Zahradní", "Komenského", "Lipová", "Polní", "Sokolská",
           "Tyršova", "Havlíčkova", "K Hájku", "Na Výsluní", "Luční", "Jiráskova", "Masarykova", "Nová",
           "Za Humny", "U Rybníka", "Družstevní", "Boženy Němcové", "Smetanova", "Krátká", "Pod Lesem",
           "V Zahradách", "Kostelní", "Mlýnská", "Příčná", "Slunečná", "Na Kopečku", "Třešňová", "Okružní",
           "Hřbitovní", "Dlouhá", "Pražská", "Cihelná", "U Školy", "Májová", "Polní cesta", "Nerudova")
PART_NAMES = ("Lhotka", "Zahrádky", "Podhájí", "Chaloupky", "Nová Ves", "Kamenice", "Javorník", "Újezdec", "Březí",
              "Dvorce", "Lazce", "Víska", "Hamry", "Paseka", "Mlýnec", "Struhy", "Skalka", "Dubina")
PONDS = ("Návesní rybník", "rybník Hluboký", "Horní rybník", "rybník Strouha", "Obecní rybník", "rybník Malý Kačák")
LANDMARKS = ("u hasičské zbrojnice", "na návsi", "u hřbitova", "u sokolovny", "u mateřské školy", "u kostela",
             "u prodejny potravin", "u koupaliště", "u fotbalového hřiště", "u nádraží", "u kulturního domu",
             "u pošty", "u bytovek", "u zdravotního střediska", "u čističky", "u bývalého statku")
# (nominative, genitive)
BUILDINGS = (("budova úřadu", "budovy úřadu"), ("základní škola", "základní školy"),
             ("mateřská škola", "mateřské školy"), ("hasičská zbrojnice", "hasičské zbrojnice"),
             ("kulturní dům", "kulturního domu"), ("sokolovna", "sokolovny"),
             ("dům s pečovatelskou službou", "domu s pečovatelskou službou"), ("tělocvična", "tělocvičny"),
             ("bývalá fara", "budovy bývalé fary"), ("zdravotní středisko", "zdravotního střediska"))
CLUBS = ("SDH", "TJ Sokol", "Myslivecký spolek", "Český zahrádkářský svaz", "Spolek žen", "Klub seniorů",
         "Divadelní soubor", "Rybářský spolek", "Tenisový klub", "Junák – skauti", "Klub maminek", "Včelaři",
         "Fotbalový klub", "Kroužek mladých hasičů")
EMPLOYERS = ("zemědělské družstvo", "pila a truhlárna", "strojírenská firma", "výrobce plastových dílů",
             "autoservis", "stavební firma", "pekárna", "logistické centrum", "pivovar", "slévárna",
             "výrobna krmiv", "sklad nábytku")
COMPANIES = ("STAVMONT s.r.o.", "Silnice a mosty Krejčí s.r.o.", "VHS Morava s.r.o.", "Elektro Vrba s.r.o.",
             "Zahrady Kos s.r.o.", "Stavby Horák a syn s.r.o.", "KOMUNÁLNÍ TECHNIKA, a.s.", "PROJEKT Lipka s.r.o.",
             "Technické služby Jarmark s.r.o.", "Izolace Beneš s.r.o.", "DOPRAVNÍ STAVBY Kubát s.r.o.")
CONSULTANTS = ("Regionální poradenská agentura, s.r.o.", "Agentura Venkov a rozvoj, z. ú.",
               "ProObec konzult s.r.o.", "Centrum pro místní rozvoj, o. p. s.", "Atelier Krajina a sídla s.r.o.",
               "Kancelář pro územní rozvoj s.r.o.")

# The projects municipalities write about, grouped by what their documents call the field. Placeholders
# (see fill): {street} {street2} {part} {landmark} {building} (genitive) {building_nom} {pond} {X} {Noun}
# {noun_gen} and sizes that follow the population: {eo} {lamps} {budget_mil} {energy_cost} {staff}
# {pupils} {capacity} {flats} {homes} {pct65} {kg} {n} {km} {kw} {grant}. An indicator is
# (name, low, high, direction): the baseline is drawn from low..high, the target moves in `direction`.
THEMES: dict[str, dict] = {
    "roads": {
        "names": ("Doprava a místní komunikace", "Silnice, chodníky a parkování", "Dopravní infrastruktura",
                  "Bezpečné ulice a doprava"),
        "goal": ("Bezpečný pohyb pěších a řidičů", "Opravené místní komunikace a chodníky",
                 "Lepší dopravní obslužnost a bezpečnější přechody"),
        "state": ("Místní komunikace měří celkem {km} km, asi třetina z nich je v nevyhovujícím stavu. Chodník "
                  "chybí hlavně v ulici {street} a podél silnice do místní části {part}.",
                  "Autobusy jezdí v pracovní dny {n}× denně do okresního města, o víkendu jen několikrát. "
                  "Zastávka {landmark} nemá přístřešek ani bezbariérový nástup.",
                  "Obyvatelé si nejčastěji stěžují na rychlou jízdu v ulici {street} a na auta parkující na "
                  "chodnících v okolí {building}."),
        "projects": ("Oprava chodníku v ulici {street} v délce {m} m", "Rekonstrukce komunikace v ulici {street} "
                     "včetně odvodnění", "Nový přechod pro chodce {landmark} s osvětlením",
                     "Parkoviště pro {n} aut {landmark}", "Bezbariérová autobusová zastávka {landmark}",
                     "Stezka pro pěší a cyklisty do místní části {part} ({km} km)",
                     "Zpomalovací prahy a radar v ulici {street}", "Chodník podél silnice do místní části {part}"),
        "indicators": (("Délka opravených chodníků (m)", 0, 200, 1), ("Počet bezbariérových zastávek", 0, 3, 1),
                       ("Počet nehod na místních komunikacích za rok", 6, 25, -1),
                       ("Délka stezek pro pěší a cyklisty (km)", 0, 4, 1)),
    },
    "water": {
        "names": ("Voda a kanalizace", "Vodovod, kanalizace a čištění vod", "Technická infrastruktura"),
        "goal": ("Kvalitní pitná voda a odkanalizování celého území", "Spolehlivý vodovod a kanalizace",
                 "Hospodárné nakládání s vodou"),
        "state": ("Veřejný vodovod zásobuje asi {pct} % domácností, ostatní mají vlastní studny. Kanalizace je "
                  "jen v centru, místní část {part} odvádí odpadní vody do žump a septiků.",
                  "Čistírna odpadních vod z roku 1996 je stavěna na {eo} ekvivalentních obyvatel a v létě nestačí "
                  "přívalům dešťové vody.", "V suchých letech klesá hladina v domovních studnách; {pond} v létě "
                  "téměř vysychá."),
        "projects": ("Prodloužení vodovodu do ulice {street}", "Intenzifikace čistírny odpadních vod na {eo} EO",
                     "Splašková kanalizace v místní části {part}", "Nádrž na zachytávání dešťové vody {landmark}",
                     "Odbahnění a oprava hráze – {pond}", "Nový vrt a úpravna vody pro místní část {part}",
                     "Výměna vodovodního potrubí v ulici {street}"),
        "indicators": (("Podíl domácností napojených na kanalizaci (%)", 40, 80, 1),
                       ("Délka nových vodovodních řadů (m)", 0, 300, 1), ("Ztráty vody ve vodovodní síti (%)", 12, 30, -1)),
    },
    "school": {
        "names": ("Škola a děti", "Vzdělávání a výchova", "Školství a péče o nejmenší"),
        "goal": ("Dostatek míst ve školce a moderní škola", "Kvalitní vzdělávání blízko domova",
                 "Škola jako centrum života"),
        "state": ("Mateřská škola má kapacitu {capacity} dětí a v posledních letech musela odmítat žádosti. "
                  "Základní školu navštěvuje {pupils} žáků.",
                  "Budova školy je z roku 1932; střecha byla opravena, okna a rozvody jsou ale původní.",
                  "Školní jídelna vaří i pro seniory; kuchyně potřebuje nové vybavení."),
        "projects": ("Přístavba mateřské školy o jednu třídu pro {n} dětí", "Rekonstrukce školní jídelny a kuchyně",
                     "Odborná učebna přírodních věd v základní škole", "Nové dětské hřiště v ulici {street}",
                     "Zateplení a výměna oken {building}", "Školní zahrada s venkovní učebnou"),
        "indicators": (("Kapacita mateřské školy (počet dětí)", 20, 80, 1), ("Počet zrekonstruovaných učeben", 0, 3, 1),
                       ("Počet dětí odmítnutých při zápisu do MŠ", 3, 15, -1)),
    },
    "community": {
        "names": ("Spolky, kultura a sport", "Společenský život", "Volný čas a soužití"),
        "goal": ("Aktivní spolky a živé tradice", "Místa pro setkávání všech generací",
                 "Podpora kultury, sportu a tradic"),
        "state": ("Působí zde {clubs}. Spolky pořádají ročně kolem {n} akcí, nejznámější je hasičská soutěž a "
                  "posvícení.", "Kulturní dům má sál pro 150 lidí, ale nevyhovující sociální zařízení a vytápění.",
                  "Fotbalové hřiště je v dobrém stavu, chybí však hřiště pro malé děti a pro teenagery."),
        "projects": ("Oprava sálu kulturního domu", "Víceúčelové hřiště {landmark}", "Šatny a zázemí u fotbalového "
                     "hřiště", "Oprava kapličky v místní části {part}", "Dotační program pro spolky ({grant} ročně)",
                     "Kronika a výstava k výročí první písemné zmínky", "Altán a ohniště {landmark}"),
        "indicators": (("Počet akcí spolků za rok", 8, 30, 1), ("Počet nových sportovišť", 0, 2, 1),
                       ("Počet spolků s podporou z rozpočtu", 3, 10, 1)),
    },
    "housing": {
        "names": ("Bydlení a veřejná prostranství", "Vzhled sídla a bydlení", "Bydlení a rozvoj území"),
        "goal": ("Dostupné bydlení pro mladé rodiny", "Upravená a příjemná veřejná prostranství",
                 "Uvážlivý růst zástavby"),
        "state": ("Zájem o stavební pozemky převyšuje nabídku; za posledních pět let bylo dokončeno {homes} "
                  "rodinných domů.", "{Noun} vlastní {flats} bytů, většinou v domě v ulici {street}; na čekací "
                  "listině je přes dvacet žadatelů.", "Okolí {building} a hlavní prostranství potřebují novou "
                  "dlažbu, lavičky a stromy."),
        "projects": ("Zasíťování pozemků pro {n} rodinných domů v lokalitě {street}", "Přestavba bývalé pošty "
                     "na {flats} bytů", "Revitalizace hlavního prostranství", "Úprava prostranství {landmark}",
                     "Výkup pozemků pro budoucí výstavbu", "Nové lavičky, koše a mobiliář v centru"),
        "indicators": (("Počet nových stavebních parcel", 0, 5, 1), ("Počet nájemních bytů ve vlastnictví {noun_gen}",
                        4, 40, 1), ("Plocha upravených prostranství (m²)", 0, 900, 1)),
    },
    "nature": {
        "names": ("Příroda, krajina a odpady", "Životní prostředí", "Zeleň, krajina a čisté okolí"),
        "goal": ("Zdravá krajina v okolí", "Méně odpadu na skládce", "Více stromů a vody v krajině"),
        "state": ("Po přívalových deštích stéká z polí bahno do ulice {street}.",
                  "Tříděný odpad se sbírá na {n} stanovištích; sběrné místo {landmark} bývá přeplněné. Na "
                  "obyvatele připadá ročně kolem {kg} kg směsného odpadu.", "Alej podél cesty do místní části "
                  "{part} je přestárlá a část stromů už musela být pokácena."),
        "projects": ("Výsadba stromořadí podél cesty do místní části {part}", "Rozšíření sběrného dvora {landmark}",
                     "Protierozní průleh nad ulicí {street}", "Hnědé popelnice na bioodpad pro domácnosti",
                     "Obnova polních cest a mezí", "Revitalizace potoka v intravilánu"),
        "indicators": (("Počet vysazených stromů", 0, 40, 1), ("Směsný odpad na obyvatele (kg/rok)", 190, 260, -1),
                       ("Podíl vytříděného odpadu (%)", 25, 45, 1)),
    },
    "services": {
        "names": ("Zdraví, senioři a sociální služby", "Služby pro obyvatele", "Péče o seniory a zdraví"),
        "goal": ("Dostupná péče pro seniory doma i v místě", "Zachování lékaře a základních služeb",
                 "Pomoc těm, kdo ji potřebují"),
        "state": ("Praktický lékař ordinuje v místě dvakrát týdně, zubař je nejblíže ve vzdálenosti {km} km. Podíl "
                  "obyvatel nad 65 let vzrostl na {pct65} %.", "Pečovatelská služba sem dojíždí z okolí; obědy "
                  "pro seniory rozváží {noun} vlastním autem.", "Prodejna potravin funguje jen díky příspěvku "
                  "na nájem."),
        "projects": ("Ordinace praktického lékaře v přízemí {building}", "Rozvoz obědů pro seniory – nové auto",
                     "Byty pro seniory v ulici {street}", "Příspěvek na provoz prodejny potravin",
                     "Bezbariérový vstup do {building}"),
        "indicators": (("Počet klientů pečovatelské služby", 5, 40, 1), ("Počet bytů pro seniory", 0, 12, 1),
                       ("Ordinační hodiny lékaře v místě (hodin týdně)", 4, 12, 1)),
    },
    "office": {
        "names": ("Úřad a informace pro občany", "Správa a hospodaření", "Řízení a komunikace s občany"),
        "goal": ("Otevřený úřad, který občany informuje", "Hospodárná správa majetku", "Občané zapojení do "
                 "rozhodování"),
        "state": ("Úřad má {staff} zaměstnanců. Informace se šíří hlavně rozhlasem, zpravodajem a na webových "
                  "stránkách.", "Rozpočet {noun_gen} se pohybuje kolem {budget_mil} mil. Kč ročně; jediným dluhem "
                  "je úvěr na kanalizaci.", "Budova úřadu je vytápěna starým plynovým kotlem a nemá bezbariérový "
                  "přístup."),
        "projects": ("Nové webové stránky a zasílání zpráv SMS", "Rekonstrukce {building}",
                     "Veřejná setkání vedení {noun_gen} s občany dvakrát ročně", "Bezdrátový rozhlas",
                     "Digitalizace kroniky a archivu", "Participativní rozpočet ({grant} ročně)"),
        "indicators": (("Počet veřejných setkání za rok", 0, 2, 1), ("Počet odběratelů SMS zpráv", 40, 300, 1),
                       ("Podíl dluhu na příjmech (%)", 5, 25, -1)),
    },
    "energy": {
        "names": ("Energie a úspory", "Hospodaření s energií", "Energie a budovy"),
        "goal": ("Nižší účty za energie ve vlastních budovách", "Vlastní zdroje energie", "Úsporné osvětlení a "
                 "vytápění"),
        "state": ("Za elektřinu a teplo ve vlastních budovách se ročně platí kolem {energy_cost}. Nejvíce energie "
                  "spotřebuje {building_nom}.", "Veřejné osvětlení tvoří {lamps} světelných bodů, většinou se "
                  "sodíkovými výbojkami staršími dvaceti let.", "Na střechách budov ve vlastnictví {noun_gen} "
                  "nejsou žádné panely, přestože jsou vhodně orientovány k jihu."),
        "projects": ("Fotovoltaika na střeše {building} ({kw} kWp)", "Výměna {lamps} svítidel veřejného osvětlení "
                     "za LED", "Tepelné čerpadlo pro vytápění {building}", "Zateplení {building}",
                     "Společný nákup energií s okolními obcemi"),
        "indicators": (("Spotřeba elektřiny ve vlastních budovách (MWh/rok)", 40, 400, -1),
                       ("Instalovaný výkon fotovoltaiky (kWp)", 0, 30, 1), ("Podíl LED svítidel (%)", 5, 40, 1)),
    },
    "safety": {
        "names": ("Bezpečnost a ochrana obyvatel", "Bezpečné sousedství", "Hasiči a ochrana obyvatel"),
        "goal": ("Připravená jednotka hasičů", "Bezpečí ve dne i v noci", "Připravenost na povodně a výpadky"),
        "state": ("Jednotka dobrovolných hasičů má {n} členů a zasahuje i v okolí. Cisterna je z roku 1988.",
                  "Při povodni v roce 2013 byla zaplavena ulice {street}; povodňový plán je z roku 2009.",
                  "Obyvatelé hlásí vandalismus {landmark}."),
        "projects": ("Nová cisterna pro jednotku SDH", "Přístavba garáže {building}", "Aktualizace povodňového "
                     "plánu a hlásiče hladiny na potoce", "Kamery {landmark}", "Náhradní zdroj elektřiny pro úřad"),
        "indicators": (("Počet členů jednotky SDH", 8, 20, 1), ("Doba výjezdu jednotky (min)", 6, 12, -1),
                       ("Počet kamerových bodů", 0, 4, 1)),
    },
}
BASE_THEMES = ("roads", "water", "school", "community", "housing", "nature", "services", "office")
# Construction works a municipality puts out to tender.
TENDER_WORKS = ("Oprava chodníku v ulici {street}", "Rekonstrukce komunikace v ulici {street}",
                "Prodloužení vodovodu do ulice {street}", "Splašková kanalizace v místní části {part}",
                "Bezbariérová autobusová zastávka {landmark}", "Zateplení a výměna oken {building}",
                "Rekonstrukce školní jídelny a kuchyně", "Oprava sálu kulturního domu",
                "Víceúčelové hřiště {landmark}", "Výměna svítidel veřejného osvětlení v ulici {street}",
                "Parkoviště {landmark}", "Odbahnění a oprava hráze – {pond}")

# What a "smart" concept writes about, by the pillar it belongs to (the generator's own wording).
SMART_PROJECTS = {
    "data": ("Sledování spotřeby tepla a elektřiny budov v jedné tabulce", "Rozpočet v přehledných grafech na webu",
             "Meteostanice a měření prašnosti u školy", "Mapa majetku s údaji o stavu budov a komunikací"),
    "office": ("Aplikace pro hlášení závad a černých skládek", "Rezervace sálu a sportoviště přes internet",
               "Online přenosy zasedání zastupitelstva", "Platba poplatků kartou a přes internet"),
    "mobility": ("Informační panel s odjezdy autobusů {landmark}", "Měření obsazenosti parkoviště {landmark}",
                 "Sdílená kola u nádraží", "Nabíječka pro elektromobily {landmark}"),
    "energy": ("Lampy veřejného osvětlení, které se ztlumí, když ulicí nikdo nejde", "Odečet vodoměrů na dálku "
               "ve vlastních budovách", "Řízení vytápění školy podle rozvrhu", "Čidla zaplnění u kontejnerů na "
               "tříděný odpad"),
    "people": ("Wi-Fi zdarma na náměstí a v knihovně", "Hlášení hladiny potoka s SMS upozorněním",
               "Kurzy práce s mobilem a internetem pro seniory", "Hlášení rozhlasu do mobilu"),
}
SMART_PILLARS = ((("Data a informace", "data"), ("Úřad bez front", "office"), ("Doprava a parkování", "mobility"),
                  ("Energie a budovy", "energy"), ("Lidé a zapojení", "people")),
                 (("Chytrá správa", "office"), ("Chytrá mobilita", "mobility"), ("Chytré budovy", "energy"),
                  ("Chytré služby", "people")),
                 (("Digitální služby", "office"), ("Moderní infrastruktura", "mobility"),
                  ("Otevřená radnice", "data"), ("Úspory a udržitelnost", "energy")))

GRANT_SOURCES = ("vlastní zdroje", "rozpočet", "dotace kraje", "IROP", "OP ŽP", "Ministerstvo pro místní "
                 "rozvoj", "Státní fond dopravní infrastruktury", "Národní plán obnovy", "PRV přes MAS",
                 "Ministerstvo zemědělství", "úvěr", "Státní fond životního prostředí")


@dataclass(frozen=True)
class Local:
    """The fixed facts of one municipality that all its documents share."""

    streets: tuple[str, ...]
    parts: tuple[str, ...]
    landmarks: tuple[str, ...]
    buildings: tuple[tuple[str, str], ...]  # (nominative, genitive)
    clubs: tuple[str, ...]
    employers: tuple[str, ...]
    pond: str
    mayor: str
    deputy: str
    clerk: str
    founded: int


def person(rng: random.Random, female: bool | None = None) -> str:
    female = rng.random() < 0.5 if female is None else female
    last = rng.choice(LAST)
    if not female:
        return f"{rng.choice(FIRST_M)} {last}"
    if last.endswith("ý"):
        last = last[:-1] + "á"
    elif last.endswith(("a", "e")):
        last = last[:-1] + "ová"
    elif last.endswith("ek"):
        last = last[:-2] + "ková"
    else:
        last = last + "ová"
    return f"{rng.choice(FIRST_F)} {last}"


def is_female(name: str) -> bool:
    return name.split()[-1].endswith("á")


@lru_cache(maxsize=4096)
def local(municipality: str) -> Local:
    rng = random.Random(f"local:{municipality}")
    parts = tuple(rng.sample(PART_NAMES, rng.choice([1, 2, 2, 3])))
    return Local(
        streets=tuple(rng.sample(STREETS, 10)), parts=parts, landmarks=tuple(rng.sample(LANDMARKS, 7)),
        buildings=tuple(rng.sample(BUILDINGS, 5)), clubs=tuple(rng.sample(CLUBS, rng.randint(4, 7))),
        employers=tuple(rng.sample(EMPLOYERS, 3)), pond=rng.choice(PONDS), mayor=person(rng), deputy=person(rng),
        clerk=person(rng, female=True), founded=rng.randint(1150, 1420))


NOUN_FORMS = {"obec": ("Obec", "obce"), "město": ("Město", "města"), "městys": ("Městys", "městyse"),
              "kraj": ("Kraj", "kraje")}


def _round(value: float, step: int) -> int:
    return max(step, int(round(value / step)) * step)


def money(value_kc: int) -> str:
    """'1,8 mil. Kč' / '650 tis. Kč' (amounts in Czech notation)."""
    if value_kc >= 1_000_000:
        return f"{value_kc / 1_000_000:.1f}".replace(".", ",") + " mil. Kč"
    return f"{max(1, value_kc // 1000)} tis. Kč"


def fill(template: str, rng: random.Random, loc: Local, municipality: str, population: int = 1000,
         noun: str = "obec", **extra) -> str:
    """A template with its placeholders filled from the municipality's own places and sizes that follow
    its population (a village's sewage plant is not a city's)."""
    streets = rng.sample(loc.streets, 2)
    building = rng.choice(loc.buildings)
    p = max(population, 50)
    noun_cap, noun_gen = NOUN_FORMS.get(noun, NOUN_FORMS["obec"])
    values = {"street": streets[0], "street2": streets[1], "part": rng.choice(loc.parts),
              "landmark": rng.choice(loc.landmarks), "building": building[1], "building_nom": building[0],
              "pond": loc.pond, "X": municipality, "Noun": noun_cap, "noun": noun, "noun_gen": noun_gen,
              "n": rng.choice([4, 6, 8, 10, 12, 15, 18, 20]), "m": rng.choice([80, 120, 150, 220, 260, 310, 450]),
              "km": rng.choice(["1,2", "2,5", "3,8", "4", "6,5", "9", "12"]), "kw": rng.choice([10, 18, 25, 30, 49, 60]),
              "pct": rng.randint(60, 95), "eo": _round(p * rng.uniform(1.0, 1.3), 50),
              "lamps": _round(p / rng.uniform(5, 9), 10), "budget_mil": max(4, round(p * rng.uniform(0.025, 0.04))),
              "energy_cost": money(int(p * rng.uniform(250, 600))), "staff": max(2, p // rng.randint(180, 320)),
              "pupils": _round(p / rng.uniform(8, 12), 5), "capacity": _round(p / rng.uniform(25, 40), 5),
              "flats": max(4, p // rng.randint(60, 150)), "homes": max(3, p // rng.randint(60, 120)),
              "pct65": rng.randint(17, 27), "kg": rng.randint(180, 260), "grant": money(_round(p * rng.uniform(
                  40, 120), 10_000)),
              "clubs": ", ".join(loc.clubs[:-1]) + " a " + loc.clubs[-1]}
    values.update(extra)
    return template.format(**values)
