"""The title of a document, chosen among candidates: ``choose_title(candidates) -> TitleChoice``.

Extractors collect candidates (metadata title, page-1 largest text, heading styles, first lines, ...);
annotation adds the link text the crawler recorded; one scorer picks the title and says where it came
from (``title_source``). (Interface in place; the scorer is being written: see issue 7, item 2.)
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from transforms.textnorm import one_line, plausible_title


@dataclass(frozen=True)
class TitleCandidate:
    text: str
    source: str                  # metadata | layout | heading_style | first_line | doc_name_line | link_text | ...
    rank: int = 0                # order among candidates of the same source (0 = first)
    facts: dict = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class TitleChoice:
    title: str | None
    source: str | None
    evidence: dict = field(default_factory=dict, compare=False, hash=False)


def candidates_from_dicts(rows: list[dict] | None) -> list[TitleCandidate]:
    out = []
    for r in rows or []:
        if isinstance(r, dict) and r.get("text"):
            out.append(TitleCandidate(text=str(r["text"]), source=str(r.get("source") or "unknown"),
                                      rank=int(r.get("rank") or 0), facts=dict(r.get("facts") or {})))
    return out


def link_candidates(link_text: str | None, link_context: str | None = None) -> list[TitleCandidate]:
    """Candidates from the crawl: the anchor text of the link to the file and the text around it."""
    out = []
    if one_line(link_text):
        out.append(TitleCandidate(one_line(link_text), "link_text"))
    if one_line(link_context):
        out.append(TitleCandidate(one_line(link_context), "link_context"))
    return out


def choose_title(candidates: list[TitleCandidate]) -> TitleChoice:
    """The first plausible candidate in the order given."""
    for c in candidates:
        if plausible_title(c.text):
            return TitleChoice(one_line(c.text), c.source, {"candidates": len(candidates)})
    return TitleChoice(None, None, {"candidates": len(candidates)})
