"""DOCX: body paragraphs and tables in document order (python-docx), core properties, title candidates
(the first paragraphs with their style, font size and bold; the core title) chosen by transforms.title."""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from transforms.textnorm import ExtractionError, clean_text, one_line
from transforms.title import TitleCandidate, line_candidates, metadata_candidate, title_from

_TITLE_STYLE = re.compile(r"^(title|název|nadpis|heading|subtitle|titul)", re.I)
TITLE_LINES = 40  # paragraphs and table rows from the top that may hold the title


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


def _style_font(style, attr: str):
    """A font attribute (size, bold) of a paragraph style, following its base styles."""
    seen = 0
    while style is not None and seen < 10:
        try:
            v = getattr(style.font, attr)
        except Exception:  # noqa: BLE001
            v = None
        if v is not None:
            return v
        style = getattr(style, "base_style", None)
        seen += 1
    return None


def _default_size(document) -> float | None:
    try:
        vals = document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:sz/@w:val")
        return int(vals[0]) / 2 if vals else None
    except Exception:  # noqa: BLE001
        return None


def _para_line(para, text: str, default_size: float | None) -> dict:
    """A paragraph as a title line: text, style name, heading level, font size (runs, else the style
    chain, else the document default) and bold (every run with text)."""
    style_name = ""
    style = None
    try:
        style = para.style
        style_name = style.name if style is not None else ""
    except Exception:  # noqa: BLE001 - broken style references
        style = None
    line: dict = {"text": text}
    if style_name and _TITLE_STYLE.match(style_name):
        line["style"] = style_name
        m = re.search(r"(\d)\s*$", style_name)
        if m:
            line["level"] = int(m.group(1))
    runs = [r for r in para.runs if r.text.strip()]
    sizes = [r.font.size.pt for r in runs if r.font.size is not None]
    style_size = _style_font(style, "size")
    size = max(sizes) if sizes else (style_size.pt if style_size is not None else default_size)
    if size:
        line["size"] = round(float(size), 1)
    style_bold = bool(_style_font(style, "bold"))
    if runs:
        line["bold"] = all((r.bold if r.bold is not None else style_bold) for r in runs)
    return line


def extract_docx(data: bytes, filename: str | None = None) -> DocxText:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - BadZipFile, PackageNotFoundError, KeyError, XMLSyntaxError
        raise ExtractionError("corrupt_docx", f"{type(e).__name__}: {e}") from None

    blocks: list[str] = []
    lines: list[dict] = []  # the first paragraphs and table rows, for the title
    default_size = _default_size(document)
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            txt = para.text
            blocks.append(txt)
            if len(lines) < TITLE_LINES and txt.strip():
                lines.append(_para_line(para, txt, default_size))
        elif tag == "tbl":
            rows = _table_lines(Table(child, document))
            blocks.extend(rows)
            blocks.append("")
            for row in rows:
                if len(lines) < TITLE_LINES:
                    lines.append({"text": row, "table": True})
    text = clean_text("\n".join(blocks))

    cp = document.core_properties
    meta = {
        "core_title": one_line(cp.title),
        "core_author": one_line(cp.author),
        "created": cp.created.isoformat() if cp.created else None,
        "modified": cp.modified.isoformat() if cp.modified else None,
        "last_modified_by": one_line(cp.last_modified_by),
    }
    sizes = sorted(s for ln in lines if ln.get("size") for s in [ln["size"]] * len(ln["text"]))
    body_size = sizes[len(sizes) // 2] if sizes else None
    cands = [TitleCandidate(c.text, "heading_style" if c.facts.get("style") else c.source, c.rank, c.facts)
             for c in line_candidates(lines, "first_line", max_lines=TITLE_LINES, body_size=body_size)]
    cands += metadata_candidate(cp.title, text[:20000])
    title, title_meta = title_from(cands, filename)
    meta.update(title_meta)
    return DocxText(text=text, title=title, author=one_line(cp.author), pages=_app_pages(data), meta=meta)
