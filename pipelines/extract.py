"""Extraction stage: fetch log + raw store -> <extracted_dir>/<sha[:2]>/<sha>.json, one per distinct document.

One job per distinct sha256 among fetch-log lines with kind == 'document'. A document whose JSON
already exists with the current EXTRACTOR_VERSION and a final status (ok | needs_ocr | unsupported | refused)
is skipped; `failed` ones are retried on every run. Extraction runs in a process pool; a worker
that dies (segfault, OOM kill) or a document that runs past the timeout becomes a `failed` result
with a reason, never a crashed stage. Results are written atomically (temp file + os.replace).
Two passes: the text pass reads every document without OCR (milliseconds each); the documents OCR would help
(scans, garbage text layers, scanned pages, images) then go through the OCR queue, so a scan never holds back
text-layer files. OCR takes seconds per page, so those jobs get the longer OCR_DOC_TIMEOUT_S, and
extraction's own OCR budget ends before it (the pages OCR'd by then are kept). Progress is
reported every PROGRESS_EVERY documents and at least every PROGRESS_EVERY_S seconds.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Mapping
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import unquote, urlsplit

from core import fetch_log, raw_store
from core.processes import die_with_parent
from core.settings import Settings
from pipelines.sightings import first_sightings
from transforms.extraction import EXTRACTOR_VERSION, FINAL_STATUSES, ExtractionResult, extract, ocr_pending
from transforms.sniff import MIME_BY_FORMAT, filename_from_disposition, sniff_format

DOC_TIMEOUT_S = 120.0  # per document, enforced inside the worker (SIGALRM) and by a hard watchdog
OCR_DOC_TIMEOUT_S = 300.0  # per PDF / image document: they may need OCR (~3 s per page, up to 50 pages)
OCR_BUDGET_SHARE = 0.8  # extraction stops starting OCR pages after this share of the document's timeout
OCR_FORMATS = frozenset({"pdf", "image"})
HARD_GRACE_S = 30.0  # after the soft timeout, the watchdog kills a worker stuck in C code
MAX_TASKS_PER_CHILD = 2000  # documents: recycle workers to bound leaks in PDFium / lxml (a worker grew 213 -> 235 MB
# over its first 1,000 demo PDFs and not at all over the next 2,900; each recycle costs ~0.3 s of a new worker)
MAX_BATCH = 8  # documents per task in the text pass (milliseconds each): one round trip to a worker for several
# (the parent's CPU for 1,309 demo PDFs fell from 0.8 to 0.2 s); a crash reruns its batch one document at a time
BATCHES_PER_WORKER = 4  # ... but at least this many tasks per worker
PROGRESS_EVERY = 50
PROGRESS_EVERY_S = 30.0
TMP_PREFIX = ".tmp-"


@dataclass
class ExtractStats(Mapping):
    candidates: int = 0
    extracted: int = 0
    already_done: int = 0
    ok: int = 0
    needs_ocr: int = 0
    failed: int = 0
    unsupported: int = 0
    refused: int = 0
    duration_s: float = 0.0

    def __getitem__(self, key: str):
        if key not in self.__dataclass_fields__:
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self):
        return iter(self.__dataclass_fields__)

    def __len__(self) -> int:
        return len(self.__dataclass_fields__)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Job:
    sha256: str
    content_type: str | None
    filename: str | None
    raw_path: str
    ocr_timeout_s: float | None = None  # timeout for PDFs / images (None: timeout_s for all)
    ocr: bool = True  # False: the text pass (OCR-worthy results come back with meta ocr_pending)


def result_path(extracted_dir: Path, sha: str) -> Path:
    return Path(extracted_dir) / sha[:2] / f"{sha}.json"


def _filename_hint(fetch: dict) -> str | None:
    name = filename_from_disposition(fetch.get("content_disposition"))
    if name:
        return name
    for key in ("final_url", "url"):
        url = fetch.get(key)
        if url:
            path = urlsplit(url).path
            last = unquote(path.rstrip("/").rsplit("/", 1)[-1]) if path else ""
            if last:
                return last
    return None


def document_jobs(settings: Settings) -> list[Job]:
    """One job per distinct document (sha256); the served type and file name hint from its first sighting."""
    return [Job(sha256=sha, content_type=f.get("content_type"), filename=_filename_hint(f),
                raw_path=str(raw_store.path_for(settings.raw_dir, sha)))
            for sha, f in sorted(first_sightings(settings.fetchlog_dir).items())]


class UnreadableResult(ValueError):
    """An extraction result that exists but cannot be read (bad JSON, not UTF-8, an I/O error)."""


def read_result(extracted_dir: Path, sha: str) -> dict | None:
    """One document's extraction result; None when it has none yet. The one reader every later stage uses, so a
    damaged file is the same recorded failure everywhere (raises UnreadableResult), never a crashed stage."""
    path = result_path(extracted_dir, sha)
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise UnreadableResult(f"extraction result {path.name} unreadable: {exc}") from exc


def is_done(extracted_dir: Path, sha: str) -> bool:
    """A result with the current extractor version and a final status needs no rerun."""
    try:
        rec = read_result(extracted_dir, sha) or {}
    except UnreadableResult:
        return False
    return rec.get("extractor_version") == EXTRACTOR_VERSION and rec.get("extraction_status") in FINAL_STATUSES


def write_result(extracted_dir: Path, sha: str, result: ExtractionResult) -> Path:
    target = result_path(extracted_dir, sha)
    record = {"doc_id": sha, **result.to_dict(), "extractor_version": EXTRACTOR_VERSION,
              "extracted_at": fetch_log.utc_now()}
    raw_store.write_atomic(target, json.dumps(record, ensure_ascii=False, default=str).encode("utf-8"), prefix=TMP_PREFIX)
    return target


def _failed_for(job: Job, error: str) -> ExtractionResult:
    fmt = sniff_format(b"", job.content_type, job.filename)
    return ExtractionResult(file_format=fmt, mime_type=MIME_BY_FORMAT.get(fmt),
                            extraction_status="failed", extraction_error=error)


class _DocTimeout(BaseException):
    """Raised by SIGALRM in a worker; a BaseException so extract()'s catch-all does not swallow it."""


