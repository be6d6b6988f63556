"""Near-duplicate detection: word shingles -> MinHash -> LSH candidates -> rapidfuzz confirmation.

Exact duplicates are already one document (doc_id = sha256 of the bytes). This module finds documents whose
*text* is the same up to small differences: a re-saved file (whitespace, line breaks, a corrected word), the PDF
and the DOCX of one text (page headers/footers, hyphenation, different line breaks).

Pipeline (all pure and deterministic; no I/O, no salted `hash()`):

1. `normalized_words(text)`: `czech_text.fold` (case + accents folded) word tokens (`czech_text.words`); line-end
   hyphenation ("rozvo-\\nje") is joined first so PDF and DOCX extraction of one text give the same words.
2. `shingles(text, k=5)`: every run of k consecutive words, hashed to a uint64 by blake2b (8-byte digest) of the
   UTF-8 words joined by spaces. Same text -> same shingles in every process, run and machine.
3. `minhash_signature(shingles, num_perm=128, seed=...)`: one-permutation MinHash with optimal densification
   (Li, Owen & Zhang 2012; Shrivastava 2017). Each shingle hash is mixed with the seed (splitmix64 finaliser),
   its top 7 bits pick one of 128 bins and the remaining 57 bits are the value; a bin keeps its minimum. An empty
   bin borrows the value of the first non-empty bin in a fixed, seeded pseudo-random probe sequence, so two
   signatures stay comparable position by position. P(sig_a[i] == sig_b[i]) ~= Jaccard(a, b), exactly like
   `num_perm` independent permutations, at the cost of hashing each shingle once (pure Python, no numpy: numpy
   is not a dependency of this project). The signature is an `array('Q')` of `num_perm` values (1 KB).
4. `lsh_candidate_pairs(signatures, bands=32, rows=4)`: each band of `rows` values is a bucket key; documents
   sharing a bucket in at least one band become candidates (hash-bucketing: linear in the number of documents
   plus the pairs inside buckets). With 32 x 4 the S-curve threshold is ~(1/32)^(1/4) ~= 0.42 Jaccard: a pair of
   near-duplicates (Jaccard >= 0.7) is a candidate with probability > 0.999, a pair sharing 10 % of shingles
   with ~0.3 %.
5. `confirm_similarity(a, b)`: rapidfuzz on the normalised texts (see its docstring), the final decision.

Short texts (fewer than `MIN_WORDS` = 50 words) have too few shingles for MinHash to say anything; they are
near-duplicates only when their normalised texts are exactly equal (similarity 1.0), and never pair with a
long text.
"""
from __future__ import annotations

import hashlib
import random
import re
import sys
from array import array
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from operator import eq
from typing import Iterable, Mapping, Sequence

from rapidfuzz import fuzz

from transforms.czech_text import casefold, fold

DEFAULT_K = 5
DEFAULT_NUM_PERM = 128
DEFAULT_SEED = 20240601
DEFAULT_BANDS = 32
DEFAULT_ROWS = 4
MIN_WORDS = 50
DEFAULT_THRESHOLD = 0.90
CONFIRM_MAX_CHARS = 60_000
MAX_BUCKET = 50  # an LSH bucket with more documents is a template family (lsh_candidate_pairs)
# a candidate pair across blocks (two municipalities or document types) needs this estimated Jaccard; set on the
# 400-site demo web (tune): it kept 11 of the 13 cross-municipality merges and cut candidates from 78,162 to ~1,300
CROSS_BLOCK_MIN_JACCARD = 0.5

# `czech_text.words` (letters with inner hyphens/apostrophes) plus digit runs: years, amounts and dates tell two
# editions of one template apart (svozový plán 2010 vs 2015), so numbers take part in the comparison.
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+", re.UNICODE)
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n\s*(?=[^\W\d_])")
_M64 = (1 << 64) - 1
_EMPTY = (1 << 64) - 1  # larger than any 57..63-bit bin value


