"""Adaptive recrawl: each source is revisited at an interval learned from how often it changes.

Why: a conditional GET saves the download, not the request. A polite crawl (one request at a time per site, a delay of
about 2 s) pays the same per URL for a 304 as for a 200, so crawling all ~6,000 municipal sites every night costs as
much time as a first pass. Most small municipalities publish a document a week or less; a few towns publish every day.

The rule is Nutch's AdaptiveFetchSchedule (also StormCrawler's AdaptiveScheduler), per source instead of per URL:
- a visit that found something new multiplies the interval by (1 - DEC_RATE), one that found nothing by
  (1 + INC_RATE) (Nutch's shipped defaults 0.2 and 0.4);
- SYNC_DELTA: a source found unchanged gets an interval of at least the days since a change was last seen there (as
  Nutch does with `delta = fetchTime - modifiedTime`), so a long-quiet source reaches the weekly bound in a few visits;
  Nutch's other half of SYNC_DELTA (moving the next fetch earlier by SYNC_DELTA_RATE * delta) is left out: with a
  7-day bound it would make every long-quiet source due each night;
- the interval stays between 1 day (a night) and 7 days, so every site is visited within a week;
- a failed visit (site unreachable, an error, robots.txt forbidding the start page) keeps the interval (Nutch's
  STATUS_UNKNOWN) and makes the source due the next night; a source never visited is due at once;
- offices publish on working days: a visit that found nothing after covering only Saturday and Sunday (the nights
  of Sunday and Monday after a Saturday visit) is no evidence of quiet and keeps the interval; without this a site
  that publishes every working day backs off after each weekend and misses Tuesday's night (`quiet_weekdays`,
  empty to switch it off; public holidays are not known to it).

"Changed" is a property of documents, not pages: a visit changed the source when it fetched a document the raw store
did not have or a document asked conditionally came back with new content (`new_documents`, `changed_documents` of
the source's line in `<crawl_id>.sources.jsonl`). HTML pages change for reasons that mean nothing to the harvest (a
date, a visitor counter, a rotating teaser), and every new document the harvest wants is reached through them anyway.

Nights are whole days here: a due date is the night's date (the crawl starts at 02:00), an interval is rounded to
the nearest whole number of nights (at least one).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Iterable, Mapping

CHANGED, UNCHANGED, FAILED = "changed", "unchanged", "failed"
REACHED = frozenset({"ok", "no_documents"})  # statuses of a visit that reached the site (as transforms.health)

# reasons a source is crawled tonight, in the order they are served under a capacity cap
NEW, WEEK, FAILED_LAST, OVERDUE, DUE = "new", "week", "failed", "overdue", "due"
# reasons it is not
DEFERRED, NOT_DUE = "deferred", "not_due"


@dataclass(frozen=True)
class RecrawlParams:
    """The schedule's knobs, in days; the defaults are Nutch's rates with the product's bounds (nightly .. weekly)."""

    min_days: float = 1.0
    max_days: float = 7.0
    inc_rate: float = 0.4
    dec_rate: float = 0.2
    initial_days: float = 1.0  # a new source is watched nightly and backs off while it stays quiet
    sync_delta: bool = True
    # days offices do not publish on (Saturday, Sunday): a visit that covers only such days is no evidence of quiet
    quiet_weekdays: frozenset[int] = frozenset({5, 6})

    def __post_init__(self) -> None:
        if not 0 < self.min_days <= self.initial_days <= self.max_days:
            raise ValueError("need 0 < min_days <= initial_days <= max_days")
        if not (0 <= self.inc_rate and 0 <= self.dec_rate < 1):
            raise ValueError("need inc_rate >= 0 and 0 <= dec_rate < 1")

    @property
    def max_nights(self) -> int:
        return nights(self.max_days)


DEFAULT_PARAMS = RecrawlParams()


def nights(interval_days: float) -> int:
    """An interval as whole nights: rounded half up, at least one (a crawl runs once a night)."""
    return max(1, math.floor(interval_days + 0.5))


