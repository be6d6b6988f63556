"""Item pipeline: store a response body in the raw store, then append its fetch-log line.

Spider callbacks and errbacks yield one item (a dict of FETCH_FIELDS values plus `_body`) per fetch
attempt. Bodies of status-200 responses go to `core.raw_store.put` on a worker thread (it fsyncs;
the reactor keeps crawling meanwhile); the fetch-log line is written after the body is safely stored,
so a line with a sha256 always points at a complete raw file, even if the crawl is killed.
"""
from __future__ import annotations

from twisted.internet.threads import deferToThread

from core import raw_store
from scrapy.utils.defer import maybe_deferred_to_future

BODY = "_body"


class StoragePipeline:
    def __init__(self, crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_item(self, item, spider=None):
        run = self.crawler.spider.run
        body = item.pop(BODY, None)
        new = False
        if body is not None:
            try:
                sha, new = await maybe_deferred_to_future(deferToThread(raw_store.put, run.settings.raw_dir, body))
                item["sha256"] = sha
            except OSError as exc:  # disk full, permissions: the fetch happened, the store did not
                item["outcome"] = "error"
                item["error"] = f"raw store write failed: {exc}"
                item["sha256"] = None
        run.record_fetch(item, new)
        return item
