"""Good-practice ("inspiromat") detail pages: `parse_practice(html, url) -> dict | str`, `is_practice_url(url)`.

A detail page is recognised by its labelled fields, not by CSS classes: label/value pairs are read from table rows
(label cell | value cell), definition lists (dt/dd), headings followed by their content (h2-h6) and inline labels
("<p><strong>Obec:</strong> Lhota</p>", "Obec: Lhota"). The labels are those of the forms the sources use
(../shared/domain/NOTES.md section 4): the SMO ČR "SMART Česko: příklady dobré praxe" form (název, obec, kraj,
počet obyvatel, oblast, popis, přínosy, náklady, financování, termín/rok realizace, kontakt) and the English
fields of the EU Smart Cities Marketplace / ENRD Smart Villages entries (title, country, city/village, population,
topics, summary, results, budget, funding, year, contact person), with their usual variants. A page is a detail
page when it has a title, a description and at least two of: place, country, population, cost, funding, year.

Returned (never any contact data): title, description, benefits, municipality_name (as written, with a status word
such as "Obec" when the page has one), district, region, country
(ISO 3166-1 alpha-2; "CZ" for a Czech form without a country field), population, year (the last year of the
realisation period), cost_czk, funding_texts (the programme names as written), topics, language, source_url.
Contacts are dropped: the contact field is never returned, and any sentence of the description or benefits that
holds an e-mail address, a phone number, the contact person's name or a titled/role-prefixed personal name
("Ing. Jana Nováková", "starostka Jana Nováková", "contact Maria García") is removed.

Costs: "1,2 mil. Kč", "850 000 Kč", "cca 3 mil. Kč", "2,45 milionu Kč", "450 tis. Kč", "1.250.000,- Kč",
"EUR 450,000", "€1.2 million", "€ 2.3 m", "CZK 3,500,000" -> int CZK. EUR are converted at EUR_CZK = 25 CZK per
EUR, a fixed convention of the project (the demo catalogues use the same constant; it is not a market rate).
Pure functions: no I/O; never raise on any input.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree, html as lxml_html

EUR_CZK = 25  # fixed project convention: 1 EUR = 25 CZK

_CZ_DETAIL = re.compile(r"^/priklady-dobre-praxe/[a-z0-9]+(?:-[a-z0-9]+)*/?$")
_EU_DETAIL = re.compile(r"^/solutions/(?:\d+|[a-z0-9]+(?:-[a-z0-9]+)*)/?$")

# canonical field -> folded label (lower case, no diacritics, no trailing colon)
_LABELS: tuple[tuple[str, str], ...] = (
    ("title", r"nazev(?: projektu| reseni| prikladu| akce)?|title|(?:project|solution) (?:name|title)|name of the "
              r"(?:project|solution)|project|solution"),
    ("municipality", r"obec|mesto|obec ?/ ?mesto|mesto ?/ ?obec|obec/mestys|mestys|municipality|city|town|village|"
                     r"city ?/ ?(?:town|village)|location|place|lokalita|misto(?: realizace)?|realizator|"
                     r"nositel(?: projektu)?"),
    ("district", r"okres|district"),
    ("region", r"kraj|region"),
    ("country", r"zeme|stat|country"),
    ("population", r"(?:pocet )?obyvatel(?: obce)?|pocet obyvatel obce|velikost obce|population|inhabitants|"
                   r"number of inhabitants"),
    ("topics", r"oblast|tematicka oblast|oblasti|kategorie|tema|temata|topics?|tags?|themes?|thematic areas?|"
               r"sectors?"),
    ("description", r"popis(?: projektu| reseni| prikladu)?|strucny popis|anotace|o projektu|summary|description|"
                    r"short description|about(?: the (?:project|solution))?|overview"),
    ("benefits", r"prinosy?|vysledky|prinosy a vysledky|results|benefits|impacts?|outcomes"),
    ("cost", r"naklady(?: projektu| celkem)?|celkove naklady|cena|rozpocet|investice|budget|total (?:cost|budget)|"
             r"costs?|investment|total investment"),
    ("funding", r"financovani|zdroje? financovani|financovano z|dotace|funding(?: sources?)?|financing|"
                r"funded by|financed by|source of funding"),
    ("year", r"rok(?: realizace)?|termin(?: a delka)? realizace|obdobi realizace|realizace|year(?: of implementation)?"
             r"|implementation(?: period)?|period|date"),
    ("contact", r"kontakt(?:y)?|kontaktni (?:osoba|udaje)|kontaktni udaje odpovedne osoby|odpovedna osoba|"
                r"contact(?: person| details)?|contacts"),
)
_LABEL_RES = tuple((name, re.compile(rf"^(?:{pattern})$")) for name, pattern in _LABELS)
_CZECH_LABELS = re.compile(r"^(?:nazev|obec|mesto|mestys|kraj|okres|pocet obyvatel|oblast|popis|prinosy|naklady|"
                           r"financovani|rok realizace|kontakt|zdroje? financovani|celkove naklady|termin)")
_BLOCK = frozenset({"p", "div", "li", "ul", "ol", "tr", "table", "tbody", "thead", "dd", "dt", "dl", "section",
                    "article", "aside", "header", "footer", "main", "nav", "blockquote", "h1", "h2", "h3", "h4", "h5",
                    "h6", "td", "th", "figure", "figcaption", "form"})
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_DROP = ("script", "style", "noscript", "template")

_UP = "A-ZÀ-ÖØ-ÞČĎĚŇŘŠŤŮŽŁŚŹŻĆŃŐŰĀĒĪŌŪĢĶĻŅ"
_LOW = "a-zß-öø-ÿčďěňřšťůžłśźżćńőűāēīōūģķļņ"
_NAME = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
_EMAIL = re.compile(r"[\w.+-]+(?:@|\s?[\[(](?:at|zavin[aá][cč])[\])]\s?)[\w-]+(?:\.[\w-]+)+", re.I)
_PHONE = re.compile(
    r"\+\d{1,3}[\s\u00a0]?\(?\d{1,4}\)?(?:[\s\u00a0./-]?\d{2,4}){1,4}"
    r"|(?<![\d,.])\d{3}[\s\u00a0]?\d{3}[\s\u00a0]?\d{3}(?![\d,.])"
    r"(?![\s\u00a0]*(?:Kč|CZK|EUR|€|,-|obyv|inhab|lid|m2|m²|km|kWp|kWh|MWh))"
    r"|\b(?:tel|mob|mobil|phone|telefon)\.?\s*(?:č\.\s*)?:?\s*\d[\d\s\u00a0/-]{5,}\d", re.I)
_TITLED_NAME = re.compile(
    rf"\b(?:Ing|Mgr|Bc|MUDr|JUDr|PhDr|RNDr|MVDr|PaedDr|Dr|Prof|Doc|doc|prof|Mr|Mrs|Ms)\.?(?:\s+arch\.)?"
    rf"\s+(?:[{_UP}]\.\s+)?{_NAME}\s+{_NAME}")
_ROLE_NAME = re.compile(
    r"(?i:\b(?:kontakt\w*|kontaktní osob\w*|starost\w*|místostarost\w*|koordinátor\w*|manažer\w*|referent\w*|"
    r"vedoucí|ředitel\w*|obraťte se na|informace poskytne|contact(?: person)?|mayor|coordinator|manager|officer|"
    r"get in touch with|write to))\s*:?\s+" + rf"{_NAME}\s+{_NAME}")
_DEGREES = re.compile(r"\b(?:Ing|Mgr|Bc|MUDr|JUDr|PhDr|RNDr|MVDr|PaedDr|Dr|Prof|Doc|doc|prof|Mr|Mrs|Ms)\.?"
                      r"(?:\s+arch\.)?\s+|,?\s*(?:Ph\.?D\.|CSc\.|MBA|DiS\.)")
_CONTACT_WORDS = re.compile(r"^(?:e-?mail|tel|telefon|mobil|phone|mob|fax|web)\b", re.I)
_ABBREVIATIONS = frozenset({"ing", "mgr", "bc", "tel", "č", "mil", "tis", "cca", "např", "dr", "mr", "mrs", "ms", "st",
                            "apod", "atd", "resp", "tzv", "ul", "nám", "prof", "doc", "judr", "mudr", "rndr", "phdr",
                            "approx", "no", "vs", "etc", "arch", "mld", "ev", "tj", "popř", "min", "max", "e", "i"})
_SENTENCE_END = re.compile(rf"[.!?…]+[\"“”»)]*\s+(?=[\"„“«(]?[{_UP}])")
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?!\d)")
_NUMBER = re.compile(r"\d+(?:[ \u00a0.,]\d+)*")
_MULTIPLIERS = ((re.compile(r"^\s*(?:mld\.?|miliard\w*|billion|bn)(?![a-z])", re.I), 1_000_000_000),
                (re.compile(r"^\s*(?:mil\.?|milion\w*|million\w*|mio\.?|mn|m)(?![a-zá-ž])", re.I), 1_000_000),
                (re.compile(r"^\s*(?:tis\.?|tisíc\w*|thousand|k)(?![a-zá-ž])", re.I), 1_000))

# country names (English, Czech, own language; folded) -> ISO 3166-1 alpha-2
_COUNTRIES: dict[str, str] = {}
for _code, _names in {
    "CZ": "czechia|czech republic|cesko|ceska republika|cr", "SK": "slovakia|slovensko|slovenska republika",
    "PL": "poland|polsko|polska", "DE": "germany|nemecko|deutschland", "AT": "austria|rakousko|osterreich",
    "HU": "hungary|madarsko|magyarorszag", "SI": "slovenia|slovinsko|slovenija", "HR": "croatia|chorvatsko|hrvatska",
    "IT": "italy|italie|italia", "ES": "spain|spanelsko|espana", "PT": "portugal|portugalsko",
    "FR": "france|francie", "BE": "belgium|belgie|belgique|belgie", "NL": "netherlands|the netherlands|nizozemsko|"
    "nederland|holland", "LU": "luxembourg|lucembursko", "DK": "denmark|dansko|danmark", "SE": "sweden|svedsko|sverige",
    "FI": "finland|finsko|suomi", "EE": "estonia|estonsko|eesti", "LV": "latvia|lotyssko|latvija",
    "LT": "lithuania|litva|lietuva", "IE": "ireland|irsko|eire", "GR": "greece|recko|hellas", "CY": "cyprus|kypr",
    "MT": "malta", "RO": "romania|rumunsko", "BG": "bulgaria|bulharsko", "NO": "norway|norsko|norge",
    "CH": "switzerland|svycarsko|schweiz|suisse", "IS": "iceland|island", "GB": "united kingdom|uk|great britain|"
    "velka britanie|spojene kralovstvi", "UA": "ukraine|ukrajina", "RS": "serbia|srbsko|srbija",
}.items():
    for _n in _names.split("|"):
        _COUNTRIES[_n] = _code


def _fold(text: str) -> str:
    """Lower case without diacritics, spaces squeezed: how labels and country names are compared."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@dataclass
