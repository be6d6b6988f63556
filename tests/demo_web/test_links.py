"""The served link graph matches the manifest: a polite crawler's BFS over the rendered HTML
reaches every expected document within depth 4, and nothing links to the real internet."""
from __future__ import annotations

import re
from collections import deque
from html import unescape
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from demo_web.manifest import build_rows
from demo_web.routing import respond

HREF = re.compile(r'href="([^"]*)"')


def _crawl(site, max_depth: int = 5):
    """Breadth-first like Scrapy with DEPTH_LIMIT: returns {url: (depth, status, content_type)}."""
    rp = RobotFileParser()
    rp.parse(respond(site, "/robots.txt").body.decode().splitlines())
    base = site.base_url
    seen = {base + "/": 0}
    out = {}
    queue = deque([base + "/"])
    while queue:
        url = queue.popleft()
        depth = seen[url]
        if not rp.can_fetch("smartharvest", url):
            continue
        parts = urlsplit(url)
        reply = respond(site, parts.path + (f"?{parts.query}" if parts.query else ""))
        hops = 0
        while reply.status in (301, 302) and hops < 5:
            target = urljoin(url, reply.headers["Location"])
            if not rp.can_fetch("smartharvest", target):
                break
            out[url] = (depth, reply.status, None)
            url = target
            tp = urlsplit(url)
            reply = respond(site, tp.path + (f"?{tp.query}" if tp.query else ""))
            hops += 1
        ctype = reply.headers.get("Content-Type", "")
        out[url] = (depth, reply.status, ctype)
        if reply.status != 200 or not ctype.startswith("text/html") or depth >= max_depth:
            continue
        if reply.body.startswith(b"%PDF"):  # the PDF served as text/html
            continue
        html = reply.body.decode("cp1250" if "windows-1250" in ctype else "utf-8")
        for href in HREF.findall(html):
            link = urljoin(url, unescape(href)).split("#")[0]
            if urlsplit(link).netloc != urlsplit(base).netloc:
                continue
            if link not in seen:
                seen[link] = depth + 1
                queue.append(link)
    return out


def test_bfs_over_rendered_html_finds_every_expected_document(web8):
    rows = build_rows(web8, hashes=False)
    for site in web8.sites:
        if site.foreign:
            continue
        reached = _crawl(site)
        for r in rows:
            if r["site_id"] != site.site_id or not r["expect_in_document_urls"]:
                continue
            assert r["url"] in reached, r["url"]
            depth, status, _ = reached[r["url"]]
            assert depth <= 4 and depth == r["depth"], (r["url"], depth, r["depth"])
        if site.robots == "disallow_all":
            assert reached == {}


def test_no_links_to_real_hosts(web8):
    allowed_prefixes = ("/", "#", "mailto:", "tel:", "javascript:", "http://127.0.0.1:")
    for site in web8.sites:
        for page in site.pages.values():
            html = respond(site, page.path).body.decode("cp1250" if page.encoding == "cp1250" else "utf-8")
            for href in HREF.findall(html):
                assert unescape(href).startswith(allowed_prefixes), (site.site_id, page.path, href)
            for src in re.findall(r'src="([^"]*)"', html):
                assert src.startswith("/"), src


def test_cms_fingerprints_and_url_habits(web8):
    by_cms = {}
    for s in web8.municipal:
        by_cms.setdefault(s.cms, s)
    vismo = by_cms["vismo"]
    home = respond(vismo, "/").body.decode()
    assert 'name="generator" content="vismo' in home and "WEBHOUSE" in home and 'id="hlobsah"' in home
    assert any("/assets/File.ashx?id_org=" in d.url for d in vismo.docs)
    assert any(re.search(r"/d-\d+$", d.detail or "") for d in vismo.docs)
    lst = next(p for p in vismo.pages.values() if p.kind == "list" and p.items and p.section == "dokumenty")
    html = respond(vismo, lst.path).body.decode()
    assert '<div class="dok"><ul class="ui"><li class="u">' in html
    assert re.search(r"<span>\(\d{1,2}\.\d{1,2}\.\d{4}\)</span>", html)
    assert re.search(r"\[PDF, \d+ kB\]", html)
    antee = by_cms["antee"]
    assert "Redakční systém IPO" in respond(antee, "/").body.decode() and "cdn.antee.cz" in respond(antee, "/").body.decode()
    assert any(d.url.startswith("/e_download.php?file=data/editor/") and "&original=" in d.url for d in antee.docs)
    assert any(re.match(r"/uredni-deska/[a-z0-9-]+-\d+\.html\?kshow=", d.detail or "") for d in antee.docs)
    wp = by_cms["wordpress"]
    assert any(re.match(r"/wp-content/uploads/\d{4}/\d{2}/.+\.pdf$", d.url) for d in wp.docs)
    assert "WordPress" in respond(wp, "/").body.decode()
    assert any(re.match(r"/filemanager/files/\d+\.pdf$", d.url) for d in by_cms["as4u"].docs)
    assert any("?do=filesRenderer-download&filesRenderer-objectId=" in d.url for d in by_cms["nette"].docs)


def test_pagination_links_every_page_from_page_one(web40):
    for site in web40.municipal:
        for page in site.pages.values():
            if page.kind == "list" and page.page_no == 1 and page.page_count > 1:
                html = respond(site, page.path).body.decode("cp1250" if page.encoding == "cp1250" else "utf-8")
                others = [p for p in site.pages.values() if p.kind == "list" and p.section == page.section]
                assert len(others) == page.page_count
                for p in others:
                    assert f'href="{p.path.replace("&", "&amp;")}"' in html
                return
    raise AssertionError("no paginated list in the default web")


def test_endless_calendar_never_ends(web8):
    site = next(s for s in web8.municipal if s.endless_calendar)
    url = "/kalendar?rok=2025&mesic=9"
    for _ in range(30):
        html = respond(site, url).body.decode()
        nxt = re.findall(r'href="(/kalendar\?rok=\d+&amp;mesic=\d+)"', html)
        assert len(nxt) == 3  # menu entry, previous month, next month
        url = unescape(nxt[-1])
    assert url == "/kalendar?rok=2028&mesic=3"
