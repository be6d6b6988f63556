"""PDF: text of every page through PDFium (pypdfium2), title candidates from the layout of page 1.

PDFium is ~50x faster than pdfminer/pdfplumber, so it reads all pages; page 1's characters are read
once more with their font sizes, bold and boxes (PDFium text API; pdfplumber when PDFium gives no
sizes) to give the title candidates: page-1 lines and line runs with their font size, and the
metadata Title. transforms.title.choose_title picks among them (meta: title_source,
title_candidates, title_evidence).
"""
from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Callable

from transforms.textnorm import ExtractionError, clean_text, fix_split_diacritics, one_line
from transforms.title import TitleCandidate, line_candidates, metadata_candidate, title_from

PAGE_SEP = "\f"
META_KEYS = ("Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate")
_PAGE_NUMBER_LINE = re.compile(r"^((strana|stránka|str\.|page|list)\s*(č\.?:?)?\s*)?\d+(\s*(/|z|of|ze)\s*\d+)?$", re.I)
MAX_FAILING_PAGES = 20  # this many unreadable pages in a row after a good one: the rest of the claimed pages do not exist
SCAN_MAX_CHARS = 200  # a page with less text than this and a large image is probably a scan
SCAN_MIN_IMAGE_AREA = 0.6  # share of the page an image must cover
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*([Zz+\-])?\s*(\d{2})?'?(\d{2})?'?")


@dataclass
class PdfText:
    pages: int
    text: str
    title: str | None
    author: str | None
    meta: dict = field(default_factory=dict)


def parse_pdf_date(value: str | None) -> str | None:
    """'D:20260619115852+02'00'' -> '2026-06-19T11:58:52+02:00' (None when unparseable)."""
    if not value:
        return None
    m = _PDF_DATE.match(value.strip())
    if not m:
        return None
    y, mo, d, h, mi, s, sign, tzh, tzm = m.groups()
    try:
        dt = datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        return None
    if sign in ("+", "-") and tzh:
        off = timedelta(hours=int(tzh), minutes=int(tzm or 0))
        dt = dt.replace(tzinfo=timezone(off if sign == "+" else -off))
    elif sign in ("Z", "z"):
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.isoformat()


def _has_large_image(page) -> bool:
    """Does an image object cover at least SCAN_MIN_IMAGE_AREA of the page (a scanned page)?"""
    import pypdfium2.raw as pdfium_c

    w, h = page.get_size()
    area = max(w * h, 1.0)
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        if max(0.0, right - left) * max(0.0, top - bottom) >= SCAN_MIN_IMAGE_AREA * area:
            return True
    return False


def _open(data: bytes):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e)
        code = getattr(e, "err_code", None)
        if code == 4 or "password" in msg.lower():  # FPDF_ERR_PASSWORD
            raise ExtractionError("encrypted", "PDF needs a password") from None
        if code == 6:  # FPDF_ERR_SECURITY
            raise ExtractionError("encrypted", "unsupported security handler") from None
        raise ExtractionError("corrupt_pdf", msg) from None


_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)
PDFIUM_MAX_CHARS = 8000  # characters of page 1 read one by one for the title's layout
_FORCEBOLD = 1 << 18  # PDF font descriptor flag
COLUMN_GAP = 2.5  # a horizontal gap of this many font sizes between characters starts another line (a column)


