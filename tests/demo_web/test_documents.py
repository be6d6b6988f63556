"""Document bytes: real Czech text layers, the title on page 1, the broken variants, determinism."""
from __future__ import annotations

import io
import zipfile

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from demo_web.documents import render
from demo_web.model import build_web
from demo_web.render_pdf import USER_PASSWORD


def _docs(web, pred):
    return [d for s in web.sites for d in s.docs if pred(d)]


def _pdf_text(data: bytes, password: str | None = None) -> list[str]:
    pdf = pdfium.PdfDocument(data, password=password)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def test_strategy_pdf_has_czech_text_and_the_title_on_page_one(web8):
    docs = _docs(web8, lambda d: d.spec.is_strategy and d.fmt == "pdf" and d.spec.variant == "normal")
    assert len(docs) >= 10
    for d in docs[:8]:
        pages = _pdf_text(render(d.spec))
        assert len(pages) >= 2
        first = " ".join(pages[0].split())
        assert " ".join(d.spec.title.split()) in first
        assert any(ch in "".join(pages) for ch in "ěščřžýáíéůú")
        if d.approved_on:
            assert "schvál" in first.lower() or "Schvál" in first
        if d.spec.validity:
            assert str(d.spec.validity[0]) in first


def test_title_is_the_largest_font_on_page_one(web8):
    for d in _docs(web8, lambda d: d.spec.is_strategy and d.fmt == "pdf" and d.spec.variant == "normal")[:4]:
        pdf = pdfium.PdfDocument(render(d.spec))
        tp = pdf[0].get_textpage()
        text = tp.get_text_range()
        sizes = [pdfium.raw.FPDFText_GetFontSize(tp.raw, i) for i in range(tp.count_chars())]
        at = text.index(d.spec.title.split()[0])
        assert sizes[at] == max(sizes)
        assert sizes[at] > max(s for s, ch in zip(sizes, text) if not ch.isspace() and s != sizes[at])
        pdf.close()


def test_some_pdfs_carry_a_word_processor_title(web40):
    metas = {d.spec.meta_title for d in _docs(web40, lambda d: d.fmt == "pdf" and d.spec.is_strategy)}
    assert any(m and m.startswith("Microsoft Word - ") for m in metas)
    d = next(d for d in _docs(web40, lambda d: d.fmt == "pdf" and d.spec.variant == "normal"
                              and (d.spec.meta_title or "").startswith("Microsoft Word")))
    assert PdfReader(io.BytesIO(render(d.spec))).metadata.title.startswith("Microsoft Word - ")


def test_encrypted_pdf_needs_the_password(web8):
    d = _docs(web8, lambda d: d.spec.variant == "encrypted")[0]
    data = render(d.spec)
    assert PdfReader(io.BytesIO(data)).is_encrypted
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(data)
    assert "Zápis" in "".join(_pdf_text(data, password=USER_PASSWORD))


def test_image_only_pdf_has_no_text_layer(web8):
    d = _docs(web8, lambda d: d.spec.variant == "image_only")[0]
    pages = _pdf_text(render(d.spec))
    assert len(pages) >= 1 and not "".join(pages).strip()


def test_corrupt_pdf_is_broken(web8):
    d = _docs(web8, lambda d: d.spec.variant == "corrupt")[0]
    data = render(d.spec)
    assert data.startswith(b"%PDF")
    assert b"%%EOF" not in data[-64:]
    with pytest.raises(Exception):
        _pdf_text(data)


def test_oversized_file_exceeds_the_cap(web8):
    d = _docs(web8, lambda d: d.spec.variant == "oversized")[0]
    data = render(d.spec)
    assert 12 * 1024 * 1024 <= len(data) < 14 * 1024 * 1024


def test_office_formats(web40):
    import docx

    # strategy DOCX are format twins of PDFs and carry exactly the PDF's text (no summary table)
    d = _docs(web40, lambda d: d.fmt == "docx" and not d.spec.is_strategy)[0]
    document = docx.Document(io.BytesIO(render(d.spec)))
    assert document.core_properties.author
    assert document.tables and any(d.spec.title in p.text for p in document.paragraphs)
    odt = _docs(web40, lambda d: d.fmt == "odt")[0]
    z = zipfile.ZipFile(io.BytesIO(render(odt.spec)))
    assert z.namelist()[0] == "mimetype" and z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    assert z.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
    assert odt.spec.title.encode() in z.read("content.xml") or b"&" in z.read("content.xml")
    rtf = render(_docs(web40, lambda d: d.fmt == "rtf")[0].spec)
    assert rtf.startswith(b"{\\rtf1\\ansi\\ansicpg1250") and b"\\'" in rtf
    rtf.decode("ascii")


def test_same_spec_same_bytes_across_builds():
    a, b = build_web(8), build_web(8)
    for fmt in ("pdf", "docx", "odt", "rtf"):
        da = _docs(a, lambda d: d.fmt == fmt)[0]
        db = _docs(b, lambda d: d.fmt == fmt)[0]
        render.cache_clear()
        first = render(da.spec)
        render.cache_clear()
        assert render(db.spec) == first, fmt
