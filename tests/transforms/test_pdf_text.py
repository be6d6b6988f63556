import io

import pytest

from transforms.extraction import extract
from transforms.pdf_text import extract_pdf, parse_pdf_date

from .builders import CZECH, body_lines, corpus_files, make_image_pdf, make_pdf


def test_czech_diacritics_and_page_count():
    pages = [body_lines(15, p) for p in range(1, 4)]
    r = extract(make_pdf(pages), "application/pdf", "plan.pdf")
    assert r.extraction_status == "ok", r.extraction_error
    assert r.file_format == "pdf" and r.mime_type == "application/pdf"
    assert r.pages == 3 and r.text.count("\f") == 2
    for ch in "řěůžťď":
        assert ch in r.text
    assert "Žluťoučký kůň úpěl" in r.text
    assert r.author == "Jan Novák"
    assert r.text_chars == len(r.text)
    assert r.meta["quality"]["needs_ocr"] is False


def test_title_from_layout_beats_word_metadata():
    data = make_pdf([body_lines(20)], title_meta="Microsoft Word - strategie_final2.doc",
                    heading="Strategie rozvoje obce Kněžice")
    r = extract(data, "application/pdf")
    assert r.title == "Strategie rozvoje obce Kněžice"
    assert r.meta["title_source"] == "layout"
    assert r.meta["pdf_title"].startswith("Microsoft Word")


def test_real_metadata_title_used_when_layout_has_none():
    r = extract(make_pdf([body_lines(20)], title_meta="Rozpočet obce na rok 2025"))
    assert r.title == "Rozpočet obce na rok 2025" and r.meta["title_source"] == "metadata"


def test_junk_metadata_title_ignored():
    r = extract(make_pdf([body_lines(20)], title_meta="untitled"))
    assert r.title is None


def test_encrypted_pdf_fails_with_reason():
    from reportlab.lib import pdfencrypt

    data = make_pdf([body_lines(5)], encrypt=pdfencrypt.StandardEncryption("heslo", "vlastnik"))
    r = extract(data, "application/pdf")
    assert r.extraction_status == "failed"
    assert r.extraction_error == "encrypted: PDF needs a password"


def test_encrypted_with_pypdf():
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    for p in PdfReader(io.BytesIO(make_pdf([body_lines(5)]))).pages:
        w.add_page(p)
    w.encrypt("tajne", algorithm="AES-256")
    buf = io.BytesIO()
    w.write(buf)
    r = extract(buf.getvalue())
    assert r.extraction_status == "failed" and r.extraction_error.startswith("encrypted")


