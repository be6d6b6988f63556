"""Language identification accuracy on the UD dev sentences (../shared/corpus/dev/langid).

    python bench/langid_accuracy.py [--min-chars 40] [--half even|odd] [--corpus DIR] [--json bench/results/langid.json]

    # every sentence, short ones included, on the tuning half and on the check half:
    python bench/langid_accuracy.py --min-chars 1 --half even --methods rules
    python bench/langid_accuracy.py --min-chars 1 --half odd --methods rules

Files are `<code>_<treebank>_dev.txt` with one sentence per line (or CoNLL-U `# text = ...` lines).
Sentences shorter than --min-chars characters are skipped. --half keeps the sentences whose 0-based
position in their file (line number; for CoNLL-U the sentence number) is even or odd: tune on one
half, report the other. For each method it prints overall accuracy over cs, sk, pl, de, en,
per-language accuracy, how many sentences per language came back undetermined (None, `und`), the
cs<->sk confusion rate (Czech labelled sk plus Slovak labelled cs, over all cs+sk sentences), a
confusion matrix (rows = truth; `other` includes undetermined) and the median time per sentence;
also accuracy over the sentences that have language content at all (those in which
`transforms.language.no_language_content` finds some: letters left once URLs, e-mails and digits
are removed, and more than a single name-like word — a property of the text, not of any method's
answer). Methods:

  langdetect            plain seeded langdetect (DetectorFactory.seed = 0), all 55 profiles
  langdetect-restricted the same, candidates restricted to transforms.language.CANDIDATES
  rules-all             detect_language(text, candidates=None): all profiles + cs/sk rules
  rules-nolex           detect_language(text, lexicon=False): restricted + letters/function words only
  rules                 detect_language(text): restricted candidates + cs/sk rules + lexicon (the default)
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms import language  # noqa: E402

LANGS = ("cs", "sk", "pl", "de", "en")
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "langid"


def load_sentences(corpus: Path, min_chars: int, half: str | None = None) -> list[tuple[str, str, str]]:
    """(language, treebank, sentence) for every sentence of >= min_chars characters
    (half="even"/"odd": only those at an even/odd 0-based position in their file)."""
    out = []
    for path in sorted(corpus.glob("*_dev.txt")):
        code, treebank = path.name.split("_", 1)[0], path.name.rsplit("_dev.txt", 1)[0].split("_", 1)[1]
        if code not in LANGS:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        conllu = any(line.startswith("# text = ") for line in lines)
        if conllu:
            lines = [line[len("# text = "):] for line in lines if line.startswith("# text = ")]
        for position, line in enumerate(lines):
            if half is not None and position % 2 != (half == "odd"):
                continue
            line = line.strip()
            if len(line) >= min_chars:
                out.append((code, treebank, line))
    return out


def _plain_langdetect():
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def run(text: str) -> str | None:
        try:
            return detect(text)
        except LangDetectException:
            return None
    return run


def _restricted_langdetect(text: str) -> str | None:
    probs = language._langdetect(text, language.CANDIDATES)
    return max(probs.items(), key=lambda kv: (kv[1], kv[0]))[0] if probs else None


METHODS = {
    "langdetect": _plain_langdetect,
    "langdetect-restricted": lambda: _restricted_langdetect,
    "rules-all": lambda: (lambda t: language.detect_language(t, candidates=None).code),
    "rules": lambda: (lambda t: language.detect_language(t).code),
    "rules-nolex": lambda: (lambda t: language.detect_language(t, lexicon=False).code),
}


def evaluate(run, sentences) -> dict:
    confusion: dict[str, Counter] = defaultdict(Counter)
    times = []
    errors = []
    got_all = []
    for truth, treebank, text in sentences:
        t0 = time.perf_counter()
        got = run(text)
        times.append(time.perf_counter() - t0)
        got_all.append(got)
        confusion[truth][got if got in LANGS else "other"] += 1
        if got != truth:
            errors.append({"truth": truth, "got": got, "treebank": treebank, "text": text})
    total = sum(sum(c.values()) for c in confusion.values())
    correct = sum(confusion[lang][lang] for lang in LANGS)
    per_lang = {lang: confusion[lang][lang] / max(1, sum(confusion[lang].values())) for lang in LANGS}
    cs_sk_total = sum(confusion["cs"].values()) + sum(confusion["sk"].values())
    cs_sk_confused = confusion["cs"]["sk"] + confusion["sk"]["cs"]
    content = [(t, g) for (t, _, text), g in zip(sentences, got_all) if not language.no_language_content(text)]
    return {
        "sentences": total,
        "content_sentences": len(content),
        "content_accuracy": sum(1 for t, g in content if t == g) / max(1, len(content)),
        "accuracy": correct / total,
        "per_language": per_lang,
        "undetermined": {lang: sum(1 for (t, _, _), g in zip(sentences, got_all) if t == lang and g is None)
                         for lang in LANGS},
        "per_language_sentences": {lang: sum(confusion[lang].values()) for lang in LANGS},
        "cs_sk_confusion": cs_sk_confused / max(1, cs_sk_total),
        "cs_sk_confused": cs_sk_confused,
        "cs_sk_sentences": cs_sk_total,
        "confusion": {lang: dict(confusion[lang]) for lang in LANGS},
        "median_ms": statistics.median(times) * 1000,
        "errors": errors,
    }


def print_result(name: str, r: dict, show_errors: int) -> None:
    print(f"\n== {name}: {r['sentences']} sentences")
    print(f"accuracy {r['accuracy']:.4f}   cs<->sk confusion {r['cs_sk_confusion']:.4f} "
          f"({r['cs_sk_confused']}/{r['cs_sk_sentences']})   median {r['median_ms']:.2f} ms/sentence")
    print(f"accuracy on the {r['content_sentences']} sentences with language content (drops lines without letters "
          f"once URLs/e-mails/digits are removed, and single name-like words): {r['content_accuracy']:.4f}")
    print("per language: " + "  ".join(f"{k} {v:.4f}" for k, v in r["per_language"].items()))
    print("undetermined: " + "  ".join(f"{k} {r['undetermined'][k]}/{r['per_language_sentences'][k]}" for k in LANGS))
    cols = (*LANGS, "other")
    print("truth\\got " + "".join(f"{c:>7}" for c in cols))
    for lang in LANGS:
        print(f"{lang:<9} " + "".join(f"{r['confusion'][lang].get(c, 0):>7}" for c in cols))
    for e in r["errors"][:show_errors]:
        print(f"  {e['truth']}->{e['got']} [{e['treebank']}] {e['text'][:120]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--min-chars", type=int, default=40)
    parser.add_argument("--max-chars", type=int, default=None, help="skip sentences longer than this")
    parser.add_argument("--half", choices=("even", "odd"), help="only sentences at even/odd positions in their file")
    parser.add_argument("--methods", default=",".join(METHODS), help="comma-separated, from: " + ", ".join(METHODS))
    parser.add_argument("--errors", type=int, default=0, help="print up to N misclassified sentences per method")
    parser.add_argument("--json", type=Path, help="also write the figures (with errors) to this file")
    args = parser.parse_args(argv)

    sentences = load_sentences(args.corpus, args.min_chars, args.half)
    if args.max_chars:
        sentences = [s for s in sentences if len(s[2]) <= args.max_chars]
    if not sentences:
        print(f"no sentences under {args.corpus}", file=sys.stderr)
        return 1
    counts = Counter(lang for lang, _, _ in sentences)
    print(f"corpus {args.corpus}  min chars {args.min_chars}  half {args.half or 'all'}  "
          + "  ".join(f"{k} {counts[k]}" for k in LANGS))
    results = {}
    for name in args.methods.split(","):
        results[name] = evaluate(METHODS[name](), sentences)
        print_result(name, results[name], args.errors)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"min_chars": args.min_chars, "half": args.half, "results": results},
                                        ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
