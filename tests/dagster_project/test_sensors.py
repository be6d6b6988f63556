"""The run-failure sensor records the failed run (issue 9), invoked on a real failed run of a real instance."""
from __future__ import annotations

import json

import dagster as dg

from dagster_project.definitions import defs
from dagster_project.resources import HarvestConfig
from dagster_project.sensors import alert_on_failed_night


@dg.op
def _boom():
    raise RuntimeError("the night broke")


@dg.job
def _failing():
    _boom()


def test_a_failed_run_is_recorded_as_an_alert(tmp_path):
    with dg.DagsterInstance.ephemeral() as instance:
        result = _failing.execute_in_process(instance=instance, raise_on_error=False)
        context = dg.build_run_status_sensor_context(
            sensor_name="alert_on_failed_night", dagster_instance=instance, dagster_run=result.dagster_run,
            dagster_event=result.get_run_failure_event(),
            resources={"harvest": HarvestConfig(data_dir=str(tmp_path))},
        ).for_run_failure()
        alert_on_failed_night(context)
    (line,) = [json.loads(x) for x in (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert line["run_id"] == result.run_id and line["job"] == "_failing"


def test_the_sensor_is_part_of_the_definitions_and_on_by_default():
    sensor = defs.resolve_sensor_def("alert_on_failed_night")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
