"""What a killed night leaves behind, swept at the next start: temp files of the stores and of the warehouse.

Every store writes through a temp file and a rename (raw store, extraction and annotation caches, the warehouse's
`<db>.tmp`), so a kill leaves at worst a temp file, never a half-written real one. ``sweep_leftovers`` removes those
temp files; it runs while the night lock is held (smartharvest/night.py), so no live writer owns them.
"""
from __future__ import annotations

from pathlib import Path

from core import raw_store
from core.settings import Settings


def sweep_leftovers(settings: Settings) -> dict[str, int]:
    """Remove the temp files of writers that died; returns how many per store."""
    out = {}
    for name, root in (("raw", settings.raw_dir), ("extracted", settings.extracted_dir),
                       ("annotated", settings.data_dir / "annotated"), ("fetchlog", settings.fetchlog_dir)):
        out[name] = raw_store.sweep_partials(root)
    db = Path(settings.db_path)
    removed = 0
    for leftover in (db.with_name(db.name + ".tmp"), db.with_name(db.name + ".tmp.wal")):
        if leftover.exists():
            leftover.unlink()
            removed += 1
    out["warehouse"] = removed
    return out
