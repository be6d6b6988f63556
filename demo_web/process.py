"""Run the demo web as a child process (tests, benchmarks): start, wait for `ready`, stop.

The server runs in its own session so a stuck crawl test cannot leave it attached to the
terminal; stop() terminates exactly the process it started.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from core.processes import die_with_parent
from demo_web import REPO_ROOT

KRAJ_AND_FOREIGN = 4  # 3 regional sites + the foreign host follow the municipal sites


def ports_needed(sites: int) -> int:
    """How many consecutive ports a demo web of `sites` municipal sites listens on."""
    from demo_web.portals import PORTAL_COUNT

    return sites + KRAJ_AND_FOREIGN + PORTAL_COUNT


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # aiohttp binds with SO_REUSEADDR too
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port_base(count: int, start: int | None = None, stop: int = 64000) -> int:
    """A base port P such that P .. P+count (count+1 ports) are all free on 127.0.0.1."""
    port = start if start is not None else 20000 + (os.getpid() * 37) % 20000
    wrapped = False
    while True:
        if port + count >= stop:
            if wrapped:
                raise RuntimeError(f"no {count + 1} consecutive free ports on 127.0.0.1")
            port, wrapped = 20000, True
        for p in range(port, port + count + 1):
            if not _port_free(p):
                port = p + 1
                break
        else:
            return port


class DemoWebProcess:
    """`with DemoWebProcess(tmp, sites=8, base_port=free_port_base(12)) as web: ...`"""

    def __init__(self, out_dir: Path | str, sites: int = 40, base_port: int = 18100, seed: int = 2026,
                 hashes: str = "auto", startup_timeout: float = 120.0, night: int = 1, cep_projects: int = 1000):
        self.out_dir = Path(out_dir)
        self.night = night
        self.cep_projects = cep_projects
        self.sites_count = sites
        self.base_port = base_port
        self.seed = seed
        self.hashes = hashes
        self.startup_timeout = startup_timeout
        self.proc: subprocess.Popen | None = None
        self._stderr = None

    # ------------------------------------------------------------ lifecycle
    @property
    def ports_needed(self) -> int:
        return ports_needed(self.sites_count)

    @property
    def stderr_path(self) -> Path:
        return self.out_dir / "serve.stderr.log"

    def _stderr_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.stderr_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def start(self) -> "DemoWebProcess":
        self.out_dir.mkdir(parents=True, exist_ok=True)
        (self.out_dir / "ready").unlink(missing_ok=True)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        cmd = [sys.executable, "-m", "demo_web", "serve", "--out", str(self.out_dir), "--sites",
               str(self.sites_count), "--base-port", str(self.base_port), "--seed", str(self.seed),
               "--hashes", self.hashes, "--night", str(self.night), "--cep-projects", str(self.cep_projects)]
        self._stderr = open(self.stderr_path, "w", encoding="utf-8")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=self._stderr, stderr=self._stderr,
                                     cwd=str(REPO_ROOT), env=env, start_new_session=True,
                                     preexec_fn=die_with_parent)  # a killed run takes its demo web along
        deadline = time.monotonic() + self.startup_timeout
        ready = self.out_dir / "ready"
        while not ready.exists():
            code = self.proc.poll()
            if code is not None:
                self._close_stderr()
                raise RuntimeError(f"demo web exited with code {code} before ready:\n{self._stderr_tail()}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"demo web not ready within {self.startup_timeout:.0f} s:\n{self._stderr_tail()}")
            time.sleep(0.05)
        return self

    def stop(self, timeout: float = 15.0) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.proc = None
        self._close_stderr()

    def _close_stderr(self) -> None:
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def __enter__(self) -> "DemoWebProcess":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # ------------------------------------------------------------ outputs
    @property
    def sources_csv(self) -> Path:
        return self.out_dir / "sources.csv"

    @property
    def manifest_path(self) -> Path:
        return self.out_dir / "manifest.jsonl"

    def manifest(self) -> list[dict]:
        return _read_jsonl(self.manifest_path)

    def sites(self) -> list[dict]:
        return json.loads((self.out_dir / "sites.json").read_text(encoding="utf-8"))

    def requests(self) -> list[dict]:
        return _read_jsonl(self.out_dir / "requests.jsonl")

    def url(self, site_index: int, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.base_port + site_index}{path}"


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError:  # a line being written right now
                    pass
    return out
