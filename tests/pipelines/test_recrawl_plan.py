"""The night's recrawl plan from the fetch log's per-source outcomes, written atomically, idempotent, robust to a
killed crawl's files; and the crawl limited to the due sources only when asked."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from core.fetch_log import SOURCE_CRAWLS
from core.schema import conform
from core.settings import Settings
from core.sources import read_only_file
from pipelines import crawl_run
from pipelines.recrawl_plan import PLAN_FILE, due_tonight, plan_recrawl, read_history, read_plan

D0 = date(2026, 11, 2)
SOURCES = ["busy", "quiet", "down", "fresh", "off"]


@pytest.fixture
def settings(tmp_path) -> Settings:
    csv = tmp_path / "sources.csv"
    csv.write_text("source_id,kind,start_url,municipality_code,enabled\n" + "".join(
        f"{sid},municipal_site,http://127.0.0.1:{18000 + i}/,50000{i},{'false' if sid == 'off' else 'true'}\n"
        for i, sid in enumerate(SOURCES)), encoding="utf-8")
    return Settings(data_dir=tmp_path / "data", sources_path=csv)


def _line(crawl_id: str, night: date, sid: str, status: str = "ok", new: int = 0, changed: int = 0) -> dict:
    at = f"{night.isoformat()}T01:00:00.000+00:00"
    return conform(SOURCE_CRAWLS, {
        "crawl_id": crawl_id, "source_id": sid, "start_url": "http://127.0.0.1/", "status": status,
        "pages": 10, "documents": 20, "new_documents": new, "changed_documents": changed, "not_modified": 20 - new,
        "errors": 0, "complete": True, "started_at": at, "finished_at": at})


def _write_night(settings: Settings, night: date, lines: list[dict], tail: str = "") -> str:
    crawl_id = night.strftime("%Y%m%dT010000Z") + "-test"
    settings.fetchlog_dir.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(dict(line, crawl_id=crawl_id)) + "\n" for line in lines) + tail
    (settings.fetchlog_dir / f"{crawl_id}.sources.jsonl").write_text(text, encoding="utf-8")
    return crawl_id


def _history(settings: Settings, n_nights: int) -> None:
    """busy: something new every night; quiet: nothing after its first visit; down: unreachable on the last night."""
    for k in range(n_nights):
        night = D0 + timedelta(days=k)
        last = k == n_nights - 1
        _write_night(settings, night, [
            _line("", night, "busy", new=3 if k == 0 else 1),
            _line("", night, "quiet", new=5 if k == 0 else 0),
            _line("", night, "down", status="unreachable" if last else "ok", new=2 if k == 0 else 0),
        ])


def test_without_any_fetch_log_every_enabled_source_is_new(settings):
    plan = plan_recrawl(settings, today=D0)
    assert sorted(plan.due) == ["busy", "down", "fresh", "quiet"]  # "off" is disabled: never planned
    written = json.loads((settings.data_dir / PLAN_FILE).read_text(encoding="utf-8"))
    assert written["night"] == "2026-11-02" and written["due_tonight"] == 4
    assert written["by_reason"] == {"new": 4}
    assert {r["source_id"] for r in written["plan"]} == {"busy", "quiet", "down", "fresh"}


def test_history_decides_who_is_due(settings):
    _history(settings, 10)  # nights D0 .. D0+9
    today = D0 + timedelta(days=10)
    plan = plan_recrawl(settings, today=today)
    rows = {r.source_id: r for r in plan.plan.rows}
    assert rows["busy"].tonight and rows["busy"].interval_days == 1.0 and rows["busy"].reason == "due"
    assert rows["down"].tonight and rows["down"].reason == "failed"
    assert rows["fresh"].tonight and rows["fresh"].reason == "new"
    assert not rows["quiet"].tonight and rows["quiet"].reason == "not_due" and rows["quiet"].interval_days == 7.0
    assert plan.due[0] == "fresh"  # never visited comes before the ordinary due ones
    assert set(plan.due) == {"busy", "down", "fresh"}
    assert due_tonight(settings, today=today) == list(plan.due)
    # the quiet source comes back within the week
    week = [d for d in range(1, 8) if "quiet" in plan_recrawl(settings, today=today + timedelta(days=d)).due]
    assert week and week[0] <= 7


def test_the_plan_is_idempotent(settings):
    _history(settings, 6)
    today = D0 + timedelta(days=6)
    first = plan_recrawl(settings, today=today)
    text = (settings.data_dir / PLAN_FILE).read_bytes()
    second = plan_recrawl(settings, today=today)
    assert second.plan == first.plan
    assert (settings.data_dir / PLAN_FILE).read_bytes() == text
    assert sorted(p.name for p in settings.data_dir.iterdir()) == ["fetchlog", PLAN_FILE]  # no temp file left
    assert read_plan(settings)["due_tonight"] == len(first.due)


def test_a_killed_crawls_truncated_line_and_garbage_are_skipped(settings):
    _history(settings, 5)
    night = D0 + timedelta(days=5)
    cut = json.dumps(_line("x", night, "quiet", new=9))[:60]  # killed mid-line: no newline
    _write_night(settings, night, [_line("", night, "busy", new=1)], tail="not json\n[1, 2]\n{}\n" + cut)
    (settings.fetchlog_dir / "20261108T010000Z-empty.sources.jsonl").write_text("", encoding="utf-8")
    history = read_history(settings.fetchlog_dir)
    assert history.crawls == 7
    assert history.skipped == 2  # "[1, 2]" and "{}" parse but name no source; "not json" and the cut line never do
    quiet = history.schedules["quiet"]
    assert quiet.last_visit == D0 + timedelta(days=4)  # the cut line did not count as a visit
    plan = plan_recrawl(settings, today=night + timedelta(days=1))
    assert "busy" in plan.due


def test_a_source_without_a_line_in_a_killed_crawl_stays_due(settings):
    _history(settings, 3)
    night = D0 + timedelta(days=3)
    _write_night(settings, night, [_line("", night, "quiet")])  # the crawl died before busy's line
    plan = plan_recrawl(settings, today=night + timedelta(days=1))
    busy = next(r for r in plan.plan.rows if r.source_id == "busy")
    assert busy.tonight and busy.reason == "overdue" and busy.last_visit == D0 + timedelta(days=2)


def test_prepare_limits_the_crawl_to_due_sources_only_when_asked(settings):
    every = crawl_run.prepare(settings, run_tag="t1")
    assert every.only is None and every.source_count == 4
    parts = crawl_run.prepare(settings, run_tag="t2", only=["busy", "quiet", "down"])
    assert read_only_file(parts.only) == {"busy", "quiet", "down"} and parts.source_count == 3
    due = crawl_run.prepare(settings, run_tag="t3", due=["busy", "fresh"])
    assert read_only_file(due.only) == {"busy", "fresh"} and due.source_count == 2
    both = crawl_run.prepare(settings, run_tag="t4", only=["busy", "quiet", "down"], due=["busy", "fresh"])
    assert read_only_file(both.only) == {"busy"} and both.source_count == 1
    none = crawl_run.prepare(settings, run_tag="t5", only=["quiet"], due=[])
    assert read_only_file(none.only) == set() and none.source_count == 0


def test_recrawl_mode_is_a_setting(monkeypatch, tmp_path):
    from core.settings import export_env, load_settings

    assert Settings(data_dir=tmp_path).recrawl == "nightly"
    monkeypatch.setenv("SMARTHARVEST_RECRAWL", "adaptive")
    settings = load_settings(data_dir=str(tmp_path))
    assert settings.recrawl == "adaptive"
    assert export_env(settings)["SMARTHARVEST_RECRAWL"] == "adaptive"
    with pytest.raises(ValueError, match="recrawl"):
        Settings(data_dir=tmp_path, recrawl="sometimes")
