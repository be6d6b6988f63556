"""The title of a document, chosen among candidates (transforms/title.py): specifications."""
import dataclasses

import pytest

from transforms.extraction import extract
from transforms.title import (
    TitleCandidate,
    candidates_from_dicts,
    choose_title,
    junk_reason,
    line_candidates,
    link_candidates,
    metadata_candidate,
    repair_title,
    text_candidates,
    title_terms,
)

from transforms.vocabulary import read_vocabulary_json

from .builders import body_lines, make_pdf


def layout(text: str, order: int, size: float = 11.0, bold: bool = False, body: float = 11.0) -> TitleCandidate:
    return TitleCandidate(text, "layout", order, {"order": order, "size": size, "bold": bold, "body_size": body})


# ------------------------------------------------------------------------------------------ repair

def test_letter_spaced_headings_are_rejoined_keeping_word_gaps():
    assert repair_title("V E Ř E J N Á  V Y H L Á Š K A") == "VEŘEJNÁ VYHLÁŠKA"
    assert repair_title("O Z N Á M E N Í   o   z a h á j e n í") == "OZNÁMENÍ o zahájení"


def test_letter_spaced_heading_without_word_gaps_is_split_into_words():
    assert repair_title("Z Á P I S Z J E D N Á N Í") == "ZÁPIS Z JEDNÁNÍ"


def test_ordinary_one_letter_words_are_not_letter_spacing():
    assert repair_title("Zápis z jednání v obci a k tomu") == "Zápis z jednání v obci a k tomu"


def test_underscores_hyphenated_breaks_and_split_diacritics_are_repaired():
    assert repair_title("STRATEGIE_ŘÍZENÉHO_PŘÍSTUPU_ K_DATŮM") == "STRATEGIE ŘÍZENÉHO PŘÍSTUPU K DATŮM"
    assert repair_title("Snížení energe-\ntické náročnosti") == "Snížení energetické náročnosti"
    assert repair_title("Meˇstský úrˇad") == "Městský úřad"
    assert repair_title("Rozbor hospoda ř ení k 31. 7. 2019") == "Rozbor hospodaření k 31. 7. 2019"
    assert repair_title("Zápis ze\nzasedání") == "Zápis ze zasedání"


def test_labels_footnote_marks_legal_basis_and_file_sizes_are_dropped():
    assert repair_title("Věc:\tŽádost o vysvětlení zadávací dokumentace") == "Žádost o vysvětlení zadávací dokumentace"
    assert repair_title("Název: Zápis z jednání osadního výboru") == "Zápis z jednání osadního výboru"
    assert repair_title("Žádost o povolení k odběru vod 1)") == "Žádost o povolení k odběru vod"
    assert repair_title("Výzva k podání nabídky na veřejnou zakázku malého rozsahu dle ustanovení § 38 zákona "
                        "č. 137/2006 Sb.") == "Výzva k podání nabídky na veřejnou zakázku malého rozsahu"
    assert repair_title("Svozový plán 2024 (PDF, 120 kB)") == "Svozový plán 2024"


# ------------------------------------------------------------------------------------------ junk

@pytest.mark.parametrize("text, kind", [
    ("*MHMPXPISGWU6*", "barcode"),
    ("MHMPXPISGWU6", "barcode"),
    ("Microsoft Word - strategie_final2.doc", "producer_default"),
    ("Document1", "producer_default"),
    ("Sheet1", "producer_default"),
    ("Blesno_VO_EFEKT2_2017__VYZVA.pdf", "file_name"),
    ("Obecní úřad Lhota pod Horami", "letterhead"),
    ("Městský úřad Kněžice", "letterhead"),
    ("Magistrát města Kněžice", "letterhead"),
    ("TECHNICKÉ SLUŽBY KNĚŽICE s.r.o.", "letterhead"),
    ("Kněžice 73, 503 46 Třebechovice pod Orebem", "address"),
    ("nám. Míru 12, Kněžice", "address"),
    ("tel.: +420 495 428 270, fax 495 428 271", "contact"),
    ("e-mail: podatelna@knezice.cz", "contact"),
    ("www.knezice.cz", "contact"),
    ("IČ: 00268577, DIČ: CZ00268577", "contact"),
    ("Č. j.: MUKN 12345/2024", "registry"),
    ("Sp. zn.: OV/123/2024", "registry"),
    ("Vyřizuje: Jana Nováková", "registry"),
    ("MATERIÁL PRO JEDNÁNÍ RADY MĚSTA KNĚŽICE Č. 27", "cover_sheet"),
    ("Ing. Jana Nováková", "person"),
    ("Jana Nováková, starostka", "person"),
    ("vedoucí finančního odboru", "person"),
    ("Zpracovala: Ing. Jana Nováková", "signature"),
    ("V Kněžicích dne 15. 9. 2024", "place_date"),
    ("Kněžice 28. prosince 2017", "place_date"),
    ("Tabulka č. 3", "page_furniture"),
    ("Strana 2 z 14", "page_furniture"),
    ("vfboraze osadniho dne zlrpisze schfize", "garbled"),
    ("program- n6vrh oprav a investic v obci do rozpoitu M6sta", "garbled"),
    ("(cid:31)(cid:42)(cid:7) plán", "garbled"),
    ("4. 27.1. modrá, žlutá, zelená 5. 3.2. červená", "table_row"),
    ("Přítomni:", "signature"),
    ("pro akci:", "label"),
])
def test_junk_is_recognised(text, kind):
    reason = junk_reason(repair_title(text) or text)
    assert reason is not None and reason.startswith(kind), (text, reason)


