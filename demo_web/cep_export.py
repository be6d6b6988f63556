"""A synthetic but realistic IS VaVaI / CEP open-data export: CEP-projekty.csv, CEP-ucastnici.csv and the truth.

`write_cep_export(out_dir, projects, seed)` writes the two CSV files with the real column names and a truth
manifest, cep_truth.json: for every project code whether it is SMART-related (and its areas and theme), and
every participant that is a municipality (with its RÚIAN municipality code). Deterministic for a seed;
50,000 projects take a few seconds.

Format facts emulated (from /work/shared/domain: RECORD_FORMATS.md section 1, cep_data_quality_2021.md,
taxonomy.json `record_schemas.cep_project_record_opendata`):
- Encoding and delimiter: the notes do not state them. The data.gov.cz article reads the file with readr
  `read_csv` and third-party ingest code with pandas `read_csv` defaults, so the official export is taken
  to be UTF-8 (no BOM), comma-separated, RFC 4180 quoting (fields quoted only when they contain a comma,
  a quote or a line break; quotes doubled) and CRLF row ends. Line breaks inside quoted goals are LF.
- Columns: every name listed in RECORD_FORMATS.md (plus `mesto_sidla` from the taxonomy's column list), in
  the order the article's NA report and the OpenAlex ingest list them; the real file has 51 columns, the
  other 20 are not known and are not invented here. Participants: the 9 columns seen in ingest code.
- Quirks, at the 2021 rates: `datum_zahajeni`/`datum_ukonceni` empty in ~42 % of rows (22,880 of 53,713)
  while `rok_*` are always filled; `ico` written without its leading zeros in part of the rows (the article
  counts IČO lengths 1-8); `klicova_slova_anglicky` in Czech in ~7 % (3,702 rows); `kod_programu` empty in
  0.2 %, `nazev_projektu_anglicky` in 1.4 %, `hlavni_prijemce` in 0.2 %; `zeme_sidla` almost always CZ;
  `psc_sidla` not a postal code in ~9 %. `hlavni_prijemce` and `ucastnik` hold the same `ico:<8 digits>` key.
- Money is written as whole CZK integers (the notes give no unit; the ingest code treats them as CZK); the
  participants' costs and support add up to the project's figures.
- Project codes follow the shapes of the examples in the notes (TL01000217, CK01000204, VJ01010116,
  DG20P02OVV002, TB930MMR001) and the programme prefixes TL/TK/FW/SS/CK/TQ/TB; providers GA0, TA0, MV0,
  MSM, MK0, ... Provider, programme and field codes are plausible, not a reference list.

All Czech and English text comes from the phrase lists in this module (plain language of research-project
abstracts), never from the classifier's vocabulary. Universities, institutes and hospitals carry real names
but synthetic IČOs (valid check digit, never one of a municipality); companies are invented; municipalities
(names, IČO, postal codes, RÚIAN codes) are real, from data/seeds/municipalities/municipalities.csv.
About 4 % of projects are SMART-related (smart public lighting, traffic data, energy communities, municipal
digital services, ...); a few per cent more are "near misses" (batteries, railway bridges, machine learning
in medicine) recorded as such, and municipalities also take part in some ordinary (heritage, social) projects.
"""
from __future__ import annotations

import csv
import json
import os
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from demo_web.registry import SEEDS_DIR

PROJECT_COLUMNS = (
    "poradi", "odkaz_na_isvavai.cz", "kod_projektu", "RAid", "poskytovatel", "kategorie_vav", "kod_programu",
    "nazev_projektu_originalni", "nazev_projektu_anglicky", "stupen_duvernosti", "rok_zahajeni", "rok_ukonceni",
    "datum_zahajeni", "datum_ukonceni", "hlavni_obor", "hlavni_vedni_obor_oecd", "cile_reseni_originalni",
    "cile_reseni_anglicky", "klicova_slova_anglicky", "hlavni_prijemce", "nazev_organizace", "ico", "psc_sidla",
    "mesto_sidla", "zeme_sidla", "celkove_naklady_na_dobu_reseni", "statni_podpora_na_dobu_reseni",
    "podpora_z_verejnych_zahranicnich_zdroju", "cislo_smlouvy", "posledni_stav_projektu", "kod_hodnoceni")
PARTICIPANT_COLUMNS = (
    "kod_projektu", "poskytovatel", "ucastnik", "nazev_ucastnika", "zeme_sidla",
    "celkove_naklady_ucastnika_na_dobu_reseni", "statni_podpora_pro_ucastnika_na_dobu_reseni",
    "podpora_z_verejnych_zahranicnich_zdroju", "ROR")
PROJECTS_FILE = "CEP-projekty.csv"
PARTICIPANTS_FILE = "CEP-ucastnici.csv"
TRUTH_FILE = "cep_truth.json"
LISTING_ONLY_FILE = "listing-only-projects.csv"
LISTING_ONLY_SMART_SHARE = 0.3
ENCODING = "utf-8"
DELIMITER = ","
ROW_END = "\r\n"
DETAIL_URL = "https://www.isvavai.cz/cep?s=jednoduche-vyhledavani&ss=detail&n=0&h={code}"

SMART_SHARE = 0.04
NO_DATES_SHARE = 0.426          # 22,880 / 53,713
CZECH_KEYWORDS_SHARE = 0.069    # 3,702 / 53,713
NO_PROGRAMME_SHARE = 0.002      # 108 / 53,713
NO_TITLE_EN_SHARE = 0.014       # 773 / 53,713
NO_RECIPIENT_KEY_SHARE = 0.002  # 99 / 53,713
UNPADDED_ICO_SHARE = 0.55       # of IČOs that start with 0: written as a number
ODD_POSTCODE_SHARE = 0.09
MULTILINE_GOALS_SHARE = 0.25
LAST_YEAR = 2025


# ------------------------------------------------------------------ programmes and providers
@dataclass(frozen=True)
class Programme:
    provider: str
    code: str                 # kod_programu
    first: int
    last: int
    shape: str                # how its project codes look (see _project_code)
    category: str             # typical kategorie_vav
    fields: tuple[str, ...]   # research fields it funds (keys of FIELDS)
    weight: int               # share among ordinary projects
    smart_weight: int = 0     # share among SMART projects


PROGRAMMES = (
    Programme("GA0", "GA", 1993, 2024, "ga", "ZV", ("biology", "chemistry", "physics", "materials", "history",
                                                  "social", "informatics", "agriculture", "medicine"), 30),
    Programme("GA0", "GJ", 2015, 2024, "gj", "ZV", ("biology", "chemistry", "physics", "informatics", "social"), 4),
    Programme("AV0", "IA", 1996, 2012, "ia", "ZV", ("biology", "chemistry", "physics", "history", "social"), 4),
    Programme("TA0", "TA", 2011, 2017, "ta", "AV", ("materials", "energy_tech", "transport_tech", "digital_other",
                                                   "agriculture"), 5),
    Programme("TA0", "TB", 2012, 2016, "beta", "AV", ("social",), 1, 5),
    Programme("TA0", "TD", 2012, 2016, "ta", "AV", ("social",), 1, 4),
    Programme("TA0", "TH", 2015, 2022, "ta", "AV", ("materials", "energy_tech", "transport_tech", "digital_other"),
              5, 6),
    Programme("TA0", "TL", 2018, 2025, "ta", "AV", ("social", "history", "informatics"), 3, 28),
    Programme("TA0", "TK", 2018, 2025, "ta", "AV", ("energy_tech",), 2, 12),
    Programme("TA0", "FW", 2020, 2025, "ta", "EV", ("materials", "digital_other", "energy_tech"), 4, 8),
    Programme("TA0", "SS", 2020, 2025, "ta", "AV", ("agriculture", "chemistry"), 2, 8),
    Programme("TA0", "CK", 2019, 2025, "ta", "AV", ("transport_tech",), 2, 12),
    Programme("TA0", "TO", 2021, 2024, "ta", "AV", ("social", "agriculture"), 1, 4),
    Programme("TA0", "TQ", 2023, 2025, "ta", "AV", ("materials", "informatics", "social"), 1, 5),
    Programme("MV0", "VI", 2010, 2022, "vi", "AV", ("security",), 3, 4),
    Programme("MV0", "VJ", 2019, 2025, "ta", "AV", ("security",), 1, 4),
    Programme("MK0", "DF", 2011, 2017, "naki", "AV", ("history",), 2),
    Programme("MK0", "DG", 2018, 2022, "naki", "AV", ("history",), 2),
    Programme("MSM", "LM", 2011, 2023, "lm", "ZV", ("physics", "biology"), 1),
    Programme("MSM", "LT", 2018, 2024, "ltausa", "ZV", ("informatics", "chemistry", "biology"), 1),
    Programme("MSM", "1M", 2005, 2011, "m1", "ZV", ("chemistry", "biology", "materials"), 1),
    Programme("MZE", "QH", 2008, 2012, "qh", "AV", ("agriculture",), 2),
    Programme("MZE", "QJ", 2013, 2019, "qk", "AV", ("agriculture",), 2),
    Programme("MZE", "QK", 2017, 2024, "qk", "AV", ("agriculture",), 2),
    Programme("MZ0", "NT", 2010, 2015, "nt", "AV", ("medicine",), 2),
    Programme("MZ0", "NV", 2015, 2019, "nv", "AV", ("medicine",), 2),
    Programme("MZ0", "NU", 2020, 2024, "nu", "AV", ("medicine",), 2),
    Programme("MPO", "FR", 2009, 2014, "fr", "EV", ("materials", "digital_other", "energy_tech"), 3),
    Programme("MPO", "FV", 2016, 2022, "fv", "EV", ("materials", "digital_other", "energy_tech"), 3),
)
BETA_MINISTRIES = ("MMR", "MV", "MZP", "MPO", "MD", "UVCR")
GA_PANELS = (101, 102, 103, 201, 202, 203, 204, 206, 401, 402, 403, 404, 405, 406, 407, 408, 409, 501, 502, 503,
             521, 522, 523, 525, 526)


