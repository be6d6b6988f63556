"""OCR pages/s through the project's OCR (transforms/ocr.py) on the real scanned PDFs, against plain `tesseract`.

    .venv/bin/python bench/ocr_speed.py [--repeat 3] [--max-pages N] [--shared ../shared]

The scanned PDFs are those of ../shared/corpus/dev and dev2 (every PDF of their labels.jsonl) whose pages carry
no text layer according to PDFium (fewer than --min-chars characters per page on average); the labels'
`has_text_layer` is reported beside it. One process, one page at a time, as the extraction stage OCRs a document:
- `smartharvest`: transforms.ocr.ocr_pdf (PDFium rendering at --dpi, grayscale, PNG to Tesseract's stdin, TSV
  parsed into lines with confidences; OMP_THREAD_LIMIT=1);
- baseline `tesseract CLI`: the same page images, rendered beforehand at the same dpi (not timed) and written as
  PNG files, each read by `tesseract page.png stdout -l ces+eng --psm 3` (plain text), OMP_THREAD_LIMIT=1 too.
pages/s = pages / median wall of --repeat rounds. Without ../shared or Tesseract the bench says so and exits 0
(saving a result whose rows are empty and `skipped` says why).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402

NAME = "ocr_speed"


def scanned_pdfs(shared: Path, min_chars: int) -> list[dict]:
    """Every labelled PDF of corpus/dev and dev2 with (almost) no text layer per PDFium."""
    import pypdfium2 as pdfium

    found = []
    for corpus in ("dev", "dev2"):
        labels = shared / "corpus" / corpus / "labels.jsonl"
        if not labels.exists():
            continue
        for line in labels.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            lab = json.loads(line)
            if lab.get("format") != "pdf":
                continue
            docs = shared / "corpus" / corpus / "documents"
            path = docs / lab["folder"] / lab["file"] if lab.get("folder") else docs / lab["file"]
            if not path.exists():
                continue
            pdf = pdfium.PdfDocument(str(path))
            try:
                chars = 0
                for i in range(len(pdf)):
                    page = pdf[i]
                    tp = page.get_textpage()
                    chars += len(tp.get_text_bounded().strip())
                    tp.close()
                    page.close()
                pages = len(pdf)
            finally:
                pdf.close()
            if pages and chars / pages < min_chars:
                found.append({"path": str(path), "corpus": corpus, "pages": pages, "chars": chars,
                              "label_has_text_layer": lab.get("has_text_layer")})
    return found


def render_pages(path: str, dpi: int, max_pages: int, out: Path) -> list[Path]:
    """The page images ocr_pdf would give Tesseract (same scale rules, grayscale), as PNG files."""
    import pypdfium2 as pdfium

    from transforms.ocr import _fit, render_scale

    pdf = pdfium.PdfDocument(path)
    files = []
    try:
        for i in range(min(len(pdf), max_pages)):
            page = pdf[i]
            image = _fit(page.render(scale=render_scale(*page.get_size(), dpi), grayscale=True).to_pil(), dpi)
            page.close()
            f = out / f"{Path(path).stem[:40]}-{i:03d}.png"
            image.save(f, format="PNG", compress_level=1)
            files.append(f)
    finally:
        pdf.close()
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="rounds over all pages to take the median of (default 3)")
    ap.add_argument("--max-pages", type=int, default=None,
                    help="OCR at most this many pages per PDF (default: the project's cap, 50)")
    ap.add_argument("--dpi", type=int, default=None, help="rendering dpi (default: the project's, 200)")
    ap.add_argument("--lang", default=None, help="Tesseract languages (default: the project's, ces+eng)")
    ap.add_argument("--min-chars", type=int, default=20,
                    help="a PDF is a scan when PDFium finds fewer characters per page than this (default 20)")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (default ../shared)")
    args = ap.parse_args()

    from transforms import ocr

    dpi = args.dpi or ocr.DEFAULT_DPI
    lang = args.lang or ocr.DEFAULT_LANG
    max_pages = args.max_pages or ocr.DEFAULT_MAX_PAGES
    command = report.command_line(__file__, sys.argv[1:])
    load_before = report.load_average()

    def skip(why: str) -> int:
        print(f"ocr_speed: skipped: {why}", file=sys.stderr)
        report.save(NAME, report.result(NAME, command=command, repeat=args.repeat, rows=[], load_before=load_before,
                                        skipped=why))
        return 0

    if not (args.shared / "corpus").is_dir():
        return skip(f"{args.shared}/corpus not found (the real corpora live beside the checkout)")
    if not ocr.ocr_available(lang):
        return skip(f"Tesseract with {lang} not installed")
    files = scanned_pdfs(args.shared, args.min_chars)
    if not files:
        return skip("no scanned PDF in corpus/dev and dev2")
    pages = sum(min(f["pages"], max_pages) for f in files)
    print(f"{len(files)} scanned PDFs, {pages} pages OCR'd per round", file=sys.stderr)
    blobs = [Path(f["path"]).read_bytes() for f in files]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp:
        images = [img for f in files for img in render_pages(f["path"], dpi, max_pages, Path(tmp))]

        def project() -> dict:
            done, chars, confs = 0, 0, []
            for data in blobs:
                o = ocr.ocr_pdf(data, lang=lang, dpi=dpi, max_pages=max_pages)
                done += o.pages_done
                chars += len(o.text)
                if o.mean_confidence is not None:
                    confs.append(o.mean_confidence)
            return {"pages": done, "chars": chars,
                    "mean_confidence": round(sum(confs) / len(confs), 1) if confs else None}

        def cli() -> int:
            chars = 0
            for img in images:
                out = subprocess.run(["tesseract", str(img), "stdout", "-l", lang, "--psm", str(ocr.PSM)],
                                     capture_output=True, env=env, check=True)
                chars += len(out.stdout)
            return chars

        ours, base = [], []
        outcome, cli_chars = {}, 0
        for r in range(args.repeat):  # interleaved, so a change of load hits both alike
            run = report.median_runs(project, 1)
            ours.append(run.times[0])
            outcome = run.value
            run = report.median_runs(cli, 1)
            base.append(run.times[0])
            cli_chars = run.value
            print(f"round {r + 1}: smartharvest {ours[-1]:.1f} s, tesseract CLI {base[-1]:.1f} s", file=sys.stderr)

    ours_med, base_med = statistics.median(ours), statistics.median(base)
    rows = [
        report.row("OCR pages/s, transforms.ocr.ocr_pdf (render + Tesseract TSV + parse)", pages / ours_med,
                   "pages/s", baseline="tesseract CLI on the same page images (pre-rendered)",
                   baseline_value=pages / base_med, note=f"1 process, {dpi} dpi, {lang}, OMP_THREAD_LIMIT=1"),
        report.row("OCR seconds per page, transforms.ocr.ocr_pdf", ours_med / pages, "s/page",
                   baseline="tesseract CLI", baseline_value=base_med / pages),
    ]
    result = report.result(
        NAME, command=command, repeat=args.repeat, rows=rows, load_before=load_before,
        tesseract=report.tesseract_version(), dpi=dpi, lang=lang, pdfs=len(files), pages=pages,
        files=[{k: v for k, v in f.items() if k != "path"} | {"file": Path(f["path"]).name} for f in files],
        smartharvest_output=outcome, tesseract_cli_chars=cli_chars,
        wall_s={"smartharvest": [round(t, 2) for t in ours], "tesseract_cli": [round(t, 2) for t in base]})
    report.save(NAME, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
