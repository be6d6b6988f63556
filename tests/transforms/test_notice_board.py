"""Notice-board feeds (OFN Úřední desky 2021-07-20 and its real deviations): what is read, what becomes a problem."""
from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from transforms import notice_board
from transforms.notice_board import FeedResult, NoticeRecord, feed_links, parse_feed

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
OFN = SHARED / "domain" / "ofn"
CMS = SHARED / "domain" / "cms"
KADAN = OFN / "real_feed_Kadan.json"
MVCR = OFN / "real_feed_MVCR_boards_array.json"
KLADNO_OFN = CMS / "ofn-uredni-deska-2026-09-03.EXCERPT.json"
KLADNO_XML = CMS / "rss9-uredni-deska-2026-09-03.EXCERPT.xml"
KLADNO_PAGE = CMS / "mestokladno-uzavirky-ds43821-2026-09-03.EXCERPT.html"
CONTEXT = "https://ofn.gov.cz/úřední-desky/2021-07-20/kontexty/úřední-deska.jsonld"


def shared_file(path: Path) -> bytes:
    if not path.is_file():
        pytest.skip(f"../shared is not beside the checkout ({path.name})")
    return path.read_bytes()


def board(*items, **extra) -> bytes:
    """A minimal OFN board around the given items, as the bytes a server would send."""
    obj = {"@context": CONTEXT, "typ": "Úřední deska", "iri": "https://obec.example/zdroj/deska",
           "stránka": "https://obec.example/uredni-deska", "provozovatel": {"typ": "Osoba", "ičo": "00261912"},
           "informace": list(items), **extra}
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def item(title="Oznámení", posted="2024-03-04", **extra) -> dict:
    """One OFN item with the required fields."""
    return {"typ": ["Digitální objekt", "Informace na úřední desce"], "iri": f"https://obec.example/i/{title}",
            "url": f"https://obec.example/deska/{title}", "název": {"cs": title},
            "vyvěšení": {"typ": "Časový okamžik", "datum": posted},
            "relevantní_do": {"typ": "Časový okamžik", "nespecifikovaný": True}, **extra}


def only_record(result: FeedResult) -> NoticeRecord:
    assert not result.problems, result.problems
    assert len(result.records) == 1, result.records
    return result.records[0]


# --- real feeds ---------------------------------------------------------------------------------

@pytest.mark.shared
def test_the_real_kadan_feed_yields_87_records_with_titles_dates_and_93_clean_attachment_urls():
    result = parse_feed(shared_file(KADAN), "application/ld+json")
    assert result.format == "ofn-jsonld"
    assert result.problems == []
    assert len(result.records) == 87
    assert all(r.title and r.posted_on for r in result.records)
    urls = [url for r in result.records for _, url in r.documents]
    assert len(urls) == 93
    # The Kadaň file itself holds no `&amp;` (measured: 0 occurrences); the `&amp;` deviation is Kladno's, tested below.
    assert not any("&amp;" in u for u in urls) and all(u.startswith("https://") for u in urls)
    assert [(b.ico, b.iri) for b in result.boards] == [("00261912", "https://www.mesto-kadan.cz/zdroj/uredni-deska")]


@pytest.mark.shared
def test_the_kadan_feed_splits_its_relevance_into_34_open_ended_and_53_dated_records():
    records = parse_feed(shared_file(KADAN)).records
    assert sum(r.relevant_until_unspecified for r in records) == 34
    assert sum(r.relevant_until is not None for r in records) == 53
    assert all(r.agendas and r.file_mark for r in records)
    assert sum(r.reference_number is not None for r in records) == 26


@pytest.mark.shared
def test_html_entities_in_kadan_titles_are_unescaped():
    titles = [r.title for r in parse_feed(shared_file(KADAN)).records if "Dobrovolného svazku obcí „" in (r.title or "")]
    assert len(titles) == 2
    assert all(t.endswith("„Cyklostezka Prunéřov - Černovice\"") and "&quot;" not in t for t in titles)


