"""Municipal notice-board feeds ("úřední deska"): `parse_feed(data, content_type, url) -> FeedResult`, `feed_links(html, base)`.

Format facts relied on (OFN Úřední desky, version 2021-07-20, https://ofn.gov.cz/úřední-desky/2021-07-20/; the
official examples, JSON Schema and context in ../shared/domain/ofn/):
- a board is one JSON object with `@context`, `typ` "Úřední deska", `iri`, `stránka`, `provozovatel{typ, ičo}`,
  optional `umístění`, and `informace[]` (required by the schema);
- each item has `typ`, `iri`, `url`, `název{cs}`, `vyvěšení{datum | datum_a_čas}`, `relevantní_do{datum |
  datum_a_čas | nespecifikovaný: true}` (`typ`, `iri`, `název`, `vyvěšení`, `relevantní_do` are required by the
  schema), optional `číslo_jednací`, `spisová_značka`, `agenda[]{název{cs}}`, `dokument[]{název{cs}, url}`, `popis{cs}`.

Real deviations read as well (../shared/domain/CMS_AND_FEEDS.md and the real feeds there):
- `&amp;` inside JSON URLs (Kladno's feed: every attachment URL), `&amp;amp;` (eDesky escapes twice) -> `&`;
  HTML entities inside titles (`&quot;` in Kadaň's feed) are unescaped;
- datetimes instead of dates (with an offset or `Z` they are read as the Prague calendar date), "D. M. YYYY";
- a JSON array of boards (the MVČR feed: 182 boards, 51 of them empty; 144 of its items have
  `vyvěšení.nespecifikovaný: true`, read as posted_on=None);
- keys without diacritics (`nazev`, `vyveseni`, `relevantni_do`), attachments under `dokumenty` / `prilohy`,
  `název` as a plain string, `dokument` / `agenda` as a single object, records without `dokument`, a UTF-8 BOM;
- XML exports with one element per notice carrying `nazev`, `vyveseno`, `sejmuto` / `stazeno`, `url` and
  `priloha` / `prilohy` children (Kladno's `<ud><item><NAZEV>…<PRILOHY><item><URL>…<NAME>`), and CSV exports.

Formats (FeedResult.format): "ofn-jsonld" = one board object (the norm's shape, with `informace`), "json-array-of-boards",
"plain-json" = a list of notice objects (bare or under a wrapper key such as `zaznamy`), "xml", "csv"; None when the
feed could not be read at all (then it is exactly one problem: invalid JSON with its line/column, refused DTD, ...).

The rule: read what can be read. A record that cannot be read at all (not an object, neither title nor url) is a
RecordProblem instead of a record; a value that is present but unreadable (a date like "brzy") keeps the record
with that field None and adds a RecordProblem with `record_kept=True`. Missing optional fields are not problems.
Pure functions: no I/O; never raises on any input bytes.
"""
from __future__ import annotations

import csv
import html as html_lib
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from typing import Any, Iterable, Iterator
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

try:  # lxml is a project dependency (via pyproject), but the module must work without it
    import lxml.html as _lxml_html
except ImportError:  # pragma: no cover - exercised by forcing the fallback in tests
    _lxml_html = None

FORMATS = ("ofn-jsonld", "json-array-of-boards", "plain-json", "xml", "csv")

# Field synonyms, as normalised keys (lower case, no diacritics, "-" and " " -> "_"). Only obvious ones.
TITLE_KEYS = ("nazev",)
IRI_KEYS = ("iri",)
URL_KEYS = ("url", "odkaz")
POSTED_KEYS = ("vyveseni", "vyveseno", "datum_vyveseni")
UNTIL_KEYS = ("relevantni_do", "sejmuto", "sejmuti", "datum_sejmuti", "stazeno", "vyveseno_do")
REFERENCE_KEYS = ("cislo_jednaci",)
FILE_MARK_KEYS = ("spisova_znacka",)
AGENDA_KEYS = ("agenda", "agendy")
DOCUMENT_KEYS = ("dokument", "dokumenty", "priloha", "prilohy")
DESCRIPTION_KEYS = ("popis",)
LIST_KEYS = ("informace", "zaznamy", "polozky", "dokumenty", "items", "data")  # wrappers of a plain-JSON record list
XML_ATTACHMENT_TAGS = ("priloha", "prilohy")  # in XML `dokument` is the notice itself (eDesky style)
ATTACHMENT_TITLE_KEYS = ("nazev", "name")     # Kladno's XML names attachments <NAME>

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_CZ_DATE = re.compile(r"^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})(?:$|[\s,T])")
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
_DTD = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_BOARD_WORDS = re.compile(r"uredni[\s_\-]*desk[ay]")
_DATA_WORDS = re.compile(r"json|opendata|open[\s_\-]data|otevren\w*[\s_\-]+dat")


