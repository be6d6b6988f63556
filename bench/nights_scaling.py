"""Whole nights at several demo-web sizes: wall, tree CPU, peak RSS, publish time and rows/s, growth with size
and with nights.

    .venv/bin/python bench/nights_scaling.py                                  # --sites 40 400, 2 nights each
    .venv/bin/python bench/nights_scaling.py --sites 40 400 2000 --nights 2   # the issue 12 sizes (2,000: long)
    .venv/bin/python bench/nights_scaling.py --sites 400 1000 --nights 1      # "documents x2.3 -> publish x?"

Per size, the demo web of N municipal sites (+3 regional, the portals) is served apart (its build and its CPU are
not counted in the night; its CPU is reported beside). Each night is a whole
`python -m smartharvest run --sources <web>/sources.csv --data-dir <tmp> --profile local` in a child process;
night k > 1 runs on the same data dir against the unchanged web (conditional requests, caches, the dedup cache),
which shows the growth with nights. With --repeat R each size is run R times in fresh data dirs and every figure
is the median over them.

Measured per night:
- wall: the child's wall time (Python start, Dagster, every step, the export);
- tree CPU: user+sys of the run and all its descendants (resource.getrusage(RUSAGE_CHILDREN) delta; the run is
  this process's child; this process is made a child subreaper, so descendants that outlive their parent, like
  the pools' forkserver, are re-parented and reaped here and their CPU counted too; `sampled_tree_cpu_s`, the
  CPU of every process seen in the tree by the sampler, is a lower bound to check it against);
- peak RSS: /proc is sampled every --poll seconds for the run's process tree: the largest sum of VmRSS over
  the tree (`peak tree RSS`, shared pages counted in every process that maps them: an upper bound), the largest
  sum of Pss (`peak tree PSS`: shared pages divided among their processes) and the largest VmHWM of a single
  process;
- documents and pages (the run's summary and the crawl summary), every Dagster step's seconds (the run's step
  stats in its DAGSTER_HOME), the publish seconds (`[warehouse] published ... in X s`: pipelines.warehouse.publish
  itself) and publish rows/s (rows of every warehouse table after the night / publish seconds).
Ratios: each size's night 1 against the smallest size's (documents x, publish x, wall x, tree CPU x, and publish x
per documents x); each size's last night against its night 1. Nothing is asserted. Loopback only.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402
from demo_web.process import DemoWebProcess, free_port_base, ports_needed  # noqa: E402

NAME = "nights_scaling"
PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")


# ------------------------------------------------------------------ process tree sampling

def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read().decode("ascii", "replace")
        except OSError:
            continue
        ppid = int(stat[stat.rfind(")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def _tree(pid: int) -> list[int]:
    kids = _children_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def _status_kb(pid: int) -> dict[str, int]:
    out = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    out[line[:5]] = int(line.split()[1])
    except OSError:
        pass
    return out


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _stat_fields(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (None when the process is gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode("ascii", "replace")
    except OSError:
        return None
    return stat[stat.rfind(")") + 2:].split()


def cpu_seconds(pid: int, children: bool = True) -> float | None:
    """utime+stime of a live process (and of its waited-for children), from /proc/<pid>/stat."""
    fields = _stat_fields(pid)
    if fields is None:
        return None
    ticks = int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if children else 0)
    return ticks / TICK


class TreeSampler(threading.Thread):
    """Samples a process tree's memory every `interval` seconds until stopped."""

    def __init__(self, pid: int, interval: float):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.stop_event = threading.Event()
        self.peak_rss_kb = self.peak_pss_kb = self.max_hwm_kb = self.max_procs = self.samples = 0
        self.hwm_by_name: dict[str, int] = {}
        self.cpu_by_pid: dict[tuple[int, int], float] = {}  # (pid, start tick) -> own utime+stime last seen

    def run(self) -> None:
        while not self.stop_event.is_set():
            pids = _tree(self.pid)
            rss = pss = 0
            for p in pids:
                own = _own_cpu(p)
                if own is not None:
                    self.cpu_by_pid[own[0]] = own[1]
                kb = _status_kb(p)
                rss += kb.get("VmRSS", 0)
                pss += _pss_kb(p)
                hwm = kb.get("VmHWM", 0)
                if hwm > self.max_hwm_kb:
                    self.max_hwm_kb = hwm
                if hwm:
                    name = _name(p)
                    self.hwm_by_name[name] = max(self.hwm_by_name.get(name, 0), hwm)
            self.peak_rss_kb = max(self.peak_rss_kb, rss)
            self.peak_pss_kb = max(self.peak_pss_kb, pss)
            self.max_procs = max(self.max_procs, len(pids))
            self.samples += 1
            self.stop_event.wait(self.interval)

    def stop(self) -> None:
        self.stop_event.set()
        self.join()

    @property
    def sampled_cpu_s(self) -> float:
        """Own CPU of every process seen in the tree, as last sampled: a lower bound of the tree's CPU (a process
        living less than one interval, or its last interval, is missed)."""
        return sum(self.cpu_by_pid.values())


