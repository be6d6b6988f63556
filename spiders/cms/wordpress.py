"""WordPress: `/wp-content/uploads/YYYY/MM/...` attachments."""
from __future__ import annotations

import re

from spiders.cms.generic import Family, has_skip_extension


class WordPress(Family):
    name = "wordpress"
    fingerprints = (
        (re.compile(r"/wp-content/", re.I), 3),
        (re.compile(r"/wp-includes/", re.I), 2),
        (re.compile(r"""<meta[^>]+generator[^>]+WordPress""", re.I), 3),
        (re.compile(r"/wp-json/", re.I), 1),
    )
    header_fingerprints = (("link", re.compile(r"/wp-json/", re.I), 2),)
    document_link_patterns = (re.compile(r"/wp-content/uploads/", re.I),)
    skip_patterns = (
        re.compile(r"/wp-(?:admin|login\.php|json|cron\.php)", re.I),
        re.compile(r"/xmlrpc\.php", re.I),
        re.compile(r"[?&](?:replytocom|share|s|attachment_id)=", re.I),
        re.compile(r"/(?:comments/)?feed/?(?:[?#]|$)", re.I),
        re.compile(r"/embed/?(?:[?#]|$)", re.I),
    )

    def is_document_link(self, url: str) -> bool:
        if self.document_link_patterns[0].search(url):
            return not has_skip_extension(url)  # uploads also hold images
        return super().is_document_link(url)