class _Value:
    """A labelled value: block-aware text (one line per block) and its list items, if any."""

    text: str
    items: list[str] = field(default_factory=list)


def is_practice_url(url: str) -> bool:
    """A detail page of either catalogue layout: /priklady-dobre-praxe/<slug>/ or /solutions/<id>."""
    try:
        path = urlsplit(url or "").path
    except ValueError:
        return False
    return bool(_CZ_DETAIL.match(path) or _EU_DETAIL.match(path))


def _label_key(raw: str) -> str | None:
    """The canonical field a label names, or None (labels are short; matched without case and diacritics)."""
    label = _fold(raw).strip().rstrip(":").strip()
    if not label or len(label) > 45:
        return None
    for name, pattern in _LABEL_RES:
        if pattern.match(label):
            return name
    return None


def _block_text(el) -> str:
    """The element's text with one line per block (and per <br>); line ends inside the source text are spaces."""
    parts: list[str] = []
    brk = "\x00"

    def flat(text: str | None) -> str:
        return (text or "").replace(brk, " ")  # source line ends stay spaces: only blocks break lines

    def walk(node, top: bool) -> None:
        tag = node.tag if isinstance(node.tag, str) else None
        if tag is None:  # comment or processing instruction
            if node.tail and not top:
                parts.append(flat(node.tail))
            return
        block = tag in _BLOCK
        if tag == "br" or block:
            parts.append(brk)
        parts.append(flat(node.text))
        for child in node:
            walk(child, False)
        if block:
            parts.append(brk)
        if node.tail and not top:
            parts.append(flat(node.tail))

    walk(el, True)
    lines = (" ".join(line.split()) for line in "".join(parts).split(brk))
    return "\n".join(line for line in lines if line)


