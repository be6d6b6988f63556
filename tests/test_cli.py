"""The CLI explains itself and fails clearly."""
from __future__ import annotations

import pytest

from tests.conftest import run_cli


@pytest.mark.parametrize("command", ["run", "ui", "query"])
def test_help_of_every_warehouse_command_explains_db(command):
    proc = run_cli(command, "--help")
    assert proc.returncode == 0
    assert "--db" in proc.stdout and "warehouse" in proc.stdout


def test_run_with_a_missing_sources_file_says_so(tmp_path):
    proc = run_cli("run", "--sources", str(tmp_path / "nope.csv"), "--data-dir", str(tmp_path))
    assert proc.returncode == 2
    assert "nope.csv" in proc.stderr and "does not exist" in proc.stderr


def test_run_with_a_bad_sources_row_names_the_line(tmp_path):
    bad = tmp_path / "s.csv"
    bad.write_text("source_id,kind,start_url,municipality_code\nx,municipal_site,ftp://a,1\n", encoding="utf-8")
    proc = run_cli("run", "--sources", str(bad), "--data-dir", str(tmp_path))
    assert proc.returncode == 2
    assert "s.csv:2" in proc.stderr


def test_query_without_warehouse_says_how_to_get_one(tmp_path):
    proc = run_cli("query", "SELECT 1", "--db", str(tmp_path / "w.duckdb"))
    assert proc.returncode == 2 and "smartharvest run" in proc.stderr
