"""Bytes of one document -> ExtractionResult (text, title, author, pages, status). Never raises.

The real format is sniffed from the bytes (servers mislabel files), then one extractor per
format family runs. Status values:
- ok: readable text extracted, from the file's own text (text_source='text_layer') or by OCR
  of a scanned / broken PDF or an image (text_source='ocr');
- needs_ocr: a PDF (or an image) whose text layer is missing or garbage and OCR was off,
  unavailable (extraction_error 'ocr_unavailable: ...') or gave nothing usable;
- failed: could not be read (encrypted, corrupt, empty, extractor crash); retried on rerun;
- refused: over a safety limit (larger than max_bytes, a zip archive whose members declare too much:
  transforms/archive.py); final for these bytes;
- unsupported: a format with no reader (pptx, zip, xml, json, unknown).
Pure function on values: no file or network I/O, apart from the OCR / .doc binaries
(tesseract, antiword, catdoc) the bytes are piped through.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from transforms.archive import RefusedError, check_archive
from transforms.sniff import MIME_BY_FORMAT, sniff_format
from transforms.text_quality import assess_pages, assess_text
from transforms.textnorm import ExtractionError, clean_text, decode_text

EXTRACTOR_VERSION = "2.1.0"  # 2.1: title candidates (meta title_candidates) chosen by transforms.title
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
STATUSES = ("ok", "needs_ocr", "failed", "unsupported", "refused")
# "failed" is retried on the next run; "refused" (over a safety limit: too large, an archive bomb) is final for
# these bytes, like the others: a changed file is a new document (content-addressed) and is tried again
FINAL_STATUSES = frozenset({"ok", "needs_ocr", "unsupported", "refused"})
ARCHIVE_FORMATS = frozenset({"docx", "odt", "xlsx", "ods"})
TEXT_SOURCES = ("text_layer", "ocr", "none")
SUPPORTED_FORMATS = frozenset({"pdf", "docx", "html", "rtf", "odt", "txt", "doc", "xls", "xlsx", "ods", "image"})
OCR_MAX_PAGES = 50
OCR_MAX_SECONDS = 240.0  # total OCR budget per document; pages after it stay un-OCR'd (meta says so)
# page-level reasons whose text layer is real text, only too short: kept when the page is not OCR'd
_SHORT_REASONS = ("no_text_layer", "too_little_text")


@dataclass
class ExtractionResult:
    file_format: str
    mime_type: str | None
    title: str | None = None
    author: str | None = None
    pages: int | None = None
    text: str = ""
    text_chars: int = 0
    needs_ocr: bool = False
    extraction_status: str = "ok"
    extraction_error: str | None = None
    text_source: str = "none"  # text_layer | ocr | none
    meta: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class OcrOptions:
    enabled: bool = True
    lang: str = "ces+eng"
    dpi: int = 200
    max_pages: int = OCR_MAX_PAGES
    max_seconds: float | None = OCR_MAX_SECONDS


def ocr_pending(res: ExtractionResult) -> bool:
    """Would OCR have run on this result had it been on (a scan, a garbage layer, scanned pages, an image)?"""
    return bool(res.meta.get("ocr_pending"))


def _failed(fmt: str, mime: str | None, error: str, **meta) -> ExtractionResult:
    return ExtractionResult(file_format=fmt, mime_type=mime, extraction_status="failed",
                            extraction_error=error[:1000], meta=meta)


def _refused(fmt: str, mime: str | None, error: str) -> ExtractionResult:
    return ExtractionResult(file_format=fmt, mime_type=mime, extraction_status="refused", extraction_error=error[:1000])


def _set_needs_ocr(res: ExtractionResult, reason: str) -> None:
    res.needs_ocr = True
    res.extraction_status = "needs_ocr"
    res.extraction_error = reason[:1000]


def _ocr_meta(o) -> dict:
    return {"pages_done": o.pages_done, "pages_total": o.pages_total, "lang": o.lang,
            "mean_confidence": o.mean_confidence, **o.meta}


def _retitle(res: ExtractionResult, filename: str | None, garbled_layer: bool = False,
             ocr_page1: str | None = None) -> None:
    """Choose the title again after OCR: the text layer's page-1 candidates are dropped as text of a
    garbled layer when that layer failed the quality check, and OCR's first lines of page 1 join."""
    from transforms.title import TitleCandidate, candidates_from_dicts, text_candidates, title_from

    cands = candidates_from_dicts(res.meta.get("title_candidates"))
    if garbled_layer:
        cands = [TitleCandidate(c.text, c.source, c.rank, {**c.facts, "garbled_layer": True})
                 if c.source == "layout" else c for c in cands]
    if ocr_page1:
        cands += text_candidates(ocr_page1, "ocr_first_line")
    res.title, meta = title_from(cands, filename)
    res.meta.update(meta)


