from transforms.extraction import extract
from transforms.rtf_text import rtf_to_text

from .builders import corpus_files


def _esc(s: str) -> str:
    return "".join(c if ord(c) < 128 else "\\'%02x" % c.encode("cp1250")[0] for c in s)


def test_rtf_cp1250_escapes_and_unicode():
    body = _esc("Žádost o povolení k odběru podzemních vod") + r"\par " + _esc("Příjmení: Dvořák") + r"\tab 1\par "
    rtf = (r"{\rtf1\ansi\ansicpg1250\deff0{\fonttbl{\f0\fswiss\fcharset238 Arial;}}{\colortbl;\red0\green0\blue0;}"
           r"{\info{\title Zadost}{\author Jana Nov\'e1kov\'e1}}{\*\generator Msftedit;}"
           r"\pard\f0 " + body + r"Unicode: \uc1\u345?\u283?\u367?\u382? konec\par}")
    r = extract(rtf.encode("ascii"), "application/rtf", "zadost.rtf")
    assert r.file_format == "rtf" and r.extraction_status == "ok"
    assert "Žádost o povolení k odběru podzemních vod" in r.text
    assert "Příjmení: Dvořák\t1" in r.text
    assert "řěůž konec" in r.text
    assert "Arial" not in r.text and "Msftedit" not in r.text
    assert r.title == "Žádost o povolení k odběru podzemních vod"
    assert r.author == "Jana Nováková"


def test_rtf_font_charset_overrides_ansicpg():
    text, _ = rtf_to_text(rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f1\fcharset238 Arial;}}\f1 P\'f8\'edklad\par}")
    assert text.strip() == "Příklad"


def test_corpus_rtf():
    for path, label in corpus_files({"rtf"}):
        r = extract(path.read_bytes(), None, path.name)
        assert r.extraction_status == "ok"
        assert "Žadatel" in r.text and "vodoprávního" in r.text or "Žadatel" in r.text
        assert "\ufffd" not in r.text
