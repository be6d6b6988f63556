"""`spiders.crawl --only FILE` crawls the listed sources and no other (the sources of one Dagster run)."""
import json
import subprocess

from core.sources import write_only_file
from tests.spiders.conftest import ROOT, clean_env, crawl_cmd, write_sources


def test_only_the_listed_sources_are_crawled(fixture_web, tmp_path):
    sources = write_sources(tmp_path / "sources.csv", [
        ("vismo", "municipal_site", fixture_web.url("vismo")),
        ("blocked", "municipal_site", fixture_web.url("blocked")),
    ])
    data = tmp_path / "data"
    only = write_only_file(tmp_path / "only.txt", ["vismo", "not-in-the-file"])
    proc = subprocess.run(crawl_cmd(sources, "only", data) + ["--only", str(only)], cwd=ROOT, env=clean_env(),
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    fetched = {json.loads(x)["source_id"] for x in (data / "fetchlog" / "only.fetches.jsonl").read_text().splitlines()}
    summaries = [json.loads(x)["source_id"] for x in (data / "fetchlog" / "only.sources.jsonl").read_text().splitlines()]
    assert fetched == {"vismo"} and summaries == ["vismo"]
