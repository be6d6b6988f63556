"""The CEP import at the size of the real export: wall time, rows/s and peak memory of a fresh process.

    .venv/bin/python bench/cep_import.py                       # 50,000 projects, 3 repeats
    .venv/bin/python bench/cep_import.py --projects 160000 --repeat 1

Writes a synthetic export (demo_web.cep_export: real column names, the generator's own texts) once, then imports
CEP-projekty.csv and CEP-ucastnici.csv with pipelines.rd_projects.import_file in a fresh subprocess per repeat
(streamed 1 MiB at a time, judged in batches, Parquet out) and reports the medians and the largest peak RSS
(VmHWM of the child), beside the time of only reading the rows (transforms.cep.read_rows) in the same run.
Nothing is asserted; no network.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.report import save  # noqa: E402

CHILD = r"""
import json, sys, time
from pathlib import Path
from core.settings import Settings
from pipelines import rd_projects
from transforms.cep import read_rows
folder, mode = Path(sys.argv[1]), sys.argv[2]
t0 = time.perf_counter()
out = {}
if mode == "read":
    n = sum(1 for name in ("CEP-projekty.csv", "CEP-ucastnici.csv") for _ in read_rows(rd_projects._chunks(folder / name)))
    out["rows"] = n
else:
    judge = rd_projects._Judge.load(Settings(data_dir=folder / "data"))
    for name in ("CEP-projekty.csv", "CEP-ucastnici.csv"):
        meta = rd_projects.import_file(folder / name, folder / f"{name}.parquet", folder / f"{name}.json", judge)
        out[name] = {k: meta[k] for k in ("kind", "records", "problems", "smart")}
out["seconds"] = time.perf_counter() - t0
# VmHWM: the peak of this process's own address space (ru_maxrss would carry the parent's peak across fork)
out["peak_rss_mb"] = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")) / 1024
print(json.dumps(out))
"""


def _child(folder: Path, mode: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, str(folder), mode], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--projects", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from demo_web.cep_export import write_cep_export

    with tempfile.TemporaryDirectory(prefix="cep-bench-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        write_cep_export(folder, projects=args.projects, seed=2021)
        size_mb = sum(f.stat().st_size for f in folder.glob("*.csv")) / 1e6
        print(f"export: {args.projects} projects, {size_mb:.1f} MB, written in {time.perf_counter() - t0:.1f} s",
              file=sys.stderr)
        reads, imports = [], []
        for i in range(args.repeat):
            reads.append(_child(folder, "read"))
            imports.append(_child(folder, "import"))
            print(f"repeat {i + 1}: read {reads[-1]['seconds']:.1f} s, import {imports[-1]['seconds']:.1f} s, "
                  f"peak {imports[-1]['peak_rss_mb']:.0f} MB", file=sys.stderr)
        wall = statistics.median(r["seconds"] for r in imports)
        read = statistics.median(r["seconds"] for r in reads)
        result = {
            "projects": args.projects, "export_mb": round(size_mb, 1), "repeats": args.repeat,
            "import_median_s": round(wall, 1), "projects_per_s": round(args.projects / wall),
            "read_only_median_s": round(read, 1), "import_vs_read_only": round(wall / read, 2),
            "peak_rss_mb_max": round(max(r["peak_rss_mb"] for r in imports)),
            "counts": imports[-1], "load_average": os.getloadavg(), "machine": platform.platform(),
            "cpus": os.cpu_count(),
        }
    save(f"cep_import-{args.projects}", result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