def _on_alarm(signum, frame):  # noqa: ARG001
    raise _DocTimeout()


def _run_one(job: Job, timeout_s: float) -> ExtractionResult:
    """Worker side: read the raw file, extract under a soft (SIGALRM) and a hard (os._exit) timeout."""
    t0 = time.monotonic()
    try:
        data = Path(job.raw_path).read_bytes()
    except FileNotFoundError:
        return _failed_for(job, "raw_file_missing")
    if job.ocr and job.ocr_timeout_s and sniff_format(data[:4096], job.content_type, job.filename) in OCR_FORMATS:
        timeout_s = max(timeout_s, job.ocr_timeout_s)
    ocr_budget = max(1.0, timeout_s * OCR_BUDGET_SHARE) if timeout_s > 0 else None
    return _extract_with_timeout(job, data, timeout_s, ocr_budget, t0)


def _extract_with_timeout(job: Job, data: bytes, timeout_s: float, ocr_budget: float | None,
                          t0: float) -> ExtractionResult:
    done = threading.Event()

    def watchdog() -> None:
        if not done.wait(timeout_s + HARD_GRACE_S):
            os._exit(70)  # stuck in C code: die, the parent reports the document as failed

    threading.Thread(target=watchdog, daemon=True).start()
    use_alarm = threading.current_thread() is threading.main_thread() and timeout_s > 0
    if use_alarm:
        old = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout_s)
    try:
        res = extract(data, job.content_type, job.filename, ocr=job.ocr, ocr_max_seconds=ocr_budget)
    except _DocTimeout:
        res = _failed_for(job, f"timeout: extraction took longer than {timeout_s:g} s")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
        done.set()
    res.meta["extract_seconds"] = round(time.monotonic() - t0, 3)
    return res