@lru_cache(maxsize=500_000)
def _fold_word(word: str) -> str:
    return fold(word)


def normalized_words(text: str) -> list[str]:
    """Folded tokens of `text`: the `czech_text.words` tokens plus digit runs, each `czech_text.fold`ed;
    hyphenated line ends ("rozvo-\\nje") are joined first.

    Folding token by token (cached) gives the same words as `words(fold(text))` and is much faster on long texts."""
    if not text:
        return []
    text = _HYPHEN_BREAK.sub("", text)
    return [_fold_word(w) for w in _TOKEN.findall(casefold(text))]


def normalized_text(text: str) -> str:
    """The normalised words joined by single spaces (what exact equality and rapidfuzz compare)."""
    return " ".join(normalized_words(text))


def shingles_from_words(ws: Sequence[str], k: int = DEFAULT_K) -> set[int]:
    """Set of uint64 hashes (blake2b, 8 bytes) of the k-word shingles; a text shorter than k is one shingle."""
    if not ws:
        return set()
    if len(ws) < k:
        k = len(ws)
    b2 = hashlib.blake2b
    fb = int.from_bytes
    windows = zip(*(ws[j:] for j in range(k)))
    return {fb(b2(" ".join(w).encode("utf-8"), digest_size=8).digest(), "little") for w in windows}


def shingles(text: str, k: int = DEFAULT_K) -> set[int]:
    """Set of uint64 hashes of the k-word shingles of the folded words of `text`."""
    return shingles_from_words(normalized_words(text), k)


def _splitmix(x: int) -> int:
    x = (x + 0x9E3779B97F4A7C15) & _M64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _M64
    return x ^ (x >> 31)


@lru_cache(maxsize=16)
def _params(num_perm: int, seed: int) -> tuple[int, int, int, tuple[tuple[int, ...], ...]]:
    if num_perm < 2 or num_perm & (num_perm - 1):
        raise ValueError("num_perm must be a power of two >= 2")
    bits = num_perm.bit_length() - 1
    shift = 64 - bits
    mask = (1 << shift) - 1
    salt = _splitmix(seed & _M64)
    rng = random.Random(seed)
    probes = tuple(tuple(rng.randrange(num_perm) for _ in range(64)) for _ in range(num_perm))
    return salt, shift, mask, probes


def minhash_signature(shingle_hashes: Iterable[int], num_perm: int = DEFAULT_NUM_PERM,
                      seed: int = DEFAULT_SEED) -> array:
    """MinHash signature (`array('Q')` of length `num_perm`) of a set of uint64 shingle hashes.

    One-permutation hashing with densification (module docstring); deterministic for a given seed. An empty set
    gives the all-empty signature (0xFFFF_FFFF_FFFF_FFFF everywhere)."""
    salt, shift, mask, probes = _params(num_perm, seed)
    sig = [_EMPTY] * num_perm
    M = _M64
    for h in shingle_hashes:
        # splitmix64 finaliser of (h ^ salt): a seeded, well-mixed permutation of the 64-bit hash space
        x = ((h ^ salt) + 0x9E3779B97F4A7C15) & M
        x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & M
        x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & M
        x ^= x >> 31
        b = x >> shift
        v = x & mask
        if v < sig[b]:
            sig[b] = v
    filled = [v != _EMPTY for v in sig]
    if any(filled) and not all(filled):
        dense = list(sig)
        for i in range(num_perm):
            if filled[i]:
                continue
            for j in probes[i]:
                if filled[j]:
                    dense[i] = sig[j]
                    break
            else:  # all 64 probes empty (tiny sets): next filled bin circularly
                j = next(j for j in range(i + 1, i + 1 + num_perm) if filled[j % num_perm]) % num_perm
                dense[i] = sig[j]
        sig = dense
    return array("Q", sig)


