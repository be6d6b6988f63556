"""Night after night: the cost of each night against the first, on an unchanged or a changing demo web.

    .venv/bin/python bench/nights.py --sites 40 --nights 2             # night 2 vs night 1 (the issue 9 figure)
    .venv/bin/python bench/nights.py --sites 10 --nights 30            # does a night's cost grow with history?
    .venv/bin/python bench/nights.py --sites 10 --nights 5 --changing  # the demo web of --night k on night k

Each night is a whole `smartharvest run --sources ... --profile local` into one data dir; the demo web is served
apart (its build is not counted). Reports per night: wall seconds, the crawl's and the publish step's seconds,
bytes downloaded, URLs answered 304, fetch-log rows in the warehouse; then ratios against night 1 (wall of night 2,
publish of the last night, median wall of nights 2..N). Nothing is asserted. Loopback only.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from demo_web.process import DemoWebProcess, free_port_base, ports_needed  # noqa: E402


def _float(pattern: str, text: str) -> float | None:
    m = re.search(pattern, text)
    return float(m.group(1)) if m else None


def _night(sources: Path, data: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTHARVEST_") and k != "DAGSTER_HOME"}
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "smartharvest", "run", "--sources", str(sources), "--data-dir",
                           str(data), "--profile", "local"], cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"night failed:\n{proc.stderr[-3000:]}")
    crawl = json.loads(sorted((data / "fetchlog").glob("*.summary.json"))[-1].read_text(encoding="utf-8"))
    return {
        "wall_s": round(wall, 2),
        "crawl_s": crawl.get("duration_s"),
        "publish_s": _float(r"\[warehouse\] published .* in ([\d.]+) s", proc.stderr),
        "bytes_downloaded": crawl.get("bytes_downloaded"),
        "not_modified": crawl.get("not_modified"),
        "pages": crawl.get("pages"),
        "documents": crawl.get("documents"),
        "fetch_rows": sum(1 for f in (data / "fetchlog").glob("*.fetches.jsonl") for _ in open(f, encoding="utf-8")),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sites", type=int, default=40, help="municipal sites of the demo web (default 40)")
    ap.add_argument("--nights", type=int, default=2, help="nights to run (default 2)")
    ap.add_argument("--changing", action="store_true", help="serve the demo web of --night k on night k")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results", help="where the JSON result goes")
    args = ap.parse_args()
    base = free_port_base(ports_needed(args.sites))
    nights = []
    with tempfile.TemporaryDirectory(prefix="nights-") as tmp:
        data = Path(tmp) / "data"
        web = None
        try:
            for n in range(1, args.nights + 1):
                if web is None or args.changing:
                    if web is not None:
                        web.stop()
                    web = DemoWebProcess(Path(tmp) / f"web{n}", sites=args.sites, base_port=base,
                                         night=n if args.changing else 1).start()
                row = {"night": n, **_night(web.sources_csv, data)}
                nights.append(row)
                print(json.dumps(row), file=sys.stderr, flush=True)
        finally:
            if web is not None:
                web.stop()
    first = nights[0]
    later = nights[1:]
    result = {
        "sites": args.sites, "nights": args.nights, "changing": args.changing,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load": os.getloadavg()},
        "per_night": nights,
        "ratios": {
            "night2_wall_vs_night1": round(later[0]["wall_s"] / first["wall_s"], 3) if later else None,
            "median_later_wall_vs_night1": round(statistics.median(r["wall_s"] for r in later) / first["wall_s"], 3)
            if later else None,
            "last_publish_vs_first": round(nights[-1]["publish_s"] / first["publish_s"], 3)
            if first.get("publish_s") and nights[-1].get("publish_s") else None,
            "median_later_publish_vs_first": round(statistics.median(r["publish_s"] for r in later) / first["publish_s"], 3)
            if later and first.get("publish_s") else None,
        },
    }
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out / f"nights-{args.sites}x{args.nights}{'-changing' if args.changing else ''}.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"{'night':>5} {'wall s':>7} {'crawl s':>7} {'publish s':>9} {'MB down':>8} {'304s':>6} {'fetch rows':>10}")
    for r in nights:
        print(f"{r['night']:>5} {r['wall_s']:>7} {r['crawl_s']:>7} {r['publish_s']:>9} "
              f"{(r['bytes_downloaded'] or 0) / 1e6:>8.2f} {r['not_modified']:>6} {r['fetch_rows']:>10}")
    print(json.dumps(result["ratios"]))
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
