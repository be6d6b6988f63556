"""Search queries whose relevant documents the demo web knows: `queries(manifest_rows, n)`.

A query is what a user would type for a document of the web: the words of its title, lower-case and without
diacritics, with the municipality's name (so the search must fold accents and cope with the unaccented forms; its
lemmatisation of inflected words is specified in tests/transforms/test_search_text.py). Its relevant documents are
every served document of the same site and type and every document the manifest groups with one of them (its other
editions, formats, copies on other sites, re-saves: version, twin, duplicate, resave and same-document groups), and
the HTML page that presents each of them (a CMS's detail page of a file);
documents typed
"other" (ordinary paperwork) are left out, as no single document answers a query made of their titles. One query per
(site, document type), the types taken in turn so the queries cover many kinds of documents. Deterministic.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

GROUPS = ("version_group", "twin_group", "duplicate_group", "resave_group", "same_document_group")
STOP = frozenset({"na", "a", "v", "ve", "pro", "do", "od", "za", "k", "o", "s", "se", "z", "ze", "po", "roky", "rok",
                  "obdobi", "let", "leta", "c", "cislo", "the", "of", "and", "aktualizace"})


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _query(title: str) -> str:
    words = [w for w in re.findall(r"[^\W\d_]+", _plain(title)) if len(w) > 2 and w not in STOP]
    return " ".join(words[:7])


def _with_pages(rows: list[dict], urls: set[str]) -> set[str]:
    """The documents and the HTML pages that present them (a CMS's detail page of a file)."""
    return urls | {r["detail_url"] for r in rows if r.get("url") in urls and r.get("detail_url")}


def queries(rows: list[dict], n: int = 20) -> list[dict]:
    """Up to n queries: {"query", "site_id", "doc_type", "title", "relevant_urls"}."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        if (r.get("kind") == "document" and r.get("expect_in_document_urls") and r.get("doc_type") not in (None, "other")
                and r.get("title") and r.get("site_id") != "foreign"):
            groups[(r["doc_type"], r["site_id"])].append(r)
    by_type: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in sorted(groups):
        by_type[key[0]].append(key)
    picked: list[tuple[str, str]] = []
    while len(picked) < n and any(by_type.values()):
        for doc_type in sorted(by_type):
            if by_type[doc_type] and len(picked) < n:
                picked.append(by_type[doc_type].pop(0))
    members: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        if r.get("kind") == "document":
            for g in GROUPS:
                if r.get(g):
                    members[(g, r[g])].add(r["url"])
    out = []
    for doc_type, site in picked:
        docs = groups[(doc_type, site)]
        related = {u for d in docs for g in GROUPS if d.get(g) for u in members[(g, d[g])]}
        title = min((d["title"] for d in docs), key=len)
        q = _query(title)
        if q:
            out.append({"query": q, "site_id": site, "doc_type": doc_type, "title": title,
                        "relevant_urls": sorted(set(_with_pages(rows, {d["url"] for d in docs} | related)))})
    return out
