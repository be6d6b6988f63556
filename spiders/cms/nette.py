"""Nette-based CMS: `?do=filesRenderer-download&filesRenderer-objectId=` attachments."""
from __future__ import annotations

import re

from spiders.cms.generic import Family


class Nette(Family):
    name = "nette"
    fingerprints = (
        (re.compile(r"filesRenderer-download", re.I), 4),
        (re.compile(r"[?&]do=[A-Za-z]+-[A-Za-z]", re.I), 1),
    )
    header_fingerprints = (("x-powered-by", re.compile(r"Nette", re.I), 3),)
    document_link_patterns = (re.compile(r"[?&]do=filesRenderer-download\b", re.I),)
    skip_patterns = (
        # signals that change state or sign in; paginators (do=paginator-...) stay followable
        re.compile(r"[?&]do=(?:[A-Za-z]*-)?(?:login|logout|signIn|signOut|signUp|search|print|vote|like)\b", re.I),
    )
