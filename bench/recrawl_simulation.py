"""Adaptive recrawl simulated over the real registry's 6,258 municipalities with production politeness.

    .venv/bin/python bench/recrawl_simulation.py                      # 8 weeks, 5-hour window, 1/2/4 workers
    .venv/bin/python bench/recrawl_simulation.py --capacity 894       # also a night capped at 894 sources
    .venv/bin/python bench/recrawl_simulation.py --weeks 12 --seed 2 --window-hours 4 --workers 1 2
    .venv/bin/python bench/recrawl_simulation.py --no-quiet-weekdays --name recrawl_no_weekend  # a schedule knob

Runs the product's own schedule (transforms.recrawl_schedule: plan_night, record_visit) night after night against
a modelled web, beside the nightly policy (every site every night with conditional GETs), on the same change events
and the same failures. Nothing is asserted; the result is printed and kept by bench/report.save.

The model and its assumptions (stated, not fitted to any target; change them with the options):
- Sites: one per municipality of the registry (municipalities.csv, 6,258 rows; the 10 without a population, former
  military areas, get the registry's median). Every municipality is assumed to have a reachable website; the real
  seeds have a candidate domain for 2,152, so this is the full-coverage case.
- Size: a full visit asks every URL of the site again (pages and documents, conditionally): a 304 saves the
  download, not the request, and politeness is paid per request. URLs per visit = 150 * (population / 1000) ** 0.5
  (47 for 100 inhabitants, 150 for 1,000, 474 for 10,000, 1,500 for 100,000), at least 20, at most 4,000 (the
  production profile's SMARTHARVEST_MAX_PAGES_PER_SITE of 2,000 pages plus as many documents), + 1 for robots.txt.
- Change: the event the schedule learns from is a new or changed document (transforms.recrawl_schedule). Events
  are Poisson, on working days only (offices publish Monday to Friday), at 0.2 * (population / 1000) ** 0.6 per
  day averaged over the week: 0.05 a day (one every three weeks) for 100 inhabitants, 1.4 a week for 1,000, 5.6 for
  10,000, 22 for 100,000. Busy sites: at least one event a day on average; quiet: less than one a week.
- Politeness (spiders/settings.py, profile production): one request at a time per site; between requests to a site
  the AutoThrottle delay, max(DOWNLOAD_DELAY, latency / AUTOTHROTTLE_TARGET_CONCURRENCY) up to AUTOTHROTTLE_MAX_DELAY,
  randomised x0.5..1.5 (RANDOMIZE_DOWNLOAD_DELAY); a request takes max(delay, latency). Server latency per site:
  log-normal, median 0.35 s, sigma 0.6. A crawl process (worker) works on CONCURRENT_REQUESTS /
  CONCURRENT_REQUESTS_PER_DOMAIN = 64 sites at a time (a site's request waiting out its delay holds one of the 64
  downloader slots); the night's wall time is the sites of the plan, in plan order, list-scheduled onto 64 * W
  lanes. This is the pessimistic model. Scrapy 2.19's DownloaderAwarePriorityQueue rather cycles over every site
  with a queued request (all start requests are queued at once), so a site's next request usually finds its delay
  over: the "shared slots" model (fair_share_wall) has the 64 * W slots each held for a request's latency, shared
  equally by the sites at work, none faster than its own delay. The truth depends on how many sites have requests
  queued at a time; the two bracket it.
- Failure: a visit fails with probability 0.02 (timeouts, 5xx) independently per site and night; it costs
  robots.txt and the start URL each timing out DOWNLOAD_TIMEOUT * (RETRY_TIMES + 1) and finds nothing.
- Time: night n starts at 02:00 of day n; an event on day d (office hours) can be seen from night d + 1, so a
  detection delay of 1 day means "caught by the next night". Events of the last 8 days are left out of the delay
  figures (they could not all be seen yet); steady-state figures skip the first 2 weeks (first pass and learning).
"""
from __future__ import annotations

