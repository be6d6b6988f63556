"""OCR: PDF pages rendered by PDFium (pypdfium2) or image files, read by Tesseract.

Pure function on values apart from running the `tesseract` binary: the page image goes to its
stdin and the TSV result comes from its stdout (no temp files). Deterministic: one thread per
Tesseract process (OMP_THREAD_LIMIT=1; also right inside a process pool), fixed page
segmentation mode, fixed rendering scale.

Rendering: `dpi` is meant for normal paper sizes; pages larger than A3 (posters, or scans whose
page box is the pixel size: 2559 x 3504 pt) are scaled down so that the long side is at most
`dpi` x 17 inches, and never beyond MAX_PIXELS.

When Tesseract or a language's traineddata is missing, `OcrUnavailable` (an ExtractionError
with code `ocr_unavailable`) is raised: the caller keeps the document as `needs_ocr`.
"""
from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from functools import lru_cache

from transforms.textnorm import ExtractionError, clean_text

DEFAULT_LANG = "ces+eng"
DEFAULT_DPI = 200
DEFAULT_MAX_PAGES = 50
PAGE_TIMEOUT_S = 60.0  # one page; Tesseract is killed after that and the page counts as failed
MAX_LONG_SIDE_IN = 17.0  # A3 long side is 16.5 in: larger pages are scaled down to this
MAX_PIXELS = 40_000_000
PSM = 3  # fully automatic page segmentation (columns, blocks)
PAGE_SEP = "\f"


class OcrUnavailable(ExtractionError):
    """Tesseract or the requested language data is not installed."""

    def __init__(self, detail: str) -> None:
        super().__init__("ocr_unavailable", detail)


@dataclass
class OcrText:
    text: str
    pages_done: int
    pages_total: int
    lang: str
    mean_confidence: float | None
    meta: dict = field(default_factory=dict)


@dataclass
class _Page:
    text: str
    confs: list[float]


def _env() -> dict:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


@lru_cache(maxsize=8)
def _installed_langs(cmd: str) -> frozenset[str]:
    path = shutil.which(cmd)
    if not path:
        raise OcrUnavailable(f"'{cmd}' (Tesseract) not found on PATH; install tesseract-ocr")
    try:
        out = subprocess.run([path, "--list-langs"], capture_output=True, timeout=30, env=_env(), check=False)
    except (OSError, subprocess.SubprocessError) as e:
        raise OcrUnavailable(f"cannot run {cmd} --list-langs: {type(e).__name__}: {e}") from None
    lines = (out.stdout + out.stderr).decode("utf-8", "replace").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and " " not in ln.strip())


def check_available(lang: str = DEFAULT_LANG, cmd: str = "tesseract") -> None:
    """Raise OcrUnavailable unless Tesseract runs and has every language of `lang` ('ces+eng')."""
    have = _installed_langs(cmd)
    missing = [x for x in lang.split("+") if x and x not in have]
    if missing:
        raise OcrUnavailable(
            f"Tesseract language data missing: {', '.join(missing)} (install tesseract-ocr-{missing[0]})")


def ocr_available(lang: str = DEFAULT_LANG, cmd: str = "tesseract") -> bool:
    try:
        check_available(lang, cmd)
    except OcrUnavailable:
        return False
    return True


def _parse_tsv(tsv: str) -> _Page:
    """Tesseract TSV -> text (lines of words, blank line between blocks) and word confidences."""
    lines: list[str] = []
    confs: list[float] = []
    cur_key = None
    cur_block = None
    words: list[str] = []

    def flush() -> None:
        if words:
            lines.append(" ".join(words))
            words.clear()

    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        word = cols[11].strip()
        if not word:
            continue
        key = (cols[1], cols[2], cols[3], cols[4])  # page, block, paragraph, line
        if key != cur_key:
            flush()
            if cur_block is not None and (cols[1], cols[2]) != cur_block and lines and lines[-1] != "":
                lines.append("")
            cur_key, cur_block = key, (cols[1], cols[2])
        words.append(word)
        try:
            c = float(cols[10])
        except ValueError:
            continue
        if c >= 0:
            confs.append(c)
    flush()
    return _Page(text="\n".join(lines), confs=confs)


