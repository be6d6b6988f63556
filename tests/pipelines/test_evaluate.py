"""`smartharvest evaluate` on the real dev corpus meets the acceptance of issue 3 (runs when ../shared exists)."""
from __future__ import annotations

import pytest

from pipelines.evaluate import evaluate
from smartharvest.settings import load_settings
from tests.conftest import run_cli

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def dev_eval(shared_dir):
    return evaluate(shared_dir / "corpus" / "dev" / "labels.jsonl", shared_dir / "corpus" / "dev" / "documents",
                    load_settings())


def test_every_labelled_file_is_found_and_readable(dev_eval):
    s = dev_eval.summary
    assert s["missing_files"] == 0
    assert s["readable"] == s["documents"]  # scans included, through OCR
    assert s["text_sources"].get("ocr", 0) >= 3


def test_language_is_right_for_every_document(dev_eval):
    acc, ok, n = dev_eval.summary["language"]
    assert ok == n, [(r["file"], r["pred"]["language"]) for r in dev_eval.rows if r["pred"]["language"] != r["gold"]["language"]]


def test_titles_match_the_labels_for_most_documents(dev_eval):
    assert dev_eval.summary["title"][0] >= 0.80


def test_doc_type_and_strategy_flags(dev_eval):
    assert dev_eval.summary["doc_type"][0] >= 0.90
    assert dev_eval.summary["is_strategic"][0] >= 0.90


def test_smart_relevance_and_areas(dev_eval):
    assert dev_eval.summary["is_smart"].f1 >= 0.80
    assert dev_eval.summary["domains"].f1 >= 0.70


def test_validity_and_approval_are_right_where_labelled_and_not_invented(dev_eval):
    for name in ("validity_from", "validity_to", "approved_on"):
        f = dev_eval.summary[name]
        assert f["correct"] == f["labelled"], name
        assert f["spurious"] <= 0.05 * max(1, f["unlabelled"]), name


def test_cli_prints_the_report(shared_dir):
    dev = shared_dir / "corpus" / "dev"
    proc = run_cli("evaluate", "--labels", str(dev / "labels.jsonl"), "--documents", str(dev / "documents"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    for field in ("language", "title", "doc_type", "is_smart", "domains (micro)", "validity_from", "approved_on"):
        assert field in proc.stdout
