"""Bytes of one document -> ExtractionResult (text, title, author, pages, status). Never raises.

The real format is sniffed from the bytes (servers mislabel files), then one extractor per
format family runs. Status values:
- ok: text extracted (for PDFs: the text layer passed the quality check);
- needs_ocr: a PDF (or an image) whose text layer is missing or garbage; extraction_error says why;
- failed: could not be read (encrypted, corrupt, empty, too large, extractor crash); retried on rerun;
- unsupported: a format we do not extract yet (doc, xls, xlsx, pptx, ods, zip, ...).
Pure function on values: no file or network I/O.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from transforms.sniff import MIME_BY_FORMAT, sniff_format
from transforms.text_quality import assess_text
from transforms.textnorm import ExtractionError, clean_text, decode_text, one_line

EXTRACTOR_VERSION = "1.0.0"
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
STATUSES = ("ok", "needs_ocr", "failed", "unsupported")
FINAL_STATUSES = frozenset({"ok", "needs_ocr", "unsupported"})  # "failed" is retried
SUPPORTED_FORMATS = frozenset({"pdf", "docx", "html", "rtf", "odt", "txt"})


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
    meta: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def _failed(fmt: str, mime: str | None, error: str, **meta) -> ExtractionResult:
    return ExtractionResult(file_format=fmt, mime_type=mime, extraction_status="failed",
                            extraction_error=error[:1000], meta=meta)


def _pdf(data: bytes, filename: str | None, res: ExtractionResult) -> None:
    from transforms.pdf_text import extract_pdf

    r = extract_pdf(data, filename)
    res.pages, res.text, res.title, res.author = r.pages, r.text, r.title, r.author
    res.meta.update(r.meta)
    q = assess_text(r.text, r.pages)
    res.meta["quality"] = q.to_dict()
    if q.needs_ocr:
        res.needs_ocr = True
        res.extraction_status = "needs_ocr"
        res.extraction_error = q.reason


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
    first = next((ln for ln in res.text.split("\n") if ln.strip()), None)
    res.title = one_line(first, 200) if first and len(first.strip()) <= 200 else None


def extract(
    data: bytes,
    content_type: str | None = None,
    filename: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ExtractionResult:
    """Extract text and facts from one document's bytes. Never raises (except BaseException)."""
    fmt, mime = "unknown", None
    try:
        if data is None or len(data) == 0:
            return _failed("unknown", None, "empty_file")
        fmt = sniff_format(bytes(data[:4096]), content_type, filename)
        mime = MIME_BY_FORMAT.get(fmt)
        if len(data) > max_bytes:
            return _failed(fmt, mime, f"too_large: {len(data)} bytes > limit {max_bytes}")
        if not data.strip():
            return _failed(fmt, mime, "empty_file: only whitespace")
        res = ExtractionResult(file_format=fmt, mime_type=mime)
        if fmt == "pdf":
            _pdf(data, filename, res)
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
        elif fmt == "image":
            res.needs_ocr = True
            res.extraction_status = "needs_ocr"
            res.extraction_error = "image: no text layer"
        else:
            res.extraction_status = "unsupported"
            res.extraction_error = f"unsupported_format: {fmt}"
        res.text = res.text or ""
        res.text_chars = len(res.text)
        if fmt != "pdf" and res.extraction_status == "ok":
            res.meta["quality"] = assess_text(res.text, res.pages or 1).to_dict()
        return res
    except ExtractionError as e:
        return _failed(fmt, mime, str(e))
    except MemoryError:
        return _failed(fmt, mime, "out_of_memory")
    except RecursionError:
        return _failed(fmt, mime, "error: recursion limit (deeply nested document)")
    except Exception as e:  # noqa: BLE001 - the contract: never raise
        msg = str(e).strip().replace("\n", " ")[:500]
        return _failed(fmt, mime, f"error: {type(e).__name__}: {msg}" if msg else f"error: {type(e).__name__}")
