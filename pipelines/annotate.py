"""Annotation stage: extracted text -> <data>/annotated/<sha[:2]>/<sha>.json (language, metadata, place, type, SMART).

A document is re-annotated when its extraction, the annotator or the vocabulary version changed; otherwise the
cached result stands, so reruns are cheap and stable. The municipality index is built once per worker.
"""
from __future__ import annotations

import json
import multiprocessing
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import Callable, Iterator

from core import raw_store
from pipelines.extract import UnreadableResult, forkserver_context, load_extracted, read_result
from pipelines.registry import municipality_rows
from pipelines.sightings import first_sightings
from core.sources import source_definitions
from core.processes import die_with_parent
from core.settings import Settings
from transforms.annotate import ANNOTATOR_VERSION, annotate
from transforms.municipality_match import build_index
from transforms.vocabulary import load_vocabulary

PROGRESS_EVERY = 100
ANNOTATABLE = ("ok",)  # statuses whose text is worth reading


@dataclass
class AnnotateStats:
    candidates: int = 0
    annotated: int = 0
    already_done: int = 0
    strategic: int = 0
    smart: int = 0
    failed: int = 0
    duration_s: float = 0.0

    def as_dict(self) -> dict:
        return asdict(self)


def annotated_dir(settings: Settings) -> Path:
    return settings.data_dir / "annotated"


def result_path(settings: Settings, sha: str) -> Path:
    return annotated_dir(settings) / sha[:2] / f"{sha}.json"


def _versions(extracted: dict) -> dict:
    return {"annotator_version": ANNOTATOR_VERSION, "vocabulary_version": load_vocabulary().version,
            "extractor_version": extracted.get("extractor_version")}


def _is_current(settings: Settings, doc_id: str, versions: dict) -> bool:
    done = read_annotation(settings, doc_id) or {}  # none, bad JSON or not UTF-8: annotated again
    return all(done.get(k) == v for k, v in versions.items()) and done.get("annotation_status") == "ok"


_WORKER: dict = {}
INDEX_KEYS = ("municipality_code", "name", "official_name", "okres_name", "kraj_code", "kraj_name", "population")


def index_rows(settings: Settings) -> list[dict]:
    """The registry columns the municipality index needs (small enough to ship to worker processes)."""
    return [{k: r[k] for k in INDEX_KEYS} for r in municipality_rows(settings.seeds_dir)]


def init_worker(rows: list[dict]) -> None:
    """Process-pool initializer: build the municipality index and load the vocabulary once per worker; die with
    the run."""
    die_with_parent()
    _WORKER["index"] = build_index(rows)
    _WORKER["populations"] = {r["municipality_code"]: r.get("population") for r in rows}
    _WORKER["vocabulary"] = load_vocabulary()


def annotate_in_worker(*, title, text, url, source_kind, source_municipality_code, title_candidates=None,
                       link_text=None, link_context=None):
    """annotate() with this worker's index, populations and vocabulary (init_worker must have run)."""
    if not _WORKER:
        raise RuntimeError("init_worker() has not run in this process")
    return annotate(title=title, text=text, url=url, source_kind=source_kind,
                    source_municipality_code=source_municipality_code, index=_WORKER["index"],
                    populations=_WORKER["populations"], vocabulary=_WORKER["vocabulary"],
                    title_candidates=title_candidates, link_text=link_text, link_context=link_context)


def _annotate_job(job: dict) -> dict:
    if job.get("unreadable"):
        return {"doc_id": job["doc_id"], "annotation_status": "failed", "annotation_error": job["unreadable"]}
    try:
        a = annotate_in_worker(title=job["title"], text=job["text"], url=job["url"], source_kind=job["source_kind"],
                               source_municipality_code=job["source_municipality_code"],
                               title_candidates=job["title_candidates"], link_text=job["link_text"],
                               link_context=job["link_context"])
        return {"doc_id": job["doc_id"], "annotation_status": "ok", "annotation_error": None, **a.to_dict()}
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the stage
        return {"doc_id": job["doc_id"], "annotation_status": "failed",
                "annotation_error": f"{type(exc).__name__}: {exc}"}


