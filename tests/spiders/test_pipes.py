"""Under Dagster Pipes the crawl reports its summary as materialization metadata."""

import json

import pytest

from tests.spiders.conftest import ROOT, clean_env, crawl_cmd, write_sources

dg = pytest.importorskip("dagster")

KEYS = {"crawl_id", "sources", "sources_ok", "sources_blocked", "sources_unreachable", "sources_no_documents",
        "pages", "documents", "new_raw_files", "errors", "forbidden_by_robots", "offsite_dropped", "too_large",
        "duration_s"}


def test_pipes_metadata(fixture_web, tmp_path):
    sources = write_sources(tmp_path / "sources.csv", [
        ("vismo", "municipal_site", fixture_web.url("vismo")),
        ("blocked", "municipal_site", fixture_web.url("blocked")),
    ])
    data = tmp_path / "data"

    @dg.asset
    def crawl(context: dg.AssetExecutionContext, pipes: dg.PipesSubprocessClient):
        return pipes.run(command=crawl_cmd(sources, "piped", data), context=context, cwd=str(ROOT),
                         env=clean_env()).get_materialize_result()

    result = dg.materialize([crawl], resources={"pipes": dg.PipesSubprocessClient()})
    assert result.success
    mats = result.asset_materializations_for_node("crawl")
    assert len(mats) == 1
    meta = {k: v.value for k, v in mats[0].metadata.items()}
    assert KEYS <= set(meta)
    assert meta["crawl_id"] == "piped"
    assert (meta["sources"], meta["sources_ok"], meta["sources_blocked"]) == (2, 1, 1)
    assert meta["documents"] == 4 and meta["too_large"] == 2 and meta["offsite_dropped"] == 2
    assert meta["forbidden_by_robots"] == 2
    on_disk = json.loads((data / "fetchlog" / "piped.summary.json").read_text(encoding="utf-8"))
    assert {k: on_disk[k] for k in KEYS - {"duration_s"}} == {k: meta[k] for k in KEYS - {"duration_s"}}
