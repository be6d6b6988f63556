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
