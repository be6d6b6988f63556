"""The crawl asset: Scrapy runs in a child process (Dagster Pipes), never in the Dagster process. Partitioned by
source: a run crawls the sources of its partitions (a night: all of them, in one crawl); with recrawl=adaptive only
those of them due tonight (pipelines.recrawl_plan, shown by the `recrawl_plan` asset upstream)."""

import sys

import dagster as dg

from dagster_project.partitions import SOURCES
from dagster_project.resources import HarvestConfig
from pipelines import crawl_run, recrawl_plan
from core.settings import REPO_ROOT, export_env


@dg.asset(
    group_name="acquisition",
    kinds={"scrapy"},
    description="Crawl the sources of this run's partitions (one per source of the sources file; robots.txt "
    "obeyed, per-site limits); response bodies go to the content-addressed raw store, every fetch attempt to the "
    "fetch log.",
    partitions_def=SOURCES,
    backfill_policy=dg.BackfillPolicy.single_run(),  # a backfill of many sources is one crawl, not one per source
    retry_policy=dg.RetryPolicy(max_retries=1, delay=30, backoff=dg.Backoff.EXPONENTIAL),
    deps=[dg.AssetKey("recrawl_plan")],  # the night's plan first, so the plan shown is the one crawled
)
def crawl(context: dg.AssetExecutionContext, harvest: HarvestConfig,
          pipes_subprocess_client: dg.PipesSubprocessClient) -> dg.MaterializeResult:
    settings = harvest.settings()
    keys = context.partition_keys
    # adaptive: the plan is recomputed from the fetch log (idempotent: the same as the upstream asset's tonight)
    due = recrawl_plan.plan_recrawl(settings).due if settings.recrawl == "adaptive" else None
    plan = crawl_run.prepare(settings, run_tag=context.run.run_id[:8], only=keys, due=due)
    context.log.info(f"crawl {plan.crawl_id}: {plan.source_count} of {len(keys)} partition sources from "
                     f"{plan.sources_snapshot}")
    invocation = pipes_subprocess_client.run(
        command=[sys.executable, "-m", "spiders.crawl", *plan.command_args(), "--profile", settings.profile,
                 "--data-dir", str(settings.data_dir)],
        context=context,
        env=export_env(settings),
        cwd=str(REPO_ROOT),
    )
    reported = {}
    for result in invocation.get_results():
        reported.update(result.metadata or {})
    summary = crawl_run.read_summary(settings, plan.crawl_id)
    if not reported and summary is None:
        raise dg.Failure(f"crawl {plan.crawl_id} reported no metadata and wrote no summary: the spider did not finish")
    metadata = {**(summary or {}), **reported, "crawl_id": plan.crawl_id, "partitions": len(keys),
                "recrawl": settings.recrawl}
    return dg.MaterializeResult(metadata=metadata)
