"""Evaluate extraction and annotation against human labels (the format of ../shared/corpus/dev/labels.jsonl).

    smartharvest evaluate --labels ../shared/corpus/dev/labels.jsonl --documents ../shared/corpus/dev/documents

Each labelled file is extracted and annotated exactly as the nightly pipeline does (without a source: the municipality,
level and type come from the text alone), then compared field by field.
"""
from __future__ import annotations

import json
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pipelines.annotate import annotate_in_worker, index_rows, init_worker
from smartharvest.settings import Settings
from transforms import metrics
from transforms.extraction import extract


@dataclass
class Evaluation:
    rows: list[dict] = field(default_factory=list)  # one per labelled document: gold, predicted, per-field verdicts
    summary: dict = field(default_factory=dict)

    def report(self) -> str:
        s = self.summary
        out = [f"documents            {s['documents']} labelled, {s['missing_files']} files missing"]
        out.append(f"readable text        {s['readable']}/{s['documents']} (text_source: {s['text_sources']})")
        for name in ("language", "title", "doc_type", "is_strategic", "level", "municipality_code"):
            acc, ok, n = s[name]
            out.append(f"{name:<20} accuracy {acc:.3f} ({ok}/{n})")
        for name in ("validity_from", "validity_to", "approved_on"):
            f = s[name]
            out.append(f"{name:<20} correct where labelled {f['correct']}/{f['labelled']}; "
                       f"predicted where not labelled {f['spurious']}/{f['unlabelled']}")
        out.append(f"{'is_smart':<20} {s['is_smart'].line()}")
        out.append(f"{'domains (micro)':<20} {s['domains'].line()}")
        for area, m in s["domains_per_area"].items():
            out.append(f"  {area:<28} {m.line()}")
        return "\n".join(out)


def load_labels(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _locate(documents_dir: Path, label: dict) -> Path | None:
    for candidate in (documents_dir / (label.get("folder") or "") / label["file"], documents_dir / label["file"]):
        if candidate.is_file():
            return candidate
    return None


def _predict(path: str) -> dict:
    p = Path(path)
    ex = extract(p.read_bytes(), None, p.name)
    a = annotate_in_worker(title=ex.title, text=ex.text or "", url=None, source_kind=None,
                           source_municipality_code=None)
    return {"title": ex.title, "text_chars": ex.text_chars or 0, "needs_ocr": ex.needs_ocr,
            "extraction_status": ex.extraction_status, "text_source": getattr(ex, "text_source", None), **a.to_dict()}


def evaluate(labels_path: Path, documents_dir: Path, settings: Settings, workers: int | None = None,
             progress: Callable[[str], None] | None = None) -> Evaluation:
    labels = load_labels(labels_path)
    rows = index_rows(settings)
    located = [(lab, _locate(Path(documents_dir), lab)) for lab in labels]
    present = [(lab, p) for lab, p in located if p is not None]
    ctx = multiprocessing.get_context("forkserver")
    n = workers or max(1, multiprocessing.cpu_count())
    with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=init_worker, initargs=(rows,)) as pool:
        preds = []
        for i, pred in enumerate(pool.map(_predict, [str(p) for _, p in present]), start=1):
            preds.append(pred)
            if progress and i % 10 == 0:
                progress(f"{i}/{len(present)} documents")
    ev = Evaluation()
    for (lab, path), pred in zip(present, preds):
        ev.rows.append({"file": lab["file"], "gold": lab, "pred": pred})
    ev.summary = summarise(ev.rows, missing=len(located) - len(present))
    return ev


def _field(rows: list[dict], name: str) -> dict:
    labelled = [r for r in rows if r["gold"].get(name) is not None]
    unlabelled = [r for r in rows if r["gold"].get(name) is None]
    return {"labelled": len(labelled), "correct": sum(str(r["pred"].get(name)) == str(r["gold"][name]) for r in labelled),
            "unlabelled": len(unlabelled), "spurious": sum(r["pred"].get(name) is not None for r in unlabelled)}


def summarise(rows: list[dict], missing: int = 0) -> dict:
    def pairs(gold_key: str, pred_key: str):
        return [(r["gold"].get(gold_key), r["pred"].get(pred_key)) for r in rows]

    readable = sum(1 for r in rows if r["pred"]["text_chars"] > 0 and r["pred"]["extraction_status"] == "ok")
    sources: dict[str, int] = {}
    for r in rows:
        sources[str(r["pred"].get("text_source"))] = sources.get(str(r["pred"].get("text_source")), 0) + 1
    domain_pairs = [(r["gold"].get("domains") or [], r["pred"].get("domains") or []) for r in rows]
    return {
        "documents": len(rows), "missing_files": missing, "readable": readable, "text_sources": sources,
        "language": metrics.accuracy(pairs("language", "language")),
        "title": metrics.accuracy((True, metrics.title_matches(r["gold"].get("title"), r["pred"].get("title"))) for r in rows),
        "doc_type": metrics.accuracy(pairs("doc_type", "doc_type")),
        "is_strategic": metrics.accuracy((bool(g), bool(p)) for g, p in pairs("is_strategic_document", "is_strategic")),
        "level": metrics.accuracy(pairs("level", "level")),
        "municipality_code": metrics.accuracy(pairs("municipality_code", "municipality_code")),
        "validity_from": _field(rows, "validity_from"), "validity_to": _field(rows, "validity_to"),
        "approved_on": _field(rows, "approved_on"),
        "is_smart": metrics.binary_prf((bool(g), bool(p)) for g, p in pairs("smart_relevant", "is_smart")),
        "domains": metrics.micro_prf(domain_pairs),
        "domains_per_area": metrics.per_label_prf(domain_pairs),
    }
