"""Old Word .doc through antiword / catdoc."""
import shutil

import pytest

from transforms import doc_text
from transforms.doc_text import extract_doc, first_line_title
from transforms.extraction import extract

from .builders import corpus_files

pytestmark = pytest.mark.skipif(not (shutil.which("antiword") or shutil.which("catdoc")),
                                reason="neither antiword nor catdoc installed")
CZECH_LETTERS = set("ěščřžýáíéůúťďňĚŠČŘŽÝÁÍÉŮÚ")


def test_corpus_docs_give_czech_text():
    files = corpus_files({"doc"})
    assert files
    for path, label in files:
        r = extract(path.read_bytes(), "application/msword", path.name)
        assert r.file_format == "doc" and r.extraction_status == "ok", (path.name, r.extraction_error)
        assert r.text_source == "text_layer" and r.text_chars > 1000
        assert len(CZECH_LETTERS & set(r.text)) >= 8, path.name
        assert "Blešno" in r.text and "\ufffd" not in r.text
        assert not r.meta["quality"]["needs_ocr"]
        assert r.title
        words = {w.lower() for w in r.title.split() if len(w) > 2}
        label_words = {w.lower() for w in label["title"].split() if len(w) > 2}
        assert len(words & label_words) >= 0.5 * len(words), (r.title, label["title"])


def test_catdoc_fallback(monkeypatch):
    if not shutil.which("catdoc"):
        pytest.skip("catdoc not installed")
    path, _ = corpus_files({"doc"})[0]

    def broken(data):
        raise RuntimeError("antiword exit 1: not a Word document")

    monkeypatch.setattr(doc_text, "_antiword", broken)
    r = extract_doc(path.read_bytes(), path.name)
    assert r.meta["doc_tool"] == "catdoc" and "antiword exit 1" in r.meta["doc_tool_errors"][0]
    assert "Blešno" in r.text and "ř" in r.text


def test_garbage_doc_fails_with_reason():
    r = extract(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "application/msword", "x.doc")
    assert r.extraction_status == "failed" and r.extraction_error.startswith("corrupt_doc")


def test_first_line_title():
    text = "Obec Blešno\n\n1\n\nVeřejná zakázka s názvem\n„Oprava chodníku“\n\nText smlouvy..."
    assert first_line_title(text) == "Veřejná zakázka s názvem „Oprava chodníku“"
    assert first_line_title("tel: +420 495 428 270\nab\nZápis ze zasedání zastupitelstva", min_words=3) \
        == "Zápis ze zasedání zastupitelstva"
    assert first_line_title("") is None
