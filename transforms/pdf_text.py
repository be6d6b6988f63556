"""PDF: text of every page through PDFium (pypdfium2), title from the layout of page 1 (pdfplumber).

PDFium is ~50x faster than pdfminer/pdfplumber, so it reads all pages; pdfplumber opens only
page 1, where font sizes tell the title (the largest-font lines at the top). Metadata Title is
used only when the layout gives nothing and it looks like a real title.
"""
from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from transforms.textnorm import ExtractionError, clean_text, fix_split_diacritics, one_line, plausible_title

PAGE_SEP = "\f"
META_KEYS = ("Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate")
_PAGE_NUMBER_LINE = re.compile(r"^((strana|stránka|str\.|page|list)\s*(č\.?:?)?\s*)?\d+(\s*(/|z|of|ze)\s*\d+)?$", re.I)
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


_LETTERHEAD = re.compile(
    r"^(obec|obecní\s*úřad|obecni\s*urad|město|městys|městský\s*úřad|úřad\s*městyse|magistrát|statutární\s*město|"
    r"krajský\s*úřad|kraj|ministerstvo|česká\s*republika)\b",
    re.I,
)
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)


def _line_boxes(data: bytes) -> tuple[list[dict], float, float, int]:
    """Lines of page 1 as dicts (top, bottom, x0, x1, size, bold, text); plus body size, page height, chars."""
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


def layout_title_lines(data: bytes, max_lines: int = 5) -> tuple[list[dict], dict]:
    """The title block of page 1: the first run of largest-font lines (letterheads and page
    numbers skipped); when page 1 has no distinct heading font, the first run of bold lines."""
    lines, body, height, n_chars = _line_boxes(data)
    facts: dict = {"body_size": body}
    cands = [
        ln for ln in lines
        if sum(c.isalpha() for c in ln["text"]) >= 3
        and "(cid:" not in ln["text"]
        and not _PAGE_NUMBER_LINE.match(ln["text"].strip())
        and not (_LETTERHEAD.match(ln["text"].strip()) and len(ln["text"].split()) <= 5)
    ]
    if not cands:
        return [], facts
    top_size = max(ln["size"] for ln in cands)
    facts["title_size"] = top_size
    if top_size >= body * 1.1 or n_chars <= 300:
        picked = [ln for ln in cands if ln["size"] >= top_size - 0.6]
        facts["rule"] = "largest_font"
    else:
        first_bold = next((ln for ln in cands[:8] if ln["bold"]), None)
        if first_bold is None:
            return [], facts
        picked = [ln for ln in cands if ln["bold"] and abs(ln["size"] - first_bold["size"]) <= 0.6]
        facts["rule"] = "first_bold"
    block: list[dict] = []
    for ln in sorted(picked, key=lambda ln: ln["top"]):
        if block and (ln["top"] - block[-1]["bottom"] > 1.2 * ln["size"] or len(block) >= max_lines):
            break
        block.append(ln)
    if block and len(" ".join(ln["text"] for ln in block).split()) < 3:
        # a one-word heading ("Výzva", "Oznámení") continues in the next, smaller lines
        rest = [ln for ln in cands if ln["top"] > block[-1]["top"]]
        for ln in sorted(rest, key=lambda ln: ln["top"])[:2]:
            if ln["top"] - block[-1]["bottom"] > 1.5 * block[-1]["size"]:
                break
            block.append(ln)
        facts["extended"] = True
    facts["page_height"] = height
    return block, facts


def layout_title(data: bytes, max_lines: int = 5) -> tuple[str | None, dict]:
    """Title from page 1 layout with pdfplumber's word texts (see layout_title_lines)."""
    block, facts = layout_title_lines(data, max_lines)
    return one_line(" ".join(ln["text"] for ln in block)), facts


def _pdfium_text_in(textpage, page_height: float, block: list[dict]) -> str | None:
    """Re-read the title block's box with PDFium, which joins glyphs into words better than pdfplumber."""
    parts = []
    for ln in block:
        try:
            t = textpage.get_text_bounded(
                left=ln["x0"] - 1, right=ln["x1"] + 1,
                bottom=page_height - ln["bottom"] - 1, top=page_height - ln["top"] + 1,
            )
        except Exception:  # noqa: BLE001
            return None
        parts.append(t)
    return one_line(fix_split_diacritics(" ".join(parts)))


def _squash(s: str) -> str:
    return "".join(c for c in s.lower() if c.isalnum())


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


def _title_from_layout(data: bytes, pdf, meta: dict) -> str | None:
    block, facts = layout_title_lines(_first_page_pdf(pdf, data))
    meta["layout"] = facts
    if not block:
        return None
    plumber = one_line(" ".join(ln["text"] for ln in block))
    page = pdf[0]
    try:
        tp = page.get_textpage()
        try:
            height = page.get_height()
            pdfium_t = _pdfium_text_in(tp, height, block)
        finally:
            tp.close()
    finally:
        page.close()
    # prefer PDFium's word joining when it read the same glyphs ("Obec ní" -> "Obecní")
    if pdfium_t and plumber and _squash(pdfium_t) == _squash(plumber):
        return pdfium_t
    return plumber


def extract_pdf(data: bytes, filename: str | None = None, want_title: bool = True) -> PdfText:
    pdf = _open(data)
    meta: dict = {}
    title, source = None, None
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
        for i in range(n_pages):
            try:
                page = pdf[i]
                try:
                    tp = page.get_textpage()
                    try:
                        page_texts.append(clean_text(tp.get_text_bounded()))
                    finally:
                        tp.close()
                    if len(page_texts[-1]) < SCAN_MAX_CHARS:
                        try:
                            if _has_large_image(page):
                                scan_pages.append(i + 1)
                        except Exception:  # noqa: BLE001 - a hint only
                            pass
                finally:
                    page.close()
            except Exception:  # noqa: BLE001 - one broken page must not lose the others
                page_errors += 1
                page_texts.append("")
        if n_pages and page_errors == n_pages:
            raise ExtractionError("corrupt_pdf", f"no page of {n_pages} could be read")
        if want_title and page_texts and page_texts[0].strip():
            try:
                t = _title_from_layout(data, pdf, meta)
                if t and plausible_title(t):
                    title, source = t, "layout"
            except Exception as e:  # noqa: BLE001 - a title is a bonus, never a failure
                meta["layout_error"] = f"{type(e).__name__}: {e}"[:300]
    finally:
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
    meta_title = raw_meta.get("Title")
    if title is None and plausible_title(meta_title, filename):
        title, source = one_line(fix_split_diacritics(meta_title)), "metadata"
    meta["title_source"] = source
    author = one_line(raw_meta.get("Author")) or None
    return PdfText(pages=n_pages, text=text, title=title, author=author, meta=meta)
