"""The scheduler's queue for a crawl of thousands of sites at once: sites take turns.

Scrapy's default `DownloaderAwarePriorityQueue` picks the site with the fewest downloads in flight by scanning every
site with queued requests on each pop, and counts its queued requests by summing over every site on each `len()`:
a cost per request proportional to the sites in the crawl (sampled at 1,000 demo sites: about a tenth of the
crawl's CPU). This queue makes the same choice, an idle site first, by going round the sites in turn: with at most
CONCURRENT_REQUESTS downloads in flight, an idle site is found within that many looks, whatever the number of sites.
"""
from __future__ import annotations

from collections import deque
from contextlib import suppress
from pathlib import Path

from scrapy import Request
from scrapy.pqueues import DownloaderAwarePriorityQueue, _path_safe


class SiteRotationQueue(DownloaderAwarePriorityQueue):
    """Sites (download slots) in a rotation; a pop serves the next site with no download in flight, else the site
    with the fewest. Within a site, requests keep Scrapy's priority order (breadth-first with DEPTH_PRIORITY)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._turns: deque[str] = deque(self.pqueues)  # sites with queued requests, the next one first
        self._queued = sum(len(q) for q in self.pqueues.values())

    def _in_flight(self, slot: str) -> int:
        return self._downloader_interface._active_downloads(slot)

    def _choose(self) -> str:
        """The first idle site in turn, moved to the front; else the site with the fewest downloads in flight."""
        fewest: tuple[int, str] | None = None
        for _ in range(len(self._turns)):
            slot = self._turns[0]
            busy = self._in_flight(slot)
            if busy == 0:
                return slot
            if fewest is None or busy < fewest[0]:
                fewest = (busy, slot)
            self._turns.rotate(-1)
        # every site is busy, so there are no more sites than downloads in flight: the full round was cheap
        slot = fewest[1]
        self._turns.remove(slot)
        self._turns.appendleft(slot)
        return slot

    def push(self, request: Request) -> None:
        slot = self._downloader_interface.get_slot_key(request)
        if slot not in self.pqueues:
            self._turns.append(slot)
        super().push(request)
        self._queued += 1

    def pop(self) -> Request | None:
        if not self._turns:
            return None
        slot = self._choose()
        self._turns.popleft()
        queue = self.pqueues[slot]
        request = queue.pop()
        if len(queue):
            self._turns.append(slot)  # its next request waits for the other sites' turns
        else:
            del self.pqueues[slot]
            queue.close()
            if self.key:  # a JOBDIR crawl: the site's directory goes with its queue, as in Scrapy's own pop
                with suppress(OSError):
                    Path(self.key, _path_safe(slot)).rmdir()
        if request is not None:
            self._queued -= 1
        return request

    def peek(self) -> Request | None:
        if not self._turns:
            return None
        return self.pqueues[self._choose()].peek()

    def close(self) -> dict[str, list[int]]:
        self._turns.clear()
        self._queued = 0
        return super().close()

    def __len__(self) -> int:
        return self._queued
