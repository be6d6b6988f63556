from transforms.extraction import extract

from .builders import corpus_files, make_docx


def test_docx_paragraphs_tables_and_core_title():
    r = extract(make_docx(), "application/octet-stream", "priloha.docx")
    assert r.file_format == "docx" and r.extraction_status == "ok", r.extraction_error
    # the core title is a candidate, but a title the document's text never shows (a stale template's) loses
    # to the Heading 1 that names a document kind
    assert r.title == "Plán odpadového hospodářství" and r.meta["title_source"] == "heading_style"
    assert {"text": "Strategie rozvoje obce Kněžice", "source": "metadata"}.items() <= \
        next(c for c in r.meta["title_candidates"] if c["source"] == "metadata").items()
    assert r.author == "Marie Dvořáková"
    assert "Obec zajišťuje svoz tříděného odpadu" in r.text
    assert "Druh\tČetnost\tDen" in r.text and "Směsný odpad\ttýdně\tstředa" in r.text
    assert r.meta["created"]


def test_docx_core_title_shown_in_the_text_wins():
    import docx
    import io

    d = docx.Document(io.BytesIO(make_docx(title="Strategie rozvoje obce Kněžice")))
    d.paragraphs[0].insert_paragraph_before("Strategie rozvoje obce Kněžice", style="Title")
    buf = io.BytesIO()
    d.save(buf)
    r = extract(buf.getvalue(), None, "x.docx")
    assert r.title == "Strategie rozvoje obce Kněžice" and r.meta["title_source"] == "heading_style"


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
