"""CMS families of Czech public-sector sites and the registry that recognises them.

`detect(response)` looks at the first HTML page of a source (body fingerprints plus a few response
headers) and returns a family instance; `Generic` when nothing matches.
"""
from __future__ import annotations

from spiders.cms.antee import Antee
from spiders.cms.as4u import AS4U
from spiders.cms.generic import Family, Generic
from spiders.cms.nette import Nette
from spiders.cms.vismo import Vismo
from spiders.cms.wordpress import WordPress

# Order breaks ties: the more specific platforms first.
FAMILIES: tuple[type[Family], ...] = (Vismo, Antee, AS4U, Nette, WordPress)
BY_NAME: dict[str, Family] = {cls.name: cls() for cls in (*FAMILIES, Generic)}
GENERIC = BY_NAME["generic"]
MIN_SCORE = 2  # one weak marker (a word "vismo" in a news item) is not enough... unless it is a strong one


def detect_html(html: str, headers: dict[str, str] | None = None) -> Family:
    """Family for an HTML text (and optional lower-cased response headers)."""
    head = html[:300_000]
    best, best_score = GENERIC, 0
    for cls in FAMILIES:
        s = cls.score(head, headers)
        if s > best_score:
            best, best_score = BY_NAME[cls.name], s
    return best if best_score >= MIN_SCORE else GENERIC


def detect(response) -> Family:
    """Family of a Scrapy response (its text and headers)."""
    headers = {}
    for key in (b"X-Powered-By", b"Link", b"Server", b"X-Generator"):
        value = response.headers.get(key)
        if value:
            headers[key.decode().lower()] = value.decode("latin-1")
    try:
        text = response.text
    except (AttributeError, ValueError):
        text = response.body[:300_000].decode("utf-8", "replace")
    return detect_html(text, headers)


def get(name: str | None) -> Family:
    return BY_NAME.get(name or "generic", GENERIC)


__all__ = ["FAMILIES", "BY_NAME", "GENERIC", "Family", "detect", "detect_html", "get"]
