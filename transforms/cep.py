"""Streaming reader of the IS VaVaI / CEP open-data CSV exports (CEP-projekty.csv, CEP-ucastnici.csv).

Pure functions: the caller opens the file and feeds bytes chunks (e.g. 1 MiB); nothing here touches
files, the network, DuckDB or Dagster. Memory stays bounded by one chunk plus one row (a row may not
exceed MAX_RECORD_CHARS / MAX_RECORD_LINES), so the ~160 MB CEP-projekty.csv streams.

Format facts relied on (/work/shared/domain/RECORD_FORMATS.md section 1, cep_data_quality_2021.md,
taxonomy.json `record_schemas.cep_project_record_opendata`):
- The official export is read by the data.gov.cz article with readr `read_csv` and by third-party ingest
  code with pandas `read_csv` defaults, i.e. UTF-8, comma-separated, RFC 4180 quoting; it publishes a
  CSVW schema (CEP-projekty.csv-metadata.json). Copies re-saved by Windows tools arrive as cp1250 and/or
  with `;`, so the encoding (UTF-8 with or without BOM, else cp1250) and the delimiter (`,` `;` TAB,
  from the header line) are detected, not assumed.
- Column names are the real lower-case ones (`kod_projektu`, `odkaz_na_isvavai.cz`, ...); `RAid` and
  `ROR` are mixed-case in the header, so names are normalised (strip, lower-case, BOM removed).
- `datum_zahajeni` / `datum_ukonceni` are empty in ~23k of 53,713 rows (2021); `rok_zahajeni` /
  `rok_ukonceni` are always filled, so the years come from them (or from the date when a year is missing).
- `ico` has variable length (1-8 digits): leading zeros were lost; it is zero-padded to 8 digits.
- `hlavni_prijemce` (projects) and `ucastnik` (participants) hold the same participant key, of the form
  `ico:12345678` (taxonomy notes; the OpenAlex ingest joins the two files on exactly these columns).
- Money (`celkove_naklady_na_dobu_reseni`, `statni_podpora_na_dobu_reseni`,
  `podpora_z_verejnych_zahranicnich_zdroju`, participants' `celkove_naklady_ucastnika_na_dobu_reseni`,
  `statni_podpora_pro_ucastnika_na_dobu_reseni`): none of the notes states a unit. Third-party ingest
  code stores the values unchanged as CZK (`state_support_czk`, logged as "CZK"), so the values are
  taken as whole CZK as written, never scaled by 1000; verify against the published CSVW schema before
  summing them with figures in thousands.

A broken row never stops the stream: it becomes a RowProblem at the physical line where it starts,
and the rows before and after it are still read. A quote that is never closed (a truncated file, a stray
quote) is reported at its row and the lines after that row are read again as rows of their own.
"""
from __future__ import annotations

import codecs
import csv
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple, TypeVar
from urllib.parse import quote

HEAD_BYTES = 1 << 20            # bytes looked at to decide the encoding
MAX_LINE_BYTES = 8 << 20        # one physical line longer than this is reported and skipped
MAX_RECORD_LINES = 2_000        # a quoted field still open after this many lines is a stray quote
MAX_RECORD_CHARS = 2_000_000    # ... or after this many characters
DELIMITERS = (",", ";", "\t")   # in order of preference on a tie (`,` is the official export's)
DETAIL_URL = "https://www.isvavai.cz/cep?s=jednoduche-vyhledavani&ss=detail&n=0&h={code}"
EXCERPT_CHARS = 80
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: `values` maps normalised column names to the raw field text."""

    line: int
    values: dict[str, str]


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that could not be read: 1-based physical line where it starts, a one-line reason, its first characters."""

    line: int
    reason: str
    excerpt: str = ""


class _Line(NamedTuple):
    no: int
    text: str
    bad: str | None = None      # why this line cannot be trusted (undecodable, NUL, too long)
    overlong: bool = False


# ------------------------------------------------------------------ bytes -> numbered text lines
_NON_ASCII_OK = re.compile(r"[^\x00-\x7f\ufffd]")


