"""Annotation docs/s (pipelines/annotate.py's per-document job) against language detection alone and tokenising alone.

    .venv/bin/python bench/annotation_speed.py [--sites 40] [--repeat 3] [--workers 2]

The texts are those of a demo web of N sites (demo_web.model.build_web, same seed as `smartharvest demo-web`):
every distinct document (PDF, DOCX, ODT, RTF and HTML document pages; copies and twins of one text once each)
composed as plain text (demo_web.texts.plain_text: the text the renderers lay out, without page headers), with
its title, URL, the kind and municipality of the site that links it. Timed, medians of --repeat rounds:
- `annotation, 1 process`: pipelines.annotate._annotate_job (what the stage's pool maps: transforms.annotate with
  the worker's municipality index, populations and vocabulary built once by init_worker, and one warm-up document,
  not timed) on every text;
- `annotation, stage pool`: the same jobs through the stage's pool (forkserver, init_worker per worker, chunks of
  8, as annotate_documents does) minus writing the JSON files; timed once the workers are started and warm (one
  document each), the start reported apart;
- baselines on the same texts, 1 process: transforms.language.detect_language alone, and
  transforms.czech_text.words (the tokeniser) alone.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402

NAME = "annotation_speed"


def demo_jobs(sites: int) -> list[dict]:
    """One annotation job per distinct document text of the demo web."""
    from demo_web.model import build_web
    from demo_web.texts import compose, plain_text

    web = build_web(sites=sites)
    jobs, seen = [], set()
    for site in web.sites:
        for doc in site.docs:
            spec = doc.spec
            text_key = (spec.key, spec.seed)
            if text_key in seen:
                continue
            seen.add(text_key)
            text = plain_text(compose(spec))
            jobs.append({"doc_id": f"{len(jobs):064x}", "title": spec.title, "text": text,
                         "url": site.base_url + doc.url,
                         "source_kind": site.kind if site.kind != "foreign" else None,
                         "source_municipality_code": site.municipality_code or None, "title_candidates": None,
                         "link_text": None, "link_context": None})
    return jobs


def _pool_run(jobs: list[dict], rows: list[dict], workers: int) -> tuple[float, float]:
    """(seconds to start the pool and warm every worker on one document, seconds of the map over all jobs)."""
    from pipelines.annotate import _annotate_job, init_worker
    from pipelines.extract import forkserver_context

    t0 = time.perf_counter()
    n = min(workers, len(jobs))
    with ProcessPoolExecutor(max_workers=n, mp_context=forkserver_context(), initializer=init_worker,
                             initargs=(rows,)) as pool:
        list(pool.map(_annotate_job, jobs[:n], chunksize=1))
        t1 = time.perf_counter()
        list(pool.map(_annotate_job, jobs, chunksize=8))
        t2 = time.perf_counter()
    return t1 - t0, t2 - t1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sites", type=int, default=40, help="municipal sites of the demo web (default 40)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds to take the median of (default 3)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="processes of the pool (default: cores)")
    args = ap.parse_args()
    load_before = report.load_average()

    from core.settings import load_settings
    from pipelines.annotate import _annotate_job, index_rows, init_worker
    from transforms.czech_text import words
    from transforms.language import detect_language

    t0 = time.perf_counter()
    jobs = demo_jobs(args.sites)
    chars = sum(len(j["text"]) for j in jobs)
    print(f"{len(jobs)} distinct texts ({chars / 1e6:.1f} M characters) composed in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)
    rows_index = index_rows(load_settings())
    init_worker(rows_index)
    _annotate_job(jobs[0])  # first-call costs (language profiles, lemma tables) are per process, not per document
    detect_language(jobs[0]["text"])

    def annotate_all() -> list[dict]:
        return [_annotate_job(j) for j in jobs]

    def langid_all() -> None:
        for j in jobs:
            detect_language(j["text"])

    def tokens_all() -> int:
        return sum(len(words(j["text"])) for j in jobs)

    walls: dict[str, list[float]] = {"annotate_1proc": [], "annotate_pool": [], "pool_start": [], "language_only": [],
                                     "tokens_only": []}
    results, n_words = [], 0
    for r in range(args.repeat):  # interleaved: a change of load hits every method alike
        run = report.median_runs(annotate_all, 1)
        walls["annotate_1proc"].append(run.times[0])
        results = run.value
        start, mapped = _pool_run(jobs, rows_index, args.workers)
        walls["pool_start"].append(start)
        walls["annotate_pool"].append(mapped)
        walls["language_only"].append(report.median_runs(langid_all, 1).times[0])
        run = report.median_runs(tokens_all, 1)
        walls["tokens_only"].append(run.times[0])
        n_words = run.value
        print(f"round {r + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in walls.items()), file=sys.stderr)
    med = {k: statistics.median(v) for k, v in walls.items()}
    rate = {k: len(jobs) / v for k, v in med.items() if k != "pool_start"}
    failed = sum(1 for x in results if x["annotation_status"] != "ok")
    rows = [
        report.row("annotation docs/s, 1 process", rate["annotate_1proc"], "docs/s",
                   baseline="language detection alone", baseline_value=rate["language_only"],
                   note=f"{len(jobs)} demo texts, {chars / len(jobs) / 1000:.1f} k characters each on average"),
        report.row("annotation docs/s, 1 process vs tokenising", rate["annotate_1proc"], "docs/s",
                   baseline="czech_text.words alone", baseline_value=rate["tokens_only"]),
        report.row(f"annotation docs/s, stage pool of {args.workers}", rate["annotate_pool"], "docs/s",
                   baseline="annotation on 1 process", baseline_value=rate["annotate_1proc"],
                   note=f"workers started and warm; starting them took {med['pool_start']:.1f} s more"),
        report.row("annotation ms/doc, 1 process", med["annotate_1proc"] / len(jobs) * 1000, "ms/doc",
                   baseline="language detection alone", baseline_value=med["language_only"] / len(jobs) * 1000),
    ]
    result = report.result(
        NAME, command=report.command_line(__file__, sys.argv[1:]), repeat=args.repeat, rows=rows,
        load_before=load_before, sites=args.sites, documents=len(jobs), characters=chars, words=n_words,
        failed=failed, strategic=sum(1 for x in results if x.get("is_strategic")),
        smart=sum(1 for x in results if x.get("is_smart")),
        median_wall_s={k: round(v, 3) for k, v in med.items()}, docs_per_s={k: round(v, 1) for k, v in rate.items()})
    report.save(NAME, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
