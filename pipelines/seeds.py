"""Build the production sources file from the municipality registry's candidate web domains.

    python -m pipelines.seeds > data/seeds/sources.csv

Candidate domains come from municipalities' e-mail addresses (heuristic, unverified: see
data/seeds/municipalities/PROVENANCE.md); the crawler verifies them (an unreachable one is recorded as such).
"""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from core.settings import REPO_ROOT

# Official regional websites (kraje) — regional_site sources.
REGIONAL_SITES = (
    ("kraj-19", "https://www.praha.eu/", "Hlavní město Praha"),
    ("kraj-27", "https://www.kr-stredocesky.cz/", "Středočeský kraj"),
    ("kraj-35", "https://www.kraj-jihocesky.cz/", "Jihočeský kraj"),
    ("kraj-43", "https://www.plzensky-kraj.cz/", "Plzeňský kraj"),
    ("kraj-51", "https://www.kr-karlovarsky.cz/", "Karlovarský kraj"),
    ("kraj-60", "https://www.kr-ustecky.cz/", "Ústecký kraj"),
    ("kraj-78", "https://www.kraj-lbc.cz/", "Liberecký kraj"),
    ("kraj-86", "https://www.khk.cz/", "Královéhradecký kraj"),
    ("kraj-94", "https://www.pardubickykraj.cz/", "Pardubický kraj"),
    ("kraj-108", "https://www.kr-vysocina.cz/", "Kraj Vysočina"),
    ("kraj-116", "https://www.jmk.cz/", "Jihomoravský kraj"),
    ("kraj-124", "https://www.olkraj.cz/", "Olomoucký kraj"),
    ("kraj-132", "https://www.msk.cz/", "Moravskoslezský kraj"),
    ("kraj-141", "https://www.zlinskykraj.cz/", "Zlínský kraj"),
)


def production_sources(registry_csv: Path) -> list[dict]:
    """One municipal_site per municipality with a candidate domain (first candidate), plus the regional sites."""
    rows = []
    with open(registry_csv, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            domains = [d.strip() for d in (r.get("web_domain_candidates_heuristic") or "").split(";") if d.strip()]
            if not domains:
                continue
            rows.append({"source_id": f"obec-{r['kod_obce']}", "kind": "municipal_site",
                         "start_url": f"https://{domains[0]}/", "municipality_code": r["kod_obce"],
                         "name": r["nazev_obce"]})
    rows += [{"source_id": sid, "kind": "regional_site", "start_url": url, "municipality_code": "", "name": name}
             for sid, url, name in REGIONAL_SITES]
    return rows


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["source_id", "kind", "start_url", "municipality_code", "name"], lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


if __name__ == "__main__":
    sys.stdout.write(to_csv(production_sources(REPO_ROOT / "data" / "seeds" / "municipalities" / "municipalities.csv")))
