"""Asset checks: a broken source or an unexplained empty document must be visible, never silent."""

import dagster as dg

from dagster_project.assets.crawl import crawl
from dagster_project.resources import HarvestConfig
from pipelines import crawl_run, health


@dg.asset_check(asset=crawl, description="Every source of the latest crawl yielded documents or has a recorded reason.")
def sources_yield_documents_or_reason(harvest: HarvestConfig) -> dg.AssetCheckResult:
    settings = harvest.settings()
    crawl_id = crawl_run.latest_crawl_id(settings)
    if crawl_id is None:
        return dg.AssetCheckResult(passed=False, metadata={"problem": "no crawl summary found"})
    problems = health.unexplained_sources(settings, crawl_id)
    return dg.AssetCheckResult(
        passed=not problems,
        metadata={"crawl_id": crawl_id, "unexplained": len(problems), "examples": "\n".join(problems[:20]),
                  **{f"sources_{k}": v for k, v in health.source_status_counts(settings, crawl_id).items()}},
    )


@dg.asset_check(asset=crawl, description="No partial (temp) file is left in the raw store.")
def raw_store_has_no_partial_files(harvest: HarvestConfig) -> dg.AssetCheckResult:
    partial = health.partial_raw_files(harvest.settings())
    return dg.AssetCheckResult(passed=not partial, metadata={"partial_files": len(partial),
                                                             "examples": "\n".join(partial[:10])})


@dg.asset_check(asset=dg.AssetKey(["warehouse", "documents"]),
                description="Every document has text or a recorded reason why not.")
def documents_have_text_or_reason(harvest: HarvestConfig) -> dg.AssetCheckResult:
    missing = health.documents_without_text_or_reason(harvest.settings())
    return dg.AssetCheckResult(passed=not missing, metadata={"without_text_or_reason": len(missing),
                                                             "examples": "\n".join(missing[:20])})


@dg.asset_check(asset=dg.AssetKey(["warehouse", "source_health"]),
                description="No source's yield fell to zero or by more than half against its recent median, no CMS "
                "family changed, no robots.txt forbids everything anew, no site is unreachable night after night.")
def sources_healthy_across_nights(harvest: HarvestConfig) -> dg.AssetCheckResult:
    rows = health.latest_source_health(harvest.settings())
    flagged = [r for r in rows if r["flags"]]
    return dg.AssetCheckResult(
        passed=not flagged, severity=dg.AssetCheckSeverity.WARN,
        metadata={"sources": len(rows), "flagged": len(flagged),
                  **{f"flag_{k}": v for k, v in health.flag_counts(flagged).items()},
                  "examples": "\n".join(f"{r['source_id']}: {r['flag_reasons']}" for r in flagged[:20])},
    )


@dg.asset_check(asset=dg.AssetKey(["warehouse", "record_problems"]),
                description="Every record of the notice-board feeds, data files (CEP) and portal pages (Databáze "
                "strategií, good-practice catalogues) was read; the ones that were not are listed with their reason.")
def records_of_feeds_datasets_and_portals_read(harvest: HarvestConfig) -> dg.AssetCheckResult:
    unread = health.unread_records(harvest.settings())
    by_kind = health.count_by(unread, "kind")
    return dg.AssetCheckResult(
        passed=not unread, severity=dg.AssetCheckSeverity.WARN,
        metadata={"unread": len(unread), **{f"unread_{k}": v for k, v in sorted(by_kind.items())},
                  "examples": "\n".join(f"{r['source_id']} {r['file_url']} {r['position']}: {r['reason']}"
                                         for r in unread[:20])})
