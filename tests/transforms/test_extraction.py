import json
import random

from transforms.extraction import EXTRACTOR_VERSION, ExtractionResult, extract

from .builders import make_docx, make_image_pdf, make_pdf


def test_never_raises_on_random_bytes():
    rng = random.Random(20240611)
    prefixes = [b"", b"%PDF-1.7\n", b"PK\x03\x04word/", b"{\\rtf1 ", b"<html><body>", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]
    for i in range(60):
        data = prefixes[i % len(prefixes)] + rng.randbytes(rng.randint(1, 5000))
        r = extract(data, rng.choice([None, "application/pdf", "text/html", "application/rtf"]), "f.bin")
        assert isinstance(r, ExtractionResult)
        assert r.extraction_status in ("ok", "needs_ocr", "failed", "unsupported", "refused")
        json.dumps(r.to_dict())


def test_mutilated_real_files_never_raise():
    rng = random.Random(7)
    for data in (make_pdf(), make_docx()):
        for _ in range(15):
            b = bytearray(data)
            for _ in range(20):
                b[rng.randrange(len(b))] = rng.randrange(256)
            assert isinstance(extract(bytes(b)), ExtractionResult)


def test_empty_and_too_large():
    assert extract(b"").extraction_error == "empty_file"
    r = extract(make_pdf(), max_bytes=100)
    assert r.extraction_status == "refused" and r.extraction_error.startswith("too_large")


def test_unsupported_formats():
    r = extract(b"PK\x03\x04" + bytes(600), "application/zip", "prilohy.zip")
    assert r.extraction_status == "unsupported" and r.extraction_error == "unsupported_format: zip"
    assert r.text_source == "none"


def test_formerly_unsupported_corrupt_ole_files_fail_with_reason():
    r = extract(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "application/vnd.ms-excel", "krycí list.xls")
    assert r.file_format == "xls" and r.extraction_status == "failed"
    assert r.extraction_error.startswith("corrupt_xls") and r.text_source == "none"
    r = extract(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), None, "smlouva.doc")
    assert r.file_format == "doc" and r.extraction_status == "failed"
    assert r.extraction_error.startswith(("corrupt_doc", "doc_reader_unavailable"))


def test_plain_text_cp1250():
    r = extract("Usnesení zastupitelstva obce č. 5/2024\nSchvaluje rozpočet.".encode("cp1250"), "text/plain")
    assert r.file_format == "txt" and "Usnesení" in r.text and r.title.startswith("Usnesení")


def test_to_dict_has_contract_fields():
    d = extract(make_pdf()).to_dict()
    for key in ("file_format", "mime_type", "title", "author", "pages", "text", "text_chars", "needs_ocr",
                "extraction_status", "extraction_error", "text_source", "meta"):
        assert key in d
    assert EXTRACTOR_VERSION == "2.1.0"


def test_text_source_values():
    assert extract(make_pdf()).text_source == "text_layer"
    assert extract(make_docx()).text_source == "text_layer"
    assert extract("Usnesení obce č. 1/2024 o místních poplatcích ze psů".encode(), "text/plain").text_source == "text_layer"
    assert extract(b"").text_source == "none"
    r = extract(make_image_pdf(), "application/pdf", ocr=False)
    assert r.extraction_status == "needs_ocr" and r.text_source == "none"
