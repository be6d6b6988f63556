"""The one resource: where the harvest reads and writes, resolved through core.settings (env-overridable)."""

from typing import Optional

import dagster as dg

from core.settings import Settings, load_settings


class HarvestConfig(dg.ConfigurableResource):
    """Paths and crawl profile; unset fields fall back to SMARTHARVEST_* env vars, then defaults."""

    data_dir: Optional[str] = None
    db_path: Optional[str] = None
    sources_path: Optional[str] = None
    profile: Optional[str] = None
    extract_workers: Optional[int] = None
    extract_memory_mb: Optional[int] = None
    alert_webhook: Optional[str] = None
    recrawl: Optional[str] = None  # nightly | adaptive (SMARTHARVEST_RECRAWL)
    publish_memory_mb: Optional[int] = None  # DuckDB's memory in a publish (SMARTHARVEST_PUBLISH_MEMORY_MB)

    def settings(self) -> Settings:
        return load_settings(data_dir=self.data_dir, db_path=self.db_path, sources_path=self.sources_path,
                             profile=self.profile, extract_workers=self.extract_workers,
                             extract_memory_mb=self.extract_memory_mb, alert_webhook=self.alert_webhook,
                             recrawl=self.recrawl, publish_memory_mb=self.publish_memory_mb)


def harvest_run_config(settings: Settings) -> dict:
    """Run config that hands one harvest's settings to the `harvest` resource (the CLI's way in; no environment)."""
    return {"resources": {"harvest": {"config": {
        "data_dir": str(settings.data_dir), "db_path": str(settings.db_path),
        "sources_path": str(settings.sources_path) if settings.sources_path else None,
        "profile": settings.profile, "extract_workers": settings.extract_workers,
        "extract_memory_mb": settings.extract_memory_mb, "alert_webhook": settings.alert_webhook,
        "recrawl": settings.recrawl, "publish_memory_mb": settings.publish_memory_mb,
    }}}}