@pytest.mark.parametrize("text", [
    "Zápis ze zasedání zastupitelstva obce Kněžice",
    "Strategický plán rozvoje obce Kněžice 2021–2030",
    "Veřejná vyhláška",
    "Rozpočtové opatření č. 34/2019",
    "Oznámení o ceně stočného pro rok 2018",
    "Usnesení zastupitelstva obce č. 5/2024",
    "Smlouva o dílo – návrh",
    "Blešenský kanár 2012",
    "Open data quality report",
    "Kontakty",
])
def test_real_titles_are_not_junk(text):
    assert junk_reason(repair_title(text)) is None


def test_a_row_of_table_cells_is_junk():
    assert junk_reason("Položka\tČástka\tDatum").startswith("table_row")
    assert text_candidates("Položka\tČástka\tDatum\nZápis z jednání")[0].text  # kept as a rejected candidate
    assert choose_title(text_candidates("Položka\tČástka\tDatum\nZápis z jednání")).title == "Zápis z jednání"


def test_generic_link_texts_are_junk_only_as_link_text():
    assert junk_reason("Stáhnout", "link_text") is not None
    assert junk_reason("ke stažení (PDF)", "link_text") is not None


# ------------------------------------------------------------------------------------------ choice

def test_a_letterhead_is_never_the_title_when_a_document_kind_line_follows():
    cands = [layout("Město Kněžice", 0, size=28, bold=True),
             layout("Rozbor hospodaření k 30. 6. 2024", 1, size=20, bold=True),
             layout("Zpracovala: Ing. Jana Nováková", 2, size=14)]
    c = choose_title(cands)
    assert c.title == "Rozbor hospodaření k 30. 6. 2024" and c.source == "layout"
    assert any(r["reason"].startswith("letterhead") for r in c.evidence["rejected"])


def test_the_largest_font_on_page_one_wins_among_lines_that_name_no_kind():
    cands = [layout("Tradiční setkání rodáků", 0, size=11),
             layout("Blešenský kanár 2012", 1, size=28, bold=True),
             layout("Dne 4. 8. se uskutečnil již čtvrtý ročník turnaje", 2, size=11)]
    assert choose_title(cands).title == "Blešenský kanár 2012"


def test_a_line_naming_a_document_kind_beats_a_bigger_project_name():
    lines = [{"text": "Opatření ke snížení energetické náročnosti veřejného osvětlení"},
             {"text": "v rámci podpory dotačním titulem EFEKT 2017."},
             {"text": "Dodatek č. 1 ke Smlouvě o dílo"},
             {"text": "uzavřené dne 5. 9. 2017 podle ustanovení § 2586 občanského zákoníku"}]
    assert choose_title(line_candidates(lines, "ocr_first_line")).title == "Dodatek č. 1 ke Smlouvě o dílo"


def test_microsoft_word_metadata_loses_to_the_page_one_heading():
    cands = metadata_candidate("Microsoft Word - strategie_final2.doc", "x" * 1000) + [
        layout("Strategie rozvoje obce Kněžice", 0, size=22, bold=True)]
    c = choose_title(cands)
    assert c.title == "Strategie rozvoje obce Kněžice" and c.source == "layout"
    assert c.evidence["rejected"][0]["reason"] == "producer_default"


