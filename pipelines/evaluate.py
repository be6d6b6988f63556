"""Evaluate extraction and annotation against human labels (the format of ../shared/corpus/*/labels.jsonl).

    smartharvest evaluate                      # ../shared/corpus/dev and dev2, tune and check parts side by side
    smartharvest evaluate --labels L --documents D [--labels L2 --documents D2]

Each labelled file is extracted and annotated exactly as the nightly pipeline does (without a source: the
municipality, level and type come from the text alone), then compared field by field. Every labelled file
belongs to the *tune* or the *check* part of the fixed split in ``data/evaluation/split.json`` (by issuer;
unknown issuers are check): rules are designed on tune, the figures that count are check's.
"""
from __future__ import annotations

import json
import multiprocessing
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from pipelines.annotate import annotate_in_worker, index_rows, init_worker
from pipelines.extract import forkserver_context
from core.settings import Settings
from transforms import metrics
from transforms.extraction import extract

REPO = Path(__file__).resolve().parents[1]
SPLIT_FILE = REPO / "data" / "evaluation" / "split.json"
SHARED_CORPORA = ("dev", "dev2")
PARTS = ("tune", "check")


@dataclass(frozen=True)
class Corpus:
    name: str
    labels: Path
    documents: Path


def corpus_of(labels: Path, documents: Path) -> Corpus:
    """A corpus is named after the folder of its labels file (``.../corpus/dev2/labels.jsonl`` -> dev2)."""
    return Corpus(Path(labels).resolve().parent.name, Path(labels), Path(documents))


def shared_corpora(shared_dir: Path) -> list[Corpus]:
    """The labelled real corpora of ../shared that exist."""
    out = []
    for name in SHARED_CORPORA:
        root = Path(shared_dir) / "corpus" / name
        if (root / "labels.jsonl").is_file():
            out.append(Corpus(name, root / "labels.jsonl", root / "documents"))
    return out


@dataclass(frozen=True)
class Split:
    issuers: tuple[dict, ...]
    default_part: str = "check"

    def place(self, corpus: str, label: dict) -> tuple[str, str]:
        """(part, issuer) of one labelled file."""
        for entry in self.issuers:
            if entry.get("corpus") not in (None, corpus):
                continue
            if "folder" in entry and label.get("folder") != entry["folder"]:
                continue
            if "file_prefix" in entry and not str(label.get("file", "")).startswith(entry["file_prefix"]):
                continue
            return entry["part"], entry["issuer"]
        return self.default_part, f"unlisted issuer ({corpus})"


def load_split(path: Path = SPLIT_FILE) -> Split:
    d = json.loads(Path(path).read_text(encoding="utf-8"))
    for entry in d["issuers"]:
        if entry["part"] not in PARTS:
            raise ValueError(f"{path}: part must be one of {PARTS}: {entry}")
    return Split(tuple(d["issuers"]), d.get("default_part", "check"))


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
                           source_municipality_code=None, title_candidates=ex.meta.get("title_candidates"))
    return {"text_chars": ex.text_chars or 0, "needs_ocr": ex.needs_ocr, "extraction_title": ex.title,
            "extraction_status": ex.extraction_status, "text_source": getattr(ex, "text_source", None), **a.to_dict()}


@dataclass
class Evaluation:
    rows: list[dict] = field(default_factory=list)  # one per labelled document: corpus, part, gold, predicted
    missing: list[str] = field(default_factory=list)

    def groups(self) -> dict[str, list[dict]]:
        """check, tune, then each corpus's check and tune (only groups that have documents)."""
        out: dict[str, list[dict]] = {}
        for part in ("check", "tune"):
            out[part] = [r for r in self.rows if r["part"] == part]
        for corpus in dict.fromkeys(r["corpus"] for r in self.rows):
            for part in ("check", "tune"):
                out[f"{corpus}/{part}"] = [r for r in self.rows if r["corpus"] == corpus and r["part"] == part]
        return {k: v for k, v in out.items() if v}

    def summaries(self) -> dict[str, dict]:
        return {name: summarise(rows) for name, rows in self.groups().items()}

    def report(self, errors: bool = False) -> str:
        return render_report(self, errors=errors)