def estimated_jaccard(sig_a: Sequence[int], sig_b: Sequence[int]) -> float:
    """Fraction of equal signature positions: an estimate of the Jaccard similarity of the shingle sets."""
    if len(sig_a) != len(sig_b):
        raise ValueError("signatures of different lengths")
    if len(sig_a) == 0:
        return 0.0
    return sum(map(eq, sig_a, sig_b)) / len(sig_a)  # map(eq) counts in C: the gate calls this ~400,000 times at 2,000 sites


def lsh_candidate_pairs(signatures: Mapping[str, Sequence[int]], bands: int = DEFAULT_BANDS,
                        rows: int = DEFAULT_ROWS, blocks: Mapping[str, str] | None = None,
                        max_bucket: int = MAX_BUCKET) -> set[tuple[str, str]]:
    """Pairs (a, b) with a < b whose signatures are equal in at least one band of `rows` values.

    One dict of buckets per band (key = the band's values): O(n * bands) plus the pairs inside buckets; never
    compares all pairs. Empty signatures (empty texts) are skipped.

    With `blocks` (doc_id -> key: municipality and document type), a pair from two blocks is kept only when
    its whole signatures agree on at least CROSS_BLOCK_MIN_JACCARD: hundreds of municipalities filling in one
    template collide in LSH by chance, and those pairs grew with the square of the collection, while copies of
    one text on two sites share most of their words. A bucket of more than `max_bucket` documents (a template
    family's boilerplate) pairs only documents of one block; copies across blocks meet in the small buckets of
    the bands their own words decide; a block that is itself larger than `max_bucket` in such a bucket has its
    pairs gated by CROSS_BLOCK_MIN_JACCARD too, so none of them reaches the costly confirmation unchecked."""
    pairs: set[tuple[str, str]] = set()
    if not signatures:
        return pairs
    ids = sorted(signatures)
    length = len(signatures[ids[0]])
    if bands * rows > length:
        raise ValueError(f"bands*rows={bands * rows} exceeds the signature length {length}")
    live = [(d, signatures[d]) for d in ids if signatures[d][0] != _EMPTY or any(v != _EMPTY for v in signatures[d])]
    gated: set[tuple[str, str]] = set()  # pairs met only in an oversized block: they need the Jaccard gate

    def all_pairs(members: list[str]) -> None:
        for i, a in enumerate(members):  # members are in sorted id order
            for b in members[i + 1:]:
                pairs.add((a, b))

    for band in range(bands):
        lo, hi = band * rows, (band + 1) * rows
        buckets: dict[tuple[int, ...], list[str]] = defaultdict(list)
        for d, sig in live:
            buckets[tuple(sig[lo:hi])].append(d)
        for members in buckets.values():
            if len(members) < 2:
                continue
            if blocks is None or len(members) <= max_bucket:
                all_pairs(members)
                continue
            by_block: dict[str, list[str]] = defaultdict(list)
            for d in members:
                by_block[blocks.get(d, "")].append(d)
            for group in by_block.values():
                if len(group) <= max_bucket:
                    all_pairs(group)
                else:  # a family inside one block (a regional site's hundred forms): gated like a cross-block pair
                    gated.update((a, b) for i, a in enumerate(group) for b in group[i + 1:])
    if blocks is None:
        return pairs
    gated -= pairs  # a pair of a small bucket too is not gated
    return {(a, b) for a, b in pairs | gated
            if ((a, b) not in gated and blocks.get(a, "") == blocks.get(b, ""))
            or estimated_jaccard(signatures[a], signatures[b]) >= CROSS_BLOCK_MIN_JACCARD}


