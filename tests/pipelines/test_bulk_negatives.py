"""Ordinary real items (village articles, Vismo records, notice-board titles) are rarely taken for strategies or SMART."""
from __future__ import annotations

import pytest

from pipelines.bulk_negatives import measure
from core.settings import load_settings

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def measured(shared_dir):
    return measure(shared_dir, load_settings())


def test_all_three_sources_are_read(measured):
    assert measured["sources"]["articles"]["items"] == 159
    assert measured["sources"]["vismo"]["items"] == 185
    assert measured["sources"]["ofn"]["items"] > 1000


def test_false_strategy_and_false_smart_rates_stay_under_three_per_cent(measured):
    for name, s in [*measured["sources"].items(), ("all", measured["total"])]:
        assert s["false_strategy_rate"] <= 0.03, (name, s)
        assert s["false_smart_rate"] <= 0.03, (name, s)