def test_truncated_pdf_fails_corrupt():
    data = make_pdf([body_lines(15, p) for p in range(1, 4)])
    r = extract(data[: len(data) // 3], "application/pdf")
    assert r.extraction_status == "failed"
    assert r.extraction_error.startswith("corrupt_pdf: ")


def test_image_only_pdf_needs_ocr():
    r = extract(make_image_pdf(), "application/pdf", ocr=False)  # with OCR: tests/transforms/test_ocr.py
    assert r.extraction_status == "needs_ocr" and r.needs_ocr is True
    assert r.extraction_error == "no_text_layer"
    assert r.pages == 1


def test_pdf_served_as_html_is_still_pdf():
    r = extract(make_pdf([body_lines(10)]), "text/html; charset=utf-8", "index.html")
    assert r.file_format == "pdf" and r.extraction_status == "ok"
    assert "Žluťoučký" in r.text


def test_split_caron_repaired():
    r = extract(make_pdf([[(11, "Nové Meˇsto nad Metují, Prˇepravu zajišt’uje ORLOBUS, Sedlonˇov " + CZECH)]] * 1))
    assert "Nové Město" in r.text and "Přepravu" in r.text and "Sedloňov" in r.text


def test_parse_pdf_date():
    assert parse_pdf_date("D:20260619115852+02'00'") == "2026-06-19T11:58:52+02:00"
    assert parse_pdf_date("D:20110419122850") == "2011-04-19T12:28:50"
    assert parse_pdf_date("garbage") is None


def test_corpus_pdfs_never_raise_and_readable_ones_have_text():
    files = corpus_files({"pdf"})
    with_text = scanned_ok = readable = 0
    for path, label in files:
        r = extract(path.read_bytes(), "application/pdf", path.name, ocr=False)  # OCR: test_ocr.py
        assert r.extraction_status in ("ok", "needs_ocr", "failed", "unsupported")
        if label["pages"]:
            assert r.pages == label["pages"], path.name
        if label["has_text_layer"]:
            readable += 1
            with_text += bool(r.text.strip()) and r.extraction_status == "ok"
        else:
            scanned_ok += r.extraction_status == "needs_ocr"
    assert with_text >= 0.9 * readable
    assert scanned_ok == sum(1 for _, lab in files if not lab["has_text_layer"])


def test_corpus_pdf_titles_mostly_match_labels():
    import difflib

    files = [(p, lab) for p, lab in corpus_files({"pdf"}) if lab["has_text_layer"]]
    close = 0
    for path, label in files:
        r = extract_pdf(path.read_bytes(), path.name)
        sim = difflib.SequenceMatcher(None, (r.title or "").lower(), label["title"].lower()).ratio()
        close += sim >= 0.5
    assert close >= 0.65 * len(files), f"{close}/{len(files)} titles close to the label"


def test_page1_lines_carry_font_sizes_bold_and_position():
    import pypdfium2 as pdfium

    from transforms.pdf_text import pdfium_lines

    data = make_pdf([[(22, "Zápis ze zasedání zastupitelstva"), *body_lines(10)]])
    pdf = pdfium.PdfDocument(data)
    try:
        lines, body, height = pdfium_lines(pdf[0])
    finally:
        pdf.close()
    assert lines[0]["text"] == "Zápis ze zasedání zastupitelstva" and abs(lines[0]["size"] - 22) < 0.5
    assert abs(body - 11) < 0.5 and abs(height - 842) < 1
    assert lines[0]["top"] < lines[1]["top"] < height / 2


def test_title_of_a_page_turned_by_rotate():
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    for p in PdfReader(io.BytesIO(make_pdf([[(20, "Jízdní řád linky 640034"), *body_lines(12)]]))).pages:
        p.rotate(90)
        w.add_page(p)
    buf = io.BytesIO()
    w.write(buf)
    r = extract(buf.getvalue(), "application/pdf", "jr.pdf")
    assert r.title == "Jízdní řád linky 640034" and r.meta["layout"]["reader"] == "pdfium"


def test_garbled_text_layer_gives_no_layout_title():
    garbled = [(11, "vfboraze osadniho dne zlrpisze schfize"), (11, "program- n6vrh oprav v obci do rozpoitu M6sta"),
               (11, "Skozeni PlochajiZ atounoaoUc Uyta od opravy hlavni"), (11, "Moment6lnd jsou chodci nuceni chodit")]
    r = extract(make_pdf([garbled * 4]), "application/pdf", "x.pdf", ocr=False)
    assert r.title is None
    assert any("garbled" in c["reason"] for c in r.meta["title_evidence"]["rejected"])


def _pdf_claiming(count: int) -> bytes:
    """A 600-byte PDF with one real page whose page tree claims `count` pages."""
    lines = [b"Jedina strana tohoto dokumentu obsahuje oznameni obce o uzavirce mistni komunikace",
             b"v ulici Na Navsi od pondeli do patku z duvodu opravy vodovodu a kanalizace v obci.",
             b"Objizdka je vedena po silnici do sousedni obce, autobusy jezdi podle vyveseneho planu.",
             b"Dekujeme obcanum za trpelivost a omlouvame se za komplikace, ktere oprava prinese."]
    stream = b"BT /F1 11 Tf 50 760 Td 14 TL " + b" ".join(b"(%s) '" % ln for ln in lines) + b" ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


def test_a_pdf_that_claims_pages_it_does_not_have_counts_the_real_ones():
    """Issue 8: a 600-byte file 'of 100,000 pages' was stored with pages = 100000 and sent to OCR."""
    r = extract(_pdf_claiming(100_000), "application/pdf", "x.pdf")
    assert r.extraction_status == "ok" and r.pages == 1 and "Jedina strana" in r.text
    assert r.meta["claimed_pages"] == 100_000
