"""The newsletter digest of an export bundle (Markdown and HTML): what is new, changed and gone since the previous
bundle, table by table, grouped so an editor can skim it, each item linked to its evidence."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable, Mapping, Sequence

from transforms.bundle_changes import Key, TableChanges

MAX_ITEMS = 100  # per list; the rest is counted, and every key is in changes.json


@dataclass(frozen=True)
class Item:
    label: str
    url: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Section:
    table: str
    title: str
    counts: Mapping[str, int]
    new: Sequence[tuple[str, Sequence[Item]]]  # (group, items), groups sorted
    changed: Sequence[Item]
    removed: Sequence[Item]
    files: Sequence[str]  # the table's files in the bundle, linked relatively


def _first(values) -> str | None:
    return values[0] if values else None


def _dash(what: str, where: str | None) -> str:
    return f"{what} — {where}" if where else what


def _share(row: Mapping) -> str:
    share = row.get("share", row.get("share_with_strategy"))
    return f"{row.get('with_strategy')}/{row.get('municipalities')} ({share:.0%})" if share is not None else "-"


def _kraj(row: Mapping) -> str | None:
    """A coverage row's kraj, whether the table names it `kraj` or by `kraj_name` and `kraj_code`."""
    return row.get("kraj") or row.get("kraj_name") or row.get("kraj_code")


@dataclass(frozen=True)
class _Spec:
    title: str
    label: Callable[[Mapping], str]
    url: Callable[[Mapping], str | None]
    group: Callable[[Mapping], str | None]


_SPECS: dict[str, _Spec] = {
    "strategies": _Spec(
        "Strategies",
        lambda r: _dash(r.get("title") or r["strategy_id"],
                        r.get("municipality_name") or r.get("kraj") or r.get("level")),
        lambda r: _first(r.get("urls")) or r.get("registry_url"),
        lambda r: r.get("kraj")),
    "rd_projects": _Spec(
        "R&D projects",
        lambda r: f"{r['project_code']}: {r.get('title') or ''} ({r.get('recipient_name') or 'recipient unknown'})",
        lambda r: r.get("url") or r.get("listing_url"),
        lambda r: "SMART" if r.get("is_smart") else "other"),
    "good_practices": _Spec(
        "Good practices",
        lambda r: _dash(r.get("title") or r["practice_id"], r.get("municipality_name") or r.get("country")),
        lambda r: r.get("source_url"),
        lambda r: r.get("size_class")),
    "strategy_registry": _Spec(
        "Databáze strategií records",
        lambda r: _dash(r.get("name") or r["record_url"], r.get("gestor")),
        lambda r: r.get("record_url"),
        lambda r: r.get("level")),
    "recommendations": _Spec(
        "Inspiromat recommendations",
        lambda r: _dash(r.get("title") or r["item_id"], r.get("municipality_name") or r["municipality_code"]),
        lambda r: r.get("url"),
        lambda r: r.get("kind")),
    "municipality_coverage": _Spec(
        "Municipality coverage",
        lambda r: f"{_kraj(r) or 'kraj unknown'} / {r.get('size_class') or 'size unknown'}: {_share(r)}",
        lambda r: None,
        _kraj),
}


def _spec(table: str) -> _Spec:
    return _SPECS.get(table) or _Spec(table, lambda r: ", ".join(f"{k}={v}" for k, v in list(r.items())[:3]),
                                      lambda r: None, lambda r: None)


def _key_text(key: Key) -> str:
    return " / ".join(str(k) for k in key) if isinstance(key, tuple) else str(key)


def build_section(table: str, current: Mapping[Key, Mapping], previous: Mapping[Key, Mapping],
                  changes: TableChanges, files: Sequence[str]) -> Section:
    """One table's part of the digest from its rows by key (this bundle's and the previous one's)."""
    spec = _spec(table)
    item = lambda row, note="": Item(spec.label(row), spec.url(row), note)  # noqa: E731
    groups: dict[str, list[Item]] = {}
    for k in changes.new:
        groups.setdefault(spec.group(current[k]) or "other", []).append(item(current[k]))
    changed = [item(current[k], "changed: " + ", ".join(changes.changed_columns[k])) for k in changes.changed]
    removed = [item(previous[k]) if k in previous else Item(_key_text(k)) for k in changes.removed]
    return Section(table, spec.title, changes.counts, sorted(groups.items()), changed, removed, files)