def test_stale_metadata_the_text_never_shows_loses_to_a_heading():
    body = "Rozbor hospodaření k 31. 12. 2024\n" + "Příjmy města dosáhly 136 mil. Kč. " * 30
    cands = metadata_candidate("Rozbor čerpání rozpočtu Města za 1", body) + text_candidates(body)
    assert choose_title(cands).title == "Rozbor hospodaření k 31. 12. 2024"


def test_a_garbled_ocr_line_is_junk_and_a_garbled_page_gives_no_title():
    text = "vfboraze osadniho dne zlrpisze schfize\nprogram- n6vrh oprav v obci Nuzice do rozpoitu M6sta\n[J.' Nqhea"
    c = choose_title(text_candidates(text, "first_line"))
    assert c.title is None
    assert all(r["reason"].startswith("garbled") for r in c.evidence["rejected"])


def test_link_text_wins_over_a_junk_only_page():
    page = text_candidates("Obecní úřad Kněžice\nKněžice 73, 503 46 Kněžice\ntel.: +420 495 428 270\n*MHMPXPISGWU6*")
    c = choose_title(page + link_candidates("Oznámení o zahájení řízení (PDF, 80 kB)", "Úřední deska 2024"))
    assert c.title == "Oznámení o zahájení řízení" and c.source == "link_text"


def test_generic_link_text_does_not_beat_the_document():
    page = text_candidates("Zápis ze zasedání zastupitelstva obce Kněžice\nPřítomni: 7 členů")
    c = choose_title(page + link_candidates("Stáhnout"))
    assert c.title == "Zápis ze zasedání zastupitelstva obce Kněžice" and c.source == "first_line"


def test_title_field_of_a_cover_sheet_gives_the_title():
    text = ("MATERIÁL PRO JEDNÁNÍ RADY MĚSTA KNĚŽICE Č. 27\nDNE 30. 9. 2024\nMATERIÁL K PROJEDNÁNÍ\n"
            "Název: Zápis z jednání Osadního výboru v Lhotě\nNávrh předkládá\tNávrh zpracoval\n")
    c = choose_title(text_candidates(text))
    assert c.title == "Zápis z jednání Osadního výboru v Lhotě"


def test_registry_lines_above_the_title_do_not_push_it_down():
    text = ("Spis.zn.: MÚT/00422/2019/35\t\tVyřizuje: Ing. Hedvika Nováková\nČ. j.: MÚT 23529/2019\t\tDatum: 25. 9. 2019\n"
            "Rozpočtové opatření č. 34/2019\nV souladu s dodatky nově uzavřených dohod dochází ke zvýšení příjmů.")
    assert choose_title(text_candidates(text)).title == "Rozpočtové opatření č. 34/2019"


def test_a_heading_broken_over_lines_is_joined_and_the_legal_basis_left_out():
    lines = [{"text": "Výzva", "size": 16, "bold": True, "top": 74, "bottom": 89},
             {"text": "k podání nabídky na veřejnou zakázku malého rozsahu", "size": 12, "top": 106, "bottom": 117},
             {"text": "dle ustanovení § 12 odst. 3 zákona č. 137/2006 Sb.", "size": 12, "top": 134, "bottom": 145}]
    c = choose_title(line_candidates(lines, "layout", body_size=12, page_height=842))
    assert c.title == "Výzva k podání nabídky na veřejnou zakázku malého rozsahu"


def test_a_quoted_document_name_in_the_first_sentence_is_a_candidate():
    text = ("Rada města projednala „Rozbor hospodaření města Kněžice k 30. 6. 2024“.\n"
            "Celkové příjmy k 30. 6. 2024 dosáhly výše 136.243,27 tis. Kč, což představuje 62,61 % rozpočtu.")
    c = choose_title(text_candidates(text))
    assert c.title == "Rozbor hospodaření města Kněžice k 30. 6. 2024" and c.source == "quoted_name"


def test_body_prose_alone_gives_no_title():
    text = ("Obec zajišťuje svoz tříděného odpadu ve středu. Občané mohou odpady odkládat do kontejnerů na návsi, "
            "které se vyvážejí jednou týdně.")
    assert choose_title(text_candidates(text)).title is None