def next_interval(interval_days: float, changed: bool, params: RecrawlParams = DEFAULT_PARAMS,
                  unchanged_for_days: float | None = None) -> float:
    """The interval after a visit that reached the source: shorter when it had changed, longer when not (at least
    `unchanged_for_days`, the days since a change was last seen there, with SYNC_DELTA), within the bounds."""
    if changed:
        interval = interval_days * (1.0 - params.dec_rate)
    else:
        interval = interval_days * (1.0 + params.inc_rate)
        if params.sync_delta and unchanged_for_days is not None:
            interval = max(interval, float(unchanged_for_days))
    return min(max(interval, params.min_days), params.max_days)


def visit_result(outcome: Mapping) -> str:
    """changed | unchanged | failed, from one source's line of a crawl's `sources.jsonl`: failed unless the site was
    reached; changed when the visit brought a new document or new content of a known one (not only 304s)."""
    if outcome.get("status") not in REACHED:
        return FAILED
    fresh = _count(outcome.get("new_documents")) + _count(outcome.get("changed_documents"))
    return CHANGED if fresh > 0 else UNCHANGED


def _count(value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


_CRAWL_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})T")


def visit_night(outcome: Mapping, crawl_id: str | None = None) -> date | None:
    """The night (UTC date) a source was visited: its crawl's start, else its end, else the date a crawl id made by
    `new_crawl_id` begins with (20261127T020000Z-...); None when none of them can be read."""
    for key in ("started_at", "finished_at"):
        value = outcome.get(key)
        if isinstance(value, str) and value:
            try:
                return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
            except ValueError:
                pass
    m = _CRAWL_DAY.match(crawl_id or str(outcome.get("crawl_id") or ""))
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class SourceSchedule:
    """What the schedule knows of one source: its learned interval and its last visits."""

    source_id: str
    interval_days: float = DEFAULT_PARAMS.initial_days
    last_visit: date | None = None    # night of the last attempt, whatever it gave
    last_result: str | None = None    # changed | unchanged | failed
    last_success: date | None = None  # night the site was last reached
    last_change: date | None = None   # night a change was last seen (the first visit that reached the site counts)
    visits: int = 0                   # visits that reached the site
    changes: int = 0                  # of them, those that found something new (the first visit not counted)
    failures: int = 0                 # failed visits in a row


def new_schedule(source_id: str, params: RecrawlParams = DEFAULT_PARAMS) -> SourceSchedule:
    return SourceSchedule(source_id, params.initial_days)


def record_visit(state: SourceSchedule, night: date, result: str,
                 params: RecrawlParams = DEFAULT_PARAMS) -> SourceSchedule:
    """The schedule after one visit. The first visit that reaches a site is its baseline (everything is new then);
    a visit that found nothing keeps the interval when it covered no working day since the last one (a second
    visit the same night, or only a weekend), as that says nothing about the change rate."""
    if result == FAILED:
        return replace(state, last_visit=night, last_result=FAILED, failures=state.failures + 1)
    changed = result == CHANGED
    if state.last_success is None:
        interval = state.interval_days
    elif not changed and not working_days(state.last_success, night, params):
        interval = state.interval_days
    else:
        since = (night - state.last_change).days if state.last_change is not None else None
        interval = next_interval(state.interval_days, changed, params, since)
    first = state.last_change is None
    return replace(
        state, interval_days=interval, last_visit=night, last_result=result, last_success=night,
        last_change=night if (changed or first) else state.last_change, visits=state.visits + 1,
        changes=state.changes + (1 if changed and not first else 0), failures=0)


