"""SMART relevance of R&D projects, measured on real project records labelled by reading them.

    .venv/bin/python bench/rd_projects_quality.py [--errors]

Reads data/evaluation/rd_projects_real*.jsonl (real titles and goals of CEP/STARFOS/TA ČR/GA ČR projects with their
provenance; the .md beside each says how they were collected and labelled) and judges each with
transforms.rd_project.understand_project, the same classifier as documents. The records are split once into a tune
part and a check part (`split`: within each label, by the hash of the record's code and title, half and half), rules
are designed on the tune part only, and the figures that count are the check part's. --errors lists the wrong calls
of the tune part only. --synthetic DIR also judges the demo web's synthetic CEP export in DIR (CEP-projekty.csv
and cep_truth.json, e.g. <demo out>/portals/isvavai): its texts come from the generator's phrase lists, so this is a
sanity check against rules that fire on ordinary research (near misses such as battery chemistry), not a quality
figure.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.rd_project import understand_project  # noqa: E402
from transforms.vocabulary import load_vocabulary  # noqa: E402

FILES = ("rd_projects_real.jsonl", "rd_projects_real2.jsonl")


def records() -> list[dict]:
    folder = ROOT / "data" / "evaluation"
    return [json.loads(line) for name in FILES for line in (folder / name).read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _key(r: dict) -> str:
    return hashlib.sha256(f"{r.get('project_code') or ''}|{(r.get('title') or r.get('goals') or '')[:80]}".encode()
                          ).hexdigest()


def split(recs: list[dict]) -> dict[str, str]:
    """Record key -> 'tune' | 'check': within each label, records ordered by key hash, the first half tune."""
    out = {}
    for label in (True, False):
        keys = sorted(_key(r) for r in recs if r["is_smart"] is label)
        for i, k in enumerate(keys):
            out[k] = "tune" if i < (len(keys) + 1) // 2 else "check"
    return out


def figures(judged: list[tuple[dict, bool]]) -> dict:
    tp = sum(1 for r, j in judged if j and r["is_smart"])
    fp = sum(1 for r, j in judged if j and not r["is_smart"])
    fn = sum(1 for r, j in judged if not j and r["is_smart"])
    tn = len(judged) - tp - fp - fn
    return {"records": len(judged), "labelled_smart": tp + fn, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None,
            "with_goals": sum(1 for r, _ in judged if r.get("goals"))}


def synthetic(folder: Path, vocab, limit: int) -> dict:
    truth = json.loads((folder / "cep_truth.json").read_text(encoding="utf-8"))["projects"]
    judged = []
    with open(folder / "CEP-projekty.csv", encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            if i >= limit:
                break
            rec = {"title": r["nazev_projektu_originalni"], "goals": r["cile_reseni_originalni"],
                   "keywords": [k.strip() for k in r["klicova_slova_anglicky"].split(";") if k.strip()]}
            judged.append(({"is_smart": truth[r["kod_projektu"]]["smart"], "goals": rec["goals"]},
                           understand_project(rec, vocab, None)["is_smart"]))
    return figures(judged)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list the wrongly judged records of the tune part")
    ap.add_argument("--synthetic", type=Path, metavar="DIR", help="also judge the synthetic CEP export in DIR")
    ap.add_argument("--limit", type=int, default=6000, help="projects of the synthetic export judged")
    args = ap.parse_args()
    vocab = load_vocabulary()
    recs = records()
    part = split(recs)
    judged = {"tune": [], "check": []}
    for r in recs:
        verdict = understand_project({"title": r.get("title"), "goals": r.get("goals")}, vocab, None)["is_smart"]
        judged[part[_key(r)]].append((r, verdict))
    result = {name: figures(rows) for name, rows in judged.items()}
    if args.synthetic:
        result["synthetic"] = synthetic(args.synthetic, vocab, args.limit)
    print(json.dumps(result, indent=1))
    if args.errors:
        for r, verdict in judged["tune"]:
            if verdict != r["is_smart"]:
                print(f"label {r['is_smart']!s:5} judged {verdict!s:5} {r.get('project_code') or '-':16} "
                      f"{(r.get('title') or r.get('goals') or '')[:100]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