@dataclass(frozen=True)
class Board:
    """One notice board of a feed; publishers are matched by IČO, never by name."""
    iri: str | None
    page: str | None          # `stránka`
    ico: str | None           # `provozovatel.ičo`, zero-padded to 8 digits; None when not 1-8 digits
    name: str | None = None   # `provozovatel.název` (or the board's `název`) when present


@dataclass(frozen=True)
class NoticeRecord:
    """One notice ("informace na úřední desce") as read from a feed."""
    board_iri: str | None
    iri: str | None
    url: str | None
    title: str | None
    posted_on: date | None
    relevant_until: date | None
    relevant_until_unspecified: bool
    reference_number: str | None
    file_mark: str | None
    agendas: tuple[str, ...]
    documents: tuple[tuple[str | None, str], ...]  # (title, url) per attachment
    description: str | None
    position: str             # where in the feed: "informace[3]", "[5].informace[0]", "/ud/item[2]", "line 4"


@dataclass(frozen=True)
class RecordProblem:
    """Something in the feed that could not be read, with where and why."""
    position: str
    iri: str | None
    title: str | None
    reason: str
    line: int | None = None       # CSV line / JSON or XML error line, when known
    record_kept: bool = False     # True: the record was still emitted, only the named value was unreadable


@dataclass
class FeedResult:
    """Everything read from one feed."""
    format: str | None            # one of FORMATS; None when the feed could not be read at all
    boards: list[Board] = field(default_factory=list)
    records: list[NoticeRecord] = field(default_factory=list)
    problems: list[RecordProblem] = field(default_factory=list)


# --- small value readers ------------------------------------------------------------------------

def norm_key(key: Any) -> str:
    """`Relevantní-do` -> `relevantni_do`: feeds disagree on diacritics, case and separators."""
    text = unicodedata.normalize("NFKD", str(key))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().strip()
    return re.sub(r"[\s\-]+", "_", text)


def _get(obj: dict, keys: Iterable[str]) -> Any:
    """The first non-empty value under the normalised `keys`, in their order (the norm's key first, then synonyms)."""
    normalised = {norm_key(k): v for k, v in obj.items()}
    for key in keys:
        if key in normalised and normalised[key] not in (None, "", [], {}):
            return normalised[key]
    return None


def _unescape_text(text: str) -> str:
    """Unescape HTML entities (`&quot;`, also double-escaped ones) but never a bare `&`."""
    for _ in range(3):
        new = _ENTITY.sub(lambda m: html_lib.unescape(m.group(0)), text)
        if new == text:
            break
        text = new
    return text


def _text(value: Any) -> str | None:
    """A language map `{"cs": ...}`, a plain string, a number or a list of those -> stripped text or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        text = " ".join(_unescape_text(value).split())
        return text or None
    if isinstance(value, dict):
        if "cs" in value:
            return _text(value["cs"])
        for v in value.values():
            if isinstance(v, str) and _text(v):
                return _text(v)
        return None
    if isinstance(value, list):
        for v in value:
            if _text(v):
                return _text(v)
    return None


def clean_url(value: Any, base: str | None = None) -> str | None:
    """`&amp;` / `&amp;amp;` -> `&` (escaped-in-JSON URLs), then resolve a relative URL against `base`."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    while "&amp;" in url:
        url = url.replace("&amp;", "&")
    if not url:
        return None
    return _join(base, url) if base else url


def _join(base: str, href: str) -> str:
    """urljoin that keeps `href` as given when either URL is malformed (e.g. a broken IPv6 host)."""
    try:
        return href if urlsplit(href).scheme else urljoin(base, href)
    except ValueError:
        return href


def normalise_ico(value: Any) -> str | None:
    """IČO as 8 digits ("261912" and 261912 -> "00261912"); anything else is not an IČO."""
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).replace(" ", "").strip()
    return text.zfill(8) if re.fullmatch(r"\d{1,8}", text) else None