def detect_encoding(head: bytes) -> str:
    """'utf-8-sig' (BOM), 'utf-8', or 'cp1250' (Czech exports saved by Windows tools).

    A head that is UTF-8 but for a few bad bytes stays UTF-8, so the bad rows get reported instead of the
    whole file being read as cp1250 mojibake; a trailing, cut multi-byte character is not an error.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    text = codecs.getincrementaldecoder("utf-8")("replace").decode(head, final=False)
    bad, good = text.count("\ufffd"), len(_NON_ASCII_OK.findall(text))
    return "utf-8" if good >= 20 * bad else "cp1250"


def _peek_head(chunks: Iterator[bytes]) -> bytes:
    """Up to HEAD_BYTES from the start of the stream (more only if one chunk is bigger)."""
    head = bytearray()
    for chunk in chunks:
        head += chunk
        if len(head) >= HEAD_BYTES:
            break
    return bytes(head)


def _physical_lines(first: bytes, chunks: Iterator[bytes]) -> Iterator[bytes | None]:
    """Byte lines split on LF (safe in UTF-8 and cp1250), terminators kept; None for an overlong line."""
    buf = bytearray(first)
    skipping = False  # inside a line already reported as too long
    while True:
        start = 0
        while (nl := buf.find(b"\n", start)) >= 0:
            if skipping or nl + 1 - start > MAX_LINE_BYTES:
                yield None
                skipping = False
            else:
                yield bytes(buf[start:nl + 1])
            start = nl + 1
        del buf[:start]
        if len(buf) > MAX_LINE_BYTES:
            buf.clear()
            skipping = True
        chunk = next(chunks, None)
        if chunk is None:
            break
        buf += chunk
    if skipping or len(buf) > MAX_LINE_BYTES:
        yield None
    elif buf:
        yield bytes(buf)


def _decoded_lines(raw: Iterator[bytes | None], encoding: str) -> Iterator[_Line]:
    """Numbered text lines; an undecodable or NUL-carrying line is kept (with replacements) but marked bad."""
    for no, data in enumerate(raw, start=1):
        if data is None:
            yield _Line(no, "", f"line {no} is longer than {MAX_LINE_BYTES:,} bytes", overlong=True)
            continue
        if no == 1 and data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]
        bad = None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            text = data.decode(encoding, errors="replace")
            bad = f"line {no}: byte 0x{data[err.start]:02x} at column {err.start + 1} is not valid {encoding}"
        if "\x00" in text:
            bad = bad or f"line {no} contains a NUL byte"
        yield _Line(no, text, bad)


class _LineSource:
    """Numbered lines with push-back, so lines swallowed by an unclosed quote can be read again."""

    def __init__(self, lines: Iterator[_Line]):
        self._lines = lines
        self._back: deque[_Line] = deque()

    def next(self) -> _Line | None:
        return self._back.popleft() if self._back else next(self._lines, None)

    def push_back(self, lines: list[_Line]) -> None:
        self._back.extendleft(reversed(lines))


# ------------------------------------------------------------------ text lines -> records
def _still_quoted(line: str, delim: str, in_quotes: bool) -> bool:
    """Whether a quoted field is still open at the end of this line (csv-module semantics: a quote opens a
    field only at its start; `""` inside a quoted field is a literal quote)."""
    pos, n = 0, len(line)
    while True:
        if in_quotes:
            q = line.find('"', pos)
            if q < 0:
                return True
            if line.startswith('""', q):
                pos = q + 2
                continue
            in_quotes = False
            pos = q + 1
        elif pos < n and line[pos] == '"':
            in_quotes = True
            pos += 1
            continue
        d = line.find(delim, pos)
        if d < 0:
            return False
        pos = d + 1


def _excerpt(text: str) -> str:
    """The row's first characters on one line, control characters shown as `?`, for the problem report."""
    flat = " ".join(text[:EXCERPT_CHARS * 2].split())[:EXCERPT_CHARS]
    return "".join(c if c.isprintable() else "?" for c in flat)


class _Record(NamedTuple):
    line: int
    lines: list[_Line]


