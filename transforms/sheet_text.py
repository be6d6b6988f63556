"""Spreadsheets (XLSX via openpyxl, XLS via xlrd, ODS via zipfile + lxml) -> text.

Every sheet gives a line with its name, then one line per non-empty row: the cell values
(whitespace collapsed, whole floats without '.0', dates ISO) joined by tabs, trailing empty
cells dropped. At most MAX_ROWS rows per workbook and MAX_COLS columns per row are read
(budget tables can have a million formatted-but-empty rows).
Title: candidates from the text cells of the first rows of the first sheet and the workbook title
property, chosen by transforms.title.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field

from transforms.textnorm import ExtractionError, clean_text, one_line
from transforms.title import line_candidates, metadata_candidate, title_from

MAX_ROWS = 20_000
MAX_COLS = 200
MAX_CELL_CHARS = 2_000
TITLE_ROWS = 12  # rows of the first sheet whose text cells are title candidates...
TITLE_CELLS = 12  # ...at most this many cells


@dataclass
class SheetText:
    text: str
    title: str | None
    author: str | None
    pages: int | None  # number of sheets
    meta: dict = field(default_factory=dict)


def cell_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            return ""
        if v.is_integer() and abs(v) < 1e15:
            return str(int(v))
        return repr(round(v, 10))
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    s = " ".join(str(v).split())
    return s[:MAX_CELL_CHARS]


class _Builder:
    def __init__(self, max_rows: int) -> None:
        self.lines: list[str] = []
        self.rows = 0
        self.max_rows = max_rows
        self.truncated = False
        self.first_cells: list[str] = []  # text cells of the first rows of the first sheet (title candidates)
        self.sheets: list[str] = []

    @property
    def full(self) -> bool:
        return self.rows >= self.max_rows

    def sheet(self, name: str) -> None:
        if self.lines:
            self.lines.append("")
        self.lines.append(f"[{name}]" if name else "[list]")
        self.sheets.append(name)

    def row(self, values) -> None:
        cells = [cell_text(v) for v in list(values)[:MAX_COLS]]
        while cells and not cells[-1]:
            cells.pop()
        if not any(cells):
            return
        if self.full:
            self.truncated = True
            return
        self.rows += 1
        if len(self.sheets) == 1 and len(self.first_cells) < TITLE_CELLS and self.rows <= TITLE_ROWS:
            self.first_cells.extend(c for c in cells if sum(ch.isalpha() for ch in c) >= 3)
            del self.first_cells[TITLE_CELLS:]
        self.lines.append("\t".join(cells))

    def result(self, title: str | None, author: str | None, filename: str | None, meta: dict) -> SheetText:
        text = clean_text("\n".join(self.lines))
        cands = line_candidates([{"text": c} for c in self.first_cells], "first_cell", max_lines=TITLE_CELLS)
        cands += metadata_candidate(title, text[:20000])
        title, title_meta = title_from(cands, filename)
        meta.update({"sheets": self.sheets, "rows": self.rows, **title_meta})
        if self.truncated:
            meta["truncated_rows"] = True
        return SheetText(text=text, title=one_line(title, 200), author=one_line(author), pages=len(self.sheets),
                         meta=meta)


def extract_xlsx(data: bytes, filename: str | None = None, max_rows: int = MAX_ROWS) -> SheetText:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - BadZipFile, KeyError, InvalidFileException, XML errors
        raise ExtractionError("corrupt_xlsx", f"{type(e).__name__}: {e}"[:300]) from None
    b = _Builder(max_rows)
    try:
        for ws in wb.worksheets:
            b.sheet(ws.title)
            if b.full:
                b.truncated = True
                continue
            for row in ws.iter_rows(values_only=True, max_col=MAX_COLS):
                b.row(row)
                if b.truncated:
                    break
        props = wb.properties
        title, author = props.title, props.creator
    finally:
        wb.close()
    return b.result(title, author, filename, {})


def extract_xls(data: bytes, filename: str | None = None, max_rows: int = MAX_ROWS) -> SheetText:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO())
    except Exception as e:  # noqa: BLE001 - XLRDError, CompDocError, struct errors
        raise ExtractionError("corrupt_xls", f"{type(e).__name__}: {e}"[:300]) from None
    b = _Builder(max_rows)
    try:
        for si in range(book.nsheets):
            sh = book.sheet_by_index(si)
            b.sheet(sh.name)
            for r in range(sh.nrows):
                if b.truncated:
                    break
                vals = []
                for c, cell in enumerate(sh.row(r)[:MAX_COLS]):
                    v = cell.value
                    if cell.ctype == xlrd.XL_CELL_DATE:
                        try:
                            v = xlrd.xldate.xldate_as_datetime(v, book.datemode)
                        except Exception:  # noqa: BLE001 - keep the number
                            pass
                    elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                        v = bool(v)
                    elif cell.ctype == xlrd.XL_CELL_ERROR:
                        v = None
                    vals.append(v)
                b.row(vals)
            book.unload_sheet(si)
        author = getattr(book, "user_name", None)  # last saved by; XLS has no title in xlrd
    finally:
        book.release_resources()
    return b.result(None, author, filename, {"xls_last_author": author} if author else {})


_ODS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}


def _q(prefix: str, name: str) -> str:
    return f"{{{_ODS[prefix]}}}{name}"


def extract_ods(data: bytes, filename: str | None = None, max_rows: int = MAX_ROWS) -> SheetText:
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            content = z.read("content.xml")
            meta_xml = z.read("meta.xml") if "meta.xml" in z.namelist() else None
    except Exception as e:  # noqa: BLE001
        raise ExtractionError("corrupt_ods", f"{type(e).__name__}: {e}"[:300]) from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as e:
        raise ExtractionError("corrupt_ods", f"content.xml: {e}"[:300]) from None
    b = _Builder(max_rows)
    rep_cols, rep_rows = _q("table", "number-columns-repeated"), _q("table", "number-rows-repeated")
    for table in root.iter(_q("table", "table")):
        b.sheet(table.get(_q("table", "name")) or "")
        for row in table.iter(_q("table", "table-row")):
            if b.truncated:
                break
            vals: list[str] = []
            for cell in row:
                if cell.tag not in (_q("table", "table-cell"), _q("table", "covered-table-cell")):
                    continue
                paras = ["".join(p.itertext()) for p in cell.iter(_q("text", "p"))]
                v = " ".join(" ".join(paras).split())
                n = min(int(cell.get(rep_cols, "1") or 1), MAX_COLS)
                vals.extend([v] * n)
                if len(vals) >= MAX_COLS:
                    break
            if any(vals):
                for _ in range(min(int(row.get(rep_rows, "1") or 1), 1000)):
                    b.row(vals)
    title = author = None
    if meta_xml:
        try:
            m = etree.fromstring(meta_xml, parser)
            title = m.findtext(f".//{_q('dc', 'title')}")
            author = m.findtext(f".//{_q('meta', 'initial-creator')}") or m.findtext(f".//{_q('dc', 'creator')}")
        except etree.XMLSyntaxError:
            pass
    return b.result(title, author, filename, {})
