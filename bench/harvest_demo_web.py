"""Measure the whole harvest (CLI -> Dagster -> Scrapy -> extraction -> DuckDB) on a demo web of N sites.

    .venv/bin/python bench/harvest_demo_web.py --sites 40 --repeat 3
    .venv/bin/python bench/harvest_demo_web.py --sites 2000 --repeat 1

Each repeat harvests into a fresh data dir. Reports medians (wall time, pages/s, documents/s), the peak RSS of
the child processes, the demo web's composition (distinct documents, strategies and their share, hard
negatives by kind, from its manifest) and the length of its strategies (words of each distinct strategy text
by type: count, min, median, max); nothing is asserted. Loopback only.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from demo_web.manifest import composition  # noqa: E402
from demo_web.model import build_web  # noqa: E402
from demo_web.process import DemoWebProcess, free_port_base, ports_needed  # noqa: E402
from demo_web.texts import strategy_lengths  # noqa: E402


def _metric(pattern: str, text: str) -> int | None:
    m = re.search(pattern, text)
    return int(m.group(1)) if m else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sites", type=int, default=40, help="municipal sites of the demo web (default 40)")
    ap.add_argument("--repeat", type=int, default=3, help="harvests to take the median of (default 3)")
    ap.add_argument("--profile", default="local", help="crawl profile (default local)")
    args = ap.parse_args()
    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        with DemoWebProcess(Path(tmp) / "web", sites=args.sites, base_port=free_port_base(ports_needed(args.sites))) as web:
            web_composition = composition(web.manifest())
            for i in range(args.repeat):
                data = Path(tmp) / f"run{i}"
                t0 = time.perf_counter()
                proc = subprocess.run([sys.executable, "-m", "smartharvest", "run", "--sources", str(web.sources_csv),
                                       "--data-dir", str(data), "--profile", args.profile],
                                      cwd=ROOT, capture_output=True, text=True)
                wall = time.perf_counter() - t0
                if proc.returncode != 0:
                    print(proc.stdout[-2000:], proc.stderr[-4000:], file=sys.stderr)
                    return 1
                pages = _metric(r"pages\s+(\d+) fetched", proc.stdout) or 0
                docs = _metric(r"documents\s+(\d+) distinct", proc.stdout) or 0
                runs.append({"wall_s": wall, "pages": pages, "documents": docs})
                print(f"run {i + 1}: {wall:.1f} s, {pages} pages, {docs} documents", file=sys.stderr)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    wall = statistics.median(r["wall_s"] for r in runs)
    report = {
        "sites": args.sites, "repeat": args.repeat, "median_wall_s": round(wall, 1),
        "median_pages_per_s": round(statistics.median(r["pages"] / r["wall_s"] for r in runs), 1),
        "median_documents_per_s": round(statistics.median(r["documents"] / r["wall_s"] for r in runs), 1),
        "pages": runs[0]["pages"], "documents": runs[0]["documents"], "peak_child_rss_mb": round(peak_mb),
        "demo_web": web_composition,
        "strategy_words": strategy_lengths(build_web(args.sites)),  # the served web's model (same seed)
    }
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"harvest_{args.sites}.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
