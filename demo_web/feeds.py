"""Notice boards as open data on the demo web's municipal sites: some sites publish their úřední deska also as an
OFN Úřední desky feed (JSON-LD, the shape of ../shared/domain/ofn/příklady_*.jsonld), linked from the notice board's
first page, the way municipalities link their feeds.

`choose(web)` picks FEED_SHARE of the municipal sites (deterministic for the seed; not one that forbids all crawling
or is down); `feed_documents(site)` are the documents the feed lists (every served document of the notice board);
`render_feed(site)` is its body. The manifest marks each listed document `in_feed` and each site its `feed_url`.
"""
from __future__ import annotations

import json
import random
from datetime import date, timedelta

from .model import Doc, Site, Web

FEED_PATH = "/opendata/uredni-deska.jsonld"  # linked from the notice board as model.FEED_LINK_TEXT
FEED_SHARE = 0.35
CONTEXT = "https://ofn.gov.cz/úřední-desky/2021-07-20/kontexty/úřední-deska.jsonld"
HANGS_DAYS = 15  # a notice hangs at least 15 days (zákon 500/2004 Sb., § 25)


def choose(web: Web) -> None:
    """Give FEED_SHARE of the municipal sites a feed (site.feed_path)."""
    for s in web.sites:
        if s.kind == "municipal_site" and s.robots != "disallow_all" and not s.down:
            if random.Random(f"{web.seed}:{s.site_id}:feed").random() < FEED_SHARE:
                s.feed_path = FEED_PATH


def in_feed(site: Site, d: Doc) -> bool:
    """The feed lists every served document of the notice board."""
    return bool(site.feed_path) and d.section == "uredni_deska" and d.status == 200


def feed_documents(site: Site) -> list[Doc]:
    return [d for d in site.docs_in("uredni_deska") if in_feed(site, d)]


def render_feed(site: Site) -> bytes:
    items = []
    for d in feed_documents(site):
        posted = date.fromisoformat(d.spec.published)
        url = site.base_url + d.url
        items.append({
            "typ": ["Digitální objekt", "Informace na úřední desce"],
            "iri": f"{site.base_url}/zdroj/uredni-deska/informace/{d.num}",
            "url": site.base_url + (d.detail or d.target or d.url),
            "název": {"cs": d.spec.title},
            "vyvěšení": {"typ": "Časový okamžik", "datum": posted.isoformat()},
            "relevantní_do": {"typ": "Časový okamžik", "datum": (posted + timedelta(days=HANGS_DAYS)).isoformat()},
            "dokument": [{"typ": "Digitální objekt", "název": {"cs": d.spec.title}, "url": url}],
        })
    feed = {"@context": CONTEXT, "typ": "Úřední deska", "iri": f"{site.base_url}/zdroj/uredni-deska",
            "stránka": site.base_url + site.menu_urls.get("uredni_deska", "/"),
            "provozovatel": {"typ": "Osoba", "ičo": site.municipality.ico or None if site.municipality else None},
            "informace": items}
    return json.dumps(feed, ensure_ascii=False, indent=1).encode("utf-8")