@pytest.mark.shared
def test_the_mvcr_array_yields_182_boards_and_1206_records():
    result = parse_feed(shared_file(MVCR))
    assert result.format == "json-array-of-boards"
    assert result.problems == []
    assert len(result.boards) == 182
    assert len(result.records) == 1206
    assert sum(len(r.documents) for r in result.records) == 1026
    assert {r.board_iri for r in result.records} <= {b.iri for b in result.boards}
    # 51 of the 182 boards carry no notice at all; they are still boards
    assert sum(1 for b in result.boards if not any(r.board_iri == b.iri for r in result.records)) == 51
    assert all(b.ico and len(b.ico) == 8 for b in result.boards)


@pytest.mark.shared
def test_mvcr_items_with_an_unspecified_posting_date_are_records_without_a_date():
    records = parse_feed(shared_file(MVCR)).records
    undated = [r for r in records if r.posted_on is None]
    assert len(undated) == 144  # `vyvěšení: {nespecifikovaný: true}` in the feed: read, not a problem
    assert all(r.title and r.url for r in undated)


@pytest.mark.shared
def test_positions_in_a_board_array_name_the_board_and_the_item():
    records = parse_feed(shared_file(MVCR)).records
    assert records[0].position == "[0].informace[0]"
    assert records[-1].position.startswith("[181].informace[")


@pytest.mark.parametrize("name", ["příklady_1.jsonld", "příklady_2.jsonld", "příklady_3.jsonld", "příklady_4.jsonld"])
@pytest.mark.shared
def test_every_official_example_parses_without_problems(name):
    result = parse_feed(shared_file(OFN / name))
    assert result.format == "ofn-jsonld"
    assert result.problems == []
    assert result.records and all(r.title and r.url and r.posted_on == date(2018, 1, 20) for r in result.records)
    assert all(r.relevant_until == date(2019, 2, 20) for r in result.records)
    assert result.boards[0].ico == "00258245"


@pytest.mark.shared
def test_the_full_official_example_fills_every_optional_field():
    record = parse_feed(shared_file(OFN / "příklady_4.jsonld")).records[1]
    assert record.reference_number == "OV/666/18 Tisj"
    assert record.file_mark == "OV/13/2018-Tisj"
    assert record.agendas == ("dotace", "přenesená působnost")
    assert record.documents == (
        ("Příloha 1", "https://web.mojeobec.cz/úřední_deska/2018-14/přílohy/příloha1.odt"),
        ("Příloha 2", "https://web.mojeobec.cz/úřední_deska/2018-14/přílohy/příloha2.odt"))
    assert record.description == "Program na podporu dobrovolných hasičů v roce 2018"


@pytest.mark.shared
def test_the_catalogue_metadata_template_is_not_mistaken_for_a_feed():
    result = parse_feed(shared_file(OFN / "metadata_úřední-desky.jsonld"))  # also starts with a UTF-8 BOM
    assert result.format is None and result.records == []
    assert len(result.problems) == 1 and "no list of notices" in result.problems[0].reason


@pytest.mark.shared
def test_kladnos_escaped_attachment_urls_come_out_unescaped():
    assert b"&amp;" in shared_file(KLADNO_OFN)
    records = parse_feed(shared_file(KLADNO_OFN)).records
    urls = [url for r in records for _, url in r.documents]
    assert len(urls) == 6
    assert all("&amp;" not in u and "id_org=6506&id_dokumenty=" in u for u in urls)
    assert records[3].relevant_until_unspecified


@pytest.mark.shared
def test_kladnos_xml_export_reads_the_same_notices_as_its_ofn_feed():
    ofn = parse_feed(shared_file(KLADNO_OFN)).records
    xml = parse_feed(shared_file(KLADNO_XML), "text/xml")
    assert xml.format == "xml" and xml.problems == []
    assert [(r.title, r.posted_on, r.relevant_until) for r in xml.records] == \
           [(r.title, r.posted_on, r.relevant_until) for r in ofn]
    assert [len(r.documents) for r in xml.records] == [len(r.documents) for r in ofn]
    assert xml.records[0].documents[0][0].endswith(".pdf")
    assert xml.records[1].position == "/ud/item[2]"


# --- deviations ---------------------------------------------------------------------------------

def test_amp_and_double_escaped_amp_in_urls_become_plain_ampersands():
    data = board(item(url="https://obec.example/d?a=1&amp;b=2",
                      dokument=[{"název": {"cs": "P"}, "url": "https://obec.example/File.ashx?id_org=1&amp;amp;id=2"}]))
    record = only_record(parse_feed(data))
    assert record.url == "https://obec.example/d?a=1&b=2"
    assert record.documents == (("P", "https://obec.example/File.ashx?id_org=1&id=2"),)


