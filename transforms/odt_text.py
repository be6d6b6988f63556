"""ODT: text of content.xml (paragraphs, headings, lists, tables) and meta.xml, with zipfile + lxml."""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from transforms.textnorm import ExtractionError, clean_text, one_line
from transforms.title import line_candidates, metadata_candidate, title_from

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
_ST = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
TITLE_LINES = 40


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


def _styles(*roots) -> dict[str, dict]:
    """Paragraph styles of content.xml / styles.xml: name -> {size, bold, parent}."""
    out: dict[str, dict] = {}
    for root in roots:
        if root is None:
            continue
        for st in root.iter(_ST + "style"):
            name = st.get(_ST + "name")
            if not name:
                continue
            d = {"parent": st.get(_ST + "parent-style-name"), "display": st.get(_ST + "display-name") or name}
            tp = st.find(_ST + "text-properties")
            if tp is not None:
                size = tp.get(_FO + "font-size") or ""
                if size.endswith("pt"):
                    try:
                        d["size"] = float(size[:-2])
                    except ValueError:
                        pass
                if tp.get(_FO + "font-weight") in ("bold", "600", "700", "800", "900"):
                    d["bold"] = True
            out[name] = d
    return out


def _style_fact(styles: dict[str, dict], name: str | None, key: str):
    seen = 0
    while name and name in styles and seen < 10:
        if key in styles[name]:
            return styles[name][key]
        name = styles[name].get("parent")
        seen += 1
    return None


def _walk(el, lines: list[str], headings: list[str], title_lines: list[dict] | None = None,
          styles: dict | None = None) -> None:
    for ch in el:
        tag = ch.tag if isinstance(ch.tag, str) else ""
        if tag in (_T + "p", _T + "h"):
            txt = _inline(ch)
            lines.append(txt)
            style = ch.get(_T + "style-name") or ""
            if tag == _T + "h" or "title" in style.lower():
                if txt.strip():
                    headings.append(txt)
            if title_lines is not None and txt.strip() and len(title_lines) < TITLE_LINES:
                st = styles or {}
                line: dict = {"text": txt}
                names = [style]
                while names[-1] in st and st[names[-1]].get("parent") and len(names) < 10:
                    names.append(st[names[-1]]["parent"])
                shown = [st.get(n, {}).get("display", n) for n in names]
                if tag == _T + "h" or any(re.match(r"(title|heading|nadpis|název|titul)", x or "", re.I) for x in shown):
                    line["style"] = next((x for x in shown if re.match(r"(title|heading|nadpis|název|titul)", x or "", re.I)),
                                         "Heading")
                    lvl = ch.get(_T + "outline-level")
                    if lvl and lvl.isdigit():
                        line["level"] = int(lvl)
                size = _style_fact(st, style, "size")
                if size:
                    line["size"] = size
                line["bold"] = bool(_style_fact(st, style, "bold"))
                title_lines.append(line)
        elif tag == _TB + "table":
            for row in ch.iter(_TB + "table-row"):
                cells = []
                for cell in row.iterchildren(_TB + "table-cell"):
                    parts: list[str] = []
                    _walk(cell, parts, [])
                    cells.append(" ".join(" ".join(parts).split()))
                if any(cells):
                    lines.append("\t".join(cells).rstrip("\t"))
                    if title_lines is not None and len(title_lines) < TITLE_LINES:
                        title_lines.append({"text": "\t".join(cells).rstrip("\t"), "table": True})
            lines.append("")
        else:
            _walk(ch, lines, headings, title_lines, styles)


def extract_odt(data: bytes, filename: str | None = None) -> OdtText:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            content = z.read("content.xml")
            meta_xml = z.read("meta.xml") if "meta.xml" in z.namelist() else None
            styles_xml = z.read("styles.xml") if "styles.xml" in z.namelist() else None
    except (zipfile.BadZipFile, KeyError) as e:
        raise ExtractionError("corrupt_odt", str(e)) from None
    root = etree.fromstring(content, _PARSER)
    body = root.find("office:body/office:text", NS)
    lines: list[str] = []
    headings: list[str] = []
    title_lines: list[dict] = []
    styles_root = None
    if styles_xml:
        try:
            styles_root = etree.fromstring(styles_xml, _PARSER)
        except etree.XMLSyntaxError:
            styles_root = None
    if body is not None:
        _walk(body, lines, headings, title_lines, _styles(styles_root, root))
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
    sizes = sorted(s for ln in title_lines if ln.get("size") for s in [ln["size"]] * len(ln["text"]))
    body_size = sizes[len(sizes) // 2] if sizes else None
    cands = [c if not c.facts.get("style") else type(c)(c.text, "heading_style", c.rank, c.facts)
             for c in line_candidates(title_lines, "first_line", max_lines=TITLE_LINES, body_size=body_size)]
    cands += metadata_candidate(meta.get("meta_title"), text[:20000])
    title, title_meta = title_from(cands, filename)
    meta.update(title_meta)
    author = meta.get("initial_creator") or meta.get("creator")
    return OdtText(text=text, title=title, author=author, pages=pages, meta=meta)
