"""The one root definitions object (`dagster dev -m dagster_project.definitions`)."""

import dagster as dg

from dagster_project.assets.annotation import annotated_documents
from dagster_project.assets.crawl import crawl
from dagster_project.assets.export import portal_export
from dagster_project.assets.extraction import extracted_documents
from dagster_project.assets.rd_projects import imported_datasets
from dagster_project.assets.recrawl_plan import recrawl_plan
from dagster_project.assets.warehouse import warehouse_tables
from dagster_project.checks import (
    documents_have_text_or_reason,
    raw_store_has_no_partial_files,
    records_of_feeds_datasets_and_portals_read,
    sources_healthy_across_nights,
    sources_yield_documents_or_reason,
)
from dagster_project.jobs import nightly_harvest, nightly_schedule
from dagster_project.resources import HarvestConfig
from dagster_project.sensors import alert_on_failed_night, sync_source_partitions

defs = dg.Definitions(
    assets=[recrawl_plan, crawl, extracted_documents, annotated_documents, imported_datasets, warehouse_tables, portal_export],
    asset_checks=[sources_yield_documents_or_reason, raw_store_has_no_partial_files, documents_have_text_or_reason,
                  sources_healthy_across_nights, records_of_feeds_datasets_and_portals_read],
    jobs=[nightly_harvest],
    schedules=[nightly_schedule],
    sensors=[alert_on_failed_night, sync_source_partitions],
    resources={
        "harvest": HarvestConfig(),
        "pipes_subprocess_client": dg.PipesSubprocessClient(),
    },
)
