from transforms.extraction import extract

from .builders import corpus_files, make_docx


def test_docx_paragraphs_tables_and_core_title():
    r = extract(make_docx(), "application/octet-stream", "priloha.docx")
    assert r.file_format == "docx" and r.extraction_status == "ok", r.extraction_error
    assert r.title == "Strategie rozvoje obce Kněžice" and r.meta["title_source"] == "core_properties"
    assert r.author == "Marie Dvořáková"
    assert "Obec zajišťuje svoz tříděného odpadu" in r.text
    assert "Druh\tČetnost\tDen" in r.text and "Směsný odpad\ttýdně\tstředa" in r.text
    assert r.meta["created"]


def test_docx_title_falls_back_to_heading():
    r = extract(make_docx(title=None))
    assert r.title == "Plán odpadového hospodářství" and r.meta["title_source"] == "heading_style"


def test_corrupt_docx_fails():
    data = make_docx()
    r = extract(data[:400], None, "x.docx")
    assert r.extraction_status == "failed" and r.extraction_error.startswith("corrupt_docx")


def test_corpus_docx():
    for path, label in corpus_files({"docx"}):
        r = extract(path.read_bytes(), None, path.name)
        assert r.extraction_status == "ok", (path.name, r.extraction_error)
        assert len(r.text) > 500 and r.title
