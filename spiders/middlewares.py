"""Downloader middleware: keep every request on its source's netloc (or a document host the sources file allows
for it); one download slot per netloc.

Runs before RobotsTxtMiddleware, so an off-site request (a link or a redirect target on another
host or port) is dropped without any traffic, robots.txt included, and logged as outcome=offsite.
It also keeps the text of each robots.txt it sees so a blocked source's reason can quote the rule.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.utils.httpobj import urlparse_cached


class OffsiteRequest(IgnoreRequest):
    """A request whose netloc is not its source's netloc (nor the www./non-www. variant)."""


def site_netlocs(netloc: str) -> frozenset[str]:
    n = netloc.lower()
    base = n[4:] if n.startswith("www.") else n
    return frozenset({base, "www." + base})


def same_site(netloc: str, home: str) -> bool:
    return netloc.lower() in site_netlocs(home)


class SourceNetlocMiddleware:
    def __init__(self, crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        netloc = urlparse_cached(request).netloc.lower()
        home = request.meta.get("source_netloc")
        if home is None and request.meta.get("redirect_urls"):
            # a request of Scrapy's own (robots.txt) that got redirected
            home = urlsplit(request.meta["redirect_urls"][0]).netloc.lower()
        if home is not None and not same_site(netloc, home) and netloc not in request.meta.get("document_hosts", ()):
            raise OffsiteRequest(f"off-site: {netloc} is not the source's netloc {home} (or its www. variant)")
        # host:port, so loopback sites on different ports (and robots.txt fetches) get their own slot
        request.meta.setdefault("download_slot", netloc)
        return None

    def process_response(self, request, response, spider=None):
        if request.meta.get("dont_obey_robotstxt") and urlparse_cached(request).path == "/robots.txt":
            run = getattr(self.crawler.spider, "run", None)
            if run is not None and response.status == 200:
                netloc = urlparse_cached(request).netloc.lower()
                run.robots[netloc] = (request.url, response.body[:200_000].decode("utf-8", "replace"))
        return response
