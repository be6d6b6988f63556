"""PDF extraction speed: the project's extraction stage against PDFium-only and pdfplumber-only text, same files.

    .venv/bin/python bench/extraction_speed.py --sites 40 --repeat 3

The distinct PDFs of a demo web of N sites are rendered once into a temp dir. Each method reads all of them in
a pool of `--workers` processes (default 2, one per core) and is timed as a whole; pages/s is the PDFs' pages
over the median wall time of `--repeat` runs:
- `smartharvest`: the extraction stage's worker pool (pipelines/extract.py: forkserver, timeouts, memory limit)
  running transforms.extraction.extract (text of every page, title, quality check) with OCR off, so scanned
  pages do not mix OCR time into a text-layer figure (OCR has its own benchmark, bench/ocr_speed.py);
- `pdfium_text`: pypdfium2's text of every page, nothing else (the ceiling);
- `pdfplumber_text`: pdfplumber's text of every page (an extractor built on pdfplumber alone; `--baseline-repeat` runs, default 1: it is slow).
Also the same stage on one process, and how often the title came from PDFium's characters vs pdfplumber.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402


def _pdfium_pages(path: str) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            tp.get_text_bounded()
            tp.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def _pdfplumber_pages(path: str) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
        return len(pdf.pages)


def _timed_pool(fn, paths: list[str], workers: int) -> float:
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(fn, paths, chunksize=4))
    return time.perf_counter() - t0


def _timed_stage(paths: list[str], workers: int) -> tuple[float, list]:
    """The extraction stage's own pool and worker function: its text pass (OCR is the queue after it)."""
    from pipelines import extract as stage

    jobs = [stage.Job(sha256=f"{i:064x}", content_type="application/pdf", filename=Path(p).name, raw_path=p,
                      ocr=False)
            for i, p in enumerate(paths)]
    t0 = time.perf_counter()
    results = [res for _, res in stage._run_jobs(jobs, workers, stage.DOC_TIMEOUT_S)]
    return time.perf_counter() - t0, results


TRAPS = ("encrypted", "image_only", "corrupt")  # no text layer to read: not part of a text-extraction figure


def render_pdfs(sites: int, out: Path) -> list[str]:
    """The demo web's distinct PDFs with a text layer (the traps left out), rendered once."""
    from demo_web.documents import render
    from demo_web.model import build_web

    web = build_web(sites=sites)
    specs = {d.spec for s in web.sites for d in s.docs if d.spec.fmt == "pdf" and d.spec.variant not in TRAPS}
    paths = []
    for i, spec in enumerate(sorted(specs, key=lambda s: (s.key, s.seed, s.profile))):
        p = out / f"{i:05d}.pdf"
        p.write_bytes(render(spec))
        paths.append(str(p))
    return paths


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sites", type=int, default=40, help="municipal sites of the demo web (default 40)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per method to take the median of (default 3)")
    ap.add_argument("--baseline-repeat", type=int, default=1, help="runs of the slow pdfplumber baseline (default 1)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="processes (default: one per core)")
    args = ap.parse_args()
    load_before = report.load_average()
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        t0 = time.perf_counter()
        paths = render_pdfs(args.sites, Path(tmp))
        print(f"rendered {len(paths)} PDFs in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        pages = sum(_timed_pool_pages(paths))
        print(f"{pages} pages", file=sys.stderr)
        walls: dict[str, list[float]] = {"pdfium_text": [], "pdfplumber_text": [], "smartharvest": [],
                                         "smartharvest_1proc": []}
        results: list = []
        for r in range(args.repeat):
            walls["pdfium_text"].append(_timed_pool(_pdfium_pages, paths, args.workers))
            wall, results = _timed_stage(paths, args.workers)
            walls["smartharvest"].append(wall)
            walls["smartharvest_1proc"].append(_timed_stage(paths, 1)[0])
            print(f"repeat {r + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in walls.items() if v), file=sys.stderr)
        for _ in range(args.baseline_repeat):
            walls["pdfplumber_text"].append(_timed_pool(_pdfplumber_pages, paths, args.workers))
            print(f"pdfplumber {walls['pdfplumber_text'][-1]:.1f} s", file=sys.stderr)
    med = {k: statistics.median(v) for k, v in walls.items() if v}
    rate = {k: pages / v for k, v in med.items()}
    readers: dict[str, int] = {}
    statuses: dict[str, int] = {}
    for res in results:
        reader = (res.meta.get("layout") or {}).get("reader", "none")
        readers[reader] = readers.get(reader, 0) + 1
        statuses[res.extraction_status] = statuses.get(res.extraction_status, 0) + 1
    rows = [
        report.row("PDF pages/s, extraction stage (text + title + quality)", rate["smartharvest"], "pages/s",
                   baseline="pdfplumber text only", baseline_value=rate.get("pdfplumber_text"),
                   note=f"{args.workers} processes"),
        report.row("PDF pages/s, extraction stage vs PDFium text only", rate["smartharvest"], "pages/s",
                   baseline="PDFium text only", baseline_value=rate["pdfium_text"], note=f"{args.workers} processes"),
        report.row("PDF pages/s, extraction stage on 1 process", rate["smartharvest_1proc"], "pages/s",
                   baseline=f"the stage on {args.workers} processes", baseline_value=rate["smartharvest"]),
    ]
    result = report.result(
        "extraction_speed", command=" ".join(["bench/extraction_speed.py", *sys.argv[1:]]), repeat=args.repeat,
        rows=rows, load_before=load_before,
        files=len(paths), pages=pages, median_wall_s={k: round(v, 3) for k, v in med.items()},
        pages_per_s={k: round(v, 1) for k, v in rate.items()}, title_layout_reader=readers, statuses=statuses)
    report.save("extraction_speed", result)
    return 0


def _timed_pool_pages(paths: list[str]) -> list[int]:
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return list(pool.map(_pdfium_pages, paths, chunksize=8))


if __name__ == "__main__":
    raise SystemExit(main())
