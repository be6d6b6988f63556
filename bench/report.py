"""Where a benchmark's result goes: printed as JSON and kept in bench/results/<name>.json (git-ignored)."""
from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def save(name: str, result: dict) -> Path:
    """Print the result and write it to bench/results/<name>.json; returns the file."""
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{name}.json"
    out.write_text(text + "\n", encoding="utf-8")
    return out
