"""The bulk real negatives of issue 7: ordinary items nobody labelled one by one, annotated as documents are.

- the 159 article pages of a village website (../shared/corpus/dev/articles, HTML extracted as the crawler's pages are);
- the 185 Vismo records of several towns (../shared/domain/cms/vismo_documents.jsonl: title and body text);
- the titles of the real OFN notice-board feeds (../shared/domain/ofn/real_feed_*.json), each annotated as a
  one-line document (what a feed gives before its attachments are fetched).
The few items that are in fact about a SMART solution or are a strategy were read and labelled in
data/evaluation/negatives.json; a flag on one of those is not counted as false. ``measure`` returns, per source and
overall, how many items were wrongly flagged as a strategy and as SMART, and the rates. bench/false_positives.py
prints them; tests/pipelines/test_bulk_negatives.py holds them under the acceptance limit.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from pipelines.annotate import annotate_in_worker, index_rows, init_worker
from core.settings import Settings
from transforms.extraction import extract

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "data" / "evaluation" / "negatives.json"


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


def measure(shared: Path, settings: Settings) -> dict:
    init_worker(index_rows(settings))
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