def _value(elements: list) -> _Value:
    text = "\n".join(t for t in (_block_text(e) for e in elements) if t)
    items = [t for e in elements for li in e.iter("li") if (t := " ".join(_block_text(li).split()))]
    return _Value(text, items)


def _pairs(root) -> list[tuple[str, str, _Value]]:
    """(field, raw label, value) in priority order: tables, definition lists, headings, inline labels."""
    out: list[tuple[str, str, _Value]] = []
    for tr in root.iter("tr"):
        cells = [c for c in tr if c.tag in ("th", "td")]
        if len(cells) == 2 and (key := _label_key(_block_text(cells[0]))):
            out.append((key, _block_text(cells[0]), _value([cells[1]])))
    for dt in root.iter("dt"):
        key = _label_key(_block_text(dt))
        if not key:
            continue
        dds = []
        sib = dt.getnext()
        while sib is not None and sib.tag == "dd":
            dds.append(sib)
            sib = sib.getnext()
        if dds:
            out.append((key, _block_text(dt), _value(dds)))
    for h in root.iter(*_HEADINGS[1:]):
        key = _label_key(_block_text(h))
        if not key:
            continue
        following = []
        sib = h.getnext()
        while sib is not None and sib.tag not in _HEADINGS:
            following.append(sib)
            sib = sib.getnext()
        if following:
            out.append((key, _block_text(h), _value(following)))
    for el in root.iter("p", "li", "div", "span"):
        if el.tag == "div" and any(d.tag in ("p", "div", "table", "dl", "ul", "ol") for d in el.iterdescendants()):
            continue
        text = _block_text(el)
        m = re.match(r"^([^:\n]{2,45}?)\s*:\s*(.*)$", text, re.S)
        if not m or not (key := _label_key(m.group(1))):
            continue
        rest = m.group(2).strip()
        if rest:
            out.append((key, m.group(1), _Value(rest, [])))
            continue
        following = []
        sib = el.getnext()
        while sib is not None and sib.tag not in _HEADINGS and not re.match(
                r"^[^:\n]{2,45}:", _block_text(sib) or "") and len(following) < 12:
            following.append(sib)
            sib = sib.getnext()
        if following:
            out.append((key, m.group(1), _value(following)))
    return out