def test_a_url_with_a_bare_ampersand_is_left_alone():
    record = only_record(parse_feed(board(item(url="https://obec.example/d?a=1&copy=2"))))
    assert record.url == "https://obec.example/d?a=1&copy=2"


@pytest.mark.parametrize("moment, expected", [
    ({"datum": "2024-03-04"}, date(2024, 3, 4)),
    ({"datum": "2024-03-04T10:15:00"}, date(2024, 3, 4)),
    ({"datum_a_čas": "2024-03-04T10:15:00+01:00"}, date(2024, 3, 4)),
    ({"datum": "2024-03-04T23:30:00Z"}, date(2024, 3, 5)),       # 00:30 in Prague (CET)
    ({"datum": "2024-07-01T22:30:00.000Z"}, date(2024, 7, 2)),   # 00:30 in Prague (CEST)
    ({"datum": "2024-07-01T21:30:00Z"}, date(2024, 7, 1)),
    ({"datum": "2024-03-04 08:00"}, date(2024, 3, 4)),
    ("2024-03-04", date(2024, 3, 4)),
    ("4. 3. 2024", date(2024, 3, 4)),
    ("04.03.2024 10:00", date(2024, 3, 4)),
])
def test_dates_datetimes_and_czech_dates_are_read_as_calendar_dates(moment, expected):
    assert only_record(parse_feed(board(item(**{"vyvěšení": moment})))).posted_on == expected


def test_an_unspecified_relevance_is_flagged_not_dated():
    record = only_record(parse_feed(board(item())))
    assert record.relevant_until is None and record.relevant_until_unspecified


def test_a_json_array_of_boards_reads_every_board_and_reports_a_non_board_element():
    one = json.loads(board(item("A")))
    two = {**json.loads(board(item("B"), item("C"))), "iri": "https://jina.example/deska",
           "provozovatel": {"ičo": 261912}}
    result = parse_feed(json.dumps([one, "junk", two]).encode())
    assert result.format == "json-array-of-boards"
    assert [r.title for r in result.records] == ["A", "B", "C"]
    assert [r.board_iri for r in result.records] == ["https://obec.example/zdroj/deska"] + ["https://jina.example/deska"] * 2
    assert [r.position for r in result.records] == ["[0].informace[0]", "[2].informace[0]", "[2].informace[1]"]
    assert [(p.position, p.reason) for p in result.problems] == [("[1]", "not a board (str)")]
    assert [b.ico for b in result.boards] == ["00261912", "00261912"]


def test_plain_keys_without_diacritics_and_attachment_synonyms_are_mapped():
    data = json.dumps([
        {"nazev": "Rozpočet 2025", "url": "https://obec.example/r", "vyveseni": "2025-01-02",
         "relevantni_do": "2025-02-03", "cislo_jednaci": "OÚ/1/2025", "dokumenty": [{"nazev": "r.pdf", "url": "/r.pdf"}]},
        {"Název": "Záměr prodeje", "Vyvěšeno": "3. 2. 2025", "Sejmuto": "20. 2. 2025",
         "prilohy": ["https://obec.example/z.pdf"]},
    ]).encode()
    result = parse_feed(data, "application/json", "https://obec.example/deska.json")
    assert result.format == "plain-json" and result.problems == []
    first, second = result.records
    assert (first.title, first.posted_on, first.relevant_until, first.reference_number) == \
           ("Rozpočet 2025", date(2025, 1, 2), date(2025, 2, 3), "OÚ/1/2025")
    assert first.documents == (("r.pdf", "https://obec.example/r.pdf"),)
    assert (second.title, second.posted_on, second.relevant_until) == ("Záměr prodeje", date(2025, 2, 3), date(2025, 2, 20))
    assert second.documents == ((None, "https://obec.example/z.pdf"),)


def test_keys_that_are_not_obvious_synonyms_are_not_guessed():
    result = parse_feed(json.dumps([{"titulek": "Něco", "odeslano": "2025-01-02"}]).encode())
    assert result.records == []
    assert [(p.position, p.reason) for p in result.problems] == [("[0]", "no title and no url")]


