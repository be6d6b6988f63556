"""The benchmark suite (`make bench`): every stage's benchmark in order, each in its own process, then
docs/PERFORMANCE.md rendered from their results (bench/results/<name>.json, the common shape of bench/report.py).

    .venv/bin/python bench/suite.py                       # the issue 12 sizes (long: nights at 40, 400, 2,000 sites)
    .venv/bin/python bench/suite.py --quick               # small sizes, 1 repeat: shows the whole chain works
    .venv/bin/python bench/suite.py --only ocr_speed dedup_speed
    .venv/bin/python bench/suite.py --night-sites 40 400  # skip the 2,000-site nights
    .venv/bin/python bench/suite.py --render-only         # only re-render docs/PERFORMANCE.md from bench/results/
                                                          # (a stage with no result there keeps its earlier section)

Stages, in order: extraction_speed, ocr_speed, annotation_speed, dedup_speed, crawl_speed, nights_scaling (whole
nights; keeps its largest warehouse for the search stage), publish_scaling (publish
alone on one night's data per size, repeated), search_latency. A stage whose script is missing is listed
as "not run" and the suite goes on; so is one that fails (its log is in bench/results/logs/). A flag the suite would
pass and a script does not offer (per its --help) is dropped and noted. Each stage's stdout and stderr go to
bench/results/logs/<stage>.log; the suite's own record is bench/results/suite.json. Figures are measured, never
asserted. Loopback only.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402

BENCH = ROOT / "bench"
LOGS = report.RESULTS / "logs"
DOC = ROOT / "docs" / "PERFORMANCE.md"
KEPT_DB = report.RESULTS / "nights_warehouse.duckdb"
KEPT_DB_ARG = str(KEPT_DB.relative_to(ROOT))  # the stages run in ROOT

# (name, title, full arguments, quick arguments); "{db}" is the warehouse the nights stage kept
STAGES: list[tuple[str, str, list[str], list[str]]] = [
    ("extraction_speed", "Extraction: PDF pages/s against PDFium-only and pdfplumber-only",
     ["--sites", "40", "--repeat", "3"], ["--sites", "8", "--repeat", "1"]),
    ("ocr_speed", "OCR: pages/s of scanned PDFs against the tesseract CLI",
     ["--repeat", "3"], ["--repeat", "1", "--max-pages", "1"]),
    ("annotation_speed", "Annotation: documents/s against language detection and tokenising alone",
     ["--sites", "40", "--repeat", "3"], ["--sites", "8", "--repeat", "1"]),
    ("dedup_speed", "Near-duplicate detection: documents/s against exact-hash dedup",
     ["--sizes", "2000", "10000", "--demo-sites", "40", "400", "--repeat", "3"],
     ["--sizes", "1000", "--demo-sites", "8", "40", "--repeat", "1"]),
    ("crawl_speed", "Crawl: pages/s and CPU per request against a bare Scrapy spider",
     ["--sites", "40", "200", "--repeat", "3"], ["--sites", "8", "--repeat", "1"]),
    ("nights_scaling", "Whole nights: wall, tree CPU, peak RSS, publish rows/s, growth with sites and nights",
     ["--sites", "40", "400", "2000", "--nights", "2", "--keep-db", "{db}"],
     ["--sites", "8", "40", "--nights", "2", "--keep-db", "{db}"]),
    ("publish_scaling", "Publish alone: its time against its documents, 400 -> 1,000 sites, fresh process per publish",
     ["--sites", "400", "1000", "--repeat", "5"], ["--sites", "8", "40", "--repeat", "1"]),
    ("search_latency", "Search latency: BM25 search against an ILIKE scan",
     ["--db", "{db}", "--repeat", "5"], ["--db", "{db}", "--repeat", "2"]),
]


def _offered_flags(script: Path) -> set[str] | None:
    try:
        out = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120,
                             cwd=ROOT)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    usage = out.stdout.split("\n\n", 1)[0]  # the usage lines list every option; the description may name others
    options = re.split(r"^(?:options|optional arguments):$", out.stdout, flags=re.M)[-1]
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", usage + "\n" + options))


def _fit_args(args: list[str], offered: set[str] | None) -> tuple[list[str], list[str]]:
    """Drop the flags (and their values) the script does not offer; returns (kept, dropped flags)."""
    if offered is None:
        return args, []
    kept, dropped, skip = [], [], False
    for a in args:
        if a.startswith("--"):
            skip = a not in offered
            if skip:
                dropped.append(a)
                continue
        elif skip:
            continue
        kept.append(a)
    return kept, dropped


def run_stage(name: str, args: list[str]) -> dict:
    script = BENCH / f"{name}.py"
    if not script.exists():
        print(f"[suite] {name}: not run (bench/{name}.py does not exist)", file=sys.stderr, flush=True)
        return {"stage": name, "status": "not run", "reason": f"bench/{name}.py does not exist"}
    args, dropped = _fit_args(args, _offered_flags(script))
    command = " ".join([f"bench/{name}.py", *args])
    LOGS.mkdir(parents=True, exist_ok=True)
    log = LOGS / f"{name}.log"
    print(f"[suite] {name}: {command}", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    with open(log, "w", encoding="utf-8") as f:
        code = subprocess.run([sys.executable, str(script), *args], cwd=ROOT, stdout=f,
                              stderr=subprocess.STDOUT).returncode
    wall = round(time.perf_counter() - t0, 1)
    entry = {"stage": name, "command": command, "exit": code, "wall_s": wall, "log": str(log.relative_to(ROOT))}
    if dropped:
        entry["dropped_flags"] = dropped
    saved = report.load(name)
    if code != 0:
        entry["status"] = "failed"
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
        entry["reason"] = f"exit {code}: " + " | ".join(tail)[-400:]
    elif saved is None or "rows" not in saved:
        entry["status"] = "failed"
        entry["reason"] = "no result in the common shape in bench/results/"
    elif saved.get("skipped"):
        entry["status"] = "skipped"
        entry["reason"] = saved["skipped"]
    else:
        entry["status"] = "ok"
    print(f"[suite] {name}: {entry['status']} in {wall} s" + (f" ({entry['reason']})" if entry.get("reason") else ""),
          file=sys.stderr, flush=True)
    return entry


# ------------------------------------------------------------------ rendering

def fmt(x, unit: str | None = None) -> str:
    if x is None:
        return ""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return str(x)
    if unit == "x":
        return "×" + fmt(x)
    if isinstance(x, int):
        return f"{x:,} {unit}" if unit else f"{x:,}"
    a = abs(x)
    if a >= 1000:
        s = f"{x:,.0f}"
    elif a >= 100:
        s = f"{x:.0f}"
    elif a >= 10:
        s = f"{x:.1f}"
    elif a >= 1:
        s = f"{x:.2f}"
    elif a == 0:
        s = "0"
    else:
        s = f"{x:.3g}"
    return f"{s} {unit}" if unit else s


def _cell(text) -> str:
    return str(text or "").replace("|", "\\|").replace("\n", " ")


def _load(load: dict | None) -> str:
    if not load:
        return ""
    before, after = load.get("before") or [], load.get("after") or []
    one = lambda v: f"{v[0]:.2f}" if v else "?"  # noqa: E731 - the 1-minute figure
    return f"{one(before)} → {one(after)}"


def _machine_lines(m: dict) -> list[str]:
    libs = ", ".join(f"{k} {v}" for k, v in (m.get("libraries") or {}).items() if v)
    return [f"- CPU: {m.get('cpu')}, {m.get('cores')} cores ({m.get('cores_usable')} usable), "
            f"{m.get('ram_gib')} GiB RAM",
            f"- {m.get('kernel')}, Python {m.get('python')}",
            f"- {libs}"]


def _earlier_parts(document: str | None) -> tuple[dict[str, str], dict[str, list[str]]]:
    """From an earlier render: each stage's row of the Stages table and each section's lines, by stage name and
    section title."""
    rows: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    title, current = None, None
    for line in (document or "").splitlines():
        if line.startswith("## "):
            title = line[3:].strip()
            current = sections.setdefault(title, [])
            continue
        if current is not None:
            current.append(line)
        match = re.match(r"^\| ([a-z_]+) \|", line) if title == "Stages" else None
        if match:
            rows[match.group(1)] = line
    return rows, sections


def render(suite: dict | None, earlier: str | None = None) -> str:
    """The document from the results at hand; a stage with none keeps its row and section of `earlier` (the
    document as it was), so that results kept on another machine are not lost by re-rendering here."""
    stages = {e["stage"]: e for e in (suite or {}).get("stages", [])}
    results = {name: report.load(name) for name, *_ in STAGES}
    earlier_rows, earlier_sections = _earlier_parts(earlier)
    carried = [name for name, title, *_ in STAGES
               if not (results.get(name) or {}).get("rows") and name in earlier_rows and title in earlier_sections]
    lines = [
        "# Performance",
        "",
        "Generated by `make bench` (`bench/suite.py`) from `bench/results/*.json`; do not edit by hand: run the suite "
        "again, or `.venv/bin/python bench/suite.py --render-only` to re-render from the results at hand. Every "
        "figure is a median over the stage's repeats, measured with its baseline in the same run; the ratio is "
        "value / baseline. What each stage measures: [bench/README.md](../bench/README.md). Nothing here is "
        "asserted by the tests.",
        "",
    ]
    if carried:
        lines += ["Carried over from the previous render (no result of theirs in `bench/results/` here): "
                  + ", ".join(carried) + ".", ""]
    suite_line = next((line for line in (earlier or "").splitlines() if line.startswith("Suite run ")), None)
    if not suite and suite_line:
        lines += [suite_line, ""]
    if suite:
        mode = "quick (small sizes, 1 repeat: proves the chain, not final figures)" if suite.get("quick") else "full"
        lines += [f"Suite run {suite.get('started')}, mode {mode}: `{suite.get('command')}`, "
                  f"{fmt(suite.get('wall_s'))} s in all; load average (1 min) {_load(suite.get('load'))}.", ""]
    machines = [r["machine"] for r in results.values() if r and r.get("machine")]
    if machines:
        lines += ["## Machine", "", *_machine_lines(machines[-1]), ""]
    lines += ["## Stages", "", "| stage | status | command | repeat | load (1 min) before → after | measured |",
              "|---|---|---|---|---|---|"]
    for name, title, *_ in STAGES:
        if name in carried:
            lines.append(earlier_rows[name])
            continue
        res, st = results.get(name), stages.get(name, {})
        if res and res.get("skipped"):
            status = f"skipped: {res['skipped']}"
        elif st.get("status") and st["status"] != "ok":
            status = st["status"] + (f" ({st.get('reason')})" if st.get("reason") else "")
            if res and res.get("rows"):
                status += "; figures below are from an earlier run"
        elif res and res.get("rows") is not None:
            status = "ok"
        else:
            status = "not run"
        command = (res or {}).get("command") or st.get("command") or f"bench/{name}.py"
        lines.append(f"| {name} | {_cell(status)} | `{_cell(command)}` | {fmt((res or {}).get('repeat'))} | "
                     f"{_load((res or {}).get('load'))} | {(res or {}).get('when', '')} |")
    lines.append("")
    for name, title, *_ in STAGES:
        res = results.get(name)
        lines += [f"## {title}"]
        if name in carried:
            lines += [*earlier_sections[title]]
            continue
        lines += [""]
        if not res or not res.get("rows"):
            why = (res or {}).get("skipped") or stages.get(name, {}).get("reason") or "no result yet"
            lines += [f"Not run: {why}.", ""]
            continue
        lines += [f"`{res.get('command')}` · median of {res.get('repeat')} · load {_load(res.get('load'))} · "
                  f"{res.get('when', '')}", "",
                  "| measure | value | baseline | ratio | note |", "|---|---|---|---|---|"]
        for r in res["rows"]:
            base = ""
            if r.get("baseline"):
                base = r["baseline"] + (f": {fmt(r.get('baseline_value'), r.get('unit'))}"
                                        if r.get("baseline_value") is not None else "")
            ratio = f"×{fmt(r['ratio'])}" if r.get("ratio") is not None else ""
            lines.append(f"| {_cell(r.get('measure'))} | {fmt(r.get('value'), r.get('unit'))} | {_cell(base)} | "
                         f"{ratio} | {_cell(r.get('note'))} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes and 1 repeat per stage")
    ap.add_argument("--only", nargs="+", metavar="STAGE", choices=[s[0] for s in STAGES],
                    help="run only these stages (the document is rendered from every result at hand)")
    ap.add_argument("--night-sites", type=int, nargs="+", default=None,
                    help="sizes of the whole-night stage (default 40 400 2000; --quick 8 40)")
    ap.add_argument("--render-only", action="store_true", help="only re-render docs/PERFORMANCE.md from bench/results/")
    ap.add_argument("--out", type=Path, default=DOC, help="the document to write (default docs/PERFORMANCE.md)")
    args = ap.parse_args()
    record = report.RESULTS / "suite.json"
    if args.render_only:
        previous = None
        try:
            previous = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            pass
        earlier = args.out.read_text(encoding="utf-8") if args.out.exists() else None
        args.out.write_text(render(previous, earlier), encoding="utf-8")
        print(f"[suite] rendered {args.out}", file=sys.stderr)
        return 0
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    load_before = report.load_average()
    t0 = time.perf_counter()
    entries = []
    for name, _title, full, quick in STAGES:
        if args.only and name not in args.only:
            continue
        stage_args = list(quick if args.quick else full)
        if name == "nights_scaling" and args.night_sites:
            i = stage_args.index("--sites")
            j = i + 1
            while j < len(stage_args) and not stage_args[j].startswith("--"):
                j += 1
            stage_args[i + 1:j] = [str(n) for n in args.night_sites]
        db = KEPT_DB_ARG if (KEPT_DB.exists() or name != "search_latency") else "data/warehouse.duckdb"
        stage_args = [a.replace("{db}", db) for a in stage_args]
        if name == "nights_scaling":
            KEPT_DB.unlink(missing_ok=True)  # never search an older night's warehouse
        entries.append(run_stage(name, stage_args))
    if args.only:  # keep the record of the stages not run now
        try:
            earlier = json.loads(record.read_text(encoding="utf-8")).get("stages", [])
        except (OSError, json.JSONDecodeError):
            earlier = []
        now = {e["stage"] for e in entries}
        entries = [e for e in earlier if e["stage"] not in now] + entries
        entries.sort(key=lambda e: [s[0] for s in STAGES].index(e["stage"]))
    suite = {"command": " ".join(["bench/suite.py", *sys.argv[1:]]), "quick": args.quick, "started": started,
             "wall_s": round(time.perf_counter() - t0, 1),
             "load": {"before": load_before, "after": report.load_average()},
             "stages": entries}
    report.RESULTS.mkdir(exist_ok=True)
    record.write_text(json.dumps(suite, indent=1) + "\n", encoding="utf-8")
    earlier = args.out.read_text(encoding="utf-8") if args.out.exists() else None
    args.out.write_text(render(suite, earlier), encoding="utf-8")
    print(f"[suite] {sum(e['status'] == 'ok' for e in entries)}/{len(entries)} stages ok; rendered {args.out}",
          file=sys.stderr)
    return 0 if all(e["status"] in ("ok", "skipped", "not run") for e in entries) else 1


if __name__ == "__main__":
    raise SystemExit(main())
