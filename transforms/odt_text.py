"""ODT: text of content.xml (paragraphs, headings, lists, tables) and meta.xml, with zipfile + lxml."""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from transforms.textnorm import ExtractionError, clean_text, one_line, plausible_title

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}
_T = "{%s}" % NS["text"]
_TB = "{%s}" % NS["table"]
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass
class OdtText:
    text: str
    title: str | None
    author: str | None
    pages: int | None
    meta: dict = field(default_factory=dict)


def _inline(el) -> str:
    """Text of a paragraph/heading: text:s = spaces, text:tab, text:line-break; notes skipped."""
    out = [el.text or ""]
    for ch in el:
        tag = ch.tag if isinstance(ch.tag, str) else ""
        if tag == _T + "s":
            out.append(" " * int(ch.get(_T + "c", "1") or 1))
        elif tag == _T + "tab":
            out.append("\t")
        elif tag == _T + "line-break":
            out.append("\n")
        elif tag in (_T + "note", _T + "bookmark-ref"):
            pass
        else:
            out.append(_inline(ch))
        out.append(ch.tail or "")
    return "".join(out)


def _walk(el, lines: list[str], headings: list[str]) -> None:
    for ch in el:
        tag = ch.tag if isinstance(ch.tag, str) else ""
        if tag in (_T + "p", _T + "h"):
            txt = _inline(ch)
            lines.append(txt)
            if tag == _T + "h" or "title" in (ch.get(_T + "style-name") or "").lower():
                if txt.strip():
                    headings.append(txt)
        elif tag == _TB + "table":
            for row in ch.iter(_TB + "table-row"):
                cells = []
                for cell in row.iterchildren(_TB + "table-cell"):
                    parts: list[str] = []
                    _walk(cell, parts, [])
                    cells.append(" ".join(" ".join(parts).split()))
                if any(cells):
                    lines.append("\t".join(cells).rstrip("\t"))
            lines.append("")
        else:
            _walk(ch, lines, headings)


def extract_odt(data: bytes, filename: str | None = None) -> OdtText:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            content = z.read("content.xml")
            meta_xml = z.read("meta.xml") if "meta.xml" in z.namelist() else None
    except (zipfile.BadZipFile, KeyError) as e:
        raise ExtractionError("corrupt_odt", str(e)) from None
    root = etree.fromstring(content, _PARSER)
    body = root.find("office:body/office:text", NS)
    lines: list[str] = []
    headings: list[str] = []
    if body is not None:
        _walk(body, lines, headings)
    text = clean_text("\n".join(lines))

    meta: dict = {}
    pages = None
    if meta_xml:
        m = etree.fromstring(meta_xml, _PARSER)
        get = lambda path: one_line(m.findtext(path, namespaces=NS))  # noqa: E731
        meta = {
            "meta_title": get("office:meta/dc:title"),
            "initial_creator": get("office:meta/meta:initial-creator"),
            "creator": get("office:meta/dc:creator"),
            "created": get("office:meta/meta:creation-date"),
            "modified": get("office:meta/dc:date"),
        }
        stat = m.find("office:meta/meta:document-statistic", NS)
        if stat is not None and (stat.get("{%s}page-count" % NS["meta"]) or "").isdigit():
            pages = int(stat.get("{%s}page-count" % NS["meta"]))
    if plausible_title(meta.get("meta_title"), filename):
        title, source = meta["meta_title"], "metadata"
    elif headings:
        title, source = one_line(headings[0]), "heading"
    else:
        first = next((one_line(ln) for ln in lines if one_line(ln) and len(one_line(ln)) <= 200), None)
        title, source = first, ("first_paragraph" if first else None)
    meta["title_source"] = source
    author = meta.get("initial_creator") or meta.get("creator")
    return OdtText(text=text, title=title, author=author, pages=pages, meta=meta)
