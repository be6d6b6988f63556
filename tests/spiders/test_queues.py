"""The scheduler's queue: sites take turns, an idle site goes first, and a pop costs the same for 20 or 2,000 sites."""
from __future__ import annotations

from types import SimpleNamespace

from scrapy import Request, Spider
from scrapy.core.downloader import Downloader, Slot
from scrapy.squeues import FifoMemoryQueue
from scrapy.utils.test import get_crawler

from core.settings import Settings
from spiders.queues import SiteRotationQueue
from spiders.settings import scrapy_settings


class CountingQueue(SiteRotationQueue):
    """Counts how many sites' downloads a pop looks at."""
    looks = 0

    def _in_flight(self, slot: str) -> int:
        self.looks += 1
        return super()._in_flight(slot)


def _queue(cls=SiteRotationQueue) -> tuple[SiteRotationQueue, Downloader]:
    crawler = get_crawler(Spider, {"DOWNLOAD_HANDLERS": {"http": None, "https": None}})
    downloader = Downloader(crawler)
    crawler.engine = SimpleNamespace(downloader=downloader)  # the queue asks only the engine's downloader
    return cls.from_crawler(crawler, FifoMemoryQueue, ""), downloader


def _request(site: str, path: str, priority: int = 0) -> Request:
    return Request(f"http://{site}.example/{path}", meta={"download_slot": site}, priority=priority)


def _busy(downloader: Downloader, site: str, downloads: int) -> None:
    downloader.slots[site] = slot = Slot(4, 0, 0)
    for i in range(downloads):
        slot.active.add(_request(site, f"in-flight-{i}"))


def test_every_request_comes_out_once_and_sites_take_turns():
    q, _ = _queue()
    for i in range(3):
        for site in "abc":
            q.push(_request(site, str(i)))
    assert len(q) == 9
    out = [q.pop().url for _ in range(9)]
    assert out == [f"http://{s}.example/{i}" for i in range(3) for s in "abc"]
    assert len(q) == 0 and q.pop() is None


def test_a_site_with_no_download_in_flight_goes_before_a_busy_one():
    q, downloader = _queue()
    q.push(_request("a", "1"))
    q.push(_request("b", "1"))
    _busy(downloader, "a", 1)
    assert q.pop().url == "http://b.example/1"
    assert q.pop().url == "http://a.example/1"


def test_when_every_site_is_busy_the_least_busy_goes_first():
    q, downloader = _queue()
    for site in "abc":
        q.push(_request(site, "1"))
    _busy(downloader, "a", 3)
    _busy(downloader, "b", 1)
    _busy(downloader, "c", 2)
    assert [q.pop().url for _ in range(3)] == ["http://b.example/1", "http://c.example/1", "http://a.example/1"]


def test_within_a_site_the_priority_order_holds():
    q, _ = _queue()
    q.push(_request("a", "deep", priority=-3))
    q.push(_request("a", "shallow", priority=-1))
    assert [q.pop().url for _ in range(2)] == ["http://a.example/shallow", "http://a.example/deep"]


def test_a_pop_looks_at_no_more_sites_than_there_are_downloads_in_flight():
    q, downloader = _queue(CountingQueue)
    for site in range(2000):
        q.push(_request(f"s{site}", "1"))
    for site in range(64):  # CONCURRENT_REQUESTS-many sites busy, at the front of the rotation
        _busy(downloader, f"s{site}", 1)
    q.pop()
    assert q.looks <= 65  # Scrapy's own queue looks at all 2,000
    q.looks = 0
    for _ in range(100):
        q.pop()
    assert q.looks <= 100 and len(q) == 2000 - 101


def test_the_crawl_uses_it():
    assert scrapy_settings(Settings(profile="test"))["SCHEDULER_PRIORITY_QUEUE"] == "spiders.queues.SiteRotationQueue"