def _bounded(ws: list[str], max_chars: int) -> str:
    """The words joined; above `max_chars` characters, evenly spaced word windows of total ~`max_chars`."""
    s = " ".join(ws)
    if len(s) <= max_chars:
        return s
    avg = len(s) / max(1, len(ws))
    budget_words = max(1, int(max_chars / avg))
    windows = 8
    per = max(1, budget_words // windows)
    step = len(ws) / windows
    parts = []
    for i in range(windows):
        start = int(i * step)
        parts.append(" ".join(ws[start:start + per]))
    return " ".join(parts)


def similarity_of_words(wa: list[str], wb: list[str], max_chars: int = CONFIRM_MAX_CHARS) -> float:
    """`confirm_similarity` on already normalised word lists."""
    if not wa and not wb:
        return 1.0
    if len(wa) < MIN_WORDS or len(wb) < MIN_WORDS:
        return 1.0 if wa == wb else 0.0
    return fuzz.ratio(_bounded(wa, max_chars), _bounded(wb, max_chars)) / 100.0


def confirm_similarity(text_a: str, text_b: str, max_chars: int = CONFIRM_MAX_CHARS) -> float:
    """Similarity in [0, 1] of two texts, the final near-duplicate decision.

    Scorer: `rapidfuzz.fuzz.ratio` (normalised Indel distance: 1 - insertions+deletions / total length) on the
    *folded word sequences* joined by single spaces. Why this one:
    - whitespace, line breaks, case, accents and hyphenation are gone before comparing, so a re-saved file or the
      PDF/DOCX twin of one text scores ~0.97-1.0 (repeated page headers/footers cost a few per cent);
    - it is order-sensitive and counts *every* differing character, so two documents built from one template
      (shared boilerplate, different municipality, numbers, measures, projects) score by the share of text they
      really have in common (typically 0.5-0.8), unlike `token_set_ratio`, which scores 1.0 as soon as one text's
      vocabulary is a subset of the other's and would merge template documents;
    - rapidfuzz's bit-parallel Indel is O(len_a * len_b / 64); texts longer than `max_chars` are compared on 8
      evenly spaced word windows of together ~`max_chars` characters, which bounds the cost per pair (~20 ms).
    Texts with fewer than `MIN_WORDS` words score 1.0 only on exact equality of the normalised text, else 0.0.
    """
    return similarity_of_words(normalized_words(text_a), normalized_words(text_b), max_chars)


FINGERPRINT_VERSION = 1  # bump when tokenisation, shingling or confirmation changes: cached values go stale


@dataclass(frozen=True)
class Fingerprint:
    """What dedup needs to know of one text, computed once per doc_id (the text of given bytes never changes).

    A long text (>= MIN_WORDS words) carries its MinHash signature (num_perm uint64, little-endian bytes); a
    short one the sha256 of its normalised words (it pairs only with an exactly equal text)."""
    words: int
    short_key: str | None = None
    signature: bytes | None = None


def fingerprint(text: str, k: int = DEFAULT_K, num_perm: int = DEFAULT_NUM_PERM, seed: int = DEFAULT_SEED) -> Fingerprint:
    ws = normalized_words(text or "")
    if len(ws) >= MIN_WORDS:
        sig = minhash_signature(shingles_from_words(ws, k), num_perm, seed)
        if sys.byteorder != "little":
            sig.byteswap()
        return Fingerprint(len(ws), None, sig.tobytes())
    if ws:
        return Fingerprint(len(ws), hashlib.sha256(" ".join(ws).encode("utf-8")).hexdigest(), None)
    return Fingerprint(0)


def fingerprint_params(k: int = DEFAULT_K, num_perm: int = DEFAULT_NUM_PERM, seed: int = DEFAULT_SEED) -> str:
    """Everything cached fingerprints and pair similarities depend on, as one string (a cache made with other
    parameters is not reused)."""
    return (f"v{FINGERPRINT_VERSION} k={k} num_perm={num_perm} seed={seed} min_words={MIN_WORDS} "
            f"confirm_max_chars={CONFIRM_MAX_CHARS}")


def _signature(fp: Fingerprint) -> array:
    sig = array("Q")
    sig.frombytes(fp.signature or b"")
    if sys.byteorder != "little":
        sig.byteswap()
    return sig


def candidate_pairs(fingerprints: Mapping[str, Fingerprint], bands: int = DEFAULT_BANDS,
                    rows: int = DEFAULT_ROWS, blocks: Mapping[str, str] | None = None) -> set[tuple[str, str]]:
    """Pairs (a, b), a < b, worth confirming: short texts with equal normalised words, long texts sharing an LSH
    band (template families blocked, see lsh_candidate_pairs). Bucketing is linear in the documents; nothing is
    compared here."""
    pairs: set[tuple[str, str]] = set()
    short: dict[str, list[str]] = defaultdict(list)
    for d, fp in fingerprints.items():
        if fp.short_key:
            short[fp.short_key].append(d)
    for group in short.values():
        group.sort()
        if len(group) <= MAX_BUCKET:
            pairs.update((a, b) for i, a in enumerate(group) for b in group[i + 1:])
        else:  # a thousand equal short texts (a form letter): a chain, not 500,000 pairs; clustering may then
            # split a chain whose link it rejects by title (č. 1/2023 - č. 2/2023 - č. 1/2023): accepted at this size
            pairs.update(zip(group, group[1:]))
    sigs = {d: _signature(fp) for d, fp in fingerprints.items() if fp.signature}
    return pairs | lsh_candidate_pairs(sigs, bands, rows, blocks)


def scored_candidates(texts: Mapping[str, str], fingerprints: Mapping[str, Fingerprint] | None = None,
                      known: Mapping[tuple[str, str], float] | None = None, bands: int = DEFAULT_BANDS,
                      rows: int = DEFAULT_ROWS, k: int = DEFAULT_K, num_perm: int = DEFAULT_NUM_PERM,
                      seed: int = DEFAULT_SEED, blocks: Mapping[str, str] | None = None,
                      ) -> tuple[dict[str, Fingerprint], dict[tuple[str, str], float]]:
    """(the fingerprint of every text, the similarity of every candidate pair).

    Fingerprints and similarities already `known` (computed on an earlier night for the same doc_ids) are reused,
    so a night confirms only the pairs that involve a new document; the result equals a computation from nothing."""
    given = fingerprints or {}
    known = known or {}
    fps = {d: given.get(d) or fingerprint(t or "", k, num_perm, seed) for d, t in texts.items()}
    words = PairSimilarity(texts, known)
    return fps, {pair: words(*pair) for pair in sorted(candidate_pairs(fps, bands, rows, blocks))}


class PairSimilarity:
    """`confirm_similarity` of two documents by id, from `known` values or computed (each text normalised once)."""

    def __init__(self, texts: Mapping[str, str], known: Mapping[tuple[str, str], float] | None = None):
        self._texts, self._known, self._words = texts, dict(known or {}), {}

    def _normalized(self, doc_id: str) -> list[str]:
        if doc_id not in self._words:
            self._words[doc_id] = normalized_words(self._texts.get(doc_id) or "")
        return self._words[doc_id]

    def __call__(self, a: str, b: str) -> float:
        pair = (a, b) if a < b else (b, a)
        if pair not in self._known:
            self._known[pair] = round(similarity_of_words(self._normalized(a), self._normalized(b)), 4)
        return self._known[pair]

    @property
    def values(self) -> dict[tuple[str, str], float]:
        return dict(self._known)


def near_duplicate_pairs(docs: Mapping[str, str], threshold: float = DEFAULT_THRESHOLD, k: int = DEFAULT_K,
                         num_perm: int = DEFAULT_NUM_PERM, bands: int = DEFAULT_BANDS, rows: int = DEFAULT_ROWS,
                         seed: int = DEFAULT_SEED) -> list[tuple[str, str, float]]:
    """Near-duplicate pairs (a, b, similarity) with a < b, sorted; similarity = `confirm_similarity` >= threshold.

    Long texts: LSH candidates over MinHash signatures, each confirmed by rapidfuzz. Short texts (< `MIN_WORDS`
    words, including empty ones): pairs only of exactly equal non-empty normalised texts, similarity 1.0."""
    _, scored = scored_candidates(docs, bands=bands, rows=rows, k=k, num_perm=num_perm, seed=seed)
    return sorted((a, b, s) for (a, b), s in scored.items() if s >= threshold)