def working_days(since: date, night: date, params: RecrawlParams = DEFAULT_PARAMS) -> int:
    """Days on which a site could publish that a visit on `night` covers after a visit on `since`: the days from
    `since` to the day before `night` (a night's crawl at 02:00 sees what the day before it published)."""
    days = (night - since).days
    if days <= 0:
        return 0
    weeks, rest = divmod(days, 7)
    per_week = 7 - len(params.quiet_weekdays)
    return weeks * per_week + sum(1 for k in range(rest)
                                  if (since + timedelta(days=weeks * 7 + k)).weekday() not in params.quiet_weekdays)


def due_date(state: SourceSchedule, params: RecrawlParams = DEFAULT_PARAMS) -> date | None:
    """The first night the source should be crawled again; None for a source never visited (due at once)."""
    if state.last_visit is None:
        return None
    if state.last_result == FAILED:
        return state.last_visit + timedelta(days=1)
    return state.last_visit + timedelta(days=min(nights(state.interval_days), params.max_nights))


@dataclass(frozen=True)
class PlannedSource:
    """One row of a night's plan."""

    source_id: str
    interval_days: float
    due: date | None       # None: never visited
    last_visit: date | None
    reason: str            # tonight: new | week | failed | overdue | due; not tonight: deferred | not_due
    tonight: bool

    def as_dict(self) -> dict:
        return {"source_id": self.source_id, "tonight": self.tonight, "reason": self.reason,
                "interval_days": round(self.interval_days, 3), "due_date": _iso(self.due),
                "last_visit": _iso(self.last_visit)}


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


@dataclass(frozen=True)
class NightPlan:
    """The sources due tonight (`due`, most urgent first) and every source's row (tonight's first)."""

    night: date
    capacity: int | None
    due: tuple[str, ...]
    rows: tuple[PlannedSource, ...]
    over_capacity: bool  # the week bound alone needed more than the cap (the cap is too small for the sources)

    @property
    def by_reason(self) -> dict[str, int]:
        return dict(Counter(r.reason for r in self.rows))


def plan_night(states: Iterable[SourceSchedule], today: date, capacity: int | None = None,
               params: RecrawlParams = DEFAULT_PARAMS) -> NightPlan:
    """Choose the sources to crawl on the night `today`: those whose due date has come (never-visited sources and
    those that failed last time included), most urgent first: sources a week without a visit (the coverage
    promise), then never-visited ones, then by due date (most overdue first), longest unvisited first.

    With a `capacity` (sources per night) the rest of the due sources wait for the next nights, where they are
    more overdue and so come first; a source reaching a week without a visit is always taken, even beyond the cap
    (`over_capacity` says so), so every source is visited within a week whenever the cap allows it at all
    (capacity >= sources / 7)."""
    if capacity is not None and capacity < 0:
        raise ValueError("capacity must be >= 0")
    due_rows, waiting = [], []
    for st in states:
        due = due_date(st, params)
        age = (today - st.last_visit).days if st.last_visit is not None else None
        if due is not None and due > today:
            waiting.append(PlannedSource(st.source_id, st.interval_days, due, st.last_visit, NOT_DUE, False))
            continue
        if age is None:
            reason = NEW
        elif age >= params.max_nights:
            reason = WEEK
        elif st.last_result == FAILED:
            reason = FAILED_LAST
        else:
            reason = OVERDUE if due < today else DUE
        due_rows.append(PlannedSource(st.source_id, st.interval_days, due, st.last_visit, reason, True))
    rank = {WEEK: 0, NEW: 1}
    due_rows.sort(key=lambda r: (rank.get(r.reason, 2), r.due or date.min, r.last_visit or date.min, r.source_id))
    must = sum(1 for r in due_rows if r.reason == WEEK)
    take = len(due_rows) if capacity is None else max(capacity, must)
    tonight = due_rows[:take]
    deferred = [replace(r, reason=DEFERRED, tonight=False) for r in due_rows[take:]]
    waiting.sort(key=lambda r: (r.due, r.source_id))
    return NightPlan(today, capacity, tuple(r.source_id for r in tonight), tuple(tonight + deferred + waiting),
                     capacity is not None and must > capacity)