def _line_boxes(data: bytes) -> tuple[list[dict], float, float, int]:
    """Lines of page 1 through pdfplumber (the fallback when PDFium gives no font sizes): dicts
    (top, bottom, x0, x1, size, bold, text); plus body size, page height, chars."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data), pages=[1]) as pdf:
        if not pdf.pages:
            return [], 0.0, 0.0, 0
        page = pdf.pages[0]
        height = float(page.height)
        words = page.extract_words(extra_attrs=["size", "fontname"], use_text_flow=False, keep_blank_chars=False)
    words = [w for w in words if w["text"].strip() and w.get("size")]
    words.sort(key=lambda w: (round(w["top"]), w["x0"]))
    lines: list[dict] = []
    for w in words:
        size = round(float(w["size"]), 1)
        for ln in reversed(lines[-4:]):
            if abs(ln["size"] - size) <= 0.6 and abs(ln["top"] - w["top"]) <= max(2.0, 0.3 * size):
                ln["words"].append(w)
                break
        else:
            lines.append({"top": w["top"], "size": size, "words": [w]})
    char_sizes: list[float] = []
    for ln in lines:
        ws = sorted(ln.pop("words"), key=lambda w: w["x0"])
        ln["text"] = fix_split_diacritics(" ".join(w["text"] for w in ws))
        ln["bottom"] = max(w["bottom"] for w in ws)
        ln["top"] = min(w["top"] for w in ws)
        ln["x0"] = min(w["x0"] for w in ws)
        ln["x1"] = max(w["x1"] for w in ws)
        n_bold = sum(len(w["text"]) for w in ws if _BOLD.search(w.get("fontname") or ""))
        ln["bold"] = n_bold * 2 >= sum(len(w["text"]) for w in ws)
        char_sizes.extend([ln["size"]] * len(ln["text"]))
    body = statistics.median(char_sizes) if char_sizes else 0.0
    return lines, body, height, len(char_sizes)


def _pdfium_line(chars: list[tuple | None]) -> dict | None:
    """One line from PDFium characters (tuples ch, left, right, top, bottom, size, bold; None for a space): text with
    PDFium's word spaces (a space much wider than the line's usual space is written as two, so letter-spaced headings
    keep their word breaks), font size (median of its characters), bold, box."""
    vis = [c for c in chars if c is not None]
    if not vis:
        return None
    sizes = sorted(c[5] for c in vis)
    size = sizes[len(sizes) // 2]
    spaced_gaps = []
    prev, pending = None, False
    for c in chars:
        if c is None:
            pending = prev is not None
            continue
        if prev is not None and pending:
            spaced_gaps.append(c[1] - prev[2])
        prev, pending = c, False
    spaced_gaps.sort()
    usual_gap = spaced_gaps[len(spaced_gaps) // 2] if spaced_gaps else 0.25 * size
    wide = max(2.0 * usual_gap, 0.5 * size)
    out: list[str] = []
    prev, pending = None, False
    for c in chars:
        if c is None:
            pending = prev is not None
            continue
        if prev is not None and pending:
            out.append("  " if c[1] - prev[2] > wide else " ")
        out.append(c[0])
        prev, pending = c, False
    n_bold = sum(1 for c in vis if c[6])
    return {"text": "".join(out), "size": round(size, 1), "bold": n_bold * 2 >= len(vis),
            "top": min(c[3] for c in vis), "bottom": max(c[4] for c in vis),
            "x0": min(c[1] for c in vis), "x1": max(c[2] for c in vis), "n": len(vis)}


_NEWLINE, _SPACE = "\n", " "


@lru_cache(maxsize=1)
def _text_object_of() -> Callable[..., int | None]:
    """FPDFText_GetTextObject returning the object's address as an int (a key), without a ctypes.cast per character."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    fn = pdfium_c.FPDFText_GetTextObject
    proto = ctypes.CFUNCTYPE(ctypes.c_void_p, *fn.argtypes)
    return proto(ctypes.cast(fn, ctypes.c_void_p).value)


def _page_chars(raw) -> list[tuple | str]:
    """Page characters as PDFium reads them: (ch, left, right, bottom, top, size, bold, angle) in page space,
    _SPACE for a space, _NEWLINE for a line break; at most PDFIUM_MAX_CHARS."""
    import ctypes
    import math

    import pypdfium2.raw as pdfium_c

    get_object = _text_object_of()
    get_unicode, get_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetCharBox
    out: list = []
    n = min(pdfium_c.FPDFText_CountChars(raw), PDFIUM_MAX_CHARS)
    l, r, b, t = (ctypes.c_double() for _ in range(4))
    m = pdfium_c.FS_MATRIX()
    buf = ctypes.create_string_buffer(96)
    flags = ctypes.c_int()
    font_bold: dict[bytes, bool] = {}
    # size, bold and angle are the same for every character of one text object (one font, one matrix): they
    # are read at its first character and kept by object, so a character costs three calls, not seven
    by_object: dict[int, tuple[float, bool, float]] = {}
    for i in range(n):
        u = get_unicode(raw, i)
        ch = chr(u) if u else ""
        if ch in ("\r", "\n"):
            out.append(_NEWLINE)
            continue
        if not ch:
            continue
        if ch.isspace():
            out.append(_SPACE)
            continue
        get_box(raw, i, l, r, b, t)
        obj = get_object(raw, i)
        facts = by_object.get(obj) if obj else None
        if facts is None:
            pdfium_c.FPDFText_GetMatrix(raw, i, m)
            size = pdfium_c.FPDFText_GetFontSize(raw, i) * (math.hypot(m.c, m.d) or 1.0)
            pdfium_c.FPDFText_GetFontInfo(raw, i, buf, len(buf), flags)
            name = buf.value
            bold = font_bold.get(name)
            if bold is None:
                bold = bool(_BOLD.search(name.decode("latin-1"))) or bool(flags.value & _FORCEBOLD)
                font_bold[name] = bold
            facts = (size, bold, round(pdfium_c.FPDFText_GetCharAngle(raw, i) % (2 * math.pi), 2))
            if obj:
                by_object[obj] = facts
        out.append((ch, l.value, r.value, b.value, t.value) + facts)
    return out


