"""Labelled fields of a record page (a portal's detail page whose markup is not known in advance).

`find_fields(html, labels) -> (fields, tree)`: every field a page labels, whatever markup carries it: <dt>/<dd>, a
table row (<th> or <td> label, <td> value), a heading followed by its content (up to the next heading), a label
element followed by a value element (<div>Gestor</div><div>…</div>), a bold/span label with a colon and the value
after it (<p><strong>Gestor:</strong> Obec X</p>) or a plain "Gestor: Obec X" line; labels outside <nav>/<footer>.
Labels are compared accent- and case-insensitively with each field's synonyms (`Labels`); a longer label starting
with a multi-word or long synonym counts ("Datum schválení zastupitelstvem"). Pure functions; never raise.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urljoin

import lxml.etree
import lxml.html

_SKIP_ANCESTORS = frozenset({"nav", "footer", "script", "style", "head"})
# an element holding one of these is a container, never a label ("<tr><th>Gestor</th><td>…</td></tr>")
_BLOCKS = frozenset({"p", "div", "td", "th", "tr", "table", "tbody", "thead", "dl", "dt", "dd", "ul", "ol", "li",
                     "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "form", "fieldset"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_LABEL_MAX = 60
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
URL = re.compile(r"https?://[^\s<>\"']+")
EMPTY = frozenset({"", "-", "–", "—", "neuvedeno", "neni uvedeno", "nezadano", "n/a", "bez udaje",
                   "plny text neni k dispozici", "neni k dispozici"})


@dataclass
class Value:
    """A field's value as found: its text, the links and list items inside it."""

    text: str
    links: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


def fold(text: str) -> str:
    """Accent-free, lower-case, single-spaced text (labels and keywords are compared this way)."""
    plain = unicodedata.normalize("NFKD", text.translate(_DASHES)).encode("ascii", "ignore").decode().casefold()
    return " ".join(plain.split())


def clean(text: str | None) -> str:
    return " ".join((text or "").split())


class Labels:
    """The fields of one kind of record page and the labels (folded synonyms) each goes by."""

    def __init__(self, synonyms: dict[str, tuple[str, ...]]):
        self.synonyms = sorted(((syn, fld) for fld, syns in synonyms.items() for syn in syns), key=lambda p: -len(p[0]))

    def field(self, label: str, exact: bool = False) -> str | None:
        """The record field a label names ("Datum schválení:" -> approved_on), or None."""
        key = fold(label).strip(" *")
        key = key[:-1].strip() if key.endswith(":") else key
        if not key or len(key) > _LABEL_MAX or ":" in key:  # "Gestor: Obec X" is a label with its value
            return None
        for syn, fld in self.synonyms:
            if key == syn:
                return fld
        if exact:
            return None
        for syn, fld in self.synonyms:  # longest synonym first; short one-word ones ("obec", "kraj") only exactly,
            if (" " in syn or len(syn) >= 8) and key.startswith(syn + " "):  # else "Obec Lhota" would be a label
                return fld
        return None


def skipped(el) -> bool:
    return any(a.tag in _SKIP_ANCESTORS for a in el.iterancestors() if isinstance(a.tag, str))


def text_of(el) -> str:
    """Text of an element with a space between block elements ("<p>A.</p><p>B.</p>" -> "A. B.")."""
    parts = [el.text or ""] if isinstance(el.tag, str) else []
    for child in el:
        if isinstance(child.tag, str):
            inner = text_of(child)
            parts.append(f" {inner} " if child.tag in _BLOCKS or child.tag == "br" else inner)
        parts.append(child.tail or "")
    return "".join(parts)


def paragraphs_of(el) -> list[str]:
    """The paragraphs of an element: its own <p> when it is one, else its child blocks' text in order (text outside
    them too), else its whole text; how the line breaks of a long text survive."""
    whole = clean(text_of(el))
    if el.tag == "p" or not any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el):
        return [whole] if whole else []
    parts = [clean(el.text)]
    for child in el:
        if isinstance(child.tag, str):
            parts += paragraphs_of(child) if child.tag in _BLOCKS else [clean(text_of(child))]
        parts.append(clean(child.tail))
    return [p for p in parts if p]


def _value_of(el) -> Value:
    return Value(clean(text_of(el)), [a.get("href") for a in el.iter("a") if a.get("href")],
                 [clean(text_of(li)) for li in el.iter("li")])


def _value_after(label_el) -> Value:
    """The inline value after a label element: its tail and the following siblings (<strong>X:</strong> value)."""
    parts, links, items = [label_el.tail or ""], [], []
    for sib in label_el.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        v = _value_of(sib)
        parts.append(f" {v.text} {sib.tail or ''}")
        links += ([sib.get("href")] if sib.tag == "a" and sib.get("href") else []) + v.links
        items += v.items
    return Value(clean(" ".join(parts)), links, items)


