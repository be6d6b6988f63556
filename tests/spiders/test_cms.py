"""CMS family detection and URL rules on small HTML snippets."""
from __future__ import annotations

import lxml.html
import pytest
from scrapy.http import HtmlResponse

from spiders import cms

SNIPPETS = {
    "vismo": '<html><body><div id="hlobsah"><ul class="dok"><li><a href="/assets/File.ashx?id_org=1&amp;id_dokumenty=2">'
             "Zápis</a></li></ul></div></body></html>",
    "vismo_marker": '<html><head><meta name="generator" content="WEBHOUSE vismo"></head><body>x</body></html>',
    "antee": '<html><body><a href="/e_download.php?file=data/editor/12cs_1.pdf&amp;original=Rozpo%C4%8Det.pdf">R</a>'
             "<p>Redakční systém IPO</p></body></html>",
    "antee_cdn": '<html><head><script src="https://cdn.antee.cz/jquery.js"></script></head><body></body></html>',
    "wordpress": '<html><head><link rel="stylesheet" href="/wp-content/themes/x/style.css"></head><body></body></html>',
    "as4u": '<html><body><a href="/redakce/index.php?clanek=12&amp;slozka=3">Článek</a>'
            '<a href="/filemanager/files/123.pdf">PDF</a></body></html>',
    "nette": '<html><body><a href="/uredni-deska?do=filesRenderer-download&amp;filesRenderer-objectId=55">'
             "Vyhláška</a></body></html>",
    "generic": "<html><body><p>Obec</p><a href='/soubor.pdf'>PDF</a></body></html>",
}


@pytest.mark.parametrize("snippet,family", [
    ("vismo", "vismo"), ("vismo_marker", "vismo"), ("antee", "antee"), ("antee_cdn", "antee"),
    ("wordpress", "wordpress"), ("as4u", "as4u"), ("nette", "nette"), ("generic", "generic"),
])
def test_detect_html(snippet, family):
    assert cms.detect_html(SNIPPETS[snippet]).name == family


def test_detect_response_reads_headers_and_cp1250_text():
    body = '<html><head><meta charset="windows-1250"></head><body><p>Úřad</p></body></html>'.encode("cp1250")
    resp = HtmlResponse("http://127.0.0.1:1/", body=body,
                        headers={"Content-Type": "text/html; charset=windows-1250", "X-Powered-By": "Nette Framework 3"})
    assert cms.detect(resp).name == "nette"
    resp = HtmlResponse("http://127.0.0.1:1/", body=SNIPPETS["vismo"].encode(), headers={"Content-Type": "text/html"})
    assert cms.detect(resp).name == "vismo"


def test_a_lone_mention_is_not_a_fingerprint():
    assert cms.detect_html("<html><body>Článek o firmě Antee</body></html>").name == "generic"


B = "http://obec.example.cz"


@pytest.mark.parametrize("family,url", [
    ("vismo", f"{B}/assets/File.ashx?id_org=600001&id_dokumenty=12345"),
    ("vismo", f"{B}/VismoOnline_ActionScripts/File.ashx?id_org=1&id_dokumenty=2"),
    ("antee", f"{B}/e_download.php?file=data/uredni_deska/obsah12_3.pdf&original=Vyhl%C3%A1%C5%A1ka.pdf"),
    ("antee", f"{B}/e_download.php?file=data/editor/12cs_1.bin"),
    ("wordpress", f"{B}/wp-content/uploads/2024/03/strategie"),
    ("as4u", f"{B}/filemanager/files/123456.pdf"),
    ("nette", f"{B}/deska?do=filesRenderer-download&filesRenderer-objectId=77"),
    ("generic", f"{B}/dokumenty/plan.PDF"),
    ("generic", f"{B}/d/zapis.docx"), ("generic", f"{B}/d/zapis.doc"), ("generic", f"{B}/d/x.rtf"),
    ("generic", f"{B}/d/x.odt"), ("generic", f"{B}/d/x.xls"), ("generic", f"{B}/d/x.xlsx"),
    ("generic", f"{B}/d/R%C5%AFst.pdf?ver=2"),
    ("vismo", f"{B}/uredni-deska/plan.pdf"),  # generic extensions apply to every family
])
def test_document_links(family, url):
    fam = cms.get(family)
    assert fam.is_document_link(url)
    assert not fam.skip(url)


