import json
from pathlib import Path

from core import fetch_log, raw_store
from pipelines.extract import ExtractStats, extract_documents, load_extracted, result_path
from core.settings import Settings
from tests.transforms.builders import body_lines, make_docx, make_image_pdf, make_pdf
from transforms.extraction import EXTRACTOR_VERSION


def _fetch(sha, url, kind="document", ct="application/pdf", cd=None):
    return {"crawl_id": "c1", "source_id": "s1", "url": url, "final_url": url, "status": 200, "outcome": "ok",
            "kind": kind, "content_type": ct, "content_disposition": cd, "sha256": sha,
            "fetched_at": fetch_log.utc_now()}


def _harvest(tmp_path: Path) -> tuple[Settings, dict]:
    settings = Settings(data_dir=tmp_path / "data", extract_workers=2)
    shas = {}
    shas["pdf"], _ = raw_store.put(settings.raw_dir, make_pdf([body_lines(12)], heading="Rozpočet obce 2025"))
    shas["scan"], _ = raw_store.put(settings.raw_dir, make_image_pdf())
    shas["docx"], _ = raw_store.put(settings.raw_dir, make_docx())
    shas["broken"], _ = raw_store.put(settings.raw_dir, b"%PDF-1.4\n garbage that is no pdf")
    shas["xls"], _ = raw_store.put(settings.raw_dir, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
    shas["page"], _ = raw_store.put(settings.raw_dir, b"<html><body>index</body></html>")
    shas["missing"] = "ab" + "0" * 62
    log = fetch_log.JsonlAppender(fetch_log.fetches_path(settings.fetchlog_dir, "c1"))
    log.write(_fetch(shas["pdf"], "http://obec.test/files/rozpocet.pdf"))
    log.write(_fetch(shas["pdf"], "http://obec.test/files/rozpocet-kopie.pdf"))  # same bytes twice
    log.write(_fetch(shas["scan"], "http://obec.test/files/scan.pdf", ct="text/html"))
    log.write(_fetch(shas["docx"], "http://obec.test/download?id=7", ct="application/octet-stream",
                     cd="attachment; filename*=UTF-8''pl%C3%A1n.docx"))
    log.write(_fetch(shas["broken"], "http://obec.test/files/broken.pdf"))
    log.write(_fetch(shas["xls"], "http://obec.test/files/krycí%20list.xls", ct="application/vnd.ms-excel"))
    log.write(_fetch(shas["page"], "http://obec.test/", kind="page", ct="text/html"))
    log.write(_fetch(shas["missing"], "http://obec.test/files/gone.pdf"))
    log.write(_fetch(None, "http://obec.test/files/404.pdf"))
    log.close()
    return settings, shas


def test_extract_documents_twice(tmp_path):
    settings, shas = _harvest(tmp_path)
    messages = []
    s1 = extract_documents(settings, progress=messages.append)
    assert isinstance(s1, ExtractStats) and dict(s1)["candidates"] == 6
    assert s1["extracted"] == 6 and s1["already_done"] == 0
    assert (s1.ok, s1.needs_ocr, s1.failed, s1.unsupported) == (3, 0, 3, 0)
    assert messages

    recs = {r["doc_id"]: r for r in load_extracted(settings)}
    assert set(recs) == {shas[k] for k in ("pdf", "scan", "docx", "broken", "xls", "missing")}
    for sha, rec in recs.items():
        path = result_path(settings.extracted_dir, sha)
        assert json.loads(path.read_text(encoding="utf-8")) == rec
        assert rec["extractor_version"] == EXTRACTOR_VERSION and rec["extracted_at"]
        for key in ("file_format", "mime_type", "title", "author", "pages", "text", "text_chars", "needs_ocr",
                    "extraction_status", "extraction_error", "meta"):
            assert key in rec
    assert recs[shas["pdf"]]["title"] == "Rozpočet obce 2025"
    assert recs[shas["scan"]]["extraction_status"] == "ok" and recs[shas["scan"]]["text_source"] == "ocr"
    assert recs[shas["docx"]]["file_format"] == "docx" and "Směsný odpad" in recs[shas["docx"]]["text"]
    assert recs[shas["broken"]]["extraction_error"].startswith("corrupt_pdf")
    assert recs[shas["xls"]]["extraction_error"].startswith("corrupt_xls")
    assert recs[shas["missing"]]["extraction_error"] == "raw_file_missing"
    assert not list(Path(settings.extracted_dir).glob("*/.tmp-*"))

    s2 = extract_documents(settings)
    assert s2["candidates"] == 6 and s2["already_done"] == 3
    assert s2["extracted"] == 3 and s2["failed"] == 3  # only the failed ones are retried


def test_version_change_reextracts(tmp_path, monkeypatch):
    settings, _ = _harvest(tmp_path)
    extract_documents(settings)
    import pipelines.extract as pe

    monkeypatch.setattr(pe, "EXTRACTOR_VERSION", "999")
    s = extract_documents(settings)
    assert s["already_done"] == 0 and s["extracted"] == 6


def _crash(jobs, timeout_s):  # runs in the worker: dies like a segfault would
    import os

    os._exit(3)


def _crash_on_marked(jobs, timeout_s):  # runs in the worker: a batch holding crash.txt dies with it
    import os

    from pipelines.extract import _run_one

    if any(Path(j.raw_path).name == "crash.txt" for j in jobs):
        os._exit(3)
    return [_run_one(j, timeout_s) for j in jobs]


def test_worker_crash_becomes_failed_result(tmp_path, monkeypatch):
    settings, shas = _harvest(tmp_path)
    import pipelines.extract as pe

    monkeypatch.setattr(pe, "_run_batch", _crash)
    s = extract_documents(settings)
    assert s["extracted"] == 6 and s["failed"] == 6
    errors = {r["extraction_error"] for r in load_extracted(settings)}
    assert any(e.startswith("worker_crashed") for e in errors)


def test_a_crash_fails_only_its_own_document_not_the_others_of_its_batch(tmp_path, monkeypatch):
    import pipelines.extract as pe

    jobs = []
    for i in range(11):
        f = tmp_path / ("crash.txt" if i == 5 else f"doc{i}.txt")
        f.write_text(f"Zápis z jednání zastupitelstva obce číslo {i}. " * 20, encoding="utf-8")
        jobs.append(pe.Job(f"{i:064x}", "text/plain", f.name, str(f)))
    monkeypatch.setattr(pe, "_run_batch", _crash_on_marked)
    results = {Path(job.raw_path).name: res for job, res in pe._run_jobs(jobs, 2, 30.0, batch=4)}
    assert len(results) == 11
    assert results.pop("crash.txt").extraction_error.startswith("worker_crashed")
    assert {r.extraction_status for r in results.values()} == {"ok"}


def test_small_runs_still_spread_over_every_worker():
    from pipelines.extract import BATCHES_PER_WORKER, MAX_BATCH, batch_size

    assert batch_size(5, 2) == 1
    assert batch_size(2 * BATCHES_PER_WORKER * 3, 2) == 3
    assert batch_size(100_000, 2) == MAX_BATCH


def test_timeout_becomes_failed_result(tmp_path):
    import pipelines.extract as pe
    from pipelines.extract import Job, _run_one

    data = tmp_path / "doc"
    data.write_bytes(b"%PDF-1.4 x")
    orig = pe.extract
    pe.extract = lambda *a, **k: __import__("time").sleep(30)
    try:
        res = _run_one(Job("ab" * 32, "application/pdf", "x.pdf", str(data)), 0.5)
    finally:
        pe.extract = orig
    assert res.extraction_status == "failed" and res.extraction_error.startswith("timeout")


def test_an_extraction_worker_cannot_take_more_memory_than_its_limit():
    """pipelines.extract.limit_memory is every worker's initializer: past the limit a worker gets MemoryError."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("from pipelines.extract import limit_memory; limit_memory(512)\n"
            "try:\n    b = bytearray(1024 * 1024 * 1024)\n    print('allocated')\n"
            "except MemoryError:\n    print('refused')\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "refused", out.stderr[-2000:]


def test_scans_wait_in_the_ocr_queue_behind_text_layer_files(tmp_path):
    settings, shas = _harvest(tmp_path)
    messages = []
    extract_documents(settings, progress=messages.append)
    queued = [m for m in messages if "OCR queue" in m]
    assert queued and "1 documents in the OCR queue" in queued[0]
    recs = {r["doc_id"]: r for r in load_extracted(settings)}
    scan, pdf = recs[shas["scan"]], recs[shas["pdf"]]
    assert scan["extraction_status"] == "ok" and scan["meta"].get("ocr") and not scan["meta"].get("ocr_pending")
    assert scan["extracted_at"] >= pdf["extracted_at"]  # the text-layer file was not held back by the scan
