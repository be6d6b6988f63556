"""AS4U: /redakce/index.php?clanek={n}&slozka={m} pages, files /filemanager/files/{N}.pdf."""
from __future__ import annotations

from ..model import Doc, News, Page, Site
from .base import Scheme


class As4u(Scheme):
    family = "as4u"
    generator = "AS4U"

    def section_url(self, site: Site, key: str, page_no: int = 1) -> str:
        if key == "uvod":
            return "/"
        sid = site.section_ids[key] % 10000
        url = f"/redakce/index.php?clanek={sid + 1}&slozka={sid}"
        return url if page_no == 1 else f"{url}&stranka={page_no}"

    def file_url(self, site: Site, doc: Doc) -> str:
        return f"/filemanager/files/{site.id_base // 10 + doc.num}.{doc.fmt}"

    def news_url(self, site: Site, news: News) -> str:
        sid = site.section_ids["aktuality"] % 10000
        return f"/redakce/index.php?clanek={sid + 100 + news.num}&slozka={sid}"

    def redirect_url(self, site: Site, doc: Doc) -> str:
        """A download counter that redirects to the file."""
        return f"/download.php?id={site.id_base // 10 + doc.num}"

    def head(self, site: Site, page: Page) -> str:
        return f'<meta name="generator" content="{self.generator}">\n<link rel="stylesheet" href="/redakce/styly/as4u.css">'

    def footer(self, site: Site) -> str:
        return '<p class="as4u">Vytvořeno systémem AS4U – redakční systém pro obce</p>'
