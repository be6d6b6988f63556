"""Fixtures: the loopback fixture web and one real crawl of it (`python -m spiders.crawl` as a subprocess)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from core import fetch_log
from tests.spiders.fixture_server import FixtureWeb, dead_port, load_site

ROOT = Path(__file__).resolve().parents[2]
SITES = ("vismo", "blocked", "wordpress", "empty", "foreign")


def crawl_cmd(sources: Path, crawl_id: str, data_dir: Path, profile: str = "test") -> list[str]:
    return [sys.executable, "-m", "spiders.crawl", "--sources", str(sources), "--crawl-id", crawl_id,
            "--profile", profile, "--data-dir", str(data_dir)]


def clean_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("SMARTHARVEST_") and k != "DAGSTER_PIPES_CONTEXT" and k != "DAGSTER_PIPES_MESSAGES"}
    env.update(extra)
    return env


def run_crawl(sources: Path, crawl_id: str, data_dir: Path, timeout: int = 120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(crawl_cmd(sources, crawl_id, data_dir), cwd=ROOT, env=clean_env(), capture_output=True,
                          text=True, timeout=timeout, **kw)


def read_jsonl(path: Path) -> list[dict]:
    """Complete lines only (a file being written may end in half a line)."""
    return list(fetch_log.read_jsonl(path))


@dataclass
class Crawl:
    web: FixtureWeb
    data_dir: Path
    crawl_id: str
    proc: subprocess.CompletedProcess
    dead_port: int

    @property
    def fetchlog(self) -> Path:
        return self.data_dir / "fetchlog"

    def fetches(self, source_id: str | None = None) -> list[dict]:
        rows = read_jsonl(self.fetchlog / f"{self.crawl_id}.fetches.jsonl")
        return [r for r in rows if source_id is None or r["source_id"] == source_id]

    def sources(self) -> dict[str, dict]:
        return {r["source_id"]: r for r in read_jsonl(self.fetchlog / f"{self.crawl_id}.sources.jsonl")}

    def summary(self) -> dict:
        return json.loads((self.fetchlog / f"{self.crawl_id}.summary.json").read_text(encoding="utf-8"))

    def by_url(self, source_id: str, path: str) -> list[dict]:
        url = self.web.url(source_id, path)
        return [r for r in self.fetches(source_id) if r["url"] == url]


@pytest.fixture(scope="module")
def fixture_web():
    with FixtureWeb({name: load_site(name) for name in SITES}) as web:
        yield web


def write_sources(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = ["source_id,kind,start_url,municipality_code,name"]
    lines += [f"{sid},{kind},{url},{500000 + i},{sid}" for i, (sid, kind, url) in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def crawl(fixture_web, tmp_path_factory) -> Crawl:
    tmp = tmp_path_factory.mktemp("crawl")
    port = dead_port()
    sources = write_sources(tmp / "sources.csv", [
        ("vismo", "municipal_site", fixture_web.url("vismo")),
        ("blocked", "municipal_site", fixture_web.url("blocked")),
        ("wordpress", "regional_site", fixture_web.url("wordpress")),
        ("empty", "national_site", fixture_web.url("empty")),
        ("unreachable", "municipal_site", f"http://127.0.0.1:{port}/"),
    ])
    data_dir = tmp / "data"
    proc = run_crawl(sources, "t1", data_dir)
    assert proc.returncode == 0, f"crawl failed ({proc.returncode}):\n{proc.stderr[-6000:]}"
    return Crawl(fixture_web, data_dir, "t1", proc, port)
