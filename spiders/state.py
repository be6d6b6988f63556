"""What one crawl process knows while it runs: per-source state, counters, the fetch-log writers.

One `CrawlRun` is shared by every spider (one per source kind), the storage pipeline and the
middleware of the single `CrawlerProcess`; everything runs on the reactor thread (raw-store writes go
to worker threads, but the counters are updated back on the reactor thread).
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from core import fetch_log, raw_store
from core.fetch_log import FETCHES, SOURCE_CRAWLS, JsonlAppender
from core.schema import conform
from core.sources import Source
from core.settings import Settings
from core.validators import Known, Validators
from spiders.robots import quote_rule

CONDITIONAL = "_conditional"  # item key: the request carried validators (a 200 then means new content)
ERROR_OUTCOMES = frozenset({"http_error", "redirect_loop", "too_large", "timeout", "connection_error", "error"})
CONTENT_KINDS = frozenset({"document", "dataset", "feed", "record"})  # what a source is crawled for (pages lead there)


@dataclass
class SourceState:
    source: Source
    family: object | None = None  # spiders.cms.Family, set from the first HTML page
    started_at: str | None = None
    finished_at: str | None = None
    inflight: int = 0
    yielded_pages: int = 0
    yielded_documents: int = 0
    page_limit_hit: bool = False
    seen: set[str] = field(default_factory=set)  # canonical URLs yielded as requests
    considered: set[str] = field(default_factory=set)  # absolute link URLs already judged
    pages: int = 0
    documents: int = 0
    document_links: int = 0
    errors: int = 0
    new_files: int = 0
    new_documents: int = 0
    changed_documents: int = 0
    not_modified: int = 0
    status_mix: dict[str, int] = field(default_factory=dict)
    forbidden: int = 0
    offsite: int = 0
    start_outcome: str | None = None
    start_error: str | None = None
    start_status: int | None = None
    start_url_final: str | None = None
    summarised: bool = False
    summary: dict | None = None  # the sources.jsonl line, once written

    @property
    def cms(self) -> str | None:
        return getattr(self.family, "name", None)

    @property
    def done(self) -> bool:
        return self.started_at is not None and self.inflight <= 0


class CrawlRun:
    def __init__(self, settings: Settings, crawl_id: str, sources: list[Source], user_agent: str) -> None:
        self.settings = settings
        self.crawl_id = crawl_id
        self.user_agent = user_agent
        self.states: dict[str, SourceState] = {s.source_id: SourceState(s) for s in sources}
        self.fetches = JsonlAppender(fetch_log.fetches_path(settings.fetchlog_dir, crawl_id), FETCHES)
        self.source_log = JsonlAppender(fetch_log.sources_path(settings.fetchlog_dir, crawl_id), SOURCE_CRAWLS)
        self.validators = Validators(settings.validators_path)
        self.close_reasons: dict[str, str] = {}  # spider name -> Scrapy close reason
        self.robots: dict[str, tuple[str, str]] = {}  # netloc -> (robots url, text)
        self.t0 = time.monotonic()
        self.started_at = fetch_log.utc_now()
        self.totals = {"pages": 0, "documents": 0, "new_raw_files": 0, "errors": 0, "forbidden_by_robots": 0,
                       "offsite_dropped": 0, "too_large": 0, "responses": 0, "new_documents": 0,
                       "not_modified": 0, "bytes_downloaded": 0}

    # --- conditional requests --------------------------------------------------------------------
    def known(self, url: str) -> Known | None:
        """Validators of the URL's last full response, when its copy is still in the raw store."""
        k = self.validators.get(url)
        return k if k is not None and raw_store.exists(self.settings.raw_dir, k.sha256) else None

    def _learn(self, record: dict) -> None:
        url, status = record.get("url"), record.get("status")
        if status == 200 and record.get("outcome") == "ok" and record.get("sha256") and (
                record.get("etag") or record.get("last_modified")):
            self.validators.remember(Known(url, record.get("etag"), record.get("last_modified"), record["sha256"],
                                           record.get("content_type"), record.get("content_disposition"),
                                           record.get("kind") or "page", record.get("fetched_at")))
        elif status is not None and status != 304:
            self.validators.forget(url)  # an error or a response without validators: ask in full next time

    # --- recording -------------------------------------------------------------------------------
    def record_fetch(self, record: dict, new_file: bool) -> None:
        """Count one fetch attempt and append its fetch-log line (conformed to the `fetches` table)."""
        st = self.states.get(record.get("source_id"))
        outcome, kind = record.get("outcome"), record.get("kind")
        t = self.totals
        if record.get("status") is not None:
            t["responses"] += 1
            if record["status"] == 304:
                t["not_modified"] += 1
                if st:
                    st.not_modified += 1
            t["bytes_downloaded"] += record.get("content_length") or 0
            if st:
                key = str(record["status"])
                st.status_mix[key] = st.status_mix.get(key, 0) + 1
                if record["status"] == 200 and kind in CONTENT_KINDS and record.get(CONDITIONAL):
                    st.changed_documents += 1
        if outcome == "ok":
            key = "documents" if kind in CONTENT_KINDS else "pages"
            t[key] += 1
            if st:
                setattr(st, key, getattr(st, key) + 1)
        elif outcome == "forbidden_by_robots":
            t["forbidden_by_robots"] += 1
            if st:
                st.forbidden += 1
        elif outcome == "offsite":
            t["offsite_dropped"] += 1
            if st:
                st.offsite += 1
        elif outcome in ERROR_OUTCOMES:
            t["errors"] += 1
            if outcome == "too_large":
                t["too_large"] += 1
            if st:
                st.errors += 1
        if new_file:
            t["new_raw_files"] += 1
            if kind in CONTENT_KINDS:
                t["new_documents"] += 1
            if st:
                st.new_files += 1
                if kind in CONTENT_KINDS:
                    st.new_documents += 1
        self.fetches.write(record)
        self._learn(record)

    # --- per-source summary ----------------------------------------------------------------------
    def source_summary(self, st: SourceState, close_reason: str = "finished") -> dict:
        status, reason = self._status(st, close_reason)
        row = {
            "crawl_id": self.crawl_id,
            "source_id": st.source.source_id,
            "start_url": st.source.start_url,
            "cms": st.cms,
            "status": status,
            "reason": reason,
            "pages": st.pages,
            "documents": st.documents,
            "new_documents": st.new_documents,
            "changed_documents": st.changed_documents,
            "not_modified": st.not_modified,
            "errors": st.errors,
            "status_mix": json.dumps(dict(sorted(st.status_mix.items()))),
            "complete": close_reason == "finished" and not st.page_limit_hit,
            "started_at": st.started_at,
            "finished_at": st.finished_at or fetch_log.utc_now(),
        }
        return conform(SOURCE_CRAWLS, row)

    def _status(self, st: SourceState, close_reason: str) -> tuple[str, str | None]:
        start = st.source.start_url
        if st.start_outcome == "forbidden_by_robots":
            url = st.start_url_final or start
            netloc = url.split("/", 3)[2].lower() if "//" in url else ""
            robots_url, text = self.robots.get(netloc, (f"{url.split('/', 3)[0]}//{netloc}/robots.txt", ""))
            rule = quote_rule(text, self.user_agent, url)
            how = f" by {rule}" if rule else ""
            return "blocked_by_robots", f"{robots_url} forbids the start URL {url}{how}"
        if st.documents > 0:
            return "ok", None
        if st.start_outcome is None:
            if st.started_at is None:
                return "error", f"crawl ended ({close_reason}) before the source was started"
            return "error", f"crawl ended ({close_reason}) before the start URL was fetched"
        if st.start_outcome == "offsite":
            return "error", f"start URL redirects off the site to {st.start_url_final} (not followed)"
        if st.start_outcome != "ok" and st.pages == 0:
            if st.start_outcome == "http_error":
                return "unreachable", f"start URL answered HTTP {st.start_status}"
            return "unreachable", f"{st.start_outcome}: {st.start_error}"
        if st.pages > 0:
            n = st.pages
            if st.document_links:
                reason = (f"{st.document_links} document link(s) found on {n} page(s) but none was fetched "
                          f"({st.errors} failed fetches, {st.forbidden} forbidden by robots.txt, "
                          f"{st.offsite} off-site)")
            else:
                reason = f"no document links found on {n} page(s)"
            if st.page_limit_hit:
                reason += " (page limit reached)"
            if close_reason != "finished":
                reason += f"; crawl ended early ({close_reason})"
            return "no_documents", reason
        return "error", f"start URL gave no page ({st.start_outcome}: {st.start_error or st.start_status})"

    def close_source(self, st: SourceState, close_reason: str = "finished") -> dict:
        if not st.summarised:
            st.summarised = True
            summary = self.source_summary(st, close_reason)
            self.source_log.write(summary)
            st.summary = summary
        return st.summary

    # --- progress and the closing summary --------------------------------------------------------
    def elapsed(self) -> float:
        return time.monotonic() - self.t0

    def progress_line(self) -> str:
        t = self.totals
        done = sum(1 for st in self.states.values() if st.done or st.summarised)
        rate = t["responses"] / max(self.elapsed(), 1e-6)
        return (f"[crawl] sources {done}/{len(self.states)} done · pages {t['pages']} · documents {t['documents']} "
                f"(new {t['new_documents']}) · unchanged {t['not_modified']} · errors {t['errors']} · {rate:.1f} pages/s")

    def summary(self) -> dict:
        statuses = [st.summary or self.source_summary(st, "unfinished")
                    for st in self.states.values()]
        count = lambda s: sum(1 for x in statuses if x["status"] == s)  # noqa: E731
        t = self.totals
        return {
            "crawl_id": self.crawl_id,
            "sources": len(self.states),
            "sources_ok": count("ok"),
            "sources_blocked": count("blocked_by_robots"),
            "sources_unreachable": count("unreachable"),
            "sources_no_documents": count("no_documents"),
            "sources_error": count("error"),
            "pages": t["pages"],
            "documents": t["documents"],
            "new_raw_files": t["new_raw_files"],
            "new_documents": t["new_documents"],
            "errors": t["errors"],
            "forbidden_by_robots": t["forbidden_by_robots"],
            "offsite_dropped": t["offsite_dropped"],
            "too_large": t["too_large"],
            "not_modified": t["not_modified"],
            "bytes_downloaded": t["bytes_downloaded"],
            "duration_s": round(self.elapsed(), 2),
            # alias of sources_blocked under the name docs/ARCHITECTURE.md uses
            "blocked_sources": count("blocked_by_robots"),
        }

    def close(self) -> None:
        self.fetches.close()
        self.source_log.close()
        self.validators.close()


def write_json_atomic(path: Path, data: dict) -> None:
    import json
    import os

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)