def _pdf(data: bytes, filename: str | None, res: ExtractionResult, opts: OcrOptions) -> None:
    """Text layer first. When it fails the quality check, OCR its weak pages (all pages when none
    is weak on its own). When it passes but some pages are scans (little text, a page-sized
    image: meta['scan_pages']), OCR those pages too. text_source is 'ocr' when OCR gave most of
    the text."""
    from transforms.pdf_text import PAGE_SEP, extract_pdf

    r = extract_pdf(data, filename)
    res.pages, res.text, res.title, res.author = r.pages, r.text, r.title, r.author
    res.meta.update(r.meta)
    n = max(r.pages or 1, 1)
    pieces = r.text.split(PAGE_SEP)
    layer = (pieces + [""] * n)[:n]
    if len(pieces) == n:  # the pages are the whole text: one pass judges both
        q, verdicts = assess_pages(layer)
    else:
        q, verdicts = assess_text(r.text, r.pages), [assess_text(t, 1) for t in layer]
    res.meta["quality"] = q.to_dict()
    if q.needs_ocr:
        res.meta["text_layer_quality"] = q.to_dict()
        targets = [i for i, v in enumerate(verdicts) if v.needs_ocr] or list(range(n))
    else:
        res.text_source = "text_layer"
        targets = [p - 1 for p in r.meta.get("scan_pages", []) if 0 < p <= n and verdicts[p - 1].needs_ocr]
        if not targets:
            return
    layer_garbled = q.needs_ocr and not (q.reason or "").startswith(_SHORT_REASONS)
    page1_garbled = verdicts[0].needs_ocr and not (verdicts[0].reason or "").startswith(_SHORT_REASONS)
    if not opts.enabled:
        res.meta["ocr_pending"] = True
        if q.needs_ocr:
            _set_needs_ocr(res, q.reason)
            if layer_garbled:
                _retitle(res, filename, garbled_layer=True)
        return
    from transforms.ocr import OcrUnavailable, ocr_pdf

    try:
        o = ocr_pdf(data, lang=opts.lang, dpi=opts.dpi, max_pages=opts.max_pages, max_seconds=opts.max_seconds,
                    pages=targets)
    except Exception as e:  # noqa: BLE001 - OCR is a bonus: never lose the text-layer result
        if isinstance(e, OcrUnavailable):
            msg = str(e)
        elif isinstance(e, ExtractionError):
            msg = f"ocr_failed: {e}"
        else:
            msg = f"ocr_failed: {type(e).__name__}: {e}"
        if q.needs_ocr:
            _set_needs_ocr(res, msg if isinstance(e, OcrUnavailable) else f"{q.reason}; {msg}")
            res.meta["text_layer_reason"] = q.reason
            if layer_garbled:
                _retitle(res, filename, garbled_layer=True)
        else:
            res.meta["ocr_error"] = msg[:500]
        return
    res.meta["ocr"] = _ocr_meta(o)
    ocr_pages = dict(zip(o.meta.get("pages", []), o.text.split(PAGE_SEP)))
    texts, used, judged = [], [], []  # judged: the pages the final quality verdict looks at
    ocr_chars = layer_chars = 0
    for i, (t, v) in enumerate(zip(layer, verdicts)):
        short = not v.needs_ocr or (v.reason or "").startswith(_SHORT_REASONS)
        ot = ocr_pages.get(i)
        if ot is not None and ot.strip() and (q.needs_ocr or not assess_text(ot, 1).needs_ocr):
            texts.append(ot)
            used.append(i + 1)
            judged.append(ot)
            ocr_chars += len(ot)
            continue
        texts.append(t if short else "")  # garbage layer text is dropped
        layer_chars += len(texts[-1])
        if ot is not None or not v.needs_ocr:  # not judged: weak pages OCR did not reach
            judged.append(texts[-1])
    res.meta["ocr"]["pages_used"] = used
    q2 = assess_text(PAGE_SEP.join(judged), max(len(judged), 1))
    if q.needs_ocr and (not used or q2.needs_ocr):
        res.meta["ocr_quality"] = q2.to_dict()
        _set_needs_ocr(res, f"{q.reason}; ocr_unusable: {q2.reason or 'no text recognised'}")
        if layer_garbled:
            _retitle(res, filename, garbled_layer=True)
        return
    if not used:
        return
    res.meta["quality"] = q2.to_dict()
    res.text = PAGE_SEP.join(texts)
    res.text_source = "ocr" if ocr_chars > layer_chars else "text_layer"
    if 1 in used:
        _retitle(res, filename, garbled_layer=layer_garbled or page1_garbled, ocr_page1=texts[0])


