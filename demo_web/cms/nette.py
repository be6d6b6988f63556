"""Nette-based CMS: pretty paths, ?paginator-page=N, downloads through a signal
?do=filesRenderer-download&filesRenderer-objectId={id} (no extension)."""
from __future__ import annotations

from ..model import Doc, News, Page, Site, slugify
from .base import Scheme

PATHS = {"uvod": "/", "urad": "/urad", "uredni_deska": "/urad/uredni-deska", "dokumenty": "/urad/dokumenty",
         "strategie": "/urad/strategicke-dokumenty", "ke_stazeni": "/ke-stazeni", "aktuality": "/aktuality",
         "kalendar": "/kalendar-akci", "kontakt": "/kontakt"}


class Nette(Scheme):
    family = "nette"
    disposition_files = True

    def section_url(self, site: Site, key: str, page_no: int = 1) -> str:
        path = PATHS[key]
        return path if page_no == 1 else f"{path}?paginator-page={page_no}"

    def file_url(self, site: Site, doc: Doc) -> str:
        return (f"{PATHS[doc.section]}?do=filesRenderer-download"
                f"&filesRenderer-objectId={site.id_base // 10 + doc.num}")

    def news_url(self, site: Site, news: News) -> str:
        return f"/aktuality/{slugify(news.title, 50)}-{news.num}"

    def head(self, site: Site, page: Page) -> str:
        return '<meta name="generator" content="Nette Framework">\n<link rel="stylesheet" href="/css/web.css">'

    def footer(self, site: Site) -> str:
        return '<p class="powered">Běží na Nette Framework</p>'
