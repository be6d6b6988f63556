"""The sources file (CSV: source_id,kind,start_url,municipality_code[,name]) read and checked."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

SOURCE_KINDS = ("municipal_site", "regional_site", "national_site")
REQUIRED_COLUMNS = ("source_id", "kind", "start_url", "municipality_code")


class SourcesError(ValueError):
    """The sources file cannot be used; the message says which line and why."""


@dataclass(frozen=True)
class Source:
    source_id: str
    kind: str
    start_url: str
    municipality_code: str | None
    name: str | None = None

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
        try:
            parts = urlsplit(url)
            port = parts.port  # raises ValueError for a port out of range or not a number
            host = parts.hostname
        except ValueError as exc:
            raise SourcesError(f"{origin}:{lineno}: start_url {url!r} is malformed: {exc}") from None
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SourcesError(f"{origin}:{lineno}: start_url {url!r} is not an http(s) URL")
        if not host:
            raise SourcesError(f"{origin}:{lineno}: start_url {url!r} has no host")
        if port == 0:
            raise SourcesError(f"{origin}:{lineno}: start_url {url!r} has port 0")
        seen.add(sid)
        out.append(Source(sid, kind, url, code, (row.get("name") or "").strip() or None))
    if not out:
        raise SourcesError(f"{origin}: no sources")
    return out


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


def source_definitions(fetchlog_dir: Path) -> dict[str, dict]:
    """Every source ever crawled (latest definition wins), from the sources snapshots beside the fetch log."""
    defs: dict[str, dict] = {}
    for snap in sorted(Path(fetchlog_dir).glob("*.sources.csv")):
        with open(snap, encoding="utf-8-sig") as fh:
            for r in csv.DictReader(fh):
                defs[r["source_id"]] = {
                    "source_id": r["source_id"], "kind": r.get("kind"), "start_url": r.get("start_url"),
                    "municipality_code": r.get("municipality_code") or None, "name": r.get("name") or None,
                }
    return defs
