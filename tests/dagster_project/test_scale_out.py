"""Scale-out settings (issue 12, part 6): SMARTHARVEST_SOURCES_PER_RUN cuts a night into runs of N source
partitions (each a partition range with a run key), SMARTHARVEST_EXECUTOR picks the job's executor."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import dagster as dg

from dagster_project.definitions import defs
from dagster_project.executors import EXECUTOR_ENV, ExecutorChoiceError, executor_name, harvest_executor
from dagster_project.partitions import (BATCH_TAG, RANGE_END, RANGE_START, SOURCES_PER_RUN_ENV, batch_requests,
                                        batches, register, sources_per_run)

ROOT = Path(__file__).resolve().parents[2]
KEYS = [f"s{i:02d}" for i in range(1, 8)]  # 7 sources


def test_batches_cut_the_keys_in_partition_order_into_consecutive_slices():
    assert batches(KEYS, 3) == [["s01", "s02", "s03"], ["s04", "s05", "s06"], ["s07"]]
    assert batches(KEYS, 7) == [KEYS] == batches(KEYS, 100) == batches(KEYS, None)
    assert batches(KEYS, 1) == [[k] for k in KEYS]
    assert batches([], 3) == []
    cut = batches(KEYS, 2)
    assert [k for batch in cut for k in batch] == KEYS  # every source once, none lost, order kept
    with pytest.raises(ValueError):
        batches(KEYS, 0)


def test_each_batch_is_one_run_request_over_its_partition_range_with_a_run_key():
    requests = batch_requests(KEYS, 3)
    assert [(r.tags[RANGE_START], r.tags[RANGE_END], r.tags[BATCH_TAG]) for r in requests] == [
        ("s01", "s03", "1/3"), ("s04", "s06", "2/3"), ("s07", "s07", "3/3")]
    keys = [r.run_key for r in requests]
    assert len(set(keys)) == 3
    (single,) = batch_requests(KEYS, None)
    assert (single.tags[RANGE_START], single.tags[RANGE_END]) == ("s01", "s07")


def test_the_batch_size_setting():
    assert sources_per_run({}) is None  # default: the whole night in one run, as before
    for everything in ("", "0", "all", " ALL "):
        assert sources_per_run({SOURCES_PER_RUN_ENV: everything}) is None
    assert sources_per_run({SOURCES_PER_RUN_ENV: "500"}) == 500
    for bad in ("-3", "many", "1.5"):
        with pytest.raises(ValueError, match=SOURCES_PER_RUN_ENV):
            sources_per_run({SOURCES_PER_RUN_ENV: bad})


def _tick(instance):
    schedule = defs.resolve_schedule_def("nightly_harvest_0200_prague")
    return schedule.evaluate_tick(dg.build_schedule_context(instance=instance))


def test_the_schedule_emits_one_run_per_batch_when_a_batch_size_is_set(tmp_path, monkeypatch):
    with dg.DagsterInstance.local_temp(str(tmp_path)) as instance:
        register(instance, KEYS)
        monkeypatch.setenv(SOURCES_PER_RUN_ENV, "3")
        requests = _tick(instance).run_requests
        assert [(r.tags[RANGE_START], r.tags[RANGE_END]) for r in requests] == [
            ("s01", "s03"), ("s04", "s06"), ("s07", "s07")]
        assert len({r.run_key for r in requests}) == 3
        monkeypatch.delenv(SOURCES_PER_RUN_ENV)
        (request,) = _tick(instance).run_requests
        assert (request.tags[RANGE_START], request.tags[RANGE_END]) == ("s01", "s07")


def test_the_executor_setting():
    assert executor_name({}) == "default"
    assert harvest_executor({}) is None  # Dagster's own: multiprocess when launched, in process for the CLI
    assert harvest_executor({EXECUTOR_ENV: "in_process"}) is dg.in_process_executor
    assert harvest_executor({EXECUTOR_ENV: "Multiprocess"}) is dg.multiprocess_executor
    assert harvest_executor({EXECUTOR_ENV: "k8s"}).name == "k8s"
    with pytest.raises(ExecutorChoiceError, match=EXECUTOR_ENV):
        harvest_executor({EXECUTOR_ENV: "celery"})


def test_without_the_setting_the_job_keeps_dagsters_default_executor():
    assert defs.resolve_job_def("nightly_harvest").executor_def.name == "multi_or_in_process_executor"


@pytest.mark.parametrize("choice, name", [("multiprocess", "multiprocess"), ("in_process", "in_process"),
                                          ("k8s", "k8s")])
def test_the_setting_reaches_the_job_when_the_definitions_load(choice, name):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTHARVEST_")}
    proc = subprocess.run(
        [sys.executable, "-c", "from dagster_project.definitions import defs; "
         "print(defs.resolve_job_def('nightly_harvest').executor_def.name)"],
        cwd=ROOT, env={**env, EXECUTOR_ENV: choice}, capture_output=True, text=True, timeout=300)
    assert proc.stdout.split()[-1:] == [name], proc.stderr[-2000:]