def _todo(settings: Settings, stats: AnnotateStats) -> Iterator[tuple[dict, str]]:
    """(versions, doc_id) of every document whose annotation is missing or out of date; counts the rest."""
    for ex in load_extracted(settings):
        if ex.get("extraction_status") not in ANNOTATABLE or not ex.get("text"):
            continue
        stats.candidates += 1
        versions = _versions(ex)
        if _is_current(settings, ex["doc_id"], versions):
            stats.already_done += 1
            continue
        yield versions, ex["doc_id"]


def _job(settings: Settings, sha: str, sightings: dict, sources: dict) -> dict:
    """What a worker needs to annotate one document, its text read again only now (not all texts at once)."""
    try:
        ex = read_result(settings.extracted_dir, sha)
    except UnreadableResult as exc:  # damaged since it was listed: a failure, retried next run
        return {"doc_id": sha, "unreadable": str(exc)}
    if ex is None:  # gone since it was listed
        return {"doc_id": sha, "unreadable": f"extraction result of {sha} unreadable: it is gone"}
    seen = sightings.get(sha, {})
    src = sources.get(seen.get("source_id") or "", {})
    return {"doc_id": sha, "title": ex.get("title"), "text": ex.get("text"), "url": seen.get("url"),
            "source_kind": src.get("kind"), "source_municipality_code": src.get("municipality_code"),
            "title_candidates": (ex.get("meta") or {}).get("title_candidates"),
            "link_text": seen.get("link_text"), "link_context": seen.get("link_context")}


CHUNK = 8  # documents per pool task
IN_FLIGHT = 4  # tasks per worker submitted and not yet read: pool.map would submit every text at once


def _annotate_chunk(jobs: list[dict]) -> list[dict]:
    return [_annotate_job(job) for job in jobs]


def _in_order(pool: ProcessPoolExecutor, jobs: Iterator[dict], in_flight: int) -> Iterator[dict]:
    """Results in the jobs' order, with at most `in_flight` chunks of jobs in the pool at a time."""
    pending: deque = deque()
    while chunk := list(islice(jobs, CHUNK)):
        pending.append(pool.submit(_annotate_chunk, chunk))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def annotate_documents(settings: Settings, progress: Callable[[str], None] | None = None,
                       workers: int | None = None) -> AnnotateStats:
    """Annotate every extracted document whose annotation is missing or out of date."""
    t0 = time.time()
    stats = AnnotateStats()
    say = progress or (lambda _m: None)
    todo = list(_todo(settings, stats))
    say(f"{stats.candidates} documents with text, {stats.already_done} already annotated, {len(todo)} to annotate")
    if todo:
        n = workers or settings.extract_workers or max(1, multiprocessing.cpu_count())
        sightings = first_sightings(settings.fetchlog_dir)
        sources = source_definitions(settings.fetchlog_dir)
        jobs = (_job(settings, sha, sightings, sources) for _, sha in todo)
        with ProcessPoolExecutor(max_workers=min(n, len(todo)), mp_context=forkserver_context(),
                                 initializer=init_worker, initargs=(index_rows(settings),)) as pool:
            for (versions, _sha), result in zip(todo, _in_order(pool, jobs, IN_FLIGHT * n)):
                result.update(versions)
                raw_store.write_atomic(result_path(settings, result["doc_id"]),
                                       json.dumps(result, ensure_ascii=False, default=str).encode("utf-8"))
                stats.annotated += 1
                stats.failed += result["annotation_status"] != "ok"
                stats.strategic += bool(result.get("is_strategic"))
                stats.smart += bool(result.get("is_smart"))
                if stats.annotated % PROGRESS_EVERY == 0:
                    say(f"{stats.annotated}/{len(todo)} annotated ({stats.strategic} strategic, {stats.smart} smart)")
    stats.duration_s = round(time.time() - t0, 2)
    say(f"done in {stats.duration_s} s: {stats.as_dict()}")
    return stats


def read_annotation(settings: Settings, doc_id: str) -> dict | None:
    """One document's annotation (None when it has none or it is unreadable): the publish reads them one at a
    time instead of holding them all."""
    try:
        return json.loads(result_path(settings, doc_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # bad JSON or not UTF-8 counts as none: the next annotation run redoes it
        return None
