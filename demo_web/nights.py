"""The web changes from night to night, as real municipal sites do (`--night N`; night 1 is the web as built).

Every later night k adds a document to one site, replaces the content of one document at its unchanged URL on
another, and removes (unlinks) a document from a third; from night 3 one site has been redesigned into another CMS
family (every page and file URL changes, the files do not), and from night 4 one site is down (its port does not
listen). Changes accumulate: night 5 carries the changes of nights 2 to 5. Each is a line of `changes.jsonl`
(night, change, site_id, source_id, url, detail_url: the
HTML page a family shows between the list and the file, doc_num); the harvest never reads it, tests compare against it.
"""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

REDESIGN_FROM, DOWN_FROM = 3, 4
NEXT_FAMILY = {"vismo": "wordpress", "wordpress": "nette", "nette": "antee", "antee": "as4u", "as4u": "vismo"}


def _plain(d) -> bool:
    """A document no trap, twin, copy or edition depends on: changing it touches nothing else."""
    return (d.trap is None and d.status == 200 and d.redirect is None and not d.mislabel and d.fmt in ("pdf", "docx")
            and not (d.twin_group or d.version_group or d.duplicate_group or d.resave_group or d.same_document_group)
            and not d.spec.is_strategy and d.hard_negative is None and d.delay == 0)


def _roles(web) -> dict[str, object]:
    """Which municipal site plays which part: five different sites (fewer only in a web of fewer sites), fixed for
    a web so that nights build on each other."""
    sites = [s for s in web.municipal if s.robots == "allow" and not s.endless_calendar
             and sum(1 for d in s.docs if _plain(d)) >= 8] or list(web.municipal)
    parts = ("adds", "replaces", "removes", "redesigned", "down")
    return {part: sites[i % len(sites)] for i, part in enumerate(parts)}


def apply(web, night: int) -> list[dict]:
    """Change `web` (built, URLs not yet assigned) into its state on `night`; returns the changes, with Doc objects
    whose URLs are filled in once the families assign them."""
    if night <= 1:
        return []
    roles = _roles(web)
    changes: list[dict] = []
    touched: set[int] = set()  # a document changes at most once, so every change stays visible
    fresh = lambda site: [d for d in site.docs if _plain(d) and id(d) not in touched]  # noqa: E731
    for k in range(2, night + 1):
        rng = random.Random(f"{web.seed}:night:{k}")
        site = roles["adds"]
        model = rng.choice(fresh(site))
        doc = site._maker.add(model.spec.doc_type, f"{model.spec.title} – doplněk {k - 1}", model.section,
                              date(2026, 11, min(k, 28)), model.fmt)
        touched.add(id(doc))
        changes.append({"night": k, "change": "added", "site": site, "doc": doc})

        site = roles["replaces"]
        doc = rng.choice(fresh(site))
        touched.add(id(doc))
        # new content at the same URL: the text is drawn anew, nothing the URL is made of changes
        doc.spec = replace(doc.spec, seed=rng.getrandbits(48), key=f"{doc.spec.key}@night{k}")
        changes.append({"night": k, "change": "replaced", "site": site, "doc": doc})

        site = roles["removes"]
        doc = rng.choice(fresh(site))
        touched.add(id(doc))
        site.docs.remove(doc)
        changes.append({"night": k, "change": "removed", "site": site, "doc": doc})
    if night >= REDESIGN_FROM:
        site = roles["redesigned"]
        old = site.cms
        site.cms = NEXT_FAMILY[old]
        changes.append({"night": REDESIGN_FROM, "change": "redesigned", "site": site, "from": old, "to": site.cms})
    if night >= DOWN_FROM:
        site = roles["down"]
        site.down = True
        changes.append({"night": DOWN_FROM, "change": "down", "site": site})
    return changes


def rows(changes: list[dict]) -> list[dict]:
    """changes.jsonl lines (after URL assignment)."""
    out = []
    for c in changes:
        site, doc = c["site"], c.get("doc")
        row = {"night": c["night"], "change": c["change"], "site_id": site.site_id, "source_id": site.source_id,
               "url": site.base_url + doc.url if doc is not None and doc.url else None,
               "detail_url": site.base_url + doc.detail if doc is not None and doc.detail else None,
               "doc_num": doc.num if doc is not None else None}
        if c["change"] == "redesigned":
            row.update({"from": c["from"], "to": c["to"]})
        out.append(row)
    return out