def evaluate(corpora: Iterable[Corpus], settings: Settings, split: Split | None = None, workers: int | None = None,
             progress: Callable[[str], None] | None = None) -> Evaluation:
    split = split or load_split()
    ev = Evaluation()
    todo: list[tuple[dict, Path]] = []
    for corpus in corpora:
        for lab in load_labels(corpus.labels):
            path = _locate(Path(corpus.documents), lab)
            part, issuer = split.place(corpus.name, lab)
            row = {"corpus": corpus.name, "part": part, "issuer": issuer, "file": lab["file"], "gold": lab}
            if path is None:
                ev.missing.append(f"{corpus.name}/{lab['file']}")
            else:
                todo.append((row, path))
    ctx = forkserver_context()
    n = workers or max(1, multiprocessing.cpu_count())
    with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=init_worker,
                             initargs=(index_rows(settings),)) as pool:
        for i, ((row, _), pred) in enumerate(zip(todo, pool.map(_predict, [str(p) for _, p in todo])), start=1):
            ev.rows.append({**row, "pred": pred})
            if progress and (i % 10 == 0 or i == len(todo)):
                progress(f"{i}/{len(todo)} documents")
    return ev


# ------------------------------------------------------------------------------------------ measures

def _field(rows: list[dict], name: str) -> dict:
    labelled = [r for r in rows if r["gold"].get(name) is not None]
    unlabelled = [r for r in rows if r["gold"].get(name) is None]
    return {"labelled": len(labelled), "correct": sum(str(r["pred"].get(name)) == str(r["gold"][name]) for r in labelled),
            "unlabelled": len(unlabelled), "spurious": sum(r["pred"].get(name) is not None for r in unlabelled)}


def _validity_spurious(rows: list[dict]) -> tuple[int, int]:
    """Documents without a labelled validity that got one predicted: (spurious, documents without one)."""
    without = [r for r in rows if r["gold"].get("validity_from") is None and r["gold"].get("validity_to") is None]
    spurious = sum(1 for r in without if r["pred"].get("validity_from") is not None or r["pred"].get("validity_to") is not None)
    return spurious, len(without)


def summarise(rows: list[dict]) -> dict:
    def pairs(gold_key: str, pred_key: str):
        return [(r["gold"].get(gold_key), r["pred"].get(pred_key)) for r in rows]

    readable = sum(1 for r in rows if r["pred"]["text_chars"] > 0 and r["pred"]["extraction_status"] == "ok")
    sources = Counter(str(r["pred"].get("text_source")) for r in rows)
    domain_pairs = [(r["gold"].get("domains") or [], r["pred"].get("domains") or []) for r in rows]
    typed = [(g, p) for g, p in pairs("doc_type", "doc_type") if g and g != "other"]
    return {
        "documents": len(rows), "readable": readable, "text_sources": dict(sources),
        "language": metrics.accuracy(pairs("language", "language")),
        "title": metrics.accuracy((True, metrics.title_matches(r["gold"].get("title"), r["pred"].get("title"))) for r in rows),
        "doc_type": metrics.accuracy(pairs("doc_type", "doc_type")),
        "doc_type_typed": metrics.accuracy(typed),
        "doc_type_confusion": dict(Counter(f"{g} -> {p}" for g, p in pairs("doc_type", "doc_type") if g != p)),
        "is_strategic": metrics.binary_prf((bool(g), bool(p)) for g, p in pairs("is_strategic_document", "is_strategic")),
        "level": metrics.accuracy(pairs("level", "level")),
        "municipality_code": metrics.accuracy(pairs("municipality_code", "municipality_code")),
        "validity_from": _field(rows, "validity_from"), "validity_to": _field(rows, "validity_to"),
        "validity_spurious": _validity_spurious(rows),
        "approved_on": _field(rows, "approved_on"),
        "is_smart": metrics.binary_prf((bool(g), bool(p)) for g, p in pairs("smart_relevant", "is_smart")),
        "domains": metrics.micro_prf(domain_pairs),
        "domains_per_area": metrics.per_label_prf(domain_pairs),
    }


# ------------------------------------------------------------------------------------------ report

def _acc(t: tuple[float, int, int]) -> str:
    acc, ok, n = t
    return f"{acc:.3f} ({ok}/{n})" if n else "-"


def _prf(m: metrics.PRF, f1: bool = False) -> str:
    if m.tp + m.fp + m.fn == 0:
        return "- (none)"
    p = f"{m.precision:.2f}" if m.tp + m.fp else "-"
    r = f"{m.recall:.2f}" if m.tp + m.fn else "-"
    return f"P{p} R{r}" + (f" F{m.f1:.2f}" if f1 else "") + f" {m.tp}/{m.fp}/{m.fn}"