@pytest.mark.parametrize("family,url", [
    ("vismo", f"{B}/obec/ms-12/"), ("vismo", f"{B}/obec/d-1234"), ("wordpress", f"{B}/o-obci/"),
    ("generic", f"{B}/zpravy?page=2"), ("nette", f"{B}/deska?do=paginator-page&paginator-page=2"),
])
def test_pages_are_not_document_links(family, url):
    fam = cms.get(family)
    assert not fam.is_document_link(url)
    assert not fam.skip(url)


def test_vismo_document_pages():
    v = cms.get("vismo")
    assert v.is_document_page(f"{B}/mesto/d-4521")
    assert v.is_document_page(f"{B}/mesto/d-4521/p1=1234")
    assert not v.is_document_page(f"{B}/mesto/ds-4521")
    assert not v.is_document_page(f"{B}/mesto/dd-1")
    assert not cms.get("generic").is_document_page(f"{B}/mesto/d-4521")


@pytest.mark.parametrize("family,url", [
    ("vismo", f"{B}/aa/login"), ("vismo", f"{B}/vismo/formulare2.asp?id_org=1"),
    ("vismo", f"{B}/obec/ms-1/?xvvolba1=2"), ("vismo", f"{B}/assets/Image.ashx?id_org=1&id_obrazky=2"),
    ("vismo", f"{B}/rss/?12"),
    ("generic", "mailto:podatelna@obec.cz"), ("generic", "tel:+420123456789"), ("generic", "javascript:void(0)"),
    ("generic", f"{B}/img/foto.JPG"), ("generic", f"{B}/logo.png"), ("generic", f"{B}/clanek?print=1"),
    ("generic", f"{B}/hledani?q=strategie"), ("generic", f"{B}/kalendar?export=ics"), ("generic", f"{B}/akce.ics"),
    ("generic", f"{B}/prihlaseni"), ("generic", f"{B}/rss"),
    ("wordpress", f"{B}/wp-login.php"), ("wordpress", f"{B}/?s=strategie"), ("wordpress", f"{B}/feed/"),
    ("wordpress", f"{B}/wp-content/uploads/2024/01/foto.jpg"),
    ("antee", f"{B}/e_download.php?file=data/galerie/foto1.jpg&original=foto.jpg"),
    ("nette", f"{B}/?do=signIn"),
])
def test_skipped(family, url):
    assert cms.get(family).skip(url)


def _first_link(html: str):
    return next(lxml.html.fromstring(html).iter("a"))


def test_link_text_and_context():
    g = cms.get("generic")
    a = _first_link("<ul><li><b><a href='x.pdf'>Rozpočet\n 2024</a></b> (1.2.2024)<br>schválený</li></ul>")
    assert g.link_text(a) == "Rozpočet 2024"
    assert g.link_context(a) == "Rozpočet 2024 (1.2.2024) schválený"
    a = _first_link("<div><h3>Územní plán</h3><p>Text <a href='x.pdf'><img alt='Stáhnout PDF'></a></p></div>")
    assert g.link_text(a) == "Stáhnout PDF"
    assert g.link_context(a) == "Územní plán"
    a = _first_link("<p><a href='x.pdf' title='Zápis ze zastupitelstva'></a></p>")
    assert g.link_text(a) == "Zápis ze zastupitelstva" and g.link_context(a) == ""
    v = cms.get("vismo")
    a = _first_link("<div class='dok'><strong><a href='/d-1'>Vyhláška</a></strong> <span>Vyvěšeno 1.1.2024</span></div>")
    assert v.link_context(a) == "Vyhláška Vyvěšeno 1.1.2024"
