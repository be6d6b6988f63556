"""One spider class per source kind (core.sources.SOURCE_KINDS), all `SiteSpider`s, all in one crawl process.

Sites (municipal, regional, national) share the whole crawling logic; separate classes give each kind its own
crawler, stats and log name. A kind gets its own code only where its responses differ: a notice-board feed is
read for the attachments it lists, a dataset file is fetched as it is and never followed.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from spiders.base import SiteSpider, page_tree
from spiders.middlewares import same_site
from transforms.good_practice import is_practice_url
from transforms.rd_listing import is_project_url
from transforms.strategy_registry import is_detail_url as is_registry_detail


class MunicipalSiteSpider(SiteSpider):
    name = "municipal_site"


class RegionalSiteSpider(SiteSpider):
    name = "regional_site"


class NationalSiteSpider(SiteSpider):
    name = "national_site"


class NoticeBoardFeedSpider(SiteSpider):
    """A notice board published as open data (OFN Úřední desky, and the feeds that deviate from it), given as its
    own source: its start URL is the feed, stored as fetched (kind `feed`, read into the warehouse by
    pipelines.notice_boards); every attachment it lists is fetched as a document (SiteSpider._feed_attachments).
    A municipal site's own feed is found from its pages by any site spider."""

    name = "notice_board_feed"

    def content_kind(self, meta: dict, is_html: bool, family, url: str) -> str:
        return "document" if meta.get("expect_document") else "feed"


class DatasetSpider(SiteSpider):
    """Open-data files (the IS VaVaI CEP export): each start URL is one file, fetched conditionally and stored as
    it is (kind `dataset`, read by pipelines.rd_projects), never followed; its size limit is the dataset one."""

    name = "rd_dataset"
    max_size_setting, timeout_setting = "SMARTHARVEST_DATASET_MAXSIZE", "SMARTHARVEST_DATASET_TIMEOUT"

    def content_kind(self, meta: dict, is_html: bool, family, url: str) -> str:
        return "dataset"

    def links_of(self, response, st, family, depth: int, kind: str, is_html: bool):
        return iter(())


class RecordPortalSpider(SiteSpider):
    """A portal of records: its listings are followed like any site's pages, its record (detail) pages are kept as
    kind `record` for pipelines to read their fields, and a record's links to other hosts (the full text on a
    municipality's site) are fetched as documents: the portal lists them, so their hosts are allowed."""

    is_record = staticmethod(lambda url: False)
    record_links_are_documents = True  # a registry record links the full text it describes

    def content_kind(self, meta: dict, is_html: bool, family, url: str) -> str:
        if is_html and not meta.get("expect_document") and self.is_record(url):
            return "record"
        return super().content_kind(meta, is_html, family, url)

    def links_of(self, response, st, family, depth: int, kind: str, is_html: bool):
        if not is_html:
            return
        if kind == "record" and self.record_links_are_documents:  # first: _follow would mark them seen and drop them
            tree = page_tree(response)  # parsed once for both
            yield from self._record_links(response, tree, st, depth)
            yield from self._follow(response, st, family, depth, tree)
            return
        yield from self._follow(response, st, family, depth)

    def _record_links(self, response, tree, st, depth: int):
        for a in tree.css("a[href]"):
            url = response.urljoin(a.attrib["href"].strip()).split("#", 1)[0]
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc or same_site(parts.netloc, st.source.netloc):
                continue
            title = " ".join(a.css("::text").getall()).strip() or None
            try:
                req = self._request(st, url, depth=depth + 1, document=True, link_text=title, referer=response.url,
                                    allow_host=True)
            except ValueError as exc:
                yield self._malformed(st, url, exc, depth=depth + 1, referer=response.url, link_text=title,
                                      link_context=None)
                continue
            if req is not None:
                yield req


class StrategyRegistrySpider(RecordPortalSpider):
    """The Databáze strategií (records `/cz/<gestor>/strategie/<slug>?typ=detail`)."""

    name = "strategy_registry"
    is_record = staticmethod(is_registry_detail)


class GoodPracticeCatalogueSpider(RecordPortalSpider):
    """A catalogue of good practice (records: one page per practice)."""

    name = "good_practice_catalogue"
    is_record = staticmethod(is_practice_url)


class ProjectListingSpider(RecordPortalSpider):
    """A portal listing R&D projects (STARFOS: records `/cs/projekty/<kód>`), a second route to the CEP's projects
    and the only one to those newer than its export."""

    name = "rd_project_listing"
    is_record = staticmethod(is_project_url)
    record_links_are_documents = False  # its off-site links are recipients' websites, not documents


SPIDER_BY_KIND: dict[str, type[SiteSpider]] = {
    cls.name: cls for cls in (MunicipalSiteSpider, RegionalSiteSpider, NationalSiteSpider, NoticeBoardFeedSpider,
                              DatasetSpider, StrategyRegistrySpider, GoodPracticeCatalogueSpider,
                              ProjectListingSpider)
}
