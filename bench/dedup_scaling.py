"""Scaling benchmark of near-duplicate detection (transforms.near_duplicates) on synthetic Czech-like documents.

    python bench/dedup_scaling.py --sizes 10000 30000 100000 [--workers 2] [--seed 1]

Per N (each in its own subprocess, so peak RSS is per N): N documents of 300-1,500 words drawn (seeded) from a
vocabulary of a few hundred Czech words, 20 % of them opening with a shared ~120-word template boilerplate;
5 % of them re-saved copies (a few words changed, other whitespace/line breaks), 5 % format twins (re-wrapped
lines, page header/footer every ~40 lines). Documents are generated on demand from (seed, index), never all held
in memory. Measures shingling+MinHash (parallel over --workers processes; pure per document), LSH, rapidfuzz
confirmation, total, peak RSS; precision/recall of the found pairs against the planted pairs.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from transforms import near_duplicates as nd  # noqa: E402

VOCAB = """obec město kraj strategie plán rozvoj rozvoje cíl cíle opatření priorita oblast doprava silnice chodník
cyklostezka parkoviště autobus vlak nádraží škola školka mateřská základní žáci učitelé knihovna kultura sport
hřiště tělocvična bazén stadion spolek spolky hasiči zbrojnice voda vodovod kanalizace čistírna odpadních vod
odpady odpad sběrný dvůr kompostér třídění recyklace energie osvětlení úspora elektřina teplo kotel zateplení
budova radnice úřad zastupitelstvo starosta rada občané obyvatelé senioři mládež rodiny byty bydlení výstavba
pozemky územní zeleň park alej les krajina rybník potok řeka povodeň sucho klima emise ovzduší hluk bezpečnost
policie kamera digitalizace internet síť aplikace portál data informace služby zdravotní lékař ordinace sociální
péče domov dům centrum náměstí kostel kaple památka turistika cestovní ruch ubytování restaurace podnikání firmy
zaměstnanost práce investice rozpočet dotace fond financování náklady zdroje projekt projekty harmonogram termín
garant realizace údržba oprava rekonstrukce modernizace podpora zlepšení zvýšení snížení zajištění vybudování
obnova ochrana rozšíření zavedení příprava zpracování schválení vyhodnocení monitoring indikátor analýza
průzkum dotazník veřejnost spolupráce partnerství region mikroregion místní akční skupina venkov zemědělství
chov pole louka vinice sad turisté návštěvníci akce festival trh pouť hody tradice historie kronika noviny
zpravodaj web rozhlas mobilní chytrý moderní udržitelný zelený bezpečný dostupný kvalitní nový stávající
veřejný obecní městský krajský státní evropský národní místní hlavní další celý každý roční dlouhodobý
""".split()
PARAGRAPH = 60


def base_text(rng: random.Random, n_words: int, boilerplate: str | None) -> str:
    ws = [rng.choice(VOCAB) for _ in range(n_words)]
    parts = [boilerplate] if boilerplate else []
    for i in range(0, n_words, PARAGRAPH):
        chunk = ws[i:i + PARAGRAPH]
        chunk[0] = chunk[0].capitalize()
        parts.append(" ".join(chunk) + ".")
    return "\n\n".join(parts)


def boilerplate(seed: int) -> str:
    rng = random.Random(seed * 7919)
    return " ".join(rng.choice(VOCAB) for _ in range(120)) + "."


def resave(text: str, rng: random.Random) -> str:
    ws = text.split()
    for _ in range(rng.randint(1, 4)):
        ws[rng.randrange(len(ws))] = rng.choice(VOCAB)
    return "  ".join(ws[:len(ws) // 2]) + "\n" + " ".join(ws[len(ws) // 2:]) + "\n"


def format_twin(text: str, rng: random.Random, index: int) -> str:
    ws = text.split()
    lines = [" ".join(ws[i:i + 11]) for i in range(0, len(ws), 11)]
    out = []
    for i, line in enumerate(lines):
        if i % 40 == 0:
            out.append(f"Strategický plán obce č. {index}   strana {i // 40 + 1}")
        out.append(line)
    return "\n".join(out) + "\nTento dokument byl vytvořen v textovém editoru"


def plan(n: int, seed: int) -> list[tuple[str, int | None]]:
    """Per document: ('base'|'resave'|'twin', source index)."""
    rng = random.Random(seed)
    n_resave, n_twin = n * 5 // 100, n * 5 // 100
    n_base = n - n_resave - n_twin
    kinds: list[tuple[str, int | None]] = [("base", None)] * n_base
    kinds += [("resave", rng.randrange(n_base)) for _ in range(n_resave)]
    kinds += [("twin", rng.randrange(n_base)) for _ in range(n_twin)]
    return kinds


_PLAN: list = []
_SEED = 0
_BOILER = ""


def doc_text(i: int) -> str:
    kind, src = _PLAN[i]
    if kind == "base":
        rng = random.Random(_SEED * 1_000_003 + i)
        return base_text(rng, rng.randint(300, 1500), _BOILER if rng.random() < 0.2 else None)
    rng = random.Random(_SEED * 1_000_033 + i)
    return resave(doc_text(src), rng) if kind == "resave" else format_twin(doc_text(src), rng, src)


def _init(n: int, seed: int) -> None:
    global _PLAN, _SEED, _BOILER
    _PLAN, _SEED, _BOILER = plan(n, seed), seed, boilerplate(seed)


def _gen_and_sign(i: int):
    text = doc_text(i)
    t = time.perf_counter()
    ws = nd.normalized_words(text)
    sig = nd.minhash_signature(nd.shingles_from_words(ws)) if len(ws) >= nd.MIN_WORDS else None
    return i, sig, time.perf_counter() - t


def run_one(n: int, seed: int, workers: int) -> dict:
    _init(n, seed)
    t0 = time.perf_counter()
    sigs = {}
    cpu_sign = 0.0
    with Pool(workers, initializer=_init, initargs=(n, seed)) as pool:
        for i, sig, dt in pool.imap_unordered(_gen_and_sign, range(n), chunksize=200):
            cpu_sign += dt
            if sig is not None:
                sigs[f"d{i:07d}"] = sig
    t_gen_sign = time.perf_counter() - t0
    t1 = time.perf_counter()
    cands = nd.lsh_candidate_pairs(sigs)
    t_lsh = time.perf_counter() - t1
    t2 = time.perf_counter()
    found = set()
    for a, b in cands:
        s = nd.similarity_of_words(nd.normalized_words(doc_text(int(a[1:]))), nd.normalized_words(doc_text(int(b[1:]))))
        if s >= nd.DEFAULT_THRESHOLD:
            found.add((a, b))
    t_confirm = time.perf_counter() - t2
    truth = set()
    for i, (kind, src) in enumerate(_PLAN):
        if kind != "base":
            truth.add(tuple(sorted((f"d{src:07d}", f"d{i:07d}"))))
    # copies of one source are near-duplicates of each other too: close the planted groups
    groups: dict[int, list[int]] = {}
    for i, (kind, src) in enumerate(_PLAN):
        if kind != "base":
            groups.setdefault(src, [src]).append(i)
    for members in groups.values():
        for x in members:
            for y in members:
                if x < y:
                    truth.add((f"d{x:07d}", f"d{y:07d}"))
    tp = len(found & truth)
    return {"n": n, "sign_wall_s": t_gen_sign, "sign_cpu_s": cpu_sign, "lsh_s": t_lsh, "confirm_s": t_confirm,
            "total_s": cpu_sign / workers + t_lsh + t_confirm, "wall_incl_generation_s": time.perf_counter() - t0,
            "candidates": len(cands), "found": len(found), "planted": len(truth),
            "precision": tp / len(found) if found else 1.0, "recall": tp / len(truth) if truth else 1.0,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--single", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.single:
        print(json.dumps(run_one(args.single, args.seed, args.workers)))
        return
    rows = []
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--single", str(n), "--seed", str(args.seed),
                              "--workers", str(args.workers)], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        row["children_maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
    base = rows[0]
    print(f"{'N':>7} {'sign cpu s':>10} {'sign wall':>9} {'LSH s':>7} {'confirm s':>9} {'total s':>8} "
          f"{'x time':>6} {'x N':>5} {'cands':>7} {'prec':>6} {'recall':>6} {'RSS MB':>7}")
    for r in rows:
        print(f"{r['n']:>7} {r['sign_cpu_s']:>10.1f} {r['sign_wall_s']:>9.1f} {r['lsh_s']:>7.1f} {r['confirm_s']:>9.1f} "
              f"{r['total_s']:>8.1f} {r['total_s'] / base['total_s']:>6.2f} {r['n'] / base['n']:>5.1f} "
              f"{r['candidates']:>7} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['peak_rss_mb']:>7.0f}")
    print("total = sign_cpu/workers + LSH + confirm (generation of the synthetic texts excluded); "
          "sign wall includes generation.")


if __name__ == "__main__":
    main()