def _ratio(a: int, n: int) -> str:
    return f"{a / n:.3f} ({a}/{n})" if n else "-"


ROWS: tuple[tuple[str, Callable[[dict], str]], ...] = (
    ("documents", lambda s: str(s["documents"])),
    ("readable text", lambda s: f"{s['readable']}/{s['documents']}"),
    ("language", lambda s: _acc(s["language"])),
    ("title", lambda s: _acc(s["title"])),
    ("doc_type", lambda s: _acc(s["doc_type"])),
    ("doc_type (not other)", lambda s: _acc(s["doc_type_typed"])),
    ("is_strategic", lambda s: _prf(s["is_strategic"])),
    ("is_smart", lambda s: _prf(s["is_smart"])),
    ("domains (micro)", lambda s: _prf(s["domains"], f1=True)),
    ("validity invented", lambda s: _ratio(*s["validity_spurious"])),
    ("validity_from right", lambda s: f"{s['validity_from']['correct']}/{s['validity_from']['labelled']}"),
    ("validity_to right", lambda s: f"{s['validity_to']['correct']}/{s['validity_to']['labelled']}"),
    ("approved_on invented", lambda s: f"{s['approved_on']['spurious']}/{s['approved_on']['unlabelled']}"),
    ("level", lambda s: _acc(s["level"])),
    ("municipality_code", lambda s: _acc(s["municipality_code"])),
)


def render_report(ev: Evaluation, errors: bool = False) -> str:
    sums = ev.summaries()
    names = list(sums)
    cells = [[label] + [fn(sums[n]) for n in names] for label, fn in ROWS]
    widths = [max(len(r[i]) for r in cells + [[""] + names]) for i in range(len(names) + 1)]
    head = ["".ljust(widths[0])] + [n.ljust(w) for n, w in zip(names, widths[1:])]
    out = ["  ".join(head).rstrip()]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    out.append("(is_strategic / is_smart / domains: precision, recall, tp/fp/fn; doc_type (not other): documents "
               "whose labelled type is a taxonomy type; validity invented: documents without a labelled validity "
               "that got one)")
    if ev.missing:
        out.append(f"missing files: {len(ev.missing)}: {', '.join(ev.missing[:5])}")
    for part in ("check", "tune"):
        if part not in sums:
            continue
        s = sums[part]
        if s["doc_type_confusion"]:
            conf = ", ".join(f"{k} ×{v}" for k, v in sorted(s["doc_type_confusion"].items(), key=lambda kv: -kv[1]))
            out.append(f"{part}: doc_type confusion (gold -> predicted): {conf}")
        areas = ", ".join(f"{a} {m.tp}/{m.fp}/{m.fn}" for a, m in s["domains_per_area"].items())
        out.append(f"{part}: domains per area (tp/fp/fn): {areas}")
    if errors:
        out += ["", "errors (part, file: field gold -> predicted):"] + list(error_lines(ev.rows))
    return "\n".join(out)


def error_lines(rows: list[dict]) -> Iterable[str]:
    for r in sorted(rows, key=lambda r: (r["part"], r["corpus"], r["file"])):
        g, p = r["gold"], r["pred"]
        diffs = []
        if not metrics.title_matches(g.get("title"), p.get("title")):
            diffs.append(f"title {g.get('title')!r} -> {p.get('title')!r} [{p.get('title_source')}]")
        for gk, pk in (("doc_type", "doc_type"), ("is_strategic_document", "is_strategic"), ("smart_relevant", "is_smart")):
            if (bool(g.get(gk)) if gk != "doc_type" else g.get(gk)) != (bool(p.get(pk)) if pk != "doc_type" else p.get(pk)):
                diffs.append(f"{pk} {g.get(gk)} -> {p.get(pk)}")
        if sorted(g.get("domains") or []) != sorted(p.get("domains") or []):
            diffs.append(f"domains {sorted(g.get('domains') or [])} -> {sorted(p.get('domains') or [])}")
        for k in ("validity_from", "validity_to"):
            if g.get(k) != p.get(k):
                diffs.append(f"{k} {g.get(k)} -> {p.get(k)}")
        if diffs:
            yield f"  {r['part']:<5} {r['corpus']}/{r['file'][:70]}: " + "; ".join(diffs)
