"""The one resource: where the harvest reads and writes, resolved through smartharvest.settings (env-overridable)."""

from typing import Optional

import dagster as dg

from smartharvest.settings import Settings, load_settings


class HarvestConfig(dg.ConfigurableResource):
    """Paths and crawl profile; unset fields fall back to SMARTHARVEST_* env vars, then defaults."""

    data_dir: Optional[str] = None
    db_path: Optional[str] = None
    sources_path: Optional[str] = None
    profile: Optional[str] = None

    def settings(self) -> Settings:
        return load_settings(data_dir=self.data_dir, db_path=self.db_path, sources_path=self.sources_path,
                             profile=self.profile)
