"""Crawl every source of a sources file in one Scrapy process: `python -m spiders.crawl`.

    python -m spiders.crawl --sources FILE --crawl-id ID [--profile local|test|production] [--data-dir DIR]

One `CrawlerProcess` with the profile's settings runs one crawler per source kind that has sources.
Writes (under the data dir): raw/<sha[:2]>/<sha256> bodies, fetchlog/<crawl_id>.fetches.jsonl (one line
per fetch attempt), fetchlog/<crawl_id>.sources.jsonl (one line per source) and
fetchlog/<crawl_id>.summary.json (the crawl's totals). Progress goes to stderr every few seconds.
Under Dagster Pipes (DAGSTER_PIPES_CONTEXT set) the totals are reported as materialization metadata.

Exit status: 0 when the crawl ran (whatever the sites answered); 2 when it could not start (bad
sources file, crawl id or data dir); 1 when Scrapy could not run or the crawl was interrupted.
"""
from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

from core import fetch_log, raw_store
from core.sources import SourcesError, crawlable, load_sources, read_only_file
from core.processes import die_with_parent
from core.settings import PROFILES, SettingsError, load_settings, writable_dir

PROGRESS_EVERY = 5.0  # seconds
CRAWL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:+@=-]{0,199}$")


class CannotRun(Exception):
    """The crawl cannot start; the message says why (printed on stderr, exit status 2)."""


class _NoTraceback(logging.Filter):
    """Scrapy logs a full traceback for every robots.txt it cannot fetch; one line is enough."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m spiders.crawl",
        description="Crawl the sites of a sources file (robots.txt obeyed, staying on each site) and record "
                    "every fetch: bodies in the raw store, one fetch-log line per attempt, one summary line "
                    "per source.",
        epilog="Outputs under DATA_DIR: raw/<sha[:2]>/<sha256>, fetchlog/<ID>.fetches.jsonl, "
               "fetchlog/<ID>.sources.jsonl, fetchlog/<ID>.summary.json. Exit 0 when the crawl ran, 2 when it "
               "could not start, 1 when Scrapy failed or the crawl was interrupted. With DAGSTER_PIPES_CONTEXT "
               "set, the summary is reported to Dagster as asset-materialization metadata.",
    )
    p.add_argument("--sources", metavar="FILE",
                   help="sources CSV (source_id,kind,start_url,municipality_code[,name]); "
                        "default: $SMARTHARVEST_SOURCES")
    p.add_argument("--crawl-id", metavar="ID", default=None,
                   help="id of this crawl run, used in the fetch-log file names (letters, digits, ._:+@=-); "
                        "default: a new UTC timestamp id. Use a new id when re-running a killed crawl.")
    p.add_argument("--profile", choices=PROFILES, default=None,
                   help="crawl profile from spiders.settings.CRAWL_PROFILES: production is polite "
                        "(1 request at a time per site, delays, AutoThrottle), local/test crawl loopback fast; "
                        "default: $SMARTHARVEST_PROFILE or local")
    p.add_argument("--only", metavar="FILE", default=None,
                   help="crawl only the sources whose ids this file lists (one per line): the sources of one "
                        "Dagster run (its partitions); default: every enabled source")
    p.add_argument("--data-dir", metavar="DIR", default=None,
                   help="data directory (raw/, fetchlog/ below it); default: $SMARTHARVEST_DATA_DIR or data/")
    return p


def _prepare(args):
    try:
        settings = load_settings(data_dir=args.data_dir, profile=args.profile, sources_path=args.sources)
    except ValueError as exc:
        raise CannotRun(str(exc)) from exc
    if settings.sources_path is None:
        raise CannotRun("no sources file: pass --sources FILE or set SMARTHARVEST_SOURCES")
    try:
        only = read_only_file(Path(args.only)) if args.only else None
        sources = crawlable(load_sources(settings.sources_path), only)  # disabled: kept, not crawled
    except (SourcesError, OSError) as exc:
        raise CannotRun(str(exc)) from exc
    crawl_id = args.crawl_id or fetch_log.new_crawl_id()
    if not CRAWL_ID.match(crawl_id):
        raise CannotRun(f"crawl id {crawl_id!r} is not usable in a file name; use letters, digits and ._:+@=-")
    try:
        for d in (settings.raw_dir, settings.fetchlog_dir):
            writable_dir(d, "data dir")
    except SettingsError as exc:
        raise CannotRun(str(exc)) from exc
    return settings, sources, crawl_id


def _set_aside_earlier_files(settings, crawl_id: str) -> list[str]:
    """A re-used crawl id (a retried step): move the earlier run's files aside instead of appending."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    moved = []
    for path in (fetch_log.fetches_path(settings.fetchlog_dir, crawl_id),
                 fetch_log.sources_path(settings.fetchlog_dir, crawl_id),
                 settings.fetchlog_dir / f"{crawl_id}.summary.json"):
        if path.exists():
            target = path.with_name(f"{path.name}.replaced-{stamp}")
            os.replace(path, target)
            moved.append(target.name)
    return moved


