"""Five nights on a changing demo web (issue 9): the warehouse records exactly the changes the web's
changes.jsonl lists: documents added, replaced at their URL (the old one kept, its sighting gone), removed (gone,
never deleted); a redesigned site's documents move to new URLs without being gone; a dead site's are not gone."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import duckdb
import pytest

from tests.conftest import ROOT, SMALL_WEB_SITES

pytestmark = pytest.mark.slow
NIGHTS = 5


def _night(sources, data) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTHARVEST_") and k != "DAGSTER_HOME"}
    proc = subprocess.run([sys.executable, "-m", "smartharvest", "run", "--sources", str(sources), "--data-dir",
                           str(data), "--profile", "test"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0 and "smartharvest run: OK" in proc.stdout, proc.stderr[-4000:]


def _urls(db) -> dict[str, dict]:
    """url -> {doc_id: gone_since} of document_urls."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out: dict[str, dict] = {}
        for doc_id, url, gone in con.execute("SELECT doc_id, url, gone_since FROM document_urls").fetchall():
            out.setdefault(url, {})[doc_id] = gone
        docs = dict(con.execute("SELECT doc_id, gone_since FROM documents").fetchall())
        return {"urls": out, "docs": docs}
    finally:
        con.close()


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    from demo_web.process import DemoWebProcess, free_port_base, ports_needed

    base = free_port_base(ports_needed(SMALL_WEB_SITES))
    data = tmp_path_factory.mktemp("data")
    states, changes, sites = [], [], None
    for n in range(1, NIGHTS + 1):
        out = tmp_path_factory.mktemp(f"web{n}")
        with DemoWebProcess(out, sites=SMALL_WEB_SITES, base_port=base, night=n) as web:
            _night(web.sources_csv, data)
        states.append(_urls(data / "warehouse.duckdb"))
        changes = [json.loads(line) for line in (out / "changes.jsonl").read_text(encoding="utf-8").splitlines()]
        sites = json.loads((out / "sites.json").read_text(encoding="utf-8"))
    return {"states": states, "changes": changes, "sites": sites, "data": data}


def _site_of(url: str, sites: list[dict]) -> str | None:
    port = int(url.split(":")[2].split("/")[0])
    return next((s["site_id"] for s in sites if s["port"] == port), None)


def _live(state, url) -> set[str]:
    return {d for d, gone in state["urls"].get(url, {}).items() if gone is None}


def test_every_change_of_nights_2_to_5_is_recorded(nights):
    states, changes = nights["states"], nights["changes"]
    for c in (c for c in changes if c["change"] in ("added", "replaced", "removed")):
        before, after = states[c["night"] - 2], states[c["night"] - 1]
        url = c["url"]
        if c["change"] == "added":
            assert url not in before["urls"] and len(_live(after, url)) == 1, c
        elif c["change"] == "replaced":
            old, new = _live(before, url), _live(after, url)
            assert len(old) == 1 and len(new) == 1 and old != new, c
            assert after["urls"][url][next(iter(old))] is not None  # the old sighting is gone, and kept
        else:
            (old,) = _live(before, url)
            assert not _live(after, url) and url in after["urls"], c
            assert after["docs"][old] is not None  # the document is gone, never deleted


def test_nothing_else_appears_or_goes_except_on_the_redesigned_and_the_dead_site(nights):
    states, changes, sites = nights["states"], nights["changes"], nights["sites"]
    redesigned = {c["site_id"]: c["night"] for c in changes if c["change"] == "redesigned"}
    down = {c["site_id"]: c["night"] for c in changes if c["change"] == "down"}
    for n in range(2, NIGHTS + 1):
        before, after = states[n - 2], states[n - 1]
        expected = {u for c in changes if c["night"] == n for u in (c["url"], c.get("detail_url")) if u}
        moved = [u for u in set(before["urls"]) | set(after["urls"])
                 if _live(before, u) != _live(after, u) and u not in expected]
        unexplained = [u for u in moved if _site_of(u, sites) not in redesigned or redesigned[_site_of(u, sites)] != n]
        assert unexplained == [], (n, unexplained[:5])


def test_a_redesigned_sites_documents_move_but_are_not_gone(nights):
    states, changes, sites = nights["states"], nights["changes"], nights["sites"]
    (c,) = [c for c in changes if c["change"] == "redesigned"]
    before, after = states[c["night"] - 2], states[c["night"] - 1]
    old_urls = [u for u in before["urls"] if _site_of(u, sites) == c["site_id"] and _live(before, u)]
    assert old_urls and all(not _live(after, u) for u in old_urls)  # every URL changed with the new CMS
    docs = {d for u in old_urls for d in _live(before, u)}
    assert all(after["docs"][d] is None for d in docs)  # each document is still served, at its new URL


def test_a_dead_sites_documents_are_not_gone(nights):
    states, changes, sites = nights["states"], nights["changes"], nights["sites"]
    (c,) = [c for c in changes if c["change"] == "down"]
    last = states[-1]
    docs = {d for u in last["urls"] if _site_of(u, sites) == c["site_id"] for d in last["urls"][u]}
    assert docs and all(last["docs"][d] is None for d in docs)


def test_health_flags_the_redesigned_site_on_its_night_and_the_dead_site_and_nothing_else(nights):
    changes, data = nights["changes"], nights["data"]
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        rows = con.execute("SELECT source_id, dense_rank() OVER (ORDER BY crawl_id), flags FROM source_health").fetchall()
    finally:
        con.close()
    flagged = {(sid, night, flag) for sid, night, flags in rows for flag in flags}
    (redesign,) = [c for c in changes if c["change"] == "redesigned"]
    (down,) = [c for c in changes if c["change"] == "down"]
    expected = {(redesign["source_id"], redesign["night"], "cms_changed"),
                (down["source_id"], NIGHTS, "unreachable")}
    assert expected <= flagged
    # the dead site's yield falls to zero the night it goes down; nothing else is flagged on any night
    assert {(s, n) for s, n, _ in flagged} <= {(redesign["source_id"], redesign["night"]),
                                               (down["source_id"], down["night"]), (down["source_id"], NIGHTS)}


def test_the_health_command_reports_the_dead_site(nights):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTHARVEST_")}
    proc = subprocess.run([sys.executable, "-m", "smartharvest", "health", "--db",
                           str(nights["data"] / "warehouse.duckdb")], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    (down,) = [c for c in nights["changes"] if c["change"] == "down"]
    assert proc.returncode == 1, proc.stdout + proc.stderr
    line = next(x for x in proc.stdout.splitlines() if down["source_id"] in x)
    assert "unreachable for 2 crawls in a row" in line
