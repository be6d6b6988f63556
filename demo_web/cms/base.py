"""Shared CMS machinery: URL assignment for a site and a page skeleton the families decorate.

A family subclass supplies its URL shapes (section_url, file_url, detail_url, news_url,
redirect_url) and its fingerprints (head, footer, list markup). Rendering always emits
every href of model.page_links, so the manifest's link depths hold for the served HTML.
"""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Doc, News, Page, Site

MENU_SIZE = 9


def content_disposition(filename: str) -> str:
    """attachment; filename="ascii"; filename*=UTF-8''utf8 (RFC 6266), as IIS/PHP CMSs send it."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode().replace('"', "")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


class Scheme:
    family = "generic"
    generator = ""
    disposition_files = False  # True when file URLs carry no extension and rely on Content-Disposition

    # ------------------------------------------------------------ URLs
    def prepare(self, site: "Site") -> None:
        from ..model import SECTION_ORDER

        for i, key in enumerate(SECTION_ORDER):
            site.section_ids[key] = site.id_base // 10 + 37 * (i + 1)

    def section_url(self, site: "Site", key: str, page_no: int = 1) -> str:
        raise NotImplementedError

    def file_url(self, site: "Site", doc: "Doc") -> str:
        raise NotImplementedError

    def detail_url(self, site: "Site", doc: "Doc") -> str | None:
        return None

    def news_url(self, site: "Site", news: "News") -> str:
        raise NotImplementedError

    def redirect_url(self, site: "Site", doc: "Doc") -> str:
        return f"/stahnout/{doc.num}"

    def assign(self, site: "Site") -> None:
        """Give every document, news item and menu entry its URL on this family's site."""
        from ..documents import MIME
        from ..model import SECTION_ORDER

        self.prepare(site)
        site.menu_urls = {k: self.section_url(site, k, 1) for k in SECTION_ORDER}
        seen: set[str] = set()
        for d in site.docs:
            if d.trap == "robots_disallow_section":
                url = f"/interni/{d.filename}"
            else:
                url = self.file_url(site, d)
            while url in seen:  # two documents with the same file name
                stem, dot, ext = url.rpartition(".")
                url = f"{stem}-{d.num}.{ext}" if dot and "?" not in url else url + f"&v={d.num}"
            seen.add(url)
            d.url = d.serve = url
            d.detail = None if d.trap == "robots_disallow_section" else self.detail_url(site, d)
            d.content_type = MIME[d.fmt]
            d.disposition = self.disposition_files and d.fmt != "html"
            if d.mislabel:
                d.disposition = False
                d.content_type = "text/html; charset=utf-8" if d.fmt == "pdf" else "application/octet-stream"
            if d.redirect:
                d.url = self.redirect_url(site, d)
                site.redirects[d.url] = (d.redirect, d.serve, d.trap)
        for n in site.news:
            n.path = self.news_url(site, n)

    # ------------------------------------------------------------ HTML
    def head(self, site: "Site", page: "Page") -> str:
        gen = f'<meta name="generator" content="{escape(self.generator)}">' if self.generator else ""
        return gen

    def footer(self, site: "Site") -> str:
        return ""

    def list_item(self, site: "Site", href: str, title: str, date_cz: str, label: str, desc: str) -> str:
        return (f'<li><a href="{escape(href)}">{escape(title)}</a> <span class="date">{date_cz}</span>'
                f' <span class="size">{escape(label)}</span></li>')

    def list_block(self, items_html: list[str]) -> str:
        return '<ul class="documents">' + "".join(items_html) + "</ul>"

    def pager(self, links: list[tuple[str, str]], current: int) -> str:
        active = ' class="active"'
        parts = [f'<a href="{escape(h)}"{active if t == str(current) else ""}>{t}</a>' for h, t in links]
        return '<div class="pagination">Stránky: ' + " ".join(parts) + "</div>"

    def wrap_content(self, inner: str) -> str:
        return f'<main id="content">{inner}</main>'

    def menu(self, links: list[tuple[str, str]]) -> str:
        return '<nav id="menu"><ul class="menu">' + "".join(
            f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in links) + "</ul></nav>"

    def contact(self, site: "Site") -> str:
        from ..model import slugify

        slug = slugify(site.place_name, 30)
        return (f'<div id="kontakt"><address><strong>{escape(site.name)}</strong><br>{escape(site.office_name)}'
                f'<br>Tel.: <a href="tel:+420{site.org_id:04d}11222">+420 {site.org_id:04d} 11 222</a>'
                f'<br>E-mail: <a href="mailto:podatelna@{slug}.example">podatelna@{slug}.example</a>'
                f'</address><p><a href="javascript:window.print()">Vytisknout stránku</a> | '
                f'<a href="#top">Nahoru</a></p></div>')

    def document(self, site: "Site", page: "Page", body: str, links: list[tuple[str, str]],
                 charset: str = "utf-8") -> str:
        title = f"{page.title}: {site.name}" if page.kind != "home" else f"{site.name} - oficiální stránky"
        return (f'<!DOCTYPE html>\n<html lang="cs">\n<head>\n'
                f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
                f"<title>{escape(title)}</title>\n{self.head(site, page)}\n</head>\n<body>\n"
                f'<div id="top" class="hlava"><h1><a href="/">{escape(site.name)}</a></h1></div>\n'
                f"{self.menu(links[:MENU_SIZE])}\n{self.wrap_content(body)}\n"
                f'<footer>{self.contact(site)}{self.footer(site)}</footer>\n</body>\n</html>\n')
