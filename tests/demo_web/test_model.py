"""The generated web: counts, coverage of families/size classes/traps, determinism, scale."""
from __future__ import annotations

import json
import multiprocessing
import signal
import time
from collections import Counter

import pytest

from demo_web.manifest import FIELDS, build_rows, document_shas, summarize, write_outputs
from demo_web.model import FAMILIES, build_web
from demo_web.registry import CLASS_CODES
from demo_web.traps import TRAPS

STRATEGY_CODES = {"strategic_development_plan_municipal", "programme_municipal_development", "smart_city_strategy",
                  "action_plan", "sump", "territorial_energy_concept", "regional_development_strategy"}


def test_default_web_counts(web40):
    rows = build_rows(web40, hashes=False)
    s = summarize(web40, rows)
    print("default web:", json.dumps(s, ensure_ascii=False))
    assert s["municipal_sites"] >= 40 and s["regional_sites"] == 3
    assert s["documents"] >= 1000  # ordinary paperwork: strategies are a few per cent (test_texts.py)
    assert s["strategy_documents"] >= 60
    assert set(FAMILIES) <= set(s["cms"])
    assert {site.size_class for site in web40.municipal} == set(CLASS_CODES)
    assert set(TRAPS) <= set(s["traps"])
    assert {"pdf", "docx", "html", "rtf", "odt"} <= set(s["by_format"])
    strategy_types = {r["doc_type"] for r in rows if r["is_strategy"] and r["site_id"] != "foreign"}
    assert STRATEGY_CODES <= strategy_types


@pytest.mark.parametrize("n", [8, 12])
def test_small_web_still_has_every_trap_and_family(n):
    web = build_web(sites=n, base_port=30000)
    rows = build_rows(web, hashes=False)
    assert set(TRAPS) <= {r["trap"] for r in rows}
    assert set(FAMILIES) <= {s.cms for s in web.sites}
    assert {s.size_class for s in web.municipal} == set(CLASS_CODES)


def test_manifest_rows_are_complete_and_unique(web40):
    rows = build_rows(web40, hashes=False)
    for r in rows:
        assert set(FIELDS) <= set(r)
        assert r["url"].startswith("http://127.0.0.1:")
    urls = [r["url"] for r in rows]
    assert len(urls) == len(set(urls))


def test_bigger_municipalities_publish_more(web40):
    per_class: dict[str, list[int]] = {}
    for s in web40.municipal:
        per_class.setdefault(s.size_class, []).append(len(s.docs))
    avg = {c: sum(v) / len(v) for c, v in per_class.items()}
    assert avg["city"] > avg["town"] > avg["village"] > avg["village_xs"]


def test_groups_are_recorded(web40):
    rows = build_rows(web40, hashes=False)
    twins = Counter(r["twin_group"] for r in rows if r["twin_group"])
    versions = Counter(r["version_group"] for r in rows if r["version_group"])
    dups = Counter(r["duplicate_group"] for r in rows if r["duplicate_group"])
    assert twins and all(v == 2 for v in twins.values())
    assert versions and all(v in (2, 3) for v in versions.values())  # chains of 3: old, current, update
    assert dups and all(v == 2 for v in dups.values())
    for group in twins:
        members = [r for r in rows if r["twin_group"] == group]
        assert {m["format"] for m in members} == {"pdf", "docx"}
        assert len({m["title"] for m in members}) == 1