def closing_line(summary: dict) -> str:
    s = summary
    return (f"[crawl] finished {s['crawl_id']}: sources {s['sources']} (ok {s['sources_ok']}, "
            f"no documents {s['sources_no_documents']}, blocked by robots {s['sources_blocked']}, "
            f"unreachable {s['sources_unreachable']}, error {s['sources_error']}) · pages {s['pages']} · "
            f"documents {s['documents']} (new raw files {s['new_raw_files']}) · errors {s['errors']} · "
            f"forbidden by robots {s['forbidden_by_robots']} · off-site dropped {s['offsite_dropped']} · "
            f"too large {s['too_large']} · {s['duration_s']:.1f} s")


def run_crawl(settings, sources, crawl_id: str, log=print) -> tuple[dict, list[str]]:
    """Run the crawl to its end; returns (summary, problems). Blocks (starts the Twisted reactor)."""
    from scrapy.crawler import CrawlerProcess

    from spiders import gc_pacing
    from spiders.kinds import SPIDER_BY_KIND
    from spiders.settings import scrapy_settings
    from spiders.state import CrawlRun, write_json_atomic

    cfg = scrapy_settings(settings)
    run = CrawlRun(settings, crawl_id, sources, cfg["USER_AGENT"])
    by_kind: dict[str, list] = defaultdict(list)
    for s in sources:
        by_kind[s.kind].append(s)
    problems: list[str] = []
    process = CrawlerProcess(cfg)
    logging.getLogger("scrapy.downloadermiddlewares.robotstxt").addFilter(_NoTraceback())
    for kind, spider_cls in SPIDER_BY_KIND.items():
        if by_kind.get(kind):
            d = process.crawl(spider_cls, sources=by_kind[kind], run=run)
            d.addErrback(lambda f, k=kind: problems.append(f"spider {k} failed: {f.getErrorMessage()}"))

    from twisted.internet import task  # after process.crawl(): the reactor is installed by then

    progress = task.LoopingCall(lambda: log(run.progress_line()))
    progress.start(PROGRESS_EVERY, now=False)
    collections = gc_pacing.pace_full_collections()
    try:
        process.start()
    finally:
        collections.stop()
        if progress.running:
            progress.stop()
        for st in run.states.values():  # sources of a crawler that never started
            if not st.summarised:
                run.close_source(st, "not started")
        log(run.progress_line())
        summary = run.summary()
        run.close()
        write_json_atomic(settings.fetchlog_dir / f"{crawl_id}.summary.json", summary)
    interrupted = {name: r for name, r in run.close_reasons.items() if r != "finished"}
    if interrupted:
        problems.append("crawl interrupted: " + ", ".join(f"{n} closed ({r})" for n, r in interrupted.items()))
    return summary, problems


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _main(args, pipes) -> int:
    def fail(message: str, code: int) -> int:
        _stderr(f"spiders.crawl: error: {message}")
        if pipes is not None:
            pipes.log.error(message)
        return code

    try:
        settings, sources, crawl_id = _prepare(args)
    except CannotRun as exc:
        return fail(str(exc), 2)
    swept = raw_store.sweep_partials(settings.raw_dir)
    moved = _set_aside_earlier_files(settings, crawl_id)
    start_msg = (f"[crawl] {crawl_id}: {len(sources)} sources, profile {settings.profile}, data dir "
                 f"{settings.data_dir}" + (f"; removed {swept} partial raw file(s)" if swept else "")
                 + (f"; earlier files of this crawl id moved aside: {', '.join(moved)}" if moved else ""))
    _stderr(start_msg)
    if pipes is not None:
        pipes.log.info(start_msg)
    try:
        summary, problems = run_crawl(settings, sources, crawl_id, log=_stderr)
    except Exception as exc:  # Scrapy/Twisted could not run at all
        return fail(f"the crawl could not run: {type(exc).__name__}: {exc}", 1)
    line = closing_line(summary)
    _stderr(line)
    for p in problems:
        _stderr(f"spiders.crawl: {p}")
    if pipes is not None:
        pipes.log.info(line)
        for p in problems:
            pipes.log.warning(p)
        pipes.report_asset_materialization(metadata=summary)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    die_with_parent()  # a crawl never outlives the run that started it (hours of load on municipal servers)
    args = build_parser().parse_args(argv)
    if os.environ.get("DAGSTER_PIPES_CONTEXT"):
        from dagster_pipes import open_dagster_pipes

        with open_dagster_pipes() as pipes:
            return _main(args, pipes)
    return _main(args, None)


if __name__ == "__main__":
    sys.exit(main())