def _project_code(rng: random.Random, prog: Programme, year: int, end: int) -> str:
    """A code of the programme's shape: TL01000217, GA20-01234S, GA201/09/0723, VI20172020088, DG20P02OVV002 ..."""
    yy, call = year % 100, max(1, min(9, year - prog.first + 1))
    n = rng.randint
    shape = prog.shape
    if shape == "ga":
        return (f"GA{rng.choice(GA_PANELS)}/{yy:02d}/{n(1, 2500):04d}" if year < 2013
                else f"GA{yy:02d}-{n(1, 35000):05d}S")
    if shape == "gj":
        return f"GJ{yy:02d}-{n(1, 35000):05d}Y"
    if shape == "ia":
        return f"IAA{n(100, 900)}{n(100, 999)}{yy % 10}0{n(1, 9)}"
    if shape == "ta":
        return f"{prog.code}{call:02d}{n(0, 3):02d}{n(1, 9999):04d}"
    if shape == "beta":
        return f"TB{n(10, 99)}0{rng.choice(BETA_MINISTRIES)}{n(1, 30):03d}"
    if shape == "vi":
        return f"VI{year}{end}{n(1, 999):03d}"
    if shape == "naki":
        return f"{prog.code}{yy:02d}P0{n(1, 2)}OVV{n(1, 999):03d}"
    if shape == "lm":
        return f"LM{year}{n(1, 999):03d}"
    if shape == "ltausa":
        return f"LTAUSA{yy:02d}{n(1, 999):03d}"
    if shape == "m1":
        return f"1M{n(1, 9999):04d}"
    if shape == "qh":
        return f"QH{yy % 10}{n(1000, 9999)}"
    if shape == "qk":
        return f"{prog.code}{yy:02d}{n(10, 99)}{n(100, 999)}"
    if shape == "nt":
        return f"NT{n(11000, 19999)}"
    if shape == "nv":
        return f"NV{yy:02d}-{n(27000, 34999)}A"
    if shape == "nu":
        return f"NU{yy:02d}-{n(1, 9):02d}-{n(1, 600):05d}"
    if shape == "fr":
        return f"FR-TI{n(1, 4)}/{n(1, 999):03d}"
    if shape == "fv":
        return f"FV{n(10000, 50000)}"
    raise ValueError(f"unknown code shape {shape}")


def _unique_code(rng: random.Random, prog: Programme, year: int, end: int, used: set[str]) -> str:
    """A project code not used yet (code spaces hold >= 4,000 codes a programme; fail loudly, never loop)."""
    for _ in range(1000):
        code = _project_code(rng, prog, year, end)
        if code not in used:
            used.add(code)
            return code
    raise RuntimeError(f"programme {prog.code} ran out of project codes; ask for fewer projects")


