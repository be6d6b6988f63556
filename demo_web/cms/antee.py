"""Antee (IPO CMS): /obec/dokumenty/, notice details /uredni-deska/{slug}-{id}.html?kshow=, files
/e_download.php?file=data/editor/{N}cs_{n}.pdf&original={name}; footer "Redakční systém IPO"."""
from __future__ import annotations

from urllib.parse import quote

from ..model import Doc, News, Page, Site, slugify
from .base import Scheme

PATHS = {"uvod": "/", "uredni_deska": "/uredni-deska/", "dokumenty": "/obec/dokumenty/",
         "strategie": "/obec/strategicke-dokumenty/", "ke_stazeni": "/obec/ke-stazeni/",
         "aktuality": "/aktuality/", "kalendar": "/kalendar-akci/", "kontakt": "/kontakt/"}


class Antee(Scheme):
    family = "antee"
    disposition_files = True

    def section_url(self, site: Site, key: str, page_no: int = 1) -> str:
        path = f"/obec/{slugify(site.office_name)}/" if key == "urad" else PATHS[key]
        return path if page_no == 1 else f"{path}?strana={page_no}"

    def data_path(self, site: Site, doc: Doc) -> str:
        sec = site.section_ids[doc.section] % 1000
        if doc.section == "uredni_deska":
            return f"data/uredni_deska/obsah{sec}_{doc.num}.{doc.fmt}"
        return f"data/editor/{sec}cs_{doc.num}.{doc.fmt}"

    def file_url(self, site: Site, doc: Doc) -> str:
        return f"/e_download.php?file={self.data_path(site, doc)}&original={quote(doc.original_name or doc.filename)}"

    def detail_url(self, site: Site, doc: Doc) -> str | None:
        if doc.section != "uredni_deska":
            return None
        return f"/uredni-deska/{slugify(doc.spec.title, 50)}-{doc.num}.html?kshow={site.section_ids['uredni_deska'] % 1000}"

    def news_url(self, site: Site, news: News) -> str:
        return f"/aktuality/{slugify(news.title, 50)}-{news.num}.html"

    def redirect_url(self, site: Site, doc: Doc) -> str:
        return f"/e_download.php?id={doc.num}&redirect=1"

    def head(self, site: Site, page: Page) -> str:
        return ('<meta name="author" content="Antee s.r.o.">\n'
                '<script>window.ipoCdn = "https://cdn.antee.cz/"; /* jquery, ipo.js loaded from cdn.antee.cz */</script>')

    def footer(self, site: Site) -> str:
        return '<div id="ipocopyright"><p>Redakční systém IPO – © Antee s.r.o.</p></div>'
