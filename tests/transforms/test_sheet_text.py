"""Spreadsheets: XLSX (openpyxl), XLS (xlrd), ODS (zip + lxml)."""
import datetime as dt
import io
import zipfile

from transforms.extraction import extract
from transforms.sheet_text import cell_text, extract_ods, extract_xlsx

from .builders import corpus_files

CZECH_LETTERS = set("ěščřžýáíéůúťďňĚŠČŘŽÝÁÍÉŮÚ")


def make_xlsx(title: str | None = None, rows: int = 5) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rozpočet"
    ws.append(["Rozpočet obce Kněžice 2025"])
    ws.append([])
    ws.append(["Položka", "Částka", "Datum"])
    for i in range(rows):
        ws.append([f"Veřejné osvětlení {i}", 1500.0 + i, dt.date(2025, 1, i % 28 + 1)])
    ws2 = wb.create_sheet("Příjmy")
    ws2.append(["Daň z nemovitostí", 12000.5])
    if title:
        wb.properties.title = title
    wb.properties.creator = "Marie Dvořáková"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_generated_xlsx():
    r = extract(make_xlsx(), None, "rozpocet.xlsx")
    assert r.file_format == "xlsx" and r.extraction_status == "ok" and r.text_source == "text_layer"
    lines = r.text.split("\n")
    assert lines[0] == "[Rozpočet]" and "[Příjmy]" in lines
    assert "Položka\tČástka\tDatum" in lines
    assert "Veřejné osvětlení 0\t1500\t2025-01-01" in lines
    assert "Daň z nemovitostí\t12000.5" in lines
    assert "" not in lines[:4]  # empty rows skipped
    assert r.title == "Rozpočet obce Kněžice 2025" and r.meta["title_source"] == "first_cell"
    assert r.author == "Marie Dvořáková" and r.pages == 2


def test_xlsx_title_property_and_row_cap():
    r = extract_xlsx(make_xlsx(title="Rozpočet na rok 2025", rows=50), max_rows=10)
    assert r.title == "Rozpočet na rok 2025" and r.meta["title_source"] == "metadata"
    assert any(c["source"] == "first_cell" and c["text"] == "Rozpočet obce Kněžice 2025" for c in r.meta["title_candidates"])
    assert r.meta["rows"] == 10 and r.meta["truncated_rows"]


def test_xlsx_title_property_when_no_cell_names_the_document():
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Položka", "Částka"])
    wb.active.append(["Veřejné osvětlení", 1500])
    wb.properties.title = "Rozpočet na rok 2025"
    buf = io.BytesIO()
    wb.save(buf)
    r = extract_xlsx(buf.getvalue())
    assert r.title == "Rozpočet na rok 2025" and r.meta["title_source"] == "metadata"


def test_cell_text():
    assert cell_text(3.0) == "3" and cell_text(2.5) == "2.5" and cell_text(None) == ""
    assert cell_text(dt.datetime(2025, 3, 1)) == "2025-03-01"
    assert cell_text("  a \n b ") == "a b" and cell_text(True) == "TRUE"


def test_corrupt_xlsx_fails():
    data = make_xlsx()
    r = extract(data[: len(data) // 2], None, "x.xlsx")
    assert r.extraction_status == "failed"


def test_corpus_spreadsheets_give_czech_text():
    files = corpus_files({"xls", "xlsx"})
    assert {lab["format"] for _, lab in files} == {"xls", "xlsx"}
    for path, label in files:
        r = extract(path.read_bytes(), None, path.name)
        assert r.file_format == label["format"] and r.extraction_status == "ok", (path.name, r.extraction_error)
        assert r.text_source == "text_layer" and r.text_chars > 300
        assert len(CZECH_LETTERS & set(r.text)) >= 6 and "Blešno" in r.text
        assert r.title and r.title.split()[0].lower() in label["title"].lower()


def test_ods():
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet>'
        '<table:table table:name="List 1">'
        '<table:table-row><table:table-cell><text:p>Harmonogram svozu odpadu</text:p></table:table-cell></table:table-row>'
        '<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="5"/></table:table-row>'
        '<table:table-row><table:table-cell><text:p>Směsný</text:p></table:table-cell>'
        '<table:table-cell table:number-columns-repeated="2"/><table:table-cell><text:p>středa</text:p></table:table-cell>'
        '</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    r = extract(buf.getvalue(), None, "svoz.ods")
    assert r.file_format == "ods" and r.extraction_status == "ok"
    assert r.text.split("\n") == ["[List 1]", "Harmonogram svozu odpadu", "Směsný\t\t\tstředa"]
    assert r.title == "Harmonogram svozu odpadu"
    assert extract_ods(buf.getvalue()).pages == 1
