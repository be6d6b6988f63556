"""`SiteSpider`: crawls whole sites (one or many sources), breadth-first, staying on each source's netloc.

Per source it remembers which URLs it already yielded (no duplicate requests reach the middlewares or
the scheduler), recognises the CMS family on the first HTML page and lets the family decide which
links are documents, which are document pages and which are skipped. Every fetch attempt -- response
or failure -- becomes one item for `spiders.storage.StoragePipeline`.
"""
from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

import parsel
import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import HtmlResponse, TextResponse
from scrapy.utils.response import get_base_url
from twisted.internet import error as txerror
from w3lib.url import canonicalize_url

from core import raw_store
from core.fetch_log import utc_now
from core.sources import Source
from spiders import cms
from spiders.middlewares import OffsiteRequest, same_site
from spiders.settings import MAX_PAGES
from spiders.state import CONDITIONAL
from spiders.storage import BODY
from transforms.notice_board import is_feed_link, parse_feed
from transforms.sniff import filename_from_disposition, sniff_format

URL_LENGTH_LIMIT = 2000  # UrlLengthMiddleware drops longer ones silently; we never yield them
CONNECTION_ERRORS = (DownloadConnectionRefusedError, CannotResolveHostError, DownloadFailedError,
                     ResponseDataLossError, txerror.ConnectError, txerror.ConnectionLost, txerror.DNSLookupError,
                     txerror.ConnectionRefusedError, txerror.ConnectionDone)


def classify_failure(failure) -> tuple[str, str]:
    """(outcome, error text) of a failed request."""
    exc = failure.value
    text = str(exc) or type(exc).__name__
    if isinstance(exc, OffsiteRequest):
        return "offsite", text
    if isinstance(exc, IgnoreRequest):
        if "robots.txt" in text:
            return "forbidden_by_robots", text
        if "max redirections" in text:
            return "redirect_loop", text
        return "error", text
    if isinstance(exc, (DownloadTimeoutError, txerror.TimeoutError)):
        return "timeout", text
    if isinstance(exc, DownloadCancelledError):
        return "too_large", text if str(exc) else "download cancelled: body larger than DOWNLOAD_MAXSIZE"
    if isinstance(exc, CONNECTION_ERRORS):
        return "connection_error", f"{type(exc).__name__}: {text}"
    return "error", f"{type(exc).__name__}: {text}"


def url_key(url: str) -> str:
    try:
        return canonicalize_url(url, keep_fragments=False)
    except Exception:  # pragma: no cover - malformed URLs
        return url


def _header(headers, name: bytes) -> str | None:
    value = headers.get(name)
    if value is None:
        return None
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)


def page_tree(response) -> parsel.Selector:
    """The parsed page, owned by the caller: `response.selector` keeps the tree in a reference cycle (response ->
    selector -> response) that only a full garbage collection frees, and full collections are rare (gc_pacing)."""
    return parsel.Selector(text=response.text)


class _Unsent(NamedTuple):
    """Stands for the request of a link that could not be made into one (for `_item`)."""
    url: str