def test_a_plain_json_wrapper_object_around_the_record_list_is_read():
    result = parse_feed(json.dumps({"zaznamy": [{"nazev": "A", "vyveseni": "2025-01-02"}]}).encode())
    assert [(r.title, r.position) for r in result.records] == [("A", "zaznamy[0]")]


def test_a_title_given_as_a_plain_string_is_read():
    assert only_record(parse_feed(board(item(**{"název": "  Veřejná   vyhláška "})))).title == "Veřejná vyhláška"


def test_a_record_without_dokument_is_a_record_without_documents():
    raw = item()
    assert "dokument" not in raw
    record = only_record(parse_feed(board(raw)))
    assert record.documents == () and record.agendas == () and record.reference_number is None


def test_a_single_object_instead_of_a_list_is_read_for_dokument_and_agenda():
    data = board(item(dokument={"název": {"cs": "P1"}, "url": "https://obec.example/p1.pdf"},
                      agenda={"typ": "Agenda", "název": {"cs": "stavební řízení"}}))
    record = only_record(parse_feed(data))
    assert record.documents == (("P1", "https://obec.example/p1.pdf"),)
    assert record.agendas == ("stavební řízení",)


def test_a_utf8_bom_does_not_stop_the_feed():
    record = only_record(parse_feed(b"\xef\xbb\xbf" + board(item("Žádost"))))
    assert record.title == "Žádost"


def test_invalid_json_is_one_problem_with_its_position_and_no_exception():
    result = parse_feed(b'{"informace": [\n  {"nazev": "A",}\n]}')
    assert result.format is None and result.records == []
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.position == "line 2, column 17" and problem.line == 2
    assert problem.reason.startswith("invalid JSON: ")


def test_relative_urls_are_resolved_against_the_feed_url_when_given():
    data = board(item(url="/deska/1", dokument=[{"url": "prilohy/a.pdf"}]))
    record = only_record(parse_feed(data, url="https://obec.example/opendata/deska.jsonld"))
    assert record.url == "https://obec.example/deska/1"
    assert record.documents == ((None, "https://obec.example/opendata/prilohy/a.pdf"),)
    assert only_record(parse_feed(data)).url == "/deska/1"


@pytest.mark.parametrize("ico, expected", [("00261912", "00261912"), ("261912", "00261912"), (261912, "00261912"),
                                           ("CZ00261912", None), ("123456789", None)])
def test_the_publisher_ico_is_zero_padded_to_eight_digits(ico, expected):
    data = board(item(), provozovatel={"typ": "Osoba", "ičo": ico, "název": {"cs": "Obec Příklad"}})
    result = parse_feed(data)
    assert result.boards[0].ico == expected
    assert result.boards[0].name == "Obec Příklad"


def test_a_feed_with_some_broken_records_yields_every_readable_record_and_one_problem_per_broken_one():
    data = board(item("A"), "text instead of an object", {"iri": "https://obec.example/i/x", "popis": {"cs": "?"}},
                 item("B", posted="brzy"), item("C"), [1, 2])
    result = parse_feed(data)
    assert [r.title for r in result.records] == ["A", "B", "C"]
    assert [(p.position, p.reason, p.record_kept) for p in result.problems] == [
        ("informace[1]", "not an object (str)", False),
        ("informace[2]", "no title and no url", False),
        ("informace[3]", "unreadable date 'brzy'", True),   # kept: only its date could not be read
        ("informace[5]", "not an object (list)", False),
    ]
    assert result.problems[1].iri == "https://obec.example/i/x"
    assert result.problems[2].title == "B" and result.records[1].posted_on is None


def test_a_record_with_a_url_but_no_title_is_still_a_record():
    raw = item()
    del raw["název"]
    record = only_record(parse_feed(board(raw)))
    assert record.title is None and record.url


def test_a_board_without_informace_is_a_board_with_one_problem():
    obj = json.loads(board())
    del obj["informace"]
    result = parse_feed(json.dumps(obj).encode())
    assert len(result.boards) == 1 and result.records == []
    assert [p.reason for p in result.problems] == ["board without 'informace'"]


