"""What each URL of a site answers: status, headers, body and delay.

Shared by the HTTP server and the manifest writer (sha256 of served bodies), so the
manifest describes exactly what the server sends.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from .cms.base import content_disposition
from .documents import render
from .feeds import render_feed
from .model import CALENDAR_START, Doc, Site, route_key
from .pages import render_calendar, render_page

FAMILY_HEADERS = {
    "vismo": {"Server": "Microsoft-IIS/10.0", "X-Powered-By": "ASP.NET"},
    "antee": {"Server": "Apache", "X-Powered-By": "PHP/7.4.33"},
    "wordpress": {"Server": "nginx", "Link": '</wp-json/>; rel="https://api.w.org/"'},
    "as4u": {"Server": "Apache", "X-Powered-By": "PHP/5.6.40"},
    "nette": {"Server": "nginx", "X-Powered-By": "Nette Framework 3"},
}
WEBHOUSE_ROBOTS = """# robots.txt pro weby provozované v redakčním systému vismo
User-agent: Googlebot
Disallow: /aa/
Disallow: /vismo/formulare2.asp

User-agent: SeznamBot
Disallow: /aa/

User-agent: Bingbot
Disallow: /aa/

User-agent: *
Disallow: /
"""


@dataclass
class Reply:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0


def robots_txt(site: Site) -> str:
    if site.robots == "disallow_all":
        return WEBHOUSE_ROBOTS
    lines = ["User-agent: *"]
    lines += {"vismo": ["Disallow: /aa/", "Disallow: /vismo/formulare2.asp"],
              "wordpress": ["Disallow: /wp-admin/", "Allow: /wp-admin/admin-ajax.php"],
              "antee": ["Disallow: /admin/"], "as4u": ["Disallow: /redakce/admin/"],
              "nette": ["Disallow: /admin/"]}.get(site.cms, [])
    if site.robots == "disallow_section":
        lines.append("Disallow: /interni/")
    return "\n".join(lines) + "\n"


def routes(site: Site) -> dict[str, tuple]:
    """route_key -> ("page", Page) | ("doc", Doc) | ("redirect", code, target) | ("status", code)."""
    if site._routes is not None:
        return site._routes
    table: dict[str, tuple] = {}
    for path, page in site.pages.items():
        table[route_key(path)] = ("page", page)
    for d in site.docs:
        if d.status == 200:
            if d.fmt != "html" or d.detail is not None or route_key(d.serve) not in table:
                table[route_key(d.serve)] = ("doc", d)
            if site.cms == "antee" and "file=" in d.serve:
                data = parse_qs(urlsplit(d.serve).query)["file"][0]
                table.setdefault(route_key("/" + data), ("doc", d))  # the `file` value is itself fetchable
        elif d.status >= 500:
            table[route_key(d.serve)] = ("status", d.status)
    for url, (code, target, _trap) in site.redirects.items():
        table[route_key(url)] = ("redirect", code, target)
    if site.feed_path:
        table[route_key(site.feed_path)] = ("feed",)
    site._routes = table
    return table


def doc_reply(site: Site, d: Doc) -> Reply:
    headers = {"Content-Type": d.content_type, "Last-Modified": _http_date(d.published)}
    if d.disposition:
        headers["Content-Disposition"] = content_disposition(d.original_name or d.filename)
    return Reply(200, headers, render(d.spec), d.delay)


def _http_date(iso: str) -> str:
    from datetime import date, datetime, timezone
    from email.utils import format_datetime

    d = date.fromisoformat(iso)
    return format_datetime(datetime(d.year, d.month, d.day, 8, 0, tzinfo=timezone.utc), usegmt=True)


def not_found(site: Site) -> Reply:
    body = ("<!DOCTYPE html><html lang=\"cs\"><head><meta charset=\"utf-8\"><title>Stránka nenalezena</title></head>"
            "<body><h1>404 – Stránka nenalezena</h1><p><a href=\"/\">Zpět na úvodní stránku</a></p></body></html>")
    return Reply(404, {"Content-Type": "text/html; charset=utf-8"}, body.encode())


def respond(site: Site, path_qs: str) -> Reply:
    """The reply for one request target (GET semantics; the server drops the body for HEAD)."""
    reply = _respond(site, path_qs)
    for k, v in FAMILY_HEADERS.get(site.cms, {}).items():
        reply.headers.setdefault(k, v)
    return reply


def _respond(site: Site, path_qs: str) -> Reply:
    parts = urlsplit(path_qs)
    if parts.path == "/robots.txt":
        return Reply(200, {"Content-Type": "text/plain; charset=utf-8"}, robots_txt(site).encode())
    if site.endless_calendar and parts.path == "/kalendar":
        q = parse_qs(parts.query)
        try:
            year = int(q.get("rok", [CALENDAR_START[0]])[0])
            month = int(q.get("mesic", [CALENDAR_START[1]])[0])
        except ValueError:
            return not_found(site)
        if not 1 <= month <= 12 or not 1 <= year <= 9999:
            return not_found(site)
        return Reply(200, {"Content-Type": "text/html; charset=utf-8"}, render_calendar(site, year, month))
    hit = routes(site).get(route_key(path_qs))
    if hit is None:
        return not_found(site)
    if hit[0] == "page":
        body, ctype = render_page(site, hit[1])
        return Reply(200, {"Content-Type": ctype}, body)
    if hit[0] == "doc":
        return doc_reply(site, hit[1])
    if hit[0] == "feed":
        return Reply(200, {"Content-Type": "application/ld+json"}, render_feed(site))
    if hit[0] == "redirect":
        return Reply(hit[1], {"Location": hit[2], "Content-Type": "text/html; charset=utf-8"},
                     f'<html><body>Přesunuto: <a href="{hit[2]}">{hit[2]}</a></body></html>'.encode())
    return Reply(hit[1], {"Content-Type": "text/html; charset=utf-8"},
                 b"<html><body><h1>500 - Internal server error.</h1>"
                 b"<p>There is a problem with the resource you are looking for.</p></body></html>")