def _prague_offset(utc: datetime) -> timedelta:
    """CET/CEST offset at a UTC instant (EU rule: summer time from the last Sunday of March to that of October, 01:00 UTC)."""
    def last_sunday(year: int, month: int) -> datetime:
        d = datetime(year, month + 1, 1, 1, tzinfo=timezone.utc) - timedelta(days=1)
        return d - timedelta(days=(d.weekday() + 1) % 7)
    summer = last_sunday(utc.year, 3) <= utc < last_sunday(utc.year, 10)
    return timedelta(hours=2 if summer else 1)


def parse_date(value: str) -> date | None:
    """ISO date or datetime (an instant with offset/`Z` -> the Prague calendar date), or Czech "D. M. YYYY"."""
    text = value.strip()
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        dt = None
    if dt is not None:
        if dt.tzinfo is None:
            return dt.date()
        try:
            utc = dt.astimezone(timezone.utc)
            return (utc + _prague_offset(utc)).date()
        except (OverflowError, ValueError):  # year 1 or 9999 pushed out of range by the offset
            return dt.date()
    for pattern, order in ((_ISO_DATE, (1, 2, 3)), (_CZ_DATE, (3, 2, 1))):
        m = pattern.match(text)
        if m:
            try:
                return date(*(int(m.group(i)) for i in order))
            except ValueError:
                return None
    return None


def _moment(value: Any) -> tuple[date | None, bool, str | None]:
    """A `Časový okamžik` (or a plain date string) -> (date, unspecified, unreadable raw value)."""
    if value is None:
        return None, False, None
    if isinstance(value, dict):
        normalised = {norm_key(k): v for k, v in value.items()}
        if normalised.get("nespecifikovany") is True:
            return None, True, None
        raw = next((normalised[k] for k in ("datum", "datum_a_cas") if normalised.get(k) not in (None, "")), None)
        if raw is None:
            return None, False, None
        value = raw
    if isinstance(value, str):
        if not value.strip():
            return None, False, None
        parsed = parse_date(value)
        return parsed, False, None if parsed else value.strip()
    return None, False, json.dumps(value, ensure_ascii=False)[:60]


def _as_list(value: Any) -> list:
    """A single object where the norm has a list (`dokument`, `agenda`) -> a one-item list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _documents(value: Any, base: str | None) -> tuple[tuple[str | None, str], ...]:
    """`dokument[]{název, url}` (or URL strings) -> ((title, url), ...); attachments without a URL are dropped."""
    out = []
    for item in _as_list(value):
        if isinstance(item, str):
            url, title = clean_url(item, base), None
        elif isinstance(item, dict):
            url = clean_url(_get(item, URL_KEYS), base)
            title = _text(_get(item, ATTACHMENT_TITLE_KEYS))
        else:
            continue
        if url:
            out.append((title, url))
    return tuple(out)


def _agendas(value: Any) -> tuple[str, ...]:
    """`agenda[].název.cs` (or plain strings) -> names."""
    names = []
    for item in _as_list(value):
        name = _text(_get(item, TITLE_KEYS)) if isinstance(item, dict) else _text(item)
        if name:
            names.append(name)
    return tuple(names)


# --- one record ---------------------------------------------------------------------------------

def _record(fields: dict[str, Any], position: str, board_iri: str | None, base: str | None,
            line: int | None = None) -> tuple[NoticeRecord | None, RecordProblem | None]:
    """One notice from a key->value mapping (JSON object, XML element, CSV row): a record, a problem, or both."""
    iri = _text(_get(fields, IRI_KEYS))
    title = _text(_get(fields, TITLE_KEYS))
    url = clean_url(_get(fields, URL_KEYS), base)
    if not title and not url:
        return None, RecordProblem(position, iri, None, "no title and no url", line)
    posted, _, bad_posted = _moment(_get(fields, POSTED_KEYS))
    until, unspecified, bad_until = _moment(_get(fields, UNTIL_KEYS))
    record = NoticeRecord(
        board_iri=board_iri, iri=iri, url=url, title=title, posted_on=posted, relevant_until=until,
        relevant_until_unspecified=unspecified, reference_number=_text(_get(fields, REFERENCE_KEYS)),
        file_mark=_text(_get(fields, FILE_MARK_KEYS)), agendas=_agendas(_get(fields, AGENDA_KEYS)),
        documents=_documents(_get(fields, DOCUMENT_KEYS), base), description=_text(_get(fields, DESCRIPTION_KEYS)),
        position=position)
    bad = [f"unreadable date '{raw}'" for raw in (bad_posted, bad_until) if raw is not None]
    problem = RecordProblem(position, iri, title, "; ".join(bad), line, record_kept=True) if bad else None
    return record, problem


def _add(result: FeedResult, pair: tuple[NoticeRecord | None, RecordProblem | None]) -> None:
    """File a `_record` outcome: the record, its problem, or both."""
    record, problem = pair
    if record is not None:
        result.records.append(record)
    if problem is not None:
        result.problems.append(problem)


def _unreadable(reason: str, position: str = "feed", line: int | None = None) -> FeedResult:
    """The whole feed is one problem (format None): invalid JSON/XML, refused DTD, no notice list, ..."""
    return FeedResult(None, problems=[RecordProblem(position, None, None, reason, line)])


# --- JSON ---------------------------------------------------------------------------------------

def _is_board(obj: Any) -> bool:
    """A board object: it has the norm's `informace` (or says `typ: Úřední deska`)."""
    if not isinstance(obj, dict):
        return False
    typ = obj.get("typ")
    typs = typ if isinstance(typ, list) else [typ]
    return "informace" in {norm_key(k) for k in obj} or any(norm_key(t) == "uredni_deska" for t in typs if isinstance(t, str))