def test_expectations_follow_the_traps(web8):
    rows = build_rows(web8, hashes=False)
    by_trap: dict[str, list[dict]] = {}
    for r in rows:
        by_trap.setdefault(r["trap"], []).append(r)
    never = ("robots_disallow_section", "robots_disallow_all", "not_found_404", "server_error_500",
             "oversized_file", "endless_calendar", "windows1250_page", "external_links")
    for trap in never:
        assert not any(r["expect_in_document_urls"] for r in by_trap[trap]), trap
    for trap in ("corrupt_pdf", "encrypted_pdf", "image_only_pdf", "slow_response", "mislabelled_content_type",
                 "duplicate_across_sites"):
        docs = [r for r in by_trap[trap] if r["kind"] == "document"]
        assert docs and all(r["expect_in_document_urls"] for r in docs), trap
    for trap in ("redirect_301", "redirect_302"):
        doc = next(r for r in by_trap[trap] if r["kind"] == "document")
        assert doc["expect_in_document_urls"] and doc["redirects_to"] and doc["redirects_to"] != doc["url"]
        page = next(r for r in by_trap[trap] if r["kind"] == "page")
        assert page["redirects_to"]
    assert all(r["http_status"] == 404 and r["sha256"] is None for r in by_trap["not_found_404"])
    assert all(r["depth"] is not None and r["depth"] <= 4 for r in rows if r["expect_in_document_urls"])


def test_sources_and_sites_files(tmp_path, web8):
    write_outputs(web8, tmp_path, hashes=False)
    lines = (tmp_path / "sources.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "source_id,kind,start_url,municipality_code,name"
    assert len(lines) - 1 == 8 + 3  # the foreign host is not a source
    assert all(",http://127.0.0.1:" in line for line in lines[1:])
    assert any(line.startswith("kraj-") and ",regional_site," in line for line in lines)
    sites = json.loads((tmp_path / "sites.json").read_text(encoding="utf-8"))
    assert sum(1 for s in sites if s["foreign"]) == 1
    assert sites[-1]["foreign"] and sites[-1]["port"] == max(s["port"] for s in sites)
    assert [s["port"] for s in sites] == list(range(30000, 30000 + len(sites)))
    assert {s["robots"] for s in sites} == {"allow", "disallow_section", "disallow_all"}
    assert next(s for s in sites if s["robots"] == "disallow_all")["cms"] == "vismo"


def test_two_builds_give_the_same_manifest(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    write_outputs(build_web(40), a, hashes=False)
    write_outputs(build_web(40), b, hashes=False)
    for name in ("manifest.jsonl", "sites.json", "sources.csv"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    c = tmp_path / "c"
    write_outputs(build_web(40, seed=7), c, hashes=False)
    assert (a / "manifest.jsonl").read_bytes() != (c / "manifest.jsonl").read_bytes()


@pytest.mark.slow
def test_two_hashed_builds_are_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    write_outputs(build_web(8), a, hashes=True)
    write_outputs(build_web(8), b, hashes=True)
    assert (a / "manifest.jsonl").read_bytes() == (b / "manifest.jsonl").read_bytes()
    rows = [json.loads(line) for line in (a / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(r["sha256"] for r in rows if r["http_status"] == 200 and r["kind"] == "document")
    dup = [r for r in rows if r["duplicate_group"]]
    assert len({r["sha256"] for r in dup}) == 1 and len({r["site_id"] for r in dup}) == 2


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_hashing_workers_give_the_in_process_hashes_and_end_even_when_the_caller_traps_sigterm():
    """Spawned workers render what the process itself renders, and the pool leaves no process behind, even in a
    process with a SIGTERM handler of its own (Dagster installs one in the process that runs a job)."""
    web = build_web(8)
    children = set(multiprocessing.active_children())
    old = signal.signal(signal.SIGTERM, lambda *_: None)
    try:
        pooled = document_shas(web, workers=2)
    finally:
        signal.signal(signal.SIGTERM, old)
    assert set(multiprocessing.active_children()) <= children
    assert len(pooled) > 100 and pooled == document_shas(web, workers=1)


def test_2000_site_model_builds_quickly():
    t0 = time.perf_counter()
    web = build_web(sites=2000, base_port=20000)
    rows = build_rows(web, hashes=False)
    elapsed = time.perf_counter() - t0
    print(f"2000-site model + manifest rows: {elapsed:.2f} s, {len(rows)} rows")
    assert len(web.municipal) == 2000
    assert len({s.municipality_code for s in web.municipal}) == 2000