def _image(data: bytes, filename: str | None, res: ExtractionResult, opts: OcrOptions) -> None:
    if not opts.enabled:
        res.meta["ocr_pending"] = True
        _set_needs_ocr(res, "image: no text layer")
        return
    from transforms.ocr import OcrUnavailable, ocr_image

    try:
        o = ocr_image(data, lang=opts.lang, dpi=opts.dpi, max_pages=opts.max_pages, max_seconds=opts.max_seconds)
    except OcrUnavailable as e:
        _set_needs_ocr(res, str(e))
        return
    res.meta["ocr"] = _ocr_meta(o)
    res.pages = o.pages_total
    q = assess_text(o.text, max(o.pages_done, 1))
    res.meta["quality"] = q.to_dict()
    if q.needs_ocr:
        res.text = o.text
        _set_needs_ocr(res, f"image: ocr_unusable: {q.reason}")
        return
    res.text = o.text
    res.text_source = "ocr"
    _retitle(res, filename, ocr_page1=o.text.split("\f", 1)[0])


def _doc(data: bytes, filename: str | None, res: ExtractionResult) -> None:
    from transforms.doc_text import extract_doc

    r = extract_doc(data, filename)
    res.text, res.title, res.author, res.pages = r.text, r.title, r.author, r.pages
    res.meta.update(r.meta)


def _sheet(fmt: str, data: bytes, filename: str | None, res: ExtractionResult) -> None:
    from transforms import sheet_text

    fn = {"xlsx": sheet_text.extract_xlsx, "xls": sheet_text.extract_xls, "ods": sheet_text.extract_ods}[fmt]
    r = fn(data, filename)
    res.text, res.title, res.author, res.pages = r.text, r.title, r.author, r.pages
    res.meta.update(r.meta)


def _docx(data: bytes, filename: str | None, res: ExtractionResult) -> None:
    from transforms.docx_text import extract_docx

    r = extract_docx(data, filename)
    res.text, res.title, res.author, res.pages = r.text, r.title, r.author, r.pages
    res.meta.update(r.meta)


def _odt(data: bytes, filename: str | None, res: ExtractionResult) -> None:
    from transforms.odt_text import extract_odt

    r = extract_odt(data, filename)
    res.text, res.title, res.author, res.pages = r.text, r.title, r.author, r.pages
    res.meta.update(r.meta)


