"""Rules or a trained model for `is_smart`? Both measured on the check part (issue 7, item 5).

    .venv/bin/pip install scikit-learn      # not in the lock: only this comparison needs it
    python bench/trained_vs_rules.py [--shared ../shared]

The trained alternative: TF-IDF over the light stems of title and text (unigrams and bigrams, as the rules see the
words) and a class-balanced logistic regression, trained on the tune part of the labelled corpora plus the tune
issuer's article pages (data/evaluation/split.json, data/evaluation/negatives.json), evaluated on the check part and
on the bulk negatives of other issuers (Vismo records, notice-board titles). The rules are the annotator's own
(transforms/smart.py) on the same documents. `is_strategic` cannot be trained at all: the tune part holds no strategy.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.annotate import annotate_in_worker, index_rows, init_worker  # noqa: E402
from pipelines.bulk_negatives import LABELS, articles, feed_titles, vismo_records  # noqa: E402
from pipelines.evaluate import _locate, load_labels, load_split, shared_corpora  # noqa: E402
from core.settings import load_settings  # noqa: E402
from transforms.czech_text import stems  # noqa: E402
from transforms.extraction import extract  # noqa: E402


def items(shared: Path) -> list[dict]:
    split = load_split()
    out = []
    for c in shared_corpora(shared):
        for lab in load_labels(c.labels):
            path = _locate(Path(c.documents), lab)
            if path is None:
                continue
            ex = extract(path.read_bytes(), None, path.name)
            out.append({"part": split.place(c.name, lab)[0], "y": bool(lab["smart_relevant"]), "title": ex.title,
                        "text": ex.text, "cands": ex.meta.get("title_candidates")})
    labels = {(x["source"], x["id"]): x for x in json.loads(LABELS.read_text(encoding="utf-8"))["items"]}
    for it in articles(shared) + vismo_records(shared) + feed_titles(shared):
        src = it["source"].split(":")[0]
        out.append({"part": f"bulk:{src}", "y": bool(labels.get((src, it["id"]), {}).get("smart_relevant")),
                    "title": it["title"], "text": it["text"], "cands": it.get("title_candidates")})
    return out


def counts(pairs) -> str:
    pairs = list(pairs)
    tp = sum(1 for y, p in pairs if y and p)
    fp = sum(1 for y, p in pairs if p and not y)
    fn = sum(1 for y, p in pairs if y and not p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return f"P {prec:.2f} R {rec:.2f} (tp {tp}, fp {fp}, fn {fn})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        print("needs scikit-learn: .venv/bin/pip install scikit-learn", file=sys.stderr)
        return 2
    init_worker(index_rows(load_settings()))
    rows = items(args.shared)
    for r in rows:
        r["stems"] = " ".join(stems(((r["title"] or "") + "\n" + (r["text"] or ""))[:200_000]))
        a = annotate_in_worker(title=r["title"], text=r["text"] or "", url=None, source_kind=None,
                               source_municipality_code=None, title_candidates=r["cands"])
        r["rules"] = a.is_smart
    train = [r for r in rows if r["part"] in ("tune", "bulk:articles")]
    check = [r for r in rows if r["part"] == "check"]
    others = [r for r in rows if r["part"] in ("bulk:vismo", "bulk:ofn")]
    print(f"train {len(train)} ({sum(r['y'] for r in train)} SMART), check {len(check)} ({sum(r['y'] for r in check)} SMART), "
          f"bulk negatives of other issuers {len(others)}")
    print(f"rules                          check {counts((r['y'], r['rules']) for r in check)}; "
          f"bulk false SMART {sum(r['rules'] and not r['y'] for r in others)}/{len(others)}")
    for c in (0.3, 1.0, 3.0, 10.0):
        vec = TfidfVectorizer(min_df=2, sublinear_tf=True, ngram_range=(1, 2), max_features=50_000)
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
        model.fit(vec.fit_transform([r["stems"] for r in train]), [r["y"] for r in train])
        pc = model.predict(vec.transform([r["stems"] for r in check]))
        po = model.predict(vec.transform([r["stems"] for r in others]))
        print(f"tf-idf + logistic regr. C={c:<4} check {counts((r['y'], bool(p)) for r, p in zip(check, pc))}; "
              f"bulk false SMART {sum(bool(p) and not r['y'] for r, p in zip(others, po))}/{len(others)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
