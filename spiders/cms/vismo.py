"""Vismo (WEBHOUSE): `/assets/File.ashx?id_org=&id_dokumenty=` attachments, `/d-{id}` document pages."""
from __future__ import annotations

import re

from spiders.cms.generic import Family


class Vismo(Family):
    name = "vismo"
    fingerprints = (
        (re.compile(r"/assets/File\.ashx", re.I), 3),
        (re.compile(r"VismoOnline_ActionScripts", re.I), 3),
        (re.compile(r"""id=["']?hlobsah""", re.I), 3),
        (re.compile(r"WEBHOUSE", re.I), 2),
        (re.compile(r"\bvismo\b", re.I), 2),
        (re.compile(r"/assets/Image\.ashx", re.I), 1),
    )
    document_link_patterns = (
        re.compile(r"/File\.ashx\?.*\bid_dokumenty=", re.I),
        re.compile(r"/(?:assets|VismoOnline_ActionScripts)/File\.ashx\?", re.I),
        re.compile(r"/file/\d+/?(?:\?|$)", re.I),  # modern Vismo global-attachment links, no extension
    )
    document_page_patterns = (
        re.compile(r"/d-\d+(?=[/?#]|$)", re.I),
        re.compile(r"/vismo/dokumenty2\.asp\?.*\bid=\d+", re.I),
    )
    skip_patterns = (
        re.compile(r"/aa/login", re.I),
        re.compile(r"formulare2\.asp", re.I),
        re.compile(r"[?&/]xvvolba1=", re.I),
        re.compile(r"/Image\.ashx", re.I),
        re.compile(r"/vismo/(?:fulltext|hledani|search|tisk|print)", re.I),
        re.compile(r"[?&/](?:tisk|print)=", re.I),
        re.compile(r"/rss/", re.I),
        re.compile(r"/(?:aa|admin|redakce)/?(?:[?#]|$)", re.I),
    )

    def is_context_container(self, node) -> bool:
        # `div.dok` / `ul.dok li.u` hold one document entry each (title, date, description).
        cls = node.get("class") or ""
        return node.tag in ("div", "p") and ("dok" in cls.split() or "u" in cls.split())