import argparse
import csv
import heapq
import math
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.report import save  # noqa: E402
from spiders.settings import CRAWL_PROFILES  # noqa: E402
from transforms.recrawl_schedule import (  # noqa: E402
    CHANGED, FAILED, UNCHANGED, RecrawlParams, new_schedule, plan_night, record_visit,
)

REGISTRY = ROOT.parent / "shared" / "data" / "municipalities"
START = date(2026, 1, 5)  # a Monday
WARMUP_NIGHTS = 14
CENSOR_DAYS = 8


def pctl(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..1); None for no values."""
    if not values:
        return None
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(q * len(s)) - 1))]


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def expected_max_uniform(lo: float, hi: float, floor: float) -> float:
    """E[max(X, floor)] for X uniform on [lo, hi]."""
    if floor <= lo:
        return (lo + hi) / 2
    if floor >= hi:
        return floor
    return (floor * (floor - lo) + (hi * hi - floor * floor) / 2) / (hi - lo)


class Site:
    __slots__ = ("sid", "population", "urls", "rate", "latency", "per_request_s", "visit_s", "group")

    def __init__(self, sid: str, population: float, args, politeness: dict, rng: random.Random) -> None:
        self.sid, self.population = sid, population
        urls = round(args.urls_at_1000 * (population / 1000) ** args.urls_exponent)
        self.urls = int(min(args.max_urls, max(args.min_urls, urls)))
        self.rate = args.changes_at_1000 * (population / 1000) ** args.change_exponent  # events a day (week average)
        self.latency = math.exp(math.log(args.latency_median) + args.latency_sigma * rng.gauss(0, 1))
        delay = min(politeness["AUTOTHROTTLE_MAX_DELAY"],
                    max(politeness["DOWNLOAD_DELAY"], self.latency / politeness["AUTOTHROTTLE_TARGET_CONCURRENCY"]))
        lo, hi = (0.5 * delay, 1.5 * delay) if politeness.get("RANDOMIZE_DOWNLOAD_DELAY") else (delay, delay)
        self.per_request_s = expected_max_uniform(lo, hi, self.latency)
        self.visit_s = (self.urls + 1) * self.per_request_s
        self.group = "busy" if self.rate >= 1.0 else "quiet" if self.rate < 1 / 7 else "middle"


def load_sites(registry: Path, args, politeness: dict) -> list[Site]:
    with open(registry / "municipalities.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    pops = [float(r["pocet_obyvatel_sp"]) for r in rows if r.get("pocet_obyvatel_sp")]
    fallback = pctl(pops, 0.5)
    rng = random.Random(f"{args.seed}:latency")
    return [Site(r["kod_obce"], float(r["pocet_obyvatel_sp"]) if r.get("pocet_obyvatel_sp") else fallback, args,
                 politeness, rng) for r in rows]


def make_world(sites: list[Site], n_nights: int, args) -> tuple[list[list[int]], list[set[int]]]:
    """Per site: the days with change events (one entry per event); the nights a visit would fail."""
    rng_change, rng_fail = random.Random(f"{args.seed}:change"), random.Random(f"{args.seed}:fail")
    events, fails = [], []
    for s in sites:
        per_day = s.rate if args.changes_on_weekends else s.rate * 7 / 5
        ev = []
        for d in range(n_nights):
            if args.changes_on_weekends or (START + timedelta(days=d)).weekday() < 5:
                ev.extend([d] * poisson(rng_change, per_day))
        events.append(ev)
        fails.append({n for n in range(n_nights) if rng_fail.random() < args.fail_rate})
    return events, fails


def night_wall(durations: list[float], lanes: int) -> float:
    """List scheduling in plan order onto `lanes` parallel site slots: the night's wall time."""
    if not durations:
        return 0.0
    heap = [0.0] * min(lanes, len(durations))
    for d in durations:
        heapq.heapreplace(heap, heap[0] + d)
    return max(heap)


