"""SMART relevance is judged by passages that plan, procure or describe a solution; areas by what the passages are about."""
from __future__ import annotations

from transforms.smart import score_smart
from transforms.vocabulary import load_vocabulary

VOC = load_vocabulary()
ORDINARY = ("Obecní úřad bude v pátek zavřen. Hasiči zvou na ples do sokolovny. Knihovna půjčuje nové knihy. "
            "Blahopřejeme jubilantům. Svoz velkoobjemového odpadu proběhne v sobotu. Fotbalisté vyhráli turnaj. ") * 6


def smart(title, text, many_subjects=False):
    return score_smart(VOC, title, text, many_subjects)


def test_a_tender_whose_subject_is_led_lighting_is_smart():
    text = ("Výzva k podání nabídky. Předmětem veřejné zakázky je výměna svítidel veřejného osvětlení za LED svítidla "
            "a snížení energetické náročnosti osvětlení v obci. " + "Nabídky se podávají v listinné podobě. " * 20)
    s = smart("Výzva k podání nabídky", text)
    assert s.is_smart and s.domains == ["energy"], s.evidence
    assert any(x["field"] == "is_smart" and "LED" in x["terms"] for x in s.sentences)


def test_a_newsletter_with_one_article_on_smart_lamps_is_not_smart():
    text = ORDINARY + "Na návsi jsme instalovali chytré lampy s čidly pohybu. " + ORDINARY
    s = smart("Zpravodaj obce Lhota", text)
    assert not s.is_smart, s.evidence


def test_a_budget_that_lists_lighting_and_waste_is_neither_smart_nor_about_one_area():
    lines = ["2212 Silnice 1 200", "2219 Ostatní záležitosti pozemních komunikací 300", "3113 Základní škola 900",
             "3314 Činnosti knihovnické 50", "3412 Sportovní zařízení v majetku obce 400", "3631 Veřejné osvětlení 250",
             "3722 Sběr a svoz komunálních odpadů 600", "2321 Odvádění a čištění odpadních vod 700",
             "4351 Osobní asistence, pečovatelská služba 120", "5512 Požární ochrana – dobrovolná část 80"]
    s = smart("Rozpočet obce na rok 2024", "\n".join(lines * 3))
    assert not s.is_smart and s.domains == [], s.evidence


def test_a_title_naming_a_solution_counts_only_when_the_text_carries_it_out():
    assert smart("Mobilní aplikace obce", "Obec spustila mobilní aplikaci pro hlášení závad.").is_smart
    assert not smart("Výběrová řízení odboru eGovernmentu", "Výběrová řízení odboru eGovernmentu").is_smart


def test_an_explicit_smart_marker_in_many_passages_makes_a_document_smart():
    text = ("Koncepce Smart City města vychází z potřeb obyvatel. Chytré město využívá data pro řízení dopravy. "
            "Projekty chytrého města zahrnují chytré parkování a sdílenou mobilitu. ") * 5
    s = smart("Koncepce rozvoje", text)
    assert s.is_smart and "mobility_transport" in s.domains


def test_areas_of_a_smart_document_come_from_its_solutions_not_its_other_topics():
    text = (ORDINARY + "Město zavede chytré parkování se senzory obsazenosti a dobíjecí stanice pro elektromobily. "
            "Cílem projektu je zavedení sdílené mobility. ") + "Rekonstrukce základní školy pokračuje. " * 3
    s = smart("Chytré parkování v centru města", text)
    assert s.is_smart and s.domains == ["mobility_transport"], s.evidence


def test_an_ordinary_document_gets_the_area_it_is_about():
    text = ("Výzva k podání nabídky na stavbu kanalizace a čistírny odpadních vod. Kanalizace bude napojena na ČOV. "
            "Součástí je přeložka vodovodu. ") * 4
    s = smart("Výzva k podání nabídky – kanalizace", text)
    assert not s.is_smart and s.domains == ["water_management"], s.evidence


def test_a_law_citation_votes_for_no_area():
    text = ("Dodavatel postupuje podle zákona č. 183/2006 Sb., o územním plánování a stavebním řádu. "
            "Oprava chodníku a místní komunikace v ulici Polní. ") * 3
    assert smart("Smlouva o dílo", text).domains == ["mobility_transport"]


def test_bad_input_never_raises():
    assert not smart(None, None).is_smart
    assert smart("", "\x00\x01").domains == []


def test_minutes_or_a_newsletter_opening_with_a_smart_item_are_not_about_it():
    first = "Na návsi jsme vyměnili staré výbojky za chytré lampy, které se ovládají přes internet a hlásí poruchy. "
    text = first + ORDINARY
    assert smart("Zpravodaj obce Lhota", text).is_smart          # read as one subject: it opens with the lamps
    assert not smart("Zpravodaj obce Lhota", text, many_subjects=True).is_smart, "one article of many"