def pdfium_lines(page, textpage=None) -> tuple[list[dict], float, float]:
    """Lines of one page from PDFium's characters, with font sizes (the font size times the
    character's transformation scale), bold (font name or descriptor flag) and boxes in points from
    the top of the page as it reads (a page turned by /Rotate, or text set sideways on it, is turned
    back by the angle most characters share); characters at another angle (margin stamps) are left
    out. Plus the body text size (median over characters) and the page height in the reading frame."""
    import math

    tp = textpage if textpage is not None else page.get_textpage()
    try:
        raw_chars = _page_chars(tp.raw)
    finally:
        if textpage is None:
            tp.close()
    angles: dict[float, int] = {}
    for c in raw_chars:
        if type(c) is tuple:
            angles[c[7]] = angles.get(c[7], 0) + 1
    if not angles:
        return [], 0.0, float(page.get_height())
    theta = max(angles, key=angles.get)
    cos_t, sin_t = math.cos(theta), math.sin(theta)
    upright = {a: not (abs(math.sin(a - theta)) > 0.1 or math.cos(a - theta) < 0) for a in angles}

    def turn(x: float, y: float) -> tuple[float, float]:  # rotate by theta: the text then runs left to right
        return x * cos_t - y * sin_t, x * sin_t + y * cos_t

    w, h = page.get_size()
    if page.get_rotation() in (90, 270):
        w, h = h, w  # get_size() gives the displayed size; character boxes are in the unrotated page
    corners = [turn(x, y) for x, y in ((0, 0), (w, 0), (0, h), (w, h))]
    y_top = max(y for _, y in corners)
    height = y_top - min(y for _, y in corners)
    lines: list[list] = []
    cur: list = []
    last = None  # the last character (not a space) of the current line
    for c in raw_chars:
        if c is _NEWLINE:
            if cur:
                lines.append(cur)
                cur, last = [], None
            continue
        if c is _SPACE:
            if cur:
                cur.append(None)
            continue
        ch, l_, r_, b_, t_, size, bold, angle = c
        if not upright[angle]:
            continue
        if theta == 0.0:  # upright text, the common case: the box as it is
            x0, x1, top, bottom = min(l_, r_), max(l_, r_), y_top - max(b_, t_), y_top - min(b_, t_)
        else:
            pts = [turn(x, y) for x, y in ((l_, b_), (r_, b_), (l_, t_), (r_, t_))]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            x0, x1, top, bottom = min(xs), max(xs), y_top - max(ys), y_top - min(ys)
        if last is not None:
            scale = max(size, 1.0)
            if ((abs((top + bottom) - (last[3] + last[4])) / 2 > 0.8 * scale and x0 < last[2])
                    or x0 - last[2] > COLUMN_GAP * scale):
                lines.append(cur)
                cur = []
        last = (ch, x0, x1, top, bottom, size, bold)
        cur.append(last)
    if cur:
        lines.append(cur)
    out = [ln for ln in (_pdfium_line(cs) for cs in lines) if ln and ln["text"].strip()]
    sizes = sorted(s for ln in out for s in [ln["size"]] * ln["n"])
    body = sizes[len(sizes) // 2] if sizes else 0.0
    out.sort(key=lambda ln: (round(ln["top"] / 3), ln["x0"]))
    return out, body, height


def page1_lines(pdf, data: bytes, meta: dict, opened: tuple | None = None) -> tuple[list[dict], float, float]:
    """Page 1 lines with font sizes: PDFium's characters, pdfplumber when PDFium gives no sizes. `opened`: page 1
    and its text page, already open from reading the text (not opened a second time)."""
    try:
        if opened is not None:
            lines, body, height = pdfium_lines(*opened)
        else:
            page = pdf[0]
            try:
                lines, body, height = pdfium_lines(page)
            finally:
                page.close()
        if lines and body > 0:
            meta["layout"] = {"reader": "pdfium", "body_size": body, "lines": len(lines)}
            return lines, body, height
    except Exception as e:  # noqa: BLE001 - fall back to pdfplumber
        meta["layout_error"] = f"pdfium: {type(e).__name__}: {e}"[:300]
    lines, body, height, _ = _line_boxes(_first_page_pdf(pdf, data))
    meta["layout"] = {"reader": "pdfplumber", "body_size": body, "lines": len(lines)}
    return lines, body, height


def layout_candidates(pdf, data: bytes, meta: dict, max_lines: int = 40,
                      opened: tuple | None = None, memo: dict | None = None) -> list[TitleCandidate]:
    """Title candidates from page 1's lines (with their font sizes, bold and position)."""
    lines, body, height = page1_lines(pdf, data, meta, opened)
    return line_candidates(lines, "layout", max_lines=max_lines, body_size=body or None, page_height=height or None,
                           memo=memo)


def _first_page_pdf(pdf, data: bytes) -> bytes:
    """Page 1 alone as a small PDF (PDFium copy): pdfplumber then parses one page, not the whole file."""
    import pypdfium2 as pdfium

    if len(pdf) <= 1:
        return data
    try:
        one = pdfium.PdfDocument.new()
        try:
            one.import_pages(pdf, [0])
            buf = io.BytesIO()
            one.save(buf)
            return buf.getvalue()
        finally:
            one.close()
    except Exception:  # noqa: BLE001 - fall back to the whole file
        return data


def extract_pdf(data: bytes, filename: str | None = None, want_title: bool = True) -> PdfText:
    pdf = _open(data)
    meta: dict = {}
    title = None
    candidates: list[TitleCandidate] = []
    first = None  # page 1 and its text page, kept open for the title's layout
    title_memo: dict = {}  # this document's title repairs and verdicts: its lines come back as candidates
    try:
        n_pages = len(pdf)
        raw_meta = {}
        try:
            raw_meta = pdf.get_metadata_dict(skip_empty=True)
        except Exception:  # noqa: BLE001 - metadata is optional
            pass
        page_texts: list[str] = []
        scan_pages: list[int] = []
        page_errors = 0
        failing_run = 0
        for i in range(n_pages):
            if failing_run >= MAX_FAILING_PAGES and page_errors < i:
                # the page tree claims pages that are not there (a 600-byte file "of 100,000 pages"): stop at the
                # last page that could be read and say how many were claimed
                meta["claimed_pages"] = n_pages
                del page_texts[i - failing_run:]
                page_errors -= failing_run
                break
            try:
                page = pdf[i]
                try:
                    tp = page.get_textpage()
                    try:
                        page_texts.append(clean_text(tp.get_text_bounded()))
                        if i == 0 and want_title:  # page 1's lines for the title, from the same open text page
                            first = (page, tp)
                    finally:
                        if first is None or first[1] is not tp:
                            tp.close()
                    if len(page_texts[-1]) < SCAN_MAX_CHARS:
                        try:
                            if _has_large_image(page):
                                scan_pages.append(i + 1)
                        except Exception:  # noqa: BLE001 - a hint only
                            pass
                finally:
                    if first is None or first[0] is not page:
                        page.close()
                failing_run = 0
            except Exception:  # noqa: BLE001 - one broken page must not lose the others
                page_errors += 1
                failing_run += 1
                page_texts.append("")
        n_pages = len(page_texts) if "claimed_pages" in meta else n_pages
        if n_pages and page_errors == n_pages:
            raise ExtractionError("corrupt_pdf", f"no page of {n_pages} could be read")
        if want_title and page_texts and page_texts[0].strip():
            try:
                candidates = layout_candidates(pdf, data, meta, opened=first, memo=title_memo)
            except Exception as e:  # noqa: BLE001 - a title is a bonus, never a failure
                meta["layout_error"] = f"{type(e).__name__}: {e}"[:300]
    finally:
        if first is not None:
            first[1].close()
            first[0].close()
        pdf.close()
    text = PAGE_SEP.join(page_texts)

    meta.update({
        "pdf_" + k.lower(): one_line(str(v), 500) for k, v in raw_meta.items() if k in META_KEYS and str(v).strip()
    })
    meta["creation_date"] = parse_pdf_date(raw_meta.get("CreationDate"))
    meta["mod_date"] = parse_pdf_date(raw_meta.get("ModDate"))
    if page_errors:
        meta["page_errors"] = page_errors
    if scan_pages:
        meta["scan_pages"] = scan_pages  # 1-based: little text and a page-sized image
    if want_title:
        candidates += metadata_candidate(raw_meta.get("Title"), "\n".join(page_texts[:3]))
        title, title_meta = title_from(candidates, filename, title_memo)
        meta.update(title_meta)
    author = one_line(raw_meta.get("Author")) or None
    return PdfText(pages=n_pages, text=text, title=title, author=author, meta=meta)
