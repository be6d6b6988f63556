"""Good practice for the inspiromat on the demo web (issue 10): both replica catalogues (Czech and foreign, of
different structure) are harvested with correct fields and without personal contact data."""
from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def truth(demo_web):
    rows = [json.loads(x) for x in (demo_web.out_dir / "portals" / "good_practices_truth.jsonl").read_text(
        encoding="utf-8").splitlines()]
    return {r["path"]: r for r in rows}


def _practices(harvested) -> dict[str, dict]:
    cols = ("source_url", "title", "municipality_code", "country", "population", "size_class", "cost_czk", "year",
            "funding_programmes", "description")
    return {r[0].split(":", 2)[2].split("/", 1)[1] and "/" + r[0].split(":", 2)[2].split("/", 1)[1]: dict(zip(cols, r))
            for r in harvested.sql(f"SELECT {', '.join(cols)} FROM good_practices")}


def _right(got: dict, t: dict) -> bool:
    cost_ok = (got["cost_czk"] is None) == (t["cost_czk"] is None) and (
        t["cost_czk"] is None or abs(got["cost_czk"] - t["cost_czk"]) <= 0.01 * t["cost_czk"])
    return (got["title"] == t["title"] and got["country"] == t["country"] and got["population"] == t["population"]
            and got["year"] == t["year"] and cost_ok and got["size_class"] == t["size_class"]
            and got["municipality_code"] == t["municipality_code"]
            and sorted(got["funding_programmes"]) == sorted(t["funding_codes"]))


def test_at_least_98_per_cent_of_the_practices_are_harvested_with_correct_fields(harvested, truth):
    got = _practices(harvested)
    right = [path for path, t in truth.items() if path in got and _right(got[path], t)]
    assert len({t["catalogue_id"] for t in truth.values()}) == 2
    assert len(right) >= 0.98 * len(truth), [p for p in truth if p not in right][:5]


def test_no_personal_contact_data_is_kept(harvested, truth):
    text = json.dumps(harvested.sql("SELECT * FROM good_practices"), ensure_ascii=False, default=str)
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+|\+\d{3}\s?\d{3}\s?\d{3}", text)
    assert not any(t["contact_name"] in text for t in truth.values())
