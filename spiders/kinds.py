"""One spider class per source kind (core.sources.SOURCE_KINDS), all `SiteSpider`s.

They share the whole crawling logic; separate classes give each kind its own crawler, stats and
log name, and a place for kind-specific tuning later (e.g. national sites are larger).
"""
from __future__ import annotations

from spiders.base import SiteSpider


class MunicipalSiteSpider(SiteSpider):
    name = "municipal_site"


class RegionalSiteSpider(SiteSpider):
    name = "regional_site"


class NationalSiteSpider(SiteSpider):
    name = "national_site"


SPIDER_BY_KIND: dict[str, type[SiteSpider]] = {
    cls.name: cls for cls in (MunicipalSiteSpider, RegionalSiteSpider, NationalSiteSpider)
}
