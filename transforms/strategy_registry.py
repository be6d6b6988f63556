"""Records of the Databáze strategií (databaze-strategie.cz): `parse_detail(html, url)`, `is_detail_url`, `is_listing_url`.

Facts relied on (../shared/domain/RECORD_FORMATS.md §2, NOTES.md §3 "Databáze strategií", taxonomy.json
record_schemas.databaze_strategii_record): a record has název, gestor (the responsible institution, also the URL
segment), úroveň (mezinárodní / národní / regionální / místní), zpracovatel, obsah a implementace, datum schválení,
platnost (expected, not seen verbatim), a link to the full text and thematic descriptors coded "roman numeral.letter"
("IV.e transfer znalostí a technologií"); detail pages are /cz/<gestor-slug>/strategie/<slug>?typ=detail. The live
labels and markup were not seen, so nothing here depends on one template or on CSS classes:

- a field is a label plus a value, found as <dt>/<dd>, a table row (<th> or <td> label, <td> value), a label element
  followed by a value element (<div>Gestor</div><div>…</div>), a bold/span label with a colon and the value after
  it (<p><strong>Gestor:</strong> Obec X</p>) or a plain "Gestor: Obec X" line; labels outside <nav>/<footer>;
- labels are compared accent- and case-insensitively with their synonyms (LABELS), a longer label starting with a
  synonym counts ("Datum schválení zastupitelstvem");
- dates "12. 3. 2020", "12.3.2020", "12. března 2020", "2020-03-12"; validity "2021–2030", "2021 - 2030",
  "2021 až 2030", "od 2021", "od roku 2021 do roku 2030", "do roku 2030", "2021+", dates inside it read as years;
- descriptors are list items, else the text cut at each "roman.letter" code (labels contain commas);
- the name is the "Název" field, else the page's <h1>, else its <title> without the site suffix.
Pure functions: no I/O, never raise on any input.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import lxml.etree
import lxml.html

LABELS: dict[str, tuple[str, ...]] = {
    "name": ("nazev", "nazev strategie", "nazev dokumentu", "nazev koncepce", "nazev strategickeho dokumentu"),
    "record_id": ("identifikator", "id", "id zaznamu", "id strategie", "cislo zaznamu"),
    "gestor": ("gestor", "gestor dokumentu", "gestor strategie", "odpovedna instituce", "garant", "instituce",
               "predkladatel"),
    "level": ("uroven", "uroven strategie", "uroven dokumentu", "uzemni uroven", "typ urovne"),
    "municipality": ("uzemi", "obec", "mesto", "uzemni pusobnost", "dotcene uzemi"),
    "kraj": ("kraj", "region"),
    "zpracovatel": ("zpracovatel", "zpracoval", "zpracovatel dokumentu", "autor", "zhotovitel"),
    "summary": ("obsah a implementace", "obsah", "popis", "anotace", "shrnuti", "strucny popis",
                "prehled o obsahu", "popis dokumentu"),
    "approved_on": ("datum schvaleni", "schvaleno", "schvaleno dne", "datum prijeti", "schvaleni"),
    "validity": ("platnost", "obdobi platnosti", "doba platnosti", "obdobi realizace", "casovy horizont", "obdobi",
                 "platnost dokumentu", "horizont"),
    "descriptors": ("deskriptory", "deskriptor", "tematicke deskriptory", "tematicke zarazeni"),
    "fulltext": ("odkaz na plny text", "plny text", "plne zneni", "odkaz na dokument", "dokument ke stazeni",
                 "ke stazeni", "soubory ke stazeni", "plna textova verze"),
}
_SYNONYMS = sorted(((syn, fld) for fld, syns in LABELS.items() for syn in syns), key=lambda p: -len(p[0]))
# fields that only a record page has; a page with fewer than two of them is not a detail page
RECORD_FIELDS = frozenset({"gestor", "level", "zpracovatel", "summary", "approved_on", "validity", "descriptors",
                           "fulltext"})
EMPTY = frozenset({"", "-", "–", "—", "neuvedeno", "neni uvedeno", "nezadano", "n/a", "bez udaje",
                   "plny text neni k dispozici", "neni k dispozici"})
LEVELS = (("mezinar", "mezinárodní"), ("narod", "národní"), ("celostat", "národní"), ("statni", "národní"),
          ("region", "regionální"), ("kraj", "regionální"), ("mistni", "místní"), ("lokal", "místní"),
          ("obecni", "místní"), ("mestsk", "místní"))
MONTHS = {"ledna": 1, "unora": 2, "brezna": 3, "dubna": 4, "kvetna": 5, "cervna": 6, "cervence": 7, "srpna": 8,
          "zari": 9, "rijna": 10, "listopadu": 11, "prosince": 12}
_YEAR = r"(?:19|20)\d{2}"
_ISO = re.compile(rf"(?<!\d)({_YEAR})-(\d{{1,2}})-(\d{{1,2}})(?!\d)")
_NUMERIC = re.compile(rf"(?<!\d)(\d{{1,2}})\.\s*(\d{{1,2}})\.\s*({_YEAR})(?!\d)")
_NAMED = re.compile(rf"(?<!\d)(\d{{1,2}})\.\s*({'|'.join(MONTHS)})\s+({_YEAR})(?!\d)")
_RANGE = re.compile(rf"(?<!\d)({_YEAR})\s*(?:-|az|do)\s*({_YEAR})(?!\d)")  # on folded text: dashes are "-"
_FROM = re.compile(rf"\bod\s+(?:roku\s+)?({_YEAR})(?!\d)")
_TO = re.compile(rf"\bdo\s+(?:(?:konce\s+)?roku\s+)?({_YEAR})(?!\d)")
_PLUS = re.compile(rf"(?<!\d)({_YEAR})\s*\+")
_CODE = re.compile(r"(?<![\w.])([IVXL]{1,5}\.[a-z])\s+")
_URL = re.compile(r"https?://[^\s<>\"']+")
_SKIP_ANCESTORS = frozenset({"nav", "footer", "script", "style", "head"})
# an element holding one of these is a container, never a label ("<tr><th>Gestor</th><td>…</td></tr>")
_BLOCKS = frozenset({"p", "div", "td", "th", "tr", "table", "tbody", "thead", "dl", "dt", "dd", "ul", "ol", "li",
                     "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "form", "fieldset"})
_LABEL_MAX = 60
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})


@dataclass
class _Value:
    """A field's value as found: its text, the links and list items inside it."""

    text: str
    links: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


