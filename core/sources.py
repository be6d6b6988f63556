"""The sources file read and checked.

CSV with the columns source_id,kind,start_url,municipality_code and optionally:
- name: a human name;
- cms: pin the CMS family (vismo, antee, as4u, nette, wordpress, generic) instead of recognising it;
- document_hosts: other hosts (host or host:port) whose documents this source links to and may fetch, e.g. a
  town's file server or a regional portal (several separated by spaces or ';');
- extra_start_urls: more start URLs on the source's own site (an archive, a notice board), same separators;
- enabled: false/0/no/off to keep a source (and its history) without crawling it.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Collection
from urllib.parse import urlsplit

# websites crawled for documents; a notice board published as open data (its attachments are documents); open-data
# files (the IS VaVaI CEP export) fetched as they are; portals of records (the Databáze strategií, good-practice
# catalogues) whose record pages are kept for their fields and whose full-text links are documents
SOURCE_KINDS = ("municipal_site", "regional_site", "national_site", "notice_board_feed", "rd_dataset",
                "strategy_registry", "good_practice_catalogue", "rd_project_listing")
REQUIRED_COLUMNS = ("source_id", "kind", "start_url", "municipality_code")
OPTIONAL_COLUMNS = ("name", "cms", "document_hosts", "extra_start_urls", "enabled")
# the families spiders/cms recognises (tests/core/test_sources.py keeps the two lists equal)
CMS_FAMILIES = ("vismo", "antee", "as4u", "nette", "wordpress", "generic")
_TRUE, _FALSE = {"", "1", "true", "yes", "on", "ano"}, {"0", "false", "no", "off", "ne"}


class SourcesError(ValueError):
    """The sources file cannot be used; the message says which line and why."""


@dataclass(frozen=True)
class Source:
    source_id: str
    kind: str
    start_url: str
    municipality_code: str | None
    name: str | None = None
    cms: str | None = None  # pinned CMS family, else recognised from the first page
    document_hosts: tuple[str, ...] = ()  # other netlocs whose documents this source may fetch
    extra_start_urls: tuple[str, ...] = ()
    enabled: bool = True

    @property
    def netloc(self) -> str:
        return urlsplit(self.start_url).netloc.lower()


def parse_sources(text: str, origin: str = "sources") -> list[Source]:
    """Parse CSV text into sources, rejecting bad rows with a line-numbered message."""
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise SourcesError(f"{origin}: missing column(s) {', '.join(missing)}; expected {','.join(REQUIRED_COLUMNS)}")
    out: list[Source] = []
    seen: set[str] = set()
    for lineno, row in enumerate(reader, start=2):
        sid = (row.get("source_id") or "").strip()
        kind = (row.get("kind") or "").strip()
        url = (row.get("start_url") or "").strip()
        code = (row.get("municipality_code") or "").strip() or None
        if not sid:
            raise SourcesError(f"{origin}:{lineno}: empty source_id")
        if sid in seen:
            raise SourcesError(f"{origin}:{lineno}: duplicate source_id {sid!r}")
        if kind not in SOURCE_KINDS:
            raise SourcesError(f"{origin}:{lineno}: unknown kind {kind!r}; expected one of {', '.join(SOURCE_KINDS)}")
        where = f"{origin}:{lineno}"
        _check_url(url, where, "start_url")
        extra = _cells(row.get("extra_start_urls"))
        for u in extra:
            _check_url(u, where, "extra_start_urls")
            if urlsplit(u).netloc.lower() != urlsplit(url).netloc.lower():
                raise SourcesError(f"{where}: extra start URL {u!r} is not on the source's site "
                                   f"{urlsplit(url).netloc}; other hosts go to document_hosts")
        hosts = tuple(_check_host(h, where) for h in _cells(row.get("document_hosts")))
        cms = (row.get("cms") or "").strip().lower() or None
        if cms is not None and cms not in CMS_FAMILIES:
            raise SourcesError(f"{where}: unknown cms {cms!r}; expected one of {', '.join(CMS_FAMILIES)}")
        enabled = (row.get("enabled") or "").strip().lower()
        if enabled not in _TRUE | _FALSE:
            raise SourcesError(f"{where}: enabled {enabled!r} is neither true nor false")
        seen.add(sid)
        out.append(Source(sid, kind, url, code, (row.get("name") or "").strip() or None, cms, hosts, extra,
                          enabled not in _FALSE))
    if not out:
        raise SourcesError(f"{origin}: no sources")
    return out


def _cells(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in (value or "").replace(";", " ").split() if v)


def _check_url(url: str, where: str, column: str) -> None:
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError for a port out of range or not a number
        host = parts.hostname
    except ValueError as exc:
        raise SourcesError(f"{where}: {column} {url!r} is malformed: {exc}") from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SourcesError(f"{where}: {column} {url!r} is not an http(s) URL")
    if not host:
        raise SourcesError(f"{where}: {column} {url!r} has no host")
    if port == 0:
        raise SourcesError(f"{where}: {column} {url!r} has port 0")


def _check_host(value: str, where: str) -> str:
    """A document host as a netloc (host or host:port), lower-cased; a URL is accepted for its netloc."""
    netloc = urlsplit(value if "//" in value else "//" + value).netloc.lower()
    try:
        ok = bool(urlsplit("//" + netloc).hostname) and urlsplit("//" + netloc).port != 0
    except ValueError:
        ok = False
    if not ok:
        raise SourcesError(f"{where}: document host {value!r} is not a host or host:port")
    return netloc


def decode_sources(data: bytes, origin: str) -> str:
    """The file as UTF-8 text; any other encoding is refused with the line of the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise SourcesError(f"{origin}:{line}: not UTF-8 (byte 0x{data[exc.start]:02x}); save the sources file as "
                           f"UTF-8") from None