EDESKY_XML = """<?xml version="1.0" encoding="UTF-8"?>
<deska nazev="Úřední deska obce Příklad">
  <dokument>
    <nazev>Oznámení o konání zasedání</nazev>
    <vyveseno>2024-05-02</vyveseno>
    <sejmuto>2024-05-20T00:00:00</sejmuto>
    <url>https://obec.example/deska/1?a=1&amp;b=2</url>
    <priloha url="https://obec.example/f/1.pdf" nazev="Pozvánka"/>
    <priloha><url>/f/2.pdf</url><nazev>Program</nazev></priloha>
  </dokument>
  <dokument>
    <nazev>Rozpočtové opatření</nazev>
    <vyveseno>3. 5. 2024</vyveseno>
  </dokument>
  <dokument>
    <vyveseno>kdysi</vyveseno>
  </dokument>
</deska>"""


def test_an_xml_feed_with_edesky_style_elements_is_read():
    result = parse_feed(EDESKY_XML.encode(), "application/xml", "https://obec.example/deska.xml")
    assert result.format == "xml"
    first, second = result.records
    assert (first.title, first.posted_on, first.relevant_until) == \
           ("Oznámení o konání zasedání", date(2024, 5, 2), date(2024, 5, 20))
    assert first.url == "https://obec.example/deska/1?a=1&b=2"
    assert first.documents == (("Pozvánka", "https://obec.example/f/1.pdf"), ("Program", "https://obec.example/f/2.pdf"))
    assert (second.title, second.posted_on, second.position) == ("Rozpočtové opatření", date(2024, 5, 3), "/deska/dokument[2]")
    assert [(p.position, p.reason) for p in result.problems] == [("/deska/dokument[3]", "no title and no url")]


@pytest.mark.parametrize("declaration", [
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>',
    '<!DOCTYPE deska SYSTEM "file:///etc/passwd">',
    '<!-- <a href="x"> --><!DOCTYPE deska [<!ENTITY lol2 "x">]>',   # a comment does not hide the declaration
])
def test_xml_with_doctype_or_entity_declarations_is_refused_with_a_problem(declaration):
    data = f'<?xml version="1.0"?>\n{declaration}\n<deska><dokument><nazev>&lol2;</nazev></dokument></deska>'
    result = parse_feed(data.encode())
    assert result.records == []
    assert len(result.problems) == 1 and "DOCTYPE/ENTITY" in result.problems[0].reason


def test_an_xml_feed_declared_as_windows_1250_is_decoded():
    data = '<?xml version="1.0" encoding="windows-1250"?><deska><dokument><nazev>Žádost</nazev></dokument></deska>'
    assert only_record(parse_feed(data.encode("cp1250"))).title == "Žádost"


def test_invalid_xml_is_one_problem_with_its_line():
    result = parse_feed(b"<deska>\n<dokument><nazev>A</nazev>\n</deska>")
    assert result.records == [] and len(result.problems) == 1
    assert result.problems[0].line == 3 and result.problems[0].reason.startswith("invalid XML")


CSV_FEED = (
    "nazev;vyveseni;relevantni_do;url\n"
    "Oznámení o záměru;2. 5. 2024;31. 5. 2024;https://obec.example/d/1\n"
    '"Víceřádkový\nnázev";2024-05-03;;/d/2\n'
    ";;;\n"
    ";2024-05-04;2024-05-30;\n"
    "Veřejná vyhláška;včera;2024-06-30;https://obec.example/d/4\n"
)


def test_a_csv_export_is_read_with_line_numbers_for_its_problems():
    result = parse_feed(CSV_FEED.encode("utf-8"), "text/csv", "https://obec.example/deska.csv")
    assert result.format == "csv"
    assert [(r.title, r.posted_on, r.relevant_until, r.url, r.position) for r in result.records] == [
        ("Oznámení o záměru", date(2024, 5, 2), date(2024, 5, 31), "https://obec.example/d/1", "line 2"),
        ("Víceřádkový název", date(2024, 5, 3), None, "https://obec.example/d/2", "line 3"),
        ("Veřejná vyhláška", None, date(2024, 6, 30), "https://obec.example/d/4", "line 7"),
    ]
    assert [(p.line, p.reason, p.record_kept) for p in result.problems] == [
        (6, "no title and no url", False), (7, "unreadable date 'včera'", True)]


def test_a_windows_1250_csv_is_decoded():
    record = only_record(parse_feed("název,vyvěšení\nŽádost o dotaci,1.2.2024\n".encode("cp1250"), "text/csv"))
    assert (record.title, record.posted_on) == ("Žádost o dotaci", date(2024, 2, 1))


