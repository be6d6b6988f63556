"""The fetch log: one JSON line per HTTP fetch attempt, one file per crawl.

Files: <fetchlog_dir>/<crawl_id>.fetches.jsonl (FETCH_FIELDS) and
<crawl_id>.sources.jsonl (SOURCE_FIELDS, one line per source when the crawl
closes it). Lines are flushed one by one; a crawl killed mid-line leaves a
truncated last line, which readers skip.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Iterator

# Every fetch attempt (pages, documents, robots-forbidden and failed requests).
FETCH_FIELDS = {
    "crawl_id": "id of the crawl run that made the request",
    "source_id": "source (sources.csv) the request belongs to",
    "url": "requested URL (before redirects)",
    "final_url": "URL of the final response after redirects",
    "status": "HTTP status of the final response; null when no response came",
    "outcome": "ok | http_error | redirect_loop | forbidden_by_robots | offsite | too_large | timeout | connection_error | error",
    "error": "reason text when outcome is not ok",
    "kind": "page (HTML to follow) | document (file or document page to extract)",
    "content_type": "Content-Type header as served",
    "content_disposition": "Content-Disposition header as served",
    "content_length": "length of the body in bytes",
    "etag": "ETag header",
    "last_modified": "Last-Modified header",
    "referer": "page that linked to this URL",
    "link_text": "anchor text of the link that led here",
    "link_context": "text around the link on the referring page (list item, heading)",
    "depth": "link depth from the start URL",
    "cms": "CMS family the spider recognised on the source",
    "sha256": "sha256 of the body in the raw store (null when nothing was stored)",
    "fetched_at": "UTC time of the response (ISO 8601)",
}

SOURCE_FIELDS = {
    "crawl_id": "crawl run",
    "source_id": "source id",
    "start_url": "start URL crawled",
    "cms": "CMS family recognised",
    "status": "ok | no_documents | blocked_by_robots | unreachable | error",
    "reason": "why a source yielded no documents (null when it did)",
    "pages": "HTML pages fetched",
    "documents": "documents fetched",
    "errors": "failed fetches",
    "started_at": "UTC start",
    "finished_at": "UTC end",
}


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def new_crawl_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"


def fetches_path(fetchlog_dir: Path, crawl_id: str) -> Path:
    return Path(fetchlog_dir) / f"{crawl_id}.fetches.jsonl"


def sources_path(fetchlog_dir: Path, crawl_id: str) -> Path:
    return Path(fetchlog_dir) / f"{crawl_id}.sources.jsonl"


class JsonlAppender:
    """Appends one JSON object per line and flushes it, so a kill loses at most one line."""

    def __init__(self, path: Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.path = Path(path)
        self._fh: IO[str] = open(path, "a", encoding="utf-8")

    def write(self, record: dict) -> None:
        self._fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def read_jsonl(path: Path) -> Iterator[dict]:
    """Yield complete records; a truncated (killed) last line is skipped."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.endswith("\n"):
                break
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue


def fetch_files(fetchlog_dir: Path) -> list[Path]:
    return sorted(Path(fetchlog_dir).glob("*.fetches.jsonl"))


def source_files(fetchlog_dir: Path) -> list[Path]:
    return sorted(Path(fetchlog_dir).glob("*.sources.jsonl"))


def read_fetches(fetchlog_dir: Path, crawl_id: str | None = None) -> Iterator[dict]:
    files = [fetches_path(fetchlog_dir, crawl_id)] if crawl_id else fetch_files(fetchlog_dir)
    for f in files:
        if f.exists():
            yield from read_jsonl(f)
