"""The portal bundle, written after each night's publish from the new warehouse (pipelines.export)."""

import dagster as dg

from core.schema import TABLES
from dagster_project.progress import reporter
from dagster_project.resources import HarvestConfig
from pipelines.export import export_bundle


@dg.asset(
    key="portal_export",
    group_name="outputs",
    kinds={"parquet", "csv", "json"},
    deps=[dg.AssetKey(["warehouse", name]) for name in TABLES],
    description="Dated, versioned bundle of the curated tables for the portal (Parquet, CSV, JSON, datapackage.json, "
    "DCAT-AP-CZ record, changes since the previous bundle, digest, preview page) under <data_dir>/export.",
)
def portal_export(context: dg.AssetExecutionContext, harvest: HarvestConfig) -> dg.MaterializeResult:
    settings = harvest.settings()
    report = reporter(context, "export")
    result = export_bundle(settings.db_path, settings.export_dir)
    report(f"bundle {result.bundle_dir}" + (" (unchanged, kept)" if result.reused else ""))
    return dg.MaterializeResult(metadata={
        "bundle": dg.MetadataValue.path(str(result.bundle_dir)),
        "preview": dg.MetadataValue.path(str(result.bundle_dir / "index.html")),
        "previous": result.previous or "",
        **{f"rows_{t}": dg.MetadataValue.int(n) for t, n in result.rows.items()},
        **{f"new_{t}": dg.MetadataValue.int(c["new"]) for t, c in result.changes.items()},
    })
