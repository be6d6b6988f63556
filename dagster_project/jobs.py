"""The nightly harvest job (the whole asset graph) and its schedule."""

import dagster as dg

nightly_harvest = dg.define_asset_job(
    name="nightly_harvest",
    selection=dg.AssetSelection.all(),
    description="Crawl all sources, extract new documents, publish the DuckDB warehouse.",
)

nightly_schedule = dg.ScheduleDefinition(
    name="nightly_harvest_0200_prague",
    job=nightly_harvest,
    cron_schedule="0 2 * * *",
    execution_timezone="Europe/Prague",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)