def fold(text: str) -> str:
    """Accent-free, lower-case, single-spaced text (labels and keywords are compared this way)."""
    plain = unicodedata.normalize("NFKD", text.translate(_DASHES)).encode("ascii", "ignore").decode().casefold()
    return " ".join(plain.split())


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def label_field(label: str, exact: bool = False) -> str | None:
    """The record field a label names ("Datum schválení:" -> approved_on), or None."""
    key = fold(label).strip(" *")
    key = key[:-1].strip() if key.endswith(":") else key
    if not key or len(key) > _LABEL_MAX or ":" in key:  # "Gestor: Obec X" is a label with its value
        return None
    for syn, fld in _SYNONYMS:
        if key == syn:
            return fld
    if exact:
        return None
    for syn, fld in _SYNONYMS:  # longest synonym first; short one-word ones ("obec", "kraj") only exactly,
        if (" " in syn or len(syn) >= 8) and key.startswith(syn + " "):  # else "Obec Lhota" would be a label
            return fld
    return None


# ------------------------------------------------------------------ URLs
def _segments(url: str) -> list[str]:
    return [unquote(s) for s in urlsplit(url).path.split("/") if s]


def is_detail_url(url: str) -> bool:
    """/cz/<gestor>/strategie/<slug>?typ=detail: the page of one record."""
    segs = _segments(url)
    return (len(segs) == 4 and segs[0] == "cz" and segs[2] == "strategie"
            and "detail" in parse_qs(urlsplit(url).query).get("typ", []))


def is_listing_url(url: str) -> bool:
    """/cz/strategie (any page, ?strana=N) or a gestor's /cz/<gestor>/strategie: pages that list records."""
    segs = _segments(url)
    if "detail" in parse_qs(urlsplit(url).query).get("typ", []):
        return False
    return (segs == ["cz", "strategie"]) or (len(segs) == 3 and segs[0] == "cz" and segs[2] == "strategie")


