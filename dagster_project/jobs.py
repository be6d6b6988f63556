"""The nightly harvest job (the whole asset graph) and its schedule: one run over every source partition, or one
run per batch of SMARTHARVEST_SOURCES_PER_RUN sources; its executor is SMARTHARVEST_EXECUTOR's (executors.py)."""

import dagster as dg

from dagster_project.executors import harvest_executor
from dagster_project.partitions import SOURCES, batch_requests, sources_per_run

nightly_harvest = dg.define_asset_job(
    name="nightly_harvest",
    selection=dg.AssetSelection.all(),
    description="Crawl the sources of the run's partitions (a night: all of them, or one batch of them), extract new "
    "documents, publish the DuckDB warehouse.",
    executor_def=harvest_executor(),
)


@dg.schedule(name="nightly_harvest_0200_prague", job=nightly_harvest, cron_schedule="0 2 * * *",
             execution_timezone="Europe/Prague", default_status=dg.DefaultScheduleStatus.RUNNING)
def nightly_schedule(context: dg.ScheduleEvaluationContext):
    """Every registered source (the `sync_source_partitions` sensor registers them): in one run, or in runs of
    SMARTHARVEST_SOURCES_PER_RUN sources each (their warehouse publishes queue on the `duckdb_writer` pool)."""
    keys = context.instance.get_dynamic_partitions(SOURCES.name)
    if not keys:
        return dg.SkipReason("no source partitions registered yet; the sync_source_partitions sensor adds them")
    return batch_requests(keys, sources_per_run())
