"""How much of the demo web's portals a harvest gets right: Databáze strategií records and good practices harvested
with correct fields, registry records linked to the right strategies, CEP projects and participants, the projects of
the STARFOS-like listing.

    .venv/bin/python bench/portals_quality.py --sites 40

Serves the demo web (its truth under <out>/portals/), runs one `smartharvest run` and compares the warehouse with
the truth; nothing is asserted (tests/integration/test_*_demo.py assert the thresholds on the small web). The
portals' texts come from the demo web's own phrase lists, so this measures the plumbing and the parsers, not the
classifier. Loopback only.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.report import save  # noqa: E402

from demo_web.process import DemoWebProcess, free_port_base, ports_needed  # noqa: E402

REGISTRY_FIELDS = ("name", "gestor", "level", "zpracovatel", "approved_on", "valid_from", "valid_to", "descriptors",
                   "fulltext_urls")


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def registry_figures(con, truth: list[dict]) -> dict:
    cols = ("record_url", "strategy_id") + REGISTRY_FIELDS
    got = {r[0]: dict(zip(cols, r)) for r in con.execute(f"SELECT {', '.join(cols)} FROM strategy_registry").fetchall()}
    right = 0
    for t in truth:
        g = got.get(t["detail_url"])
        if g is None:
            continue
        g = {**g, "approved_on": g["approved_on"].isoformat() if g["approved_on"] else None}
        want = {**t, "gestor": t["gestor_name"]}
        right += all(g[f] == want.get(f) for f in REGISTRY_FIELDS)
    urls_of = {sid: set(u) for sid, u in con.execute("SELECT strategy_id, urls FROM strategies").fetchall()}
    by_url = {t["detail_url"]: t for t in truth}
    linked = [(u, g["strategy_id"]) for u, g in got.items() if g["strategy_id"]]
    correct = sum(1 for u, sid in linked if by_url.get(u, {}).get("document_url") in urls_of.get(sid, set()))
    linkable = sum(1 for t in truth if t.get("document_url") and any(t["document_url"] in v for v in urls_of.values()))
    return {"records": len(truth), "harvested_right": right, "share_right": round(right / len(truth), 4),
            "linked": len(linked), "links_right": correct,
            "link_precision": round(correct / len(linked), 4) if linked else None,
            "linkable": linkable, "link_recall": round(correct / linkable, 4) if linkable else None}


def practice_figures(con, truth: list[dict]) -> dict:
    cols = ("source_url", "title", "municipality_code", "country", "population", "size_class", "cost_czk", "year",
            "funding_programmes")
    got = {}
    for r in con.execute(f"SELECT {', '.join(cols)} FROM good_practices").fetchall():
        path = "/" + r[0].split("/", 3)[3]
        got[path] = dict(zip(cols, r))
    right = 0
    for t in truth:
        g = got.get(t["path"])
        if g is None:
            continue
        cost_ok = (g["cost_czk"] is None) == (t["cost_czk"] is None) and (
            t["cost_czk"] is None or abs(g["cost_czk"] - t["cost_czk"]) <= 0.01 * t["cost_czk"])
        right += (g["title"] == t["title"] and g["country"] == t["country"] and g["population"] == t["population"]
                  and g["year"] == t["year"] and cost_ok and g["size_class"] == t["size_class"]
                  and g["municipality_code"] == t["municipality_code"]
                  and sorted(g["funding_programmes"]) == sorted(t["funding_codes"]))
    return {"practices": len(truth), "harvested_right": right, "share_right": round(right / len(truth), 4)}


def rd_figures(con, folder: Path) -> dict:
    with open(folder / "CEP-projekty.csv", encoding="utf-8", newline="") as fh:
        codes = {r["kod_projektu"] for r in csv.DictReader(fh)}
    got = {r[0] for r in con.execute("SELECT project_code FROM rd_projects").fetchall()}
    truth = json.loads((folder / "cep_truth.json").read_text(encoding="utf-8"))
    expected = {(p["project_code"], p["municipality_code"]) for p in truth["municipal_participants"]
                if p.get("in_export", True)}  # the listing-only ones are counted under rd_project_listing
    linked = set(con.execute("SELECT project_code, unnest(municipality_codes) FROM rd_projects").fetchall())
    return {"projects": len(codes), "harvested": len(codes & got),
            "municipal_participations": len(expected), "linked_to_their_municipality": len(expected & linked)}


def listing_figures(con, truth: list[dict]) -> dict:
    """Projects of the STARFOS-like listing: every one with its listing page; those the export lacks with the fields
    their page shows."""
    cols = ("project_code", "listing_url", "title", "goals", "start_year", "end_year", "recipient_ico",
            "state_support_czk")
    got = {r[0]: dict(zip(cols, r)) for r in con.execute(f"SELECT {', '.join(cols)} FROM rd_projects").fetchall()}
    with_page = sum(1 for t in truth if (got.get(t["code"]) or {}).get("listing_url") == t["url"])
    fresh = [t for t in truth if not t["in_export"]]
    right = sum(1 for t in fresh if (g := got.get(t["code"])) and g["title"] == t["title"]
                and (g["goals"] or "") == t["goals"] and (g["start_year"], g["end_year"]) == (t["start_year"], t["end_year"])
                and g["recipient_ico"] == (t["recipient_ico"] or None) and g["state_support_czk"] == t["state_support_czk"])
    return {"listed": len(truth), "with_their_listing_page": with_page, "only_in_the_listing": len(fresh),
            "those_with_correct_fields": right}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sites", type=int, default=40)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="portals-") as tmp:
        with DemoWebProcess(Path(tmp) / "web", sites=args.sites,
                            base_port=free_port_base(ports_needed(args.sites))) as web:
            data = Path(tmp) / "data"
            proc = subprocess.run([sys.executable, "-m", "smartharvest", "run", "--sources", str(web.sources_csv),
                                   "--data-dir", str(data), "--profile", "local"], cwd=ROOT, capture_output=True,
                                  text=True)
            if proc.returncode != 0:
                print(proc.stderr[-4000:], file=sys.stderr)
                return 1
            portals = web.out_dir / "portals"
            con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
            result = {"sites": args.sites,
                      "strategy_registry": registry_figures(con, _jsonl(portals / "registry_truth.jsonl")),
                      "good_practices": practice_figures(con, _jsonl(portals / "good_practices_truth.jsonl")),
                      "rd_projects": rd_figures(con, portals / "isvavai"),
                      "rd_project_listing": listing_figures(con, _jsonl(portals / "starfos_truth.jsonl"))}
            con.close()
    save(f"portals_quality-{args.sites}", result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
