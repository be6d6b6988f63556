"""The committed municipality registry (data/seeds/municipalities), as rows the warehouse and the linker use."""
from __future__ import annotations

import csv
from pathlib import Path

from transforms.size_class import size_class

MUNICIPALITY_COLUMNS = {
    "municipality_code": "kod_obce", "name": "nazev_obce", "official_name": "nazev_ucetni_jednotky", "ico": "ico",
    "okres_code": "okres_kod", "okres_name": "okres_nazev", "orp_code": "orp_kod", "orp_name": "orp_nazev",
    "kraj_code": "kraj_kod", "kraj_name": "kraj_nazev", "kraj_nuts3": "kraj_nuts3",
    "web_domain_candidates": "web_domain_candidates_heuristic",
}


def municipality_rows(seeds_dir: Path) -> list[dict]:
    """Registry rows with population, size class and municipality type joined."""
    reg = Path(seeds_dir) / "municipalities"
    types: dict[str, str] = {}
    with open(reg / "municipality_types.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            types[r["zuj"]] = r["typobce"]
    out = []
    with open(reg / "municipalities.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            row = {k: (r.get(v) or None) for k, v in MUNICIPALITY_COLUMNS.items()}
            pop = r.get("pocet_obyvatel_sp")
            row["population"] = int(float(pop)) if pop else None
            row["size_class"] = size_class(row["population"])
            row["municipality_type"] = types.get(r["kod_obce"])
            out.append(row)
    return out


def kraj_names(seeds_dir: Path) -> dict[str, str]:
    """Region code -> region name (kraje.csv)."""
    with open(Path(seeds_dir) / "municipalities" / "kraje.csv", encoding="utf-8") as fh:
        return {r["kod"]: r["nazev"] for r in csv.DictReader(fh)}


def funding_programme_rows(seeds_dir: Path) -> list[dict]:
    """data/seeds/funding_programmes.csv (pipelines.funding_seed) as rows; empty cells are nulls."""
    path = Path(seeds_dir) / "funding_programmes.csv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return [{k: (v or None) for k, v in r.items()} for r in csv.DictReader(fh)]


def seeds_version(seeds_dir: Path) -> str:
    """12 hex of the municipality registry's hash: results matched against the registry are cached with it."""
    import hashlib

    path = Path(seeds_dir) / "municipalities" / "municipalities.csv"
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.exists() else "none"
