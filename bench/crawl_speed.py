"""Crawl speed: our crawler (`python -m spiders.crawl`) against a bare Scrapy link-follower on the same served web.

    .venv/bin/python bench/crawl_speed.py --sites 40 200 --repeat 3

For each size a demo web of N municipal sites (+ regional sites) is served once on 127.0.0.1; then, `--repeat`
times and alternating, each crawler crawls its municipal and regional sites from scratch as a child process
(ours into a fresh data dir: raw store, fetch log, per-source state; the bare one, bench/bare_spider.py, keeps
nothing). Same profile (concurrency, depth limit, robots.txt). Reported per crawler (medians): wall seconds of
the process, responses, responses/s, CPU ms per response (user + system of the process, from wait4), and the
ratios ours / bare. The demo server's own CPU per response is reported too: it must not be the bottleneck.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402
from demo_web.process import DemoWebProcess, free_port_base, ports_needed  # noqa: E402

SITE_KINDS = ("municipal_site", "regional_site")


def _timed(cmd: list[str]) -> dict:
    """Wall, user and system seconds of one child process (rusage of the reaped children), and its stdout."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])} exited {proc.returncode}: {proc.stderr[-2000:]}")
    return {"wall_s": wall, "user_s": after.ru_utime - before.ru_utime, "sys_s": after.ru_stime - before.ru_stime,
            "stdout": proc.stdout}


def _server_cpu(pid: int) -> float:
    """User + system seconds the demo server has used so far (/proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _responses(data: Path) -> int:
    """Fetch-log lines of real responses: off-site, robots-forbidden and malformed links are lines without one."""
    return sum(1 for f in (data / "fetchlog").glob("*.fetches.jsonl") for line in open(f, encoding="utf-8")
               if json.loads(line).get("status") is not None)


def bench_size(sites: int, repeat: int, profile: str, tmp: Path) -> dict:
    web_dir = tmp / f"web{sites}"
    with DemoWebProcess(web_dir, sites=sites, base_port=free_port_base(ports_needed(sites))) as web:
        rows = list(csv.DictReader(open(web.sources_csv, encoding="utf-8")))
        chosen = [r for r in rows if r["kind"] in SITE_KINDS]
        only = tmp / f"only{sites}.txt"
        only.write_text("".join(r["source_id"] + "\n" for r in chosen), encoding="utf-8")
        urls = tmp / f"urls{sites}.txt"
        urls.write_text("".join(r["start_url"] + "\n" for r in chosen), encoding="utf-8")
        runs: dict[str, list[dict]] = {"ours": [], "bare": []}
        server_pid = web.proc.pid
        for i in range(repeat):
            for who in ("bare", "ours"):
                s0 = _server_cpu(server_pid)
                if who == "bare":
                    r = _timed([sys.executable, "bench/bare_spider.py", "--urls", str(urls), "--profile", profile])
                    r["responses"] = int(r.pop("stdout").strip().splitlines()[-1])
                else:
                    data = tmp / f"data{sites}-{i}"
                    r = _timed([sys.executable, "-m", "spiders.crawl", "--sources", str(web.sources_csv),
                                "--only", str(only), "--crawl-id", f"bench{i}", "--profile", profile,
                                "--data-dir", str(data)])
                    r.pop("stdout")
                    r["responses"] = _responses(data)
                r["server_cpu_s"] = _server_cpu(server_pid) - s0
                runs[who].append(r)
                print(f"{sites} sites, {who} #{i + 1}: {r['responses']} responses in {r['wall_s']:.1f} s, "
                      f"cpu {r['user_s'] + r['sys_s']:.1f} s (sys {r['sys_s']:.1f}), server {r['server_cpu_s']:.1f} s",
                      file=sys.stderr)
    out: dict = {"sites": sites, "sources": len(chosen)}
    for who, rs in runs.items():
        out[who] = {
            "responses": statistics.median(r["responses"] for r in rs),
            "wall_s": round(statistics.median(r["wall_s"] for r in rs), 2),
            "responses_per_s": round(statistics.median(r["responses"] / r["wall_s"] for r in rs), 1),
            "cpu_ms_per_response": round(statistics.median(1000 * (r["user_s"] + r["sys_s"]) / r["responses"]
                                                           for r in rs), 3),
            "sys_ms_per_response": round(statistics.median(1000 * r["sys_s"] / r["responses"] for r in rs), 3),
            "server_cpu_ms_per_response": round(statistics.median(1000 * r["server_cpu_s"] / r["responses"]
                                                                  for r in rs), 3),
        }
    out["pages_per_s_ratio"] = round(out["ours"]["responses_per_s"] / out["bare"]["responses_per_s"], 3)
    out["cpu_per_response_ratio"] = round(out["ours"]["cpu_ms_per_response"] / out["bare"]["cpu_ms_per_response"], 3)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sites", type=int, nargs="+", default=[40, 200], help="demo web sizes (default 40 200)")
    ap.add_argument("--repeat", type=int, default=3, help="crawls per crawler and size (default 3)")
    ap.add_argument("--profile", default="local", help="crawl profile of both crawlers (default local)")
    args = ap.parse_args()
    load_before = report.load_average()
    sizes = []
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
        for n in args.sites:
            sizes.append(bench_size(n, args.repeat, args.profile, Path(tmp)))
    rows = []
    for s in sizes:
        rows.append(report.row(f"responses/s, {s['sites']} sites", s["ours"]["responses_per_s"], "responses/s",
                               baseline="bare Scrapy link-follower", baseline_value=s["bare"]["responses_per_s"]))
        rows.append(report.row(f"CPU per response, {s['sites']} sites", s["ours"]["cpu_ms_per_response"], "ms",
                               baseline="bare Scrapy link-follower", baseline_value=s["bare"]["cpu_ms_per_response"]))
        rows.append(report.row(f"demo server CPU per response, {s['sites']} sites",
                               s["ours"]["server_cpu_ms_per_response"], "ms", baseline="crawler CPU per response",
                               baseline_value=s["ours"]["cpu_ms_per_response"]))
    result = report.result("crawl_speed", command=" ".join(["bench/crawl_speed.py", *sys.argv[1:]]),
                           repeat=args.repeat, rows=rows, load_before=load_before, sizes=sizes)
    report.save("crawl_speed", result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
