"""False "strategy" and false "SMART" rate on real ordinary items (the bulk negatives of issue 7).

    python bench/false_positives.py [--shared ../shared] [--json bench/results/false_positives.json] [--list]

What is measured and how: pipelines/bulk_negatives.py. Acceptance: at most 3 % false strategies and 3 % false SMART.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.bulk_negatives import LABELS, measure  # noqa: E402
from core.settings import load_settings  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", type=Path, default=None, help="also write the result here")
    ap.add_argument("--list", action="store_true", help="list every flagged item")
    args = ap.parse_args(argv)
    if not (args.shared / "corpus").is_dir():
        print(f"no shared material at {args.shared}", file=sys.stderr)
        return 2
    res = measure(args.shared, load_settings())
    print(f"{'source':<10} {'items':>6} {'labelled':>9} {'false strategy':>15} {'false SMART':>12}")
    for name, s in [*res["sources"].items(), ("all", res["total"])]:
        print(f"{name:<10} {s['items']:>6} {s['labelled_positive']:>9} "
              f"{s['false_strategy']:>5} ({s['false_strategy_rate']:.1%}) {s['false_smart']:>5} ({s['false_smart_rate']:.1%})")
    print(f"({res['seconds']} s; 'labelled': items read and labelled as SMART or strategy in {LABELS.relative_to(ROOT)})")
    if args.list:
        for f in res["flagged"]:
            print(f"  {f['source']:<24} {f['predicted']} label={f['label'] and {k: f['label'].get(k) for k in ('is_strategic', 'smart_relevant')}} "
                  f"{f['title']!r} :: {str(f['why'])[:160]}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