def _rtf(data: bytes, filename: str | None, res: ExtractionResult) -> None:
    from transforms.rtf_text import extract_rtf

    r = extract_rtf(data, filename)
    res.text, res.title, res.author = r.text, r.title, r.author
    res.meta.update(r.meta)


def _html(data: bytes, content_type: str | None, res: ExtractionResult) -> None:
    from transforms.html_text import extract_html

    r = extract_html(data, content_type)
    res.text, res.title = r.text, r.title
    res.meta.update(r.meta)


def _txt(data: bytes, content_type: str | None, res: ExtractionResult) -> None:
    import re

    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", content_type or "", re.I)
    text, enc = decode_text(data, m.group(1) if m else None)
    res.text = clean_text(text)
    res.meta["encoding"] = enc
    from transforms.title import text_candidates, title_from

    res.title, meta = title_from(text_candidates(res.text, "first_line"))
    res.meta.update(meta)


def extract(
    data: bytes,
    content_type: str | None = None,
    filename: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ocr: bool = True,
    ocr_max_pages: int = OCR_MAX_PAGES,
    ocr_max_seconds: float | None = OCR_MAX_SECONDS,
) -> ExtractionResult:
    """Extract text and facts from one document's bytes. Never raises (except BaseException).

    ocr: run Tesseract on PDFs whose text layer fails the quality check and on images (at most
    ocr_max_pages pages, stopping after ocr_max_seconds); False keeps them `needs_ocr`."""
    fmt, mime = "unknown", None
    opts = OcrOptions(enabled=ocr, max_pages=ocr_max_pages, max_seconds=ocr_max_seconds)
    try:
        if data is None or len(data) == 0:
            return _failed("unknown", None, "empty_file")
        fmt = sniff_format(bytes(data[:4096]), content_type, filename)
        mime = MIME_BY_FORMAT.get(fmt)
        if len(data) > max_bytes:
            return _refused(fmt, mime, f"too_large: {len(data)} bytes > limit {max_bytes}")
        if fmt in ARCHIVE_FORMATS:
            check_archive(data)
        if not data.strip():
            return _failed(fmt, mime, "empty_file: only whitespace")
        res = ExtractionResult(file_format=fmt, mime_type=mime)
        if fmt == "pdf":
            _pdf(data, filename, res, opts)
        elif fmt == "docx":
            _docx(data, filename, res)
        elif fmt == "odt":
            _odt(data, filename, res)
        elif fmt == "rtf":
            _rtf(data, filename, res)
        elif fmt == "html":
            _html(data, content_type, res)
        elif fmt == "txt":
            _txt(data, content_type, res)
        elif fmt == "doc":
            _doc(data, filename, res)
        elif fmt in ("xlsx", "xls", "ods"):
            _sheet(fmt, data, filename, res)
        elif fmt == "image":
            _image(data, filename, res, opts)
        else:
            res.extraction_status = "unsupported"
            res.extraction_error = f"unsupported_format: {fmt}"
        res.text = res.text or ""
        res.text_chars = len(res.text)
        if res.extraction_status == "ok":
            if res.text_source == "none" and res.text.strip():
                res.text_source = "text_layer"
            if "quality" not in res.meta:
                res.meta["quality"] = assess_text(res.text, res.pages or 1).to_dict()
        else:
            res.text_source = "none"
        return res
    except RefusedError as e:
        return _refused(fmt, mime, str(e))
    except ExtractionError as e:
        return _failed(fmt, mime, str(e))
    except MemoryError:
        return _failed(fmt, mime, "out_of_memory")
    except RecursionError:
        return _failed(fmt, mime, "error: recursion limit (deeply nested document)")
    except Exception as e:  # noqa: BLE001 - the contract: never raise
        msg = str(e).strip().replace("\n", " ")[:500]
        return _failed(fmt, mime, f"error: {type(e).__name__}: {msg}" if msg else f"error: {type(e).__name__}")
