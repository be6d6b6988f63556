"""Item pipeline: store a response body in the raw store, then append its fetch-log line.

Spider callbacks and errbacks yield one item (a dict of FETCH_FIELDS values plus `_body`) per fetch
attempt. Bodies of status-200 responses go to the raw store's `BatchWriter` (one thread writes them in groups
and makes each group durable at once; the reactor keeps crawling meanwhile); the fetch-log line is written only
when its body is safely stored, so a line with a sha256 always points at a complete raw file, even if the crawl
is killed.
"""
from __future__ import annotations

from twisted.internet.defer import Deferred

from core import raw_store
from scrapy.utils.defer import maybe_deferred_to_future

BODY = "_body"


class StoragePipeline:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.writer: raw_store.BatchWriter | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None) -> None:
        from twisted.internet import reactor

        self.writer = raw_store.BatchWriter(self.crawler.spider.run.settings.raw_dir, reactor.callFromThread)

    def close_spider(self, spider=None) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    async def process_item(self, item, spider=None):
        run = self.crawler.spider.run
        body = item.pop(BODY, None)
        new = False
        if body is not None:
            stored: Deferred = Deferred()
            self.writer.put(body, lambda result, error: stored.callback((result, error)))
            result, error = await maybe_deferred_to_future(stored)
            if error is None:
                item["sha256"], new = result
            else:  # disk full, permissions: the fetch happened, the store did not
                item["outcome"] = "error"
                item["error"] = f"raw store write failed: {error}"
                item["sha256"] = None
        run.record_fetch(item, new)
        return item