def _tesseract(image, lang: str, cmd: str, timeout_s: float) -> _Page:
    """One PIL image (mode L) -> _Page. Raises subprocess.TimeoutExpired, RuntimeError."""
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=1)
    proc = subprocess.run(
        [cmd, "stdin", "stdout", "-l", lang, "--psm", str(PSM), "tsv"],
        input=buf.getvalue(), capture_output=True, timeout=timeout_s, env=_env(), check=False,
    )
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"tesseract exit {proc.returncode}: {err[-1] if err else ''}"[:300])
    return _parse_tsv(proc.stdout.decode("utf-8", "replace"))


def render_scale(width_pt: float, height_pt: float, dpi: int) -> float:
    """PDFium render scale of a page of that size (points) at dpi, scaled down beyond MAX_LONG_SIDE_IN or MAX_PIXELS."""
    scale = dpi / 72.0
    long_px = max(width_pt, height_pt) * scale
    if long_px > dpi * MAX_LONG_SIDE_IN:
        scale *= dpi * MAX_LONG_SIDE_IN / long_px
    if width_pt * height_pt * scale * scale > MAX_PIXELS:
        scale = (MAX_PIXELS / (width_pt * height_pt)) ** 0.5
    return scale


def _fit(image, dpi: int):
    """Grayscale, and scaled down when larger than MAX_LONG_SIDE_IN at dpi or MAX_PIXELS."""
    from PIL import Image

    if image.mode != "L":
        image = image.convert("L")
    w, h = image.size
    limit = dpi * MAX_LONG_SIDE_IN
    f = min(1.0, limit / max(w, h), (MAX_PIXELS / (w * h)) ** 0.5 if w * h else 1.0)
    if f < 0.999:
        image = image.resize((max(1, round(w * f)), max(1, round(h * f))), Image.LANCZOS)
    return image


class _Runner:
    """Runs pages one by one, honouring the page cap, per-page timeout and a total time budget."""

    def __init__(self, lang: str, cmd: str, page_timeout_s: float, max_seconds: float | None) -> None:
        self.lang, self.cmd, self.page_timeout_s = lang, cmd, page_timeout_s
        self.deadline = time.monotonic() + max_seconds if max_seconds else None
        self.texts: list[str] = []
        self.confs: list[float] = []
        self.page_conf: list[float | None] = []
        self.errors: list[str] = []
        self.seconds: list[float] = []
        self.stopped: str | None = None

    def out_of_time(self) -> bool:
        if self.deadline is not None and time.monotonic() >= self.deadline:
            self.stopped = "time_budget"
            return True
        return False

    def run(self, index: int, image) -> None:
        t0 = time.monotonic()
        try:
            page = _tesseract(image, self.lang, self.cmd, self.page_timeout_s)
        except subprocess.TimeoutExpired:
            self.errors.append(f"page {index + 1}: timeout after {self.page_timeout_s:g} s")
            page = _Page("", [])
        except (RuntimeError, OSError) as e:
            self.errors.append(f"page {index + 1}: {e}"[:300])
            page = _Page("", [])
        self.seconds.append(time.monotonic() - t0)
        self.texts.append(clean_text(page.text))
        self.confs.extend(page.confs)
        self.page_conf.append(round(statistics.fmean(page.confs), 1) if page.confs else None)

    def result(self, pages_total: int, dpi: int, extra: dict | None = None) -> OcrText:
        meta = {
            "dpi": dpi,
            "psm": PSM,
            "page_confidence": self.page_conf,
            "seconds": round(sum(self.seconds), 3),
            "seconds_per_page": round(statistics.median(self.seconds), 3) if self.seconds else None,
        }
        if self.errors:
            meta["page_errors"] = self.errors
        if self.stopped:
            meta["stopped"] = self.stopped
        meta.update(extra or {})
        return OcrText(
            text=PAGE_SEP.join(self.texts),
            pages_done=len(self.texts),
            pages_total=pages_total,
            lang=self.lang,
            mean_confidence=round(statistics.fmean(self.confs), 1) if self.confs else None,
            meta=meta,
        )


