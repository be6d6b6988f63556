"""SMART relevance and areas of a document, judged by its passages: ``score_smart(vocab, title, text) -> Smart``.

A document is about SMART solutions when it plans, describes or procures one, not when it mentions a topic
(Koncepce Smart Cities: a SMART solution applies technology and data to a public service). So:

1. **Evidence passages.** The text is cut into passages (transforms/passages.py). A passage is SMART evidence
   when it names SMART explicitly (a marker: smart city, chytrá obec, ...), or names a solution (an area's
   solution term or a technology term of the vocabulary) together with an action that plans, procures or
   carries it out (zavedení, pořízení, instalace, výměna, cíl, opatření, zakázka, ...) or together with a
   second, different solution (a term inside a longer one counts once). A topic word alone (doprava, odpady, veřejné osvětlení) is no evidence, nor is a
   digital word of everyday paperwork (elektronicky, online, systém): using a service is not planning one.
2. **The document.** ``smart_score`` is the share of the document's words that lie in evidence passages
   (a short document is measured as if it had MIN_WORDS words, so one sentence is not a whole document).
   ``is_smart`` when the title itself names a solution or SMART and the text confirms it with at least one
   evidence passage (or, for a text too short to say more, an action in the title or text); when the document opens with one (an evidence
   passage within its first LEAD_WORDS words: the name of the project, "Předmětem zakázky je ..."); or when
   the evidence passages reach SHARE_MIN of the text, at least MIN_PASSAGES of them; or when at least
   DIGITAL_SHARE of its passages (MIN_DIGITAL_PASSAGES or more) are about digital matters (data, digital and
   electronic services, information systems: the first pillar of the Koncepce, digital public administration),
   a share no ordinary item of the tune part or the bulk negatives reaches. A newsletter with one article on
   smart lamps or a budget with a line for LED lamps stays below.
3. **Areas.** Each passage votes once for every area whose terms it holds (topic or solution); the title
   votes TITLE_VOTES times. For a SMART document only the evidence passages and the title vote (the areas
   of its solutions and of what they are applied to); otherwise all passages vote (its subject). Digital words
   (data, software, elektronický, online, ...) belong to the ICT/data and e-government areas. An area is a domain when it has at least
   DOMAIN_SHARE of the votes and MIN_AREA_VOTES votes (or all votes of a short text), at most MAX_DOMAINS
   areas. A document whose votes are spread over many areas (a budget, minutes of ten points: more than
   MAX_EFFECTIVE_AREAS effective areas) has no subject and no domain. A passage that cites a law
   ("zákon č. 183/2006 Sb., o územním plánování ...") or is a formality (qualification, guarantees, contact and
   bank details: vocabulary ``formalities``) votes for nothing: boilerplate names fields the document is not about.

Constants were set on the tune part of the labelled corpora (data/evaluation/split.json), see
docs/ANNOTATION.md for the check-part figures. Every label keeps the passages that justify it (``evidence``).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from transforms.passages import Locator, Passage, snippet, split
from transforms.terms import Hit, tokenize
from transforms.vocabulary import Vocabulary

MAX_TEXT_CHARS = 400_000
MIN_WORDS = 150          # a shorter text is measured as if it had this many words
SHARE_MIN = 0.12         # share of words in evidence passages that makes a document SMART
MIN_PASSAGES = 2         # ... in at least this many passages
LEAD_WORDS = 120         # the opening of a document, where it says what it is about
SUBJECT_WORDS = 600      # ... and how far into it a stated subject ("Předmět smlouvy", "Věc:") still counts
DIGITAL_SHARE = 0.3      # share of passages on digital matters that makes a document about digital administration
MIN_DIGITAL_PASSAGES = 5
MIN_PASSAGES_FOR_SHARE = 10  # a shorter text is measured as if it had this many passages
TITLE_VOTES = 3
DOMAIN_SHARE = 0.2
MAX_EFFECTIVE_AREAS = 4.0  # votes spread over more areas than this (1 / sum of squared shares): no subject
MIN_AREA_VOTES = 2
MAX_DOMAINS = 3
MAX_EVIDENCE = 5         # passages kept per label
DIGITAL_AREAS = frozenset({"ict_infrastructure_data", "egovernment_services"})


@dataclass
class Smart:
    smart_score: float
    is_smart: bool
    domains: list[str]
    domain_scores: dict[str, float]
    evidence: dict[str, object] = field(default_factory=dict)     # rule and counts, for the analyst
    sentences: list[dict] = field(default_factory=list)         # the passages behind each label


_LAW = re.compile(r"\b\d{1,4}\s*/\s*(?:19|20)?\d{2,4}\s*Sb\b|\bzákon\w*\s+č\.|\bvyhlášk\w*\s+č\.|\bnařízení\s+(?:vlády|evropského)", re.I)


@dataclass
class _PassageFacts:
    cites_law: bool = False          # a law citation or a formality: votes for no area
    markers: set[str] = field(default_factory=set)
    solutions: set[str] = field(default_factory=set)
    digital: set[str] = field(default_factory=set)
    action: bool = False
    subject: bool = False
    areas: set[str] = field(default_factory=set)
    solution_areas: set[str] = field(default_factory=set)


    @property
    def is_evidence(self) -> bool:
        if self.markers:
            return True
        return bool(self.solutions) and (self.action or len(self.solutions) >= 2)

    def merge(self, other: "_PassageFacts") -> None:
        for name in ("markers", "solutions", "digital", "areas", "solution_areas"):
            getattr(self, name).update(getattr(other, name))
        self.action |= other.action
        self.subject |= other.subject
        self.cites_law |= other.cites_law

    def terms(self) -> list[str]:
        return sorted(self.markers | self.solutions | self.digital)


def _facts(vocab: Vocabulary, text: str, tokens: list | None = None) -> tuple[list, list[Passage], list[_PassageFacts]]:
    tokens = tokenize(text) if tokens is None else tokens
    passages = split(text, tokens)
    facts = [_PassageFacts() for _ in passages]
    if not passages:
        return tokens, passages, facts
    locate = Locator(passages)

    def where(h: Hit) -> _PassageFacts:
        return facts[locate.by_token(h.first)]

    solution_tokens: set[int] = set()
    for h in vocab.area_terms.find(tokens):
        role, area = h.term.payload
        f = where(h)
        f.areas.add(area)
        if role == "solution":
            f.solutions.add(h.term.text)
            f.solution_areas.add(area)
            solution_tokens.update(range(h.first, h.last))
    for h in vocab.smart_terms.find(tokens):
        f = where(h)
        role = h.term.payload
        overlaps = any(k in solution_tokens for k in range(h.first, h.last))
        if role == "marker":
            f.markers.add(h.term.text)
        elif role == "tech" and not overlaps:
            f.solutions.add(h.term.text)
        elif role == "digital":
            f.digital.add(h.term.text)
        elif role == "action":
            f.action = True
        elif role == "subject":
            f.subject = True
    for m in _LAW.finditer(text):
        facts[locate.by_char(m.start())].cites_law = True
    for h in vocab.formalities.find(tokens):
        where(h).cites_law = True
    for m in vocab.marker_regex.finditer(text):
        facts[locate.by_char(m.start())].markers.add(m.group(0).casefold())
    return tokens, passages, facts


def _title_facts(vocab: Vocabulary, title: str) -> _PassageFacts:
    """The title as one passage."""
    whole = _PassageFacts()
    for f in _facts(vocab, title)[2] if title else []:
        whole.merge(f)
    return whole


def _domains(votes: Counter) -> tuple[list[str], dict[str, float], float]:
    total = sum(votes.values())
    if not total:
        return [], {}, 0.0
    shares = {a: round(v / total, 4) for a, v in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))}
    effective = 1.0 / sum((v / total) ** 2 for v in votes.values())
    if effective > MAX_EFFECTIVE_AREAS:
        return [], shares, effective
    need = min(MIN_AREA_VOTES, total)
    chosen = [a for a, s in shares.items() if s >= DOMAIN_SHARE and votes[a] >= need][:MAX_DOMAINS]
    return chosen, shares, effective


def score_smart(vocab: Vocabulary, title: str | None, text: str, many_subjects: bool = False,
                tokens: list | None = None) -> Smart:
    """SMART relevance, areas and the passages behind them. ``many_subjects``: the document gathers unrelated items
    (minutes, a newsletter, a budget), so its opening is only its first item; ``tokens``: the text's tokens when the
    caller has them already (transforms.terms.tokenize of the same text). Never raises."""
    try:
        whole = len(text or "") <= MAX_TEXT_CHARS  # the caller's tokens are of the whole text
        return _score(vocab, title or "", (text or "")[:MAX_TEXT_CHARS], many_subjects, tokens if whole else None)
    except Exception as e:  # noqa: BLE001 - contract: empty result on bad input
        return Smart(0.0, False, [], {}, {"error": f"{type(e).__name__}: {e}"[:200]})


def _score(vocab: Vocabulary, title: str, text: str, many_subjects: bool = False, tokens: list | None = None) -> Smart:
    tokens, passages, facts = _facts(vocab, text, tokens)
    n_words = len(tokens)
    head = _title_facts(vocab, title)
    evidence_ix = [i for i, f in enumerate(facts) if f.is_evidence]
    ev_words = sum(passages[i].words for i in evidence_ix)
    share = ev_words / max(n_words, MIN_WORDS)
    title_names = bool(head.markers or head.solutions)
    digital_ix = [i for i, f in enumerate(facts) if f.digital or f.solution_areas & DIGITAL_AREAS or
                  (f.solutions and not f.solution_areas)]
    digital_share = len(digital_ix) / max(len(passages), MIN_PASSAGES_FOR_SHARE)
    lead = [] if many_subjects else [
        i for i in evidence_ix if passages[i].first < LEAD_WORDS
        or (passages[i].first < SUBJECT_WORDS and (facts[i].subject or (i > 0 and facts[i - 1].subject)))]
    acts = head.action or any(f.action for f in facts)
    if title_names and (evidence_ix or (n_words < MIN_WORDS and acts)):
        is_smart, rule = True, "the title names a SMART solution and the text carries it out"
    elif lead:
        is_smart, rule = True, "the document opens with a SMART solution as its subject"
    elif share >= SHARE_MIN and len(evidence_ix) >= MIN_PASSAGES:
        is_smart, rule = True, f"{share:.0%} of the text plans or describes SMART solutions"
    elif digital_share >= DIGITAL_SHARE and len(digital_ix) >= MIN_DIGITAL_PASSAGES:
        is_smart, rule = True, f"{digital_share:.0%} of the passages are about digital matters (data, digital services)"
    else:
        is_smart = False
        rule = (f"{share:.0%} of the text in {len(evidence_ix)} SMART passages"
                + ("; the title names a solution the text does not carry out" if title_names else ""))

    votes: Counter = Counter()
    if rule.endswith("digital services)"):
        evidence_ix = digital_ix
    voters = [i for i in (evidence_ix if is_smart else range(len(facts))) if not facts[i].cites_law]
    for i in voters:
        for a in facts[i].areas:
            votes[a] += 1
    for a in (head.solution_areas or head.areas) if is_smart else head.areas:
        votes[a] += TITLE_VOTES
    domains, shares, effective = _domains(votes)

    sentences: list[dict] = []
    if title_names:
        sentences.append({"field": "is_smart", "value": "true", "kind": "title", "text": title,
                          "terms": sorted(head.markers | head.solutions)})
    ranked = sorted(evidence_ix, key=lambda i: (-(len(facts[i].markers) * 2 + len(facts[i].solutions)), i))
    for i in ranked[:MAX_EVIDENCE]:
        sentences.append({"field": "is_smart", "value": str(is_smart).lower(), "kind": "passage",
                          "text": snippet(text, passages[i]), "terms": facts[i].terms(), "position": passages[i].start})
    for area in domains:
        best = [i for i in voters if area in facts[i].areas]
        for i in best[:2]:
            sentences.append({"field": "domain", "value": area, "kind": "passage", "text": snippet(text, passages[i]),
                              "position": passages[i].start})
    evidence = {"rule": rule, "words": n_words, "passages": len(passages), "smart_passages": len(evidence_ix),
                "smart_share": round(share, 4), "digital_passages": len(digital_ix),
                "digital_share": round(digital_share, 4), "title_terms": sorted(head.markers | head.solutions),
                # ties in a fixed order: the evidence of the same text is the same in every process
                "area_votes": dict(sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))),
                "effective_areas": round(effective, 2)}
    return Smart(smart_score=round(min(1.0, share), 4), is_smart=is_smart, domains=domains,
                 domain_scores=shares, evidence=evidence, sentences=sentences)