def fair_share_wall(jobs: list[tuple[int, float, float]], in_flight: int) -> float:
    """The night's wall time when the downloader shares its `in_flight` request slots over every queued site at
    once (what Scrapy's DownloaderAwarePriorityQueue does: it cycles over the sites with the fewest active requests):
    a request holds a slot for its latency, so the crawl serves in_flight / mean latency requests a second, shared
    equally by the sites still at work, none faster than one request per its own delay (processor sharing with
    caps, water-filling). `jobs`: (requests, seconds per request at the site's own pace, latency) per site.
    Sites with the same pace progress alike, so they are kept as classes, each a sorted list of request counts."""
    jobs = [j for j in jobs if j[0] > 0]
    if not jobs:
        return 0.0
    rate_total = in_flight * sum(n for n, _, _ in jobs) / sum(n * lat for n, _, lat in jobs)
    classes: dict[float, list[int]] = {}
    for n, pace, _ in jobs:
        classes.setdefault(round(pace, 2), []).append(n)
    cls = sorted((pace, sorted(ns)) for pace, ns in classes.items())  # slowest cap (largest pace) last
    cls.sort(key=lambda c: 1 / c[0])  # ascending cap
    idx, done, t = [0] * len(cls), [0.0] * len(cls), 0.0
    while True:
        counts = [len(ns) - i for (_, ns), i in zip(cls, idx)]
        left = sum(counts)
        if not left:
            return t
        budget, rates = rate_total, [0.0] * len(cls)
        theta = None
        for k, ((pace, _), m) in enumerate(zip(cls, counts)):
            if not m:
                continue
            cap = 1 / pace
            if theta is None and cap * left <= budget:
                rates[k] = cap  # this class is below the fair share: it runs at its own pace
                budget -= cap * m
                left -= m
            else:
                theta = theta if theta is not None else budget / left
                rates[k] = min(cap, theta)
        dt = min((cls[k][1][idx[k]] - done[k]) / rates[k] for k in range(len(cls)) if counts[k])
        t += dt
        for k in range(len(cls)):
            if counts[k]:
                done[k] += rates[k] * dt
                ns = cls[k][1]
                while idx[k] < len(ns) and ns[idx[k]] <= done[k] + 1e-6:
                    idx[k] += 1


def simulate(policy: str, sites: list[Site], events, fails, n_nights: int, args, politeness: dict,
             params: RecrawlParams, capacity: int | None = None) -> dict:
    lanes = politeness["CONCURRENT_REQUESTS"] // politeness["CONCURRENT_REQUESTS_PER_DOMAIN"]
    fail_s = 2 * politeness["DOWNLOAD_TIMEOUT"] * (politeness["RETRY_TIMES"] + 1)
    index = {s.sid: i for i, s in enumerate(sites)}
    states = {s.sid: new_schedule(s.sid, params) for s in sites}
    next_event = [0] * len(sites)       # events before this position have been seen
    attempts = [[] for _ in sites]       # nights of every visit
    successes = [[] for _ in sites]      # nights of visits that reached the site
    delays = [[] for _ in sites]         # detection delays in days, per event
    nights = []
    t0 = time.perf_counter()
    for n in range(n_nights):
        today = START + timedelta(days=n)
        if policy == "nightly":
            order, over = [s.sid for s in sites], False
        else:
            plan = plan_night(states.values(), today, capacity, params)
            order, over = list(plan.due), plan.over_capacity
        durations, jobs, requests = [], [], 0
        for sid in order:
            i = index[sid]
            s = sites[i]
            attempts[i].append(n)
            if n in fails[i]:
                result, d = FAILED, fail_s
                requests += 2
                jobs.append((2, fail_s / 2, fail_s / 2))  # robots.txt and the start URL, each timing out
            else:
                ev, k = events[i], next_event[i]
                seen = 0
                while k < len(ev) and ev[k] < n:  # events of days before tonight
                    delays[i].append(n - ev[k])
                    k += 1
                    seen += 1
                next_event[i] = k
                result, d = (CHANGED if seen else UNCHANGED), s.visit_s
                successes[i].append(n)
                requests += s.urls + 1
                jobs.append((s.urls + 1, s.per_request_s, s.latency))
            durations.append(d)
            if policy != "nightly":
                states[sid] = record_visit(states[sid], today, result, params)
        nights.append({
            "night": n, "date": today.isoformat(), "sites": len(order), "requests": requests, "over_capacity": over,
            "wall_h": {w: night_wall(durations, lanes * w) / 3600 for w in args.workers},
            "shared_h": {w: fair_share_wall(jobs, politeness["CONCURRENT_REQUESTS"] * w) / 3600
                         for w in args.workers},
        })
    return summarise(policy, capacity, sites, events, attempts, successes, delays, nights, n_nights, args,
                     time.perf_counter() - t0)


