"""What every benchmark reports, in one shape, and where it goes (bench/results/<name>.json, git-ignored).

    from bench import report
    load_before = report.load_average()
    runs = report.median_runs(lambda: work(), repeat=3)            # runs.median (s), runs.times, runs.value
    rows = [report.row("pages/s", pages / runs.median, "pages/s", baseline="PDFium text only",
                       baseline_value=pages / base.median)]
    report.save("my_bench", report.result("my_bench", command="bench/my_bench.py --repeat 3", repeat=3,
                                          rows=rows, load_before=load_before, pages=pages))

The common shape (documented in bench/README.md):

    {"bench": name, "command": "bench/x.py ...", "machine": machine(), "load": {"before": [1, 5, 15 min],
     "after": [...]}, "repeat": R, "when": ISO time,
     "rows": [{"measure": str, "value": float, "unit": str, "baseline": str|None, "baseline_value": float|None,
               "ratio": float|None, "note": str|None}], ...extra keys of the bench}

`ratio` is value / baseline_value unless a row gives its own. `save()` still accepts any dict (older benches).
"""
from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

RESULTS = Path(__file__).resolve().parent / "results"
LIBRARIES = ("scrapy", "twisted", "pypdfium2", "pdfplumber", "duckdb", "dagster", "rapidfuzz", "langdetect",
             "simplemma")


def save(name: str, result: dict) -> Path:
    """Print the result and write it to bench/results/<name>.json; returns the file."""
    text = json.dumps(result, ensure_ascii=False, indent=1, default=str)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{name}.json"
    out.write_text(text + "\n", encoding="utf-8")
    return out


def _cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def _ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return None


def _version(package: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def tesseract_version() -> str | None:
    path = shutil.which("tesseract")
    if not path:
        return None
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    first = (out.stdout or out.stderr).strip().splitlines()
    return first[0] if first else None


def machine() -> dict:
    """Facts of the machine a figure was measured on: CPU, cores, RAM, kernel, Python, key library versions."""
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = None
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "cores_usable": usable,
        "ram_gib": _ram_gib(),
        "kernel": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "libraries": {p: _version(p) for p in LIBRARIES},
    }


def load_average() -> list[float]:
    """os.getloadavg() (1, 5, 15 minutes), rounded: take it before a bench runs; result() takes the after."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


@dataclass
class Runs:
    """Seconds of each timed call (`times`), their median, and what the last call returned (`value`)."""
    times: list[float]
    value: Any = None
    values: list = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def best(self) -> float:
        return min(self.times)

    def as_dict(self) -> dict:
        return {"median_s": round(self.median, 4), "times_s": [round(t, 4) for t in self.times]}


def median_runs(fn: Callable[[], Any], repeat: int, warmup: int = 0,
                between: Callable[[], Any] | None = None) -> Runs:
    """Call fn() `warmup` times untimed, then `repeat` times timed (perf_counter); `between` runs untimed before
    each timed call (e.g. clearing a cache)."""
    for _ in range(warmup):
        fn()
    times, values = [], []
    for _ in range(max(1, repeat)):
        if between is not None:
            between()
        t0 = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t0)
        values.append(value)
    return Runs(times=times, value=values[-1], values=values)


def _num(x: float | int | None, digits: int = 4) -> float | None:
    if x is None:
        return None
    x = float(x)
    if x != x:  # NaN
        return None
    if abs(x) >= 100:
        return round(x, 1)
    return round(x, digits)


def row(measure: str, value: float | None, unit: str, baseline: str | None = None,
        baseline_value: float | None = None, ratio: float | None = None, note: str | None = None) -> dict:
    """One line of a result: `ratio` defaults to value / baseline_value when both are given."""
    if ratio is None and value is not None and baseline_value:
        ratio = value / baseline_value
    return {"measure": measure, "value": _num(value), "unit": unit, "baseline": baseline,
            "baseline_value": _num(baseline_value), "ratio": _num(ratio, 3), "note": note}


def result(name: str, *, command: str, repeat: int | None, rows: list[dict], load_before: list[float] | None = None,
           machine_facts: dict | None = None, **extra) -> dict:
    """The common shape: bench, command, machine, load before/after, repeat, rows, then the bench's own keys."""
    out = {
        "bench": name,
        "command": command,
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine_facts or machine(),
        "load": {"before": load_before if load_before is not None else None, "after": load_average()},
        "repeat": repeat,
        "rows": rows,
    }
    for k, v in extra.items():
        if k in out:
            raise ValueError(f"extra key {k!r} clashes with the common shape")
        out[k] = v
    return out


def command_line(script: str, argv: list[str]) -> str:
    """`bench/<script> <args>` as typed, for the result's `command`."""
    return " ".join(["bench/" + Path(script).name, *argv])


def load(name: str) -> dict | None:
    """A saved result (None when absent or unreadable)."""
    try:
        return json.loads((RESULTS / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
