"""The Databáze strategií on the demo web (issue 10): its replica's records are harvested with their fields, and
linked to the harvested strategies they describe (the replica's truth says which document each record describes)."""
from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow
FIELDS = ("name", "gestor", "level", "zpracovatel", "approved_on", "valid_from", "valid_to", "descriptors",
          "fulltext_urls")


@pytest.fixture(scope="module")
def truth(demo_web):
    path = demo_web.out_dir / "portals" / "registry_truth.jsonl"
    return {r["detail_url"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def _harvested(harvested) -> dict[str, dict]:
    cols = ", ".join(("record_url", "strategy_id", "municipality_code") + FIELDS)
    out = {}
    for row in harvested.sql(f"SELECT {cols} FROM strategy_registry"):
        r = dict(zip(("record_url", "strategy_id", "municipality_code") + FIELDS, row))
        r["approved_on"] = r["approved_on"].isoformat() if r["approved_on"] else None
        out[r["record_url"]] = r
    return out


def test_at_least_98_per_cent_of_the_records_are_harvested_with_correct_fields(harvested, truth):
    got = _harvested(harvested)
    correct = [url for url, t in truth.items() if url in got and all(
        got[url][f] == ({"gestor": t.get("gestor_name")}.get(f, t.get(f)) if f != "gestor" else t["gestor_name"])
        for f in FIELDS)]
    assert len(correct) >= 0.98 * len(truth), sorted(set(truth) - set(correct))[:5]


def test_links_to_harvested_strategies_are_right_at_least_95_times_in_100(harvested, truth):
    got = _harvested(harvested)
    urls_of = {sid: set(urls) for sid, urls in harvested.sql("SELECT strategy_id, urls FROM strategies")}
    linked = [(url, r["strategy_id"]) for url, r in got.items() if r["strategy_id"]]
    right = [1 for url, sid in linked if truth[url].get("document_url") in urls_of.get(sid, set())]
    assert linked and len(right) >= 0.95 * len(linked)
    registered = harvested.sql("SELECT count(*) FROM strategies WHERE in_registry AND registry_url IS NOT NULL")[0][0]
    assert registered == len({sid for _, sid in linked})
