"""Preparing a crawl (id, validated sources snapshot) and reading what it left behind."""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from typing import Collection

from core.sources import SourcesError, crawlable, load_sources, write_only_file
from core.settings import Settings


@dataclass(frozen=True)
class CrawlPlan:
    crawl_id: str
    sources_snapshot: Path
    source_count: int
    only: Path | None = None  # the ids this crawl is limited to (spiders.crawl --only), None = every enabled source

    def command_args(self) -> list[str]:
        return ["--sources", str(self.sources_snapshot), "--crawl-id", self.crawl_id,
                *(["--only", str(self.only)] if self.only else [])]


def new_crawl_id(run_tag: str) -> str:
    """Sortable by time, unique per run: 20261127T020000Z-<run tag>."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + f"-{run_tag}"


def prepare(settings: Settings, run_tag: str, only: Collection[str] | None = None,
            due: Collection[str] | None = None) -> CrawlPlan:
    """Validate the sources file and snapshot it beside the fetch log, so every crawl knows what it crawled; with
    `only` (a run's source partitions) the crawl is limited to those sources, the snapshot still holds them all;
    with `due` (adaptive recrawl: the sources due tonight, pipelines.recrawl_plan) also to those."""
    if settings.sources_path is None:
        raise SourcesError(
            "no sources file: pass --sources FILE (or set SMARTHARVEST_SOURCES); "
            "`smartharvest run` without --sources harvests the demo web")
    sources = load_sources(settings.sources_path)
    crawl_id = new_crawl_id(run_tag)
    settings.fetchlog_dir.mkdir(parents=True, exist_ok=True)
    snapshot = settings.fetchlog_dir / f"{crawl_id}.sources.csv"
    shutil.copyfile(settings.sources_path, snapshot)
    if due is not None:
        only = set(due) if only is None else set(only) & set(due)
    limit = write_only_file(settings.fetchlog_dir / f"{crawl_id}.only.txt", only) if only is not None else None
    return CrawlPlan(crawl_id, snapshot, len(crawlable(sources, only)), limit)


def summary_path(settings: Settings, crawl_id: str) -> Path:
    return settings.fetchlog_dir / f"{crawl_id}.summary.json"


def read_summary(settings: Settings, crawl_id: str) -> dict | None:
    path = summary_path(settings, crawl_id)
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def latest_crawl_id(settings: Settings) -> str | None:
    ids = sorted(p.name.split(".")[0] for p in settings.fetchlog_dir.glob("*.summary.json"))
    return ids[-1] if ids else None


def read_source_outcomes(settings: Settings, crawl_id: str) -> list[dict]:
    from core.fetch_log import read_jsonl, sources_path

    path = sources_path(settings.fetchlog_dir, crawl_id)
    return list(read_jsonl(path)) if path.exists() else []