class SiteSpider(scrapy.Spider):
    """Base spider; subclasses only set `name` (the source kind)."""

    name = "site"
    custom_settings: dict = {}
    stored_links_kinds: frozenset[str] = frozenset({"feed"})  # non-HTML kinds whose links are read again after a 304
    max_size_setting: str | None = None  # settings raising the download size and time limits for this kind's files
    timeout_setting: str | None = None

    def __init__(self, sources: list[Source] | None = None, run=None, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.sources: list[Source] = list(sources or [])
        self.run = run

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.max_pages = crawler.settings.getint(MAX_PAGES, 0)
        spider.depth_limit = crawler.settings.getint("DEPTH_LIMIT", 0)
        crawler.signals.connect(spider._on_closed, signal=scrapy.signals.spider_closed)
        return spider

    # --- requests --------------------------------------------------------------------------------
    async def start(self):
        for source in self.sources:
            st = self.run.states[source.source_id]
            st.started_at = utc_now()
            if source.cms:  # pinned in the sources file: never recognised from the page
                st.family = cms.BY_NAME.get(source.cms)
            try:
                req = self._request(st, source.start_url, depth=0, start=True)
            except ValueError as exc:  # the sources file is validated first; never let one source stop the rest
                st.start_outcome, st.start_error = "error", f"malformed_url: {exc}"[:300]
                self._maybe_done(st)
                continue
            if req is not None:
                yield req
            for url in source.extra_start_urls:
                try:
                    extra = self._request(st, url, depth=0)
                except ValueError:
                    continue
                if extra is not None:
                    yield extra

    def _request(self, st, url: str, *, depth: int, start: bool = False, document: bool = False,
                 link_text: str | None = None, link_context: str | None = None, referer: str | None = None,
                 feed: bool = False, allow_host: bool = False):
        """A request for `url` unless already yielded for this source or over the page limit; `allow_host`: its host
        may be fetched for this source (a feed or a portal record lists the file there)."""
        key = url_key(url)
        if key in st.seen:
            return None
        if not start and self.max_pages:
            yielded = st.yielded_documents if document else st.yielded_pages
            if yielded >= self.max_pages:
                st.page_limit_hit = True
                return None
        netloc = urlsplit(url).netloc.lower()
        known = self.run.known(url)
        request = scrapy.Request(  # raises ValueError for a URL it cannot send: counted only once it exists
            url,
            headers=known.conditional_headers() if known else None,
            callback=self.parse,
            errback=self.on_error,
            dont_filter=True,  # our `seen` set is the duplicate filter
            meta={
                "source_id": st.source.source_id,
                "source_netloc": st.source.netloc,
                "document_hosts": (*st.source.document_hosts, netloc) if allow_host else st.source.document_hosts,
                "download_slot": netloc,
                "depth": depth,
                "start": start,
                "expect_document": document,
                "expect_feed": feed,
                "link_text": link_text,
                "link_context": link_context,
                "referer_url": referer,
                "known": known,
            },
        )
        if self.max_size_setting:
            request.meta["download_maxsize"] = self.crawler.settings.getint(self.max_size_setting)
        if self.timeout_setting:
            request.meta["download_timeout"] = self.crawler.settings.getint(self.timeout_setting)
        st.seen.add(key)
        if document:
            st.yielded_documents += 1
        else:
            st.yielded_pages += 1
        st.inflight += 1
        return request

    def _malformed(self, st, url: str, error: Exception, *, depth: int, referer: str, link_text: str | None,
                   link_context: str | None) -> dict:
        """A fetch row for a link that cannot be requested at all (a port out of range or not a number, a broken
        IPv6 host): recorded with its reason, and the page's other links go on."""
        meta = {"depth": depth, "referer_url": referer, "link_text": link_text, "link_context": link_context}
        return self._item(_Unsent(url), meta, st, final_url=url, status=None, outcome="error",
                          error=f"malformed_url: {error}"[:300], kind="page")

    # --- responses -------------------------------------------------------------------------------
    def parse(self, response):
        meta = response.meta
        st = self.run.states[meta["source_id"]]
        st.inflight -= 1
        try:
            yield from self._handle_response(response, st, meta)
        finally:
            self._maybe_done(st)

    def _handle_response(self, response, st, meta):
        known = meta.get("known")
        if response.status == 304 and known is not None:
            yield from self._unchanged(response, st, meta, known)
            return
        body = response.body
        headers = response.headers
        content_type = _header(headers, b"Content-Type")
        disposition = _header(headers, b"Content-Disposition")
        filename = filename_from_disposition(disposition) or response.url
        fmt = sniff_format(body[:4096], content_type, filename)
        is_html = fmt == "html"
        if is_html and not isinstance(response, TextResponse):  # HTML served as octet-stream & co.
            response = response.replace(cls=HtmlResponse)
        status = response.status
        ok = 200 <= status < 300
        if is_html and ok and st.family is None:
            st.family = cms.detect(response)
        family = st.family or cms.GENERIC
        kind = self.content_kind(meta, is_html, family, response.url)
        outcome = "ok" if ok else "http_error"
        if meta.get("start"):
            st.start_outcome, st.start_status, st.start_url_final = outcome, status, response.url
        item = self._item(
            response.request, meta, st,
            final_url=response.url, status=status, outcome=outcome,
            error=None if ok else f"HTTP {status}",
            kind=kind, content_type=content_type, content_disposition=disposition,
            content_length=len(body), etag=_header(headers, b"ETag"),
            last_modified=_header(headers, b"Last-Modified"),
            body=body if status == 200 else None,
        )
        item[CONDITIONAL] = known is not None
        yield item
        if status == 200:
            yield from self.links_of(response, st, family, meta.get("depth", 0), kind, is_html)

    # --- what a kind of source fetches (the hooks its spider overrides) --------------------------
    def content_kind(self, meta: dict, is_html: bool, family, url: str) -> str:
        """fetches.kind of a response: a site's HTML is a page (a CMS's document page is a document), a notice
        board's open-data feed linked from it is a feed, anything else a document."""
        if meta.get("expect_feed") and not is_html:
            return "feed"
        return "document" if (not is_html or family.is_document_page(url)) else "page"

    def links_of(self, response, st, family, depth: int, kind: str, is_html: bool):
        """Requests for what a full (200) response links to: a site follows the links of its HTML pages and the
        attachments its notice-board feed lists."""
        if kind == "feed":
            yield from self._feed_attachments(response, st, depth)
        elif is_html:
            yield from self._follow(response, st, family, depth)

    def _feed_attachments(self, response, st, depth: int):
        """Every attachment a notice-board feed lists, as a document request; the publisher listed it, so its host is
        allowed whatever it is."""
        content_type = _header(response.headers, b"Content-Type")
        for record in parse_feed(response.body, content_type, response.url).records:
            for title, url in record.documents:
                host = urlsplit(url).netloc.lower()
                if urlsplit(url).scheme not in ("http", "https") or not host:
                    continue
                try:
                    req = self._request(st, url, depth=depth + 1, document=True, link_text=title or record.title,
                                        link_context=record.title, referer=response.url, allow_host=True)
                except ValueError as exc:
                    yield self._malformed(st, url, exc, depth=depth + 1, referer=response.url,
                                          link_text=title, link_context=record.title)
                    continue
                if req is not None:
                    yield req

    def _unchanged(self, response, st, meta, known):
        """A 304: the copy in the raw store is still what the URL serves. Recorded as an ok fetch of that copy
        (status 304, its sha256, nothing downloaded); a page's links are followed from the stored copy."""
        headers = response.headers
        if meta.get("start"):
            st.start_outcome, st.start_status, st.start_url_final = "ok", 304, response.url
        page = None
        path = raw_store.path_for(self.run.settings.raw_dir, known.sha256)
        try:
            with open(path, "rb") as fh:
                head = fh.read(4096)
                filename = filename_from_disposition(known.content_disposition) or response.url
                # an HTML page or document page: its links are followed as if it had been downloaded
                body = head + fh.read() if sniff_format(head, known.content_type, filename) == "html" else None
        except OSError:
            body = None
        if body is not None:
            page = HtmlResponse(url=response.url, body=body, request=response.request,
                                headers={"Content-Type": known.content_type or "text/html"})
            if st.family is None:
                st.family = cms.detect(page)
        yield self._item(
            response.request, meta, st, final_url=response.url, status=304, outcome="ok", error=None,
            kind=known.kind, content_type=known.content_type, content_disposition=known.content_disposition,
            content_length=None, etag=_header(headers, b"ETag") or known.etag,
            last_modified=_header(headers, b"Last-Modified") or known.last_modified, sha256=known.sha256,
        )
        if page is not None:
            yield from self.links_of(page, st, st.family or cms.GENERIC, meta.get("depth", 0), known.kind, True)
        elif known.kind in self.stored_links_kinds:
            try:
                stored = raw_store.path_for(self.run.settings.raw_dir, known.sha256).read_bytes()
            except OSError:
                return
            copy = scrapy.http.Response(url=response.url, body=stored, request=response.request,
                                        headers={"Content-Type": known.content_type or ""})
            yield from self.links_of(copy, st, st.family or cms.GENERIC, meta.get("depth", 0), known.kind, False)

    def _follow(self, response, st, family, depth: int, tree: parsel.Selector | None = None):
        if self.depth_limit and depth + 1 > self.depth_limit:
            return
        try:
            root = (tree if tree is not None else page_tree(response)).root
        except (AttributeError, ValueError):  # body Scrapy could not decode as text
            return
        if not hasattr(root, "iter"):
            return
        here = response.url
        base = get_base_url(response)
        b = urlsplit(base)
        origin = f"{b.scheme}://{b.netloc}"
        considered = st.considered  # absolute URLs already judged for this source: most links repeat
        for el in root.iter("a", "area", "frame", "iframe"):
            is_link = el.tag in ("a", "area")
            href = el.get("href") if is_link else el.get("src")
            if not href:
                continue
            href = href.strip()
            if not href or href[0] == "#":
                continue
            if href[0] == "/" and href[1:2] != "/" and "/." not in href and " " not in href:
                url = origin + href  # root-relative: the common case, without urljoin's cost
            else:
                try:
                    url = urljoin(base, href)
                except ValueError as exc:
                    if href not in considered:
                        considered.add(href)
                        yield self._malformed(st, href, exc, depth=depth + 1, referer=here,
                                              link_text=family.link_text(el) if is_link else None,
                                              link_context=family.link_context(el) if is_link else None)
                    continue
            url = url.split("#", 1)[0]
            if url in considered:
                continue
            considered.add(url)
            # a link's text and context only for a URL not judged before (most links of a page repeat the menu)
            link_text = family.link_text(el) if is_link else None
            link_context = family.link_context(el) if is_link else None
            try:
                parts = urlsplit(url)
                parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
            except ValueError as exc:
                yield self._malformed(st, url, exc, depth=depth + 1, referer=here, link_text=link_text,
                                      link_context=link_context)
                continue
            if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > URL_LENGTH_LIMIT:
                continue
            if family.skip(url):
                continue
            feed = is_feed_link(url, link_text or "")  # a notice board published as open data
            document = not feed and (family.is_document_link(url) or parts.netloc.lower() in st.source.document_hosts)
            if not same_site(parts.netloc, st.source.netloc) and not document:
                continue  # off-site pages are never requested; off-site document links go to the
                # middleware, which drops them and logs outcome=offsite (where the files are hosted)
            if url_key(url) in st.seen:
                continue
            if document:
                st.document_links += 1
            try:
                req = self._request(st, url, depth=depth + 1, document=document, link_text=link_text,
                                    link_context=link_context, referer=here, feed=feed)
            except ValueError as exc:
                yield self._malformed(st, url, exc, depth=depth + 1, referer=here, link_text=link_text,
                                      link_context=link_context)
                continue
            if req is not None:
                yield req

    # --- failures --------------------------------------------------------------------------------
    def on_error(self, failure):
        request = failure.request
        meta = request.meta
        st = self.run.states[meta["source_id"]]
        st.inflight -= 1
        try:
            outcome, error = classify_failure(failure)
            if meta.get("start"):
                st.start_outcome, st.start_error, st.start_url_final = outcome, error, request.url
            yield self._item(
                request, meta, st, final_url=request.url, status=None, outcome=outcome, error=error,
                kind="document" if meta.get("expect_document") else "feed" if meta.get("expect_feed") else "page",
            )
        finally:
            self._maybe_done(st)

    # --- items -----------------------------------------------------------------------------------
    def _item(self, request, meta, st, *, final_url, status, outcome, error, kind, content_type=None,
              content_disposition=None, content_length=None, etag=None, last_modified=None, body=None,
              sha256=None) -> dict:
        redirects = meta.get("redirect_urls") or []
        return {
            "crawl_id": self.run.crawl_id,
            "source_id": st.source.source_id,
            "url": redirects[0] if redirects else request.url,
            "final_url": final_url,
            "status": status,
            "outcome": outcome,
            "error": error,
            "kind": kind,
            "content_type": content_type,
            "content_disposition": content_disposition,
            "content_length": content_length,
            "etag": etag,
            "last_modified": last_modified,
            "referer": meta.get("referer_url"),
            "link_text": meta.get("link_text"),
            "link_context": meta.get("link_context"),
            "depth": meta.get("depth", 0),
            "cms": st.cms,
            "sha256": sha256,
            "fetched_at": utc_now(),
            BODY: body,
        }

    # --- source completion -----------------------------------------------------------------------
    def _maybe_done(self, st) -> None:
        if st.inflight <= 0 and st.finished_at is None:
            st.finished_at = utc_now()

    def _on_closed(self, spider, reason):
        if spider is not self:
            return
        self.run.close_reasons[self.name] = reason
        for source in self.sources:
            st = self.run.states[source.source_id]
            self.run.close_source(st, reason)