def _gaps(nights_of: list[int], since: int = 0) -> list[int]:
    return [b - a for a, b in zip(nights_of, nights_of[1:]) if b >= since]


def _stats(values: list[float], digits: int = 2) -> dict:
    if not values:
        return {"n": 0}
    return {"n": len(values), "median": round(pctl(values, 0.5), digits), "p90": round(pctl(values, 0.9), digits),
            "max": round(max(values), digits)}


def summarise(policy, capacity, sites, events, attempts, successes, delays, nights, n_nights, args, cpu_s) -> dict:
    groups = ("busy", "middle", "quiet")
    horizon = n_nights - CENSOR_DAYS  # events before this day are counted in the delay figures
    within_week = sum(1 for a in attempts if a and a[0] <= 6 and max(_gaps(a) or [0]) <= 7)
    within_week_ok = sum(1 for s in successes if s and s[0] <= 6 and max(_gaps(s) or [0]) <= 7)
    gaps = {g: [] for g in groups}
    for s, a in zip(sites, attempts):
        gaps[s.group].extend(_gaps(a, WARMUP_NIGHTS))
    counted = {g: [] for g in groups}
    missed = {g: 0 for g in groups}
    for s, ev, dl in zip(sites, events, delays):
        ev_counted = [d for d in ev if d < horizon]
        got = dl[:len(ev_counted)]  # delays are in event order
        counted[s.group].extend(got)
        missed[s.group] += len(ev_counted) - len(got)
    every = [d for g in groups for d in counted[g]]
    steady = [x for x in nights if x["night"] >= WARMUP_NIGHTS]
    req = [x["requests"] for x in steady]
    out = {
        "policy": policy, "capacity": capacity,
        "coverage": {
            "sites": len(sites),
            "visited_within_7_days_share": round(within_week / len(sites), 4),
            "reached_within_7_days_share": round(within_week_ok / len(sites), 4),
            "max_nights_between_visits": max(max(_gaps(a) or [0]) for a in attempts),
        },
        "nights_between_visits_steady": {g: _stats(gaps[g], 1) for g in groups},
        "detection": {
            "events": len(every) + sum(missed.values()),
            "caught_next_night_share": round(sum(1 for d in every if d == 1) / max(1, len(every)), 4),
            "delay_days": _stats(every, 1),
            "not_seen_within_horizon": sum(missed.values()),
            "by_group": {g: {"events": len(counted[g]), "caught_next_night_share":
                             round(sum(1 for d in counted[g] if d == 1) / max(1, len(counted[g])), 4),
                             "delay_days": _stats(counted[g], 1)} for g in groups},
        },
        "requests_per_night": {
            "first_night": nights[0]["requests"],
            "steady_mean": round(sum(req) / max(1, len(req))),
            "steady_median": pctl(req, 0.5), "steady_max": max(req) if req else None,
            "sites_steady_mean": round(sum(x["sites"] for x in steady) / max(1, len(steady))),
        },
        "night_wall_hours": {
            str(w): {"first_night": round(nights[0]["wall_h"][w], 2),
                     "steady_median": round(pctl([x["wall_h"][w] for x in steady], 0.5), 2),
                     "steady_max": round(max(x["wall_h"][w] for x in steady), 2),
                     "first_night_fits": nights[0]["wall_h"][w] <= args.window_hours,
                     "steady_nights_fit_share": round(sum(1 for x in steady if x["wall_h"][w] <= args.window_hours)
                                                      / max(1, len(steady)), 3),
                     "shared": {"first_night": round(nights[0]["shared_h"][w], 2),
                                "steady_median": round(pctl([x["shared_h"][w] for x in steady], 0.5), 2),
                                "steady_max": round(max(x["shared_h"][w] for x in steady), 2)}}
            for w in args.workers},
        "nights_over_capacity": sum(1 for x in nights if x["over_capacity"]),
        "per_night": [{"date": x["date"], "sites": x["sites"], "requests": x["requests"],
                       "wall_h": {str(w): round(h, 2) for w, h in x["wall_h"].items()},
                       "shared_h": {str(w): round(h, 2) for w, h in x["shared_h"].items()}} for x in nights],
        "simulation_cpu_s": round(cpu_s, 1),
    }
    return out