@pytest.mark.parametrize("data, reason", [
    (b"", "empty feed"),
    ("<!DOCTYPE html><html><body>Stránka nenalezena</body></html>".encode(), "an HTML page, not a feed"),
    (b"\x00\xff\x10garbage", "unrecognised feed format"),
    (b"42", "unrecognised feed format"),
    (b'"just a string"', "unrecognised feed format"),
])
def test_anything_that_is_not_a_feed_is_one_problem_and_no_exception(data, reason):
    result = parse_feed(data)
    assert result.format is None and result.records == []
    assert len(result.problems) == 1 and result.problems[0].reason.startswith(reason)


def test_json_declared_by_the_server_but_not_an_object_or_array_is_one_problem():
    result = parse_feed(b"42", "application/json")
    assert result.format is None
    assert [p.reason for p in result.problems] == ["JSON is a int, not an object or array"]


@pytest.mark.parametrize("data, reason", [
    (b"[" * 100_000, "invalid JSON: nested too deeply"),
    (b"<a>" * 5_000 + b"</a>" * 5_000, "XML nested too deeply"),
])
def test_pathologically_nested_feeds_are_one_problem_and_no_exception(data, reason):
    assert [p.reason for p in parse_feed(data).problems] == [reason]


def test_malformed_urls_and_out_of_range_instants_do_not_raise():
    data = json.dumps({"informace": [{"nazev": "A", "url": "/x", "vyveseni": "9999-12-31T23:30:00Z"}]}).encode()
    record = only_record(parse_feed(data, url="http://[::1/feed"))
    assert (record.url, record.posted_on) == ("/x", date(9999, 12, 31))
    assert feed_links("<a href='http://[::1'>uredni deska json</a>", "https://obec.example/") == []


def test_records_are_frozen_values():
    record = only_record(parse_feed(board(item())))
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.title = "x"
    assert hash(record)


# --- discovery ----------------------------------------------------------------------------------

PAGE = """<html><head>
<link rel="stylesheet" href="/css/a.css">
<link rel="alternate" type="application/ld+json" href="/opendata/uredni-deska.jsonld">
</head><body>
<a href="/uredni-deska">Úřední deska</a>
<a href="/opendata/deska.jsonld#top">Data</a>
<a href="https://data.obec.example/export?fmt=json">Úřední deska – otevřená data (JSON)</a>
<a href="/files/uredni_deska_opendata.json">ke stažení</a>
<a href="/opendata/uredni-deska.jsonld">znovu</a>
<a href="/zpravodaj.json">Zpravodaj (JSON)</a>
<a href="mailto:podatelna@obec.example">uredni deska json</a>
</body></html>"""

EXPECTED = [
    "https://obec.example/opendata/uredni-deska.jsonld",
    "https://obec.example/opendata/deska.jsonld",
    "https://data.obec.example/export?fmt=json",
    "https://obec.example/files/uredni_deska_opendata.json",
]


@pytest.mark.parametrize("parser", ["lxml", "html.parser"])
def test_feed_links_are_absolute_deduplicated_and_in_page_order(parser, monkeypatch):
    if parser == "lxml" and notice_board._lxml_html is None:
        pytest.skip("lxml is not installed")
    if parser == "html.parser":
        monkeypatch.setattr(notice_board, "_lxml_html", None)
    assert feed_links(PAGE, "https://obec.example/mesto/") == EXPECTED


def test_feed_links_honour_the_base_element():
    page = '<html><head><base href="https://cdn.obec.example/x/"></head><body><a href="d.jsonld">d</a></body></html>'
    assert feed_links(page, "https://obec.example/") == ["https://cdn.obec.example/x/d.jsonld"]


def test_a_link_to_the_board_page_alone_is_not_a_feed():
    page = '<a href="/uredni-deska">Úřední deska</a><a href="/opendata">Otevřená data</a>'
    assert feed_links(page, "https://obec.example/") == []


@pytest.mark.shared
def test_a_real_municipal_page_without_a_feed_yields_no_links():
    html = shared_file(KLADNO_PAGE).decode("utf-8")
    assert html.count("<a ") > 40
    assert feed_links(html, "https://www.mestokladno.cz/uzavirky-komunikaci-a-informace-z-dopravy/ds-43821") == []


def test_an_empty_page_has_no_feed_links():
    assert feed_links("", "https://obec.example/") == []
