from transforms.extraction import extract

from .builders import make_odt


def test_odt_text_meta_and_table():
    r = extract(make_odt(["Obec Kněžice vyhlašuje výběrové řízení.", "Lhůta: 30 dnů."],
                         title="Výběrové řízení na opravu chodníků"), None, "vyzva.odt")
    assert r.file_format == "odt" and r.extraction_status == "ok"
    assert "Obec Kněžice vyhlašuje výběrové řízení." in r.text and "Položka\tCena" in r.text
    assert r.title == "Výběrové řízení na opravu chodníků" and r.author == "Petr Černý" and r.pages == 2


def test_odt_title_from_heading():
    r = extract(make_odt(["Text odstavce."], heading="Zápis ze zasedání zastupitelstva"), None, "zapis.odt")
    assert r.title == "Zápis ze zasedání zastupitelstva"
