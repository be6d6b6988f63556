"""The night's recrawl plan: every source's learned interval from the crawl history, and the sources due tonight.

Reads every `<fetchlog_dir>/<crawl_id>.sources.jsonl` (one line per source per crawl) in crawl-id order, folds the
lines into a schedule per source (transforms.recrawl_schedule) and writes `<data_dir>/recrawl_plan.json` atomically.
Nothing else is stored: the plan is recomputed from the fetch log each time, so it is idempotent (the same files
and night give the same plan, byte for byte) and cannot drift from what the crawls recorded. A missing fetch log
means every source is new; a truncated or unreadable line (a killed crawl) is skipped; a crawl killed before it
wrote a source's line leaves that source as due as before.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Mapping

from core.fetch_log import read_jsonl, source_files
from core.settings import Settings
from core.sources import SourcesError, crawlable, load_sources
from transforms.recrawl_schedule import (
    DEFAULT_PARAMS, NightPlan, RecrawlParams, SourceSchedule, new_schedule, plan_night, record_visit, visit_night,
    visit_result,
)

PLAN_FILE = "recrawl_plan.json"
_SUFFIX = ".sources.jsonl"


def plan_path(settings: Settings) -> Path:
    return settings.data_dir / PLAN_FILE


def tonight() -> date:
    """The night's date: the UTC date (the nightly run starts at 02:00 Prague, 00:00 or 01:00 UTC, the same date)."""
    return datetime.now(timezone.utc).date()


@dataclass(frozen=True)
class History:
    schedules: dict[str, SourceSchedule]
    crawls: int    # sources.jsonl files read
    lines: int     # source lines folded in
    skipped: int   # lines without a source id or a night


def read_history(fetchlog_dir: Path, params: RecrawlParams = DEFAULT_PARAMS) -> History:
    """Every source's schedule from all crawls' per-source outcomes, oldest crawl first."""
    schedules: dict[str, SourceSchedule] = {}
    crawls = lines = skipped = 0
    for path in source_files(fetchlog_dir):  # sorted by name: crawl ids sort by time
        crawl_id = path.name[: -len(_SUFFIX)]
        try:
            records = list(read_jsonl(path))
        except OSError:
            continue
        crawls += 1
        for record in records:
            sid = record.get("source_id") if isinstance(record, Mapping) else None
            night = visit_night(record, crawl_id) if isinstance(sid, str) and sid else None
            if night is None:
                skipped += 1
                continue
            state = schedules.get(sid) or new_schedule(sid, params)
            schedules[sid] = record_visit(state, night, visit_result(record), params)
            lines += 1
    return History(schedules, crawls, lines, skipped)


@dataclass(frozen=True)
class RecrawlPlan:
    path: Path
    plan: NightPlan
    history: History

    @property
    def due(self) -> tuple[str, ...]:
        """The ids of the sources to crawl tonight, most urgent first."""
        return self.plan.due


def plan_recrawl(settings: Settings, today: date | None = None, capacity: int | None = None,
                 params: RecrawlParams = DEFAULT_PARAMS) -> RecrawlPlan:
    """Plan the night `today` (default: tonight) over the enabled sources of the sources file, write
    `<data_dir>/recrawl_plan.json` and return the plan (its `due` are the ids to crawl)."""
    if settings.sources_path is None:
        raise SourcesError("no sources file: pass --sources FILE (or set SMARTHARVEST_SOURCES)")
    today = today or tonight()
    sources = crawlable(load_sources(settings.sources_path))
    history = read_history(settings.fetchlog_dir, params)
    states = [history.schedules.get(s.source_id) or new_schedule(s.source_id, params) for s in sources]
    plan = plan_night(states, today, capacity, params)
    path = plan_path(settings)
    _write_json_atomic(path, {
        "night": today.isoformat(),
        "capacity": capacity,
        "params": {k: sorted(v) if isinstance(v, frozenset) else v for k, v in asdict(params).items()},
        "sources": len(states),
        "due_tonight": len(plan.due),
        "over_capacity": plan.over_capacity,
        "by_reason": dict(sorted(plan.by_reason.items())),
        "history": {"crawls": history.crawls, "lines": history.lines, "skipped_lines": history.skipped},
        "plan": [row.as_dict() for row in plan.rows],
    })
    return RecrawlPlan(path, plan, history)


def due_tonight(settings: Settings, today: date | None = None, capacity: int | None = None) -> list[str]:
    """The ids of the sources due on the night `today` (the plan file is written as well)."""
    return list(plan_recrawl(settings, today, capacity).due)


def read_plan(settings: Settings) -> dict | None:
    """The last plan written, None when there is none (or it cannot be read)."""
    try:
        return json.loads(plan_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_json_atomic(path: Path, data: dict) -> None:
    """Temp file + os.replace: a reader sees the old plan or the new one; concurrent writers (the runs of a night's
    batches) each write their own temp file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