def _next_record(src: _LineSource, delim: str) -> _Record | RowProblem | None:
    """The physical lines of the next row (blank lines skipped), or a problem for an unclosed quote."""
    first = src.next()
    while first is not None and not first.bad and not first.text.strip():
        first = src.next()
    if first is None:
        return None
    if first.overlong:
        return RowProblem(first.no, first.bad or "line too long")
    lines, chars = [first], len(first.text)
    in_quotes = _still_quoted(first.text, delim, False)
    while in_quotes:
        nxt = src.next()
        if nxt is None:
            src.push_back(lines[1:])
            return RowProblem(first.no, "file ends inside a quoted field opened in this row (truncated file or "
                                        "stray quote)", _excerpt(first.text))
        if nxt.overlong:
            src.push_back(lines[1:] + [nxt])
            return RowProblem(first.no, f"quoted field opened in this row runs into line {nxt.no}, which is "
                                        f"longer than {MAX_LINE_BYTES:,} bytes", _excerpt(first.text))
        lines.append(nxt)
        chars += len(nxt.text)
        if len(lines) > MAX_RECORD_LINES or chars > MAX_RECORD_CHARS:
            src.push_back(lines[1:])
            return RowProblem(first.no, f"quoted field opened in this row is not closed within {MAX_RECORD_LINES:,} "
                                        f"lines / {MAX_RECORD_CHARS:,} characters (stray quote?)", _excerpt(first.text))
        in_quotes = _still_quoted(nxt.text, delim, True)
    return _Record(first.no, lines)


def _fields(rec: _Record, delim: str) -> list[str] | str:
    """The row's fields, or why its quoting is malformed (csv strict mode)."""
    texts = [ln.text for ln in rec.lines]
    if len(texts) == 1 and '"' not in texts[0]:
        return texts[0].rstrip("\r\n").split(delim)
    try:
        rows = list(csv.reader(texts, delimiter=delim, quotechar='"', doublequote=True, strict=True))
    except csv.Error as err:
        return f"malformed quoting: {err}"
    if len(rows) != 1:
        return f"malformed quoting: {len(rows)} rows where one was expected"
    return [f.replace("\r\n", "\n") for f in rows[0]]