# ------------------------------------------------------------------ values
def parse_date(text: str | None) -> str | None:
    """ISO date from "12. 3. 2020", "12.3.2020", "12. března 2020" or "2020-03-12"; None when there is none."""
    folded = fold(text or "")
    for rx, order in ((_ISO, (1, 2, 3)), (_NUMERIC, (3, 2, 1)), (_NAMED, (3, 2, 1))):
        m = rx.search(folded)
        if not m:
            continue
        y, mo, d = (m.group(i) for i in order)
        month = MONTHS[mo] if mo in MONTHS else int(mo)
        try:
            return date(int(y), month, int(d)).isoformat()
        except ValueError:
            continue
    return None


def parse_validity(text: str | None) -> tuple[int | None, int | None]:
    """(from, to) years of "2021–2030", "2021 - 2030", "od 2021", "do roku 2030", "od 2021 do 2030", "2021+"."""
    folded = fold(text or "")
    folded = _NUMERIC.sub(lambda m: m.group(3), _ISO.sub(lambda m: m.group(1), folded))
    folded = _NAMED.sub(lambda m: m.group(3), folded)
    m = _RANGE.search(folded)
    if m and int(m.group(1)) <= int(m.group(2)):
        return int(m.group(1)), int(m.group(2))
    frm, to = _FROM.search(folded), _TO.search(folded)
    if frm or to:
        return (int(frm.group(1)) if frm else None), (int(to.group(1)) if to else None)
    plus = _PLUS.search(folded)
    return (int(plus.group(1)), None) if plus else (None, None)


def parse_level(text: str | None) -> str | None:
    """mezinárodní | národní | regionální | místní from the shown wording ("Místní úroveň", "krajská")."""
    folded = fold(text or "")
    for key, level in LEVELS:
        if key in folded:
            return level
    return folded or None


def split_descriptors(text: str) -> list[str]:
    """"V.c infrastruktura ICT; V.d eSlužby, aplikace a produkty ICT" -> two descriptors (cut at the codes)."""
    starts = [m.start() for m in _CODE.finditer(text)]
    if not starts:
        return [p for p in (_clean(x) for x in re.split(r"[;\n]", text)) if p]
    bounds = starts + [len(text)]
    return [_clean(text[a:b]).rstrip(",;") for a, b in zip(bounds, bounds[1:])]


# ------------------------------------------------------------------ finding fields
def _skipped(el) -> bool:
    return any(a.tag in _SKIP_ANCESTORS for a in el.iterancestors() if isinstance(a.tag, str))


def _text_of(el) -> str:
    """Text of an element with a space between block elements ("<p>A.</p><p>B.</p>" -> "A. B.")."""
    parts = [el.text or ""] if isinstance(el.tag, str) else []
    for child in el:
        if isinstance(child.tag, str):
            inner = _text_of(child)
            parts.append(f" {inner} " if child.tag in _BLOCKS or child.tag == "br" else inner)
        parts.append(child.tail or "")
    return "".join(parts)


def _value_of(el) -> _Value:
    return _Value(_clean(_text_of(el)), [a.get("href") for a in el.iter("a") if a.get("href")],
                  [_clean(_text_of(li)) for li in el.iter("li")])


def _value_after(label_el) -> _Value:
    """The inline value after a label element: its tail and the following siblings (<strong>X:</strong> value)."""
    parts, links, items = [label_el.tail or ""], [], []
    for sib in label_el.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        v = _value_of(sib)
        parts.append(f" {v.text} {sib.tail or ''}")
        links += ([sib.get("href")] if sib.tag == "a" and sib.get("href") else []) + v.links
        items += v.items
    return _Value(_clean(" ".join(parts)), links, items)


def _next_element(el):
    return next((s for s in el.itersiblings() if isinstance(s.tag, str)), None)


