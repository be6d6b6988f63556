"""Recompute everything derived from the raw store and the fetch log: extraction, annotation, imported datasets
and the warehouse.

The nightly run keeps per-document results (content-addressed, so they never go stale for the same bytes) and
publishes from them; `rebuild` throws those caches away and computes them again from the raw bytes, into a work
directory beside them (`<data_dir>/.rebuild/`, which sees the raw store and fetch log through symlinks). Only when
both are done are the new caches swapped in and the warehouse published from them, so a rebuild that dies leaves
the old caches and warehouse whole. The dedup cache (pipelines.dedup_cache) is dropped and filled by that publish. Its tables equal the incremental ones (tests/integration/test_incremental.py).
"""
from __future__ import annotations

import os
import shutil
from typing import Callable

from core.settings import Settings
from pipelines import annotate, extract, rd_projects, warehouse

WORK = ".rebuild"
CACHES = ("extracted", "annotated", "datasets")


def rebuild(settings: Settings, progress: Callable[[str], None] | None = None) -> dict:
    """Recompute every cache and the warehouse from the raw store; returns the publish statistics."""
    say = progress or (lambda _msg: None)
    work = settings.data_dir / WORK
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for name in ("raw", "fetchlog"):
        (work / name).symlink_to(getattr(settings, f"{name}_dir"), target_is_directory=True)
    scratch = settings.with_(data_dir=work)
    say(f"rebuilding from {settings.raw_dir} in {work}")
    extract.extract_documents(scratch, progress=progress)
    annotate.annotate_documents(scratch, progress=progress)
    rd_projects.import_datasets(scratch, progress=progress)
    for name in CACHES:  # the new caches replace the old ones only now that all of them exist
        new, old = work / name, settings.data_dir / name
        new.mkdir(exist_ok=True)
        if old.exists():
            os.replace(old, work / f"old-{name}")
        os.replace(new, old)
    for cache in warehouse.publish_caches(settings):  # dedup and portal records too are computed afresh
        cache.unlink(missing_ok=True)
    stats = warehouse.publish(settings)  # builds <db>.tmp beside the warehouse and swaps it in
    shutil.rmtree(work, ignore_errors=True)
    say(f"rebuilt {settings.db_path}")
    return stats