# ------------------------------------------------------------------ research fields (ordinary projects)
# subjects and methods are genitive phrases ("Výzkum {s}", "pomocí {m}") paired with English; a field may have
# its own title frames ("titles") and applied outputs ("outputs") where the general ones would not fit.
FIELDS: dict[str, dict] = {
    "medicine": {
        "obor": ("FD", "FH", "FE", "EB", "FN"), "oecd": ("30204", "30210", "30205", "30102"),
        "subjects": (("časné diagnostiky karcinomu slinivky břišní", "early diagnosis of pancreatic cancer"),
                     ("rezistence bakterií vůči antibiotikům v nemocničním prostředí",
                      "antibiotic resistance of bacteria in hospital settings"),
                     ("dlouhodobých následků covidu-19 u dětí", "long-term consequences of COVID-19 in children"),
                     ("biomarkerů srdečního selhání", "biomarkers of heart failure"),
                     ("poruch spánku u pacientů s Parkinsonovou nemocí",
                      "sleep disorders in patients with Parkinson's disease"),
                     ("imunitní odpovědi po transplantaci ledvin", "immune response after kidney transplantation"),
                     ("genetických příčin vzácných onemocnění", "genetic causes of rare diseases"),
                     ("léčby chronické bolesti zad", "treatment of chronic back pain"),
                     ("střevního mikrobiomu u nemocných s cukrovkou", "gut microbiome in patients with diabetes"),
                     ("nežádoucích účinků protinádorové léčby", "adverse effects of anticancer therapy")),
        "methods": (("celogenomového sekvenování", "whole-genome sequencing"),
                    ("magnetické rezonance", "magnetic resonance imaging"), ("průtokové cytometrie", "flow cytometry"),
                    ("randomizované klinické studie", "a randomised clinical trial"),
                    ("dlouhodobého sledování kohorty pacientů", "long-term follow-up of a patient cohort")),
        "context": (("Onemocnění postihuje v České republice tisíce pacientů ročně a jeho léčba je nákladná.",
                     "The disease affects thousands of patients in the Czech Republic every year and its treatment "
                     "is costly."),
                    ("Do studie zařadíme nejméně 200 pacientů ze tří pracovišť.",
                     "At least 200 patients from three centres will be enrolled in the study."),
                    ("Výsledky přispějí ke zpřesnění diagnostiky a k volbě vhodné léčby.",
                     "The results will help to refine diagnosis and to choose an appropriate treatment.")),
        "keywords": (("biomarkers", "biomarkery"), ("diagnosis", "diagnostika"), ("clinical trial", "klinická studie"),
                     ("cancer", "nádorové onemocnění"), ("immunology", "imunologie"), ("genetics", "genetika"),
                     ("therapy", "léčba"), ("paediatrics", "pediatrie")),
        "orgs": ("med", "hospital"),
    },
    "biology": {
        "obor": ("EB", "EE", "EG", "CE"), "oecd": ("10601", "10603", "10608", "10606"),
        "subjects": (("regulace genové exprese u rostlin", "regulation of gene expression in plants"),
                     ("buněčného dělení kvasinek", "cell division in yeast"),
                     ("evoluce parazitických prvoků", "evolution of parasitic protists"),
                     ("symbiózy hmyzu a bakterií", "insect-bacteria symbiosis"),
                     ("signálních drah v nervových buňkách", "signalling pathways in neurons"),
                     ("struktury membránových proteinů", "structure of membrane proteins"),
                     ("populační genetiky obojživelníků", "population genetics of amphibians"),
                     ("stárnutí buněk", "cellular senescence")),
        "methods": (("kryoelektronové mikroskopie", "cryo-electron microscopy"),
                    ("editace genomu metodou CRISPR", "CRISPR genome editing"),
                    ("fluorescenční mikroskopie", "fluorescence microscopy"),
                    ("fylogenetické analýzy", "phylogenetic analysis"), ("transkriptomiky", "transcriptomics")),
        "context": (("Jde o základní výzkum, jehož výsledky rozšíří obecné poznání v oboru.",
                     "This is basic research whose results will broaden general knowledge in the field."),
                    ("Pracovat budeme s modelovými organismy i s materiálem odebraným v terénu.",
                     "We will work with model organisms as well as with material collected in the field.")),
        "keywords": (("gene expression", "genová exprese"), ("evolution", "evoluce"),
                     ("protein structure", "struktura proteinů"), ("cell biology", "buněčná biologie"),
                     ("model organism", "modelový organismus"), ("genomics", "genomika")),
        "orgs": ("science",),
    },
    "chemistry": {
        "obor": ("CA", "CC", "CF", "CD"), "oecd": ("10401", "10403", "10402", "10405"),
        "subjects": (("katalytické oxidace organických sloučenin", "catalytic oxidation of organic compounds"),
                     ("supramolekulárních komplexů kovů", "supramolecular metal complexes"),
                     ("syntézy nových antivirotik", "synthesis of new antiviral agents"),
                     ("povrchových vlastností nanočástic zlata", "surface properties of gold nanoparticles"),
                     ("chování iontových kapalin", "behaviour of ionic liquids"),
                     ("fotochemických reakcí v atmosféře", "photochemical reactions in the atmosphere"),
                     ("polymerních nosičů léčiv", "polymer drug carriers")),
        "methods": (("nukleární magnetické rezonance", "nuclear magnetic resonance"),
                    ("hmotnostní spektrometrie", "mass spectrometry"),
                    ("kvantově chemických výpočtů", "quantum chemical calculations"),
                    ("rentgenové strukturní analýzy", "X-ray structural analysis")),
        "context": (("Připravené látky podrobíme podrobné charakterizaci a testům stability.",
                     "The prepared compounds will be thoroughly characterised and tested for stability."),
                    ("Projekt spojuje syntetickou a výpočetní chemii.",
                     "The project combines synthetic and computational chemistry.")),
        "keywords": (("catalysis", "katalýza"), ("synthesis", "syntéza"), ("nanoparticles", "nanočástice"),
                     ("spectroscopy", "spektroskopie"), ("polymers", "polymery"),
                     ("ionic liquids", "iontové kapaliny")),
        "orgs": ("science",),
    },
    "physics": {
        "obor": ("BM", "BL", "BN", "BE", "BH"), "oecd": ("10302", "10305", "10308", "10306"),
        "subjects": (("ultrarychlé dynamiky elektronů v polovodičích", "ultrafast electron dynamics in semiconductors"),
                     ("magnetických vlastností tenkých vrstev", "magnetic properties of thin films"),
                     ("plazmatu v tokamaku", "plasma in a tokamak"),
                     ("kosmického záření nejvyšších energií", "ultra-high-energy cosmic rays"),
                     ("kvantových jevů v supravodičích", "quantum phenomena in superconductors"),
                     ("proměnných hvězd v galaktickém halu", "variable stars in the galactic halo"),
                     ("interakce laserového záření s hmotou", "interaction of laser radiation with matter")),
        "methods": (("numerických simulací", "numerical simulations"),
                    ("femtosekundové spektroskopie", "femtosecond spectroscopy"),
                    ("měření na velkých výzkumných infrastrukturách", "measurements at large research infrastructures"),
                    ("teoretického modelování", "theoretical modelling")),
        "context": (("Experimenty proběhnou zčásti v zahraničních laboratořích, s nimiž tým dlouhodobě spolupracuje.",
                     "Some experiments will take place in foreign laboratories with which the team has long "
                     "cooperated."),
                    ("Získaná data porovnáme s předpověďmi současných teorií.",
                     "The data obtained will be compared with the predictions of current theories.")),
        "keywords": (("semiconductors", "polovodiče"), ("magnetism", "magnetismus"), ("plasma", "plazma"),
                     ("astrophysics", "astrofyzika"), ("lasers", "lasery"), ("superconductivity", "supravodivost")),
        "orgs": ("science",),
    },
    "materials": {
        "obor": ("JG", "JK", "JI", "JQ", "JR"), "oecd": ("20501", "20301", "20506", "20302"),
        "subjects": (("únavové životnosti svarových spojů", "fatigue life of welded joints"),
                     ("kompozitních materiálů s přírodními vlákny", "composite materials with natural fibres"),
                     ("aditivní výroby kovových dílů", "additive manufacturing of metal parts"),
                     ("opotřebení řezných nástrojů", "wear of cutting tools"),
                     ("korozní odolnosti hořčíkových slitin", "corrosion resistance of magnesium alloys"),
                     ("vibrací obráběcích strojů", "vibrations of machine tools")),
        "methods": (("metody konečných prvků", "the finite element method"),
                    ("elektronové mikroskopie", "electron microscopy"),
                    ("zrychlených zkoušek životnosti", "accelerated life tests"),
                    ("počítačové tomografie", "computed tomography")),
        "context": (("Výsledky jsou určeny výrobním podnikům, které se na projektu podílejí.",
                     "The results are intended for the manufacturing companies involved in the project."),
                    ("Ověření proběhne na zkušebních vzorcích i na skutečných dílech.",
                     "Verification will be carried out on test specimens as well as on real parts.")),
        "keywords": (("composites", "kompozity"), ("additive manufacturing", "aditivní výroba"),
                     ("fatigue", "únava materiálu"), ("machining", "obrábění"), ("corrosion", "koroze"),
                     ("finite element method", "metoda konečných prvků")),
        "orgs": ("tech", "industry"),
    },
    "agriculture": {
        "obor": ("GD", "GK", "GH", "GE", "GL"), "oecd": ("40101", "40104", "40201", "40106"),
        "subjects": (("odolnosti ozimé pšenice vůči suchu", "drought resistance of winter wheat"),
                     ("chorob chmele", "hop diseases"),
                     ("welfare dojnic ve volném ustájení", "welfare of dairy cows in loose housing"),
                     ("eroze půdy na svažitých pozemcích", "soil erosion on sloping land"),
                     ("obnovy smrkových porostů po kůrovcové kalamitě",
                      "regeneration of spruce stands after the bark beetle outbreak"),
                     ("šlechtění brambor na kvalitu hlíz", "potato breeding for tuber quality"),
                     ("výživy kaprů v rybničních chovech", "carp nutrition in pond farming")),
        "methods": (("polních pokusů", "field trials"), ("dálkového průzkumu Země", "remote sensing"),
                    ("molekulárních markerů", "molecular markers"),
                    ("dlouhodobých pokusných ploch", "long-term experimental plots")),
        "context": (("Pokusy založíme na třech stanovištích s odlišnými půdními podmínkami.",
                     "The trials will be established at three sites with different soil conditions."),
                    ("Výsledky využijí zemědělské a lesní podniky i státní správa.",
                     "The results will be used by farms, forestry enterprises and state administration.")),
        "keywords": (("drought", "sucho"), ("plant breeding", "šlechtění rostlin"), ("soil", "půda"),
                     ("forestry", "lesnictví"), ("livestock", "hospodářská zvířata"), ("crop yield", "výnos plodin")),
        "orgs": ("agri",),
    },
    "history": {
        "obor": ("AB", "AC", "AL", "AJ"), "oecd": ("60101", "60102", "60401", "60206"),
        "subjects": (("barokní architektury venkovských far", "Baroque architecture of rural parishes"),
                     ("písemné kultury středověkých klášterů", "written culture of medieval monasteries"),
                     ("lidového oděvu na Slovácku", "folk costume in Moravian Slovakia"),
                     ("industriálního dědictví severních Čech", "industrial heritage of northern Bohemia"),
                     ("exilové literatury po roce 1948", "exile literature after 1948"),
                     ("hudebních sbírek šlechtických rodů", "music collections of noble families"),
                     ("zaniklých středověkých vesnic", "deserted medieval villages"),
                     ("historických zahrad a parků", "historical gardens and parks")),
        "methods": (("archivního výzkumu", "archival research"), ("terénního průzkumu", "field survey"),
                    ("nedestruktivních archeologických metod", "non-destructive archaeological methods"),
                    ("srovnávací analýzy pramenů", "comparative analysis of sources")),
        "context": (("Prameny jsou uloženy v několika archivech a muzeích a dosud nebyly souborně zpracovány.",
                     "The sources are kept in several archives and museums and have not yet been studied as a "
                     "whole."),
                    ("Výsledky zpřístupníme veřejnosti výstavou a edicí pramenů.",
                     "The results will be made available to the public through an exhibition and an edition of "
                     "sources.")),
        "keywords": (("cultural heritage", "kulturní dědictví"), ("history", "dějiny"), ("archaeology", "archeologie"),
                     ("archives", "archivy"), ("Baroque", "baroko"), ("museum collections", "muzejní sbírky")),
        "titles": (("Výzkum {s}", "Research on {s}"), ("Dějiny a proměny {s}", "History and transformations of {s}"),
                   ("Soupis a interpretace {s}", "Inventory and interpretation of {s}"),
                   ("Poznání a zpřístupnění {s}", "Understanding and presenting {s}")),
        "outputs": (("výstava s katalogem", "exhibition with a catalogue"), ("odborná kniha", "book"),
                    ("specializovaná mapa s odborným obsahem", "specialised map with expert content"),
                    ("certifikovaná metodika", "certified methodology"), ("databáze", "database")),
        "orgs": ("humanities",),
    },
    "social": {
        "obor": ("AO", "AH", "AE", "AM"), "oecd": ("50401", "50201", "50601", "50301"),
        "subjects": (("postavení starších osob na trhu práce", "the position of older people on the labour market"),
                     ("vzdělávacích nerovností mezi regiony", "educational inequalities between regions"),
                     ("důvěry občanů v instituce", "citizens' trust in institutions"),
                     ("chudoby a zadlužení domácností", "poverty and household debt"),
                     ("volebního chování mladých lidí", "voting behaviour of young people"),
                     ("integrace cizinců", "integration of foreigners"),
                     ("rodinné politiky a porodnosti", "family policy and fertility")),
        "methods": (("reprezentativního dotazníkového šetření", "a representative questionnaire survey"),
                    ("hloubkových rozhovorů", "in-depth interviews"),
                    ("analýzy administrativních dat", "analysis of administrative data"),
                    ("ekonometrických modelů", "econometric models")),
        "context": (("Zjištění porovnáme s výsledky z dalších zemí střední Evropy.",
                     "The findings will be compared with results from other Central European countries."),
                    ("Projekt přinese doporučení pro tvůrce veřejných politik.",
                     "The project will provide recommendations for public policy makers.")),
        "keywords": (("labour market", "trh práce"), ("inequality", "nerovnost"), ("survey", "dotazníkové šetření"),
                     ("public policy", "veřejná politika"), ("migration", "migrace"), ("family", "rodina")),
        "titles": (("Výzkum {s}", "Research on {s}"), ("Analýza {s}", "Analysis of {s}"),
                   ("Faktory {s}", "Determinants of {s}"),
                   ("Proměny {s} v České republice", "Changes in {s} in the Czech Republic")),
        "outputs": (("souhrnná výzkumná zpráva", "summary research report"), ("odborná kniha", "book"),
                    ("certifikovaná metodika", "certified methodology"), ("databáze", "database")),
        "orgs": ("humanities",),
    },
    "informatics": {
        "obor": ("IN", "BD", "BA", "BB"), "oecd": ("10201", "10101", "10102", "10103"),
        "subjects": (("ověřování správnosti paralelních programů", "verification of parallel programs"),
                     ("kombinatorické optimalizace", "combinatorial optimisation"),
                     ("rozpoznávání řeči v češtině", "speech recognition in Czech"),
                     ("bezpečnosti kryptografických protokolů", "security of cryptographic protocols"),
                     ("grafových algoritmů", "graph algorithms"),
                     ("vysvětlitelnosti modelů strojového učení", "explainability of machine learning models")),
        "methods": (("formálních metod", "formal methods"), ("hlubokých neuronových sítí", "deep neural networks"),
                    ("matematického modelování", "mathematical modelling"),
                    ("rozsáhlých experimentů na reálných datech", "large-scale experiments on real data")),
        "context": (("Navržené algoritmy zveřejníme jako otevřený software.",
                     "The proposed algorithms will be released as open-source software."),
                    ("Teoretické výsledky doplníme experimentálním srovnáním.",
                     "The theoretical results will be complemented by an experimental comparison.")),
        "keywords": (("algorithms", "algoritmy"), ("machine learning", "strojové učení"),
                     ("cryptography", "kryptografie"), ("optimisation", "optimalizace"),
                     ("formal verification", "formální verifikace")),
        "orgs": ("science", "tech"),
    },
    "security": {
        "obor": ("AQ", "JD", "BC"), "oecd": ("50902", "20205", "10201"),
        "subjects": (("odhalování padělaných dokladů", "detection of forged documents"),
                     ("forenzní analýzy digitálních stop", "forensic analysis of digital traces"),
                     ("detekce výbušnin", "detection of explosives"),
                     ("odolnosti ochranných oděvů hasičů", "durability of firefighters' protective clothing"),
                     ("ochrany kritické infrastruktury státu", "protection of the state's critical infrastructure")),
        "methods": (("laboratorních zkoušek", "laboratory tests"), ("simulace mimořádných událostí",
                                                                    "simulation of emergencies"),
                    ("analýzy obrazových dat", "image data analysis")),
        "context": (("Výsledky jsou určeny Policii České republiky a Hasičskému záchrannému sboru.",
                     "The results are intended for the Police of the Czech Republic and the Fire Rescue Service."),
                    ("Postupy ověříme v laboratoři i při cvičení složek integrovaného záchranného systému.",
                     "The procedures will be tested in the laboratory and in exercises of the emergency services.")),
        "keywords": (("security", "bezpečnost"), ("forensics", "forenzní vědy"), ("police", "policie"),
                     ("firefighters", "hasiči"), ("crime", "kriminalita")),
        "orgs": ("tech", "industry"),
    },
    # near misses: energy, transport and data, but not solutions for municipalities
    "energy_tech": {
        "obor": ("JE", "JF", "CG"), "oecd": ("20704", "20303", "10403"),
        "subjects": (("katodových materiálů pro lithium-iontové baterie",
                      "cathode materials for lithium-ion batteries"),
                     ("účinnosti perovskitových solárních článků", "efficiency of perovskite solar cells"),
                     ("spalování biomasy v malých kotlích", "biomass combustion in small boilers"),
                     ("palivových článků s pevnými oxidy", "solid oxide fuel cells"),
                     ("ukládání vodíku v kovových hydridech", "hydrogen storage in metal hydrides"),
                     ("provozu jaderných reaktorů IV. generace", "operation of Generation IV nuclear reactors")),
        "methods": (("elektrochemických měření", "electrochemical measurements"),
                    ("počítačového modelování proudění", "computational fluid dynamics"),
                    ("zkoušek na experimentální lince", "tests on an experimental line")),
        "context": (("Projekt se soustředí na laboratorní vývoj, nikoli na nasazení v budovách či sítích.",
                     "The project focuses on laboratory development, not on deployment in buildings or grids."),
                    ("Výsledky převezme průmyslový partner do vlastního vývoje.",
                     "The industrial partner will take the results into its own development.")),
        "keywords": (("batteries", "baterie"), ("photovoltaics", "fotovoltaika"), ("hydrogen", "vodík"),
                     ("energy storage", "akumulace energie"), ("combustion", "spalování"),
                     ("nuclear energy", "jaderná energetika")),
        "orgs": ("tech", "industry"),
    },
    "transport_tech": {
        "obor": ("JO", "JN", "JR"), "oecd": ("20104", "20101", "20301"),
        "subjects": (("únavového poškození ocelových železničních mostů", "fatigue damage of steel railway bridges"),
                     ("hluku pneumatik na vozovkách", "tyre noise on road surfaces"),
                     ("aerodynamiky vysokorychlostních vlaků", "aerodynamics of high-speed trains"),
                     ("recyklace asfaltových směsí", "recycling of asphalt mixtures"),
                     ("spolehlivosti brzdových systémů nákladních vozů",
                      "reliability of freight wagon braking systems")),
        "methods": (("dynamických zatěžovacích zkoušek", "dynamic load tests"),
                    ("měření za provozu", "in-service measurements"),
                    ("numerického modelování", "numerical modelling")),
        "context": (("Výsledky využijí správci dopravní infrastruktury a výrobci vozidel.",
                     "The results will be used by transport infrastructure managers and vehicle manufacturers."),
                    ("Zkoušky proběhnou na zkušebním okruhu a ve spolupráci se Správou železnic.",
                     "The tests will take place on a test circuit and in cooperation with the railway "
                     "infrastructure manager.")),
        "keywords": (("railway", "železnice"), ("bridges", "mosty"), ("asphalt", "asfalt"), ("vehicles", "vozidla"),
                     ("road noise", "hluk z dopravy")),
        "orgs": ("tech", "industry"),
    },
    "digital_other": {
        "obor": ("JD", "IN", "JC"), "oecd": ("20205", "10201", "20206"),
        "subjects": (("digitalizace historických map a plánů", "digitisation of historical maps and plans"),
                     ("strojového učení v diagnostice nádorů plic", "machine learning in lung tumour diagnosis"),
                     ("počítačového vidění pro kontrolu kvality ve výrobě",
                      "computer vision for quality control in manufacturing"),
                     ("zpracování družicových snímků zemědělských plodin", "processing of satellite images of crops"),
                     ("digitálních dvojčat výrobních linek", "digital twins of production lines")),
        "methods": (("hlubokého učení", "deep learning"), ("zpracování obrazu", "image processing"),
                    ("cloudových výpočtů", "cloud computing")),
        "context": (("Součástí řešení je rozsáhlá anotovaná databáze snímků.",
                     "The solution includes a large annotated image database."),
                    ("Software bude ověřen u průmyslového partnera v běžném provozu.",
                     "The software will be tested at the industrial partner in routine operation.")),
        "keywords": (("digitisation", "digitalizace"), ("machine learning", "strojové učení"),
                     ("computer vision", "počítačové vidění"), ("big data", "velká data"),
                     ("digital twin", "digitální dvojče")),
        "orgs": ("tech", "industry"),
    },
}
NEAR_MISS_FIELDS = ("energy_tech", "transport_tech", "digital_other")