def _board(obj: dict) -> Board:
    publisher = _get(obj, ("provozovatel",))
    publisher = publisher if isinstance(publisher, dict) else {}
    name = _text(_get(publisher, ("nazev", "jmeno"))) or _text(_get(obj, TITLE_KEYS))
    return Board(iri=_text(_get(obj, IRI_KEYS)), page=_text(_get(obj, ("stranka",))),
                 ico=normalise_ico(_get(publisher, ("ico",))), name=name)


def _read_items(result: FeedResult, items: Any, prefix: str, board_iri: str | None, base: str | None) -> None:
    """Every item of a record list; a single object counts as a one-item list."""
    for i, item in enumerate(_as_list(items)):
        position = f"{prefix}[{i}]"
        if not isinstance(item, dict):
            result.problems.append(RecordProblem(position, None, _text(item) if isinstance(item, str) else None,
                                                 f"not an object ({type(item).__name__})"))
            continue
        _add(result, _record(item, position, board_iri, base))


def _read_board(result: FeedResult, obj: dict, prefix: str, base: str | None) -> None:
    board = _board(obj)
    result.boards.append(board)
    items = {norm_key(k): v for k, v in obj.items()}.get("informace")
    where = f"{prefix}.informace" if prefix else "informace"
    if items is None:
        result.problems.append(RecordProblem(prefix or "feed", board.iri, None, "board without 'informace'"))
        return
    _read_items(result, items, where, board.iri, base)


def _parse_json(text: str, base: str | None) -> FeedResult:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        return _unreadable(f"invalid JSON: {e.msg} (char {e.pos})",
                             f"line {e.lineno}, column {e.colno}", e.lineno)
    except RecursionError:
        return _unreadable("invalid JSON: nested too deeply")
    if isinstance(data, dict) and _is_board(data):
        result = FeedResult("ofn-jsonld")
        _read_board(result, data, "", base)
        return result
    if isinstance(data, list) and any(_is_board(b) for b in data):
        result = FeedResult("json-array-of-boards")
        for i, board in enumerate(data):
            if _is_board(board):
                _read_board(result, board, f"[{i}]", base)
            else:
                result.problems.append(RecordProblem(f"[{i}]", None, None, f"not a board ({type(board).__name__})"))
        return result
    result = FeedResult("plain-json")
    if isinstance(data, list):
        _read_items(result, data, "", None, base)
    elif isinstance(data, dict):
        normalised = {norm_key(k): (k, v) for k, v in data.items()}
        key = next((k for k in LIST_KEYS if isinstance(normalised.get(k, (None, None))[1], list)), None)
        if key is None:
            return _unreadable(f"no list of notices found (keys: {', '.join(map(str, list(data)[:8]))})")
        _read_items(result, normalised[key][1], normalised[key][0], None, base)
    else:
        return _unreadable(f"JSON is a {type(data).__name__}, not an object or array")
    return result


# --- XML ----------------------------------------------------------------------------------------

def _local(tag: Any) -> str:
    return norm_key(tag.rsplit("}", 1)[-1]) if isinstance(tag, str) else ""


def _xml_fields(el: ET.Element) -> dict[str, Any]:
    """An element's attributes and children as fields; repeated children become lists, containers stay elements."""
    fields: dict[str, Any] = {_local(k): v for k, v in el.attrib.items()}
    for child in el:
        key = _local(child.tag)
        if key in XML_ATTACHMENT_TAGS:
            fields.setdefault(key, []).extend(_xml_attachments(child))
            continue
        value: Any = (child.text or "").strip()
        if len(child):  # <vyveseni><datum>..</datum></vyveseni>
            value = {_local(c.tag): (c.text or "").strip() for c in child}
        if key in AGENDA_KEYS:
            fields.setdefault(key, []).append(value)
        elif key not in fields:
            fields[key] = value
    return fields


