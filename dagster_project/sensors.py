"""A failed night never goes unnoticed: the run-failure sensor records an alert (and posts it to the webhook)."""

import dagster as dg

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
