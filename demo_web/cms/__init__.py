"""CMS families: each knows its real URL habits and HTML skin (see CMS_AND_FEEDS.md)."""
from __future__ import annotations

from functools import lru_cache

from .base import Scheme


@lru_cache(maxsize=None)
def scheme_for(family: str) -> Scheme:
    from .as4u import As4u
    from .antee import Antee
    from .nette import Nette
    from .vismo import Vismo
    from .wordpress import WordPress

    classes = {c.family: c for c in (Vismo, Antee, WordPress, As4u, Nette)}
    return classes[family]()
