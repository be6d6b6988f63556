"""The CEP open-data reader streams real-world exports: any encoding/delimiter of the copies people pass
around, quoted multi-line fields, broken rows reported by line without losing their neighbours, and the
values normalised (IČO padded to 8 digits, dates in three forms with the year fallback, money forms)."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from transforms import cep
from transforms.cep import (Row, RowProblem, detect_encoding, pad_ico, parse_czk, parse_date, participant_record,
                            project_record, read_rows)

ROOT = Path(__file__).resolve().parents[2]

HEADER = ["kod_projektu", "poskytovatel", "kod_programu", "nazev_projektu_originalni", "cile_reseni_originalni",
          "rok_zahajeni", "datum_zahajeni", "ico", "celkove_naklady_na_dobu_reseni"]
ROWS = [
    ["TL01000217", "TA0", "TL", "Obce v kruhu cirkulární ekonomiky", "Cílem je ověřit nástroje pro obce.",
     "2018", "2018-03-01", "216208", "1234567"],
    ["VJ01010116", "MV0", "VJ", "Odolnost měst vůči výpadkům elektřiny", "Žluťoučký kůň úpěl ďábelské ódy.",
     "2021", "", "61989592", "2500000"],
    ["DG20P02OVV002", "MK0", "DG", "Dějiny řemesel na Šumavě", "Popis dílen, mlýnů a sklářských hutí.",
     "2020", "1.1.2020", "00023272", "980000"],
]


def _csv(rows: list[list[str]], delim: str = ",", header: list[str] | None = None, eol: str = "\r\n") -> str:
    """Rows as CSV text, every field quoted only when it must be (like the official export)."""
    def cell(v: str) -> str:
        return f'"{v.replace(chr(34), chr(34) * 2)}"' if any(c in v for c in (delim, '"', "\n", "\r")) else v
    return "".join(delim.join(cell(v) for v in r) + eol for r in [header or HEADER, *rows])


def _read(data: bytes | str, chunk: int | None = None, encoding: str | None = None) -> list[Row | RowProblem]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    chunks = [raw] if chunk is None else [raw[i:i + chunk] for i in range(0, len(raw), chunk)]
    return list(read_rows(chunks, encoding=encoding))


def _rows(items) -> list[Row]:
    return [i for i in items if isinstance(i, Row)]


def _problems(items) -> list[RowProblem]:
    return [i for i in items if isinstance(i, RowProblem)]


# ------------------------------------------------------------------ encodings and delimiters
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1250"])
@pytest.mark.parametrize("delim", [",", ";", "\t"])
def test_utf8_and_cp1250_files_with_any_delimiter_give_the_same_rows(encoding, delim):
    items = _read(_csv(ROWS, delim).encode(encoding))
    assert not _problems(items)
    assert [r.values for r in _rows(items)] == [dict(zip(HEADER, r)) for r in ROWS]
    assert [r.line for r in _rows(items)] == [2, 3, 4]


@pytest.mark.parametrize("head, expected", [
    ("kod_projektu,název\nTL01,Obec Žďár\n".encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbfkod_projektu\nTL01\n", "utf-8-sig"),
    ("kod_projektu,název\nTL01,Obec Žďár\n".encode("cp1250"), "cp1250"),
    ("Obec Žďár nad Sázavou".encode("utf-8")[:-2] + b"\xc3", "utf-8"),  # cut inside the last character
    (b"kod_projektu\nTL01\n", "utf-8"),
])
def test_the_encoding_is_utf8_with_or_without_bom_else_cp1250(head, expected):
    assert detect_encoding(head) == expected


def test_a_utf8_file_with_one_invalid_byte_reports_that_row_and_keeps_the_others():
    good = _csv(ROWS).encode("utf-8")
    lines = good.split(b"\r\n")
    lines[2] = lines[2].replace("Žluťoučký".encode("utf-8"), b"\x8e" + "luťoučký".encode("utf-8"))
    items = _read(b"\r\n".join(lines))
    assert [r.values["kod_projektu"] for r in _rows(items)] == ["TL01000217", "DG20P02OVV002"]
    [problem] = _problems(items)
    assert problem.line == 3 and "0x8e" in problem.reason and "utf-8" in problem.reason


def test_column_names_are_stripped_lower_cased_and_lose_the_bom():
    data = "\ufeff Kod_Projektu ,RAid,ROR\nTL01000217,RA1,024d6js02\n".encode("utf-8")
    [row] = _read(data)
    assert row.values == {"kod_projektu": "TL01000217", "raid": "RA1", "ror": "024d6js02"}


def test_an_empty_file_is_one_problem_at_line_1():
    assert _read(b"") == [RowProblem(1, "empty file: no header line")]


# ------------------------------------------------------------------ quoting and broken rows
def test_a_quoted_field_keeps_its_newlines_delimiters_and_quotes_and_lines_are_counted_physically():
    goals = 'První odstavec; s čárkou, a "citací".\nDruhý odstavec.\n\nTřetí po prázdném řádku.'
    rows = [ROWS[0][:4] + [goals] + ROWS[0][5:], ROWS[1]]
    items = _read(_csv(rows))
    assert [r.values["cile_reseni_originalni"] for r in _rows(items)] == [goals, ROWS[1][4]]
    assert [r.line for r in items] == [2, 6]


def test_rows_with_too_many_or_too_few_fields_are_reported_by_line_and_their_neighbours_kept():
    text = _csv(ROWS)
    lines = text.split("\r\n")
    lines.insert(2, "GA20-01234S,GA0,GA,Navíc,Cíl,2020,,123,5,přebytečné pole")
    lines.insert(4, "GA20-05678S,GA0,GA,Chybí")
    items = _read("\r\n".join(lines))
    assert [(p.line, p.reason) for p in _problems(items)] == [(3, "expected 9 fields, found 10"),
                                                            (5, "expected 9 fields, found 4")]
    assert [(r.line, r.values["kod_projektu"]) for r in _rows(items)] == [
        (2, "TL01000217"), (4, "VJ01010116"), (6, "DG20P02OVV002")]


def test_a_file_cut_inside_a_quoted_field_reports_the_cut_row_and_keeps_every_row_before_it():
    text = _csv(ROWS) + 'CK01000204,TA0,CK,"Dopravní data, kraj","Cíl: sběr dat z detektorů'
    items = _read(text)
    assert [r.values["kod_projektu"] for r in _rows(items)] == [r[0] for r in ROWS]
    [problem] = _problems(items)
    assert problem.line == 5 and "ends inside a quoted field" in problem.reason
    assert problem.excerpt.startswith("CK01000204")


def test_a_stray_quote_loses_only_its_own_row_even_if_it_swallows_the_rest_of_the_file():
    lines = _csv(ROWS).split("\r\n")
    lines.insert(2, 'GA20-01234S,GA0,GA,"Neuzavřená uvozovka,Cíl,2020,,123,5')
    items = _read("\r\n".join(lines))
    assert [p.line for p in _problems(items)] == [3]
    assert [(r.line, r.values["kod_projektu"]) for r in _rows(items)] == [
        (2, "TL01000217"), (4, "VJ01010116"), (5, "DG20P02OVV002")]


def test_text_after_a_closing_quote_is_malformed_quoting_and_the_following_rows_are_kept():
    lines = _csv(ROWS).split("\r\n")
    lines.insert(2, 'GA20-01234S,GA0,GA,"Název"navíc,Cíl,2020,,123,5')
    items = _read("\r\n".join(lines))
    [problem] = _problems(items)
    assert problem.line == 3 and "malformed quoting" in problem.reason
    assert len(_rows(items)) == 3


def test_a_quote_left_open_for_too_many_lines_is_a_stray_quote_and_reading_resumes(monkeypatch):
    monkeypatch.setattr(cep, "MAX_RECORD_LINES", 3)
    rows = [["TL0100%04d" % i, "TA0", "TL", "Název", "Cíl", "2020", "", "1", "5"] for i in range(8)]
    lines = _csv(rows).split("\r\n")
    lines[3] = lines[3].replace(",Název,", ',"Název,')  # opens a quote on line 4 that nothing closes
    items = _read("\r\n".join(lines))
    [problem] = _problems(items)
    assert problem.line == 4 and "not closed within 3 lines" in problem.reason
    assert [r.line for r in _rows(items)] == [2, 3, 5, 6, 7, 8, 9]


def test_a_nul_byte_is_reported_at_its_row_and_the_rows_around_it_are_kept():
    data = _csv(ROWS).encode("utf-8").replace(b"Odolnost", b"Odol\x00nost")
    items = _read(data)
    [problem] = _problems(items)
    assert problem.line == 3 and "NUL" in problem.reason and "\x00" not in problem.excerpt
    assert [r.line for r in _rows(items)] == [2, 4]


def test_an_overlong_line_is_reported_and_skipped_in_bounded_memory(monkeypatch):
    monkeypatch.setattr(cep, "MAX_LINE_BYTES", 200)  # the header is ~130 bytes
    monkeypatch.setattr(cep, "HEAD_BYTES", 16)  # so the long line arrives in 16-byte chunks, not in the head
    lines = _csv(ROWS).split("\r\n")
    lines.insert(2, "GA20-01234S,GA0,GA," + "x" * 500 + ",Cíl,2020,,123,5")
    items = _read("\r\n".join(lines), chunk=16)
    assert [p.line for p in _problems(items)] == [3]
    assert "longer than 200 bytes" in _problems(items)[0].reason
    assert [r.line for r in _rows(items)] == [2, 4, 5]


def test_a_binary_or_utf16_file_is_one_clear_header_problem():
    items = _read("kod_projektu,ico\nTL01,1\n".encode("utf-16"))
    assert len(items) == 1 and isinstance(items[0], RowProblem)
    assert items[0].line == 1 and "header cannot be read" in items[0].reason


# ------------------------------------------------------------------ chunk boundaries
def _awkward_file() -> bytes:
    """Multi-byte characters everywhere and quoted multi-line fields, plus one bad row."""
    goals = 'Řešení; „citace“ a "uvozovky".\nŽádný řádek nekončí čárkou,\nale tenhle ano,'
    rows = [[f"TL0100{i:04d}", "TA0", "TL", f"Čížkův úkol č. {i}, ěščřžýáíé", goals if i % 2 else "Cíl",
             "2020", "1. 2. 2020", "216208", "1 234 567,50"] for i in range(12)]
    text = _csv(rows).split("\r\n")
    text.insert(5, "GA20-01234S,GA0,GA,Chybí pole")
    return "\r\n".join(text).encode("utf-8")


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64])
def test_chunk_boundaries_inside_characters_and_quoted_fields_change_nothing(size):
    data = _awkward_file()
    whole = _read(data)
    assert len(_rows(whole)) == 12 and len(_problems(whole)) == 1
    cut_inside_a_character = any(0x80 <= data[i] < 0xC0 for i in range(size, len(data), size))
    cut_inside_a_quoted_field = any(data[:i].count(b'"') % 2 for i in range(size, len(data), size))
    assert cut_inside_a_character and cut_inside_a_quoted_field
    assert _read(data, chunk=size) == whole


def test_cp1250_in_7_byte_chunks_reads_like_one_chunk():
    data = _awkward_file().decode("utf-8").encode("cp1250")  # cp1250 has „ and “ too
    assert _read(data, chunk=7) == _read(data) and len(_rows(_read(data))) == 12


# ------------------------------------------------------------------ values
def _project(**values: str) -> dict | str:
    base = dict(zip(HEADER, ROWS[0]))
    base.update(values)
    return project_record(base)


def test_a_project_row_becomes_a_record_with_the_documented_keys():
    rec = _project(**{"nazev_projektu_anglicky": "Municipalities in circles", "klicova_slova_anglicky":
                      "circular economy; municipality;  waste ", "hlavni_prijemce": "ico:216208",
                      "nazev_organizace": "ECO trend Research centre s.r.o.", "zeme_sidla": "cz",
                      "statni_podpora_na_dobu_reseni": "1 000 000", "posledni_stav_projektu": "ukončený",
                      "rok_ukonceni": "2020", "datum_ukonceni": "31.12.2020"})
    assert rec == {
        "project_code": "TL01000217", "provider": "TA0", "programme_code": "TL",
        "title": "Obce v kruhu cirkulární ekonomiky", "title_en": "Municipalities in circles",
        "goals": "Cílem je ověřit nástroje pro obce.", "goals_en": None,
        "keywords": ["circular economy", "municipality", "waste"],
        "started_on": "2018-03-01", "ended_on": "2020-12-31", "start_year": 2018, "end_year": 2020,
        "total_cost_czk": 1234567, "state_support_czk": 1000000, "foreign_support_czk": None,
        "recipient_key": "ico:216208", "recipient_name": "ECO trend Research centre s.r.o.",
        "recipient_ico": "00216208", "recipient_country": "CZ", "status": "ukončený",
        "url": "https://www.isvavai.cz/cep?s=jednoduche-vyhledavani&ss=detail&n=0&h=TL01000217",
    }


def test_the_project_code_is_required_and_must_look_like_one():
    assert _project(kod_projektu="  ") == "kod_projektu is empty"
    assert "does not look like a project code" in _project(kod_projektu="Cílem projektu je")


@pytest.mark.parametrize("raw, padded", [("1", "00000001"), ("216208", "00216208"), ("61989592", "61989592"),
                                         (" 0021 6208 ", "00216208"), ("ico:216208", "00216208"), ("", None),
                                         ("0", None)])
def test_ico_is_zero_padded_to_eight_digits(raw, padded):
    assert pad_ico(raw) == padded


@pytest.mark.parametrize("raw", ["CZ61989592", "123456789", "61-98", "ico:abc"])
def test_an_ico_that_is_not_1_to_8_digits_is_rejected_with_the_column_named(raw):
    with pytest.raises(ValueError):
        pad_ico(raw)
    reason = _project(ico=raw)
    assert isinstance(reason, str) and reason.startswith("ico:")


def test_a_foreign_recipient_may_have_a_non_numeric_identifier():
    rec = _project(ico="DE811115368", zeme_sidla="DE")
    assert rec["recipient_ico"] is None and rec["recipient_country"] == "DE"


def test_the_ico_comes_from_the_recipient_key_when_the_ico_column_is_empty():
    assert _project(ico="", hlavni_prijemce="ico:49777513")["recipient_ico"] == "49777513"


@pytest.mark.parametrize("raw, iso", [("2021-03-01", "2021-03-01"), ("1.3.2021", "2021-03-01"),
                                      ("01. 03. 2021", "2021-03-01"), ("2021-03-01 00:00:00", "2021-03-01"),
                                      ("2021-03-01T00:00:00", "2021-03-01"), ("1.3.2021 0:00:00", "2021-03-01"),
                                      ("", None), ("  ", None)])
def test_dates_in_iso_czech_and_timestamp_forms_become_iso(raw, iso):
    assert parse_date(raw) == iso


@pytest.mark.parametrize("raw", ["31.2.2021", "2021/03/01", "březen 2021", "TA0"])
def test_anything_else_in_a_date_column_rejects_the_row(raw):
    assert _project(datum_zahajeni=raw).startswith("datum_zahajeni:")


def test_missing_dates_are_none_and_the_years_come_from_the_year_columns():
    rec = _project(datum_zahajeni="", datum_ukonceni="", rok_zahajeni="2015", rok_ukonceni="2017")
    assert (rec["started_on"], rec["ended_on"], rec["start_year"], rec["end_year"]) == (None, None, 2015, 2017)


def test_a_missing_year_falls_back_to_the_date():
    rec = _project(rok_zahajeni="", datum_zahajeni="1.4.2016", rok_ukonceni="", datum_ukonceni="")
    assert (rec["start_year"], rec["end_year"]) == (2016, None)


@pytest.mark.parametrize("raw, czk", [("1234567", 1234567), ("1 234 567", 1234567), ("1234567,50", 1234568),
                                      ("1 234 567.00", 1234567), ("1\u00a0234\u00a0567", 1234567),
                                      ("1.234.567", 1234567), ("1,234,567", 1234567), ("1.234.567,49", 1234567),
                                      ("0", 0), ("12,5", 13), ("", None)])
def test_money_forms_become_whole_czk(raw, czk):
    assert parse_czk(raw) == czk


@pytest.mark.parametrize("raw", ["12 34", "-5000", "1 234,5 Kč", "n/a", "1.2.3"])
def test_anything_else_in_a_money_column_rejects_the_row(raw):
    assert _project(celkove_naklady_na_dobu_reseni=raw).startswith("celkove_naklady_na_dobu_reseni:")


def test_the_detail_url_is_the_rows_own_link_or_the_documented_pattern():
    own = "https://www.isvavai.cz/cep?s=jednoduche-vyhledavani&ss=detail&n=0&h=GA20-01234S"
    assert _project(**{"odkaz_na_isvavai.cz": own})["url"] == own
    built = _project(kod_projektu="GA201/09/0723")["url"]
    assert built == "https://www.isvavai.cz/cep?s=jednoduche-vyhledavani&ss=detail&n=0&h=GA201%2F09%2F0723"


def test_a_participant_row_keeps_its_key_and_pads_the_ico_inside_it():
    rec = participant_record({"kod_projektu": "TL01000217", "poskytovatel": "TA0", "ucastnik": "ico:216208",
                              "nazev_ucastnika": "Univerzita Karlova", "zeme_sidla": "CZ",
                              "celkove_naklady_ucastnika_na_dobu_reseni": "2 000 000",
                              "statni_podpora_pro_ucastnika_na_dobu_reseni": "1500000,00",
                              "podpora_z_verejnych_zahranicnich_zdroju": "", "ror": "024d6js02"})
    assert rec == {"project_code": "TL01000217", "provider": "TA0", "participant_key": "ico:216208",
                   "participant_ico": "00216208", "participant_name": "Univerzita Karlova", "country": "CZ",
                   "cost_czk": 2000000, "support_czk": 1500000, "foreign_support_czk": None,
                   "ror": "https://ror.org/024d6js02"}


def test_a_participant_without_an_ico_key_has_no_ico_and_bad_money_rejects_the_row():
    rec = participant_record({"kod_projektu": "TL01000217", "ucastnik": "zahr:DE-42", "zeme_sidla": "DE"})
    assert rec["participant_ico"] is None and rec["participant_key"] == "zahr:DE-42"
    bad = participant_record({"kod_projektu": "TL01000217", "celkove_naklady_ucastnika_na_dobu_reseni": "???"})
    assert bad.startswith("celkove_naklady_ucastnika_na_dobu_reseni:")


# ------------------------------------------------------------------ streaming
def test_reading_200000_rows_keeps_peak_memory_under_300_mb():
    """~150 MB of CSV (as big as the real CEP-projekty.csv) read in a fresh process: it must truly stream."""
    code = textwrap.dedent('''
        from transforms.cep import Row, read_rows, project_record
        GOAL = "Cílem projektu je ověřit postupy, které obce využijí při správě dat; výstupem bude metodika. " * 7
        def chunks(n=200_000, size=1 << 20):
            buf = bytearray("kod_projektu,poskytovatel,nazev_projektu_originalni,cile_reseni_originalni,"
                            "rok_zahajeni,datum_zahajeni,ico,celkove_naklady_na_dobu_reseni\\r\\n".encode())
            for i in range(n):
                tail = "\\nDruhý odstavec s \\"\\"uvozovkami\\"\\", středníkem; a čárkou."
                goal = GOAL + (tail if i % 3 == 0 else "")
                buf += (f'TL{i:08d},TA0,"Název č. {i}, s čárkou","{goal}",2020,,{i % 99999},1 234 567\\r\\n').encode()
                if len(buf) >= size:
                    yield bytes(buf)
                    buf.clear()
            yield bytes(buf)
        rows = problems = records = 0
        for item in read_rows(chunks()):
            if isinstance(item, Row):
                rows += 1
                records += isinstance(project_record(item.values), dict)
            else:
                problems += 1
        # VmHWM: the peak of this process's own address space (ru_maxrss would carry the forking test process's)
        hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
        print(rows, problems, records, hwm // 1024)
    ''')
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    rows, problems, records, peak_mb = map(int, out.stdout.split())
    assert (rows, problems, records) == (200_000, 0, 200_000)
    assert peak_mb < 300, f"peak RSS {peak_mb} MB"