def ocr_pdf(
    data: bytes,
    lang: str = DEFAULT_LANG,
    dpi: int = DEFAULT_DPI,
    max_pages: int = DEFAULT_MAX_PAGES,
    page_timeout_s: float = PAGE_TIMEOUT_S,
    max_seconds: float | None = None,
    pages: list[int] | None = None,
    cmd: str = "tesseract",
) -> OcrText:
    """OCR the pages of a PDF (0-based `pages`, default all) up to `max_pages` pages.

    `text` has one part per OCR'd page joined by form feeds; when `pages` is given, meta['pages']
    lists the page indexes in that order. Stops early (meta['stopped']) after `max_seconds`."""
    import pypdfium2 as pdfium

    check_available(lang, cmd)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) in (4, 6) or "password" in str(e).lower():
            raise ExtractionError("encrypted", "PDF needs a password") from None
        raise ExtractionError("corrupt_pdf", str(e)) from None
    runner = _Runner(lang, cmd, page_timeout_s, max_seconds)
    done_idx: list[int] = []
    try:
        n = len(pdf)
        wanted = [i for i in (range(n) if pages is None else pages) if 0 <= i < n]
        capped = len(wanted) > max_pages
        for i in wanted[:max_pages]:
            if runner.out_of_time():
                break
            try:
                page = pdf[i]
                try:
                    image = page.render(scale=render_scale(*page.get_size(), dpi), grayscale=True).to_pil()
                finally:
                    page.close()
            except Exception as e:  # noqa: BLE001 - one unrenderable page must not lose the others
                runner.errors.append(f"page {i + 1}: render: {type(e).__name__}: {e}"[:300])
                runner.texts.append("")
                runner.page_conf.append(None)
                done_idx.append(i)
                continue
            runner.run(i, _fit(image, dpi))
            done_idx.append(i)
    finally:
        pdf.close()
    extra = {"capped": capped} if capped else {}
    if pages is not None:
        extra["pages"] = done_idx
    return runner.result(n, dpi, extra)


def ocr_image(
    data: bytes,
    lang: str = DEFAULT_LANG,
    dpi: int = DEFAULT_DPI,
    max_pages: int = DEFAULT_MAX_PAGES,
    page_timeout_s: float = PAGE_TIMEOUT_S,
    max_seconds: float | None = None,
    cmd: str = "tesseract",
) -> OcrText:
    """OCR an image file (PNG, JPEG, GIF, TIFF; every frame of a multi-page TIFF up to max_pages)."""
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    check_available(lang, cmd)
    try:
        img = Image.open(io.BytesIO(data))
        img.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as e:
        raise ExtractionError("corrupt_image", f"{type(e).__name__}: {e}"[:300]) from None
    runner = _Runner(lang, cmd, page_timeout_s, max_seconds)
    n = getattr(img, "n_frames", 1) or 1
    for i, frame in enumerate(ImageSequence.Iterator(img)):
        if i >= max_pages or runner.out_of_time():
            break
        try:
            frame = ImageOps.exif_transpose(frame)
        except Exception:  # noqa: BLE001 - orientation is optional
            pass
        if frame.mode in ("RGBA", "LA", "P"):  # transparent background -> white, not black
            rgba = frame.convert("RGBA")
            bg = Image.new("RGBA", rgba.size, "white")
            frame = Image.alpha_composite(bg, rgba)
        runner.run(i, _fit(frame, dpi))
    extra = {"format": img.format, "size": list(img.size)}
    if n > max_pages:
        extra["capped"] = True
    return runner.result(n, dpi, extra)