def _section_after(heading, labels: "Labels") -> Value:
    """The content after a heading, up to the next heading or the next element that is (or holds) another field's
    label: paragraphs joined by line breaks."""
    texts, links, items = [], [], []
    for sib in heading.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        if sib.tag in _HEADINGS or sib.tag == "h1" or _holds_label(sib, labels):
            break
        v = _value_of(sib)
        texts.append("\n".join(paragraphs_of(sib)))
        links += v.links
        items += v.items
    return Value("\n".join(t for t in texts if t), links, items)


def _holds_label(el, labels: "Labels") -> bool:
    """The element is, or contains, a label of a field (<dl>, a <p><strong>Gestor:</strong> …)."""
    return any(isinstance(x.tag, str) and x.tag in ("dt", "th", "strong", "b", "label", "span")
               and labels.field(clean(text_of(x)), exact=True) for x in el.iter())


def _next_element(el):
    return next((s for s in el.itersiblings() if isinstance(s.tag, str)), None)


def _pair(el, labels: Labels) -> tuple[str, Value] | None:
    """(field, value) when `el` is a label, found by the markup patterns of the module docstring."""
    if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el.iterdescendants()):
        return None
    text = clean(text_of(el))
    if not text or len(text) > 200:
        return None
    fld = labels.field(text)
    if fld is None:
        if len(el) == 0 and ":" in text:  # a plain "Gestor: Obec X" line
            head, _, rest = text.partition(":")
            fld = labels.field(head)
            if fld and rest.strip():
                return fld, Value(rest.strip(), URL.findall(rest))
        return None
    tail = clean(el.tail)
    if el.tag == "dt":
        nxt = _next_element(el)
        return (fld, _value_of(nxt)) if nxt is not None and nxt.tag == "dd" else None
    if el.tag in ("th", "td"):
        nxt = _next_element(el)
        if nxt is None or nxt.tag != "td" or labels.field(clean(text_of(nxt)), exact=True):
            return None  # a header row ("Název | Gestor | Úroveň") is not a record
        return fld, _value_of(nxt)
    if el.tag in _HEADINGS and not tail:
        value = _section_after(el, labels)
        return (fld, value) if value.text or value.links else None
    if tail or (text.endswith(":") and el.getparent() is not None and el.getparent().tag in ("p", "li", "div")):
        value = _value_after(el)
        return (fld, value) if value.text or value.links else None
    nxt = _next_element(el)
    if nxt is not None and not labels.field(clean(text_of(nxt)), exact=True):
        return fld, _value_of(nxt)
    return None


def find_fields(html: str, labels: Labels) -> tuple[dict[str, Value], object | None]:
    """Every labelled field of a page (first occurrence wins) and the parsed tree (None when unreadable)."""
    try:
        tree = lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ValueError, TypeError, lxml.etree.ParserError):
        return {}, None
    found: dict[str, Value] = {}
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP_ANCESTORS or skipped(el):
            continue
        pair = _pair(el, labels)
        if pair and pair[0] not in found:
            found[pair[0]] = pair[1]
    return found, tree


def record_fields(html: str, labels: Labels, record_fields: frozenset[str], what: str,
                  examples: str) -> tuple[dict[str, Value], object] | str:
    """The fields and tree of a record page, or why it is not one: unreadable, or fewer than two of the fields
    only a record page has (`record_fields`; `what` names the page, `examples` some of those labels)."""
    fields, tree = find_fields(html or "", labels)
    if tree is None:
        return f"not a {what}: unreadable or empty HTML"
    if len(record_fields & set(fields)) < 2:
        return f"not a {what}: fewer than two labelled record fields ({examples}, ...)"
    return fields, tree


def text(v: Value | None) -> str | None:
    """A value's text, None when the page says there is none ("neuvedeno", "–")."""
    if v is None or fold(v.text).rstrip(".") in EMPTY:
        return None
    return v.text


def page_name(tree) -> str | None:
    """The page's <h1>, else its <title> without the site's suffix."""
    for h1 in tree.iter("h1"):
        if not skipped(h1) and clean(text_of(h1)):
            return clean(text_of(h1))
    title = tree.find(".//title")
    if title is not None and clean(title.text_content()):
        return re.split(r"\s+[|–-]\s+(?=[^|–-]*$)", clean(title.text_content()))[0]
    return None


def urls(v: Value | None, base: str) -> list[str]:
    """The absolute URLs a value links to (or writes out), each once."""
    if v is None:
        return []
    out: list[str] = []
    for href in v.links or URL.findall(v.text):
        href = href.strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        absolute = urljoin(base, href)
        if absolute not in out:
            out.append(absolute)
    return out
