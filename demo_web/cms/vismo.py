"""Vismo (WEBHOUSE): /{slug}/ds-{id} folders, /{slug}/d-{id} document pages, /{slug}/ms-{id} menus,
attachments /assets/File.ashx?id_org=&id_dokumenty= with no extension (Content-Disposition names them)."""
from __future__ import annotations

from html import escape

from ..model import LIST_SECTIONS, Doc, News, Page, Site, slugify
from .base import Scheme


class Vismo(Scheme):
    family = "vismo"
    generator = "vismo 5 (WEBHOUSE, s.r.o.)"
    disposition_files = True

    def _slug(self, site: Site, key: str) -> str:
        from ..model import SECTION_SLUGS, menu_title

        return slugify(menu_title(site, key)) if key == "urad" else SECTION_SLUGS[key]

    def section_url(self, site: Site, key: str, page_no: int = 1) -> str:
        if key == "uvod":
            return "/"
        sid = site.section_ids[key]
        if key in LIST_SECTIONS:
            base = f"/{self._slug(site, key)}/ds-{sid}"
            return base if page_no == 1 else f"{base}/archiv=0&stranka={page_no}"
        return f"/{self._slug(site, key)}/ms-{2100000000 + sid}"

    def _did(self, site: Site, doc: Doc) -> int:
        return site.id_base + doc.num * 7

    def detail_url(self, site: Site, doc: Doc) -> str | None:
        if doc.fmt == "html":
            return None
        return f"/{slugify(doc.spec.title, 60)}/d-{self._did(site, doc)}"

    def file_url(self, site: Site, doc: Doc) -> str:
        if doc.fmt == "html":
            return f"/{slugify(doc.spec.title, 60)}/d-{self._did(site, doc)}"
        return f"/assets/File.ashx?id_org={site.org_id}&id_dokumenty={self._did(site, doc) + 3}"

    def news_url(self, site: Site, news: News) -> str:
        return f"/{slugify(news.title, 60)}/d-{site.id_base + 500_000 + news.num * 7}"

    def redirect_url(self, site: Site, doc: Doc) -> str:
        return f"/vismo/dokumenty2.asp?id_org={site.org_id}&id={self._did(site, doc)}"

    def head(self, site: Site, page: Page) -> str:
        return (f'<meta name="generator" content="{self.generator}">\n'
                '<link rel="stylesheet" href="/aspinclude/vismoweb5/html/n_styly_5/css/zakladni.css" type="text/css">\n'
                "<!--(c) Všechna práva vyhrazena. Kód webové stránky je autorským dílem společnosti WEBHOUSE, "
                "s.r.o. podle platných zákonů.-->")

    def wrap_content(self, inner: str) -> str:
        return (f'<div class="obalcelek"><div id="hlobsah" class="celek centrovany"><div id="telo"><div id="stred">'
                f'<div class="obsah">{inner}</div></div></div></div></div>')

    def menu(self, links):
        return ('<div class="noprint menu1" id="navigace2"><h2 class="cist">Hlavní nabídka</h2><ul class="menu">'
                + "".join(f'<li id="p{i}"><div><a href="{escape(h)}">{escape(t)}</a></div></li>'
                          for i, (h, t) in enumerate(links, 1)) + "</ul></div>")

    def list_block(self, items_html: list[str]) -> str:
        return '<div class="dok"><ul class="ui">' + "".join(items_html) + '</ul><div class="sf">&nbsp;</div></div>'

    def list_item(self, site, href, title, date_cz, label, desc):
        d = date_cz.replace(" ", "")
        extra = f" {escape(label)}" if label else ""
        return (f'<li class="u"><strong><a href="{escape(href)}">{escape(title)}</a></strong> <span>({d})</span>'
                f'<div>{escape(desc)}{extra}</div><br class="sf"></li>')

    def footer(self, site: Site) -> str:
        return ('<div class="obalpata"><div class="pata centrovany"><p class="webmaster"><span class="partWebmaster">'
                'web &amp; design WEBHOUSE<span>&reg;</span></span>, <span class="partWebmaster1">redakční systém '
                'vismo<span>&reg;</span></span></p></div></div>')
