"""Near-duplicate detection docs/s (transforms.document_clusters.cluster_documents, the publish step's dedup)
against exact-hash dedup of the same documents, at several collection sizes and on a second night.

    .venv/bin/python bench/dedup_speed.py [--sizes 2000 10000] [--demo-sites 40 400] [--repeat 3] [--new-share 0.05]

Documents, generated before timing: `--sizes N ...`, the synthetic Czech-like texts of bench/dedup_scaling.py
(300-1,500 words, 20 % opening with a shared boilerplate, 5 % re-saved copies, 5 % format twins planted); and
`--demo-sites S ...`, every distinct document of a demo web of S sites (demo_web.model.build_web: its template
families, editions, twins and re-saves) as plain text with its title, municipality and type, which is where
candidate pairs pile up. One process. Per collection of N documents, medians of --repeat runs:
- `near-duplicate clustering`: cluster_documents from nothing (normalise, shingle, MinHash, LSH candidates,
  rapidfuzz confirmation, clusters and version chains), as pipelines/clustering.py calls it without a cache;
- baseline `exact hash`: sha256 of each text, grouped (what byte-identical dedup costs);
- `second night`: the same N documents when the fingerprints and pair similarities of the first (1 - new share)
  of them are known from the night before (pipelines/dedup_cache), so only new documents are fingerprinted and
  only pairs with a new document confirmed; baseline: the same collection from nothing.
Growth: the time of each N against the smallest (time x against N x).
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import dedup_scaling as synth  # noqa: E402
from bench import report  # noqa: E402

NAME = "dedup_speed"


def texts_of(n: int, seed: int) -> dict[str, str]:
    synth._init(n, seed)
    return {f"{i:064x}": synth.doc_text(i) for i in range(n)}


def demo_facts(sites: int) -> list:
    """Every distinct document of a demo web of `sites` sites as DocFacts (plain text, title, place, type)."""
    from demo_web.model import build_web
    from demo_web.texts import compose, plain_text
    from transforms.versions import DocFacts

    web = build_web(sites=sites)
    facts, seen = [], set()
    for site in web.sites:
        for doc in site.docs:
            if doc.spec in seen:
                continue
            seen.add(doc.spec)
            facts.append(DocFacts(doc_id=hashlib.sha256(repr(doc.spec).encode()).hexdigest(), title=doc.spec.title,
                                  municipality_code=site.municipality_code or None, doc_type=doc.spec.doc_type,
                                  validity_from=(doc.spec.validity or (None, None))[0],
                                  validity_to=(doc.spec.validity or (None, None))[1], file_format=doc.spec.fmt,
                                  text=plain_text(compose(doc.spec))))
    return facts


def exact_hash(texts: dict[str, str]) -> int:
    groups: dict[str, list[str]] = {}
    for doc_id, text in texts.items():
        groups.setdefault(hashlib.sha256(text.encode("utf-8")).hexdigest(), []).append(doc_id)
    return len(groups)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="*", default=[2000, 10000],
                    help="synthetic documents per collection (default 2000 10000; none: --sizes with no value)")
    ap.add_argument("--demo-sites", type=int, nargs="*", default=[],
                    help="also the documents of demo webs of these many sites (e.g. 40 400)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measure to take the median of (default 3)")
    ap.add_argument("--new-share", type=float, default=0.05, help="share of new documents on the second night")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    load_before = report.load_average()

    from transforms.document_clusters import cluster_documents, dedup_block
    from transforms.versions import DocFacts

    collections = [("synthetic", n) for n in sorted(args.sizes)] + [("demo web", s) for s in sorted(args.demo_sites)]
    per_size = []
    rows = []
    for kind, size in collections:
        t0 = time.perf_counter()
        if kind == "synthetic":
            facts = [DocFacts(doc_id=d, text=t) for d, t in texts_of(size, args.seed).items()]
            label = f"synthetic N={size:,}"
        else:
            facts = demo_facts(size)
            label = f"demo web {size} sites, N={len(facts):,}"
        n = len(facts)
        texts = {f.doc_id: f.text for f in facts}
        words = sum(len(t.split()) for t in texts.values())
        print(f"{label}: {words / n:.0f} words per document, made in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        old_ids = set(sorted(texts)[: int(n * (1 - args.new_share))])
        old = [f for f in facts if f.doc_id in old_ids]
        # the publish step's blocks (municipality or region, document type); synthetic texts have none: one block
        blocks = {f.doc_id: dedup_block(f.municipality_code, f.region_code, None, f.doc_type) for f in facts}
        full = report.median_runs(lambda: cluster_documents(facts, blocks=blocks), args.repeat)
        clustering = full.value
        exact = report.median_runs(lambda: exact_hash(texts), args.repeat)
        before = cluster_documents(old, blocks=blocks)  # the previous night (not timed)
        again = report.median_runs(lambda: cluster_documents(facts, fingerprints=before.fingerprints,
                                                             similarities=before.similarities, blocks=blocks),
                                   args.repeat)
        same = sorted((m.doc_id, m.cluster_id) for m in again.value.members) == \
            sorted((m.doc_id, m.cluster_id) for m in clustering.members)
        clusters = len({m.cluster_id for m in clustering.members})
        entry = {"collection": kind, "size": size, "n": n, "words_per_doc": round(words / n), "full": full.as_dict(),
                 "exact_hash": exact.as_dict(),
                 "second_night": again.as_dict(), "pairs_compared": len(clustering.similarities),
                 "pairs_compared_second_night": len(again.value.similarities) - len(before.similarities),
                 "clusters": clusters, "exact_groups": exact.value, "second_night_equals_full": same}
        per_size.append(entry)
        print(f"{label}: clustering {full.median:.2f} s, exact hash {exact.median:.3f} s, second night "
              f"{again.median:.2f} s, {entry['pairs_compared']} pairs, {clusters} clusters", file=sys.stderr)
        rows += [
            report.row(f"near-duplicate clustering docs/s, {label}", n / full.median, "docs/s",
                       baseline="exact-hash dedup (sha256 of the text)", baseline_value=n / exact.median,
                       note=f"{entry['pairs_compared']:,} pairs compared, {clusters:,} clusters vs "
                            f"{exact.value:,} exact groups"),
            report.row(f"second night docs/s, {label} ({args.new_share:.0%} new)", n / again.median, "docs/s",
                       baseline="the same collection from nothing", baseline_value=n / full.median,
                       note="same clusters as from nothing" if same else "CLUSTERS DIFFER from nothing"),
        ]
    for kind in ("synthetic", "demo web"):
        group = [e for e in per_size if e["collection"] == kind]
        for e in group[1:]:
            pairs_x = e["pairs_compared"] / max(1, group[0]["pairs_compared"])
            rows.append(report.row(f"clustering time x, {kind} N={group[0]['n']:,} -> {e['n']:,}",
                                   e["full"]["median_s"] / group[0]["full"]["median_s"], "x",
                                   baseline="documents x", baseline_value=e["n"] / group[0]["n"],
                                   note=f"pairs compared x {pairs_x:.1f}; ratio 1 = linear in documents"))
    result = report.result(NAME, command=report.command_line(__file__, sys.argv[1:]), repeat=args.repeat, rows=rows,
                           load_before=load_before, new_share=args.new_share, seed=args.seed, per_size=per_size)
    report.save(NAME, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