TITLE_FRAMES = (("Výzkum {s}", "Research on {s}"), ("Studium {s} pomocí {m}", "Study of {s} using {m}"),
                ("Nové přístupy k hodnocení {s}", "New approaches to the assessment of {s}"),
                ("Analýza {s}", "Analysis of {s}"), ("Modelování {s}", "Modelling of {s}"),
                ("Pokročilé metody výzkumu {s}", "Advanced methods for the study of {s}"))
GOAL_OPENINGS = (("Cílem projektu je objasnit podstatu {s}.", "The project aims to clarify the nature of {s}."),
                 ("Projekt se zabývá problematikou {s}.", "The project deals with {s}."),
                 ("Hlavním cílem je rozšířit poznání {s}.", "The main goal is to extend the knowledge of {s}."),
                 ("Navrhovaný projekt navazuje na dosavadní výzkum {s}, který tým vede od roku {y0}.",
                  "The proposed project builds on the research on {s} that the team has pursued since {y0}."))
GOAL_METHODS = (("Výzkum bude prováděn pomocí {m}.", "The research will be carried out using {m}."),
                ("Data získáme pomocí {m} a porovnáme je s výsledky předchozích let.",
                 "Data will be obtained using {m} and compared with the results of previous years."),
                ("Kombinací {m} a {m2} získáme ucelený obraz sledovaného jevu.",
                 "Combining {m} and {m2} will give a comprehensive picture of the phenomenon."))
BASIC_RESULTS = (("Výsledky budou publikovány v mezinárodních odborných časopisech.",
                  "The results will be published in international scientific journals."),
                 ("Získané poznatky shrneme v odborné monografii.",
                  "The findings will be summarised in a scholarly monograph."),
                 ("Výsledky představíme na mezinárodních konferencích a zveřejníme v otevřeném přístupu.",
                  "The results will be presented at international conferences and published in open access."))
OUTPUTS = (("certifikovaná metodika", "certified methodology"), ("software", "software"),
           ("funkční vzorek", "functional sample"), ("ověřená technologie", "verified technology"),
           ("odborná kniha", "book"), ("články v recenzovaných časopisech", "articles in peer-reviewed journals"),
           ("specializovaná mapa s odborným obsahem", "specialised map with expert content"),
           ("užitný vzor", "utility model"), ("databáze", "database"), ("prototyp", "prototype"))
TOOL_NAMES = ("Kompas", "Ariadna", "Hvězda", "Lípa", "Mozaika", "Sova", "Most", "Jiskra", "Brána", "Studánka")