# ------------------------------------------------------------------ personal data
def _contact_names(value: _Value | None) -> list[str]:
    """Personal names written in the contact field (with and without degrees)."""
    if value is None:
        return []
    names = []
    for line in value.text.split("\n"):
        line = _PHONE.sub(" ", _EMAIL.sub(" ", line)).strip()
        if not line or _CONTACT_WORDS.match(line):
            continue
        head = line.split(",")[0].strip(" :;")
        head = re.sub(r"^(?i:kontakt\w*|contact(?: person)?)\s*:?\s*", "", head)
        bare = " ".join(_DEGREES.sub(" ", head).split())
        if re.fullmatch(rf"{_NAME}(?:\s+(?:de|van|von|da|di|del|der|den)?\s*{_NAME})+", bare):
            names += [head, bare]
    return sorted(set(names), key=len, reverse=True)


def _sentences(text: str) -> list[str]:
    """Sentences of a paragraph; a full stop after a degree, abbreviation or initial does not end one."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        before = re.search(r"(\w+)\W*$", text[start:m.start() + 1])
        word = before.group(1) if before else ""
        if word.casefold() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def _personal(sentence: str, names: list[str]) -> bool:
    folded = sentence.casefold()
    return bool(_EMAIL.search(sentence) or _PHONE.search(sentence) or _TITLED_NAME.search(sentence)
                or _ROLE_NAME.search(sentence) or any(n.casefold() in folded for n in names))


def _scrub(text: str, names: list[str]) -> str:
    """The text without sentences that carry contact data; paragraphs kept as lines."""
    paragraphs = []
    for para in text.split("\n"):
        kept = [s for s in _sentences(para) if not _personal(s, names)]
        if kept:
            paragraphs.append(" ".join(kept))
    return "\n\n".join(paragraphs)


def _scrub_short(text: str | None, names: list[str]) -> str | None:
    """A one-line value with any contact data cut out."""
    if not text:
        return text
    for n in names:
        text = re.sub(re.escape(n), " ", text, flags=re.I)
    text = _PHONE.sub(" ", _EMAIL.sub(" ", text))
    return " ".join(text.split()) or None


# ------------------------------------------------------------------ values
def _number(token: str, decimal_hint: bool) -> float | None:
    """"1 250 000" -> 1250000, "450,000" -> 450000, "1,2" / "1.2" -> 1.2, "1.250.000,50" -> 1250000.5.

    The last separator is a decimal mark when fewer or more than three digits follow it, when a multiplier
    follows and it occurs once ("1.250 mil."), or when it differs from the separators before it ("450,000.00").
    """
    token = token.replace("\u00a0", " ").strip()
    seps = re.findall(r"[ .,]", token)
    parts = re.split(r"[ .,]", token)
    try:
        if not seps:
            return float(token)
        last_sep, last = seps[-1], parts[-1]
        decimal = last_sep in ",." and (len(last) != 3 or (decimal_hint and seps.count(last_sep) == 1)
                                        or (seps.count(last_sep) == 1 and any(x != last_sep for x in seps[:-1])))
        if decimal:
            return float("".join(parts[:-1]) + "." + last)
        return float("".join(parts))
    except ValueError:
        return None


def parse_cost(text: str | None, default_currency: str | None = "CZK") -> int | None:
    """Whole CZK of a written cost ("1,2 mil. Kč", "EUR 450,000", "€1.2 million"); None when not a cost."""
    if not text or not isinstance(text, str):
        return None
    t = text.replace("\u00a0", " ").replace(",-", " ")
    low = t.casefold()
    if "eur" in low or "€" in t:
        rate = EUR_CZK
    elif "kč" in low or "czk" in low or re.search(r"\bkc\b", low):
        rate = 1
    elif default_currency == "CZK":
        rate = 1
    elif default_currency == "EUR":
        rate = EUR_CZK
    else:
        return None
    for m in _NUMBER.finditer(t):
        token = m.group(0).rstrip(" .,")
        after = t[m.start() + len(token):]
        multiplier = next((mult for pattern, mult in _MULTIPLIERS if pattern.match(after)), 1)
        value = _number(token, decimal_hint=multiplier > 1)
        if value is None or value <= 0:
            continue
        return int(round(value * multiplier * rate))
    return None


def _population(text: str | None) -> int | None:
    if not text:
        return None
    m = _NUMBER.search(text.replace("\u00a0", " "))
    if not m:
        return None
    token = m.group(0).rstrip(" .,")
    after = text[m.start() + len(token):]
    multiplier = next((mult for pattern, mult in _MULTIPLIERS if pattern.match(after)), 1)
    value = _number(token, decimal_hint=multiplier > 1)
    if value is None:
        return None
    return int(round(value * multiplier))


def _year(text: str | None) -> int | None:
    years = [int(y) for y in _YEAR.findall(text or "")]
    return max(years) if years else None


def _country_code(name: str | None) -> str | None:
    if not name:
        return None
    key = _fold(name).strip(" .")
    if re.fullmatch(r"[a-z]{2}", key) and key.upper() in _COUNTRIES.values():
        return key.upper()
    return _COUNTRIES.get(key)


def _place(raw: str | None) -> tuple[str | None, str | None, str | None]:
    """(municipality name as written, with its status word, district, country code) of a place field:
    "Obec Lhota, okres Příbram", "Tartu, Estonia"."""
    if not raw:
        return None, None, None
    line = raw.split("\n")[0].strip()
    district = None
    m = re.search(r"[,(]?\s*\b(?:okres|okr\.)\s+([^,()]+)\)?", line)
    if m:
        district = m.group(1).strip()
        line = (line[:m.start()] + line[m.end():]).strip(" ,")
    country = None
    if "," in line:
        head, tail = line.split(",", 1)
        folded = _fold(tail)
        if (code := _country_code(tail)) or folded.endswith("kraj") or folded.startswith("kraj "):
            country = code
            line = head.strip()
    return (line.strip() or None), district, country


def _split_funding(value: _Value | None) -> list[str]:
    """Programme names as written: list items, else the text split at commas, semicolons, '+' and line ends."""
    if value is None:
        return []
    raw = value.items or re.split(r"[,;\n]|\s\+\s", value.text)
    out = []
    for item in raw:
        item = item.strip(" .\t")
        if item and not re.fullmatch(r"[-–—]|n/?a|neuvedeno|není|none", item, re.I):
            out.append(item)
    return out


def _title(root, fields: dict[str, _Value]) -> str | None:
    if "title" in fields and fields["title"].text:
        return fields["title"].text.split("\n")[0]
    for h1 in root.iter("h1"):
        if text := " ".join(_block_text(h1).split()):
            return text
    head = root.find(".//title")
    if head is not None and head.text:
        return re.split(r"\s+[|–—-]\s+", head.text.strip())[0] or None
    return None


def _czech(root, labels: list[str]) -> bool:
    lang = (root.get("lang") or "").lower()
    return lang.startswith("cs") or any(_CZECH_LABELS.match(_fold(label).strip()) for label in labels)


def _listing_reason(root, url: str) -> str:
    links = set()
    for a in root.iter("a"):
        href = a.get("href") or ""
        if is_practice_url(href) and urlsplit(href).path != urlsplit(url or "").path:
            links.add(urlsplit(href).path)
    if len(links) >= 2:
        return f"listing page: {len(links)} links to practice details and no practice form"
    return "not a practice detail page: no labelled form with a title and a description"


def parse_practice(html: str, url: str) -> dict | str:
    """The practice a detail page describes (no contact data), or a one-line reason why the page is not one."""
    if not isinstance(html, str) or not html.strip():
        return "empty page"
    try:
        try:
            root = lxml_html.fromstring(html)
        except ValueError:  # a str with an XML encoding declaration: parse its UTF-8 bytes
            root = lxml_html.fromstring(html.encode("utf-8"))
    except (etree.ParserError, ValueError, TypeError):
        return "not an HTML page"
    if not isinstance(root.tag, str):
        return "not an HTML page"
    for bad in list(root.iter(*_DROP)):
        bad.drop_tree()
    pairs = _pairs(root)
    fields: dict[str, _Value] = {}
    for key, _label, value in pairs:
        if key not in fields and value.text:
            fields[key] = value
    title = _title(root, fields)
    described = [k for k in ("municipality", "country", "population", "cost", "funding", "year") if k in fields]
    if not title or "description" not in fields or len(described) < 2:
        return _listing_reason(root, url)

    names = _contact_names(fields.get("contact"))
    czech = _czech(root, [label for _, label, _ in pairs])
    name, district, place_country = _place(fields["municipality"].text if "municipality" in fields else None)
    if "district" in fields:
        district = fields["district"].text.split("\n")[0]
    region = fields["region"].text.split("\n")[0] if "region" in fields else None
    country = _country_code(fields["country"].text.split("\n")[0]) if "country" in fields else place_country
    if country is None and "country" not in fields and (czech or (region and _fold(region).rstrip().endswith("kraj"))):
        country = "CZ"
    topics = fields["topics"].items if "topics" in fields and fields["topics"].items else (
        [t.strip() for t in re.split(r"[;|\n]", fields["topics"].text) if t.strip()] if "topics" in fields else
        [" ".join(_block_text(li).split()) for li in root.xpath("//*[contains(@class,'tag')]/li | "
                                                                 "//li[contains(@class,'tag')]")])
    benefits_value = fields.get("benefits")
    benefits = [s for s in (_scrub(b, names) for b in (benefits_value.items or benefits_value.text.split("\n")))
                if s] if benefits_value else []
    cost_text = fields["cost"].text if "cost" in fields else None
    return {
        "title": _scrub_short(title, names),
        "description": _scrub(fields["description"].text, names),
        "benefits": benefits,
        "municipality_name": _scrub_short(name, names),
        "district": district,
        "region": region,
        "country": country,
        "population": _population(fields["population"].text) if "population" in fields else None,
        "year": _year(fields["year"].text) if "year" in fields else None,
        "cost_czk": parse_cost(cost_text, "CZK" if czech else None),
        "funding_texts": [t for t in (_scrub_short(f, names) for f in _split_funding(fields.get("funding"))) if t],
        "topics": [t for t in topics if t][:20],
        "language": "cs" if czech else "en",
        "source_url": url,
    }
