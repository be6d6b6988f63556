"""The crawl process collects its oldest generation on a clock: allocating never starts a full collection, the
clock does, and cyclic garbage still goes."""
from __future__ import annotations

import gc
import weakref

import pytest
from twisted.internet.task import Clock

from spiders import gc_pacing


class Node:
    def __init__(self):
        self.me = self  # a reference cycle: only the collector frees it


def _full_collections_during(work) -> int:
    started = []

    def callback(phase, info):
        if phase == "start" and info["generation"] == 2:
            started.append(1)

    gc.callbacks.append(callback)
    try:
        work()
    finally:
        gc.callbacks.remove(callback)
    return len(started)


def _a_growing_heap(keep: list) -> None:
    """Long-lived objects, as a crawl's frontier of queued requests: more than a quarter of the heap, which is what
    CPython waits for before a full collection (the test process's heap may be large)."""
    for _ in range(len(gc.get_objects()) // 3 + 100_000):
        keep.append([None])


def test_without_pacing_a_growing_heap_starts_full_collections():
    assert gc.isenabled()
    assert _full_collections_during(lambda: _a_growing_heap([])) > 0  # what the pacing is for


def test_with_pacing_only_the_clock_starts_full_collections_and_cycles_still_go():
    thresholds, clock = gc.get_threshold(), Clock()
    pacer = gc_pacing.pace_full_collections(clock)
    try:
        keep: list = []
        assert _full_collections_during(lambda: _a_growing_heap(keep)) == 0
        garbage = Node()
        gone = weakref.ref(garbage)
        gc.collect(1)  # it survives the young generations, as a crawl's cyclic garbage that lived a while
        gc.collect(1)
        del garbage
        assert _full_collections_during(lambda: clock.advance(gc_pacing.MAX_EVERY_S)) == 1
        assert gone() is None
    finally:
        pacer.stop()
    assert gc.get_threshold() == thresholds and gc.get_freeze_count() == 0 and not pacer.running


@pytest.mark.parametrize("took, wait", [(0.5, 10.0), (0.01, gc_pacing.MIN_EVERY_S), (30.0, gc_pacing.MAX_EVERY_S)])
def test_the_next_full_collection_waits_in_proportion_to_what_the_last_one_cost(took, wait):
    clock, readings = Clock(), iter([100.0, 100.0 + took])
    pacer = gc_pacing.Pacer(clock, share=0.05, timer=lambda: next(readings))
    try:
        clock.advance(gc_pacing.MIN_EVERY_S)
        assert pacer.collections == 1
        assert [c.getTime() - clock.seconds() for c in clock.getDelayedCalls()] == [pytest.approx(wait)]
    finally:
        pacer.stop()
    assert clock.getDelayedCalls() == []
