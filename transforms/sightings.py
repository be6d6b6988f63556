"""When a document was seen, and since when it is gone: decided here, once, from fetch and crawl records.

A URL's sighting is gone when a later complete crawl of its source reached the site (status ok or no_documents)
without fetching that content there; a crawl that found the site unreachable, blocked or in error, or that stopped
early or at the page limit, proves nothing. A
document is gone when every URL where it was seen is gone, since the latest of those crawls. Nothing is deleted:
`gone_since` only marks it.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterable, Mapping

REACHED = frozenset({"ok", "no_documents"})


def first_and_last_seen(times: Iterable[str | None]) -> tuple[str | None, str | None]:
    """(first, last) of ISO 8601 UTC times, ignoring unknown ones."""
    known = sorted(t for t in times if t)
    return (known[0], known[-1]) if known else (None, None)


def reached_crawls(crawls: Iterable[Mapping]) -> dict[str, list[str]]:
    """source_id -> start times (sorted) of the crawls that reached the site."""
    out: dict[str, list[str]] = {}
    for c in crawls:
        # a crawl stopped early or cut by the page limit did not look everywhere (rows before the column: complete)
        if c.get("complete") is False:
            continue
        if c.get("status") in REACHED and c.get("started_at") and c.get("source_id"):
            out.setdefault(c["source_id"], []).append(c["started_at"])
    for times in out.values():
        times.sort()
    return out


def url_gone_since(source_id: str | None, last_seen_at: str | None, reached: Mapping[str, list[str]]) -> str | None:
    """Start of the first crawl of the source that reached the site after the last sighting, else None."""
    times = reached.get(source_id or "") or []
    if not last_seen_at:
        return None
    i = bisect_right(times, last_seen_at)
    return times[i] if i < len(times) else None


def document_gone_since(url_gone: Iterable[str | None]) -> str | None:
    """A document is gone when all its URLs are gone; since the last of them went."""
    gone = list(url_gone)
    if not gone or any(g is None for g in gone):
        return None
    return max(gone)
