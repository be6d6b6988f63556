"""The generic CMS family and the base class every family builds on.

A family answers four questions about a URL or link on one of its sites:
- is it a document link (an attachment to fetch and keep)?
- is it an HTML document page (a page that *is* a document, e.g. Vismo `/d-{id}`)?
- should it be skipped (login, print, search, feeds, images, non-HTTP schemes)?
- what is the text around a link (its list item, table row or heading)?

Subclasses add their own patterns; the generic file-extension rules apply to every family.
Patterns are precompiled and matched on the absolute URL (cheap: see "Scrapy CPU per page").
"""
from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

# File extensions of documents we keep, wherever they are linked.
DOCUMENT_EXTENSIONS = ("pdf", "docx", "doc", "rtf", "odt", "xls", "xlsx", "ods", "pptx", "ppt")
# Links never worth a request: images, media, styles, scripts, archives of web assets.
SKIP_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff", "heic",
                   "mp3", "mp4", "avi", "mov", "wmv", "webm", "ogg", "wav", "flv", "m4v",
                   "css", "js", "woff", "woff2", "ttf", "eot", "ics", "vcs", "exe", "dmg", "iso")
NON_HTTP_PREFIXES = ("mailto:", "tel:", "javascript:", "data:", "callto:", "sms:", "skype:", "ftp:", "file:",
                     "news:", "webcal:", "whatsapp:", "viber:", "geo:", "fax:")

_LAST_EXT = re.compile(r"\.([a-z0-9]{1,5})$")
_DOC_EXT = frozenset(DOCUMENT_EXTENSIONS)
_SKIP_EXT = frozenset(SKIP_EXTENSIONS)

# Print views, search, login, RSS/Atom feeds, calendar exports, sharing, sort/view toggles.
GENERIC_SKIP = re.compile(
    r"(?:[?&](?:print|tisk|printable|format=print|action=print|share|sort|order|lang=)\b"
    r"|/(?:print|tisk|tiskni|login|logout|prihlaseni|odhlaseni|signin|sign-in|register|registrace)(?:[/?.]|$)"
    r"|[?&](?:q|search|hledat|hledej|query|fulltext|searchword)="
    r"|/(?:search|hledat|hledani|vyhledavani|fulltext)(?:[/?.]|$)"
    r"|/(?:rss|atom|feed)(?:[/?.]|$)|[?&](?:rss|feed)\b|\.rss$|\.atom$"
    r"|[?&](?:ical|icalendar|vcal|export=ics|format=ics|export=ical)\b|/ical(?:[/?]|$)"
    r"|/cgi-bin/|/captcha)",
    re.I,
)

_SPACE = re.compile(r"\s+")
CONTEXT_TAGS = frozenset({"li", "dt", "dd", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption"})
HEADING_XPATH = "preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6][1]"
MAX_CONTEXT = 400


def element_text(el) -> str:
    """Text of an element with its parts separated (`<br>`, cells), unlike lxml's text_content()."""
    return " ".join(el.itertext())


def clean_text(text: str | None, limit: int = MAX_CONTEXT) -> str:
    text = _SPACE.sub(" ", text or "").strip()
    return text[:limit]


def url_extension(url: str) -> str | None:
    """Lower-case extension of the URL's last path segment (None when there is none)."""
    path = urlsplit(url).path
    m = _LAST_EXT.search(unquote(path).lower())
    return m.group(1) if m else None


def has_document_extension(url: str) -> bool:
    return url_extension(url) in _DOC_EXT


def has_skip_extension(url: str) -> bool:
    return url_extension(url) in _SKIP_EXT


class Family:
    """Generic rules; subclasses set `name`, `fingerprints` and their own patterns."""

    name = "generic"
    # (regex over the HTML, weight); the registry sums the weights of matches to pick a family.
    fingerprints: tuple[tuple[re.Pattern, int], ...] = ()
    # Response-header fingerprints: (header name, regex over its value, weight).
    header_fingerprints: tuple[tuple[str, re.Pattern, int], ...] = ()
    document_link_patterns: tuple[re.Pattern, ...] = ()
    document_page_patterns: tuple[re.Pattern, ...] = ()
    skip_patterns: tuple[re.Pattern, ...] = ()

    # --- detection -------------------------------------------------------------------------
    @classmethod
    def score(cls, html: str, headers: dict[str, str] | None = None) -> int:
        total = sum(weight for rx, weight in cls.fingerprints if rx.search(html))
        for name, rx, weight in cls.header_fingerprints:
            value = (headers or {}).get(name.lower())
            if value and rx.search(value):
                total += weight
        return total

    # --- URL classes -------------------------------------------------------------------------
    def is_document_link(self, url: str) -> bool:
        if any(rx.search(url) for rx in self.document_link_patterns):
            return True
        return has_document_extension(url)

    def is_document_page(self, url: str) -> bool:
        return any(rx.search(url) for rx in self.document_page_patterns)

    def skip(self, url: str) -> bool:
        """True for links not worth a request. Expects an absolute URL (or a raw href for schemes)."""
        if url[:12].lower().startswith(NON_HTTP_PREFIXES):
            return True
        if has_skip_extension(url):
            return True
        if any(rx.search(url) for rx in self.skip_patterns):
            return True
        if self.is_document_link(url):
            return False  # "/print/x.pdf" style false positives of GENERIC_SKIP stay documents
        return bool(GENERIC_SKIP.search(url))

    # --- link text and context ---------------------------------------------------------------
    def link_text(self, a) -> str:
        text = clean_text(element_text(a))
        if not text:
            text = clean_text(a.get("title") or a.get("aria-label") or "")
        if not text:
            for img in a.iter("img"):
                text = clean_text(img.get("alt") or img.get("title") or "")
                if text:
                    break
        return text

    def link_context(self, a) -> str:
        """Text of the enclosing list item / row / heading, else the nearest preceding heading."""
        node = a.getparent()
        hops = 0
        while node is not None and hops < 8:
            tag = node.tag if isinstance(node.tag, str) else ""
            if tag.lower() in CONTEXT_TAGS:
                return clean_text(element_text(node))
            if self.is_context_container(node):
                return clean_text(element_text(node))
            node = node.getparent()
            hops += 1
        try:
            heading = a.xpath(HEADING_XPATH)
        except Exception:  # pragma: no cover - odd trees
            heading = []
        return clean_text(element_text(heading[0])) if heading else ""

    def is_context_container(self, node) -> bool:
        """Family-specific containers that hold one item (e.g. Vismo `div.dok` entries)."""
        return False

    def __repr__(self) -> str:
        return f"<cms family {self.name}>"


class Generic(Family):
    """Any other site: Drupal `/sites/default/files/`, Plone `/file.pdf/download`, plain file links."""

    name = "generic"
    document_link_patterns = (
        re.compile(r"/sites/default/files/.+\.[a-z0-9]{2,5}(?:\?|$)", re.I),
        re.compile(r"\.(?:pdf|docx?|rtf|odt|xlsx?|ods)/(?:download|@@download)", re.I),
    )
