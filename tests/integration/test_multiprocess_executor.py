"""The same Dagster code on a distributed-style executor (issue 12, part 6): the nightly job with
SMARTHARVEST_EXECUTOR=multiprocess (every step in its own process), the night cut into runs of
SMARTHARVEST_SOURCES_PER_RUN sources by the schedule's own batching, the runs launched at the same time as a run
worker launches them (`dagster job execute` against a persistent instance), their warehouse publishes queued on the
`duckdb_writer` pool (limit 1). Every run succeeds and the one warehouse holds the documents of every batch."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
import yaml

import dagster as dg

from core.settings import Settings
from dagster_project.partitions import BATCH_TAG, RANGE_END, RANGE_START, batch_requests, register
from dagster_project.resources import harvest_run_config
from smartharvest.dagster_home import DAGSTER_YAML  # the instance config `smartharvest run` writes (pool limit 1)

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SITES = 4          # small municipal sites that allow crawling: few pages, fast
SOURCES_PER_RUN = 2  # -> two runs
RUN_TIMEOUT_S = 600


def _small_sources(demo_web, path: Path) -> list[str]:
    """A sources file of the SITES smallest municipal sites of the demo web whose robots.txt allows crawling."""
    sites = json.loads((Path(demo_web.out_dir) / "sites.json").read_text(encoding="utf-8"))
    open_sites = [s for s in sites if s["kind"] == "municipal_site" and s["robots"] == "allow"]
    chosen = {s["source_id"] for s in sorted(open_sites, key=lambda s: s["population"] or 0)[:SITES]}
    assert len(chosen) == SITES, f"the demo web has fewer than {SITES} open municipal sites"
    with open(demo_web.sources_csv, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = [r for r in reader if r["source_id"] in chosen]
        fields = reader.fieldnames
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return [r["source_id"] for r in rows]


def _step_windows(instance: dg.DagsterInstance, run_id: str, step_key: str) -> tuple[float, float]:
    start = end = None
    for record in instance.all_logs(run_id):
        event = record.dagster_event
        if event is None or event.step_key != step_key:
            continue
        if event.event_type_value == "STEP_START":
            start = record.timestamp
        elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
            end = record.timestamp
    assert start is not None and end is not None, f"run {run_id[:8]}: no start/end of step {step_key}"
    return start, end


def test_batched_runs_on_the_multiprocess_executor_fill_one_warehouse(demo_web, tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(DAGSTER_YAML, encoding="utf-8")
    sources = tmp_path / "sources.csv"
    keys = _small_sources(demo_web, sources)
    settings = Settings(data_dir=tmp_path / "data", sources_path=sources, profile="test")
    run_config = tmp_path / "run_config.yaml"
    # steps fork from a server that imported the code once, instead of each step process importing it anew
    execution = {"config": {"start_method": {"forkserver": {"preload_modules": ["dagster_project.definitions"]}}}}
    run_config.write_text(yaml.safe_dump({**harvest_run_config(settings), "execution": execution}), encoding="utf-8")

    with dg.DagsterInstance.from_config(str(home)) as instance:
        register(instance, keys)
    requests = batch_requests(keys, SOURCES_PER_RUN)  # what the schedule emits with SMARTHARVEST_SOURCES_PER_RUN=2
    assert len(requests) == 2

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SMARTHARVEST_", "DAGSTER_"))}
    env.update({"DAGSTER_HOME": str(home), "SMARTHARVEST_EXECUTOR": "multiprocess"})
    t0 = time.monotonic()
    launched = []
    for i, request in enumerate(requests):
        log = open(tmp_path / f"run{i}.log", "w", encoding="utf-8")
        proc = subprocess.Popen(
            [sys.executable, "-m", "dagster", "job", "execute", "-m", "dagster_project.definitions",
             "-j", "nightly_harvest", "-c", str(run_config), "--tags", json.dumps(request.tags)],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        launched.append((proc, log, tmp_path / f"run{i}.log"))
    try:
        for proc, _, _ in launched:
            proc.wait(timeout=RUN_TIMEOUT_S - (time.monotonic() - t0))
    finally:
        for proc, log, _ in launched:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            log.close()
    for proc, _, path in launched:
        assert proc.returncode == 0, f"run failed:\n{path.read_text(encoding='utf-8')[-6000:]}"
    print(f"\n{len(requests)} batched runs on the multiprocess executor in {time.monotonic() - t0:.1f} s")

    with dg.DagsterInstance.from_config(str(home)) as instance:
        runs = instance.get_runs()
        assert len(runs) == len(requests)
        assert {r.status for r in runs} == {dg.DagsterRunStatus.SUCCESS}
        assert sorted((r.tags[BATCH_TAG], r.tags[RANGE_START], r.tags[RANGE_END]) for r in runs) == \
            [("1/2", keys[0], keys[1]), ("2/2", keys[2], keys[3])]
        for run in runs:  # each step ran in a process of its own, not in the run worker's
            logs = instance.all_logs(run.run_id)
            assert any("multiprocess executor" in (r.user_message or "") for r in logs)
            worker = {r.dagster_event.pid for r in logs
                      if r.dagster_event and r.dagster_event.event_type_value == "RUN_START"}
            steps = {r.dagster_event.pid for r in logs
                     if r.dagster_event and r.dagster_event.event_type_value == "STEP_START"}
            assert steps and not steps & worker
        assert set(instance.get_materialized_partitions(dg.AssetKey("crawl"))) == set(keys)
        # the pool `duckdb_writer` (limit 1) let one warehouse writer step run at a time across the two runs
        (a_start, a_end), (b_start, b_end) = sorted(_step_windows(instance, r.run_id, "warehouse_tables") for r in runs)
        assert a_end <= b_start

    con = duckdb.connect(str(settings.db_path), read_only=True)
    try:
        with_documents = {sid for (sid,) in con.execute("SELECT DISTINCT source_id FROM document_urls").fetchall()}
        crawled = {sid for (sid,) in con.execute("SELECT DISTINCT source_id FROM source_crawls").fetchall()}
        n_documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()
    assert crawled == set(keys)
    assert with_documents == set(keys)  # both batches' sources, in the one warehouse the last publish wrote
    assert n_documents > 0
