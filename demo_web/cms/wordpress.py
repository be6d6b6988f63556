"""WordPress: /dokumenty/ with /dokumenty/page/2/, files /wp-content/uploads/YYYY/MM/{name}.pdf
(an old upload path redirects to the re-uploaded file)."""
from __future__ import annotations

from ..model import SECTION_SLUGS, Doc, News, Page, Site, slugify
from .base import Scheme


class WordPress(Scheme):
    family = "wordpress"
    generator = "WordPress 6.4.3"

    def section_url(self, site: Site, key: str, page_no: int = 1) -> str:
        if key == "uvod":
            return "/"
        slug = slugify(site.office_name) if key == "urad" else SECTION_SLUGS[key]
        return f"/{slug}/" if page_no == 1 else f"/{slug}/page/{page_no}/"

    def file_url(self, site: Site, doc: Doc) -> str:
        y, m = doc.published[:4], doc.published[5:7]
        return f"/wp-content/uploads/{y}/{m}/{doc.filename}"

    def news_url(self, site: Site, news: News) -> str:
        y, m = news.published[:4], news.published[5:7]
        return f"/{y}/{m}/{slugify(news.title, 50)}-{news.num}/"

    def redirect_url(self, site: Site, doc: Doc) -> str:
        """The file's old upload path; a redirect plugin sends it to the re-uploaded copy."""
        y = int(doc.published[:4]) - 2
        return f"/wp-content/uploads/{y}/{doc.published[5:7]}/{doc.filename}"

    def head(self, site: Site, page: Page) -> str:
        return (f'<meta name="generator" content="{self.generator}">\n'
                "<link rel='stylesheet' id='obec-style-css' href='/wp-content/themes/obec/style.css?ver=6.4.3' media='all'>")

    def wrap_content(self, inner: str) -> str:
        return f'<main id="primary" class="site-main"><article class="page type-page entry-content">{inner}</article></main>'

    def footer(self, site: Site) -> str:
        return '<div class="site-info">Hrdě poháněno WordPressem</div>'