# ------------------------------------------------------------------ SMART themes
# objects are nominative title phrases; intros are sentences of the goals; all paired with English.
SMART_THEMES: dict[str, dict] = {
    "public_lighting": {
        "areas": ("energy", "ict_infrastructure_data"), "programmes": ("TK", "TL", "FW", "TH", "TQ"),
        "objects": (("Chytré veřejné osvětlení", "Smart public lighting"),
                    ("Adaptivní řízení veřejného osvětlení", "Adaptive control of public lighting"),
                    ("Síť lamp veřejného osvětlení jako nosič senzorů",
                     "The public lighting network as a carrier of sensors"),
                    ("Obnova veřejného osvětlení obcí s dálkovým řízením",
                     "Renewal of municipal public lighting with remote control")),
        "intro": (("Veřejné osvětlení tvoří významnou část spotřeby elektřiny obcí a jeho obnova je příležitostí "
                   "pro dálkové řízení a úspory.",
                   "Public lighting accounts for a significant part of municipalities' electricity consumption, and "
                   "its renewal is an opportunity for remote control and savings."),
                  ("Projekt navrhne postup, jak při výměně svítidel propojit lampy do jedné komunikační sítě a řídit "
                   "intenzitu světla podle provozu.",
                   "The project will propose how to connect lamps into one communication network when luminaires "
                   "are replaced, and how to control light intensity according to traffic."),
                  ("Na sloupy veřejného osvětlení lze umístit čidla kvality ovzduší, počítadla chodců nebo body "
                   "připojení k internetu.",
                   "Air-quality sensors, pedestrian counters or internet access points can be placed on public "
                   "lighting poles.")),
        "keywords": (("public lighting", "veřejné osvětlení"), ("smart city", "chytré město"),
                     ("LED luminaires", "LED svítidla"), ("energy savings", "úspory energie"),
                     ("sensor network", "senzorová síť"), ("remote control", "dálkové řízení")),
    },
    "traffic_data": {
        "areas": ("mobility_transport", "ict_infrastructure_data"), "programmes": ("CK", "TL", "TH", "FW"),
        "objects": (("Využití dopravních dat pro řízení dopravy ve městech", "Use of traffic data for urban traffic "
                     "management"),
                    ("Sčítání dopravy pomocí kamer a detektorů v obcích",
                     "Traffic counting with cameras and detectors in municipalities"),
                    ("Dopravní model města z anonymizovaných mobilních dat",
                     "A city traffic model from anonymised mobile data"),
                    ("Inteligentní řízení světelných křižovatek", "Intelligent control of signalised intersections")),
        "intro": (("Obce a města zpravidla nemají průběžné údaje o intenzitě dopravy a o dopravních opatřeních "
                   "rozhodují bez dat.",
                   "Municipalities and towns usually lack continuous data on traffic volumes and decide on traffic "
                   "measures without data."),
                  ("Projekt propojí data z dopravních detektorů, z navigačních služeb a z mobilních sítí do jednoho "
                   "přehledu pro dopravní odbor města.",
                   "The project will combine data from traffic detectors, navigation services and mobile networks "
                   "into one overview for the city's transport department."),
                  ("Součástí řešení je návrh, jak data sdílet s krajským dispečinkem veřejné dopravy.",
                   "The solution includes a proposal for sharing the data with the regional public transport "
                   "control centre.")),
        "keywords": (("traffic data", "dopravní data"), ("intelligent transport systems", "inteligentní dopravní "
                     "systémy"), ("mobility", "mobilita"), ("traffic management", "řízení dopravy"),
                     ("open data", "otevřená data"), ("municipality", "obec")),
    },
    "parking": {
        "areas": ("mobility_transport", "ict_infrastructure_data"), "programmes": ("CK", "TL", "FW"),
        "objects": (("Navigace k volným parkovacím místům v centrech měst",
                     "Guidance to free parking spaces in town centres"),
                    ("Parkovací senzory a regulace parkování v obcích",
                     "Parking sensors and parking regulation in municipalities"),
                    ("Sdílená mobilita a parkovací politika malých měst",
                     "Shared mobility and the parking policy of small towns")),
        "intro": (("Hledání volného parkovacího místa tvoří v centrech měst významný podíl dopravy.",
                   "Searching for a free parking space makes up a significant share of traffic in town centres."),
                  ("Projekt ověří bezdrátová čidla obsazenosti parkovacích míst a aplikaci, která řidiče navede "
                   "k volnému místu.",
                   "The project will test wireless parking occupancy sensors and an application that guides "
                   "drivers to a free space."),
                  ("Na základě získaných dat navrhneme zásady parkovací politiky pro města do 50 tisíc obyvatel.",
                   "Based on the data collected, we will propose principles of parking policy for towns of up to "
                   "50 thousand inhabitants.")),
        "keywords": (("parking", "parkování"), ("sensors", "čidla"), ("shared mobility", "sdílená mobilita"),
                     ("town centre", "centrum města"), ("mobile application", "mobilní aplikace")),
    },
    "energy_community": {
        "areas": ("energy", "governance_participation"), "programmes": ("TK", "TL", "SS", "TQ", "TO"),
        "objects": (("Komunitní energetika v malých obcích", "Community energy in small municipalities"),
                    ("Energetická společenství obcí a jejich obyvatel",
                     "Energy communities of municipalities and their inhabitants"),
                    ("Sdílení elektřiny z obecních fotovoltaických elektráren",
                     "Sharing electricity from municipal photovoltaic plants"),
                    ("Lokální energetické komunity jako nástroj energetické soběstačnosti",
                     "Local energy communities as a tool of energy self-sufficiency")),
        "intro": (("Obce mohou vyrábět elektřinu na střechách svých budov a sdílet ji s občany, spolky a místními "
                   "podniky.",
                   "Municipalities can generate electricity on the roofs of their buildings and share it with "
                   "citizens, associations and local businesses."),
                  ("Projekt zmapuje právní, ekonomické a technické podmínky vzniku energetických společenství "
                   "v českých obcích.",
                   "The project will map the legal, economic and technical conditions for establishing energy "
                   "communities in Czech municipalities."),
                  ("Vytvoříme model, který obci pomůže posoudit návratnost společné výroby a spotřeby energie.",
                   "We will create a model that helps a municipality assess the return on joint energy generation "
                   "and consumption.")),
        "keywords": (("energy community", "energetické společenství"), ("photovoltaics", "fotovoltaika"),
                     ("energy sharing", "sdílení energie"), ("municipality", "obec"),
                     ("self-sufficiency", "soběstačnost"), ("renewable energy", "obnovitelné zdroje energie")),
    },
    "building_energy": {
        "areas": ("energy", "buildings_housing_urban"), "programmes": ("TK", "TH", "FW", "TB"),
        "objects": (("Energetický management obecních budov", "Energy management of municipal buildings"),
                    ("Dálkové měření spotřeby energií ve školách a úřadech",
                     "Remote metering of energy consumption in schools and offices"),
                    ("Řízení vytápění veřejných budov podle obsazenosti",
                     "Occupancy-based heating control in public buildings")),
        "intro": (("Obce často neznají skutečnou spotřebu energie svých budov, protože odečty probíhají jednou "
                   "ročně.",
                   "Municipalities often do not know the actual energy consumption of their buildings because "
                   "meters are read once a year."),
                  ("Projekt vyvine systém dálkových odečtů a vyhodnocení spotřeby tepla, elektřiny a vody "
                   "v obecních budovách.",
                   "The project will develop a system of remote reading and evaluation of heat, electricity and "
                   "water consumption in municipal buildings."),
                  ("Výsledkem bude metodika zavedení energetického managementu pro obce bez vlastního energetika.",
                   "The result will be a methodology for introducing energy management in municipalities without "
                   "their own energy manager.")),
        "keywords": (("energy management", "energetický management"), ("public buildings", "veřejné budovy"),
                     ("smart metering", "dálkové odečty"), ("heating", "vytápění"),
                     ("energy efficiency", "energetická účinnost")),
    },
    "municipal_e_services": {
        "areas": ("egovernment_services",), "programmes": ("TL", "TB", "TQ", "TD"),
        "objects": (("Digitální služby obecního úřadu pro občany",
                     "Digital services of the municipal office for citizens"),
                    ("Elektronická podání a formuláře v malých obcích",
                     "Electronic submissions and forms in small municipalities"),
                    ("Mobilní aplikace obce jako kanál komunikace s obyvateli",
                     "The municipal mobile application as a channel of communication with residents"),
                    ("Portál občana pro města a obce", "A citizen portal for towns and municipalities")),
        "intro": (("Většina agend obecních úřadů se stále vyřizuje na přepážce a v papírové podobě.",
                   "Most agendas of municipal offices are still handled at the counter and on paper."),
                  ("Projekt navrhne sadu digitálních služeb, které zvládne provozovat i malý obecní úřad, například "
                   "objednání termínu, platbu poplatků nebo hlášení závad.",
                   "The project will design a set of digital services that even a small municipal office can "
                   "operate, such as booking appointments, paying fees or reporting faults."),
                  ("Zjistíme, které služby obyvatelé skutečně využívají a co jim brání vyřídit je online.",
                   "We will find out which services residents actually use and what prevents them from completing "
                   "them online.")),
        "keywords": (("e-government", "elektronizace veřejné správy"), ("digital services", "digitální služby"),
                     ("municipal office", "obecní úřad"), ("citizen portal", "portál občana"),
                     ("mobile application", "mobilní aplikace"), ("usability", "použitelnost")),
    },
    "city_data": {
        "areas": ("ict_infrastructure_data", "governance_participation"), "programmes": ("TL", "TQ", "FW", "TB"),
        "objects": (("Otevřená data měst a obcí", "Open data of towns and municipalities"),
                    ("Datová platforma města pro rozhodování samosprávy",
                     "A city data platform for local government decision-making"),
                    ("Sdílení dat mezi obcemi a krajem", "Data sharing between municipalities and the region")),
        "intro": (("Města shromažďují množství dat o dopravě, odpadech, energiích či rozpočtu, většinou je ale "
                   "nepropojují.",
                   "Towns collect a lot of data on transport, waste, energy or the budget, but mostly do not "
                   "connect them."),
                  ("Projekt navrhne architekturu městské datové platformy a pravidla pro zveřejňování otevřených dat.",
                   "The project will propose the architecture of a municipal data platform and rules for "
                   "publishing open data."),
                  ("Součástí řešení jsou přehledné výstupy pro zastupitele a veřejnost.",
                   "The solution includes clear dashboards for councillors and the public.")),
        "keywords": (("open data", "otevřená data"), ("data platform", "datová platforma"),
                     ("local government", "samospráva"), ("interoperability", "interoperabilita"),
                     ("dashboard", "přehled ukazatelů")),
    },
    "water_network": {
        "areas": ("water_management", "ict_infrastructure_data"), "programmes": ("SS", "TH", "FW", "TL"),
        "objects": (("Dálkové odečty vodoměrů a hledání úniků vody v obecních vodovodech",
                     "Remote water meter reading and leak detection in municipal water networks"),
                    ("Monitoring srážek a hladin vodních toků pro obce",
                     "Monitoring of rainfall and river levels for municipalities"),
                    ("Hospodaření se srážkovou vodou v obcích s pomocí čidel",
                     "Sensor-assisted stormwater management in municipalities")),
        "intro": (("Ztráty vody v malých obecních vodovodech dosahují často čtvrtiny vyrobené vody.",
                   "Water losses in small municipal water supply systems often reach a quarter of the water "
                   "produced."),
                  ("Projekt ověří dálkově odečítané vodoměry a akustická čidla, která pomohou najít únik dřív, "
                   "než se projeví na povrchu.",
                   "The project will test remotely read water meters and acoustic sensors that help to find a "
                   "leak before it shows on the surface."),
                  ("Naměřená data zobrazíme v jednoduché aplikaci pro správce vodovodu.",
                   "The measured data will be displayed in a simple application for the water network operator.")),
        "keywords": (("water losses", "ztráty vody"), ("water supply", "vodovod"), ("remote reading", "dálkový "
                     "odečet"), ("flood warning", "povodňové varování"), ("rainwater", "dešťová voda"),
                     ("sensors", "čidla")),
    },
    "waste_collection": {
        "areas": ("circular_economy_waste", "ict_infrastructure_data"), "programmes": ("SS", "TL", "FW", "TH"),
        "objects": (("Optimalizace svozu odpadu podle naplněnosti nádob",
                     "Optimisation of waste collection based on container fill levels"),
                    ("Evidence odpadu po domácnostech a motivační systémy obcí",
                     "Household-level waste records and municipal incentive schemes"),
                    ("Chytré sběrné dvory", "Smart collection yards")),
        "intro": (("Svozové firmy vyvážejí kontejnery na tříděný odpad podle pevného harmonogramu bez ohledu na "
                   "jejich skutečné naplnění.",
                   "Collection companies empty containers for sorted waste according to a fixed schedule "
                   "regardless of how full they actually are."),
                  ("Projekt ověří čidla naplněnosti nádob a navrhne plánování tras svozu podle aktuálních dat.",
                   "The project will test fill-level sensors and propose collection route planning based on "
                   "current data."),
                  ("Zhodnotíme také, jak adresná evidence odpadu ovlivňuje třídění v domácnostech.",
                   "We will also evaluate how address-based waste records affect sorting in households.")),
        "keywords": (("waste collection", "svoz odpadu"), ("fill-level sensors", "čidla naplněnosti"),
                     ("route optimisation", "optimalizace tras"), ("circular economy", "oběhové hospodářství"),
                     ("recycling", "recyklace")),
    },
    "urban_climate": {
        "areas": ("environment_climate", "ict_infrastructure_data"), "programmes": ("SS", "TL", "TO", "TQ"),
        "objects": (("Měření tepelného ostrova města sítí levných čidel",
                     "Measuring the urban heat island with a network of low-cost sensors"),
                    ("Adaptace měst na vlny veder s využitím dat", "Data-driven adaptation of towns to heat waves"),
                    ("Monitoring kvality ovzduší v obcích", "Air quality monitoring in municipalities")),
        "intro": (("V létě bývá v centrech měst o několik stupňů tepleji než v okolní krajině.",
                   "In summer, town centres are often several degrees warmer than the surrounding countryside."),
                  ("Projekt rozmístí síť levných čidel teploty a vlhkosti a z naměřených hodnot vytvoří mapu "
                   "nejvíce ohrožených míst.",
                   "The project will deploy a network of low-cost temperature and humidity sensors and create a "
                   "map of the most exposed places from the measurements."),
                  ("Města získají podklad pro umístění stromů, zelených střech a vodních prvků.",
                   "Towns will obtain a basis for placing trees, green roofs and water features.")),
        "keywords": (("urban heat island", "tepelný ostrov města"), ("climate adaptation", "adaptace na změnu "
                     "klimatu"), ("air quality", "kvalita ovzduší"), ("sensor network", "senzorová síť"),
                     ("green infrastructure", "zelená infrastruktura")),
    },
    "participation": {
        "areas": ("governance_participation", "egovernment_services"), "programmes": ("TL", "TB", "TD", "TO"),
        "objects": (("Participativní rozpočet a digitální nástroje zapojení obyvatel",
                     "Participatory budgeting and digital tools for involving residents"),
                    ("Online konzultace územního plánování s veřejností",
                     "Online public consultation in spatial planning"),
                    ("Strategické řízení chytrých obcí", "Strategic management of smart municipalities"),
                    ("Koncepce SMART obce pro malé samosprávy", "A SMART municipality concept for small local "
                     "governments")),
        "intro": (("Obce stále častěji chtějí znát názor obyvatel dřív, než o investici rozhodnou.",
                   "Municipalities increasingly want to know residents' views before deciding on an investment."),
                  ("Projekt porovná digitální nástroje pro participativní rozpočty a veřejné konzultace a ověří je "
                   "ve spolupracujících obcích.",
                   "The project will compare digital tools for participatory budgets and public consultations and "
                   "test them in partner municipalities."),
                  ("Výsledkem bude metodika, jak v obci krok za krokem připravit strategii chytrých řešení.",
                   "The result will be a methodology for preparing a strategy of smart solutions in a municipality "
                   "step by step.")),
        "keywords": (("participation", "participace"), ("participatory budgeting", "participativní rozpočet"),
                     ("smart village", "chytrá obec"), ("local government", "místní samospráva"),
                     ("strategic planning", "strategické plánování")),
    },
    "warning": {
        "areas": ("resilience_crisis", "public_safety"), "programmes": ("VI", "VJ", "TL"),
        "objects": (("Varování obyvatel obcí při mimořádných událostech",
                     "Warning municipal residents during emergencies"),
                    ("Krizová komunikace obcí pomocí mobilních technologií",
                     "Crisis communication of municipalities using mobile technologies"),
                    ("Odolnost obcí vůči dlouhodobému výpadku elektřiny",
                     "Resilience of municipalities to a long-term power outage")),
        "intro": (("Při povodni nebo výpadku elektřiny musí obec rychle informovat všechny obyvatele, i ty, kdo "
                   "nepoužívají internet.",
                   "During a flood or power outage a municipality must quickly inform all residents, including "
                   "those who do not use the internet."),
                  ("Projekt propojí obecní rozhlas, SMS zprávy a mobilní aplikace do jednoho varovného systému.",
                   "The project will connect municipal loudspeakers, text messages and mobile applications into "
                   "one warning system."),
                  ("Navrhneme také postup, jak obec zajistí chod nejdůležitějších služeb bez dodávky elektřiny.",
                   "We will also propose how a municipality can keep its most important services running without "
                   "electricity supply.")),
        "keywords": (("crisis management", "krizové řízení"), ("early warning", "včasné varování"),
                     ("resilience", "odolnost"), ("emergency", "mimořádná událost"), ("municipality", "obec")),
    },
    "telecare": {
        "areas": ("social_services", "health", "ict_infrastructure_data"), "programmes": ("TL", "TQ", "FW"),
        "objects": (("Asistivní technologie pro seniory v obcích", "Assistive technologies for seniors in "
                     "municipalities"),
                    ("Vzdálený dohled nad osamělými seniory", "Remote monitoring of seniors living alone"),
                    ("Digitální koordinace sociálních služeb obce",
                     "Digital coordination of municipal social services")),
        "intro": (("Počet seniorů žijících osaměle v malých obcích roste, terénních služeb je však málo.",
                   "The number of seniors living alone in small municipalities is growing, but there are few "
                   "outreach services."),
                  ("Projekt ověří tísňová tlačítka a čidla pohybu, která upozorní pečovatelskou službu, když se "
                   "senior delší dobu nepohybuje.",
                   "The project will test alarm buttons and motion sensors that alert the care service when a "
                   "senior has not moved for a long time."),
                  ("Posoudíme i náklady služby a to, jak ji přijímají sami senioři.",
                   "We will also assess the cost of the service and how seniors themselves accept it.")),
        "keywords": (("telecare", "telepéče"), ("seniors", "senioři"), ("social services", "sociální služby"),
                     ("assistive technology", "asistivní technologie"), ("ageing", "stárnutí")),
    },
    "demand_transport": {
        "areas": ("mobility_transport",), "programmes": ("CK", "TL", "TO"),
        "objects": (("Poptávková doprava ve venkovských oblastech", "Demand-responsive transport in rural areas"),
                    ("Informační systém veřejné dopravy v reálném čase pro malá města",
                     "Real-time public transport information for small towns"),
                    ("Jednotné odbavení cestujících v regionální dopravě", "Integrated ticketing in regional "
                     "transport")),
        "intro": (("Pravidelné autobusové linky jezdí do malých obcí často poloprázdné, a přesto obyvatelům "
                   "nestačí.",
                   "Scheduled bus lines to small municipalities often run half-empty and still do not meet "
                   "residents' needs."),
                  ("Projekt navrhne a v pilotním území ověří poptávkovou dopravu objednávanou telefonem nebo "
                   "aplikací.",
                   "The project will design and test in a pilot area demand-responsive transport booked by phone "
                   "or app."),
                  ("Vyhodnotíme náklady obcí a kraje i spokojenost cestujících.",
                   "We will evaluate the costs for municipalities and the region as well as passenger "
                   "satisfaction.")),
        "keywords": (("demand-responsive transport", "poptávková doprava"), ("public transport", "veřejná doprava"),
                     ("rural areas", "venkovské oblasti"), ("ticketing", "odbavení cestujících"),
                     ("mobility", "mobilita")),
    },
}
SMART_TITLE_FRAMES = (("{o}", "{o}"),
                      ("{o}: pilotní ověření v regionech ČR", "{o}: pilot verification in Czech regions"),
                      ("{o} jako nástroj odolnosti území", "{o} as a tool of territorial resilience"))
