"""Adaptive recrawl, as a specification: how a source's interval follows its changes and what a night crawls."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from transforms.recrawl_schedule import (
    CHANGED, DEFAULT_PARAMS, FAILED, UNCHANGED, RecrawlParams, SourceSchedule, due_date, new_schedule, next_interval,
    nights, plan_night, record_visit, visit_night, visit_result,
)

START = date(2026, 11, 2)  # a Monday


def _live(source_id: str, result_on_night, nights_to_run: int, state: SourceSchedule | None = None):
    """Visit one source whenever it is due, for `nights_to_run` nights; returns the final state and the visit
    nights. `result_on_night(n)` says what a visit on night n finds."""
    state = state or new_schedule(source_id)
    visits = []
    for n in range(nights_to_run):
        today = START + timedelta(days=n)
        if plan_night([state], today).due:
            state = record_visit(state, today, result_on_night(n))
            visits.append(n)
    return state, visits


def test_nutch_rates_and_bounds():
    assert next_interval(5.0, changed=True) == pytest.approx(4.0)     # x (1 - 0.2)
    assert next_interval(2.0, changed=False) == pytest.approx(2.8)    # x (1 + 0.4)
    assert next_interval(1.0, changed=True) == 1.0                    # never below a night
    assert next_interval(6.0, changed=False) == 7.0                   # never beyond a week
    assert next_interval(1.0, changed=False, unchanged_for_days=5) == 5.0  # SYNC_DELTA: quiet for 5 days
    assert next_interval(1.0, changed=False, params=RecrawlParams(sync_delta=False), unchanged_for_days=5) == \
        pytest.approx(1.4)


def test_a_source_that_changes_every_night_converges_to_one_night():
    state = SourceSchedule("busy", interval_days=7.0, last_visit=START - timedelta(days=7), last_result=UNCHANGED,
                           last_success=START - timedelta(days=7), last_change=START - timedelta(days=30), visits=9)
    state, visits = _live("busy", lambda n: CHANGED, 40, state)
    assert state.interval_days == 1.0
    assert nights(state.interval_days) == 1
    tail = visits[-10:]
    assert [b - a for a, b in zip(tail, tail[1:])] == [1] * 9  # visited every night once converged


def test_a_source_that_never_changes_grows_to_seven_days_and_no_further():
    state, visits = _live("quiet", lambda n: UNCHANGED, 80)
    assert state.interval_days == DEFAULT_PARAMS.max_days == 7.0
    gaps = [b - a for a, b in zip(visits, visits[1:])]
    assert gaps == sorted(gaps)            # the interval only grows
    assert max(gaps) == 7 and gaps[-3:] == [7, 7, 7]
    assert len(visits) <= 4 + 80 // 7 + 1  # a handful of nightly looks, then weekly


def test_the_first_visit_is_a_baseline_not_a_change():
    state = record_visit(new_schedule("s"), START, CHANGED)  # everything is new on a first visit
    assert state.interval_days == DEFAULT_PARAMS.initial_days
    assert state.changes == 0 and state.visits == 1 and state.last_change == START
    assert due_date(state) == START + timedelta(days=1)


def test_a_failed_source_is_due_the_next_night_and_keeps_its_interval():
    state = SourceSchedule("s", interval_days=5.0, last_visit=START, last_result=UNCHANGED, last_success=START,
                           last_change=START - timedelta(days=20), visits=4)
    failed = record_visit(state, START + timedelta(days=5), FAILED)
    assert failed.interval_days == 5.0 and failed.failures == 1
    assert due_date(failed) == START + timedelta(days=6)
    plan = plan_night([failed], START + timedelta(days=6))
    assert plan.due == ("s",) and plan.rows[0].reason == "failed"
    again = record_visit(failed, START + timedelta(days=6), UNCHANGED)
    assert again.failures == 0 and again.interval_days == 7.0  # unchanged for 26 days: a week (SYNC_DELTA)


def test_a_second_visit_the_same_night_that_finds_nothing_keeps_the_interval():
    state = record_visit(record_visit(new_schedule("s"), START, CHANGED), START + timedelta(days=1), CHANGED)
    assert record_visit(state, START + timedelta(days=1), UNCHANGED).interval_days == state.interval_days


def test_a_quiet_weekend_is_no_evidence_of_a_quiet_site():
    """A site that publishes every working day and never at weekends stays nightly."""
    state, visits = _live("office", lambda n: CHANGED if (START + timedelta(days=n - 1)).weekday() < 5 else UNCHANGED,
                          35)
    assert visits == list(range(35))
    assert state.interval_days == 1.0
    # without the rule it backs off after each weekend and skips nights
    params = RecrawlParams(quiet_weekdays=frozenset())
    state = new_schedule("office", params)
    skipped = []
    for n in range(35):
        today = START + timedelta(days=n)
        if plan_night([state], today, params=params).due:
            state = record_visit(state, today, CHANGED if (today - timedelta(days=1)).weekday() < 5 else UNCHANGED,
                                 params)
        else:
            skipped.append(today.strftime("%a"))
    assert "Tue" in skipped  # Monday's documents wait a night longer, every week


def test_working_days_covered_by_a_visit():
    from transforms.recrawl_schedule import working_days

    sat = date(2026, 11, 7)
    assert [working_days(sat, sat + timedelta(days=d)) for d in (0, 1, 2, 3, 7, 9, 14)] == [0, 0, 0, 1, 5, 5, 10]


def test_a_never_visited_source_is_due_at_once():
    plan = plan_night([new_schedule("fresh")], START)
    assert plan.due == ("fresh",) and plan.rows[0].reason == "new" and plan.rows[0].due is None


def test_a_source_is_not_due_before_its_interval_is_over():
    state = SourceSchedule("s", interval_days=3.2, last_visit=START, last_result=UNCHANGED, last_success=START,
                           last_change=START)
    assert [plan_night([state], START + timedelta(days=d)).due for d in (1, 2, 3, 4)] == [(), (), ("s",), ("s",)]
    assert plan_night([state], START + timedelta(days=4)).rows[0].reason == "overdue"


def test_outcome_changed_means_new_or_changed_documents_not_304s():
    assert visit_result({"status": "ok", "new_documents": 2, "changed_documents": 0, "not_modified": 50}) == CHANGED
    assert visit_result({"status": "ok", "new_documents": 0, "changed_documents": 1}) == CHANGED
    assert visit_result({"status": "ok", "new_documents": 0, "changed_documents": 0, "not_modified": 80,
                         "pages": 40}) == UNCHANGED
    assert visit_result({"status": "no_documents", "pages": 12}) == UNCHANGED
    for status in ("unreachable", "error", "blocked_by_robots", None):
        assert visit_result({"status": status, "new_documents": 3}) == FAILED


def test_the_night_of_a_visit():
    assert visit_night({"started_at": "2026-11-27T01:00:03.120+00:00"}) == date(2026, 11, 27)
    assert visit_night({"started_at": None, "finished_at": "2026-11-27T03:00:00Z"}) == date(2026, 11, 27)
    assert visit_night({}, "20261127T010000Z-ab12cd34") == date(2026, 11, 27)
    assert visit_night({}, "20261127T010000-4711") == date(2026, 11, 27)
    assert visit_night({"started_at": "garbage"}, "no-date") is None


def test_plan_order_week_bound_then_new_then_most_overdue():
    today = START + timedelta(days=10)
    week = SourceSchedule("w", 7.0, today - timedelta(days=7), UNCHANGED, today - timedelta(days=7), START)
    late = SourceSchedule("late", 1.0, today - timedelta(days=4), UNCHANGED, today - timedelta(days=4), START)
    just = SourceSchedule("just", 1.0, today - timedelta(days=1), CHANGED, today - timedelta(days=1), START)
    later = SourceSchedule("later", 7.0, today - timedelta(days=1), UNCHANGED, today - timedelta(days=1), START)
    plan = plan_night([later, just, late, new_schedule("n"), week], today)
    assert plan.due == ("w", "n", "late", "just")
    assert [r.reason for r in plan.rows] == ["week", "new", "overdue", "due", "not_due"]
    capped = plan_night([later, just, late, new_schedule("n"), week], today, capacity=2)
    assert capped.due == ("w", "n")
    assert {r.source_id: r.reason for r in capped.rows if not r.tonight} == {"late": "deferred", "just": "deferred",
                                                                             "later": "not_due"}


def test_the_week_bound_beats_the_cap():
    today = START + timedelta(days=20)
    old = [SourceSchedule(f"s{i}", 7.0, today - timedelta(days=7), UNCHANGED, today - timedelta(days=7), START)
           for i in range(5)]
    plan = plan_night(old, today, capacity=3)
    assert len(plan.due) == 5 and plan.over_capacity


def _run_capped(n_sources: int, busy: set[str], capacity: int, n_nights: int) -> dict[str, list[int]]:
    ids = [f"s{i:02d}" for i in range(n_sources)]
    states = {sid: new_schedule(sid) for sid in ids}
    visits: dict[str, list[int]] = {sid: [] for sid in ids}
    for n in range(n_nights):
        today = START + timedelta(days=n)
        plan = plan_night(states.values(), today, capacity=capacity)
        assert not plan.over_capacity
        assert len(plan.due) <= capacity
        for sid in plan.due:
            states[sid] = record_visit(states[sid], today, CHANGED if sid in busy else UNCHANGED)
            visits[sid].append(n)
    return visits


@pytest.mark.parametrize("capacity", [10, 15])
def test_under_a_capacity_cap_every_source_is_visited_within_seven_nights(capacity):
    """70 new sources, 10 a night (the smallest cap that can cover 70 in a week) or 15: each is first visited within
    7 nights and then never waits more than 7 nights, whatever it does."""
    visits = _run_capped(70, {"s00", "s01", "s02", "s03", "s04"}, capacity, 63)
    assert max(v[0] for v in visits.values()) <= 6
    assert max(b - a for v in visits.values() for a, b in zip(v, v[1:])) <= 7


def test_with_room_under_the_cap_busy_sources_are_visited_more_often_than_quiet_ones():
    busy = {"s00", "s01", "s02", "s03", "s04"}
    visits = _run_capped(70, busy, 15, 63)  # 5 nightly + 65 weekly = 14.3 a night
    gaps = {sid: [b - a for a, b in zip(v, v[1:])] for sid, v in visits.items()}
    assert all(sorted(g[-8:])[4] == 1 and max(g[-8:]) <= 2 for sid, g in gaps.items() if sid in busy)
    assert all(g[-5:] == [7] * 5 for sid, g in gaps.items() if sid not in busy)


def test_plan_is_deterministic_whatever_the_input_order():
    today = START + timedelta(days=3)
    states = [SourceSchedule(f"s{i}", 1.0, START, UNCHANGED, START, START) for i in range(6)] + \
        [new_schedule("a"), new_schedule("b")]
    assert plan_night(states, today) == plan_night(list(reversed(states)), today)


def test_params_are_checked():
    with pytest.raises(ValueError):
        RecrawlParams(min_days=2.0, initial_days=1.0)
    with pytest.raises(ValueError):
        RecrawlParams(dec_rate=1.0)
    with pytest.raises(ValueError):
        plan_night([], START, capacity=-1)
