"""Office formats: DOCX (python-docx), RTF (hand-written, cp1250 escapes) and ODT (hand-written zip).

Zip members get a fixed timestamp so the same Content always gives the same bytes.
"""
from __future__ import annotations

import io
import zipfile
from datetime import datetime
from xml.sax.saxutils import escape

from .texts import Content

FIXED_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def _rezip(data: bytes, first: str | None = None) -> bytes:
    """Rewrite a zip with fixed member timestamps (python-docx stamps 'now')."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    if first and first in names:
        names.remove(first)
        names.insert(0, first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in names:
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def render_docx(content: Content, meta_title: str | None, author: str, published: str,
                summary_table: bool = True) -> bytes:
    """DOCX written by python-docx; the text runs in the PDF's order (org, place, title, cover, sections,
    table under "Přehled projektů"); `summary_table` adds a metadata table when there is no table."""
    from docx import Document

    doc = Document()
    cp = doc.core_properties
    cp.title = meta_title or ""
    cp.author = author
    cp.last_modified_by = author
    stamp = datetime.fromisoformat(published + "T09:00:00")
    cp.created = stamp
    cp.modified = stamp
    cp.revision = 1
    doc.add_paragraph(content.org_line)
    doc.add_paragraph(content.place_line)
    doc.add_heading(content.title, level=0)
    for line in content.cover_lines:
        doc.add_paragraph(line)
    for head, paras in content.sections:
        if head:
            doc.add_heading(head, level=1)
        for p in paras:
            doc.add_paragraph(p)
    if content.table:
        doc.add_heading("Přehled projektů", level=1)
    elif not summary_table:
        return _save_docx(doc)
    rows = content.table or (("Údaj", "Hodnota"), ("Název", content.title), ("Vydal", content.org_line),
                             *((f"Poznámka {i}", line) for i, line in enumerate(content.cover_lines, 1)))
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for col, value in enumerate(row):
            table.cell(r, col).text = value
    return _save_docx(doc)


def _save_docx(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return _rezip(buf.getvalue())


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                b = ch.encode("cp1250")
                out.append("".join(f"\\'{x:02x}" for x in b))
            except UnicodeEncodeError:
                out.append(f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?")
    return "".join(out)


def render_rtf(content: Content, meta_title: str | None, author: str) -> bytes:
    """RTF as old office suites wrote it: ANSI code page 1250, non-ASCII as \\'xx escapes."""
    parts = ["{\\rtf1\\ansi\\ansicpg1250\\deff0",
             "{\\fonttbl{\\f0\\fswiss\\fcharset238 Arial;}}",
             "{\\info{\\title " + _rtf_escape(meta_title or content.title) + "}{\\author " + _rtf_escape(author) + "}}",
             "\\viewkind4\\uc1\\pard\\f0\\fs22 " + _rtf_escape(content.org_line) + "\\par",
             "\\pard\\qc\\b\\fs40 " + _rtf_escape(content.title) + "\\b0\\fs22\\par\\pard"]
    for line in content.cover_lines:
        parts.append(_rtf_escape(line) + "\\par")
    for head, paras in content.sections:
        if head:
            parts.append("\\b\\fs26 " + _rtf_escape(head) + "\\b0\\fs22\\par")
        for p in paras:
            parts.append(_rtf_escape(p) + "\\par")
    parts.append("}")
    return "\r\n".join(parts).encode("ascii")


ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""

ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"')


def render_odt(content: Content, meta_title: str | None, author: str, published: str) -> bytes:
    """Minimal valid ODT: mimetype stored first, manifest, content.xml, meta.xml."""
    body = [f"<text:p>{escape(content.org_line)}</text:p>",
            f'<text:h text:outline-level="1">{escape(content.title)}</text:h>']
    body += [f"<text:p>{escape(line)}</text:p>" for line in content.cover_lines]
    for head, paras in content.sections:
        if head:
            body.append(f'<text:h text:outline-level="2">{escape(head)}</text:h>')
        body += [f"<text:p>{escape(p)}</text:p>" for p in paras]
    if content.table:
        body.append('<table:table table:name="Tabulka1">')
        body.append(f'<table:table-column table:number-columns-repeated="{len(content.table[0])}"/>')
        for row in content.table:
            cells = "".join(f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p>'
                            f"</table:table-cell>" for v in row)
            body.append(f"<table:table-row>{cells}</table:table-row>")
        body.append("</table:table>")
    content_xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODT_NS}>'
                   f"<office:body><office:text>{''.join(body)}</office:text></office:body>"
                   f"</office:document-content>")
    meta_xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {ODT_NS}><office:meta>'
                f"<dc:title>{escape(meta_title or '')}</dc:title><meta:initial-creator>{escape(author)}"
                f"</meta:initial-creator><dc:date>{published}T09:00:00</dc:date>"
                f"<meta:generator>LibreOffice/7.3</meta:generator></office:meta></office:document-meta>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in (("mimetype", "application/vnd.oasis.opendocument.text"),
                           ("META-INF/manifest.xml", ODT_MANIFEST), ("content.xml", content_xml),
                           ("meta.xml", meta_xml)):
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))
    return buf.getvalue()
