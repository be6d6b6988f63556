"""Publish alone at several demo-web sizes: the warehouse rebuilt from one night's data dir per size, each publish
in a fresh process, sizes interleaved, repeated; medians and their growth against the smallest size.

    .venv/bin/python bench/publish_scaling.py --sites 400 1000 --repeat 5    # issue 12: "documents x2.3 -> publish x?"
    .venv/bin/python bench/publish_scaling.py --sites 8 40 --repeat 1        # quick

A night's publish (bench/nights_scaling.py) is one sample in a process that has run the whole night, so its
figure moves with whatever the machine did meanwhile (two runs of the same code at 400 -> 1,000 sites: x2.39 and
x2.85). Here the data of one night per size (fetch log, extraction and annotation results, dedup cache) is made
once with `smartharvest run --demo-sites N` and kept in --work (default bench/results/publish_data/<N>; reused
while it exists, --fresh remakes it), then `pipelines.warehouse.publish` runs on it --repeat times per size into a
scratch warehouse, in a fresh Python process each time, one untimed warm-up per size first (the page cache), the
sizes taking turns so that a slow spell of the machine falls on all of them. Before each publish the data dir is
put back as it was before that night's publish: what only publish writes there (the dedup cache, the portal
records cache, the fetch log's Parquet copies) is removed, so every sample is a first night's publish; with
--warm-caches they stay, as in a later night over the same documents. Measured per publish: the seconds
`publish` reports (its own wall), the child's CPU seconds and peak RSS. Nothing is asserted. Loopback only.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402
from core import fetch_log  # noqa: E402
from core.settings import load_settings  # noqa: E402
from demo_web.process import free_port_base, ports_needed  # noqa: E402
from pipelines.warehouse import publish_caches  # noqa: E402

NAME = "publish_scaling"
WORK = report.RESULTS / "publish_data"

CHILD = """
import json, resource, sys
from core.settings import load_settings
from pipelines.warehouse import publish
summary = publish(load_settings(data_dir=sys.argv[1], db_path=sys.argv[2]))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"publish_s": summary["duration_s"], "documents": summary["documents"],
                  "rows": sum(summary["tables"].values()), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
                  "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}))
"""


def make_data(sites: int, data: Path) -> float:
    """One night of the demo web of `sites` municipal sites into `data`; returns its wall seconds."""
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    port = free_port_base(ports_needed(sites))
    log = data.parent / f"{data.name}.night.log"
    t0 = time.perf_counter()
    with open(log, "w", encoding="utf-8") as out:
        done = subprocess.run([str(Path(sys.executable).with_name("smartharvest")), "run", "--demo-sites", str(sites),
                               "--demo-port", str(port), "--data-dir", str(data), "--db", str(data / "warehouse.duckdb")],
                              cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        raise SystemExit(f"the night for {sites} sites failed (exit {done.returncode}); see {log}")
    (data / ".complete").write_text(str(sites), encoding="utf-8")
    return round(time.perf_counter() - t0, 1)


def before_publish(data: Path) -> None:
    """The data dir as a night leaves it just before its publish: remove what only publish writes (its caches and
    the fetch log's Parquet copies)."""
    settings = load_settings(data_dir=data)
    for cache in publish_caches(settings):
        cache.unlink(missing_ok=True)
    for jsonl in fetch_log.fetch_files(settings.fetchlog_dir):
        fetch_log.compacted_path(jsonl).unlink(missing_ok=True)


def publish_once(data: Path, scratch: Path, warm_caches: bool) -> dict:
    """One publish of `data` into a scratch warehouse, in a fresh process."""
    if not warm_caches:
        before_publish(data)
    db = scratch / "warehouse.duckdb"
    for leftover in scratch.glob("warehouse.duckdb*"):
        leftover.unlink()
    done = subprocess.run([sys.executable, "-c", CHILD, str(data), str(db)], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"publish of {data} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sites", type=int, nargs="+", default=[400, 1000],
                    help="municipal sites of each demo web (default 400 1000)")
    ap.add_argument("--repeat", type=int, default=5, help="timed publishes per size (default 5)")
    ap.add_argument("--work", type=Path, default=WORK, help=f"where each size's night data is kept (default {WORK})")
    ap.add_argument("--fresh", action="store_true", help="make every size's night data again even when it is kept")
    ap.add_argument("--warm-caches", action="store_true",
                    help="keep publish's own caches between publishes (a later night's publish; default: a first night's)")
    args = ap.parse_args()
    load_before = report.load_average()
    sizes = sorted(set(args.sites))
    nights = {}
    for n in sizes:
        data = args.work / str(n)
        if args.fresh or not (data / ".complete").exists():
            print(f"[publish_scaling] {n} sites: running a night to make the data ...", file=sys.stderr, flush=True)
            nights[n] = make_data(n, data)
            print(f"[publish_scaling] {n} sites: night done in {nights[n]} s", file=sys.stderr, flush=True)
    samples: dict[int, list[dict]] = {n: [] for n in sizes}
    with tempfile.TemporaryDirectory(prefix="publish-scaling-") as tmp:
        scratch = Path(tmp)
        for n in sizes:
            publish_once(args.work / str(n), scratch, args.warm_caches)  # warm-up: the page cache holds the data from here on
        for r in range(max(1, args.repeat)):
            for n in sizes:
                s = publish_once(args.work / str(n), scratch, args.warm_caches)
                samples[n].append(s)
                print(f"[publish_scaling] repeat {r + 1}/{args.repeat}, {n} sites: {json.dumps(s)}",
                      file=sys.stderr, flush=True)
    med = {n: {k: statistics.median(x[k] for x in samples[n]) for k in ("publish_s", "cpu_s", "peak_rss_mb")}
           | {"documents": samples[n][0]["documents"], "rows": samples[n][0]["rows"]} for n in sizes}
    first = sizes[0]
    rows = []
    for n in sizes:
        m, base = med[n], (None if n == first else f"{first} sites")
        times = ", ".join(f"{x['publish_s']:.1f}" for x in samples[n])
        rows += [
            report.row(f"{n} sites: documents", m["documents"], "documents", base,
                       None if n == first else med[first]["documents"], note=f"{m['rows']:,} warehouse rows"),
            report.row(f"{n} sites: publish", m["publish_s"], "s", base, None if n == first else med[first]["publish_s"],
                       note=f"each: {times} s; CPU {m['cpu_s']} s; peak RSS {m['peak_rss_mb']} MB"),
            report.row(f"{n} sites: publish documents/s", m["documents"] / m["publish_s"], "documents/s", base,
                       None if n == first else med[first]["documents"] / med[first]["publish_s"]),
        ]
        if n != first:
            docs_x = m["documents"] / med[first]["documents"]
            time_x = m["publish_s"] / med[first]["publish_s"]
            rows.append(report.row(f"{n} sites: publish time x per documents x", time_x / docs_x, "x",
                                   note=f"documents x{docs_x:.2f} -> publish time x{time_x:.2f} (linear: 1.0)"))
    out = report.result(NAME, command=report.command_line(__file__, sys.argv[1:]), repeat=args.repeat, rows=rows,
                        load_before=load_before, sizes=sizes, nights_s=nights, warm_caches=args.warm_caches,
                        samples={str(n): samples[n] for n in sizes})
    path = report.save(NAME, out)
    for r in rows:
        print(f"{r['measure']}: {r['value']} {r['unit']}" + (f" (x{r['ratio']} of {r['baseline']})" if r["ratio"] else "")
              + (f"  {r['note']}" if r["note"] else ""))
    print(f"saved {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
