"""SMART relevance of R&D projects, measured on real project records labelled by reading them.

    .venv/bin/python bench/rd_projects_quality.py [--errors]

Reads data/evaluation/rd_projects_real.jsonl (real titles and goals of CEP/STARFOS projects with their provenance;
see rd_projects_real.md for how they were collected and labelled) and judges each with
transforms.rd_project.understand_project, the same classifier as documents; nothing was tuned on these records.
Prints precision and recall of is_smart, and with --errors every wrong call.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.rd_project import understand_project  # noqa: E402
from transforms.vocabulary import load_vocabulary  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list the records judged wrongly")
    args = ap.parse_args()
    vocab = load_vocabulary()
    records = [json.loads(line) for line in (ROOT / "data" / "evaluation" / "rd_projects_real.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    tp = fp = fn = tn = 0
    wrong = []
    for r in records:
        judged = understand_project({"title": r.get("title"), "goals": r.get("goals")}, vocab, None)["is_smart"]
        tp += judged and r["is_smart"]
        fp += judged and not r["is_smart"]
        fn += (not judged) and r["is_smart"]
        tn += (not judged) and not r["is_smart"]
        if judged != r["is_smart"]:
            wrong.append((r["is_smart"], judged, r.get("project_code"), (r.get("title") or r.get("goals") or "")[:90]))
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    result = {"records": len(records), "labelled_smart": tp + fn, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
              "precision": round(precision, 3) if precision is not None else None,
              "recall": round(recall, 3) if recall is not None else None,
              "with_goals": sum(1 for r in records if r.get("goals"))}
    print(json.dumps(result, indent=1))
    if args.errors:
        for truth, judged, code, text in wrong:
            print(f"label {truth!s:5} judged {judged!s:5} {code or '-':16} {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
