"""A careless operator's paths are refused before anything starts, in one line, and nothing of theirs is touched
(issue 8): --db naming a text file, a SQLite database, a directory or an unwritable place; an unwritable --data-dir."""
from __future__ import annotations

import sqlite3

import pytest

from core.settings import Settings
from tests.conftest import run_cli
from tests.spiders.fixture_server import dead_port

HEADER = "source_id,kind,start_url,municipality_code,name\n"


@pytest.fixture()
def sources(tmp_path):
    """A source nothing listens on: a run that got past the checks would end quickly and publish a warehouse."""
    path = tmp_path / "sources.csv"
    path.write_text(HEADER + f"nikde,municipal_site,http://127.0.0.1:{dead_port()}/,500011,Nikde\n", encoding="utf-8")
    return path


def refused(proc, *words: str) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-3000:])
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr[-3000:]
    assert all(w in lines[0] for w in words), lines[0]


def run(sources, data, db) -> object:
    return run_cli("run", "--sources", str(sources), "--data-dir", str(data), "--db", str(db), "--profile", "test",
                   timeout=300)


def test_a_text_file_given_as_db_is_left_alone(tmp_path, sources):
    db = tmp_path / "notes.txt"
    db.write_text("moje poznámky\n", encoding="utf-8")
    refused(run(sources, tmp_path / "data", db), str(db), "not a DuckDB warehouse")
    assert db.read_text(encoding="utf-8") == "moje poznámky\n"


def test_a_sqlite_database_given_as_db_is_left_alone(tmp_path, sources):
    db = tmp_path / "evidence.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = db.read_bytes()
    refused(run(sources, tmp_path / "data", db), "not a DuckDB warehouse")
    assert db.read_bytes() == before


def test_a_directory_given_as_db_is_refused_before_the_crawl(tmp_path, sources):
    db = tmp_path / "adresar"
    db.mkdir()
    data = tmp_path / "data"
    refused(run(sources, data, db), "is a directory")
    assert not (data / "fetchlog").exists() and not list(tmp_path.glob("*.tmp"))


def test_an_unwritable_place_for_db_or_data_is_refused(tmp_path, sources):
    refused(run(sources, tmp_path / "data", "/proc/smartharvest/warehouse.duckdb"), "not writable")
    refused(run(sources, "/proc/smartharvest-data", tmp_path / "w.duckdb"), "--data-dir", "not writable")


def test_relative_paths_are_made_absolute_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = Settings(data_dir="data", db_path="w.duckdb", sources_path="s.csv")
    assert s.data_dir == tmp_path / "data" and s.db_path == tmp_path / "w.duckdb" and s.sources_path == tmp_path / "s.csv"


def test_a_second_run_on_a_data_dir_in_use_stops_at_once(tmp_path, sources):
    from smartharvest.night import NightLock

    data = tmp_path / "data"
    with NightLock(data):
        refused(run(sources, data, tmp_path / "w.duckdb"), "another smartharvest run is using", str(data))
    assert not (tmp_path / "w.duckdb").exists()


def test_the_night_lock_of_a_dead_run_is_gone_with_it(tmp_path):
    """flock is dropped by the kernel when its holder dies, even by SIGKILL: no stale lock ever blocks a night."""
    import subprocess
    import sys

    from smartharvest.night import NightLock
    from tests.conftest import ROOT

    data = tmp_path / "data"
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from smartharvest.night import NightLock; "
                               "l = NightLock(sys.argv[1]).__enter__(); print('held', flush=True); time.sleep(60)",
                               str(data)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    holder.kill()
    holder.wait(timeout=10)
    with NightLock(data):
        pass
