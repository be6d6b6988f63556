"""Spider health across nights: a source is judged against its own recent history, not against a global rule.

A zero that comes with a reason still passes the per-night checks; what gives a silently dying spider away is the
change: the yield falling to zero or by more than half against the source's recent median, another CMS family
(a redesign the family strategy may not follow), robots.txt that now forbids everything, or a site unreachable
night after night. `source_flags` judges one crawl of a source from the crawls before it.
"""
from __future__ import annotations

from statistics import median
from typing import Mapping, Sequence

WINDOW = 7               # previous crawls the median is taken over
HALVED = 0.5             # yield below this share of the median
UNREACHABLE_NIGHTS = 2   # consecutive unreachable crawls before a site is flagged
REACHED = frozenset({"ok", "no_documents"})


def recent_median(previous: Sequence[Mapping], window: int = WINDOW) -> float | None:
    """Median documents of the last `window` earlier crawls that reached the site (None without any)."""
    yields = [p.get("documents") or 0 for p in previous if p.get("status") in REACHED][-window:]
    return float(median(yields)) if yields else None


def source_flags(current: Mapping, previous: Sequence[Mapping], *, window: int = WINDOW,
                 unreachable_nights: int = UNREACHABLE_NIGHTS) -> list[tuple[str, str]]:
    """(flag, reason) for `current`, a crawl of one source, given that source's earlier crawls (oldest first)."""
    flags: list[tuple[str, str]] = []
    docs = current.get("documents") or 0
    med = recent_median(previous, window)
    if med:
        if docs == 0:
            flags.append(("yield_zero", f"no documents (recent median {med:g})"))
        elif docs < HALVED * med:
            flags.append(("yield_halved", f"{docs} documents, less than half the recent median {med:g}"))
    before = next((p for p in reversed(previous) if p.get("cms")), None)
    if current.get("cms") and before is not None and before["cms"] != current["cms"]:
        flags.append(("cms_changed", f"CMS family {before['cms']} -> {current['cms']} (a redesign?)"))
    last = previous[-1] if previous else None
    if current.get("status") == "blocked_by_robots" and last is not None and last.get("status") != "blocked_by_robots":
        flags.append(("robots_forbid_all", "robots.txt now forbids the start page"))
    run = 0
    for crawl in [*previous, current][::-1]:
        if crawl.get("status") != "unreachable":
            break
        run += 1
    if run >= unreachable_nights:
        flags.append(("unreachable", f"unreachable for {run} crawls in a row"))
    return flags