# frames that name the place, used only when the object does not name one already
SMART_PLACE_FRAMES = (("{o} v malých obcích", "{o} in small municipalities"),
                      ("{o} – metodika pro obce a města", "{o}: a methodology for municipalities and towns"))
_NAMES_A_PLACE = ("obc", "obec", "měst", "samospráv", "region", "venkov")
SMART_APPROACH = (("Řešení vychází z potřeb obcí, které jsme zjistili dotazníkovým šetřením mezi starosty.",
                   "The solution is based on the needs of municipalities identified in a survey of mayors."),
                  ("Technické řešení navrhneme tak, aby je obec mohla provozovat bez vlastního oddělení informatiky.",
                   "The technical solution will be designed so that a municipality can operate it without its own "
                   "IT department."),
                  ("Zvláštní pozornost věnujeme ochraně osobních údajů a kybernetické bezpečnosti.",
                   "Particular attention will be paid to personal data protection and cyber security."),
                  ("Řešitelský tým spojuje vysokou školu, technologickou firmu a samosprávu.",
                   "The research team brings together a university, a technology company and local government."))
SMART_PILOT = (("Aplikačním garantem projektu je {m}, kde řešení pilotně ověříme.",
                "The application guarantor of the project is {m}, where the solution will be piloted."),
               ("Řešení budeme zkoušet ve spolupráci s partnerem projektu, kterým je {m}.",
                "The solution will be tested in cooperation with the project partner {m}."))
SMART_PILOT_NONE = (("Řešení pilotně ověříme ve třech obcích různé velikosti.",
                     "The solution will be piloted in three municipalities of different sizes."),
                    ("Výsledky ověříme v obcích, které projevily zájem o spolupráci.",
                     "The results will be tested in municipalities that expressed interest in cooperation."))
SMART_OUTPUTS = (("certifikovaná metodika pro obce", "certified methodology for municipalities"),
                 ("software pro správu dat", "data management software"), ("pilotní provoz", "pilot operation"),
                 ("souhrnná výzkumná zpráva", "summary research report"), ("funkční vzorek", "functional sample"),
                 ("příručka pro starosty", "handbook for mayors"))
SMART_OBOR = (("AP", "50703"), ("AE", "50601"), ("JE", "20704"), ("JO", "20104"), ("IN", "10201"), ("DI", "10509"))


# ------------------------------------------------------------------ organisations
@dataclass(frozen=True)
class Org:
    name: str
    city: str
    postcode: str
    ico: str          # 8 digits
    groups: tuple[str, ...]
    country: str = "CZ"
    municipality_code: str | None = None


# (name, city, postcode, groups); IČOs are synthetic, see _synthetic_ico
_ORG_ROWS = (
    ("Univerzita Karlova", "Praha", "116 36", "med science humanities"),
    ("České vysoké učení technické v Praze", "Praha", "160 00", "tech science smart"),
    ("Vysoké učení technické v Brně", "Brno", "601 90", "tech science smart"),
    ("Masarykova univerzita", "Brno", "601 77", "med science humanities smart"),
    ("Univerzita Palackého v Olomouci", "Olomouc", "779 00", "med science humanities"),
    ("Vysoká škola ekonomická v Praze", "Praha", "130 67", "humanities smart"),
    ("Západočeská univerzita v Plzni", "Plzeň", "301 00", "tech humanities smart"),
    ("Technická univerzita v Liberci", "Liberec", "461 17", "tech smart"),
    ("Univerzita Pardubice", "Pardubice", "532 10", "tech science smart"),
    ("Mendelova univerzita v Brně", "Brno", "613 00", "agri smart"),
    ("Česká zemědělská univerzita v Praze", "Praha", "165 00", "agri smart"),
    ("Ostravská univerzita", "Ostrava", "701 03", "med humanities"),
    ("Vysoká škola báňská - Technická univerzita Ostrava", "Ostrava", "708 00", "tech smart"),
    ("Jihočeská univerzita v Českých Budějovicích", "České Budějovice", "370 05", "science agri humanities"),
    ("Univerzita Hradec Králové", "Hradec Králové", "500 03", "humanities science"),
    ("Univerzita Tomáše Bati ve Zlíně", "Zlín", "760 01", "tech smart"),
    ("Univerzita Jana Evangelisty Purkyně v Ústí nad Labem", "Ústí nad Labem", "400 96", "humanities smart"),
    ("Vysoká škola chemicko-technologická v Praze", "Praha", "166 28", "science tech"),
    ("Fyzikální ústav AV ČR, v. v. i.", "Praha", "182 00", "science"),
    ("Ústav organické chemie a biochemie AV ČR, v. v. i.", "Praha", "166 10", "science"),
    ("Mikrobiologický ústav AV ČR, v. v. i.", "Praha", "142 20", "science"),
    ("Biologické centrum AV ČR, v. v. i.", "České Budějovice", "370 05", "science agri"),
    ("Historický ústav AV ČR, v. v. i.", "Praha", "190 00", "humanities"),
    ("Sociologický ústav AV ČR, v. v. i.", "Praha", "110 00", "humanities"),
    ("Ústav informatiky AV ČR, v. v. i.", "Praha", "182 00", "science"),
    ("Ústav fyziky plazmatu AV ČR, v. v. i.", "Praha", "182 00", "science"),
    ("Archeologický ústav AV ČR, Brno, v. v. i.", "Brno", "602 00", "humanities"),
    ("Centrum dopravního výzkumu, v. v. i.", "Brno", "636 00", "tech smart"),
    ("Výzkumný ústav vodohospodářský T. G. Masaryka, v. v. i.", "Praha", "160 00", "agri smart"),
    ("Výzkumný ústav rostlinné výroby, v. v. i.", "Praha", "161 06", "agri"),
    ("Výzkumný ústav lesního hospodářství a myslivosti, v. v. i.", "Jíloviště", "252 02", "agri"),
    ("Národní ústav lidové kultury", "Strážnice", "696 62", "humanities"),
    ("Ústav územního rozvoje", "Brno", "602 00", "smart"),
    ("Fakultní nemocnice v Motole", "Praha", "150 06", "hospital"),
    ("Fakultní nemocnice Brno", "Brno", "625 00", "hospital"),
    ("Fakultní nemocnice Olomouc", "Olomouc", "779 00", "hospital"),
    ("Fakultní nemocnice Hradec Králové", "Hradec Králové", "500 05", "hospital"),
    ("Institut klinické a experimentální medicíny", "Praha", "140 21", "hospital"),
    ("Masarykův onkologický ústav", "Brno", "656 53", "hospital"),
    ("Strojírny Vysočina a.s.", "Jihlava", "586 01", "industry"),
    ("KOMPOZIT-TECH s.r.o.", "Liberec", "460 01", "industry"),
    ("MetalPrint 3D s.r.o.", "Brno", "612 00", "industry"),
    ("Železniční diagnostika s.r.o.", "Česká Třebová", "560 02", "industry"),
    ("SOLARIX Research s.r.o.", "Husinec", "250 68", "industry"),
    ("BioPharm Inovace s.r.o.", "Praha", "142 00", "industry"),
    ("SoftMap s.r.o.", "Praha", "170 00", "industry"),
    ("AgroVýzkum Haná s.r.o.", "Prostějov", "796 01", "agri"),
    ("CITYSENSE s.r.o.", "Brno", "602 00", "smart_company"),
    ("DataObec s.r.o.", "Praha", "186 00", "smart_company"),
    ("LUMEN CONTROL a.s.", "Ostrava", "702 00", "smart_company"),
    ("Energo Komunity s.r.o.", "Plzeň", "301 00", "smart_company"),
    ("ROADLAB s.r.o.", "Pardubice", "530 02", "smart_company"),
    ("AquaMetr s.r.o.", "Olomouc", "779 00", "smart_company"),
    ("ODPADY DIGITAL s.r.o.", "Zlín", "760 01", "smart_company"),
    ("SafeAlert s.r.o.", "Hradec Králové", "500 02", "smart_company"),
    ("Agentura pro chytré obce, z. ú.", "Praha", "120 00", "smart_company"),
    ("Institut regionálního rozvoje, o. p. s.", "Olomouc", "779 00", "smart_company"),
)
_FOREIGN_ORGS = (("Slovenská technická univerzita v Bratislave", "Bratislava", "812 43", "SK"),
                 ("Technische Universität Dresden", "Dresden", "01069", "DE"))
