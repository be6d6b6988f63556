"""A sources file is checked line by line before anything starts: every error names the file and the line (issue 8)."""
from __future__ import annotations

import pytest

from core.sources import SourcesError, load_sources
from tests.conftest import run_cli

HEADER = "source_id,kind,start_url,municipality_code,name\n"
GOOD = "lhota,municipal_site,http://127.0.0.1:18100/,500011,Lhota\n"


def write(tmp_path, body: bytes | str):
    path = tmp_path / "sources.csv"
    path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    return path


@pytest.mark.parametrize("url, says", [
    ("http://127.0.0.1:99999/", "malformed"),
    ("http://127.0.0.1:abc/", "malformed"),
    ("http://[::1/", "malformed"),
    ("http://:8080/", "no host"),
    ("ftp://obec.cz/", "not an http(s) URL"),
])
def test_a_bad_start_url_is_refused_with_file_and_line(tmp_path, url, says):
    path = write(tmp_path, HEADER + GOOD + f"bad,municipal_site,{url},500012,Bad\n")
    with pytest.raises(SourcesError) as err:
        load_sources(path)
    assert str(err.value).startswith(f"{path}:3: ") and says in str(err.value)


def test_a_file_in_another_encoding_is_refused_with_the_line_of_the_first_bad_byte(tmp_path):
    path = write(tmp_path, (HEADER + GOOD + "zdar,municipal_site,http://127.0.0.1:18101/,500013,Žďár\n").encode("cp1250"))
    with pytest.raises(SourcesError) as err:
        load_sources(path)
    assert str(err.value).startswith(f"{path}:3: not UTF-8")


def test_a_good_file_loads(tmp_path):
    assert [s.source_id for s in load_sources(write(tmp_path, HEADER + GOOD))] == ["lhota"]


def test_the_run_stops_before_anything_starts_with_one_clear_line(tmp_path):
    path = write(tmp_path, HEADER + GOOD + "bad,municipal_site,http://127.0.0.1:99999/,500012,Bad\n")
    data = tmp_path / "data"
    proc = run_cli("run", "--sources", str(path), "--data-dir", str(data), timeout=120)
    assert proc.returncode == 2
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert lines == [f"error: {path}:3: start_url 'http://127.0.0.1:99999/' is malformed: Port out of range 0-65535"]
    assert not data.exists() or not any(data.iterdir())


def _one(tmp_path, extra_header: str, extra_cells: str):
    path = tmp_path / "sources.csv"
    path.write_text(f"source_id,kind,start_url,municipality_code{extra_header}\n"
                    f"a,municipal_site,http://127.0.0.1:8080/,500001{extra_cells}\n", encoding="utf-8")
    return load_sources(path)


def test_optional_columns_give_per_source_control(tmp_path):
    (s,) = _one(tmp_path, ",cms,document_hosts,extra_start_urls,enabled",
                ",Vismo,127.0.0.1:8081; soubory.example.cz,http://127.0.0.1:8080/archiv http://127.0.0.1:8080/deska,no")
    assert s.cms == "vismo" and s.document_hosts == ("127.0.0.1:8081", "soubory.example.cz")
    assert s.extra_start_urls == ("http://127.0.0.1:8080/archiv", "http://127.0.0.1:8080/deska") and not s.enabled


def test_without_optional_columns_a_source_is_enabled_and_recognised(tmp_path):
    (s,) = _one(tmp_path, "", "")
    assert s.enabled and s.cms is None and s.document_hosts == () and s.extra_start_urls == ()


@pytest.mark.parametrize("header, cells, message", [
    (",cms", ",joomla", "unknown cms 'joomla'"),
    (",document_hosts", ",127.0.0.1:99999", "not a host or host:port"),
    (",extra_start_urls", ",http://127.0.0.1:9999/x", "not on the source's site"),
    (",extra_start_urls", ",ftp://127.0.0.1:8080/x", r"not an http\(s\) URL"),
    (",enabled", ",maybe", "neither true nor false"),
])
def test_bad_optional_values_are_refused_with_file_and_line(tmp_path, header, cells, message):
    with pytest.raises(SourcesError, match=message) as err:
        _one(tmp_path, header, cells)
    assert "sources.csv:2" in str(err.value)


def test_the_cms_names_are_the_families_the_spiders_recognise():
    from core.sources import CMS_FAMILIES
    from spiders.cms import BY_NAME

    assert set(CMS_FAMILIES) == set(BY_NAME)
