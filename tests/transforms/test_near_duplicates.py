"""Specification of near-duplicate detection (transforms.near_duplicates)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from transforms import near_duplicates as nd

STRATEGY = """Strategický plán rozvoje obce Lhota pod Horami na období 2021–2030

1. Úvod
Strategický plán rozvoje obce je základním dokumentem, který stanovuje vizi, cíle a opatření pro rozvoj obce
v příštích deseti letech. Dokument byl zpracován ve spolupráci s občany, spolky a podnikateli působícími v obci.
Zastupitelstvo obce jej projednalo na veřejném zasedání a ukládá starostovi každoročně vyhodnocovat jeho plnění.

2. Analytická část
Obec Lhota pod Horami leží v okrese Klatovy a má 412 obyvatel. Počet obyvatel mírně roste díky nové výstavbě
rodinných domů v lokalitě Za Humny. V obci působí mateřská škola s kapacitou 28 dětí, základní škola je
v sousední obci. Vodovod pokrývá celé zastavěné území, kanalizace s čistírnou odpadních vod chybí ve dvou
místních částech. Veřejné osvětlení je zastaralé a energeticky náročné, roční spotřeba činí 46 MWh.

3. Návrhová část
Vize: Lhota pod Horami je klidná a bezpečná obec s dobrou dostupností služeb, zdravým životním prostředím
a aktivním společenským životem. Prioritní oblast A Infrastruktura: dobudování kanalizace v částech Dolní
Lhota a Paseka, rekonstrukce veřejného osvětlení na úsporná LED svítidla s regulací, oprava místních
komunikací a chodníků podél silnice třetí třídy. Prioritní oblast B Životní prostředí: výsadba alejí,
zadržování vody v krajině, rozšíření sběrného dvora a domácí kompostéry pro všechny domácnosti.
Prioritní oblast C Společnost: modernizace mateřské školy, podpora spolků, digitalizace úřadu a zavedení
mobilního rozhlasu. Každé opatření má garanta, termín, odhad nákladů a možné zdroje financování.
"""


def resaved(text: str) -> str:
    """The same text saved again: other line breaks, doubled spaces, a typo fixed, trailing whitespace."""
    out = text.replace("\n", " \n\n").replace(". ", ".  ").replace("zpracován", "zpracován ")
    return out.replace("46 MWh", "46 MWh ") + "\n\n"


def pdf_extraction(text: str) -> str:
    """The same text as a PDF extractor gives it: hard-wrapped lines, hyphenation, page header and footer."""
    ws = text.split()
    lines, line = [], []
    for w in ws:
        line.append(w)
        if len(" ".join(line)) > 70:
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    out = []
    for i, ln in enumerate(lines):
        if i % 12 == 0:
            out.append(f"Strategický plán rozvoje obce Lhota pod Horami      strana {i // 12 + 1}")
        out.append(ln)
    out[5] = out[5].replace("spolupráci", "spolu-\npráci")
    return "\n".join(out)


def docx_extraction(text: str) -> str:
    """The DOCX of the same text: one line per paragraph."""
    return "\n".join(" ".join(p.split()) for p in text.split("\n\n"))


def town_strategy(name: str, district: str, people: int, specifics: str) -> str:
    """A strategy built from a consultant's template: long shared boilerplate, specific analysis and measures."""
    return f"""Strategický plán rozvoje obce {name} na období 2021–2030
Strategický plán rozvoje obce je základním dokumentem, který stanovuje vizi, cíle a opatření pro rozvoj obce
v příštích deseti letech. Dokument byl zpracován ve spolupráci s občany, spolky a podnikateli působícími v obci.
Zastupitelstvo obce jej projednalo na veřejném zasedání a ukládá starostovi každoročně vyhodnocovat jeho plnění.
Metodika zpracování vychází z doporučení Ministerstva pro místní rozvoj pro strategické plánování obcí.
Obec {name} leží v okrese {district} a má {people} obyvatel. {specifics}
Každé opatření má garanta, termín, odhad nákladů a možné zdroje financování."""


SPEC_A = """Obec se potýká s úbytkem mladých rodin, proto chce podpořit výstavbu obecních nájemních bytů v bývalé
faře a zřídit dětskou skupinu. Silnice do Březové je v havarijním stavu, obec bude usilovat o její opravu
krajem. Hasičská zbrojnice potřebuje novou střechu a zateplení, cisterna je stará třicet let. Prioritou je
rekonstrukce kulturního domu na multifunkční centrum s knihovnou, kavárnou a sálem pro dvě stě lidí, dále
oprava kapličky na návsi a obnova rybníka Pazderák včetně odbahnění a nové hráze."""

SPEC_B = """Město čelí nedostatku parkovacích míst v centru a přetížení průtahu nákladní dopravou, proto prosazuje
obchvat a záchytné parkoviště u nádraží. Základní škola s jídelnou vyžaduje přístavbu odborných učeben
fyziky a chemie. V průmyslové zóně Jih vzniknou nové pozemky pro drobné podnikatele. Cílem je chytré
řízení veřejného osvětlení, sdílená kola, dobíjecí stanice pro elektromobily a rozvoj cyklostezky podél
řeky Sázavy až do sousedního města, včetně lávky pro pěší u zimního stadionu."""


def test_resaved_text_is_a_near_duplicate():
    pairs = nd.near_duplicate_pairs({"orig": STRATEGY, "resaved": resaved(STRATEGY)})
    assert [(a, b) for a, b, _ in pairs] == [("orig", "resaved")]
    assert pairs[0][2] >= 0.99


def test_pdf_and_docx_extraction_of_one_text_are_near_duplicates():
    pdf, docx = pdf_extraction(STRATEGY), docx_extraction(STRATEGY)
    assert pdf != docx
    assert nd.confirm_similarity(pdf, docx) >= 0.95
    assert len(nd.near_duplicate_pairs({"pdf": pdf, "docx": docx})) == 1


