"""A crawled page's parsed tree goes as soon as its links are read, without waiting for a full garbage collection."""
from __future__ import annotations

import gc
import weakref

from scrapy.http import HtmlResponse

from spiders.base import page_tree

PAGE = b"<html><body>" + b"".join(b'<a href="/d/%d.pdf">Dokument %d</a>' % (i, i) for i in range(50)) + b"</body></html>"


def _page() -> HtmlResponse:
    return HtmlResponse(url="http://127.0.0.1:8000/uredni-deska", body=PAGE, encoding="utf-8")


def test_the_page_tree_is_freed_with_its_last_reference():
    was = gc.isenabled()
    gc.disable()
    try:
        response = _page()
        tree = page_tree(response)
        assert len(tree.css("a[href]")) == 50
        gone = weakref.ref(tree)
        del tree, response
        assert gone() is None
    finally:
        if was:
            gc.enable()


def test_scrapys_cached_selector_would_wait_for_the_collector():
    was = gc.isenabled()
    gc.disable()
    try:
        response = _page()
        gone = weakref.ref(response.selector)
        del response
        assert gone() is not None  # the cycle page_tree avoids
        gc.collect()
        assert gone() is None
    finally:
        if was:
            gc.enable()
