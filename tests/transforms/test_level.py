"""Administrative level (municipal | regional | national | mas) and SMART scope (village | city | region)."""
from __future__ import annotations

import collections
import csv
from pathlib import Path

import pytest

from tests.transforms.test_validity import dev_documents, needs_dev_corpus
from transforms.level import LevelGuess, infer_level, smart_scope
from transforms.municipality_match import Place, build_index, match_municipality, registry_rows

REGISTRY = Path(__file__).resolve().parents[2] / "data" / "seeds" / "municipalities" / "municipalities.csv"
KOLIN = Place("533165", "Kolín", "municipality", 4.5, "města Kolína", 31000, "27")
BLESNO = Place("569879", "Blešno", "municipality", 3.0, "obce Blešno", 422, "86")
JMK = Place("116", "Jihomoravský kraj", "kraj", 4.0, "kraj: jihomoravskeho kraje", None, "116")


def level(source_kind, title, text="", place=None):
    return infer_level(source_kind, title, text, place).level


@pytest.mark.parametrize("title, text", [
    ("Strategie komunitně vedeného místního rozvoje MAS Podlipansko 2021–2027", ""),
    ("SCLLD 2021+ pro území MAS Hlubocko-Lišovsko", ""),
    ("Koncepce rozvoje venkova", "Místní akční skupina Brdy, z.ú.\nStrategie území 2021–2027"),
    ("Programový rámec IROP", "MAS Opavsko z.s.\nProgramový rámec Integrovaného regionálního operačního programu"),
])
def test_mas(title, text):
    assert level("municipal_site", title, text) == "mas"


@pytest.mark.parametrize("title, text", [
    ("Strategie pro správu dat ve veřejné správě České republiky (2024–2030)", ""),
    ("Národní strategie kybernetické bezpečnosti", ""),
    ("Koncepce Smart Cities", "Ministerstvo pro místní rozvoj ČR\nOdbor regionální politiky"),
    ("Druhý život dat", "Vládní analytický útvar\nÚřad vlády České republiky"),
    ("Zpráva o stavu otevřených dat", "Digitální a informační agentura\nPraha 2024"),
])
def test_national(title, text):
    assert level("national_site", title, text) == "national"
    assert level(None, title, text) == "national"


def test_generic_state_form_on_a_village_site_is_national():
    text = ("*) Adresa místně a věcně příslušného vodoprávního úřadu\n"
            "ŽÁDOST O POVOLENÍ K ODBĚRU PODZEMNÍCH VOD PRO POTŘEBY JEDNOTLIVÝCH OBČANŮ\n[§ 8 odst. 1 vodního zákona]")
    g = infer_level("municipal_site", None, text, None)
    assert g.level == "national" and "state document" in g.evidence


def test_regional():
    assert level("municipal_site", "Program rozvoje Jihomoravského kraje", "", JMK) == "regional"
    assert level("national_site", "Katalogizace krajských dat", "Datové centrum Ústeckého kraje") == "regional"
    assert level(None, "Dotační program", "Krajský úřad Pardubického kraje\nOdbor rozvoje") == "regional"
    assert level(None, "Koncepce", "Schváleno Zastupitelstvem Olomouckého kraje dne 3. 4. 2020") == "regional"
    # regional bus lines: the timetable of a carrier, not the village's own document
    timetable = "640034 Nové Město n.Met.-Peklo Platí od 9.12.2007\nPřepravu zajišťuje : ORLOBUS a.s."
    assert level("municipal_site", "640034 Nové Město n.Met.-Peklo", timetable) == "regional"
    assert level("regional_site", "Výroční zpráva", "") == "regional"


def test_municipal():
    assert level("municipal_site", "Strategický plán rozvoje města Kolína 2021–2030", "", KOLIN) == "municipal"
    assert level(None, "Výzva k podání nabídky", "Zadavatel: obec Blešno, Blešno 73", BLESNO) == "municipal"
    # a village poster that never names the village: the site decides
    assert level("municipal_site", "Začínáme!!", "Organizační výbor PIPA si Vás dovoluje pozvat") == "municipal"
    # the municipality in the title beats a national programme named in the title
    assert level("national_site", "Program rozvoje obce Blešno a Národní plán obnovy", "", BLESNO) == "municipal"


def test_unknown():
    assert infer_level(None, None, "", None) == LevelGuess(None, None)
    assert infer_level(None, None, None, None) == LevelGuess(None, None)  # type: ignore[arg-type]


@pytest.mark.parametrize("lvl, population, scope", [
    ("municipal", 422, "village"),
    ("municipal", 1999, "village"),
    ("municipal", 2000, "city"),
    ("municipal", 31000, "city"),
    ("municipal", None, None),
    ("municipal", "1855.0", "village"),   # registry CSV values arrive as strings
    ("municipal", "n/a", None),
    ("regional", None, "region"),
    ("mas", 50000, "region"),
    ("national", 10_000_000, None),
    (None, 500, None),
])
def test_smart_scope(lvl, population, scope):
    assert smart_scope(lvl, population) == scope


KIND_BY_FOLDER = {"obec_blesno_docs": "municipal_site", "datagov_cz_pdfs": "national_site"}


def test_dev_corpus_level():
    needs_dev_corpus()
    if not REGISTRY.is_file():
        pytest.skip("municipality registry seed missing")
    with REGISTRY.open(encoding="utf-8") as f:
        idx = build_index(registry_rows(csv.DictReader(f)))
    per_level = collections.defaultdict(lambda: collections.Counter())
    wrong = []
    for label, res in dev_documents():
        text = res.text or ""
        place = match_municipality(idx, res.title, text)
        g = infer_level(KIND_BY_FOLDER.get(label["folder"]), res.title, text, place)
        gold = label["level"]
        per_level[gold]["gold"] += 1
        if g.level:
            per_level[g.level]["predicted"] += 1
        if g.level == gold:
            per_level[gold]["tp"] += 1
        else:
            wrong.append((label["file"], gold, g.level, g.evidence))
    total = sum(c["gold"] for c in per_level.values())
    correct = sum(c["tp"] for c in per_level.values())
    print(f"\nlevel accuracy {correct}/{total} = {correct / total:.2f}")
    for lv, c in sorted(per_level.items()):
        p = c["tp"] / c["predicted"] if c["predicted"] else 1.0
        r = c["tp"] / c["gold"] if c["gold"] else 1.0
        print(f"  {lv}: gold={c['gold']} predicted={c['predicted']} precision={p:.2f} recall={r:.2f}")
    for w in wrong:
        print("  wrong:", w)
    assert correct / total >= 0.85