def _sniff_delimiter(header: str) -> str:
    """The candidate delimiter occurring most often in the header outside quotes (`,` on a tie or none)."""
    bare = re.sub(r'"[^"]*"', "", header)
    counts = [(bare.count(d), -i, d) for i, d in enumerate(DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] > 0 else ","


def _column_names(fields: list[str]) -> list[str]:
    """strip + lower-case + BOM removed; an empty name becomes column_<n>, a repeated one gets a _<k> suffix."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(fields, start=1):
        name = raw.replace("\ufeff", "").strip().lower() or f"column_{i}"
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return out


def read_rows(chunks: Iterable[bytes], encoding: str | None = None) -> Iterator[Row | RowProblem]:
    """Rows of a CEP CSV export fed as bytes chunks of any size, in file order, each a Row or a RowProblem.

    The first row is the header (not yielded). `encoding` overrides detect_encoding() on the first MiB.
    """
    it = iter(chunks)
    head = _peek_head(it)
    enc = (encoding or detect_encoding(head)).lower().replace("_", "-")
    enc = "utf-8" if enc in ("utf-8-sig", "utf8-sig", "utf8") else enc
    src = _LineSource(_decoded_lines(_physical_lines(head, it), enc))
    first = src.next()
    while first is not None and not first.bad and not first.text.strip():
        first = src.next()
    if first is None:
        yield RowProblem(1, "empty file: no header line")
        return
    delim = _sniff_delimiter(first.text)
    src.push_back([first])
    header = _next_record(src, delim)
    if isinstance(header, RowProblem) or header is None:
        yield header or RowProblem(1, "empty file: no header line")
        return
    bad = next((ln.bad for ln in header.lines if ln.bad), None)
    fields = _fields(header, delim) if bad is None else bad
    if isinstance(fields, str):
        yield RowProblem(header.line, f"header cannot be read ({fields}); is this a CSV text file?",
                         _excerpt(first.text))
        return
    names = _column_names(fields)
    while (rec := _next_record(src, delim)) is not None:
        if isinstance(rec, RowProblem):
            yield rec
            continue
        excerpt = _excerpt(rec.lines[0].text)
        bad = next((ln.bad for ln in rec.lines if ln.bad), None)
        if bad is not None:
            yield RowProblem(rec.line, bad, excerpt)
            continue
        values = _fields(rec, delim)
        if isinstance(values, str):
            src.push_back(rec.lines[1:])  # a misplaced quote may have swallowed good rows
            yield RowProblem(rec.line, values, excerpt)
        elif len(values) != len(names):
            yield RowProblem(rec.line, f"expected {len(names)} fields, found {len(values)}", excerpt)
        else:
            yield Row(rec.line, dict(zip(names, values)))


# ------------------------------------------------------------------ field values
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_CZ_DATE = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
_SPACE = "[ \u00a0\u202f]"
_MONEY_FORMS = (  # (pattern, thousands separator as a regex); grouped forms are tried before the plain one
    (re.compile(rf"(\d{{1,3}}(?:{_SPACE}\d{{3}})+)(?:([.,])(\d+))?"), _SPACE),
    (re.compile(r"(\d{1,3}(?:\.\d{3})+)(?:(,)(\d+))?"), r"\."),
    (re.compile(r"(\d{1,3}(?:,\d{3})+)(?:(\.)(\d+))?"), ","),
    (re.compile(r"(\d+)(?:([.,])(\d+))?"), None),
)
_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z._/\-]{2,39}")
_ICO_KEY = re.compile(r"ico\s*:\s*(.*)", re.IGNORECASE)
_ROR = re.compile(r"(?:https?://ror\.org/)?(0[a-z0-9]{6}[0-9]{2})", re.IGNORECASE)


def parse_date(text: str) -> str | None:
    """ISO date from `2021-03-01`, `1.3.2021` / `1. 3. 2021` or `2021-03-01 00:00:00`; None when empty.

    Raises ValueError for anything else, so a shifted column is caught instead of silently emptied.
    """
    s = text.strip()
    if not s:
        return None
    if m := _ISO_DATE.fullmatch(s):
        y, mo, d = m.groups()
    elif m := _CZ_DATE.fullmatch(s):
        d, mo, y = m.groups()
    else:
        raise ValueError(f"{s[:30]!r} is not a date")
    return date(int(y), int(mo), int(d)).isoformat()


def parse_year(text: str) -> int | None:
    """A four-digit year (`2019`, also `2019.0` from spreadsheet re-saves); None when empty."""
    s = text.strip()
    if not s:
        return None
    if not re.fullmatch(r"\d{4}(?:\.0+)?", s):
        raise ValueError(f"{s[:30]!r} is not a year")
    return int(s[:4])


def parse_czk(text: str) -> int | None:
    """Whole CZK from `1234567`, `1 234 567`, `1234567,50`, `1 234 567.00`, `1.234.567` or `1,234,567`.

    Decimals are rounded half up. A single `.`/`,` followed by exactly three digits after one to three
    digits (`1,234`) is read as a thousands separator, otherwise as a decimal separator. None when empty;
    ValueError for anything else (including negative amounts).
    """
    s = text.strip()
    if not s:
        return None
    for pattern, thousands in _MONEY_FORMS:
        if m := pattern.fullmatch(s):
            whole, _sep, frac = m.groups()
            if thousands:
                whole = re.sub(thousands, "", whole)
            value = Decimal(whole) + (Decimal("0." + frac) if frac else 0)
            return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    raise ValueError(f"{s[:30]!r} is not an amount of money")


def pad_ico(text: str) -> str | None:
    """IČO as 8 digits, zero-padded on the left (CEP lost leading zeros); also accepts an `ico:` key.

    None when empty or all zeros (a placeholder, not a company); ValueError for non-digits or > 8 digits.
    """
    s = "".join(text.split())
    if m := _ICO_KEY.fullmatch(s):
        s = m.group(1)
    if not s:
        return None
    if not (s.isascii() and s.isdigit()) or len(s) > 8:
        raise ValueError(f"IČO {s[:20]!r} is not 1-8 digits")
    return None if int(s) == 0 else s.zfill(8)


def _text(value: str | None) -> str | None:
    """Stripped text with LF line ends; None when empty."""
    if value is None:
        return None
    s = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return s or None


def split_keywords(value: str | None) -> list[str]:
    """Keywords split on `;` (on `,` when there is no `;`), blanks dropped."""
    s = _text(value)
    if not s:
        return []
    parts = s.split(";") if ";" in s else s.split(",")
    return [" ".join(p.split()) for p in parts if p.strip()]


def _code(row: dict[str, str]) -> str:
    """The project code, or ValueError: required, and must look like a code (catches shifted columns)."""
    code = (row.get("kod_projektu") or "").strip()
    if not code:
        raise ValueError("kod_projektu is empty")
    if not _CODE.fullmatch(code):
        raise ValueError(f"kod_projektu {code[:30]!r} does not look like a project code")
    return code


def _ico_or_foreign(value: str, country: str | None, column: str) -> str | None:
    """Padded IČO; a non-numeric identifier is tolerated (as None) only for an organisation seated abroad."""
    try:
        return pad_ico(value)
    except ValueError as err:
        if country and country != "CZ":
            return None
        raise ValueError(f"{column}: {err}") from None


def _field(row: dict[str, str], column: str, parse: Callable[[str], T]) -> T:
    """parse(row[column]) with the column named in the error."""
    try:
        return parse(row.get(column) or "")
    except ValueError as err:
        raise ValueError(f"{column}: {err}") from None


def _country(row: dict[str, str]) -> str | None:
    c = _text(row.get("zeme_sidla"))
    return c.upper() if c else None


def project_record(row: dict[str, str]) -> dict | str:
    """A normalised CEP-projekty.csv row, or a one-line reason why the row is unusable.

    Dates are ISO strings (None when empty, ~40 % of rows); years come from rok_zahajeni / rok_ukonceni,
    or from the dates when the year columns are empty; money is whole CZK as written (see the module docstring).
    """
    try:
        code = _code(row)
        country = _country(row)
        started_on = _field(row, "datum_zahajeni", parse_date)
        ended_on = _field(row, "datum_ukonceni", parse_date)
        start_year = _field(row, "rok_zahajeni", parse_year) or (int(started_on[:4]) if started_on else None)
        end_year = _field(row, "rok_ukonceni", parse_year) or (int(ended_on[:4]) if ended_on else None)
        key = _text(row.get("hlavni_prijemce"))
        ico = _ico_or_foreign(row.get("ico") or "", country, "ico")
        if ico is None and key and _ICO_KEY.fullmatch("".join(key.split())):
            ico = _ico_or_foreign(key, country, "hlavni_prijemce")
        record = {
            "project_code": code,
            "provider": _text(row.get("poskytovatel")),
            "programme_code": _text(row.get("kod_programu")),
            "title": _text(row.get("nazev_projektu_originalni")),
            "title_en": _text(row.get("nazev_projektu_anglicky")),
            "goals": _text(row.get("cile_reseni_originalni")),
            "goals_en": _text(row.get("cile_reseni_anglicky")),
            "keywords": split_keywords(row.get("klicova_slova_anglicky")),
            "started_on": started_on,
            "ended_on": ended_on,
            "start_year": start_year,
            "end_year": end_year,
            "total_cost_czk": _field(row, "celkove_naklady_na_dobu_reseni", parse_czk),
            "state_support_czk": _field(row, "statni_podpora_na_dobu_reseni", parse_czk),
            "foreign_support_czk": _field(row, "podpora_z_verejnych_zahranicnich_zdroju", parse_czk),
            "recipient_key": key,
            "recipient_name": _text(row.get("nazev_organizace")),
            "recipient_ico": ico,
            "recipient_country": country,
            "status": _text(row.get("posledni_stav_projektu")),
            "url": _detail_url(row.get("odkaz_na_isvavai.cz"), code),
        }
    except ValueError as err:
        return str(err)
    return record


def participant_record(row: dict[str, str]) -> dict | str:
    """A normalised CEP-ucastnici.csv row, or a one-line reason why the row is unusable.

    `participant_key` is `ucastnik` as written (the join key to the project's `hlavni_prijemce`);
    `participant_ico` is the padded IČO when the key is an `ico:` key or bare digits, else None.
    """
    try:
        code = _code(row)
        country = _country(row)
        key = _text(row.get("ucastnik"))
        ico = None
        if key and (_ICO_KEY.fullmatch("".join(key.split())) or key.isdigit()):
            ico = _ico_or_foreign(key, country, "ucastnik")
        ror = _text(row.get("ror"))
        if ror and (m := _ROR.fullmatch(ror)):
            ror = "https://ror.org/" + m.group(1).lower()
        record = {
            "project_code": code,
            "provider": _text(row.get("poskytovatel")),
            "participant_key": key,
            "participant_ico": ico,
            "participant_name": _text(row.get("nazev_ucastnika")),
            "country": country,
            "cost_czk": _field(row, "celkove_naklady_ucastnika_na_dobu_reseni", parse_czk),
            "support_czk": _field(row, "statni_podpora_pro_ucastnika_na_dobu_reseni", parse_czk),
            "foreign_support_czk": _field(row, "podpora_z_verejnych_zahranicnich_zdroju", parse_czk),
            "ror": ror,
        }
    except ValueError as err:
        return str(err)
    return record


def _detail_url(value: str | None, code: str) -> str:
    """The row's own IS VaVaI link when it is one, else the documented detail-page pattern."""
    url = _text(value)
    if url and url.startswith(("https://", "http://")) and " " not in url:
        return url
    return DETAIL_URL.format(code=quote(code, safe=""))
