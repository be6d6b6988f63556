"""Same-document clusters and version chains: "one strategy, one row".

`cluster_documents(docs)` returns a `Clustering` with
- `members`: one `ClusterMember(cluster_id, doc_id, similarity, role)` per input document. A cluster is a group of
  documents with the same text (union-find over `near_duplicates.near_duplicate_pairs`; transitive: A~B and B~C
  put A, B, C in one cluster). Roles:
    * `canonical`   one per cluster: prefer `pdf` over other formats, then the earliest `first_seen_at` (missing
                    sorts last), then the smallest doc_id;
    * `duplicate`   same file_format as the canonical (re-saved / re-published copy);
    * `format_twin` a different file_format (the DOCX of the PDF, …).
  `similarity` is `confirm_similarity` to the canonical (1.0 for the canonical itself).
- `chains`: `VersionChain(chain_id, cluster_ids)`: clusters that are editions of one strategy, oldest first
  (`versions.version_chains` over the canonical documents). `chain_members` lists them as
  `ChainMember(chain_id, cluster_id, position, role="version")`.

Stable ids (independent of input order and of code changes that keep the grouping):
- `cluster_id` = "c_" + 16 hex of sha256(smallest member doc_id). It changes only when a document with a smaller
  doc_id joins the cluster or the cluster splits.
- `strategy_key(area, doc_type, title_key)` = "s_" + 16 hex of sha256 of the three joined by U+001F; a chain's
  id is the strategy key of its lexicographically smallest member title_key.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Iterable

from transforms.czech_text import lemma, words
from transforms.near_duplicates import DEFAULT_THRESHOLD, Fingerprint, PairSimilarity, scored_candidates
from transforms.versions import DocFacts, area_key, title_key, version_chains

ROLES = ("canonical", "duplicate", "format_twin")


@dataclass(frozen=True)
class ClusterMember:
    cluster_id: str
    doc_id: str
    similarity: float
    role: str


@dataclass(frozen=True)
class VersionChain:
    chain_id: str
    cluster_ids: tuple[str, ...]


@dataclass(frozen=True)
class ChainMember:
    chain_id: str
    cluster_id: str
    position: int
    role: str = "version"


@dataclass(frozen=True)
class Clustering:
    members: list[ClusterMember]
    chains: list[VersionChain]
    # what was computed on the way, for the next night to reuse: every document's fingerprint and the similarity
    # of every pair compared (candidates and member-to-canonical)
    fingerprints: dict[str, Fingerprint] = field(default_factory=dict)
    similarities: dict[tuple[str, str], float] = field(default_factory=dict)

    @property
    def clusters(self) -> dict[str, list[ClusterMember]]:
        out: dict[str, list[ClusterMember]] = {}
        for m in self.members:
            out.setdefault(m.cluster_id, []).append(m)
        return out

    @property
    def chain_members(self) -> list[ChainMember]:
        return [ChainMember(c.chain_id, cid, i) for c in self.chains for i, cid in enumerate(c.cluster_ids)]

    def cluster_of(self, doc_id: str) -> str:
        return next(m.cluster_id for m in self.members if m.doc_id == doc_id)


def _hex16(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()[:16]


def cluster_id_for(doc_ids: Iterable[str]) -> str:
    """Stable cluster id: "c_" + 16 hex of sha256 of the smallest member doc_id."""
    return "c_" + _hex16(min(doc_ids))


def strategy_key(municipality_code: str | None, doc_type: str | None, title_key_: str) -> str:
    """Stable strategy id: "s_" + 16 hex of sha256("<area>\\x1f<doc_type>\\x1f<title_key>")."""
    return "s_" + _hex16("\x1f".join([municipality_code or "", doc_type or "", title_key_ or ""]))


def representative_order(file_format: str | None, first_seen_at, doc_id: str) -> tuple:
    """Which copy represents same-text documents (a cluster, an edition of a strategy); the lowest wins. Decided
    here only: a file before an HTML page, PDF first, then the earliest seen, then the smallest doc_id."""
    fmt = (file_format or "").lower()
    seen = first_seen_at.isoformat() if hasattr(first_seen_at, "isoformat") else (first_seen_at or "")
    return (fmt == "html", fmt != "pdf", seen == "", seen, doc_id)


def _canonical_order(d: DocFacts) -> tuple:
    return representative_order(d.file_format, d.first_seen_at, d.doc_id)


_NUMBER = re.compile(r"\d+")


def same_title_numbers(title_a: str | None, title_b: str | None) -> bool:
    """False when both titles carry numbers (years, document numbers) and they differ.

    Yearly documents from one template (a fee ordinance "č. 1/2023" and "č. 1/2025", waste plans "pro rok 2010"
    and "2015") have near-identical texts but are different documents; copies and format twins keep their title.
    """
    na = sorted(_NUMBER.findall(title_a or ""))
    nb = sorted(_NUMBER.findall(title_b or ""))
    return not (na and nb and na != nb)


def title_places(title: str | None) -> set[str]:
    """Capitalised words after a title's first word (place and body names), as folded lemmas."""
    ws = words(title or "")
    if ws and ws[0].isupper() and len(ws) > 1 and all(w.isupper() for w in ws if len(w) > 1):
        return set()  # an all-caps title says nothing about names
    return {lemma(w) for w in ws[1:] if w[:1].isupper() and len(w) > 1}


