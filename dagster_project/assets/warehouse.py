"""The warehouse tables, published together by one writer step (build .tmp, then os.replace)."""

import dagster as dg

from core.schema import TABLES
from dagster_project.progress import reporter
from dagster_project.resources import HarvestConfig
from pipelines import warehouse

WAREHOUSE_TABLES = list(TABLES)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            key=dg.AssetKey(["warehouse", name]),
            group_name="warehouse",
            kinds={"duckdb"},
            description=TABLES[name].comment,
            deps=["annotated_documents", "imported_datasets"],
            metadata={"dagster/column_schema": dg.TableSchema(
                columns=[dg.TableColumn(c.name, c.type, description=c.description) for c in TABLES[name].columns])},
        )
        for name in WAREHOUSE_TABLES
    ],
    pool="duckdb_writer",
)
def warehouse_tables(context: dg.AssetExecutionContext, harvest: HarvestConfig):
    settings = harvest.settings()
    report = reporter(context, "warehouse")
    stats = warehouse.publish(settings)
    report(f"published {stats['db_path']}: {stats['documents']} documents ({stats['new_documents']} new), "
           f"{stats['document_urls']} document URLs in {stats['duration_s']} s")
    for name in WAREHOUSE_TABLES:
        metadata = {"rows": dg.MetadataValue.int(stats["tables"][name]), "db_path": stats["db_path"]}
        if name == "documents":
            metadata.update({k: stats[k] for k in ("new_documents", "already_seen_documents", "extraction_errors",
                                                    "needs_ocr", "pending", "strategic", "smart")})
        if name == "document_clusters":  # dedup compares only pairs with a new document (pipelines.dedup_cache)
            metadata.update({f"dedup_{k}": v for k, v in stats["dedup"].items()})
        yield dg.MaterializeResult(asset_key=dg.AssetKey(["warehouse", name]), metadata=metadata)
