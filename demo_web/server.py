"""The loopback HTTP server: one listening socket per site on 127.0.0.1:(base_port + i).

A single aiohttp application serves every port; the handler picks the site by the local
port of the connection. Every request is appended to requests.jsonl so tests can check what
a crawler actually asked for (politeness, robots, retries).
"""
from __future__ import annotations

import asyncio
import errno
import hashlib
import json
import resource
import signal
import sys
import time
from email.utils import parsedate_to_datetime
from pathlib import Path

from aiohttp import web as aioweb

from .model import Site, Web
from .routing import Reply, respond


def raise_open_files_limit() -> int:
    """Soft RLIMIT_NOFILE := hard limit (2,000 sites need 2,000+ listening sockets)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else max(soft, 1 << 20)
    if target > soft:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    return soft


def conditional(reply: Reply, request_headers) -> Reply:
    """Validators as a typical web server sends them: a strong ETag on every full response (Last-Modified where the
    route has one), and 304 Not Modified without a body when the client's copy is current."""
    if reply.status != 200:
        return reply
    etag = '"' + hashlib.md5(reply.body).hexdigest()[:20] + '"'
    headers = {**reply.headers, "ETag": etag}
    validators = {k: v for k, v in headers.items() if k in ("ETag", "Last-Modified")}
    if_none_match = request_headers.get("If-None-Match")
    if if_none_match is not None:
        if etag in {t.strip() for t in if_none_match.split(",")} or if_none_match.strip() == "*":
            return Reply(304, validators, b"", reply.delay)
    elif "Last-Modified" in headers and request_headers.get("If-Modified-Since"):
        since = parsedate_to_datetime_or_none(request_headers["If-Modified-Since"])
        modified = parsedate_to_datetime_or_none(headers["Last-Modified"])
        if since is not None and modified is not None and modified <= since:
            return Reply(304, validators, b"", reply.delay)
    return Reply(reply.status, headers, reply.body, reply.delay)


def parsedate_to_datetime_or_none(value: str):
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


class PortInUse(RuntimeError):
    pass


class DemoServer:
    """Serves a built Web; `run()` blocks until SIGTERM/SIGINT."""

    def __init__(self, web: Web, out_dir: Path, portals: list | None = None):
        self.web = web
        self.out_dir = Path(out_dir)
        self.by_port: dict[int, Site] = {port: s for port, s in web.by_port().items() if not s.down}
        self.portals = {p.port: p for p in portals or []}
        self._log = None
        self._runner: aioweb.AppRunner | None = None

    def _write_log(self, request: aioweb.Request, site: Site | None, status: int) -> None:
        sockname = request.transport.get_extra_info("sockname") if request.transport else None
        line = {"ts": round(time.time(), 3), "port": sockname[1] if sockname else None,
                "site_id": site.site_id if site else self._portal_id(sockname), "method": request.method,
                "path_qs": request.raw_path, "status": status,
                "user_agent": request.headers.get("User-Agent", "")}
        self._log.write(json.dumps(line, ensure_ascii=False) + "\n")

    def _portal_id(self, sockname) -> str | None:
        portal = self.portals.get(sockname[1]) if sockname else None
        return portal.portal_id if portal else None

    async def handle(self, request: aioweb.Request) -> aioweb.StreamResponse:
        sockname = request.transport.get_extra_info("sockname") if request.transport else None
        site = self.by_port.get(sockname[1]) if sockname else None
        portal = self.portals.get(sockname[1]) if sockname else None
        if request.method not in ("GET", "HEAD"):
            reply = Reply(405, {"Allow": "GET, HEAD", "Content-Type": "text/plain"}, b"method not allowed")
        elif portal is not None:
            reply = conditional(portal.respond(request.raw_path), request.headers)
        elif site is None:
            reply = Reply(404, {"Content-Type": "text/plain"}, b"no such site")
        else:
            reply = conditional(respond(site, request.raw_path), request.headers)
        self._write_log(request, site, reply.status)
        if reply.delay:
            await asyncio.sleep(reply.delay)
        resp = aioweb.Response(status=reply.status, body=reply.body, headers=reply.headers)
        return resp

    async def start(self, host: str = "127.0.0.1") -> None:
        raise_open_files_limit()
        self._log = open(self.out_dir / "requests.jsonl", "a", encoding="utf-8", buffering=1)
        app = aioweb.Application()
        app.router.add_route("*", "/{tail:.*}", self.handle)
        self._runner = aioweb.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        for port in sorted({*self.by_port, *self.portals}):
            site = aioweb.TCPSite(self._runner, host, port, backlog=256)
            try:
                await site.start()
            except OSError as exc:
                await self.stop()
                if exc.errno == errno.EADDRINUSE:
                    raise PortInUse(f"port {port} on {host} is already in use; choose another --base-port "
                                    f"(the web needs {len(self.by_port) + len(self.portals)} consecutive ports from "
                                    f"{self.web.base_port})") from exc
                raise

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._log is not None:
            self._log.close()
            self._log = None

    async def run(self) -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await self.start()
        ready = self.out_dir / "ready"
        ready.write_text(json.dumps({"base_port": self.web.base_port, "ports": len(self.by_port)}) + "\n")
        print(f"demo_web: {len(self.by_port)} sites listening on 127.0.0.1:{self.web.base_port}-"
              f"{self.web.base_port + len(self.by_port) - 1}; ready", file=sys.stderr, flush=True)
        try:
            await stop.wait()
        finally:
            ready.unlink(missing_ok=True)
            await self.stop()
            print("demo_web: stopped", file=sys.stderr, flush=True)