def test_evidence_says_what_was_chosen_and_why():
    c = choose_title([layout("Obec Kněžice", 0, 20, True), layout("Usnesení zastupitelstva obce", 1, 16, True)])
    assert c.evidence["chosen"]["source"] == "layout"
    assert any("document kind" in w for w in c.evidence["chosen"]["why"])
    assert c.evidence["rejected"][0]["text"] == "Obec Kněžice"


def test_candidates_round_trip_through_dicts():
    cands = [layout("Zápis z jednání", 0, 14, True), TitleCandidate("Obec Lhota", "metadata")]
    assert candidates_from_dicts([x.to_dict() for x in cands]) == cands


def test_a_candidate_as_a_dict_is_what_asdict_gives_and_owns_its_facts():
    c = TitleCandidate("Zápis", "layout", 2, {"size": 14.0, "bold": True, "lines": [1, 2]})
    d = c.to_dict()
    assert d == dataclasses.asdict(c)
    d["facts"]["lines"].append(3)
    assert c.facts["lines"] == [1, 2]


def test_one_documents_memo_changes_no_choice_and_spares_the_second_verdict_on_a_line(monkeypatch):
    import transforms.title as title

    lines = [{"text": "Obec Kněžice", "size": 20, "bold": True}, {"text": "Usnesení zastupitelstva obce", "size": 16},
             {"text": "Spis.zn.: MÚT/00422/2019/35", "size": 11}, {"text": "V Kněžicích dne 25. 9. 2019", "size": 11}]
    plain = title.title_from(line_candidates(lines, "layout", body_size=11), "u.pdf")
    calls = []
    real = title.junk_reason
    monkeypatch.setattr(title, "junk_reason", lambda *a, **k: calls.append(a[:2]) or real(*a, **k))
    memo: dict = {}
    remembered = title.title_from(line_candidates(lines, "layout", body_size=11, memo=memo), "u.pdf", memo)
    assert remembered == plain
    assert len(calls) == len(set(calls))


def test_a_documents_memo_keeps_apart_what_makes_a_verdict_differ():
    from transforms.title import _junk

    memo: dict = {}
    assert _junk("Usnesení zastupitelstva obce", "layout", {}, None, memo) is None
    assert _junk("Usnesení zastupitelstva obce", "layout", {"garbled_layer": True}, None, memo).startswith("garbled_layer")
    assert _junk("zapis 2024 03", "metadata", {}, "zapis_2024_03.pdf", memo).startswith("file_name")
    assert _junk("zapis 2024 03", "metadata", {}, "jiny.pdf", memo) is None


# ------------------------------------------------------------------------------------------ terms

def test_every_term_group_says_where_its_terms_come_from():
    vocabulary = read_vocabulary_json()
    groups = {k: v for k, v in vocabulary["title"].items() if isinstance(v, dict)}
    assert {"document_kinds", "letterhead", "registry", "contact", "person", "cover_sheet"} <= set(groups)
    for name, g in groups.items():
        assert len(vocabulary["sources"][g["source"]]) > 40, name
    assert title_terms()["kinds"]


# ------------------------------------------------------------------------------------------ extraction

def test_pdf_letterhead_and_barcode_lose_to_the_heading_that_names_a_document():
    data = make_pdf([[(10, "*MHMPXPISGWU6*"), (18, "Magistrát města Kněžice"), (10, "Kněžice 73, 503 46 Kněžice"),
                      (10, "tel.: +420 495 428 270, e-mail: podatelna@knezice.cz"), (14, "Oznámení o zahájení řízení"),
                      *body_lines(14)]], title_meta="Microsoft Word - oznameni.doc")
    r = extract(data, "application/pdf", "oznameni.pdf")
    assert r.title == "Oznámení o zahájení řízení" and r.meta["title_source"] == "layout"
    assert 0 < len(r.meta["title_candidates"]) <= 8
    assert any(c["facts"].get("size") for c in r.meta["title_candidates"])


def test_pdf_letter_spaced_heading_is_repaired():
    data = make_pdf([[(18, "V E Ř E J N Á    V Y H L Á Š K A"), *body_lines(14)]])
    r = extract(data, "application/pdf", "vv.pdf")
    assert r.title == "VEŘEJNÁ VYHLÁŠKA"


def test_txt_title_from_its_first_lines():
    r = extract("Obec Kněžice\nUsnesení zastupitelstva č. 5/2024\nZastupitelstvo schvaluje rozpočet.".encode(),
                "text/plain")
    assert r.title == "Usnesení zastupitelstva č. 5/2024" and r.meta["title_source"] == "first_line"
