"""False "strategy" and false "SMART" rate on real ordinary items (the bulk negatives of issue 7).

    python bench/false_positives.py [--shared ../shared] [--json bench/results/false_positives.json] [--list]

Real items nobody labelled one by one, nearly all ordinary paperwork and news:
- the 159 article pages of a village website (../shared/corpus/dev/articles, HTML extracted as the crawler's pages are);
- the 185 Vismo records of several towns (../shared/domain/cms/vismo_documents.jsonl: title and body text);
- the titles of the real OFN notice-board feeds (../shared/domain/ofn/real_feed_*.json), each annotated as a
  one-line document (what a feed gives before its attachments are fetched).
Each is annotated exactly as the nightly job annotates a document. The few items that are in fact about a SMART
solution or are a strategy were read and labelled in data/evaluation/negatives.json; a flag on one of those is
not counted as false. Prints, per source and overall, how many items were flagged as a strategy and as SMART
that are not, and the rates (acceptance: at most 3 % each).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.annotate import annotate_in_worker, index_rows, init_worker  # noqa: E402
from smartharvest.settings import load_settings  # noqa: E402
from transforms.extraction import extract  # noqa: E402

LABELS = ROOT / "data" / "evaluation" / "negatives.json"


def articles(shared: Path) -> list[dict]:
    root = shared / "corpus" / "dev" / "articles"
    out = []
    for line in (root / "articles_index.jsonl").read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        a = json.loads(line)
        html = (root / a["html_file"]).read_bytes()
        ex = extract(b"<html><body><h1>" + a["title"].encode("utf-8") + b"</h1>" + html + b"</body></html>",
                     "text/html; charset=utf-8", a["html_file"])
        out.append({"source": "articles", "id": a["id"], "title": ex.title or a["title"], "text": ex.text,
                    "title_candidates": ex.meta.get("title_candidates")})
    return out


def vismo_records(shared: Path) -> list[dict]:
    out = []
    path = shared / "domain" / "cms" / "vismo_documents.jsonl"
    for i, line in enumerate(path.read_text(encoding="utf-8").split("\n")):
        if line.strip():
            r = json.loads(line)
            out.append({"source": "vismo", "id": r.get("url") or str(i), "title": r.get("title") or "",
                        "text": (r.get("title") or "") + "\n" + (r.get("body_text") or "")})
    return out


def feed_titles(shared: Path) -> list[dict]:
    out = []
    for path in sorted((shared / "domain" / "ofn").glob("real_feed_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        boards = data if isinstance(data, list) else [data]
        for board in boards:
            for item in board.get("informace") or []:
                name = item.get("název") or {}
                title = name.get("cs") if isinstance(name, dict) else str(name)
                if title:
                    out.append({"source": f"ofn:{path.stem}", "id": item.get("iri") or item.get("url") or title,
                                "title": title, "text": title})
    return out


def run(shared: Path) -> dict:
    init_worker(index_rows(load_settings()))
    labels = {(x["source"], x["id"]): x for x in json.loads(LABELS.read_text(encoding="utf-8"))["items"]}
    items = articles(shared) + vismo_records(shared) + feed_titles(shared)
    by_source: dict[str, dict] = {}
    flagged = []
    t0 = time.time()
    for it in items:
        a = annotate_in_worker(title=it["title"], text=it["text"] or "", url=None, source_kind="municipal_site",
                               source_municipality_code=None, title_candidates=it.get("title_candidates"))
        lab = labels.get((it["source"].split(":")[0], it["id"])) or labels.get((it["source"], it["id"])) or {}
        s = by_source.setdefault(it["source"].split(":")[0], {"items": 0, "false_strategy": 0, "false_smart": 0,
                                                              "labelled_positive": 0})
        s["items"] += 1
        s["labelled_positive"] += bool(lab)
        false_strategy = a.is_strategic and not lab.get("is_strategic")
        false_smart = a.is_smart and not lab.get("smart_relevant")
        s["false_strategy"] += false_strategy
        s["false_smart"] += false_smart
        if false_strategy or false_smart or lab:
            flagged.append({"source": it["source"], "id": it["id"], "title": (a.title or it["title"])[:120],
                            "predicted": {"is_strategic": a.is_strategic, "doc_type": a.doc_type, "is_smart": a.is_smart},
                            "label": lab or None,
                            "why": a.evidence.get("smart", {}).get("rule") if a.is_smart else a.evidence.get("doc_type")})
    total = {k: sum(s[k] for s in by_source.values()) for k in ("items", "false_strategy", "false_smart", "labelled_positive")}
    for s in [*by_source.values(), total]:
        n = max(1, s["items"] - s["labelled_positive"])
        s["false_strategy_rate"] = round(s["false_strategy"] / n, 4)
        s["false_smart_rate"] = round(s["false_smart"] / n, 4)
    return {"sources": by_source, "total": total, "flagged": flagged, "seconds": round(time.time() - t0, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", type=Path, default=None, help="also write the result here")
    ap.add_argument("--list", action="store_true", help="list every flagged item")
    args = ap.parse_args(argv)
    if not (args.shared / "corpus").is_dir():
        print(f"no shared material at {args.shared}", file=sys.stderr)
        return 2
    res = run(args.shared)
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
