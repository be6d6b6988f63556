"""A persistent DAGSTER_HOME under the data dir, so CLI runs and `dagster dev` share run history."""
from __future__ import annotations

import os
from pathlib import Path

DAGSTER_YAML = """\
# written by smartharvest; see https://docs.dagster.io/deployment/oss/dagster-yaml
telemetry:
  enabled: false
concurrency:
  pools:
    default_limit: 1   # pool "duckdb_writer": one warehouse writer at a time
"""


def ensure_dagster_home(data_dir: Path) -> Path:
    """Use $DAGSTER_HOME when set, else <data_dir>/dagster_home (created with a dagster.yaml)."""
    home = Path(os.environ.get("DAGSTER_HOME") or (Path(data_dir) / "dagster_home")).resolve()
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / "dagster.yaml"
    if not cfg.exists():
        cfg.write_text(DAGSTER_YAML, encoding="utf-8")
    return home


def open_instance(home: Path):
    """The Dagster instance kept in `home`, opened without touching the process environment."""
    from dagster import DagsterInstance

    return DagsterInstance.from_config(str(home))
