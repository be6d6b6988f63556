"""What every portal of the demo web shares: its loopback address and its row of sources.csv."""
from __future__ import annotations


class PortalAddress:
    """Mixin for a portal dataclass with `port`, `portal_id`, `source_kind`, `name`, `start_path` (and optional
    `extra_paths`)."""

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def source_row(self) -> list[str]:
        """source_id, kind, start_url, municipality_code, name, extra_start_urls."""
        extra = " ".join(self.base_url + p for p in getattr(self, "extra_paths", None) or [])
        return [self.portal_id, self.source_kind, self.base_url + self.start_path, "", self.name, extra]
