"""The Dagster definitions: the graph operators see, and a real in-process materialisation of the job."""
from __future__ import annotations

import json
import os

import pytest

import dagster as dg

from core.sources import load_sources, partition_keys
from dagster_project.definitions import defs
from dagster_project.partitions import range_tags, register


def _register_sources(instance, sources_csv) -> list[str]:
    register(instance, partition_keys(load_sources(sources_csv)))
    return instance.get_dynamic_partitions("sources")

EXPECTED_ASSETS = {
    "recrawl_plan", "crawl", "extracted_documents", "annotated_documents", "imported_datasets", "warehouse/municipalities", "warehouse/sources", "warehouse/source_crawls",
    "warehouse/source_health",
    "warehouse/fetches", "warehouse/documents", "warehouse/document_urls", "warehouse/document_domains",
    "warehouse/funding_mentions", "warehouse/document_evidence", "warehouse/document_clusters", "warehouse/strategies",
    "warehouse/notice_board_records", "warehouse/record_problems", "warehouse/rd_projects", "warehouse/rd_participants",
    "warehouse/funding_programmes", "warehouse/strategy_registry", "warehouse/good_practices",
    "warehouse/recommendations", "warehouse/search_items", "warehouse/search_terms", "warehouse/search_stats",
    "portal_export",
}


def test_asset_graph_is_the_documented_one():
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert keys == EXPECTED_ASSETS
    crawl_children = {k.to_user_string() for k in graph.get(
        next(k for k in graph.get_all_asset_keys() if k.to_user_string() == "extracted_documents")).parent_keys}
    assert crawl_children == {"crawl"}


def test_nightly_schedule_runs_at_two_in_prague():
    schedule = defs.resolve_schedule_def("nightly_harvest_0200_prague")
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "Europe/Prague"
    assert schedule.job_name == "nightly_harvest"


def test_every_warehouse_table_shows_its_columns_with_types_and_descriptions_in_the_ui():
    from core.schema import TABLES

    graph = defs.resolve_asset_graph()
    shown = {}
    for key in graph.get_all_asset_keys():
        if key.path[0] == "warehouse":
            schema = graph.get(key).metadata["dagster/column_schema"]
            shown[key.path[1]] = [(c.name, c.type, c.description) for c in schema.columns]
    assert shown == {t.name: [(c.name, c.type, c.description) for c in t.columns] for t in TABLES.values()}


@pytest.mark.slow
def test_job_materialises_against_the_demo_web(demo_web, tmp_path, monkeypatch):
    """Configured through the harvest resource's run config alone: the environment says nothing."""
    from dagster import DagsterInstance

    from core.settings import ENV, Settings
    from dagster_project.resources import harvest_run_config

    for var in ENV.values():
        monkeypatch.delenv(var, raising=False)
    settings = Settings(data_dir=tmp_path, sources_path=demo_web.sources_csv, profile="test")
    with DagsterInstance.ephemeral() as instance:
        keys = _register_sources(instance, demo_web.sources_csv)
        result = defs.resolve_job_def("nightly_harvest").execute_in_process(
            instance=instance, raise_on_error=False, run_config=harvest_run_config(settings), tags=range_tags(keys))
        assert set(instance.get_materialized_partitions(dg.AssetKey("crawl"))) == set(keys)
    assert result.success
    mats = {}
    for event in result.all_events:
        if event.event_type_value == "ASSET_MATERIALIZATION":
            mat = event.event_specific_data.materialization
            mats[mat.asset_key.to_user_string()] = {k: getattr(v, "value", v) for k, v in mat.metadata.items()}
    assert set(mats) == EXPECTED_ASSETS
    crawl = mats["crawl"]
    n_sources = sum(1 for _ in open(demo_web.sources_csv, encoding="utf-8")) - 1
    assert crawl["sources"] == n_sources
    assert crawl["pages"] > n_sources
    assert crawl["documents"] > 50
    assert crawl["sources_blocked"] >= 1
    assert crawl["forbidden_by_robots"] >= 1
    assert crawl["crawl_id"]
    assert crawl["partitions"] == n_sources
    assert mats["warehouse/documents"]["rows"] > 50
    assert mats["warehouse/documents"]["new_documents"] == mats["warehouse/documents"]["rows"]
    checks = {e.event_specific_data.check_name: e.event_specific_data.passed for e in result.all_events
              if e.event_type_value == "ASSET_CHECK_EVALUATION"}
    assert checks == {"sources_yield_documents_or_reason": True, "raw_store_has_no_partial_files": True,
                      "documents_have_text_or_reason": True, "sources_healthy_across_nights": True,
                      "records_of_feeds_datasets_and_portals_read": True}
    assert (tmp_path / "warehouse.duckdb").exists()


@pytest.mark.slow
def test_a_run_over_some_source_partitions_crawls_only_those_sources(demo_web, tmp_path):
    """A retry or backfill of two sources crawls those two and materialises only their partitions."""
    from dagster import DagsterInstance

    from core.settings import Settings
    from dagster_project.resources import harvest_run_config

    settings = Settings(data_dir=tmp_path, sources_path=demo_web.sources_csv, profile="test")
    with DagsterInstance.ephemeral() as instance:
        keys = _register_sources(instance, demo_web.sources_csv)
        chosen = keys[1:3]
        result = defs.resolve_job_def("nightly_harvest").execute_in_process(
            instance=instance, raise_on_error=False, run_config=harvest_run_config(settings),
            tags=range_tags(chosen), asset_selection=[dg.AssetKey("crawl")])
        assert result.success
        assert set(instance.get_materialized_partitions(dg.AssetKey("crawl"))) == set(chosen)
    crawled = {json.loads(line)["source_id"] for f in (tmp_path / "fetchlog").glob("*.fetches.jsonl")
               for line in f.read_text(encoding="utf-8").splitlines()}
    assert crawled == set(chosen)
