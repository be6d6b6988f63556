"""The nightly harvest job (the whole asset graph) and its schedule: one run over every source partition."""

import dagster as dg

from dagster_project.partitions import SOURCES, range_tags

nightly_harvest = dg.define_asset_job(
    name="nightly_harvest",
    selection=dg.AssetSelection.all(),
    description="Crawl the sources of the run's partitions (a night: all of them), extract new documents, publish "
    "the DuckDB warehouse.",
)


@dg.schedule(name="nightly_harvest_0200_prague", job=nightly_harvest, cron_schedule="0 2 * * *",
             execution_timezone="Europe/Prague", default_status=dg.DefaultScheduleStatus.RUNNING)
def nightly_schedule(context: dg.ScheduleEvaluationContext):
    """Every registered source in one run (the `sync_source_partitions` sensor registers them)."""
    keys = context.instance.get_dynamic_partitions(SOURCES.name)
    if not keys:
        return dg.SkipReason("no source partitions registered yet; the sync_source_partitions sensor adds them")
    return dg.RunRequest(tags=range_tags(keys))
