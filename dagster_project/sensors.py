"""A failed night never goes unnoticed: the run-failure sensor records an alert (and posts it to the webhook).
The source partitions follow the sources file."""

import dagster as dg

from core.sources import SourcesError, load_sources, partition_keys
from dagster_project.partitions import SOURCES, sync_requests
from dagster_project.resources import HarvestConfig
from pipelines.alerts import record_alert


@dg.run_failure_sensor(name="alert_on_failed_night", default_status=dg.DefaultSensorStatus.RUNNING,
                       description="Record every failed run in <data_dir>/alerts.jsonl and POST it to the "
                       "configured webhook (SMARTHARVEST_ALERT_WEBHOOK).")
def alert_on_failed_night(context: dg.RunFailureSensorContext, harvest: HarvestConfig) -> None:
    run = context.dagster_run
    record_alert(harvest.settings(), {
        "run_id": run.run_id, "job": run.job_name, "summary": f"run {run.run_id[:8]} of {run.job_name} failed",
        "error": (context.failure_event.message or "")[:2000],
    })


@dg.sensor(name="sync_source_partitions", minimum_interval_seconds=300, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Keep the `sources` partitions equal to the enabled sources of the sources file: a new source "
           "becomes a partition, a removed or disabled one stops being one (its history stays in the warehouse).")
def sync_source_partitions(context: dg.SensorEvaluationContext, harvest: HarvestConfig):
    settings = harvest.settings()
    if settings.sources_path is None:
        return dg.SkipReason("no sources file configured (SMARTHARVEST_SOURCES)")
    try:
        wanted = partition_keys(load_sources(settings.sources_path))
    except SourcesError as exc:
        return dg.SkipReason(f"sources file not usable: {exc}")
    requests = sync_requests(wanted, context.instance.get_dynamic_partitions(SOURCES.name))
    if not requests:
        return dg.SkipReason(f"{len(wanted)} source partitions, all registered")
    return dg.SensorResult(dynamic_partitions_requests=requests)
