"""A tiny loopback web for spider tests: fixture sites as raw bytes + headers, one port per site.

A site is a directory with `routes.json` mapping a path (with query) to
`{"file": NAME | "status": N | "headers": {...} | "generate": {...} | "chunked": true | "delay": s}`.
Bodies are served byte for byte (a windows-1250 page stays cp1250); the placeholders `{FOREIGN}` and
`{SELF}` in bodies and header values become the port numbers. Every request is recorded per port.
"""
from __future__ import annotations

import asyncio
import json
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

SITES_DIR = Path(__file__).parent / "sites"


def bound_socket() -> socket.socket:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    return s


def dead_port() -> int:
    """A port nothing listens on (bound, then closed)."""
    s = bound_socket()
    port = s.getsockname()[1]
    s.close()
    return port


@dataclass
class Route:
    status: int = 200
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    chunked: bool = False
    delay: float = 0.0


def load_site(name: str) -> dict[str, Route]:
    d = SITES_DIR / name
    spec = json.loads((d / "routes.json").read_text(encoding="utf-8"))
    routes = {}
    for path, r in spec.items():
        body = b""
        if "file" in r:
            body = (d / r["file"]).read_bytes()
        elif "generate" in r:
            g = r["generate"]
            body = b"%PDF-1.4\n%" + b"x" * g["pdf_bytes"] + b"\n%%EOF\n"
        routes[path] = Route(r.get("status", 200), dict(r.get("headers", {})), body, r.get("chunked", False),
                             r.get("delay", 0.0))
    return routes


class FixtureWeb:
    """Serves sites (name -> routes) on their own ports from a background thread."""

    def __init__(self, sites: dict[str, dict[str, Route]]) -> None:
        self.sites = sites
        self.socks = {name: bound_socket() for name in sites}
        self.ports = {name: s.getsockname()[1] for name, s in self.socks.items()}
        self.requests: dict[str, list[dict]] = {name: [] for name in sites}
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runners: list[web.AppRunner] = []

    def url(self, name: str, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.ports[name]}{path}"

    def paths(self, name: str) -> list[str]:
        return [r["path_qs"] for r in self.requests[name]]

    def _subst(self, data: bytes, name: str) -> bytes:
        if b"{" not in data:
            return data
        for key, port in (("FOREIGN", self.ports.get("foreign")), ("SELF", self.ports[name])):
            if port is not None:
                data = data.replace(b"{%s}" % key.encode(), str(port).encode())
        return data

    def _handler(self, name: str):
        routes = self.sites[name]

        async def handle(request: web.Request) -> web.StreamResponse:
            self.requests[name].append({"path_qs": request.path_qs, "user_agent": request.headers.get("User-Agent")})
            route = routes.get(request.path_qs) or routes.get(request.path)
            if route is None:
                return web.Response(status=404, body=b"<html><body>404</body></html>",
                                    headers={"Content-Type": "text/html"})
            if route.delay:
                await asyncio.sleep(route.delay)
            headers = {k: self._subst(v.encode(), name).decode() for k, v in route.headers.items()}
            body = self._subst(route.body, name)
            if route.chunked:
                resp = web.StreamResponse(status=route.status, headers=headers)
                resp.enable_chunked_encoding()
                await resp.prepare(request)
                try:
                    for i in range(0, len(body), 65536):
                        await resp.write(body[i:i + 65536])
                    await resp.write_eof()
                except (ConnectionResetError, RuntimeError):
                    pass
                return resp
            return web.Response(status=route.status, body=body, headers=headers)

        return handle

    async def _start(self) -> None:
        for name, sock in self.socks.items():
            app = web.Application()
            app.router.add_route("*", "/{tail:.*}", self._handler(name))
            runner = web.AppRunner(app, access_log=None)
            await runner.setup()
            await web.SockSite(runner, sock).start()
            self._runners.append(runner)

    async def _stop(self) -> None:
        for runner in self._runners:
            await runner.cleanup()

    def __enter__(self) -> "FixtureWeb":
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    def __exit__(self, *exc) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