def table(results: list[dict], baseline: dict, window: float) -> str:
    lines = []
    for r in results:
        name = r["policy"] + (f" (cap {r['capacity']})" if r["capacity"] else "")
        c, d, q = r["coverage"], r["detection"], r["requests_per_night"]
        g = r["nights_between_visits_steady"]
        lines.append(f"== {name}")
        lines.append(f"  visited within 7 days: {c['visited_within_7_days_share']:.2%} of {c['sites']} "
                     f"(reached: {c['reached_within_7_days_share']:.2%}); "
                     f"longest gap {c['max_nights_between_visits']} nights")
        lines.append("  nights between visits (steady, median/p90/max): " + ", ".join(
            f"{k} {v.get('median')}/{v.get('p90')}/{v.get('max')}" for k, v in g.items()))
        lines.append(f"  changes caught by the next night: {d['caught_next_night_share']:.1%}; delay days median "
                     f"{d['delay_days'].get('median')} p90 {d['delay_days'].get('p90')}; busy "
                     f"{d['by_group']['busy']['caught_next_night_share']:.1%}, quiet "
                     f"{d['by_group']['quiet']['caught_next_night_share']:.1%}")
        lines.append(f"  requests per night: first {q['first_night']:,}, steady mean {q['steady_mean']:,} "
                     f"({q['steady_mean'] / baseline['requests_per_night']['steady_mean']:.1%} of nightly), "
                     f"sites {q['sites_steady_mean']:,}")
        for w, v in r["night_wall_hours"].items():
            sh = v["shared"]
            lines.append(f"  W={w}: 64W sites at a time: first night {v['first_night']} h, steady median "
                         f"{v['steady_median']} h, max {v['steady_max']} h (within {window:g} h: "
                         f"{v['steady_nights_fit_share']:.0%} of steady nights); shared slots: first "
                         f"{sh['first_night']} h, steady median {sh['steady_median']} h, max {sh['steady_max']} h")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--registry", type=Path, default=REGISTRY, help="directory with municipalities.csv")
    ap.add_argument("--weeks", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--window-hours", type=float, default=5.0, help="the crawl's nightly window (default 02:00-07:00)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4], help="crawl processes (64 sites each)")
    ap.add_argument("--capacity", type=int, default=None, help="also simulate adaptive with this cap (sources/night)")
    ap.add_argument("--name", default="recrawl_simulation", help="result name (bench/results/NAME.json)")
    schedule = ap.add_argument_group("the schedule (transforms.recrawl_schedule.RecrawlParams; defaults = product's)")
    schedule.add_argument("--max-days", type=float, default=RecrawlParams.max_days)
    schedule.add_argument("--inc-rate", type=float, default=RecrawlParams.inc_rate)
    schedule.add_argument("--dec-rate", type=float, default=RecrawlParams.dec_rate)
    schedule.add_argument("--no-sync-delta", action="store_true")
    schedule.add_argument("--no-quiet-weekdays", action="store_true", help="learn from weekend-only visits too")
    ap.add_argument("--urls-at-1000", type=float, default=150.0)
    ap.add_argument("--urls-exponent", type=float, default=0.5)
    ap.add_argument("--min-urls", type=int, default=20)
    ap.add_argument("--max-urls", type=int, default=4000)
    ap.add_argument("--changes-at-1000", type=float, default=0.2, help="change events a day at 1,000 inhabitants")
    ap.add_argument("--change-exponent", type=float, default=0.6)
    ap.add_argument("--changes-on-weekends", action="store_true",
                    help="events on all seven days (the schedule still assumes offices publish on working days)")
    ap.add_argument("--latency-median", type=float, default=0.35)
    ap.add_argument("--latency-sigma", type=float, default=0.6)
    ap.add_argument("--fail-rate", type=float, default=0.02)
    args = ap.parse_args()
    if not (args.registry / "municipalities.csv").is_file():
        print(f"skipped: the registry {args.registry}/municipalities.csv is not here (needs ../shared beside the "
              f"checkout, or --registry DIR)", file=sys.stderr)
        return 0
    politeness = CRAWL_PROFILES["production"]
    sites = load_sites(args.registry, args, politeness)
    n_nights = 7 * args.weeks
    events, fails = make_world(sites, n_nights, args)
    params = RecrawlParams(max_days=args.max_days, inc_rate=args.inc_rate, dec_rate=args.dec_rate,
                           sync_delta=not args.no_sync_delta,
                           quiet_weekdays=frozenset() if args.no_quiet_weekdays else frozenset({5, 6}))
    runs = [simulate("nightly", sites, events, fails, n_nights, args, politeness, params),
            simulate("adaptive", sites, events, fails, n_nights, args, politeness, params)]
    if args.capacity:
        runs.append(simulate("adaptive", sites, events, fails, n_nights, args, politeness, params, args.capacity))
    print(table(runs, runs[0], args.window_hours), file=sys.stderr)
    counts = {g: sum(1 for s in sites if s.group == g) for g in ("busy", "middle", "quiet")}
    result = {
        "command": "bench/recrawl_simulation.py " + " ".join(sys.argv[1:]),
        "model": {
            "sites": len(sites), "groups": counts, "nights": n_nights, "start": START.isoformat(),
            "window_hours": args.window_hours, "workers": args.workers, "seed": args.seed,
            "urls_per_visit": {"at_1000": args.urls_at_1000, "exponent": args.urls_exponent, "min": args.min_urls,
                               "max": args.max_urls, "total": sum(s.urls + 1 for s in sites),
                               "median": pctl([s.urls for s in sites], 0.5)},
            "changes_per_day": {"at_1000": args.changes_at_1000, "exponent": args.change_exponent,
                                "working_days_only": not args.changes_on_weekends,
                                "events_total": sum(len(e) for e in events)},
            "latency_s": {"median": args.latency_median, "sigma": args.latency_sigma},
            "seconds_per_request_median": round(pctl([s.per_request_s for s in sites], 0.5), 3),
            "fail_rate": args.fail_rate,
            "politeness": {k: politeness[k] for k in (
                "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN", "DOWNLOAD_DELAY", "RANDOMIZE_DOWNLOAD_DELAY",
                "AUTOTHROTTLE_ENABLED", "AUTOTHROTTLE_TARGET_CONCURRENCY", "AUTOTHROTTLE_MAX_DELAY",
                "DOWNLOAD_TIMEOUT", "RETRY_TIMES", "SMARTHARVEST_MAX_PAGES_PER_SITE")},
            "schedule": {"min_days": params.min_days, "max_days": params.max_days, "inc_rate": params.inc_rate,
                         "dec_rate": params.dec_rate, "initial_days": params.initial_days,
                         "sync_delta": params.sync_delta, "quiet_weekdays": sorted(params.quiet_weekdays)},
        },
        "runs": runs,
    }
    save(args.name, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
