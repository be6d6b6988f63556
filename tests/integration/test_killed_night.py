"""A night killed with SIGKILL at any stage costs nothing (issue 8): none of its processes outlives it by more than
10 s, and the next run finishes with the same tables as a night that was never interrupted."""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, SMALL_WEB_SITES
from tests.spiders.fixture_server import FixtureWeb, Route

pytestmark = pytest.mark.slow

COMPARED = {
    "documents": "SELECT doc_id, title, extraction_status, doc_type, is_strategic, is_smart FROM documents",
    "document_urls": "SELECT doc_id, url FROM document_urls",
    "strategies": "SELECT strategy_id FROM strategies",
    # which copy of a same-text group is canonical follows when each copy was first fetched, which differs between
    # any two crawls of the same web; the groups themselves do not
    "document_clusters": "SELECT cluster_id, doc_id FROM document_clusters",
}


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTHARVEST_") and k != "DAGSTER_HOME"}
    return env


def _cmd(sources: Path, data: Path) -> list[str]:
    return [sys.executable, "-m", "smartharvest", "run", "--sources", str(sources), "--data-dir", str(data),
            "--profile", "test"]


def _descendants(pid: int) -> set[int]:
    """Every process below `pid` (children, their children, ...), from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    out, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier} - out
        out |= frontier
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _tables(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in COMPARED.items()}
    finally:
        con.close()


def _reached(stage: str, data: Path, stderr: Path) -> bool:
    log = stderr.read_text(encoding="utf-8", errors="replace") if stderr.exists() else ""
    if stage == "crawl":
        return any(p.stat().st_size > 0 for p in (data / "fetchlog").glob("*.fetches.jsonl")) if (data / "fetchlog").exists() else False
    if stage == "extraction":
        return "[extract] extract: " in log and "to extract" in log
    if stage == "annotation":
        return "[annotate] " in log and "to annotate" in log
    return (data / "warehouse.duckdb.tmp").exists()


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    """A demo web of its own: these killed crawls must not add to the request log other tests count."""
    from demo_web.process import DemoWebProcess, free_port_base, ports_needed

    with DemoWebProcess(tmp_path_factory.mktemp("web"), sites=SMALL_WEB_SITES,
                        base_port=free_port_base(ports_needed(SMALL_WEB_SITES))) as w:
        yield w


def _slow_chain(pages: int = 12, delay: float = 3.0) -> dict[str, Route]:
    """A site of HTML pages that link one to the next, each answering after `delay` s: a crawl that lasts well past
    10 s, so a crawl child that outlives its parent is still seen crawling. It has no documents, so the compared
    tables do not change."""
    head = {"Content-Type": "text/html; charset=utf-8"}
    return {(f"/{i}" if i else "/"): Route(200, head, f'<html><body><a href="/{i + 1}">dál</a></body></html>'.encode(),
                                           delay=delay)
            for i in range(pages)}


@pytest.fixture(scope="module")
def reference(web, tmp_path_factory) -> dict[str, list]:
    """The tables of a night that was never interrupted, on the same web."""
    data = tmp_path_factory.mktemp("reference")
    proc = subprocess.run(_cmd(web.sources_csv, data), cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return _tables(data / "warehouse.duckdb")


@pytest.mark.parametrize("stage", ["crawl", "extraction", "annotation", "warehouse"])
def test_a_night_killed_at_any_stage_leaves_no_process_and_the_next_run_catches_up(stage, web, reference, tmp_path):
    data = tmp_path / "data"
    err = tmp_path / "killed.stderr"
    sources = web.sources_csv
    with contextlib.ExitStack() as stack:
        if stage == "crawl":  # the killed night also crawls a slow site, so its crawl is still running at the kill
            slow = stack.enter_context(FixtureWeb({"slow": _slow_chain()}))
            sources = tmp_path / "sources.csv"
            sources.write_text(web.sources_csv.read_text(encoding="utf-8").rstrip("\n")
                               + f"\npomaly-web,municipal_site,{slow.url('slow')},,Pomalý web\n", encoding="utf-8")
        _kill_at(stage, sources, data, err)

    rerun = subprocess.run(_cmd(web.sources_csv, data), cwd=ROOT, env=_env(), capture_output=True, text=True,
                           timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-4000:]
    assert "smartharvest run: OK" in rerun.stdout
    assert _tables(data / "warehouse.duckdb") == reference
    assert not list(data.rglob(".tmp-*")) and not (data / "warehouse.duckdb.tmp").exists()


def _kill_at(stage: str, sources: Path, data: Path, err: Path) -> None:
    """Start a night, SIGKILL it once it reaches `stage`, and assert none of its processes lives 10 s longer."""
    with open(err, "w") as fh:
        proc = subprocess.Popen(_cmd(sources, data), cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=fh)
    try:
        deadline = time.monotonic() + 240
        while not _reached(stage, data, err):
            assert proc.poll() is None, f"the run ended before reaching {stage}:\n{err.read_text()[-3000:]}"
            assert time.monotonic() < deadline, f"{stage} not reached in time"
            time.sleep(0.05)
        family = _descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        end = time.monotonic() + 10
        while time.monotonic() < end and any(_alive(p) for p in family):
            time.sleep(0.2)
        survivors = [p for p in family if _alive(p)]
        assert not survivors, f"alive 10 s after the kill at {stage}: {survivors}"
    finally:
        if proc.poll() is None:
            proc.kill()
