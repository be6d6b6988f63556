"""A page with malformed links (a port out of range or not a number, a broken IPv6 host) loses nothing else:
every malformed link is recorded with its reason and every other link of the page is still followed (issue 8)."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from scrapy.settings import Settings as ScrapySettings
from scrapy.utils._remote_control import job_files_dir

from tests.conftest import ROOT
from tests.spiders.conftest import Crawl, clean_env, crawl_cmd, write_sources
from tests.spiders.fixture_server import FixtureWeb, load_site

BAD = ("http://127.0.0.1:99999/mimo-rozsah.pdf", "http://127.0.0.1:abc/neni-cislo.pdf", "http://[::1/rozbita-ipv6.pdf")


def _job_files(pid: int) -> set[str]:
    """Files Scrapy's remote-control extension writes (its port and token, named by the crawl's PID) while its
    endpoint is open; it deletes them when the crawl ends, so they are looked for while it runs."""
    d = Path(job_files_dir(ScrapySettings()))
    return {p.name for p in d.glob(f"{pid}-*.json")} if d.is_dir() else set()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("malformed")
    with FixtureWeb({"malformed": load_site("malformed")}) as web:
        sources = write_sources(tmp / "sources.csv", [("malformed", "municipal_site", web.url("malformed"))])
        proc = subprocess.Popen(crawl_cmd(sources, "m1", tmp / "data"), cwd=ROOT, env=clean_env(),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        seen: set[str] = set()
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            seen |= _job_files(proc.pid)
            time.sleep(0.05)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err[-4000:]
        crawl = Crawl(web, tmp / "data", "m1", subprocess.CompletedProcess(proc.args, proc.returncode, out, err), 0)
        crawl.job_files_while_running = seen
        yield crawl


def test_links_after_a_malformed_one_are_still_followed(crawled):
    fetched = {r["url"] for r in crawled.fetches("malformed") if r["outcome"] == "ok"}
    for path in ("/prvni.pdf", "/druhy.pdf", "/dalsi.html", "/pomala.html", "/treti.pdf"):
        assert crawled.web.url("malformed", path) in fetched, path


def test_every_malformed_link_is_recorded_with_its_reason(crawled):
    rows = {r["url"]: r for r in crawled.fetches("malformed") if r["outcome"] == "error"}
    for url in BAD:
        assert url in rows, (url, sorted(rows))
        assert rows[url]["error"].startswith("malformed_url") and rows[url]["referer"] == crawled.web.url("malformed")
        assert rows[url]["link_text"]


def test_the_source_is_ok_and_the_run_says_what_failed(crawled):
    s = crawled.sources()["malformed"]
    assert s["status"] == "ok" and s["documents"] == 3 and s["errors"] == len(BAD)


def test_the_crawl_opens_no_remote_control_endpoint(crawled):
    assert not crawled.job_files_while_running
