"""DOCX: body paragraphs and tables in document order (python-docx), core properties, title."""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from transforms.textnorm import ExtractionError, clean_text, one_line, plausible_title

_TITLE_STYLE = re.compile(r"^(title|název|nadpis|heading|subtitle)", re.I)


@dataclass
class DocxText:
    text: str
    title: str | None
    author: str | None
    pages: int | None
    meta: dict = field(default_factory=dict)


def _app_pages(data: bytes) -> int | None:
    """Page count Word saved in docProps/app.xml (absent when another tool wrote the file)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            root = etree.fromstring(z.read("docProps/app.xml"))
        for el in root.iter():
            if isinstance(el.tag, str) and el.tag.endswith("}Pages") and (el.text or "").strip().isdigit():
                return int(el.text.strip())
    except Exception:  # noqa: BLE001 - optional
        return None
    return None


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # horizontally merged cells repeat
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def extract_docx(data: bytes, filename: str | None = None) -> DocxText:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - BadZipFile, PackageNotFoundError, KeyError, XMLSyntaxError
        raise ExtractionError("corrupt_docx", f"{type(e).__name__}: {e}") from None

    blocks: list[str] = []
    heading: str | None = None
    first_short: str | None = None
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            txt = para.text
            blocks.append(txt)
            line = one_line(txt)
            if not line:
                continue
            style = ""
            try:
                style = para.style.name if para.style is not None else ""
            except Exception:  # noqa: BLE001 - broken style references
                style = ""
            if heading is None and _TITLE_STYLE.match(style or ""):
                heading = line
            if first_short is None and len(line) <= 200 and sum(c.isalpha() for c in line) >= 3:
                first_short = line
        elif tag == "tbl":
            blocks.extend(_table_lines(Table(child, document)))
            blocks.append("")
    text = clean_text("\n".join(blocks))

    cp = document.core_properties
    meta = {
        "core_title": one_line(cp.title),
        "core_author": one_line(cp.author),
        "created": cp.created.isoformat() if cp.created else None,
        "modified": cp.modified.isoformat() if cp.modified else None,
        "last_modified_by": one_line(cp.last_modified_by),
    }
    if plausible_title(cp.title, filename):
        title, source = one_line(cp.title), "core_properties"
    elif heading:
        title, source = heading, "heading_style"
    else:
        title, source = first_short, ("first_paragraph" if first_short else None)
    meta["title_source"] = source
    return DocxText(text=text, title=title, author=one_line(cp.author), pages=_app_pages(data), meta=meta)
