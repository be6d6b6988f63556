"""Sources as Dagster partitions (issue 9): the sensor keeps them equal to the sources file, the nightly schedule
runs one run over all of them."""
from __future__ import annotations

import dagster as dg

from dagster_project.definitions import defs
from dagster_project.partitions import RANGE_END, RANGE_START, SOURCES, register
from dagster_project.resources import HarvestConfig
from dagster_project.sensors import sync_source_partitions

HEADER = "source_id,kind,start_url,municipality_code,enabled\n"


def _sources(path, rows):
    path.write_text(HEADER + "".join(f"{sid},municipal_site,http://127.0.0.1:9/{sid}/,,{on}\n" for sid, on in rows),
                    encoding="utf-8")
    return path


def _apply(instance, result):
    for request in result.dynamic_partitions_requests:
        if isinstance(request, dg.AddDynamicPartitionsRequest):
            instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
        else:
            for key in request.partition_keys:
                instance.delete_dynamic_partition(request.partitions_def_name, key)


def _evaluate(instance, sources):
    context = dg.build_sensor_context(instance=instance,
                                      resources={"harvest": HarvestConfig(sources_path=str(sources))})
    return sync_source_partitions(context)


def test_the_sensor_registers_each_enabled_source_and_drops_removed_ones(tmp_path):
    with dg.DagsterInstance.ephemeral() as instance:
        _apply(instance, _evaluate(instance, _sources(tmp_path / "s.csv", [("a", ""), ("b", "true"), ("off", "no")])))
        assert instance.get_dynamic_partitions(SOURCES.name) == ["a", "b"]
        _apply(instance, _evaluate(instance, _sources(tmp_path / "s.csv", [("b", ""), ("c", "")])))
        assert instance.get_dynamic_partitions(SOURCES.name) == ["b", "c"]
        assert isinstance(_evaluate(instance, tmp_path / "s.csv"), dg.SkipReason)  # nothing left to change


def test_a_broken_sources_file_skips_the_sync_with_its_reason(tmp_path):
    (tmp_path / "bad.csv").write_text("source_id,kind\nx,municipal_site\n", encoding="utf-8")
    with dg.DagsterInstance.ephemeral() as instance:
        result = _evaluate(instance, tmp_path / "bad.csv")
    assert isinstance(result, dg.SkipReason) and "missing column" in result.skip_message


def test_the_nightly_schedule_covers_every_registered_source_in_one_run(tmp_path):
    schedule = defs.resolve_schedule_def("nightly_harvest_0200_prague")
    with dg.DagsterInstance.local_temp(str(tmp_path)) as instance:
        assert isinstance(schedule.evaluate_tick(dg.build_schedule_context(instance=instance)).skip_message, str)
        register(instance, ["s1", "s2", "s3"])
        (request,) = schedule.evaluate_tick(dg.build_schedule_context(instance=instance)).run_requests
    assert (request.tags[RANGE_START], request.tags[RANGE_END]) == ("s1", "s3")


def test_the_crawl_asset_is_partitioned_by_source_and_batches_a_backfill_into_one_run():
    crawl = defs.resolve_assets_def("crawl")
    assert crawl.partitions_def == SOURCES
    assert crawl.backfill_policy == dg.BackfillPolicy.single_run()


def test_the_cli_registers_partitions_the_way_the_sensor_would():
    with dg.DagsterInstance.ephemeral() as instance:
        assert register(instance, ["a", "b", "c"]) == (3, 0)
        assert register(instance, ["b", "d"]) == (1, 2)
        assert instance.get_dynamic_partitions(SOURCES.name) == ["b", "d"]
