"""OCR (Tesseract on pages rendered by PDFium) and its use by extract()."""
import io
import re
import statistics
import time

import pytest

from transforms import ocr as ocr_mod
from transforms.extraction import extract
from transforms.ocr import OcrText, OcrUnavailable, ocr_available, ocr_image, ocr_pdf

from .builders import FONT_PATH, body_lines, corpus_files, make_pdf

pytestmark = pytest.mark.skipif(not ocr_available("ces+eng"), reason="tesseract with ces+eng data not installed")

LINES = [
    "Výzva k podání nabídek: obec Kněžice",
    "na dodavatele veřejného osvětlení.",
    "Zastupitelstvo schválilo rozpočet na rok 2025,",
    "příspěvek občanů činí šest set korun ročně.",
    "Žluťoučký kůň úpěl ďábelské ódy.",
    "Úřední hodiny: pondělí a středa odpoledne.",
]
WORD_RE = re.compile(r"[^\W\d_]{3,}")


def _words(text: str) -> set[str]:
    return {w.casefold() for w in WORD_RE.findall(text)}


def recall(expected: str, got: str) -> float:
    exp = _words(expected)
    return len(exp & _words(got)) / len(exp)


def page_image(lines=LINES, size=(1654, 2339), font_px=40):
    """An A4 page at 200 dpi with Czech text in DejaVu Sans (~14 pt)."""
    from PIL import Image, ImageDraw, ImageFont

    if not FONT_PATH.exists():
        pytest.skip("DejaVuSans.ttf not installed")
    font = ImageFont.truetype(str(FONT_PATH), font_px)
    img = Image.new("L", size, 255)
    d = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        d.text((150, 200 + i * int(font_px * 1.8)), line, fill=0, font=font)
    return img


