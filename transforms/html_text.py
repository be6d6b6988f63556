"""HTML: main text with trafilatura (deterministic, offline), title from <h1>/<title> (transforms.title), charset-aware.

Charset order: BOM, then the Content-Type charset, then <meta charset>/<meta http-equiv>, then UTF-8,
then cp1250. A header claiming ISO-8859-1/ASCII (a common server default) loses to a <meta> naming
another charset, and a header charset that fails to decode falls through to the next candidate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from transforms.textnorm import clean_text, one_line
from transforms.title import TitleCandidate, title_from

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.I)
_WEAK = {"iso8859-1", "ascii", "cp1252"}  # codecs.lookup() names
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "iframe")


@dataclass
class HtmlText:
    text: str
    title: str | None
    meta: dict = field(default_factory=dict)


def _norm(enc: str | None) -> str | None:
    import codecs

    if not enc:
        return None
    enc = enc.strip().strip("\"'").lower()
    if enc in ("windows-1250", "win-1250", "x-cp1250"):
        enc = "cp1250"
    try:
        return codecs.lookup(enc).name
    except LookupError:
        return None


def decode_html(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(text, encoding used)."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    m = _HEADER_CHARSET.search(content_type or "")
    header = _norm(m.group(1)) if m else None
    m = _META_CHARSET.search(data[:4096])
    meta = _norm(m.group(1).decode("ascii", "ignore")) if m else None
    if header and meta and header != meta and header in _WEAK:
        order = [meta, header]  # "ISO-8859-1" is a server default; the page knows better
    else:
        order = [e for e in (header, meta) if e]
    order += ["utf-8", "cp1250"]
    for enc in order:
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("cp1250", errors="replace"), "cp1250"


def _lxml_fallback(tree) -> str:
    body = tree.find(".//body")
    root = body if body is not None else tree
    for bad in root.xpath("|".join(f".//{t}" for t in _DROP_TAGS)):
        if bad.getparent() is not None:
            bad.getparent().remove(bad)
    parts = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article"):
            parts.append("\n")
        elif el.tag in ("td", "th"):
            parts.append("\t")
        if el.text:
            parts.append(el.text)
        if el.tail:
            parts.append(el.tail)
    return "".join(parts)


# Where CMSs put the page's own content (Vismo's #hlobsah, HTML5 main/article, common ids); menus and footers
# outside it are not the document's text.
MAIN_CONTAINERS = ("//*[@id='hlobsah']", "//main", "//*[@role='main']", "//article", "//*[@id='content']",
                   "//*[@id='obsah']")


def _main_container(tree):
    for xpath in MAIN_CONTAINERS:
        found = tree.xpath(xpath)
        if found and len(found[0].text_content().split()) >= 3:
            return found[0]
    return None


def extract_html(data: bytes, content_type: str | None = None, url: str | None = None) -> HtmlText:
    import lxml.html
    import trafilatura
    from trafilatura.settings import use_config

    text_in, encoding = decode_html(data, content_type)
    meta: dict = {"encoding": encoding}
    tree = None
    try:
        tree = lxml.html.fromstring(text_in.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except Exception:  # noqa: BLE001 - trafilatura gets its chance on the string
        tree = None
    page_title = h1 = None
    main_html = None
    if tree is not None:
        page_title = one_line(tree.findtext(".//title"))
        h1s = tree.xpath("//h1")
        h1 = one_line(h1s[0].text_content()) if h1s else None
        container = _main_container(tree)
        if container is not None:
            meta["main_container"] = container.get("id") or container.tag
            heads = container.xpath(".//h1|.//h2")  # the content's own heading beats the site name in a header h1
            if heads:
                h1 = one_line(heads[0].text_content())
            main_html = lxml.html.tostring(container, encoding="unicode")
            tree = container
    meta["html_title"], meta["h1"] = page_title, h1

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal-based timeout inside workers
    main = None
    try:
        main = trafilatura.extract(
            main_html or text_in, url=url, include_comments=False, include_tables=True, include_images=False,
            include_links=False, deduplicate=False, with_metadata=False, output_format="txt", config=config,
        )
    except Exception as e:  # noqa: BLE001
        meta["trafilatura_error"] = f"{type(e).__name__}: {e}"[:300]
    if main and main.strip():
        meta["method"] = "trafilatura"
        text = main
    else:
        meta["method"] = "lxml"
        text = _lxml_fallback(tree) if tree is not None else ""
    cands: list[TitleCandidate] = []
    if h1 and len(h1) <= 300:
        cands.append(TitleCandidate(h1, "html_h1"))
    if page_title:
        cands.append(TitleCandidate(page_title, "html_title"))
        parts = [p.strip() for p in re.split(r"\s+[|–—-]\s+", page_title) if p.strip()]
        if len(parts) > 1:  # "Oznámení o … | Obec Kněžice": the page's own name, then the site's
            cands.append(TitleCandidate(parts[0], "html_title", 1))
    title, title_meta = title_from(cands)
    meta.update(title_meta)
    return HtmlText(text=clean_text(text), title=title, meta=meta)