def _xml_attachments(el: ET.Element) -> list[dict[str, Any]]:
    """Attachments of every shape seen: `<priloha url=..>`, `<priloha><url/><nazev/></priloha>`, `<priloha>URL</priloha>`,
    and containers such as Kladno's `<PRILOHY><item><URL/><NAME/></item></PRILOHY>`."""
    own = {_local(k): v for k, v in el.attrib.items()}
    own.update({_local(c.tag): (c.text or "").strip() for c in el if len(c) == 0})
    if _get(own, URL_KEYS):
        return [own]
    nested = [a for c in el if len(c) for a in _xml_attachments(c)]
    if nested:
        return nested
    text = (el.text or "").strip()
    return [{"url": text, **own}] if text else []


def _qualifies(el: ET.Element) -> bool:
    """A notice element names itself or its posting date (child or attribute)."""
    names = {_local(c.tag) for c in el} | {_local(k) for k in el.attrib}
    return bool(names & set(TITLE_KEYS + POSTED_KEYS))


def _collect(el: ET.Element, path: str, out: list[tuple[ET.Element, str]]) -> bool:
    """Notice elements = qualifying elements with no qualifying element below (attachment subtrees aside)."""
    found: list[tuple[ET.Element, str]] = []
    seen: dict[str, int] = {}
    below = False
    for child in el:
        tag = _local(child.tag)
        if not tag or tag in XML_ATTACHMENT_TAGS:
            continue
        seen[tag] = seen.get(tag, 0) + 1
        name = child.tag.rsplit("}", 1)[-1]
        below |= _collect(child, f"{path}/{name}[{seen[tag]}]", found)
    if below:
        out.extend(found)
        return True
    if _qualifies(el):
        out.append((el, path))
        return True
    return False


def _parse_xml(data: bytes, text: str, base: str | None) -> FeedResult:
    if _DTD.search(text):  # anywhere, so a comment in the prolog cannot hide one; a false refusal is reported
        return _unreadable("XML with a DOCTYPE/ENTITY declaration refused (entity expansion risk)")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        line, column = e.position
        return _unreadable(f"invalid XML: {e}", f"line {line}, column {column}", line)
    result = FeedResult("xml")
    found: list[tuple[ET.Element, str]] = []
    try:
        _collect(root, f"/{root.tag.rsplit('}', 1)[-1]}", found)
        if not found:
            return _unreadable(f"no notice elements (none with {'/'.join(TITLE_KEYS + POSTED_KEYS)}) in <{_local(root.tag)}>")
        for el, path in found:
            _add(result, _record(_xml_fields(el), path, None, base))
    except RecursionError:
        return _unreadable("XML nested too deeply")
    return result


# --- CSV ----------------------------------------------------------------------------------------

def _parse_csv(text: str, base: str | None) -> FeedResult:
    result = FeedResult("csv")
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t|", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return _unreadable("empty CSV")
    columns = [norm_key(h) for h in header]
    if not set(columns) & set(TITLE_KEYS + URL_KEYS):
        return _unreadable(f"CSV header has no title or url column: {header[:8]}", "line 1", 1)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            result.problems.append(RecordProblem(f"line {start}", None, None, f"unreadable CSV row: {e}", start))
            continue
        if not any(cell.strip() for cell in row):
            continue
        fields: dict[str, Any] = dict(zip(columns, (cell.strip() for cell in row)))
        for key in DOCUMENT_KEYS:
            if fields.get(key):
                fields[key] = [u for u in re.split(r"[\s|]+", fields[key]) if u]
        _add(result, _record(fields, f"line {start}", None, base, start))
    return result


# --- the entry point ----------------------------------------------------------------------------

def _decode(data: bytes, content_type: str | None) -> str:
    """UTF-8 (BOM or not), else the declared charset, else windows-1250 (Czech legacy exports)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    m = re.search(r"charset=([\w\-]+)", content_type or "", re.IGNORECASE)
    if m:
        try:
            return data.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1250", errors="replace")


def _kind(text: str, content_type: str | None, url: str | None) -> str | None:
    """json / xml / csv from the body first, the declared type and the URL's extension second."""
    head = text.lstrip()[:1]
    if head in ("{", "["):
        return "json"
    if head == "<":
        return "html" if _HTML_START.match(text) else "xml"
    hint = (content_type or "").lower() + " " + (url or "").split("?", 1)[0].lower()
    first = norm_key(text.lstrip().split("\n", 1)[0])
    if "csv" in hint or any(k in re.split(r"[;,\t|\"]+", first) for k in TITLE_KEYS + URL_KEYS):
        return "csv"
    if "json" in hint:
        return "json"
    return None


