"""No crawl opens Scrapy's remote-control endpoint, which runs Python sent to it over HTTP (issue 8)."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

from scrapy.settings import Settings as ScrapySettings
from scrapy.utils._remote_control import job_files_dir

from tests.spiders.conftest import ROOT, clean_env, crawl_cmd, write_sources
from tests.spiders.fixture_server import FixtureWeb, load_site


def _job_files(pid: int) -> set[str]:
    """The files the endpoint writes (its port and token, named by the crawl's PID) while it is open; they are
    deleted when the crawl ends, so they are looked for while it runs."""
    d = Path(job_files_dir(ScrapySettings()))
    return {p.name for p in d.glob(f"{pid}-*.json")} if d.is_dir() else set()


def test_a_crawl_never_opens_the_remote_control_endpoint(tmp_path):
    with FixtureWeb({"slow": load_site("slow")}) as web:  # its one page takes 1.5 s: the crawl is alive meanwhile
        sources = write_sources(tmp_path / "sources.csv", [("slow", "municipal_site", web.url("slow"))])
        proc = subprocess.Popen(crawl_cmd(sources, "r1", tmp_path / "data"), cwd=ROOT, env=clean_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seen: set[str] = set()
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            seen |= _job_files(proc.pid)
            time.sleep(0.05)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err[-3000:]
    assert not seen
