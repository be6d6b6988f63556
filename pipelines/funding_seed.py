"""data/seeds/funding_programmes.csv from the domain taxonomy: `python -m pipelines.funding_seed PATH/taxonomy.json`.

One row per funding programme (and per TA ČR programme under the provider TA ČR): who provides it, for which
period, what it funds, the CEP project-code prefix of TA ČR programmes, and the provenance marker the taxonomy
gives (S stated in a source, T translated/inferred, G general knowledge). The codes are those of
transforms/data/vocabulary.json (sub-programmes as TACR_<code>), so funding_mentions and rd_projects join it.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

COLUMNS = ("programme_code", "name", "parent_code", "provider", "period", "kind", "funds", "cep_code_prefix",
           "provenance")


def rows(taxonomy: dict) -> list[dict]:
    out = []
    for p in taxonomy["funding_programmes"]:
        out.append({"programme_code": p["code"], "name": p.get("name_cs") or p["code"], "parent_code": "",
                    "provider": p.get("authority") or "", "period": p.get("period") or "", "kind": p.get("kind") or "",
                    "funds": p.get("smart_relevance") or p.get("note") or "", "cep_code_prefix": "",
                    "provenance": (p.get("provenance") or "")[:1]})
        for q in p.get("programmes") or []:
            out.append({"programme_code": f"{p['code']}_{q['code']}", "name": q.get("name") or q["code"],
                        "parent_code": p["code"], "provider": p.get("authority") or "", "period": "",
                        "kind": p.get("kind") or "", "funds": q.get("focus") or "", "cep_code_prefix": q.get("cep_prefix") or "",
                        "provenance": (q.get("prov") or "")[:1]})
    return out


def main(argv: list[str]) -> int:
    taxonomy = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    w = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows(taxonomy))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
