"""The bundle's preview page opens offline in a real browser (headless Chromium from Debian), shows how many
strategies, practices and projects the bundle holds, and its filters narrow the tables (also from a link's #fragment)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from pipelines.preview import write_preview

STRATEGIES = [
    {"strategy_id": f"s{i}", "title": title, "municipality_name": town, "kraj": kraj, "level": "municipal",
     "validity_from": 2021, "validity_to": 2030, "is_smart": smart, "domains": domains, "in_registry": False,
     "urls": [f"http://127.0.0.1/{i}.pdf"]}
    for i, (title, town, kraj, smart, domains) in enumerate([
        ("Strategie rozvoje obce Lhota", "Lhota", "Středočeský kraj", False, []),
        ("Koncepce Smart City Zlín", "Zlín", "Zlínský kraj", True, ["energy", "mobility_transport"]),
        ("Program rozvoje obce Vizovice", "Vizovice", "Zlínský kraj", False, ["energy"]),
        ("Akční plán chytrého regionu", None, "Kraj Vysočina", True, ["ict_infrastructure_data"]),
    ])]
PRACTICES = [{"practice_id": "gp_1", "title": "Chytré lavičky", "municipality_name": "Zlín", "country": "CZ",
              "size_class": "town", "domains": ["energy"], "year": 2022, "cost_czk": 300000,
              "source_url": "http://127.0.0.1/gp/1"}]
PROJECTS = [{"project_code": "TL01000217", "title": "Obce v kruhu cirkulární ekonomiky", "start_year": 2018,
             "end_year": 2020, "is_smart": True, "domains": ["circular_economy_waste"], "funding_programme": "TACR_ETA",
             "url": "https://www.isvavai.cz/cep?h=TL01000217"}]
COVERAGE = [{"kraj_code": "141", "kraj_name": "Zlínský kraj", "size_class": "town", "municipalities": 10,
             "with_strategy": 4, "share_with_strategy": 0.4},
            {"kraj_code": "108", "kraj_name": "Kraj Vysočina", "size_class": "village", "municipalities": 100,
             "with_strategy": 7, "share_with_strategy": 0.07}]  # columns of the municipality_coverage view


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "headless Chromium from Debian is needed (make sysdeps installs the `chromium` package)"
    return path


@pytest.fixture
def bundle(tmp_path) -> Path:
    folder = tmp_path / "2026-11-28-abcdef012345"
    folder.mkdir()
    for name, rows in (("strategies", STRATEGIES), ("good_practices", PRACTICES), ("rd_projects", PROJECTS),
                       ("municipality_coverage", COVERAGE)):
        (folder / f"{name}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    write_preview(folder)
    return folder


def _rendered(page: Path, fragment: str, tmp_path: Path) -> str:
    url = page.as_uri() + ("#" + fragment if fragment else "")
    proc = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000", "--dump-dom", url],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def _span(dom: str, ident: str) -> int:
    m = re.search(rf'id="{ident}">(\d+)<', dom)
    assert m, ident
    return int(m.group(1))


def _rows(dom: str, table: str) -> int:
    body = re.search(rf'<table id="table-{table}">.*?<tbody>(.*?)</tbody>', dom, re.S).group(1)
    return body.count("<tr>")


def test_the_page_shows_what_the_bundle_holds(bundle, tmp_path):
    dom = _rendered(bundle / "index.html", "", tmp_path)
    assert _span(dom, "count-strategies") == 4 and _span(dom, "shown-strategies") == 4
    assert _rows(dom, "strategies") == 4 and _rows(dom, "good_practices") == 1 and _rows(dom, "rd_projects") == 1
    assert "Koncepce Smart City Zlín" in dom
    assert (bundle / "charts" / "coverage_by_kraj.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from pipelines.preview import coverage_bars
    assert coverage_bars(COVERAGE, "kraj") == [("Kraj Vysočina", 0.07, "(7/100)"), ("Zlínský kraj", 0.4, "(4/10)")]
    assert 'src="charts/coverage_by_size_class.png"' in dom


def test_a_filter_in_the_link_narrows_the_tables(bundle, tmp_path):
    dom = _rendered(bundle / "index.html", "kraj=" + quote("Zlínský kraj") + "&smart=1", tmp_path)
    assert _span(dom, "count-strategies") == 4
    assert _span(dom, "shown-strategies") == 1 and _rows(dom, "strategies") == 1
    assert "Koncepce Smart City Zlín" in dom and "Program rozvoje obce Vizovice" not in re.search(
        r'<table id="table-strategies">.*?</table>', dom, re.S).group(0)


def test_free_text_search_ignores_accents(bundle, tmp_path):
    dom = _rendered(bundle / "index.html", "q=" + quote("chytreho regionu"), tmp_path)
    assert _span(dom, "shown-strategies") == 1


def test_only_smart_keeps_good_practices_which_are_smart_by_kind(bundle, tmp_path):
    dom = _rendered(bundle / "index.html", "smart=1", tmp_path)
    assert _span(dom, "shown-strategies") == 2 and _span(dom, "shown-good_practices") == 1


def test_a_scraped_title_with_markup_is_shown_as_text_and_breaks_nothing(tmp_path):
    folder = tmp_path / "2026-11-28-000000000000"
    folder.mkdir()
    nasty = dict(STRATEGIES[0], title="Plán <!-- x </script><script>document.title='owned'</script> & spol.",
                 urls=["javascript:alert(1)"])
    (folder / "strategies.json").write_text(json.dumps([nasty] + STRATEGIES[1:], ensure_ascii=False), encoding="utf-8")
    write_preview(folder)
    dom = _rendered(folder / "index.html", "", tmp_path)
    assert _rows(dom, "strategies") == 4 and "owned" not in dom.split("<title>")[1].split("</title>")[0]
    assert 'href="javascript:' not in dom
