"""Validity period of a document (years): what counts, what is only cited, and how the dev corpus scores."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from transforms.validity import Validity, find_validity

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "corpus" / "dev"


@lru_cache(maxsize=1)
def dev_documents() -> tuple[tuple[dict, object], ...]:
    """(label, ExtractionResult) of every labelled dev document (extracted once per test session)."""
    from transforms.extraction import extract

    out = []
    for line in (DEV / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        label = json.loads(line)
        path = DEV / "documents" / label["folder"] / label["file"]
        out.append((label, extract(path.read_bytes(), None, label["file"])))
    return tuple(out)


def needs_dev_corpus():
    if not (DEV / "labels.jsonl").is_file():
        pytest.skip("../shared/corpus/dev is not beside the checkout")


def years(title, text=""):
    v = find_validity(title, text)
    return v.validity_from, v.validity_to


# --- ranges in titles -------------------------------------------------------------------------

@pytest.mark.parametrize("title, expected", [
    ("Strategický plán rozvoje města Nový Jičín 2021–2027", (2021, 2027)),
    ("Strategie rozvoje obce Hrubá Skála 2021-2030", (2021, 2030)),
    ("Program rozvoje obce Lužice na období 2021 až 2027", (2021, 2027)),
    ("Plán rozvoje sportu pro období let 2021–2027", (2021, 2027)),
    ("Implementační plán pro roky 2026 až 2028", (2026, 2028)),
    ("Akční plán na roky 2026 až 2028", (2026, 2028)),
    ("Manažerské shrnutí Strategie pro správu dat ve veřejné správě České republiky (2024 – 2030)", (2024, 2030)),
    ("Koncepce rozvoje cyklistické dopravy od roku 2022 do roku 2030", (2022, 2030)),
    ("Plán odpadového hospodářství Zlínského kraje 2016—2025", (2016, 2025)),
    ("Místní akční plán rozvoje vzdělávání ORP Turnov 2023–25", (2023, 2025)),
])
def test_a_range_in_the_title_is_the_validity(title, expected):
    assert years(title) == expected


def test_one_year_plans_run_from_and_to_that_year():
    assert years("Svozový plán pro rok 2021") == (2021, 2021)
    assert years("Oznámení o ceně stočného pro rok 2018") == (2018, 2018)
    assert years("Rozpočet obce Křenov na rok 2024") == (2024, 2024)


def test_do_roku_gives_only_the_end():
    """Decision: "do roku 2030" alone leaves validity_from unknown (None); the approval year is not used."""
    assert years("Strategický plán rozvoje města Čelákovice do roku 2030") == (None, 2030)
    assert years("Územní energetická koncepce s výhledem do roku 2040") == (None, 2040)


def test_plus_form_in_a_title_gives_an_open_start():
    assert years("Strategie regionálního rozvoje ČR 2021+") == (2021, None)
    assert years("Koncepce dopravy 21+") == (2021, None)


def test_an_open_end_is_filled_from_a_second_statement():
    v = find_validity("Strategie 2021+", "Strategie 2021+\nVize a cíle obce do roku 2030\n")
    assert (v.validity_from, v.validity_to) == (2021, 2030)


def test_a_closed_range_beats_a_horizon():
    assert years("Strategický plán 2021–2027 s výhledem do roku 2035") == (2021, 2027)


# --- the title page and the text ------------------------------------------------------------

def test_title_page_range_when_the_title_has_none():
    text = ("MĚSTYS NOVÝ HRÁDEK\n\nStrategický plán rozvoje městyse\n\nna období 2022–2030\n\n"
            "Zpracovatel: Regionální rozvojová agentura\n\fAnalytická část\nV letech 2014–2020 městys investoval ...")
    v = find_validity(None, text)
    assert (v.validity_from, v.validity_to) == (2022, 2030)
    assert v.evidence and v.evidence.startswith("title page")


def test_the_title_wins_over_the_text():
    text = "IMPLEMENTAČNÍ PLÁN\nPRO ROKY 2026 AŽ 2028\nSTRATEGIE PRO SPRÁVU DAT\n(2024–2030)\n"
    assert years("IMPLEMENTAČNÍ PLÁN PRO ROKY 2026 AŽ 2028", text) == (2026, 2028)
    assert years(None, text) == (2026, 2028)  # "pro roky" context beats a bare cited range


def test_validity_dates_platnost_od_do():
    assert years(None, "Místní program obnovy vesnice\nplatnost od 1. 1. 2024 do 31. 12. 2027\n") == (2024, 2027)
    assert years(None, "640034 Nové Město n.Met.-Peklo Platí od 9.12.2007\ndo 13.12.2008\n") == (2007, 2008)


def test_the_body_counts_only_when_it_speaks_about_the_document_itself():
    cover = "Obec Vysoká Lhota\n\nPROGRAM ROZVOJE OBCE\n\f"
    body = "Úvod\nTento dokument je zpracován na období 2023–2028 a navazuje na předchozí program.\n"
    assert years(None, cover + body) == (2023, 2028)
    cited_only = "Úvod\nObec v minulosti čerpala z Operačního programu Životní prostředí na období 2007 – 2013.\n"
    assert years(None, cover + cited_only) == (None, None)


@pytest.mark.parametrize("text", [
    "Plán je v souladu se Strategií regionálního rozvoje 2014–2020 a se zákonem č. 128/2000 Sb., o obcích.",
    "Program rozvoje 2014–2020 byl vyhodnocen v roce 2021.",
    "Dle zákona č. 250/2000 Sb. obec hospodaří podle rozpočtu.",
    "ŘP vydány v období: 1987-1991",
    "Sbíraná data reflektovala období 2020–2021 (údaje za roky 2020–2021).",
])
def test_cited_periods_are_not_validity(text):
    assert years(None, text) == (None, None)


@pytest.mark.parametrize("title", [
    "Strategie rozvoje obce Kunčice, aktualizace 2023",
    "Zpráva o stavu otevřených dat v České republice za rok 2023",
    "Liga mistrů rok 1981 – 2013",          # 32 years: a results table, not a period of validity
    "Plán obnovy 2030–2021",                # reversed
    "Kronika obce 1850–1900",               # outside 1990–2060
    "Rybářské závody Blešno 2011",          # a bare year names an event
    "Vyhláška č. 128/2000 Sb.",
    "IROP 2021+ v kostce",                  # "+" after a programme name is the only year; still read from a title
])
def test_not_validity(title):
    if title.startswith("IROP"):
        # titles are trusted: "2021+" in a title is read as from 2021 (the taxonomy caution concerns body text)
        assert years(title) == (2021, None)
        return
    assert years(title) == (None, None)


def test_plus_form_is_ignored_in_the_text():
    assert years(None, "Projekt byl podpořen z programu IROP 2021+ a z OP TAK 21+.") == (None, None)


def test_never_raises_and_empty_is_none():
    assert find_validity(None, "") == Validity(None, None, None)
    assert find_validity(None, None) == Validity(None, None, None)  # type: ignore[arg-type]
    assert find_validity("\x00\ufffd", "2021–" * 1000).validity_from is None


def test_evidence_says_where():
    v = find_validity("Plán rozvoje města 2021–2030", "")
    assert v.evidence == "title: Plán rozvoje města 2021–2030"


# --- the dev corpus ----------------------------------------------------------------------------

def test_dev_corpus_validity_precision_and_recall():
    needs_dev_corpus()
    tp = fp = fn = 0
    misses = []
    for label, res in dev_documents():
        gold = (label["validity_from"], label["validity_to"])
        v = find_validity(res.title, res.text or "")
        got = (v.validity_from, v.validity_to)
        if got != (None, None):
            if got == gold:
                tp += 1
            else:
                fp += 1
                misses.append((label["file"], gold, got, v.evidence))
        if gold != (None, None) and got != gold:
            fn += 1
            if got == (None, None):
                misses.append((label["file"], gold, got, None))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"\nvalidity: tp={tp} fp={fp} fn={fn} precision={precision:.2f} recall={recall:.2f}")
    for m in misses:
        print("  miss:", m)
    assert precision >= 0.9
    assert recall >= 0.8
