"""Antee (IPO CMS): `e_download.php?file=data/...&original={name}` attachments."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from spiders.cms.generic import DOCUMENT_EXTENSIONS, SKIP_EXTENSIONS, Family

_E_DOWNLOAD = re.compile(r"/e_download\.php\?", re.I)


def _param_ext(url: str) -> str | None:
    """Extension of the `original=` (else `file=`) parameter of an e_download.php link."""
    qs = parse_qs(urlsplit(url).query)
    for key in ("original", "file"):
        for value in qs.get(key, []):
            if "." in value:
                return value.rsplit(".", 1)[-1].lower()
    return None


class Antee(Family):
    name = "antee"
    fingerprints = (
        (re.compile(r"e_download\.php", re.I), 3),
        (re.compile(r"Redakční systém IPO|Redakcni system IPO", re.I), 3),
        (re.compile(r"cdn\.antee\.cz", re.I), 3),
        (re.compile(r"\bantee\b", re.I), 1),
    )
    skip_patterns = (
        re.compile(r"/admin/", re.I),
        re.compile(r"[?&](?:print|tisk)=", re.I),
    )

    def is_document_link(self, url: str) -> bool:
        if _E_DOWNLOAD.search(url):
            ext = _param_ext(url)
            return ext is None or ext in DOCUMENT_EXTENSIONS or ext not in SKIP_EXTENSIONS
        return super().is_document_link(url)

    def skip(self, url: str) -> bool:
        if _E_DOWNLOAD.search(url) and _param_ext(url) in SKIP_EXTENSIONS:
            return True  # photo galleries served through e_download.php
        return super().skip(url)
