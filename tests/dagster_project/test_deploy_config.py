"""The cluster deployment of deploy/ (issue 12, part 6): its instance config is valid Dagster config that keeps the
instance in Postgres, and `dg check defs` loads the code location with SMARTHARVEST_EXECUTOR=k8s, both on an
ephemeral instance and on the deploy instance itself over a throwaway PostgreSQL on loopback."""
from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
DG = Path(sys.executable).with_name("dg")
# the [tool.dg] settings pyproject.toml should carry; used in a view of the checkout while it does not
DG_TOML = """\
directory_type = "project"

[project]
root_module = "dagster_project"
code_location_target_module = "dagster_project.definitions"
code_location_name = "smartharvest"
"""


def _instance() -> dict:
    return yaml.safe_load((DEPLOY / "dagster.yaml").read_text(encoding="utf-8"))


def _env_vars(node) -> set[str]:
    """Every `{env: NAME}` of a config tree."""
    if isinstance(node, dict):
        if set(node) == {"env"}:
            return {node["env"]}
        return set().union(*(_env_vars(v) for v in node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*(_env_vars(v) for v in node)) if node else set()
    return set()


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SMARTHARVEST_", "DAGSTER_"))}
    env.update(extra)
    return env


def _dg_project(tmp_path: Path) -> Path:
    """Where `dg check defs` runs: the checkout once pyproject.toml carries [tool.dg]; until then a view of it (the
    same settings in a dg.toml beside a link to dagster_project), since dg finds the root module under its project
    directory."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    if pyproject.get("tool", {}).get("dg", {}).get("directory_type") == "project":
        return ROOT
    view = tmp_path / "dg_project"
    view.mkdir()
    (view / "dg.toml").write_text(DG_TOML, encoding="utf-8")
    (view / "dagster_project").symlink_to(ROOT / "dagster_project", target_is_directory=True)
    return view


def _dg_check_defs(project: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    if not DG.exists():
        pytest.fail(f"{DG} missing: install dagster-dg-cli (requirements.lock)")
    return subprocess.run([str(DG), "check", "defs"], cwd=project, env=env, capture_output=True, text=True,
                          timeout=300)


# ------------------------------------------------------------------ the files


def test_the_deploy_instance_keeps_runs_events_and_schedules_in_postgres():
    cfg = _instance()
    assert list(cfg["storage"]) == ["postgres"]  # runs, event log and schedules together
    db = cfg["storage"]["postgres"]["postgres_db"]
    assert set(db) >= {"hostname", "port", "username", "password", "db_name"}
    credentials = {k: v for k, v in db.items() if k != "scheme"}
    assert all(isinstance(v, dict) and set(v) == {"env"} for v in credentials.values())  # none in the file
    assert db["scheme"] == "postgresql+psycopg2"  # the driver dagster-postgres installs (SQLAlchemy 2.1: psycopg 3)
    assert cfg["run_coordinator"]["class"] == "QueuedRunCoordinator"
    assert (cfg["run_launcher"]["module"], cfg["run_launcher"]["class"]) == ("dagster_k8s", "K8sRunLauncher")
    assert cfg["concurrency"]["pools"]["default_limit"] == 1  # the duckdb_writer pool: one publish at a time


def test_every_block_of_the_deploy_instance_is_valid_config(tmp_path, monkeypatch):
    from dagster._config import process_config
    from dagster._core.instance.config import dagster_instance_config
    from dagster._serdes import class_from_code_pointer
    from dagster_postgres.utils import pg_config

    cfg = _instance()
    for name in _env_vars(cfg):
        monkeypatch.setenv(name, "5432" if name.endswith("_PORT") else f"value-of-{name.lower()}")
    shutil.copy(DEPLOY / "dagster.yaml", tmp_path / "dagster.yaml")
    dagster_instance_config(str(tmp_path))  # the instance schema (raises on an unknown or mistyped key)
    assert process_config(pg_config(), cfg["storage"]["postgres"]).success
    for key in ("run_coordinator", "run_launcher", "compute_logs"):
        block = cfg[key]
        cls = class_from_code_pointer(block["module"], block["class"])
        result = process_config(cls.config_type(), block.get("config") or {})
        assert result.success, f"{key}: {[e.message for e in result.errors]}"


def test_the_helm_values_say_what_the_instance_says():
    values = yaml.safe_load((DEPLOY / "helm" / "values.yaml").read_text(encoding="utf-8"))
    cfg = _instance()
    assert values["postgresql"]["enabled"] is False
    assert values["postgresql"]["postgresqlScheme"] == cfg["storage"]["postgres"]["postgres_db"]["scheme"]
    assert values["runLauncher"]["type"] == "K8sRunLauncher"
    assert values["concurrency"]["pools"]["defaultLimit"] == cfg["concurrency"]["pools"]["default_limit"]
    assert values["concurrency"]["runs"]["maxConcurrentRuns"] == cfg["concurrency"]["runs"]["max_concurrent_runs"]
    (deployment,) = values["dagster-user-deployments"]["deployments"]
    assert deployment["dagsterApiGrpcArgs"] == ["-m", "dagster_project.definitions"]
    env = {e["name"]: e["value"] for e in deployment["env"]}
    assert env["SMARTHARVEST_EXECUTOR"] == "k8s"
    assert int(env["SMARTHARVEST_SOURCES_PER_RUN"]) > 0
    mounts = {m["mountPath"] for m in values["runLauncher"]["config"]["k8sRunLauncher"]["volumeMounts"]}
    assert mounts == {m["mountPath"] for m in deployment["volumeMounts"]}  # run, step and code pods share data_dir


# ------------------------------------------------------------------ dg check defs


def test_dg_check_defs_loads_the_code_location_with_the_k8s_executor(tmp_path):
    proc = _dg_check_defs(_dg_project(tmp_path), _clean_env(SMARTHARVEST_EXECUTOR="k8s"))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "All definitions loaded successfully" in proc.stdout + proc.stderr
    shown = subprocess.run(
        [sys.executable, "-c", "from dagster_project.definitions import defs; "
         "print(defs.resolve_job_def('nightly_harvest').executor_def.name)"],
        cwd=ROOT, env=_clean_env(SMARTHARVEST_EXECUTOR="k8s"), capture_output=True, text=True, timeout=300)
    assert shown.stdout.split()[-1:] == ["k8s"], shown.stderr[-3000:]


def test_dg_check_defs_fails_on_an_unknown_executor(tmp_path):
    proc = _dg_check_defs(_dg_project(tmp_path), _clean_env(SMARTHARVEST_EXECUTOR="celery-ish"))
    assert proc.returncode != 0
    assert "SMARTHARVEST_EXECUTOR" in proc.stdout + proc.stderr


def _pg_bindir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres():
    """A throwaway PostgreSQL cluster on 127.0.0.1 (trust auth), as the `postgres` user when run as root."""
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not installed (Debian: postgresql)")
    root = Path(tempfile.mkdtemp(prefix="smartharvest-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        try:
            pg = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(root, ignore_errors=True)
            pytest.skip("running as root and no `postgres` user to run PostgreSQL as")
        os.chown(root, pg.pw_uid, pg.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", _free_port()

    def run(*cmd):
        subprocess.run([*as_user, *map(str, cmd)], check=True, capture_output=True, text=True, timeout=120)

    try:
        run(bindir / "initdb", "-D", data, "-U", "dagster", "--auth=trust", "-E", "UTF8")
        run(bindir / "pg_ctl", "-D", data, "-l", root / "server.log", "-w", "-t", "60", "start",
            "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off")
        try:
            run(bindir / "createdb", "-h", "127.0.0.1", "-p", port, "-U", "dagster", "dagster")
            yield {"DAGSTER_PG_HOST": "127.0.0.1", "DAGSTER_PG_PORT": str(port), "DAGSTER_PG_USERNAME": "dagster",
                   "DAGSTER_PG_PASSWORD": "unused-with-trust-auth", "DAGSTER_PG_DB": "dagster"}
        finally:
            subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                           capture_output=True, timeout=60)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_dg_check_defs_against_the_deploy_instance_on_postgres(postgres, tmp_path, monkeypatch):
    """dg reads the instance of DAGSTER_HOME (it opens it before loading the code), so this is the deploy
    configuration end to end: Postgres storage created and used, the k8s executor on the job."""
    import dagster as dg

    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(DEPLOY / "dagster.yaml", home / "dagster.yaml")
    launcher_env = {"DAGSTER_HOME": str(home), "DAGSTER_K8S_INSTANCE_CONFIG_MAP": "smartharvest-instance",
                    "DAGSTER_K8S_PG_PASSWORD_SECRET": "dagster-postgresql-secret"}
    proc = _dg_check_defs(_dg_project(tmp_path), _clean_env(SMARTHARVEST_EXECUTOR="k8s", **postgres, **launcher_env))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "All definitions loaded successfully" in proc.stdout + proc.stderr

    for name, value in {**postgres, **launcher_env}.items():
        monkeypatch.setenv(name, value)
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        assert type(instance.event_log_storage).__name__ == "PostgresEventLogStorage"
        assert type(instance.schedule_storage).__name__ == "PostgresScheduleStorage"
        assert instance.event_log_storage.supports_global_concurrency_limits
        assert instance.get_concurrency_config().pool_config.default_pool_limit == 1
        assert instance.get_runs() == []  # the tables exist (dg created them) and hold no run
