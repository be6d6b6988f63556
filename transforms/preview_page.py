"""The portal preview: one self-contained HTML page (no network at view time) where an editor browses and filters
the bundle's strategies, good practices and R&D projects before publishing.

`render_preview(bundle, tables, charts)`: the rows travel inside the page as JSON (`<script type=application/json>`),
a few lines of plain JavaScript render each table and apply the filters (kraj, level, area, free text); the filters
can also be set from the URL fragment (`index.html#kraj=Zlínský kraj&q=osvětlení`), so a link shows a filtered view.
The counts the page shows carry ids (`count-strategies`, `shown-strategies`, ...) for tests and readers. Pure.
"""
from __future__ import annotations

import json
from html import escape
from typing import Mapping, Sequence

# (table, heading, columns shown: (key, label)) in page order
SECTIONS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("strategies", "Strategie", (("title", "Název"), ("municipality_name", "Obec"), ("kraj", "Kraj"),
                                 ("level", "Úroveň"), ("validity", "Platnost"), ("is_smart", "SMART"),
                                 ("domains", "Oblasti"), ("in_registry", "V Databázi strategií"))),
    ("good_practices", "Dobrá praxe", (("title", "Název"), ("municipality_name", "Místo"), ("country", "Země"),
                                       ("size_class", "Velikost"), ("domains", "Oblasti"), ("year", "Rok"),
                                       ("cost_czk", "Náklady (Kč)"))),
    ("rd_projects", "Projekty VaVaI", (("project_code", "Kód"), ("title", "Název"), ("start_year", "Od"),
                                       ("end_year", "Do"), ("is_smart", "SMART"), ("domains", "Oblasti"),
                                       ("funding_programme", "Program"))),
    ("recommendations", "Inspiromat (hledejte obec)", (("title", "Inspirace"), ("municipality_name", "Pro obec"),
                                                      ("rank", "Pořadí"), ("kind", "Druh"), ("place", "Odkud"),
                                                      ("reason", "Proč"))),
)
RECOMMENDATIONS_PER_MUNICIPALITY = 3  # of the bundle's table, in the page
MAX_PROJECTS = 5000  # the page stays light: SMART projects first, then the newest


def _link(row: Mapping, table: str) -> str | None:
    if table == "strategies":
        return (row.get("urls") or [None])[0] or row.get("registry_url")
    if table == "good_practices":
        return row.get("source_url")
    return row.get("listing_url") or row.get("url")  # projects, recommendations


def _row(row: Mapping, table: str) -> dict:
    out = {k: row.get(k) for _, _, cols in SECTIONS for k, _ in cols if k in row}
    if table == "strategies":
        a, b = row.get("validity_from"), row.get("validity_to")
        out["validity"] = f"{a or ''}–{b or ''}" if a or b else ""
    out["kraj"] = row.get("kraj")
    if table == "recommendations":  # the municipality it is for is what an editor looks for
        out = {k: out.get(k) for k in ("title", "municipality_name", "rank", "kind", "place", "reason", "link")}
    out["link"] = _link(row, table)
    return out


def _projects(rows: Sequence[Mapping]) -> list[Mapping]:
    ordered = sorted(rows, key=lambda r: (not r.get("is_smart"), -(r.get("start_year") or 0), r.get("project_code") or ""))
    return ordered[:MAX_PROJECTS]


def _shown(table: str, rows: Sequence[Mapping]) -> Sequence[Mapping]:
    if table == "rd_projects":
        return _projects(rows)
    if table == "recommendations":
        return [r for r in rows if (r.get("rank") or 0) <= RECOMMENDATIONS_PER_MUNICIPALITY]
    return rows


