"""What the crawler knows of each URL it fetched before: HTTP validators and the stored copy's content hash.

The next crawl sends them as `If-None-Match` / `If-Modified-Since`; a `304 Not Modified` then costs the server no
body and the harvest no download, extraction or annotation (the copy is already in the raw store under `sha256`).
One SQLite file per data dir (`<data_dir>/validators.sqlite`), keyed by the requested URL. A crawl collects what
it learned and writes it in one transaction when it closes: a killed crawl only loses the chance to ask
conditionally next time, never data. Everything here is derived from the fetch log.
"""
from __future__ import annotations

import sqlite3
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

SITES_IN_MEMORY = 256  # sites whose validators are held (a crawl works on ~64 at a time)
_COLUMNS = ("url", "etag", "last_modified", "sha256", "content_type", "content_disposition", "kind", "fetched_at")


def _site_prefix(url: str) -> str:
    """'http://obec.cz:8080/' of a URL: where its site's URLs start."""
    scheme, sep, rest = url.partition("://")
    return f"{scheme}{sep}{rest.split('/', 1)[0]}/"


@dataclass(frozen=True)
class Known:
    """The latest full (200) response of a URL that carried a validator."""

    url: str
    etag: str | None
    last_modified: str | None
    sha256: str
    content_type: str | None
    content_disposition: str | None
    kind: str  # page | document
    fetched_at: str | None = None

    def conditional_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class Validators:
    """Read on demand during a crawl; what the crawl learns is written at `close()` in one transaction."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._con = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
        self._con.execute("PRAGMA journal_mode=WAL")
        self._con.execute(f"CREATE TABLE IF NOT EXISTS validators ({_COLUMNS[0]} TEXT PRIMARY KEY, "
                          + ", ".join(f"{c} TEXT" for c in _COLUMNS[1:]) + ")")
        self._sites: OrderedDict[str, dict[str, Known]] = OrderedDict()  # site prefix -> its validators, LRU
        self._pending: dict[str, Known] = {}
        self._forgotten: set[str] = set()

    def get(self, url: str) -> Known | None:
        """What the last crawls knew of the URL; a site's validators are read in one query at its first URL
        (a query per URL cost as much CPU as a tenth of the crawl)."""
        prefix = _site_prefix(url)
        if not url.startswith(prefix):  # a bare host without a path ("http://obec.cz"): its own row
            row = self._con.execute(f"SELECT {', '.join(_COLUMNS)} FROM validators WHERE url = ?", (url,)).fetchone()
            return Known(*row) if row else None
        site = self._sites.get(prefix)
        if site is None:
            rows = self._con.execute(f"SELECT {', '.join(_COLUMNS)} FROM validators WHERE url >= ? AND url < ?",
                                     (prefix, prefix[:-1] + "0")).fetchall()  # '0' follows '/': the prefix's range
            site = self._sites[prefix] = {row[0]: Known(*row) for row in rows}
            if len(self._sites) > SITES_IN_MEMORY:
                self._sites.popitem(last=False)
        else:
            self._sites.move_to_end(prefix)
        return site.get(url)

    def remember(self, known: Known) -> None:
        self._pending[known.url] = known

    def forget(self, url: str) -> None:
        """The URL now answers differently (gone, an error): ask it in full next time."""
        self._pending.pop(url, None)
        self._forgotten.add(url)

    def flush(self) -> int:
        rows = [tuple(getattr(k, c) for c in _COLUMNS) for k in self._pending.values()]
        gone = sorted(self._forgotten - set(self._pending))
        self._con.execute("BEGIN")
        try:
            self._con.executemany(f"INSERT OR REPLACE INTO validators VALUES ({', '.join('?' * len(_COLUMNS))})", rows)
            self._con.executemany("DELETE FROM validators WHERE url = ?", [(u,) for u in gone])
            self._con.execute("COMMIT")
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._pending.clear()
        self._forgotten.clear()
        return len(rows)

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._con.close()
