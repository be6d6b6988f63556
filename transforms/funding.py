"""Funding programmes named in a text: ``find_funding(tax, text) -> list[FundingMention]``.

Each programme of the vocabulary (with TA ČR sub-programmes as ``TACR_<code>``) is matched by its
regex, or when it has none by its aliases (short all-caps acronyms case-sensitively, with word
boundaries, per the taxonomy's matching advice). One mention per programme: the snippet is
±SNIPPET_CHARS around the first match; evidence holds the matched forms and the count.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from transforms.vocabulary import Vocabulary

SNIPPET_CHARS = 80
MAX_TEXT_CHARS = 2_000_000


@dataclass
class FundingMention:
    programme_code: str
    snippet: str
    evidence: list[str] = field(default_factory=list)


def find_funding(tax: Vocabulary, text: str) -> list[FundingMention]:
    """Programmes mentioned in the text, in vocabulary order. Never raises (empty list on bad input)."""
    if not text or not isinstance(text, str):
        return []
    text = text[:MAX_TEXT_CHARS]
    out: list[FundingMention] = []
    for prog in tax.programmes:
        try:
            matches = [m for p in prog.patterns for m in p.finditer(text) if m.group(0).strip()]
        except Exception:  # noqa: BLE001
            continue
        if not matches:
            continue
        first = min(matches, key=lambda m: m.start())
        a, b = max(0, first.start() - SNIPPET_CHARS), min(len(text), first.end() + SNIPPET_CHARS)
        snippet = " ".join(text[a:b].split())
        forms = sorted({" ".join(m.group(0).split()) for m in matches})
        out.append(FundingMention(
            programme_code=prog.code, snippet=snippet,
            evidence=[f"count: {len(matches)}"] + [f"matched: {f}" for f in forms[:5]],
        ))
    return out
