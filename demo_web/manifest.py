"""Ground truth for tests: manifest.jsonl (one row per linked URL of interest), sites.json, sources.csv.

The harvest pipeline never reads these; tests compare pipeline output against them.
`doc_type` is the gold type in the warehouse's terms (a strategy type, budget_outlook, spatial_plan,
evaluation_report, sectoral_concept, else "other"); `doc_kind` is the generator's own finer kind
(minutes, resolutions, budget, notice, tender, newsletter, ..., document_page, news); `hard_negative`
names the kind of an ordinary document planted because it talks like a strategy (model.HARD_NEGATIVES).
`expect_in_document_urls` encodes what a polite crawler (robots.txt obeyed, depth limit 5,
size cap 8 MB, staying on each source's host) should end up storing as a document.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
from pathlib import Path

from .model import CALENDAR_START, MAX_DEPTH, Doc, DocSpec, Site, Web, calendar_url, robots_allows
from .feeds import in_feed
from .routing import respond

FIELDS = ("url", "site_id", "source_id", "municipality_code", "cms", "kind", "format", "doc_type", "is_strategy",
          "title", "validity_from", "validity_to", "approved_on", "approval_body", "sha256", "http_status",
          "redirects_to", "robots_allowed", "trap", "expect_in_document_urls", "twin_group", "version_group",
          "duplicate_group", "depth", "resave_group", "same_document_group", "version_rank", "doc_kind",
          "hard_negative")
# Non-strategy kinds the warehouse types on their own; all other paperwork is "other" there.
TYPED_KINDS = frozenset({"budget_outlook", "spatial_plan", "evaluation_report", "sectoral_concept"})
SIZE_CAP = 8 * 1024 * 1024
HASH_SITES_LIMIT = 200  # above this, `auto` leaves sha256 null (hashing means rendering every document)


_WEB: Web | None = None  # the web a hashing worker renders from (set by _init_hashing_worker)


KEEP_BODY_BYTES = 2 * 1024 * 1024  # bodies a hashing worker sends back for the server to reuse


def _init_hashing_worker(web: Web) -> None:
    global _WEB
    _WEB = web


def _sha_job(job: tuple[int, str, bool]) -> tuple[str | None, bytes | None]:
    site_index, url, keep = job
    sha, body = _sha_and_body(_WEB.sites[site_index], url)
    return sha, body if keep and body is not None and len(body) <= KEEP_BODY_BYTES else None


def document_shas(web: Web, workers: int | None = None) -> dict[tuple[str, str], str | None]:
    """sha256 of every served document body, rendered in worker processes when there are many; the workers'
    file bodies are kept (documents.remember) so serving them later renders nothing again.

    The workers are spawned, not forked: a fork copies the caller's state, native threads' locks included (under
    pytest, DuckDB's jemalloc thread) and its signal handlers (Dagster maps SIGTERM to KeyboardInterrupt in the
    process that ran a job); in CI one forked worker never ended, and Pool.terminate() waited for it for good."""
    from .documents import remember

    docs = [(i, d) for i, s in enumerate(web.sites) for d in s.docs if d.status == 200]
    jobs = [(i, d.url, d.fmt != "html") for i, d in docs]
    workers = workers if workers is not None else min(os.cpu_count() or 1, 8)
    if workers > 1 and len(jobs) > 100:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(workers, initializer=_init_hashing_worker,
                                                        initargs=(web,)) as pool:
            results = pool.map(_sha_job, jobs, chunksize=8)
        for (_, d), (_, body) in zip(docs, results):
            if body is not None:
                remember(d.spec, body)
        shas = [sha for sha, _ in results]
    else:
        shas = [_sha(web.sites[i], url) for i, url, _ in jobs]
    return {(web.sites[i].site_id, url): sha for (i, url, _), sha in zip(jobs, shas)}


def _sha_and_body(site: Site, path: str) -> tuple[str | None, bytes | None]:
    reply = respond(site, path)
    while reply.status in (301, 302):
        reply = respond(site, reply.headers["Location"])
    if reply.status != 200:
        return None, None
    return hashlib.sha256(reply.body).hexdigest(), reply.body


def _sha(site: Site, path: str) -> str | None:
    return _sha_and_body(site, path)[0]


def _base(site: Site) -> dict:
    return {"site_id": site.site_id, "source_id": site.source_id, "municipality_code": site.municipality_code,
            "cms": site.cms}


def _expect(site: Site, status: int, allowed: bool, depth: int | None, oversized: bool) -> bool:
    return (not site.foreign and site.robots != "disallow_all" and status == 200 and allowed
            and depth is not None and depth <= MAX_DEPTH and not oversized)


def gold_doc_type(spec: DocSpec) -> str:
    return spec.doc_type if spec.is_strategy or spec.doc_type in TYPED_KINDS else "other"


def doc_row(site: Site, d: Doc, shas: dict | None) -> dict:
    allowed = robots_allows(site, d.url) and robots_allows(site, d.serve)
    spec = d.spec
    return {
        "url": site.base_url + d.url, **_base(site), "kind": "document", "format": d.fmt,
        "doc_type": gold_doc_type(spec), "is_strategy": spec.is_strategy, "title": spec.title,
        "validity_from": spec.validity[0] if spec.validity else None,
        "validity_to": spec.validity[1] if spec.validity else None,
        "approved_on": d.approved_on, "approval_body": d.approval_body,
        "sha256": shas.get((site.site_id, d.url)) if shas is not None and d.status == 200 else None,
        "http_status": d.status, "redirects_to": site.base_url + d.serve if d.redirect else None,
        "robots_allowed": allowed, "trap": d.trap,
        "expect_in_document_urls": _expect(site, d.status, allowed, d.depth, spec.variant == "oversized"),
        "twin_group": d.twin_group, "version_group": d.version_group, "duplicate_group": d.duplicate_group,
        "depth": d.depth, "resave_group": d.resave_group, "same_document_group": d.same_document_group,
        "version_rank": d.version_rank, "doc_kind": spec.doc_type, "hard_negative": d.hard_negative,
        "in_feed": in_feed(site, d),
        "detail_url": site.base_url + d.detail if d.detail else None,  # the HTML page presenting the document
    }


def page_row(site: Site, path: str, title: str, *, kind: str = "page", doc_kind: str | None = None,
             trap: str | None = None, depth: int | None = None, hashes: bool = True,
             redirects_to: str | None = None, fmt: str = "html") -> dict:
    allowed = robots_allows(site, path)
    return {
        "url": site.base_url + path, **_base(site), "kind": kind, "format": fmt,
        "doc_type": "other" if doc_kind else None,
        "is_strategy": False, "title": title, "validity_from": None, "validity_to": None, "approved_on": None,
        "approval_body": None, "sha256": _sha(site, path) if hashes else None, "http_status": 200,
        "redirects_to": site.base_url + redirects_to if redirects_to else None, "robots_allowed": allowed,
        "trap": trap, "expect_in_document_urls": kind == "document" and _expect(site, 200, allowed, depth, False),
        "twin_group": None, "version_group": None, "duplicate_group": None, "depth": depth,
        "resave_group": None, "same_document_group": None, "version_rank": None, "doc_kind": doc_kind,
        "hard_negative": None,
    }


def site_rows(site: Site, shas: dict | None) -> list[dict]:
    hashes = shas is not None
    rows = [doc_row(site, d, shas) for d in site.docs]
    site_trap = "robots_disallow_all" if site.robots == "disallow_all" else None
    if site.cms == "vismo":  # /d-{id} pages count as documents for the crawler (ARCHITECTURE.md)
        for page in site.pages.values():
            if page.kind in ("detail", "news"):
                rows.append(page_row(site, page.path, page.title, kind="document",
                                     doc_kind="document_page" if page.kind == "detail" else "news",
                                     trap=site_trap, depth=page.depth, hashes=hashes))
    for url, (code, target, trap) in site.redirects.items():
        if not any(d.url == url for d in site.docs):
            target_page = site.pages.get(target)
            rows.append(page_row(site, url, target_page.title if target_page else target, trap=trap,
                                 depth=target_page.depth if target_page else None, hashes=hashes,
                                 redirects_to=target))
    if site.endless_calendar:
        rows.append(page_row(site, calendar_url(*CALENDAR_START), "Kalendář akcí", trap="endless_calendar",
                             depth=1, hashes=hashes))
    for page in site.pages.values():
        if page.encoding != "utf-8":
            rows.append(page_row(site, page.path, page.title, trap="windows1250_page", depth=page.depth,
                                 hashes=hashes))
    if site_trap or site.foreign:
        rows.append(page_row(site, "/", site.name, trap=site_trap or "external_links", depth=0, hashes=hashes))
    return rows


def build_rows(web: Web, hashes: bool) -> list[dict]:
    shas = document_shas(web) if hashes else None
    return [row for site in web.sites for row in site_rows(site, shas)]


def site_entry(site: Site) -> dict:
    m = site.municipality
    return {"site_id": site.site_id, "source_id": site.source_id, "kind": site.kind,
            "municipality_code": site.municipality_code, "kraj_kod": site.kraj_kod, "name": site.name,
            "cms": site.cms, "port": site.port, "start_url": site.base_url + "/", "robots": site.robots,
            "foreign": site.foreign, "size_class": site.size_class, "population": m.population if m else None,
            "traps": sorted(site.traps), "feed_url": site.base_url + site.feed_path if site.feed_path else None}


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_outputs(web: Web, out_dir: Path, hashes: bool | None = None, portals: list | None = None) -> dict:
    """Write sources.csv (the sites, then the portals of demo_web.portals), sites.json and manifest.jsonl; returns
    a small summary for the CLI."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if hashes is None:
        hashes = len(web.municipal) <= HASH_SITES_LIMIT
    rows = build_rows(web, hashes)
    _atomic_write(out_dir / "manifest.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    _atomic_write(out_dir / "sites.json", json.dumps([site_entry(s) for s in web.sites], ensure_ascii=False, indent=1))
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["source_id", "kind", "start_url", "municipality_code", "name"] + (["extra_start_urls"] if portals else []))
    for s in web.sites:
        if not s.foreign:
            w.writerow([s.source_id, s.kind, s.base_url + "/", s.municipality_code, s.name] + ([""] if portals else []))
    for portal in portals or []:
        w.writerow(portal.source_row())
    _atomic_write(out_dir / "sources.csv", buf.getvalue())
    _atomic_write(out_dir / "changes.jsonl", "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in web.changes))
    return {**summarize(web, rows), "night": web.night, "changes": len(web.changes), "portals": len(portals or [])}


def distinct_documents(rows: list[dict]) -> list[dict]:
    """One row per distinct document (linked files and HTML documents, not the Vismo detail/news pages):
    copies, format twins and re-saves of one text count once; the foreign host is left out."""
    out: dict[str, dict] = {}
    for r in rows:
        if r["kind"] == "document" and r["site_id"] != "foreign" and r["doc_kind"] not in ("document_page", "news"):
            out.setdefault(r["same_document_group"] or r["url"], r)
    return list(out.values())


def composition(rows: list[dict]) -> dict:
    """Distinct documents, distinct strategies, their share and the hard negatives by kind."""
    distinct = distinct_documents(rows)
    strategies = sum(1 for r in distinct if r["is_strategy"])
    hard: dict[str, int] = {}
    for r in distinct:
        if r["hard_negative"]:
            hard[r["hard_negative"]] = hard.get(r["hard_negative"], 0) + 1
    return {"distinct_documents": len(distinct), "distinct_strategies": strategies,
            "strategy_share": round(strategies / len(distinct), 4) if distinct else 0.0,
            "hard_negatives": dict(sorted(hard.items()))}


def summarize(web: Web, rows: list[dict]) -> dict:
    docs = [r for r in rows if r["kind"] == "document" and r["site_id"] != "foreign"
            and r["doc_kind"] not in ("document_page", "news")]
    by_format: dict[str, int] = {}
    for r in docs:
        by_format[r["format"]] = by_format.get(r["format"], 0) + 1
    return {
        **composition(rows),
        "municipal_sites": len(web.municipal),
        "regional_sites": sum(1 for s in web.sites if s.kind == "regional_site"),
        "foreign_sites": sum(1 for s in web.sites if s.foreign),
        "documents": len(docs),
        "strategy_documents": sum(1 for r in docs if r["is_strategy"]),
        "expected_document_urls": sum(1 for r in rows if r["expect_in_document_urls"]),
        "by_format": dict(sorted(by_format.items())),
        "cms": sorted({s.cms for s in web.sites}),
        "traps": sorted({r["trap"] for r in rows if r["trap"]}),
        "manifest_rows": len(rows),
    }