def forkserver_context():
    """The forkserver context of every worker pool: its forkserver dies with the run (pipelines/forkserver_preload)."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["pipelines.forkserver_preload"])
    return ctx


def worker_init(memory_mb: int) -> None:
    """Extraction worker initializer: die with the forkserver (and so with the run), bounded memory."""
    die_with_parent()
    limit_memory(memory_mb)


def limit_memory(memory_mb: int) -> None:
    """Worker initializer: cap the worker's address space, so a document that would take gigabytes (a bomb that
    slipped past transforms.archive, a pathological PDF) fails with MemoryError instead of swapping the machine."""
    if memory_mb and memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _pool(workers: int, memory_mb: int = 0, batch: int = 1) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=forkserver_context(),
        max_tasks_per_child=max(1, MAX_TASKS_PER_CHILD // batch),  # a task is a batch: recycled after as many documents
        initializer=worker_init,
        initargs=(memory_mb,),
    )


def batch_size(jobs: int, workers: int) -> int:
    """Documents per task: up to MAX_BATCH, and at least BATCHES_PER_WORKER tasks for each worker, so the last
    tasks of a small run still spread over the workers."""
    return max(1, min(MAX_BATCH, jobs // (workers * BATCHES_PER_WORKER)))


def _run_batch(jobs: list[Job], timeout_s: float) -> list[ExtractionResult]:
    """Worker side: the documents of one task, one after the other, each under its own timeouts."""
    return [_run_one(job, timeout_s) for job in jobs]


def _run_jobs(jobs: list[Job], workers: int, timeout_s: float, memory_mb: int = 0,
              batch: int | None = None) -> Iterator[tuple[Job, ExtractionResult]]:
    """Yield (job, result) for every job; crashes and hangs become failed results. batch: documents per task
    (None: batch_size; the OCR queue passes 1, its documents take seconds each)."""
    batch = batch_size(len(jobs), workers) if batch is None else max(1, batch)
    pending = deque(jobs)
    suspects: list[Job] = []
    while pending:
        pool = _pool(workers, memory_mb, batch)
        inflight: dict = {}
        broken = False
        try:
            while (pending or inflight) and not broken:
                while pending and len(inflight) < workers * 2:
                    chunk = [pending.popleft() for _ in range(min(batch, len(pending)))]
                    inflight[pool.submit(_run_batch, chunk, timeout_s)] = chunk
                done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
                for fut in done:
                    chunk = inflight.pop(fut)
                    try:
                        results = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        suspects.extend(chunk)
                        continue
                    except Exception as e:  # noqa: BLE001 - e.g. an unpicklable result
                        if len(chunk) > 1:  # which one? each alone says
                            suspects.extend(chunk)
                        else:
                            yield chunk[0], _failed_for(chunk[0], f"worker_error: {type(e).__name__}: {e}"[:500])
                        continue
                    yield from zip(chunk, results)
            if broken:  # every job still in flight shared the dead pool: rerun each alone
                for chunk in inflight.values():
                    suspects.extend(chunk)
                inflight.clear()
        finally:
            pool.shutdown(wait=not broken, cancel_futures=True)
    for job in suspects:  # one at a time in a fresh single-worker pool, to find the real culprit
        t0 = time.monotonic()
        pool = _pool(1, memory_mb)
        try:
            yield job, pool.submit(_run_batch, [job], timeout_s).result()[0]
        except BrokenProcessPool:
            elapsed = time.monotonic() - t0
            if elapsed >= min(timeout_s, job.ocr_timeout_s or timeout_s):
                yield job, _failed_for(job, f"timeout: worker killed after {elapsed:.0f} s")
            else:
                yield job, _failed_for(job, "worker_crashed: the extraction process died (crash or out of memory)")
        except Exception as e:  # noqa: BLE001
            yield job, _failed_for(job, f"worker_error: {type(e).__name__}: {e}"[:500])
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


def extract_documents(
    settings: Settings,
    progress: Callable[[str], None] | None = None,
    timeout_s: float = DOC_TIMEOUT_S,
    ocr_timeout_s: float | None = OCR_DOC_TIMEOUT_S,
) -> ExtractStats:
    """Extract every fetched document not yet extracted with this EXTRACTOR_VERSION.

    timeout_s: per document; PDFs and images get ocr_timeout_s (when larger), as they may need OCR."""
    t0 = time.monotonic()
    stats = ExtractStats()
    jobs = document_jobs(settings)
    if ocr_timeout_s:
        for job in jobs:
            job.ocr_timeout_s = max(timeout_s, ocr_timeout_s)
    last_progress = [time.monotonic()]
    stats.candidates = len(jobs)
    todo: list[Job] = []
    extracted_dir = Path(settings.extracted_dir)

    def record(job: Job, res: ExtractionResult) -> None:
        write_result(extracted_dir, job.sha256, res)
        stats.extracted += 1
        status = res.extraction_status if res.extraction_status in FINAL_STATUSES else "failed"
        setattr(stats, status, getattr(stats, status) + 1)
        now = time.monotonic()
        if progress and (stats.extracted % PROGRESS_EVERY == 0 or now - last_progress[0] >= PROGRESS_EVERY_S):
            last_progress[0] = now
            progress(f"extract: {stats.extracted}/{len(todo)} documents (ok {stats.ok}, needs_ocr {stats.needs_ocr}, "
                     f"failed {stats.failed}, unsupported {stats.unsupported}, refused {stats.refused})")

    for job in jobs:
        if is_done(extracted_dir, job.sha256):
            stats.already_done += 1
        else:
            todo.append(job)
    if progress:
        progress(f"extract: {len(jobs)} documents, {stats.already_done} already done, {len(todo)} to extract")
    runnable = []
    for job in todo:
        if not os.path.exists(job.raw_path):
            record(job, _failed_for(job, "raw_file_missing"))
        else:
            runnable.append(job)
    workers = max(1, min(settings.extract_workers or os.cpu_count() or 1, len(runnable) or 1))
    ocr_queue: list[Job] = []
    text_pass: dict[str, ExtractionResult] = {}
    # the text pass: every document without OCR, so scans never hold back text-layer files; the ones OCR
    # would help wait in the OCR queue and are recorded only after it (a crash before leaves them to the rerun)
    for job, res in _run_jobs([replace(j, ocr=False) for j in runnable], workers, timeout_s,
                              settings.extract_memory_mb):
        if ocr_pending(res):
            ocr_queue.append(replace(job, ocr=True))
            text_pass[job.sha256] = res
        else:
            record(job, res)
    if ocr_queue:
        if progress:
            progress(f"extract: text pass done, {len(ocr_queue)} documents in the OCR queue")
        for job, res in _run_jobs(ocr_queue, min(workers, len(ocr_queue)), timeout_s, settings.extract_memory_mb,
                                  batch=1):
            if res.extraction_status == "failed":  # OCR crashed or ran out of time: keep what the text layer gave
                kept = text_pass[job.sha256]
                kept.meta.pop("ocr_pending", None)
                kept.meta["ocr_error"] = res.extraction_error
                res = kept
            record(job, res)
    stats.duration_s = round(time.monotonic() - t0, 3)
    if progress:
        progress(f"extract: done in {stats.duration_s:.1f} s: {stats.to_dict()}")
    return stats


def load_extracted(settings: Settings) -> Iterator[dict]:
    """Every extraction result record (skips temp files and unreadable JSON)."""
    root = Path(settings.extracted_dir)
    if not root.exists():
        return
    for path in sorted(root.glob("*/*.json")):
        if path.name.startswith(TMP_PREFIX):
            continue
        try:
            with open(path, encoding="utf-8") as fh:
                yield json.load(fh)
        except (OSError, ValueError):
            continue