def _clip(items: Sequence) -> tuple[Sequence, int]:
    return items[:MAX_ITEMS], max(0, len(items) - MAX_ITEMS)


def render_markdown(bundle: str, date: str, previous: str | None, sections: Sequence[Section]) -> str:
    since = f"since bundle `{previous}`" if previous else "(first bundle: everything is new)"
    out = [f"# smartharvest digest {date}", "", f"Bundle `{bundle}`, changes {since}.", ""]
    out += ["| table | new | changed | removed |", "|---|---|---|---|"]
    out += [f"| {s.title} | {s.counts['new']} | {s.counts['changed']} | {s.counts['removed']} |" for s in sections]
    link = lambda i: f"[{_md(i.label)}]({_md_url(i.url)})" if i.url else _md(i.label)  # noqa: E731
    for s in sections:
        out += ["", f"## {s.title}", "", "Files: " + ", ".join(f"[{f}]({f})" for f in s.files)]
        if not any(s.counts.values()):
            out += ["", "Nothing new."]
        for group, items in s.new:
            shown, more = _clip(items)
            out += ["", f"### New — {_md(group)}", ""] + [f"- {link(i)}" for i in shown]
            out += [f"- … and {more} more (see changes.json)"] if more else []
        for heading, items in (("Changed", s.changed), ("Removed", s.removed)):
            if items:
                shown, more = _clip(items)
                out += ["", f"### {heading}", ""]
                out += [f"- {link(i)}" + (f" ({_md(i.note)})" if i.note else "") for i in shown]
                out += [f"- … and {more} more (see changes.json)"] if more else []
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Text safe inside Markdown list items and link labels: no link, code or raw HTML from what sources wrote."""
    for ch in "\\[]<>`":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", " ")


def _md_url(url: str) -> str:
    return f"<{url}>" if any(c in url for c in " ()<>") else url


def _web(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("http://", "https://"))


def render_html(bundle: str, date: str, previous: str | None, sections: Sequence[Section]) -> str:
    e = escape
    since = f"since bundle <code>{e(previous)}</code>" if previous else "(first bundle: everything is new)"
    # a scraped URL becomes a link only when it is http(s): never javascript: or data:
    link = lambda i: f'<a href="{e(i.url)}">{e(i.label)}</a>' if _web(i.url) else e(i.label)  # noqa: E731
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>smartharvest digest {e(date)}</title>",
           "<style>body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em}"
           "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em}</style></head><body>",
           f"<h1>smartharvest digest {e(date)}</h1>", f"<p>Bundle <code>{e(bundle)}</code>, changes {since}.</p>",
           "<table><tr><th>table</th><th>new</th><th>changed</th><th>removed</th></tr>"]
    out += [f"<tr><td>{e(s.title)}</td><td>{s.counts['new']}</td><td>{s.counts['changed']}</td>"
            f"<td>{s.counts['removed']}</td></tr>" for s in sections]
    out.append("</table>")

    def items_html(items: Sequence[Item]) -> str:
        shown, more = _clip(items)
        lis = [f"<li>{link(i)}" + (f" <small>({e(i.note)})</small>" if i.note else "") + "</li>" for i in shown]
        lis += [f"<li>… and {more} more (see changes.json)</li>"] if more else []
        return "<ul>" + "".join(lis) + "</ul>"

    for s in sections:
        out.append(f'<section id="{e(s.table)}"><h2>{e(s.title)}</h2>')
        out.append("<p>Files: " + ", ".join(f'<a href="{e(f)}">{e(f)}</a>' for f in s.files) + "</p>")
        if not any(s.counts.values()):
            out.append("<p>Nothing new.</p>")
        for group, items in s.new:
            out.append(f"<h3>New — {e(group)}</h3>" + items_html(items))
        for heading, items in (("Changed", s.changed), ("Removed", s.removed)):
            if items:
                out.append(f"<h3>{heading}</h3>" + items_html(items))
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
