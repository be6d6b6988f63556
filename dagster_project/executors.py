"""Which executor runs the steps of the nightly job, chosen by one setting: ``SMARTHARVEST_EXECUTOR``.

- unset or ``default``: Dagster's default (``multi_or_in_process_executor``): a run launched from the UI or the
  daemon runs each step in its own process; ``smartharvest run`` (``execute_in_process``) runs in its own process,
  as before;
- ``in_process``: every step in the run worker's process;
- ``multiprocess``: every step in its own child process of the run worker (one machine);
- ``k8s``: every step in its own Kubernetes Job (``dagster_k8s.k8s_job_executor``; deploy/README.md). Needs the
  ``deploy`` extra (dagster-k8s), imported only when chosen, so the default install works without it.

The choice is read when the definitions are loaded (by the code server, ``dg check defs``, a run worker), never
written to the environment. Step resources on Kubernetes come from the run launcher's ``runK8sConfig`` and the run
config ``execution.config.per_step_k8s_config``; see deploy/README.md.
"""
from __future__ import annotations

import os
from collections.abc import Mapping

import dagster as dg

EXECUTOR_ENV = "SMARTHARVEST_EXECUTOR"
EXECUTORS = ("default", "in_process", "multiprocess", "k8s")


class ExecutorChoiceError(ValueError):
    """SMARTHARVEST_EXECUTOR names no executor, or one whose package is not installed."""


def executor_name(environ: Mapping[str, str] | None = None) -> str:
    """The executor chosen by SMARTHARVEST_EXECUTOR (``default`` when unset or empty)."""
    value = (os.environ if environ is None else environ).get(EXECUTOR_ENV, "").strip().lower().replace("-", "_")
    name = value or "default"
    if name not in EXECUTORS:
        raise ExecutorChoiceError(f"{EXECUTOR_ENV}={value!r}: expected one of {', '.join(EXECUTORS)}")
    return name


def executor_for(name: str) -> dg.ExecutorDefinition | None:
    """The executor definition for a name of EXECUTORS; None for ``default`` (Dagster's own choice)."""
    if name == "default":
        return None
    if name == "in_process":
        return dg.in_process_executor
    if name == "multiprocess":
        return dg.multiprocess_executor
    if name == "k8s":
        try:
            from dagster_k8s import k8s_job_executor
        except ImportError as exc:
            raise ExecutorChoiceError(f"{EXECUTOR_ENV}=k8s needs dagster-k8s (pip install "
                                      f"'smartharvest[deploy]'): {exc}") from exc
        return k8s_job_executor
    raise ExecutorChoiceError(f"{EXECUTOR_ENV}={name!r}: expected one of {', '.join(EXECUTORS)}")


def harvest_executor(environ: Mapping[str, str] | None = None) -> dg.ExecutorDefinition | None:
    """The nightly job's executor as SMARTHARVEST_EXECUTOR says (None: Dagster's default)."""
    return executor_for(executor_name(environ))