def _own_cpu(pid: int) -> tuple[tuple[int, int], float] | None:
    fields = _stat_fields(pid)
    if fields is None:
        return None
    return (pid, int(fields[19])), (int(fields[11]) + int(fields[12])) / TICK


def _name(pid: int) -> str:
    """A short role for a process of the tree: the module it runs, else its executable."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    args = [a.decode("utf-8", "replace") for a in argv if a]
    if "-m" in args and args.index("-m") + 1 < len(args):
        return args[args.index("-m") + 1]
    if "-c" in args:
        code = args[args.index("-c") + 1] if args.index("-c") + 1 < len(args) else ""
        for key, role in (("forkserver", "forkserver and its pool workers"), ("resource_tracker", "resource tracker"),
                          ("spawn", "spawned worker")):
            if key in code:
                return role
        return "python -c"
    return Path(args[0]).name if args else "?"


# ------------------------------------------------------------------ one night

def _float(pattern: str, text: str) -> float | None:
    m = re.search(pattern, text)
    return float(m.group(1)) if m else None


def _step_seconds(home: Path) -> dict[str, float]:
    """Seconds of each step of the latest run in this DAGSTER_HOME (Dagster's own step stats)."""
    try:
        from dagster import DagsterInstance

        with DagsterInstance.from_config(str(home)) as instance:
            runs = instance.get_runs(limit=1)
            if not runs:
                return {}
            out = {s.step_key: round(s.end_time - s.start_time, 2)
                   for s in instance.get_run_step_stats(runs[0].run_id) if s.start_time and s.end_time}
            stats = instance.get_run_stats(runs[0].run_id)
            if stats.start_time and stats.end_time:
                out["(run)"] = round(stats.end_time - stats.start_time, 2)
            return out
    except Exception as exc:  # noqa: BLE001 - a figure we can go without
        return {"error": f"{type(exc).__name__}: {exc}"[:200]}


def _warehouse_rows(db: Path) -> dict[str, int]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY table_name").fetchall()]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def become_subreaper() -> bool:
    """Make this process the reaper of orphaned descendants (Linux PR_SET_CHILD_SUBREAPER): a process whose parent
    exits before it (the extraction pools' forkserver and its workers outlive the run by a moment) is re-parented
    here instead of to init, so reaping it adds its CPU to RUSAGE_CHILDREN instead of losing it."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def reap_orphans(keep: set[int], timeout: float = 30.0) -> int:
    """Wait for every child of this process except `keep` (orphans of the run re-parented here); returns how many
    were still running when the timeout passed."""
    deadline = time.monotonic() + timeout
    while True:
        orphans = [p for p in _children_map().get(os.getpid(), []) if p not in keep]
        if not orphans:
            return 0
        for p in orphans:
            try:
                os.waitpid(p, os.WNOHANG)
            except ChildProcessError:
                pass
        if time.monotonic() > deadline:
            return len(orphans)
        time.sleep(0.05)


def night(sources: Path, data: Path, web_pid: int | None, poll: float, log: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTHARVEST_") and k != "DAGSTER_HOME"}
    web_cpu0 = cpu_seconds(web_pid) if web_pid else None
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(log.with_suffix(".out"), "w", encoding="utf-8") as out, open(log.with_suffix(".err"), "w",
                                                                              encoding="utf-8") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "smartharvest", "run", "--sources", str(sources),
                                 "--data-dir", str(data), "--profile", "local"], cwd=ROOT, env=env, stdout=out,
                                stderr=err)
        sampler = TreeSampler(proc.pid, poll)
        sampler.start()
        code = proc.wait()
        wall = time.perf_counter() - t0
        sampler.stop()
    left_running = reap_orphans({web_pid} if web_pid else set())
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    web_cpu1 = cpu_seconds(web_pid) if web_pid else None
    stdout = log.with_suffix(".out").read_text(encoding="utf-8")
    stderr = log.with_suffix(".err").read_text(encoding="utf-8")
    if code != 0:
        raise SystemExit(f"night failed (exit {code}); see {log.with_suffix('.err')}:\n{stderr[-3000:]}")
    crawl = json.loads(sorted((data / "fetchlog").glob("*.summary.json"))[-1].read_text(encoding="utf-8"))
    publish_s = _float(r"\[warehouse\] published .* in ([\d.]+) s", stderr)
    rows = _warehouse_rows(data / "warehouse.duckdb")
    total_rows = sum(rows.values())
    documents = _float(r"documents\s+(\d+) distinct", stdout)
    return {
        "wall_s": round(wall, 2),
        "tree_cpu_s": round((ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime), 2),
        "tree_user_s": round(ru1.ru_utime - ru0.ru_utime, 2),
        "tree_sys_s": round(ru1.ru_stime - ru0.ru_stime, 2),
        "sampled_tree_cpu_s": round(sampler.sampled_cpu_s, 2),
        "orphans_left_running": left_running,
        "peak_tree_rss_mb": round(sampler.peak_rss_kb / 1024, 1),
        "peak_tree_pss_mb": round(sampler.peak_pss_kb / 1024, 1),
        "max_process_hwm_mb": round(sampler.max_hwm_kb / 1024, 1),
        "hwm_mb_by_process": {k: round(v / 1024, 1) for k, v in sorted(sampler.hwm_by_name.items())},
        "max_processes": sampler.max_procs,
        "samples": sampler.samples,
        "children_maxrss_mb": round(ru1.ru_maxrss / 1024, 1),  # largest single waited-for process so far
        "demo_web_cpu_s": round(web_cpu1 - web_cpu0, 2) if web_cpu0 is not None and web_cpu1 is not None else None,
        "documents": int(documents) if documents is not None else crawl.get("documents"),
        "new_documents": _float(r"documents\s+\d+ distinct in the warehouse, (\d+) new", stdout),
        "pages": crawl.get("pages"),
        "not_modified": crawl.get("not_modified"),
        "bytes_downloaded": crawl.get("bytes_downloaded"),
        "crawl_s": crawl.get("duration_s"),
        "extract_s": _float(r"\[extract\] extract: done in ([\d.]+) s", stderr),
        "annotate_s": _float(r"\[annotate\] done in ([\d.]+) s", stderr),
        "publish_s": publish_s,
        "warehouse_rows": total_rows,
        "publish_rows_per_s": round(total_rows / publish_s, 1) if publish_s else None,
        "publish_documents_per_s": round(documents / publish_s, 1) if publish_s and documents else None,
        "dedup_pairs_compared": _float(r"dedup\s+\d+ documents fingerprinted and (\d+) pairs compared", stdout),
        "steps_s": _step_seconds(data / "dagster_home"),
        "rows_by_table": rows,
    }


def _median_night(runs: list[dict]) -> dict:
    """Per key, the median over repeats of numeric figures (the first run's value for the rest)."""
    out = dict(runs[0])
    for k, v in runs[0].items():
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            vals = [r[k] for r in runs if isinstance(r.get(k), (int, float))]
            med = statistics.median(vals) if vals else v
            out[k] = int(med) if all(isinstance(x, int) for x in vals) and med == int(med) else round(med, 2)
    if len(runs) > 1:
        out["repeats"] = [{k: r[k] for k in ("wall_s", "tree_cpu_s", "publish_s", "peak_tree_rss_mb")} for r in runs]
    return out


# ------------------------------------------------------------------ main

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sites", type=int, nargs="+", default=[40, 400],
                    help="municipal sites of each demo web (default 40 400; the issue's full set: 40 400 2000)")
    ap.add_argument("--nights", type=int, default=2, help="nights per size on one data dir (default 2)")
    ap.add_argument("--repeat", type=int, default=1, help="fresh data dirs per size to take medians of (default 1)")
    ap.add_argument("--poll", type=float, default=0.5, help="seconds between memory samples (default 0.5)")
    ap.add_argument("--keep-db", type=Path, default=None,
                    help="copy the warehouse of the largest size's last night here (bench/search_latency.py reads it)")
    ap.add_argument("--keep-logs", type=Path, default=None, help="copy every night's stdout/stderr into this folder")
    args = ap.parse_args()
    load_before = report.load_average()
    subreaper = become_subreaper()
    sizes = sorted(set(args.sites))
    per_size = []
    for n in sizes:
        base = free_port_base(ports_needed(n))
        runs: list[list[dict]] = []
        with tempfile.TemporaryDirectory(prefix=f"nights-{n}-") as tmp:
            t0 = time.perf_counter()
            with DemoWebProcess(Path(tmp) / "web", sites=n, base_port=base, startup_timeout=1800) as web:
                web_start = round(time.perf_counter() - t0, 1)
                print(f"{n} sites: demo web ready in {web_start} s", file=sys.stderr, flush=True)
                for r in range(args.repeat):
                    data = Path(tmp) / f"data{r}"
                    nights = []
                    for k in range(1, args.nights + 1):
                        row = night(web.sources_csv, data, web.proc.pid if web.proc else None, args.poll,
                                    Path(tmp) / f"night-{r}-{k}.log")
                        row["night"] = k
                        nights.append(row)
                        print(f"{n} sites, repeat {r + 1}, night {k}: " + json.dumps(
                            {x: row[x] for x in ("wall_s", "tree_cpu_s", "peak_tree_rss_mb", "documents", "pages",
                                                 "publish_s", "publish_rows_per_s")}), file=sys.stderr, flush=True)
                        if args.keep_logs:
                            args.keep_logs.mkdir(parents=True, exist_ok=True)
                            for suffix in (".out", ".err"):
                                shutil.copy(Path(tmp) / f"night-{r}-{k}{suffix}",
                                            args.keep_logs / f"nights-{n}-r{r + 1}-n{k}{suffix}")
                    runs.append(nights)
                    if args.keep_db and n == sizes[-1] and r == args.repeat - 1:
                        args.keep_db.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copy(data / "warehouse.duckdb", args.keep_db)
                    shutil.rmtree(data, ignore_errors=True)
        per_size.append({"sites": n, "demo_web_start_s": web_start,
                         "nights": [_median_night([runs[r][k] for r in range(args.repeat)])
                                    for k in range(args.nights)]})

    rows = []
    first = per_size[0]["nights"][0]

    def ratio_row(measure, value, unit, base_value, base_label, note=None):
        return report.row(measure, value, unit, baseline=base_label, baseline_value=base_value, note=note)

    for entry in per_size:
        n, n1 = entry["sites"], entry["nights"][0]
        smallest = n == sizes[0]
        base_label = None if smallest else f"{sizes[0]} sites"

        def b(key):
            return None if smallest else first[key]

        rows += [
            ratio_row(f"{n} sites, night 1: wall", n1["wall_s"], "s", b("wall_s"), base_label),
            ratio_row(f"{n} sites, night 1: tree CPU", n1["tree_cpu_s"], "CPU s", b("tree_cpu_s"), base_label,
                      note=f"demo web server apart: {n1['demo_web_cpu_s']} CPU s"),
            ratio_row(f"{n} sites, night 1: peak tree RSS", n1["peak_tree_rss_mb"], "MB", b("peak_tree_rss_mb"),
                      base_label,
                      note=f"PSS {n1['peak_tree_pss_mb']} MB; largest process {n1['max_process_hwm_mb']} MB"),
            ratio_row(f"{n} sites, night 1: documents", n1["documents"], "documents", b("documents"), base_label,
                      note=f"{n1['pages']} pages"),
            ratio_row(f"{n} sites, night 1: publish", n1["publish_s"], "s", b("publish_s"), base_label,
                      note=f"{n1['warehouse_rows']:,} rows, {n1['publish_rows_per_s'] or 0:,.0f} rows/s"),
            ratio_row(f"{n} sites, night 1: publish rows/s", n1["publish_rows_per_s"], "rows/s",
                      b("publish_rows_per_s"), base_label),
        ]
        if not smallest and first.get("documents"):
            docs_x = n1["documents"] / first["documents"]
            for key, what in (("publish_s", "publish time"), ("wall_s", "wall time"), ("tree_cpu_s", "tree CPU")):
                if n1.get(key) and first.get(key):
                    rows.append(ratio_row(f"{n} sites: {what} x per documents x", n1[key] / first[key], "x", docs_x,
                                          f"documents x ({sizes[0]} -> {n} sites)",
                                          note=f"ratio 1 = {what} linear in documents"))
        for later in entry["nights"][1:]:
            k = later["night"]
            rows += [
                ratio_row(f"{n} sites, night {k}: wall", later["wall_s"], "s", n1["wall_s"], "night 1",
                          note=f"{later['not_modified'] or 0:,} URLs answered 304"),
                ratio_row(f"{n} sites, night {k}: publish", later["publish_s"], "s", n1["publish_s"], "night 1",
                          note=f"{later['warehouse_rows']:,} rows"),
                ratio_row(f"{n} sites, night {k}: peak tree RSS", later["peak_tree_rss_mb"], "MB",
                          n1["peak_tree_rss_mb"], "night 1"),
            ]
    result = report.result(NAME, command=report.command_line(__file__, sys.argv[1:]), repeat=args.repeat, rows=rows,
                           load_before=load_before, sites=sizes, nights=args.nights, poll_s=args.poll,
                           subreaper=subreaper,
                           per_size=per_size)
    report.save(NAME, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