def _pair(el) -> tuple[str, _Value] | None:
    """(field, value) when `el` is a label, found by the markup patterns of the module docstring."""
    if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el.iterdescendants()):
        return None
    text = _clean(_text_of(el))
    if not text or len(text) > 200:
        return None
    fld = label_field(text)
    if fld is None:
        if len(el) == 0 and ":" in text:  # a plain "Gestor: Obec X" line
            head, _, rest = text.partition(":")
            fld = label_field(head)
            if fld and rest.strip():
                return fld, _Value(rest.strip(), _URL.findall(rest))
        return None
    tail = _clean(el.tail)
    if el.tag == "dt":
        nxt = _next_element(el)
        return (fld, _value_of(nxt)) if nxt is not None and nxt.tag == "dd" else None
    if el.tag in ("th", "td"):
        nxt = _next_element(el)
        if nxt is None or nxt.tag != "td" or label_field(_clean(_text_of(nxt)), exact=True):
            return None  # a header row ("Název | Gestor | Úroveň") is not a record
        return fld, _value_of(nxt)
    if tail or (text.endswith(":") and el.getparent() is not None and el.getparent().tag in ("p", "li", "div")):
        value = _value_after(el)
        return (fld, value) if value.text or value.links else None
    nxt = _next_element(el)
    if nxt is not None and not label_field(_clean(_text_of(nxt)), exact=True):
        return fld, _value_of(nxt)
    return None


def find_fields(html: str) -> tuple[dict[str, _Value], object | None]:
    """Every labelled field of a page (first occurrence wins) and the parsed tree (None when unreadable)."""
    try:
        tree = lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ValueError, TypeError, lxml.etree.ParserError):
        return {}, None
    found: dict[str, _Value] = {}
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP_ANCESTORS or _skipped(el):
            continue
        pair = _pair(el)
        if pair and pair[0] not in found:
            found[pair[0]] = pair[1]
    return found, tree


def _text(v: _Value | None) -> str | None:
    if v is None or fold(v.text).rstrip(".") in EMPTY:
        return None
    return v.text


def _page_name(tree) -> str | None:
    for h1 in tree.iter("h1"):
        if not _skipped(h1) and _clean(_text_of(h1)):
            return _clean(_text_of(h1))
    title = tree.find(".//title")
    if title is not None and _clean(title.text_content()):
        return re.split(r"\s+[|–-]\s+(?=[^|–-]*$)", _clean(title.text_content()))[0]
    return None


def _urls(v: _Value | None, base: str) -> list[str]:
    if v is None:
        return []
    out: list[str] = []
    for href in v.links or _URL.findall(v.text):
        href = href.strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        absolute = urljoin(base, href)
        if absolute not in out:
            out.append(absolute)
    return out


def parse_detail(html: str, url: str) -> dict | str:
    """The record of a detail page (fields of the module docstring), or a one-line reason why there is none."""
    fields, tree = find_fields(html or "")
    if tree is None:
        return "not a detail page: unreadable or empty HTML"
    if len(RECORD_FIELDS & set(fields)) < 2:
        return "not a detail page: fewer than two labelled record fields (gestor, úroveň, zpracovatel, ...)"
    name = _text(fields.get("name")) or _page_name(tree)
    if not name:
        return "detail page without a name (no Název field, <h1> or <title>)"
    segs = _segments(url)
    detail = len(segs) == 4 and segs[0] == "cz" and segs[2] == "strategie"
    valid_from, valid_to = parse_validity(_text(fields.get("validity")))
    desc = fields.get("descriptors")
    descriptors = ([d for d in desc.items if d] or split_descriptors(desc.text)) if _text(desc) else []
    rid = _text(fields.get("record_id"))
    return {
        "name": name,
        "record_id": int(rid) if rid and rid.isdigit() else rid,
        "gestor": _text(fields.get("gestor")),
        "gestor_slug": segs[1] if detail else None,
        "slug": segs[3] if detail else None,
        "level": parse_level(_text(fields.get("level"))),
        "zpracovatel": _text(fields.get("zpracovatel")),
        "approved_on": parse_date(_text(fields.get("approved_on"))),
        "valid_from": valid_from,
        "valid_to": valid_to,
        "summary": _text(fields.get("summary")),
        "descriptors": descriptors,
        "fulltext_urls": _urls(fields.get("fulltext"), url),
        "municipality": _text(fields.get("municipality")),
        "kraj": _text(fields.get("kraj")),
    }
