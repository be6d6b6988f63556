"""The bundle's preview: `write_preview(bundle_dir)` reads the bundle's JSON tables and writes `index.html`
(transforms.preview_page) and two charts of coverage (by kraj, by size class) as PNG under `charts/`.

Charts are drawn with Pillow (already installed for OCR), in DejaVu Sans when the font is installed (Czech
diacritics), else Pillow's default font. Everything the page needs is in the bundle: it opens offline.
"""
from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Mapping, Sequence

from PIL import Image, ImageDraw, ImageFont

from transforms.inspiromat import SIZE_LABELS
from transforms.preview_page import render_preview
from transforms.size_class import SIZE_CLASSES

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
TABLES = ("strategies", "good_practices", "rd_projects", "municipality_coverage", "recommendations")
SIZE_ORDER = tuple(code for code, _, _ in SIZE_CLASSES)


def _font(size: int):
    try:
        return ImageFont.truetype(str(FONT), size)
    except OSError:
        return ImageFont.load_default()


def bar_chart(title: str, bars: Sequence[tuple[str, float, str]], width: int = 900) -> bytes:
    """A horizontal bar chart of shares (label, share 0-1, note) as PNG bytes."""
    row, top, left = 34, 56, 300
    height = top + row * max(1, len(bars)) + 20
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    draw.text((10, 12), title, fill="#1d2733", font=_font(24))
    small = _font(17)
    span = width - left - 170
    for i, (label, share, note) in enumerate(bars):
        y = top + i * row
        draw.text((10, y + 4), label, fill="#1d2733", font=small)
        draw.rectangle((left, y + 4, left + max(1, round(span * min(max(share, 0.0), 1.0))), y + row - 6),
                       fill="#2f6f9f")
        draw.text((left + span + 8, y + 4), f"{share:.0%} {note}", fill="#1d2733", font=small)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()


def coverage_bars(coverage: Sequence[Mapping], by: str) -> list[tuple[str, float, str]]:
    """Share of municipalities with a strategy, summed over the other dimension."""
    totals: dict[str, list[int]] = {}
    for r in coverage:
        key = (r.get("kraj") or r.get("kraj_name") if by == "kraj" else r.get(by)) or "neuvedeno"
        t = totals.setdefault(key, [0, 0])
        t[0] += r.get("with_strategy") or 0
        t[1] += r.get("municipalities") or 0
    keys = [k for k in SIZE_ORDER if k in totals] + sorted(k for k in totals if k not in SIZE_ORDER) \
        if by == "size_class" else sorted(totals)
    return [(SIZE_LABELS.get(k, k) if by == "size_class" else k, (w / n) if n else 0.0, f"({w}/{n})")
            for k in keys for w, n in [totals[k]]]


def _read(bundle_dir: Path, table: str) -> list[dict]:
    path = bundle_dir / f"{table}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_preview(bundle_dir: Path, area_labels: Mapping[str, str] | None = None, bundle: str | None = None) -> Path:
    """Write index.html and charts/*.png into the bundle directory (`bundle`: its name, when the directory is still
    a temporary one); returns the page's path."""
    bundle_dir = Path(bundle_dir)
    tables = {t: _read(bundle_dir, t) for t in TABLES}
    charts_dir = bundle_dir / "charts"
    charts_dir.mkdir(exist_ok=True)
    coverage = tables["municipality_coverage"]
    charts = []
    for by, name, caption in (("kraj", "coverage_by_kraj.png", "Obce se strategií podle kraje"),
                              ("size_class", "coverage_by_size_class.png", "Obce se strategií podle velikosti")):
        _write(charts_dir / name, bar_chart(caption, coverage_bars(coverage, by)))
        charts.append((f"charts/{name}", caption))
    page = bundle_dir / "index.html"
    _write(page, render_preview(bundle or bundle_dir.name, tables, charts, area_labels).encode("utf-8"))
    return page