def same_title_places(title_a: str | None, title_b: str | None) -> bool:
    """False when both titles name places/bodies and the names differ: a template for two towns or regions."""
    pa, pb = title_places(title_a), title_places(title_b)
    return not (pa and pb and pa != pb)


_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)\b")
_LONG_NUMBER = re.compile(r"\b\d{3,}\b")
IDENTITY_NUMBERS_MIN_JACCARD = 0.8  # tolerates an OCR misread or a footer; a refilled template differs more


def identity_numbers(text: str) -> set[str]:
    """Dates (d.m.yyyy) and numbers of 3+ digits (years, amounts, reference numbers) of a text."""
    dates = {f"{int(d)}.{int(m)}.{y}" for d, m, y in _DATE.findall(text)}
    rest = _DATE.sub(" ", text)
    return dates | set(_LONG_NUMBER.findall(rest))


def same_identity_numbers(text_a: str, text_b: str) -> bool:
    """False when two texts carry clearly different dates/years/amounts: one template, two documents.

    Re-saved files and format twins carry the same numbers (page numbers are short and ignored).
    """
    na, nb = identity_numbers(text_a), identity_numbers(text_b)
    if not na or not nb:
        return na == nb
    return len(na & nb) / len(na | nb) >= IDENTITY_NUMBERS_MIN_JACCARD


def dedup_block(municipality_code: str | None, region_code: str | None, source_id: str | None,
                doc_type: str | None) -> str:
    """The block a document is compared within first: its municipality (else its region, else the site it came from)
    and its document type; copies across blocks must share most of their words."""
    return f"{municipality_code or region_code or source_id or ''}|{doc_type or ''}"


def cluster_documents(docs: Iterable[DocFacts], threshold: float = DEFAULT_THRESHOLD,
                      fingerprints: dict[str, Fingerprint] | None = None,
                      similarities: dict[tuple[str, str], float] | None = None,
                      blocks: dict[str, str] | None = None) -> Clustering:
    """Clusters and chains of `docs`. `fingerprints` and `similarities` from an earlier night (same doc_ids, same
    texts) are reused, so only pairs involving a new document are compared; the result is the same without them.
    `blocks` (doc_id -> dedup_block) keep the candidates linear in the collection (near_duplicates.lsh_candidate_pairs)."""
    docs = sorted(docs, key=lambda d: d.doc_id)
    by_id = {d.doc_id: d for d in docs}
    parent = {d: d for d in by_id}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    texts = {d.doc_id: d.text or "" for d in docs}
    fps, scored = scored_candidates(texts, fingerprints, similarities, blocks=blocks)
    similarity = PairSimilarity(texts, {**(similarities or {}), **scored})
    for (a, b), sim in sorted(scored.items()):
        if sim < threshold:
            continue
        if not same_title_numbers(by_id[a].title, by_id[b].title):
            continue  # "vyhláška č. 1/2023" and "č. 1/2025": one template, two documents
        if not same_title_places(by_id[a].title, by_id[b].title):
            continue  # "Zásady územního rozvoje Zlínského kraje" and "… Libereckého kraje"
        if not same_identity_numbers(by_id[a].text or "", by_id[b].text or ""):
            continue  # the same template filled with other dates, years or amounts
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[DocFacts]] = {}
    for d in docs:
        groups.setdefault(find(d.doc_id), []).append(d)

    members: list[ClusterMember] = []
    canonical_of: dict[str, DocFacts] = {}
    for group in groups.values():
        cid = cluster_id_for(d.doc_id for d in group)
        canon = min(group, key=_canonical_order)
        canonical_of[cid] = canon
        for d in group:
            if d is canon:
                members.append(ClusterMember(cid, d.doc_id, 1.0, "canonical"))
                continue
            sim = similarity(canon.doc_id, d.doc_id)
            same_fmt = (d.file_format or "").lower() == (canon.file_format or "").lower()
            members.append(ClusterMember(cid, d.doc_id, sim, "duplicate" if same_fmt else "format_twin"))
    members.sort(key=lambda m: (m.cluster_id, ROLES.index(m.role), m.doc_id))

    # Version chains over one representative per cluster: its title/dates are the cluster's edition facts.
    cid_of_doc = {c.doc_id: cid for cid, c in canonical_of.items()}
    reps = [DocFacts(**{**c.__dict__, "text": None, "text_fingerprint": cid}) for cid, c in canonical_of.items()]
    chains = []
    for chain in version_chains(reps):
        first = by_id[chain[0]]
        tkey = min(title_key(by_id[d].title) for d in chain)
        chains.append(VersionChain(strategy_key(area_key(first), first.doc_type, tkey),
                                   tuple(cid_of_doc[d] for d in chain)))
    chains.sort(key=lambda c: c.chain_id)
    return Clustering(members, chains, fps, similarity.values)