MUNICIPAL_FIELDS = ("history", "social")   # ordinary projects a municipality sometimes joins
MUNICIPAL_ORDINARY_SHARE = 0.01            # of projects in those fields
MUNICIPAL_SMART_SHARE = 0.5                # of SMART projects with a municipality among participants
MUNICIPAL_MAIN_SHARE = 0.15                # of those, the municipality is the main recipient


def _ico_check_digit(first7: str) -> str:
    """The IČO check digit (weights 8..2, mod 11), so synthetic IČOs look valid."""
    r = sum(int(d) * w for d, w in zip(first7, range(8, 1, -1))) % 11
    return str({0: 1, 1: 0}.get(r, 11 - r))


def _synthetic_ico(name: str, taken: set[str]) -> str:
    """A stable, valid-looking IČO for an organisation name, never one of a municipality or another org."""
    rng = random.Random("ico:" + name)
    while True:
        lead = "00" if rng.random() < 0.35 else str(rng.randint(2, 8))
        body = lead + "".join(str(rng.randint(0, 9)) for _ in range(7 - len(lead)))
        ico = body + _ico_check_digit(body)
        if ico not in taken:
            taken.add(ico)
            return ico


def _load_municipalities() -> list[Org]:
    """Municipalities of the committed registry with an IČO and population (name, IČO, postcode, RÚIAN code)."""
    out = []
    with open(SEEDS_DIR / "municipalities.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            ico = (row.get("ico") or "").strip()
            if not (ico.isdigit() and len(ico) == 8 and row.get("pocet_obyvatel_sp")):
                continue
            psc = (row.get("psc_list") or "").split(";")[0]
            out.append(Org(name=row["nazev_ucetni_jednotky"] or f"Obec {row['nazev_obce']}", city=row["nazev_obce"],
                           postcode=f"{psc[:3]} {psc[3:]}" if len(psc) == 5 else psc, ico=ico,
                           groups=("municipality", "large" if float(row["pocet_obyvatel_sp"]) >= 5000 else "small"),
                           municipality_code=row["kod_obce"]))
    return out


def _organisations(municipal_icos: set[str]) -> tuple[list[Org], list[Org]]:
    """Research organisations and companies (synthetic IČOs), and the foreign ones."""
    taken = set(municipal_icos)
    orgs = [Org(name, city, psc, _synthetic_ico(name, taken), tuple(groups.split()))
            for name, city, psc, groups in _ORG_ROWS]
    foreign = [Org(name, city, psc, _synthetic_ico(name, taken), ("foreign",), country=country)
               for name, city, psc, country in _FOREIGN_ORGS]
    return orgs, foreign


# ------------------------------------------------------------------ one project
def _pick(rng: random.Random, items: tuple, k: int) -> list:
    return rng.sample(items, min(k, len(items)))


def _goals(rng: random.Random, sentences: list[tuple[str, str]], outputs: list[tuple[str, str]] | None,
           multiline: bool) -> tuple[str, str]:
    """Czech and English goals: sentences as one paragraph or several lines, outputs as a `;` list."""
    sep = "\n" if multiline else " "
    cs = sep.join(s for s, _ in sentences)
    en = sep.join(e for _, e in sentences)
    if outputs:
        if multiline:
            cs += "\nHlavní výstupy:\n" + ";\n".join(f"- {o}" for o, _ in outputs) + "."
            en += "\nMain outputs:\n" + ";\n".join(f"- {o}" for _, o in outputs) + "."
        else:
            cs += " Výstupy: " + "; ".join(o for o, _ in outputs) + "."
            en += " Outputs: " + "; ".join(o for _, o in outputs) + "."
    if rng.random() < 0.1:
        tool = rng.choice(TOOL_NAMES)
        quoted_cs = f"„{tool}“" if rng.random() < 0.5 else f'"{tool}"'
        cs += f" Součástí řešení bude software {quoted_cs}."
        en += f' The solution will include the "{tool}" software.'
    return cs, en


def _keywords(rng: random.Random, pairs: tuple[tuple[str, str], ...]) -> tuple[str, bool]:
    """3-6 keywords, `; `-separated (sometimes `, `); in Czech in ~7 % of projects, as in the real export."""
    chosen = _pick(rng, pairs, rng.randint(3, 6))
    czech = rng.random() < CZECH_KEYWORDS_SHARE
    words = [cs if czech else en for en, cs in chosen]
    return (", " if rng.random() < 0.15 else "; ").join(words), czech


@dataclass
class _Text:
    title: str
    title_en: str
    goals: str
    goals_en: str
    keywords: str
    czech_keywords: bool
    obor: str
    oecd: str


def _ordinary_text(rng: random.Random, field: str, applied: bool, year: int) -> _Text:
    """Title, goals and keywords of an ordinary project of a research field (basic or applied)."""
    f = FIELDS[field]
    (s, s_en), (m, m_en) = rng.choice(f["subjects"]), rng.choice(f["methods"])
    m2, m2_en = rng.choice([x for x in f["methods"] if x[0] != m] or [(m, m_en)])
    y0 = year - rng.randint(3, 12)
    cs_vars, en_vars = {"s": s, "m": m, "m2": m2, "y0": y0}, {"s": s_en, "m": m_en, "m2": m2_en, "y0": y0}

    def fill(pair: tuple[str, str]) -> tuple[str, str]:
        return pair[0].format(**cs_vars), pair[1].format(**en_vars)

    sentences = [fill(rng.choice(GOAL_OPENINGS)), fill(rng.choice(GOAL_METHODS))]
    sentences += _pick(rng, f["context"], rng.randint(1, 2))
    outputs = _pick(rng, f.get("outputs", OUTPUTS), rng.randint(2, 4)) if applied else None
    if not applied:
        sentences.append(rng.choice(BASIC_RESULTS))
    goals, goals_en = _goals(rng, sentences, outputs, rng.random() < MULTILINE_GOALS_SHARE)
    title, title_en = fill(rng.choice(f.get("titles", TITLE_FRAMES)))
    keywords, czech = _keywords(rng, f["keywords"])
    return _Text(title, title_en, goals, goals_en, keywords, czech, rng.choice(f["obor"]), rng.choice(f["oecd"]))


def _smart_text(rng: random.Random, theme: str, municipality: Org | None) -> _Text:
    """Title, goals and keywords of a SMART project; a participating municipality is named as its pilot site."""
    t = SMART_THEMES[theme]
    o, o_en = rng.choice(t["objects"])
    names_place = any(w in o.lower() for w in _NAMES_A_PLACE)
    f_cs, f_en = rng.choice(SMART_TITLE_FRAMES if names_place else SMART_TITLE_FRAMES + SMART_PLACE_FRAMES)
    title = f_cs.format(o=o)
    title_en = f_en.format(o=o_en)
    intro = t["intro"]
    keep = sorted(rng.sample(range(1, len(intro)), rng.randint(1, len(intro) - 1)))
    sentences = [intro[0]] + [intro[i] for i in keep]  # in their written order
    sentences += _pick(rng, SMART_APPROACH, rng.randint(0, 2))
    if municipality is not None:
        cs, en = rng.choice(SMART_PILOT)
        sentences.append((cs.format(m=municipality.name), en.format(m=municipality.name)))
    else:
        sentences.append(rng.choice(SMART_PILOT_NONE))
    goals, goals_en = _goals(rng, sentences, _pick(rng, SMART_OUTPUTS, rng.randint(2, 3)),
                             rng.random() < MULTILINE_GOALS_SHARE + 0.1)
    obor, oecd = rng.choice(SMART_OBOR)
    keywords, czech = _keywords(rng, t["keywords"])
    return _Text(title, title_en, goals, goals_en, keywords, czech, obor, oecd)


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """`total` split into `parts` whole-CZK shares (the first, the main recipient's, the largest)."""
    weights = sorted((rng.uniform(0.3, 1.0) for _ in range(parts)), reverse=True)
    weights[0] += 0.5
    shares = [int(total * w / sum(weights)) for w in weights]
    shares[0] += total - sum(shares)
    return shares


def _money(rng: random.Random, prog: Programme, year: int, smart: bool) -> tuple[int, int]:
    """Total cost and state support for the whole project, in whole CZK."""
    scale = {"LM": 150.0, "1M": 60.0, "VI": 12.0}.get(prog.code, 1.0) * (0.5 if year < 2000 else 1.0)
    total = int(rng.lognormvariate(15.9 if smart else 15.6, 0.6) * scale) // 1000 * 1000
    share = 1.0 if prog.provider in ("GA0", "AV0", "MSM") else rng.choice((0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0))
    return total, int(total * share) // 1000 * 1000


def _write_ico(rng: random.Random, ico: str) -> str:
    """The `ico` column as CEP has it: leading zeros often lost."""
    return str(int(ico)) if ico.startswith("0") and rng.random() < UNPADDED_ICO_SHARE else ico


def _postcode(rng: random.Random, org: Org) -> str:
    if rng.random() < ODD_POSTCODE_SHARE:
        return rng.choice(("", "", org.city, org.postcode.replace(" ", "") + " " + org.city))
    return org.postcode if rng.random() < 0.5 else org.postcode.replace(" ", "")


def _status(rng: random.Random, end_year: int) -> tuple[str, str]:
    """(posledni_stav_projektu, kod_hodnoceni): finished projects carry an evaluation code."""
    if end_year >= LAST_YEAR:
        return "řešený", ""
    if rng.random() < 0.03:
        return "ukončený předčasně", "N"
    return "ukončený", rng.choices(("V", "U", "O", "N"), (10, 76, 10, 4))[0]


# ------------------------------------------------------------------ the export
def _choose_programme(rng: random.Random, smart_theme: str | None) -> Programme:
    if smart_theme is None:
        return rng.choices(PROGRAMMES, [p.weight for p in PROGRAMMES])[0]
    allowed = [p for p in PROGRAMMES if p.code in SMART_THEMES[smart_theme]["programmes"] and p.smart_weight]
    return rng.choices(allowed, [p.smart_weight for p in allowed])[0]


def _participants(rng: random.Random, groups: tuple[str, ...], pool: dict[str, list[Org]], count: int,
                  municipality: Org | None, municipality_main: bool) -> list[Org]:
    """Distinct participants, main recipient first, drawn from the field's groups (+ a municipality)."""
    candidates = list(dict.fromkeys(o for g in groups for o in pool.get(g, [])))
    chosen = rng.sample(candidates, min(count, len(candidates)))
    if municipality is not None:
        chosen.insert(0 if municipality_main else len(chosen), municipality)
    return chosen


def write_cep_export(out_dir: Path, projects: int = 50_000, seed: int = 2021, listing_only: int = 0) -> dict:
    """Write CEP-projekty.csv, CEP-ucastnici.csv and cep_truth.json into out_dir; return the truth.

    `listing_only` more TA ČR projects, started after the export was made, go to LISTING_ONLY_FILE (the same
    columns plus `ucastnici`, the participants' rows as JSON) for a project-listing portal to show.
    The truth has `counts`, the `format` emulated, `projects` (per project code: smart, areas, theme,
    near_miss; in_export False for a listing-only project) and `municipal_participants` (project code, ucastnik key, IČO, name, RÚIAN municipality code,
    main_recipient, smart_project).
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    municipalities = _load_municipalities()
    orgs, foreign = _organisations({m.ico for m in municipalities})
    pool: dict[str, list[Org]] = {}
    for o in orgs:
        for g in o.groups:
            pool.setdefault(g, []).append(o)
    # a region's worth of municipalities reappear across projects, the larger ones more often
    large = [m for m in municipalities if "large" in m.groups]
    small = [m for m in municipalities if "small" in m.groups]
    active = rng.sample(large, min(60, len(large))) + rng.sample(small, min(40, len(small)))
    smart_rows = set(rng.sample(range(projects), round(projects * SMART_SHARE)))
    themes = tuple(SMART_THEMES)
    used_codes: set[str] = set()
    truth_projects: dict[str, dict] = {}
    municipal: list[dict] = []
    counts = {"projects": 0, "participants": 0, "smart_projects": 0, "near_miss_projects": 0,
              "rows_without_dates": 0, "czech_keywords": 0}

    def project(i: int, theme: str | None, prog: Programme, start: int) -> tuple[tuple, list[tuple], bool]:
        """One project: its CSV row and its participants' rows (truth and counts recorded); whether it has no dates."""
        end = min(start + rng.randint(1, 4), LAST_YEAR + 3)
        code = _unique_code(rng, prog, start, end, used_codes)

        municipality, municipality_main = None, False
        if theme is not None:
            if rng.random() < MUNICIPAL_SMART_SHARE:
                municipality = rng.choice(active)
                municipality_main = rng.random() < MUNICIPAL_MAIN_SHARE
            text = _smart_text(rng, theme, municipality)
            groups: tuple[str, ...] = ("smart", "smart_company")
            field = None
        else:
            field = rng.choice(prog.fields)
            if field in MUNICIPAL_FIELDS and rng.random() < MUNICIPAL_ORDINARY_SHARE:
                municipality = rng.choice(active)
            applied = prog.category != "ZV"
            text = _ordinary_text(rng, field, applied, start)
            groups = FIELDS[field]["orgs"]
        n_part = rng.choices((1, 2, 3, 4, 5), (50, 26, 13, 7, 4))[0] if theme is None else rng.randint(1, 3)
        people = _participants(rng, groups, pool, n_part, municipality, municipality_main)
        if rng.random() < 0.002:
            people.append(rng.choice(foreign))
        main = people[0]
        total, support = _money(rng, prog, start, theme is not None)
        costs, supports = _split(rng, total, len(people)), _split(rng, support, len(people))
        supports = [min(s, c) for s, c in zip(supports, costs)]
        support = sum(supports)

        no_dates = rng.random() < NO_DATES_SHARE
        started = "" if no_dates else date(start, rng.choice((1, 1, 1, 3, 4, 7)), 1).isoformat()
        ended = "" if no_dates else date(end, 12, 31).isoformat()
        status, evaluation = _status(rng, end)
        key = f"ico:{main.ico}"
        row = (
            i + 1, DETAIL_URL.format(code=code), code, "", prog.provider,
            "" if rng.random() < 0.3 else prog.category,
            "" if rng.random() < NO_PROGRAMME_SHARE else prog.code,
            text.title, "" if rng.random() < NO_TITLE_EN_SHARE else text.title_en, "S", start, end,
            started, ended, text.obor, text.oecd, text.goals, "" if rng.random() < 0.03 else text.goals_en,
            text.keywords, "" if rng.random() < NO_RECIPIENT_KEY_SHARE else key, main.name,
            _write_ico(rng, main.ico), _postcode(rng, main), main.city, main.country, total, support, 0,
            "" if rng.random() < 0.5 else f"{code}/{start}", status, evaluation)
        people_rows = []
        for org, cost, sup in zip(people, costs, supports):
            people_rows.append((code, prog.provider, f"ico:{org.ico}", org.name, org.country, cost, sup, 0, ""))
            if org.municipality_code:
                municipal.append({"project_code": code, "ucastnik": f"ico:{org.ico}", "ico": org.ico,
                                  "name": org.name, "municipality_code": org.municipality_code,
                                  "main_recipient": org is main, "smart_project": theme is not None,
                                  "in_export": i < projects})
        truth_projects[code] = {"smart": theme is not None,
                                "areas": list(SMART_THEMES[theme]["areas"]) if theme else [],
                                "theme": theme, "near_miss": field in NEAR_MISS_FIELDS, "in_export": i < projects}
        if i < projects:
            counts["czech_keywords"] += text.czech_keywords
            counts["near_miss_projects"] += field in NEAR_MISS_FIELDS
        return row, people_rows, no_dates

    p_tmp, u_tmp = out_dir / (PROJECTS_FILE + ".tmp"), out_dir / (PARTICIPANTS_FILE + ".tmp")
    with open(p_tmp, "w", encoding=ENCODING, newline="") as pf, open(u_tmp, "w", encoding=ENCODING, newline="") as uf:
        pw = csv.writer(pf, delimiter=DELIMITER, lineterminator=ROW_END, quoting=csv.QUOTE_MINIMAL)
        uw = csv.writer(uf, delimiter=DELIMITER, lineterminator=ROW_END, quoting=csv.QUOTE_MINIMAL)
        pw.writerow(PROJECT_COLUMNS)
        uw.writerow(PARTICIPANT_COLUMNS)
        for i in range(projects):
            theme = rng.choice(themes) if i in smart_rows else None
            prog = _choose_programme(rng, theme)
            start = rng.randint(max(prog.first, 2012) if theme else prog.first, prog.last)
            row, people_rows, no_dates = project(i, theme, prog, start)
            pw.writerow(row)
            uw.writerows(people_rows)
            counts["projects"] += 1
            counts["participants"] += len(people_rows)
            counts["smart_projects"] += theme is not None
            counts["rows_without_dates"] += no_dates
    # projects started after the export was made: a project-listing portal (STARFOS) shows them, the export not yet
    newest = [p for p in PROGRAMMES if p.provider == "TA0" and p.last >= LAST_YEAR]
    l_tmp = out_dir / (LISTING_ONLY_FILE + ".tmp")
    with open(l_tmp, "w", encoding=ENCODING, newline="") as lf:
        lw = csv.writer(lf, delimiter=DELIMITER, lineterminator=ROW_END, quoting=csv.QUOTE_MINIMAL)
        lw.writerow(PROJECT_COLUMNS + ("ucastnici",))
        for i in range(listing_only):
            theme = rng.choice(themes) if rng.random() < LISTING_ONLY_SMART_SHARE else None
            allowed = [p for p in newest if theme is None or (p.code in SMART_THEMES[theme]["programmes"]
                                                              and p.smart_weight)] or newest
            prog = rng.choice(allowed)
            row, people_rows, _ = project(projects + i, theme, prog, LAST_YEAR + 1)
            lw.writerow(row + (json.dumps([list(r) for r in people_rows], ensure_ascii=False),))
    counts["listing_only"] = listing_only
    os.replace(p_tmp, out_dir / PROJECTS_FILE)
    os.replace(l_tmp, out_dir / LISTING_ONLY_FILE)
    os.replace(u_tmp, out_dir / PARTICIPANTS_FILE)
    counts["municipal_participants"] = len(municipal)
    truth = {
        "generator": "demo_web.cep_export", "seed": seed, "counts": counts,
        "format": {"encoding": ENCODING, "bom": False, "delimiter": DELIMITER, "row_end": "CRLF",
                   "quoting": "RFC 4180, only when needed", "money": "whole CZK", "dates": "YYYY-MM-DD or empty"},
        "files": [PROJECTS_FILE, PARTICIPANTS_FILE],
        "projects": truth_projects,
        "municipal_participants": municipal,
    }
    t_tmp = out_dir / (TRUTH_FILE + ".tmp")
    t_tmp.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(t_tmp, out_dir / TRUTH_FILE)
    return truth
