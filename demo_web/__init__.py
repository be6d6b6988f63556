"""Demo web: a deterministic generator plus a loopback HTTP server of realistic Czech municipal
websites (several CMS families, crawler traps, a ground-truth manifest).

Its documents are mostly ordinary municipal paperwork (minutes, budgets, notices, forms, price
lists, invitations, tenders, newsletters ...); strategies are a few per cent of them, as on real
municipal sites. Hard negatives are planted on purpose and recorded in the manifest
(`hard_negative`): minutes approving a development plan, notices of a public hearing of a draft
strategy, newsletters with a smart-lamp article, budgets listing investment lines, tenders citing
the plan. Strategies are as long as real ones (a development plan 1,300-2,500 words over five to
eight PDF pages, an action plan or a concept 650-900 words over three or four), with the chapters real
ones have. All text comes from the generator's own vocabulary and templates (vocab.py,
strategy_texts.py, strategy_phrases.py, ordinary_texts.py), never from the classifier's taxonomy, so
tests on the demo web check the plumbing; quality figures come from the real corpora.

Used by the README demo run, tests and benchmarks; the harvest pipeline never reads its
manifest. Entry points: `python -m demo_web {build,serve}` (demo_web.cli.main) and
demo_web.process.DemoWebProcess.
"""
from pathlib import Path

# the checkout: demo_web finds the committed registry seeds and starts its server from here, without the product's settings
REPO_ROOT = Path(__file__).resolve().parents[1]
