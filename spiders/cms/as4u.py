"""AS4U: `/redakce/index.php?clanek=...` pages, `/filemanager/files/{N}.pdf` attachments."""
from __future__ import annotations

import re

from spiders.cms.generic import Family, has_skip_extension


class AS4U(Family):
    name = "as4u"
    fingerprints = (
        (re.compile(r"/redakce/index\.php", re.I), 3),
        (re.compile(r"filemanager/files", re.I), 3),
        (re.compile(r"as4uOriginalDomain|-as4udetail-", re.I), 3),
        (re.compile(r"\bas4u\b", re.I), 1),
    )
    document_link_patterns = (re.compile(r"/filemanager/files/", re.I),)
    skip_patterns = (
        re.compile(r"/redakce/index\.php\?.*\b(?:xuser|login|logout|tisk|print)\b", re.I),
        re.compile(r"/admin/", re.I),
    )

    def is_document_link(self, url: str) -> bool:
        if self.document_link_patterns[0].search(url):
            return not has_skip_extension(url)
        return super().is_document_link(url)
