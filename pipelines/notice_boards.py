"""Notice boards published as open data: every record of every version of every feed fetched, one row per record.

The spider stores each feed as it was served (fetches.kind = 'feed', body in the raw store) and fetches the
attachments it lists as documents; here every distinct feed body is read with transforms.notice_board. A record
keeps its latest values, when it was first and last seen in a feed, and whether the feed's latest version still
lists it (feeds hold the notices on the board now, not an archive). Problems are those of each feed's latest
version: one row per record that could not be read, with its position and reason.
"""
from __future__ import annotations

from pathlib import Path

from core import raw_store
from transforms.notice_board import FeedResult, NoticeRecord, parse_feed


def _key(record: NoticeRecord) -> str:
    """A record's identity across versions of its feed: its IRI, else its URL, else title and posting date."""
    return record.iri or record.url or f"{record.title}|{record.posted_on}"


def _parsed(raw_dir: Path, sha256: str, url: str, content_type: str | None, cache: dict) -> FeedResult | None:
    if sha256 not in cache:
        try:
            data = raw_store.path_for(raw_dir, sha256).read_bytes()
        except OSError:
            cache[sha256] = None
        else:
            cache[sha256] = parse_feed(data, content_type, url)
    return cache[sha256]


def feed_tables(feed_fetches: list[dict], raw_dir: Path, municipality_of_ico: dict[str, str],
                municipality_of_source: dict[str, str | None]) -> tuple[list[dict], list[dict]]:
    """(notice_board_records rows, record_problems rows) from the ok feed fetches (source_id, url, sha256,
    content_type, fetched_at), in any order."""
    versions = sorted(feed_fetches, key=lambda f: (f.get("fetched_at") or "", f["sha256"]))
    latest: dict[tuple[str, str], dict] = {}
    for f in versions:
        latest[(f["source_id"], f["url"])] = f
    cache: dict[str, FeedResult | None] = {}
    records: dict[tuple[str, str], dict] = {}
    for f in versions:
        result = _parsed(raw_dir, f["sha256"], f["url"], f.get("content_type"), cache)
        if result is None:
            continue
        icos = {b.iri: b.ico for b in result.boards}
        is_latest = latest[(f["source_id"], f["url"])]["sha256"] == f["sha256"]
        at = f.get("fetched_at")
        for r in result.records:
            key = (f["source_id"], _key(r))
            row = records.get(key)
            first = row["first_seen_at"] if row else at
            ico = icos.get(r.board_iri) or next((i for i in icos.values() if i), None)
            records[key] = {
                "source_id": f["source_id"], "feed_url": f["url"], "record_key": key[1], "board_iri": r.board_iri,
                "publisher_ico": ico,
                "municipality_code": municipality_of_source.get(f["source_id"]) or municipality_of_ico.get(ico or ""),
                "iri": r.iri, "url": r.url, "title": r.title,
                "posted_on": r.posted_on.isoformat() if r.posted_on else None,
                "relevant_until": r.relevant_until.isoformat() if r.relevant_until else None,
                "relevant_until_unspecified": r.relevant_until_unspecified,
                "reference_number": r.reference_number, "file_mark": r.file_mark, "agendas": list(r.agendas),
                "attachment_titles": [t or "" for t, _ in r.documents], "attachment_urls": [u for _, u in r.documents],
                "description": r.description, "feed_format": result.format,
                "first_seen_at": first, "last_seen_at": at,
                "in_latest_feed": is_latest,
            }
    problems = []
    for f in latest.values():
        result = cache.get(f["sha256"])
        if result is None:
            problems.append({"source_id": f["source_id"], "file_url": f["url"], "sha256": f["sha256"], "kind": "feed",
                             "position": "feed", "line": None, "reason": "the stored feed cannot be read",
                             "record_kept": False})
            continue
        for p in result.problems:
            problems.append({"source_id": f["source_id"], "file_url": f["url"], "sha256": f["sha256"], "kind": "feed",
                             "position": p.position, "line": p.line, "record": p.iri or p.title, "reason": p.reason,
                             "record_kept": p.record_kept})
    return sorted(records.values(), key=lambda r: (r["source_id"], r["record_key"])), problems