def parse_feed(data: bytes, content_type: str | None = None, url: str | None = None) -> FeedResult:
    """Read a notice-board feed (OFN JSON-LD, an array of boards, plain JSON, XML or CSV); never raises."""
    text = _decode(data, content_type)
    kind = _kind(text, content_type, url)
    if kind == "json":
        return _parse_json(text, url)
    if kind == "xml":
        return _parse_xml(data, text, url)
    if kind == "csv":
        return _parse_csv(text, url)
    if kind == "html":
        return _unreadable("an HTML page, not a feed")
    if not text.strip():
        return _unreadable("empty feed")
    return _unreadable(f"unrecognised feed format (starts with {text.strip()[:20]!r})")


# --- discovery ----------------------------------------------------------------------------------

def _fold(text: str) -> str:
    """Lower case without diacritics, so "Úřední desky" and "uredni-desky" compare alike."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def is_feed_link(url: str, text: str = "") -> bool:
    """A `.jsonld` URL, or a notice board named in the URL/text together with json / open data."""
    path = unquote(url.split("#", 1)[0].split("?", 1)[0]).lower()
    if path.endswith(".jsonld"):
        return True
    hay = _fold(unquote(url) + " " + text)
    return bool(_BOARD_WORDS.search(hay) and _DATA_WORDS.search(hay))


def _links_lxml(html: str) -> Iterator[tuple[str, str, str, str]]:
    """(tag, href, rel+type, text) in page order, via lxml."""
    try:
        doc = _lxml_html.fromstring(html)
    except ValueError:  # a str with an XML encoding declaration
        doc = _lxml_html.fromstring(html.encode("utf-8"), parser=_lxml_html.HTMLParser(encoding="utf-8"))
    for el in doc.iter("base", "link", "a"):
        href = el.get("href")
        if href is None:
            continue
        kind = f"{el.get('rel', '')}|{el.get('type', '')}"
        text = el.text_content() + " " + (el.get("title") or "") if el.tag == "a" else ""
        yield el.tag, href, kind, text


class _LinkCollector(HTMLParser):
    """The html.parser fallback: collects the same (tag, href, rel+type, text) tuples."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[list[str]] = []
        self._open_a: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("base", "link", "a") and "href" in a:
            item = [tag, a["href"], f"{a.get('rel', '')}|{a.get('type', '')}", a.get("title", "") if tag == "a" else ""]
            self.links.append(item)
            if tag == "a":
                self._open_a = item

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._open_a = None

    def handle_data(self, data: str) -> None:
        if self._open_a is not None:
            self._open_a[3] += " " + data


def _links_stdlib(html: str) -> Iterator[tuple[str, str, str, str]]:
    collector = _LinkCollector()
    collector.feed(html)
    collector.close()
    for tag, href, kind, text in collector.links:
        yield tag, href, kind, text


def feed_links(html: str, base_url: str) -> list[str]:
    """OFN notice-board feed URLs a municipal page points to: absolute, de-duplicated, in page order."""
    if not html or not html.strip():
        return []
    try:
        links = list(_links_lxml(html) if _lxml_html is not None else _links_stdlib(html))
    except Exception:  # a page lxml cannot build a tree from: fall back rather than fail discovery
        links = list(_links_stdlib(html))
    base, out, seen = base_url, [], set()
    for tag, href, kind, text in links:
        href = href.strip()
        if tag == "base":
            base = _join(base_url, href)
            continue
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        try:
            absolute = urldefrag(urljoin(base, href))[0]
            scheme = urlsplit(absolute).scheme
        except ValueError:  # a malformed href (e.g. a broken IPv6 host) is no feed
            continue
        rel, _, typ = kind.partition("|")
        if tag == "link":
            wanted = "alternate" in rel.lower().split() and typ.split(";")[0].strip().lower() == "application/ld+json"
        else:
            wanted = is_feed_link(absolute, text)
        if wanted and scheme in ("http", "https") and absolute not in seen:
            seen.add(absolute)
            out.append(absolute)
    return out
