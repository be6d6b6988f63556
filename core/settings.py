"""One place for the harvest's settings (paths, profile, worker limits); each can be overridden by an environment
variable or by the Dagster resource that carries them.

The ground floor: spiders, pipelines and dagster_project read their paths and profile from here. The Scrapy values of
each profile (politeness, timeouts, sizes) live with the spiders, in spiders/settings.py.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

PROFILES = ("local", "test", "production")
RECRAWL_MODES = ("nightly", "adaptive")  # every enabled source every night | the sources due (pipelines.recrawl_plan)


@dataclass(frozen=True)
class Settings:
    """Paths and profile of one harvest; derived directories hang off data_dir."""

    data_dir: Path = field(default_factory=lambda: REPO_ROOT / "data")
    db_path: Path | None = None
    sources_path: Path | None = None
    profile: str = "local"
    extract_workers: int = 0  # 0 = one per core
    extract_memory_mb: int = 3072  # address-space limit of one extraction worker (a bomb fails, the run goes on)
    alert_webhook: str | None = None  # URL a failed night's alert is POSTed to (JSON); alerts.jsonl always
    recrawl: str = "nightly"  # "adaptive": a night crawls only the sources due by their learned interval
    publish_memory_mb: int = 256  # DuckDB's memory in a publish (it spills beyond); the default was 80 % of RAM

    def __post_init__(self) -> None:
        if self.profile not in PROFILES:
            raise ValueError(f"unknown profile {self.profile!r}; choose one of {', '.join(PROFILES)}")
        if self.recrawl not in RECRAWL_MODES:
            raise ValueError(f"unknown recrawl mode {self.recrawl!r}; choose one of {', '.join(RECRAWL_MODES)}")
        # absolute once, here: child processes (the crawl) run in the repository, not in the caller's directory
        object.__setattr__(self, "data_dir", Path(self.data_dir).expanduser().absolute())
        if self.db_path is None:
            object.__setattr__(self, "db_path", self.data_dir / "warehouse.duckdb")
        else:
            object.__setattr__(self, "db_path", Path(self.db_path).expanduser().absolute())
        if self.sources_path is not None:
            object.__setattr__(self, "sources_path", Path(self.sources_path).expanduser().absolute())

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def fetchlog_dir(self) -> Path:
        return self.data_dir / "fetchlog"

    @property
    def validators_path(self) -> Path:
        return self.data_dir / "validators.sqlite"

    @property
    def dedup_path(self) -> Path:
        return self.data_dir / "dedup.sqlite"

    @property
    def records_path(self) -> Path:
        return self.data_dir / "records.sqlite"

    @property
    def extracted_dir(self) -> Path:
        return self.data_dir / "extracted"

    @property
    def export_dir(self) -> Path:
        """Where the portal bundles go (`<export_dir>/<date>-<hash>/`, `latest`)."""
        return self.data_dir / "export"

    @property
    def seeds_dir(self) -> Path:
        return REPO_ROOT / "data" / "seeds"

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)


ENV = {
    "data_dir": "SMARTHARVEST_DATA_DIR",
    "db_path": "SMARTHARVEST_DB",
    "sources_path": "SMARTHARVEST_SOURCES",
    "profile": "SMARTHARVEST_PROFILE",
    "extract_workers": "SMARTHARVEST_EXTRACT_WORKERS",
    "extract_memory_mb": "SMARTHARVEST_EXTRACT_MEMORY_MB",
    "alert_webhook": "SMARTHARVEST_ALERT_WEBHOOK",
    "recrawl": "SMARTHARVEST_RECRAWL",
    "publish_memory_mb": "SMARTHARVEST_PUBLISH_MEMORY_MB",
}


class SettingsError(ValueError):
    """An operator-given path cannot be used; the message is one line that says which and why."""


def writable_dir(path: Path, what: str) -> Path:
    """Create `path` if needed and prove it writable by writing a file in it (root passes os.access everywhere)."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise SettingsError(f"{what} {path} exists and is not a directory")
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".smartharvest-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise SettingsError(f"{what} {path} is not writable: {exc.strerror or exc}") from None
    return path


def load_settings(**overrides) -> Settings:
    """Settings from the environment, with explicit overrides (None = not given) winning."""
    values: dict = {}
    for name, var in ENV.items():
        if os.environ.get(var):
            values[name] = os.environ[var]
    values.update({k: v for k, v in overrides.items() if v is not None})
    for name in ("extract_workers", "extract_memory_mb", "publish_memory_mb"):
        if name in values:
            values[name] = int(values[name])
    return Settings(**values)


def export_env(settings: Settings) -> dict[str, str]:
    """The environment that makes a child process (or Dagster) see these settings."""
    env = {
        ENV["data_dir"]: str(settings.data_dir),
        ENV["db_path"]: str(settings.db_path),
        ENV["profile"]: settings.profile,
        ENV["extract_workers"]: str(settings.extract_workers),
        ENV["extract_memory_mb"]: str(settings.extract_memory_mb),
        ENV["recrawl"]: settings.recrawl,
        ENV["publish_memory_mb"]: str(settings.publish_memory_mb),
    }
    if settings.sources_path is not None:
        env[ENV["sources_path"]] = str(settings.sources_path)
    if settings.alert_webhook:
        env[ENV["alert_webhook"]] = settings.alert_webhook
    return env