def image_pdf(pages=1, lines=LINES, invisible_text: str | None = None) -> bytes:
    """Image-only PDF (each page a scan image); optionally with an invisible garbage text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for _ in range(pages):
        ib = io.BytesIO()
        page_image(lines).save(ib, format="PNG")
        c.drawImage(ImageReader(io.BytesIO(ib.getvalue())), 0, 0, width=A4[0], height=A4[1])
        if invisible_text:
            t = c.beginText(40, 400)
            t.setTextRenderMode(3)  # invisible, like an OCR layer
            t.setFont("Helvetica", 9)
            for chunk in range(0, len(invisible_text), 90):
                t.textLine(invisible_text[chunk:chunk + 90])
            c.drawText(t)
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def scan_pdf() -> bytes:
    return image_pdf()


def test_ocr_pdf_recovers_czech_words(scan_pdf):
    r = ocr_pdf(scan_pdf)
    assert isinstance(r, OcrText)
    assert r.pages_done == r.pages_total == 1 and r.lang == "ces+eng"
    expected = " ".join(LINES)
    assert recall(expected, r.text) >= 0.85, r.text
    from rapidfuzz import fuzz

    assert fuzz.token_set_ratio(expected, r.text) >= 85
    assert r.mean_confidence is not None and r.mean_confidence > 70
    assert "ř" in r.text and "ž" in r.text.lower()
    assert r.meta["dpi"] == 200 and r.meta["seconds_per_page"] > 0


def test_ocr_is_deterministic(scan_pdf):
    assert ocr_pdf(scan_pdf).text == ocr_pdf(scan_pdf).text


def test_ocr_image_png_and_multipage_tiff():
    img = page_image()
    png = io.BytesIO()
    img.save(png, format="PNG")
    r = ocr_image(png.getvalue())
    assert r.pages_done == 1 and recall(" ".join(LINES), r.text) >= 0.85
    tif = io.BytesIO()
    small = page_image(LINES[:2])
    small.save(tif, format="TIFF", save_all=True, append_images=[page_image(LINES[2:4])])
    r = ocr_image(tif.getvalue(), max_pages=1)
    assert r.pages_total == 2 and r.pages_done == 1 and r.meta.get("capped")
    assert recall(" ".join(LINES[:2]), r.text) >= 0.8


def test_page_cap_and_time_budget():
    data = image_pdf(pages=3, lines=LINES[:2])
    r = ocr_pdf(data, max_pages=1)
    assert (r.pages_done, r.pages_total) == (1, 3) and r.meta["capped"]
    r = ocr_pdf(data, max_seconds=1e-9)
    assert r.pages_done == 0 and r.meta["stopped"] == "time_budget"


def test_page_timeout_is_an_error_not_a_crash(scan_pdf):
    r = ocr_pdf(scan_pdf, page_timeout_s=0.001)
    assert r.pages_done == 1 and r.text == "" and "timeout" in r.meta["page_errors"][0]


def test_missing_tesseract_or_language_raises_clear_error(scan_pdf):
    with pytest.raises(OcrUnavailable, match="^ocr_unavailable: .*not found"):
        ocr_pdf(scan_pdf, cmd="no-such-tesseract-binary")
    with pytest.raises(OcrUnavailable, match="language data missing: xyz"):
        ocr_pdf(scan_pdf, lang="ces+xyz")


def test_extract_scan_pdf_gives_ocr_text(scan_pdf):
    r = extract(scan_pdf, "application/pdf", "sken.pdf")
    assert r.extraction_status == "ok" and r.needs_ocr is False and r.extraction_error is None
    assert r.text_source == "ocr" and r.text_chars == len(r.text) > 100
    assert recall(" ".join(LINES), r.text) >= 0.85
    assert r.meta["text_layer_quality"]["reason"] == "no_text_layer"
    assert r.meta["quality"]["needs_ocr"] is False
    assert r.meta["ocr"]["pages_used"] == [1] and r.meta["ocr"]["lang"] == "ces+eng"
    assert r.title and r.title.startswith("Výzva k podání nabídek")
    assert r.meta["title_source"] == "ocr_first_line"


def test_extract_with_ocr_off_or_unavailable_stays_needs_ocr(scan_pdf, monkeypatch):
    r = extract(scan_pdf, "application/pdf", ocr=False)
    assert r.extraction_status == "needs_ocr" and r.extraction_error == "no_text_layer"

    def unavailable(lang="ces+eng", cmd="tesseract"):
        raise OcrUnavailable("Tesseract language data missing: ces (install tesseract-ocr-ces)")

    monkeypatch.setattr(ocr_mod, "check_available", unavailable)
    r = extract(scan_pdf, "application/pdf")
    assert r.extraction_status == "needs_ocr" and r.needs_ocr and r.text_source == "none"
    assert r.extraction_error.startswith("ocr_unavailable: Tesseract language data missing")
    r = extract(io_png(), "image/png", "sken.png")
    assert r.extraction_status == "needs_ocr" and r.extraction_error.startswith("ocr_unavailable:")


def io_png() -> bytes:
    b = io.BytesIO()
    page_image().save(b, format="PNG")
    return b.getvalue()


def test_extract_image_file():
    r = extract(io_png(), "image/png", "vyhlaska.png")
    assert r.file_format == "image" and r.extraction_status == "ok" and r.text_source == "ocr"
    assert recall(" ".join(LINES), r.text) >= 0.85 and r.pages == 1


def test_blank_image_stays_needs_ocr():
    from PIL import Image

    b = io.BytesIO()
    Image.new("L", (800, 1000), 255).save(b, format="PNG")
    r = extract(b.getvalue(), "image/png")
    assert r.extraction_status == "needs_ocr" and "ocr_unusable" in r.extraction_error
    assert r.text_source == "none"


def test_cid_garbage_text_layer_goes_to_ocr():
    garbage = "".join(f"(cid:{n})" for n in range(20, 140))
    data = image_pdf(invisible_text=garbage)
    off = extract(data, "application/pdf", ocr=False)
    assert off.extraction_status == "needs_ocr" and off.extraction_error.startswith("cid_codes")
    r = extract(data, "application/pdf")
    assert r.extraction_status == "ok" and r.text_source == "ocr"
    assert r.meta["text_layer_quality"]["reason"].startswith("cid_codes")
    assert "(cid:" not in r.text and recall(" ".join(LINES), r.text) >= 0.85


def test_shifted_encoding_text_layer_goes_to_ocr():
    shifted = "".join(chr(ord(c) - 29) if c.isalpha() and ord(c) < 128 else c for c in " ".join(LINES) * 4)
    data = image_pdf(invisible_text=shifted)
    r = extract(data, "application/pdf")
    assert r.meta["text_layer_quality"]["needs_ocr"]
    assert r.extraction_status == "ok" and r.text_source == "ocr"
    assert recall(" ".join(LINES), r.text) >= 0.85


def test_text_pdf_with_one_scanned_page_ocrs_only_that_page():
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    for src in (make_pdf([body_lines(40, 1)]), image_pdf(lines=LINES)):
        for p in PdfReader(io.BytesIO(src)).pages:
            w.add_page(p)
    buf = io.BytesIO()
    w.write(buf)
    r = extract(buf.getvalue(), "application/pdf")
    assert r.extraction_status == "ok" and r.meta["scan_pages"] == [2]
    assert r.meta["ocr"]["pages_used"] == [2]
    first, second = r.text.split("\f")
    assert "Žluťoučký kůň" in first and recall(" ".join(LINES), second) >= 0.85
    assert r.text_source == "text_layer"  # most of the text is the file's own


def test_text_pdf_is_not_ocrd():
    r = extract(make_pdf([body_lines(20)]))
    assert r.text_source == "text_layer" and "ocr" not in r.meta


def test_corpus_scans_give_readable_ocr_text():
    scans = [(p, lab) for p, lab in corpus_files({"pdf"}) if not lab["has_text_layer"]]
    assert len(scans) == 3
    per_page = []
    for path, label in scans:
        t0 = time.monotonic()
        r = extract(path.read_bytes(), "application/pdf", path.name)
        per_page.append((time.monotonic() - t0) / max(r.meta["ocr"]["pages_done"], 1))
        assert r.extraction_status == "ok", (path.name, r.extraction_error)
        assert r.text_source == "ocr" and not r.needs_ocr
        assert r.meta["ocr"]["pages_done"] == label["pages"]
        assert r.text_chars > 300 and r.meta["quality"]["plausible_ratio"] > 0.8
        assert any(ch in r.text for ch in "ěščřžýáíéůú")
        assert "Blešn" in r.text or "BLEŠN" in r.text
    print(f"OCR seconds per page (median over {len(scans)} scans): {statistics.median(per_page):.2f}")