def test_hyphenated_line_end_gives_the_same_words():
    assert nd.normalized_words("spolu-\npráci s občany") == nd.normalized_words("spolupráci s občany")


def test_template_strategies_of_two_towns_are_not_merged():
    a = town_strategy("Březová", "Sokolov", 780, SPEC_A)
    b = town_strategy("Zruč nad Sázavou", "Kutná Hora", 4900, SPEC_B)
    assert nd.confirm_similarity(a, b) < 0.8
    assert nd.near_duplicate_pairs({"a": a, "b": b}) == []


def test_template_strategies_with_one_town_name_swapped_are_still_duplicates_of_their_own():
    a = town_strategy("Březová", "Sokolov", 780, SPEC_A)
    assert nd.near_duplicate_pairs({"a": a, "a2": resaved(a), "b": town_strategy("Zruč", "Kutná Hora", 4900, SPEC_B)}
                                   )[0][:2] == ("a", "a2")


def test_short_texts_count_only_on_exact_normalised_equality():
    notice = "Oznámení o konání zasedání zastupitelstva obce dne 12. 3. 2024 v 18 hodin."
    docs = {"n1": notice, "n2": "  OZNÁMENÍ o konání zasedání\nzastupitelstva obce dne 12. 3. 2024 v 18 hodin. ",
            "n3": notice.replace("12. 3.", "19. 3."), "empty1": "", "empty2": "   "}
    assert nd.near_duplicate_pairs(docs) == [("n1", "n2", 1.0)]
    assert nd.confirm_similarity(notice, docs["n3"]) == 0.0
    long_text = notice + " " + STRATEGY
    assert nd.confirm_similarity(notice, long_text) == 0.0


def test_shingles_are_stable_uint64_hashes_of_folded_words():
    a = nd.shingles("Strategický plán rozvoje obce Lhota na období 2021")
    b = nd.shingles("STRATEGICKY   plan\nrozvoje obce Lhota na obdobi 2021")
    assert a == b and len(a) == 4 and all(0 <= h < 2**64 for h in a)


def test_signature_is_deterministic_across_processes_and_seeded():
    sig = nd.minhash_signature(nd.shingles(STRATEGY))
    assert len(sig) == 128
    code = ("import sys, json; from transforms import near_duplicates as nd; "
            "print(json.dumps(list(nd.minhash_signature(nd.shingles(sys.stdin.read())))))")
    out = subprocess.run([sys.executable, "-c", code], input=STRATEGY, capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2], env={"PYTHONHASHSEED": "12345"})
    assert json.loads(out.stdout) == list(sig)
    assert list(nd.minhash_signature(nd.shingles(STRATEGY), seed=7)) != list(sig)


def test_estimated_jaccard_tracks_the_true_jaccard():
    a = nd.shingles(STRATEGY)
    b = nd.shingles(STRATEGY.split("3. Návrhová část")[0] + SPEC_B)
    true = len(a & b) / len(a | b)
    est = nd.estimated_jaccard(nd.minhash_signature(a), nd.minhash_signature(b))
    assert abs(est - true) < 0.15
    assert nd.estimated_jaccard(nd.minhash_signature(a), nd.minhash_signature(a)) == 1.0


def test_lsh_finds_similar_signatures_and_skips_unrelated_ones():
    sigs = {"a": nd.minhash_signature(nd.shingles(STRATEGY)),
            "b": nd.minhash_signature(nd.shingles(resaved(STRATEGY))),
            "c": nd.minhash_signature(nd.shingles(town_strategy("Březová", "Sokolov", 780, SPEC_A))),
            "d": nd.minhash_signature(nd.shingles(SPEC_B * 3))}
    pairs = nd.lsh_candidate_pairs(sigs, bands=32, rows=4)
    assert ("a", "b") in pairs
    assert ("a", "d") not in pairs and ("c", "d") not in pairs
    with pytest.raises(ValueError):
        nd.lsh_candidate_pairs(sigs, bands=64, rows=4)


def test_a_template_family_is_blocked_but_copies_of_one_text_are_still_paired():
    import random

    from transforms.near_duplicates import candidate_pairs, confirm_similarity, fingerprint

    rng = random.Random(7)
    vocab = ["".join(rng.choice("abcdeghijklmnoprstuvyz") for _ in range(rng.randint(3, 9))) for _ in range(5000)]
    boilerplate = " ".join(rng.choice(vocab) for _ in range(120))
    docs = {f"d{i:03d}": boilerplate + " " + " ".join(rng.choice(vocab) for _ in range(80)) for i in range(120)}
    words = docs["d000"].split()
    words[100] = "opraveno"
    docs["copy"] = " ".join(words)  # a re-saved copy of d000, filed under another municipality
    fps = {d: fingerprint(t) for d, t in docs.items()}
    blocks = {d: f"municipality {d}" for d in docs}  # every document its own municipality
    blocked = candidate_pairs(fps, blocks=blocks)
    assert ("copy", "d000") in blocked or ("d000", "copy") in blocked
    family_pairs = 120 * 119 // 2
    assert len(blocked) < family_pairs // 10  # the family no longer pairs everyone with everyone
    assert confirm_similarity(docs["copy"], docs["d000"]) >= 0.9


def test_a_few_equal_short_texts_are_all_paired_so_a_rejected_link_cannot_split_them():
    from transforms.near_duplicates import candidate_pairs, fingerprint

    fps = {d: fingerprint("Vyhláška obce o místním poplatku") for d in ("a", "b", "c")}
    assert candidate_pairs(fps) == {("a", "b"), ("a", "c"), ("b", "c")}