def load_sources(path: Path) -> list[Source]:
    path = Path(path)
    if not path.exists():
        raise SourcesError(f"sources file {path} does not exist")
    if not path.is_file():
        raise SourcesError(f"sources file {path} is not a file")
    return parse_sources(decode_sources(path.read_bytes(), str(path)), origin=str(path))


def crawlable(sources: list[Source], only: Collection[str] | None = None) -> list[Source]:
    """The sources a crawl visits: enabled ones (a disabled source keeps its history, not its crawl), limited to
    `only` when a run covers some sources (its Dagster partitions)."""
    return [s for s in sources if s.enabled and (only is None or s.source_id in only)]


def write_only_file(path: Path, source_ids: Collection[str]) -> Path:
    """The ids a crawl is limited to, one per line (spiders.crawl --only)."""
    Path(path).write_text("".join(f"{sid}\n" for sid in sorted(source_ids)), encoding="utf-8")
    return Path(path)


def read_only_file(path: Path) -> set[str]:
    return {line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()}


def partition_keys(sources: list[Source]) -> list[str]:
    """The Dagster partitions of a sources file: one per enabled source, in file order."""
    return [s.source_id for s in crawlable(sources)]


def source_definitions(fetchlog_dir: Path) -> dict[str, dict]:
    """Every source ever crawled (latest definition wins), from the sources snapshots beside the fetch log."""
    defs: dict[str, dict] = {}
    for snap in sorted(Path(fetchlog_dir).glob("*.sources.csv")):
        with open(snap, encoding="utf-8-sig") as fh:
            for r in csv.DictReader(fh):
                defs[r["source_id"]] = {
                    "source_id": r["source_id"], "kind": r.get("kind"), "start_url": r.get("start_url"),
                    "municipality_code": r.get("municipality_code") or None, "name": r.get("name") or None,
                    "pinned_cms": (r.get("cms") or "").strip().lower() or None,
                    "document_hosts": list(_cells(r.get("document_hosts"))),
                    "enabled": (r.get("enabled") or "").strip().lower() not in _FALSE,
                }
    return defs
