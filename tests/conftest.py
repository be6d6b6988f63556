"""Shared fixtures: the real demo web on loopback and a real harvest of it (CLI -> Dagster -> Scrapy -> DuckDB)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

SMALL_WEB_SITES = 8  # municipal sites; the demo web places every trap even in a small web


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def demo_web(tmp_path_factory):
    """A small demo web served on free loopback ports for the whole session."""
    from demo_web.process import DemoWebProcess, free_port_base, ports_needed

    out = tmp_path_factory.mktemp("demo_web")
    base = free_port_base(ports_needed(SMALL_WEB_SITES))
    with DemoWebProcess(out, sites=SMALL_WEB_SITES, base_port=base) as web:
        yield web


def run_cli(*args: str, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run `smartharvest ...` exactly as a user would (a separate process)."""
    full_env = {**os.environ, **(env or {})}
    for var in ("SMARTHARVEST_SOURCES", "SMARTHARVEST_DB", "SMARTHARVEST_DATA_DIR", "SMARTHARVEST_PROFILE", "DAGSTER_HOME"):
        if env is None or var not in env:
            full_env.pop(var, None)
    return subprocess.run([sys.executable, "-m", "smartharvest", *args], env=full_env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


class Harvest:
    """A finished harvest: its data dir, warehouse and CLI output."""

    def __init__(self, data_dir: Path, proc: subprocess.CompletedProcess):
        self.data_dir = data_dir
        self.db = data_dir / "warehouse.duckdb"
        self.proc = proc

    def sql(self, query: str, params: list | None = None) -> list[tuple]:
        con = duckdb.connect(str(self.db), read_only=True)
        try:
            return con.execute(query, params or []).fetchall()
        finally:
            con.close()


def harvest(demo_web, data_dir: Path) -> Harvest:
    proc = run_cli("run", "--sources", str(demo_web.sources_csv), "--data-dir", str(data_dir), "--profile", "test")
    assert proc.returncode == 0, f"smartharvest run failed:\nSTDOUT:\n{proc.stdout[-3000:]}\nSTDERR:\n{proc.stderr[-6000:]}"
    return Harvest(data_dir, proc)


@pytest.fixture(scope="session")
def harvested(demo_web, tmp_path_factory) -> Harvest:
    """One complete harvest of the small demo web."""
    return harvest(demo_web, tmp_path_factory.mktemp("harvest"))
