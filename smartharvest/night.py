"""One night at a time per data dir, and a killed night never blocks the next (used by the CLI only).

``NightLock`` is an exclusive ``flock`` on ``<data_dir>/.night.lock``: the kernel drops it when its process dies, even
by SIGKILL, so a stale lock cannot exist; a second run on the same data dir while one is alive stops at once with
one line. Holding the lock proves that no other ``smartharvest run`` on this data dir is alive, so ``recover``
may finish what the dead one left: its Dagster runs still marked as running are reported failed and the
concurrency slots they hold (the ``duckdb_writer`` pool) are freed (a dead run kept its slot and every later
run waited for it forever), and the stores' temp files are swept (pipelines/recovery.py).
"""
from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

from core.settings import SettingsError

LAUNCHED_BY = ("launched_by", "smartharvest run")   # the tag every run of `smartharvest run` carries
LOCK_NAME = ".night.lock"


class NightLock:
    """Exclusive lock of a data dir for one run; a context manager."""

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / LOCK_NAME
        self._fh = None

    def __enter__(self) -> "NightLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip()
            fh.close()
            raise SettingsError(f"another smartharvest run is using {self.path.parent} ({holder or 'pid unknown'}); "
                                f"wait for it or stop it") from None
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps({"pid": os.getpid()}))
        fh.flush()
        self._fh = fh
        return self

    def __exit__(self, *exc) -> None:
        if self._fh is not None:
            fcntl.flock(self._fh, fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None


def recover(instance) -> list[str]:
    """Fail the runs of dead `smartharvest run` processes and free their concurrency slots; returns their ids.
    Call only while holding the NightLock of the instance's data dir."""
    from dagster import DagsterRunStatus, RunsFilter

    unfinished = [DagsterRunStatus.QUEUED, DagsterRunStatus.NOT_STARTED, DagsterRunStatus.STARTING,
                  DagsterRunStatus.STARTED, DagsterRunStatus.CANCELING]
    runs = instance.get_runs(filters=RunsFilter(statuses=unfinished, tags={LAUNCHED_BY[0]: LAUNCHED_BY[1]}))
    for run in runs:
        instance.report_run_failed(run, "interrupted: the process that ran it died; found at the next start")
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
    return [r.run_id for r in runs]
