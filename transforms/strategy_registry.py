"""Records of the Databáze strategií (databaze-strategie.cz): `parse_detail(html, url)`, `is_detail_url`, `is_listing_url`.

Facts relied on (../shared/domain/RECORD_FORMATS.md §2, NOTES.md §3 "Databáze strategií", taxonomy.json
record_schemas.databaze_strategii_record): a record has název, gestor (the responsible institution, also the URL
segment), úroveň (mezinárodní / národní / regionální / místní), zpracovatel, obsah a implementace, datum schválení,
platnost (expected, not seen verbatim), a link to the full text and thematic descriptors coded "roman numeral.letter"
("IV.e transfer znalostí a technologií"); detail pages are /cz/<gestor-slug>/strategie/<slug>?typ=detail. The live
labels and markup were not seen, so nothing here depends on one template or on CSS classes:

- a field is a label plus a value in any of the markups transforms.labelled_fields finds, its labels the synonyms
  of LABELS;
- dates "12. 3. 2020", "12.3.2020", "12. března 2020", "2020-03-12"; validity "2021–2030", "2021 - 2030",
  "2021 až 2030", "od 2021", "od roku 2021 do roku 2030", "do roku 2030", "2021+", dates inside it read as years;
- descriptors are list items, else the text cut at each "roman.letter" code (labels contain commas);
- the name is the "Název" field, else the page's <h1>, else its <title> without the site suffix.
Pure functions: no I/O, never raise on any input.
"""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qs, unquote, urlsplit

from transforms.labelled_fields import Labels, clean, fold, page_name, record_fields, text, urls

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
_LABELS = Labels(LABELS)
# fields that only a record page has; a page with fewer than two of them is not a detail page
RECORD_FIELDS = frozenset({"gestor", "level", "zpracovatel", "summary", "approved_on", "validity", "descriptors",
                           "fulltext"})
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


def label_field(label: str, exact: bool = False) -> str | None:
    """The record field a label names ("Datum schválení:" -> approved_on), or None."""
    return _LABELS.field(label, exact)


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
        return [p for p in (clean(x) for x in re.split(r"[;\n]", text)) if p]
    bounds = starts + [len(text)]
    return [clean(text[a:b]).rstrip(",;") for a, b in zip(bounds, bounds[1:])]


def parse_detail(html: str, url: str) -> dict | str:
    """The record of a detail page (fields of the module docstring), or a one-line reason why there is none."""
    found = record_fields(html, _LABELS, RECORD_FIELDS, "detail page", "gestor, úroveň, zpracovatel")
    if isinstance(found, str):
        return found
    fields, tree = found
    name = text(fields.get("name")) or page_name(tree)
    if not name:
        return "detail page without a name (no Název field, <h1> or <title>)"
    segs = _segments(url)
    detail = len(segs) == 4 and segs[0] == "cz" and segs[2] == "strategie"
    valid_from, valid_to = parse_validity(text(fields.get("validity")))
    desc = fields.get("descriptors")
    descriptors = ([d for d in desc.items if d] or split_descriptors(desc.text)) if text(desc) else []
    rid = text(fields.get("record_id"))
    return {
        "name": name,
        "record_id": int(rid) if rid and rid.isdigit() else rid,
        "gestor": text(fields.get("gestor")),
        "gestor_slug": segs[1] if detail else None,
        "slug": segs[3] if detail else None,
        "level": parse_level(text(fields.get("level"))),
        "zpracovatel": text(fields.get("zpracovatel")),
        "approved_on": parse_date(text(fields.get("approved_on"))),
        "valid_from": valid_from,
        "valid_to": valid_to,
        "summary": text(fields.get("summary")),
        "descriptors": descriptors,
        "fulltext_urls": urls(fields.get("fulltext"), url),
        "municipality": text(fields.get("municipality")),
        "kraj": text(fields.get("kraj")),
    }