def _json_for_script(value) -> str:
    """JSON that cannot end its <script> element early."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


SCRIPT = r"""
const DATA = JSON.parse(document.getElementById('data').textContent);
const SECTIONS = DATA.sections;
const form = document.getElementById('filters');
function fmt(v) {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  if (v === true) return 'ano';
  if (v === false) return 'ne';
  return String(v);
}
function fold(s) { return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
function matches(row, f) {
  if (f.kraj && row.kraj !== f.kraj) return false;
  if (f.level && row.level !== f.level) return false;
  if (f.domain && !(row.domains || []).includes(f.domain)) return false;
  if (f.smart && 'is_smart' in row && row.is_smart !== true) return false;  // practices are SMART by kind
  if (f.q) {
    const hay = fold(Object.values(row).map(fmt).join(' '));
    if (!fold(f.q).split(/\s+/).every(w => hay.includes(w))) return false;
  }
  return true;
}
function current() {
  const f = {};
  for (const el of form.elements) { if (el.name) f[el.name] = el.type === 'checkbox' ? el.checked : el.value; }
  return f;
}
function render() {
  const f = current();
  for (const [table, , cols] of SECTIONS) {
    const rows = DATA.rows[table].filter(r => matches(r, f));
    document.getElementById('shown-' + table).textContent = rows.length;
    const body = document.querySelector('#table-' + table + ' tbody');
    body.innerHTML = '';
    for (const r of rows.slice(0, 500)) {
      const tr = document.createElement('tr');
      cols.forEach(([key], i) => {
        const td = document.createElement('td');
        if (i === 0 && r.link && /^https?:/i.test(r.link)) {  // a scraped link is shown only when it is http(s)
          const a = document.createElement('a'); a.href = r.link; a.textContent = fmt(r[key]); td.appendChild(a);
        } else { td.textContent = fmt(r[key]); }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    }
  }
  const hash = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) { if (v) hash.set(k, v === true ? '1' : v); }
  history.replaceState(null, '', '#' + hash.toString());
}
function fromHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const el of form.elements) {
    if (!el.name || !params.has(el.name)) continue;
    if (el.type === 'checkbox') el.checked = params.get(el.name) === '1'; else el.value = params.get(el.name);
  }
}
form.addEventListener('input', render);
fromHash();
render();
"""

STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1d2733}h1{font-size:1.4rem}
.counts span{font-weight:bold}table{border-collapse:collapse;width:100%;font-size:.85rem;margin-bottom:2rem}
th,td{border-bottom:1px solid #d8dee4;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#f2f5f8}form{display:flex;gap:.8rem;flex-wrap:wrap;margin:1rem 0;align-items:end}
label{display:flex;flex-direction:column;font-size:.8rem}.charts img{max-width:48%;margin-right:1%}
"""


def _options(values: Sequence[str]) -> str:
    return '<option value="">vše</option>' + "".join(f'<option value="{escape(v)}">{escape(v)}</option>'
                                                     for v in values)


def render_preview(bundle: str, tables: Mapping[str, Sequence[Mapping]], charts: Sequence[tuple[str, str]] = (),
                   area_labels: Mapping[str, str] | None = None) -> str:
    """The page for a bundle: `tables` are the bundle's rows by table name, `charts` (relative PNG path, caption)."""
    rows = {t: [_row(r, t) for r in _shown(t, tables.get(t) or [])] for t, _, _ in SECTIONS}
    krajs = sorted({r["kraj"] for rs in rows.values() for r in rs if r.get("kraj")})
    levels = sorted({r["level"] for r in rows["strategies"] if r.get("level")})
    domains = sorted({d for rs in rows.values() for r in rs for d in r.get("domains") or []})
    labels = area_labels or {}
    counts = "".join(
        f'<li>{escape(heading)}: <span id="count-{t}">{len(tables.get(t) or [])}</span> '
        f'(zobrazeno <span id="shown-{t}">{len(rows[t])}</span>)</li>' for t, heading, _ in SECTIONS)
    sections = "".join(
        f'<h2 id="{t}">{escape(heading)}</h2><table id="table-{t}"><thead><tr>'
        + "".join(f"<th>{escape(label)}</th>" for _, label in cols) + "</tr></thead><tbody></tbody></table>"
        for t, heading, cols in SECTIONS)
    domain_options = '<option value="">vše</option>' + "".join(
        f'<option value="{escape(d)}">{escape(labels.get(d, d))}</option>' for d in domains)
    figures = "".join(f'<figure><img src="{escape(path)}" alt="{escape(caption)}"><figcaption>{escape(caption)}'
                      f"</figcaption></figure>" for path, caption in charts)
    data = {"sections": [[t, heading, [list(c) for c in cols]] for t, heading, cols in SECTIONS], "rows": rows}
    return (
        '<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8">'
        f"<title>smartharvest – náhled exportu {escape(bundle)}</title><style>{STYLE}</style></head><body>"
        f"<h1>Náhled exportu {escape(bundle)}</h1><ul class=\"counts\">{counts}</ul>"
        '<form id="filters" onsubmit="return false">'
        f'<label>Kraj<select name="kraj">{_options(krajs)}</select></label>'
        f'<label>Úroveň<select name="level">{_options(levels)}</select></label>'
        f'<label>Oblast<select name="domain">{domain_options}</select></label>'
        '<label>Hledat<input name="q" type="search"></label>'
        '<label>Jen SMART<input name="smart" type="checkbox"></label></form>'
        f'<div class="charts">{figures}</div>{sections}'
        f'<script type="application/json" id="data">{_json_for_script(data)}</script>'
        f"<script>{SCRIPT}</script></body></html>")
