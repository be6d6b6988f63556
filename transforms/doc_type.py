"""Document type and strategy, from the document's own words: ``classify_doc_type(vocab, title, text, ...) -> DocType``.

1. **The name.** A document names what it is in its title, or failing that in one of the first lines of its
   first page. The *head* of the name is the first term in it that names a document kind: an ordinary kind
   (zápis, usnesení, oznámení, veřejná vyhláška, výzva k podání nabídky, smlouva, zpravodaj, rozpočet, ... from
   the vocabulary's ``document_kinds``), a strategy name (strategie, koncepce, strategický plán, program rozvoje,
   akční plán, ...) or a taxonomy document type (its title regex). Modifiers (návrh, aktualizace, manažerské
   shrnutí, příloha, ...) are skipped, and a kind after a preposition ("k usnesení", "o veřejném projednání
   strategie") is what the document refers to, not what it is. So minutes that approve a plan, a notice of its
   public hearing, a tender or a budget that cites it are minutes, a notice, a tender and a budget.
2. **The type.** An ordinary head gives ``other`` (budget documents ``budget_outlook``); a head matched by a
   taxonomy type gives that type (``document_type_precedence`` breaks ties at the same place); a generic
   strategy name gives the type its words and level imply (implementační/akční plán -> action_plan, national
   -> national_concept, a named sector such as housing or data -> sectoral_concept, otherwise a development
   plan of the municipality or region).
3. **A strategy shows its structure.** A strategic type is kept only when the text has at least
   MIN_STRUCTURE of the structure groups of a strategy (vision, analysis, design part, priorities, goals,
   measures, indicators, implementation, monitoring, participation, the project table of an action plan:
   vocabulary ``strategy.structure``; the taxonomy's first-page cues of its type; a validity period of its own)
   and at least MIN_STRATEGY_WORDS words (one group more below SHORT_STRATEGY_WORDS); otherwise the document only
   announces or links a strategy (``other``).
4. **Without a name.** The first page's table vocabulary of a budget (schválený rozpočet, upravený rozpočet,
   skutečnost, paragraf, položka, ...) gives ``budget_outlook``; otherwise ``other``.
Never raises.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from transforms.czech_text import casefold, fold
from transforms.passages import Locator, snippet, split
from transforms.terms import tokenize
from transforms.validity import find_validity
from transforms.vocabulary import Vocabulary

FIRST_PAGE_CHARS = 3000
HEAD_LINES = 12
MAX_NAME_LINE = 250
MIN_STRUCTURE = 3
MIN_STRATEGY_WORDS = 250     # a summary or a small village's programme is short ...
SHORT_STRATEGY_WORDS = 400   # ... so below this many words a strategy must show one structure group more
MIN_BUDGET_CUES = 4
OTHER = "other"
_PREPOSITIONS = frozenset("k ke o na pro z ze dle podle ve v s se do od u".split())
_ACTION_HEADS = ("akční plán", "implementační plán", "realizační plán")
# generic names that say nothing of a sector: their type follows the level
_GENERIC_NAMES = ("strategie", "koncepce", "strategický plán", "strategický rámec", "strategický dokument",
                  "plán rozvoje", "program rozvoje", "rozvojový dokument", "rozvojový strategický dokument")
_SECTOR_NAMES = {"komunitní plán": "sectoral_concept", "místní akční plán": "sectoral_concept",
                 "krajský akční plán": "sectoral_concept", "plán odpadového hospodářství": "sectoral_concept",
                 "generel": "sectoral_concept", "střednědobý plán": "sectoral_concept",
                 "plán udržitelné mobility": "sump", "plán udržitelné městské mobility": "sump",
                 "plán adaptace": "climate_adaptation_strategy", "program obnovy venkova": "programme_municipal_development",
                 "plán obnovy vesnice": "programme_municipal_development"}


@dataclass
class DocType:
    code: str
    is_strategic: bool
    evidence: list[str] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)
    kind: str | None = None      # the ordinary kind its name has (minutes, notice, newsletter, ...), "strategy", or None


@dataclass(frozen=True)
class _Head:
    kind: str            # "ordinary" | "strategy" | "type"
    code: str            # doc type code ("other" for ordinary kinds without a taxonomy type) or kind name
    term: str
    start: int
    name: str | None = None   # the vocabulary's kind (minutes, notice, ...) of an ordinary head


def _rank(vocab: Vocabulary, code: str) -> int:
    try:
        return vocab.precedence.index(code)
    except ValueError:
        return len(vocab.precedence)


def _type_matches(vocab: Vocabulary, line: str) -> list[_Head]:
    cf, fd = casefold(line), fold(line)
    out = []
    for code, rule in vocab.doc_types.items():
        for accented, folded in rule.title:
            m = accented.search(cf) or folded.search(fd)
            if m:
                out.append(_Head("type", code, m.group(0), m.start()))
                break
    return out


def _heads(vocab: Vocabulary, line: str) -> list[_Head]:
    """Every kind, strategy name and type named in one line, in order, without modifiers and references."""
    tokens = tokenize(line)
    found: list[_Head] = []
    for h in vocab.kinds.find(tokens):
        kind, doc_type = h.term.payload
        found.append(_Head("ordinary", doc_type, h.term.text, h.start, kind))
    for h in vocab.strategy_names.find(tokens):
        found.append(_Head("strategy", h.term.text, h.term.text, h.start))
    mod_spans = [(h.start, h.end) for h in vocab.modifiers.find(tokens)]
    # casefold keeps positions for Czech text; the type regexes run on it
    found += _type_matches(vocab, line)
    starts = [t.start for t in tokens]
    out = []
    for hd in found:
        if any(a <= hd.start < b for a, b in mod_spans) and hd.kind == "ordinary":
            continue
        i = next((k for k, s in enumerate(starts) if s >= hd.start), None)
        prev = [tokens[k].folded for k in range(max(0, (i or 0) - 2), i or 0)]
        if prev and prev[-1] in _PREPOSITIONS:
            continue
        out.append(hd)
    return sorted(out, key=lambda h: (h.start, h.kind != "type", h.kind != "strategy"))


def _name_lines(title: str, text: str) -> list[tuple[str, str]]:
    lines = [("title", title)] if title else []
    first_page = text[:FIRST_PAGE_CHARS].split("\f", 1)[0]
    n = 0
    for ln in first_page.splitlines():
        ln = " ".join(ln.split())
        if not ln:
            continue
        n += 1
        if n > HEAD_LINES:
            break
        if len(ln) <= MAX_NAME_LINE:
            lines.append(("first lines", ln))
    return lines


def _document_name(vocab: Vocabulary, title: str, text: str) -> tuple[str, str, _Head] | None:
    """(where, line, head) of the document's own name: the title, else the first line naming a kind."""
    for where, line in _name_lines(title, text):
        heads = _heads(vocab, line)
        if heads:
            return where, line, heads[0]
    return None


def _resolve_type(vocab: Vocabulary, head: _Head, line: str, level: str | None) -> str:
    """The taxonomy type a strategy name stands for."""
    types = [h for h in _type_matches(vocab, line) if vocab.doc_types[h.code].is_strategic]
    if head.kind == "type":
        same = [h for h in types if h.start == head.start] or [head]
        return min(same, key=lambda h: _rank(vocab, h.code)).code
    term = head.term
    if term in _ACTION_HEADS:
        return "action_plan"
    if types:
        return min(types, key=lambda h: (h.start, _rank(vocab, h.code))).code
    if term in _SECTOR_NAMES:
        return _SECTOR_NAMES[term]
    if level == "national" or vocab.national_markers.find(tokenize(line)):
        return "national_concept"
    if level == "mas":
        return "sclld"
    areas = {h.term.payload[1] for h in vocab.area_terms.find(tokenize(line))}
    if term not in ("plán rozvoje", "program rozvoje", "rozvojový dokument", "rozvojový strategický dokument") and areas:
        return "sectoral_concept"
    if level == "regional":
        return "regional_development_strategy"
    if term in ("program rozvoje", "plán rozvoje"):
        return "programme_municipal_development"
    return "strategic_development_plan_municipal"


def _structure(vocab: Vocabulary, text: str, tokens: list) -> dict[str, tuple[list[str], int]]:
    """group -> (terms found, token index of its first hit)."""
    out: dict[str, tuple[list[str], int]] = {}
    for h in vocab.structure.find(tokens):
        terms, first = out.setdefault(h.term.payload, ([], h.first))
        if h.term.text not in terms:
            terms.append(h.term.text)
    return out


def _type_cues(vocab: Vocabulary, code: str, text: str) -> list[str]:
    """The taxonomy's first-page cues of a type found on the first pages (ÚEK: "zákon č. 406/2000 Sb.", SECAP:
    "Pakt starostů a primátorů", ...)."""
    rule = vocab.doc_types.get(code)
    head = casefold(text[:FIRST_PAGE_CHARS * 3])
    return [c for c in (rule.cues if rule else []) if c in head]


def _budget_cues(vocab: Vocabulary, text: str) -> list[str]:
    return sorted({h.term.text for h in vocab.budget_cues.find(tokenize(text[:FIRST_PAGE_CHARS]))})


def classify_doc_type(vocab: Vocabulary, title: str | None, text: str, url: str | None = None,
                      level: str | None = None) -> DocType:
    """Type code of the vocabulary (or ``other``), whether it is a strategy, and why. Never raises."""
    try:
        return _classify(vocab, (title or "").strip(), text or "", level)
    except Exception as e:  # noqa: BLE001 - contract: never raise
        return DocType(OTHER, False, [f"error: {type(e).__name__}: {e}"[:200]])


def _classify(vocab: Vocabulary, title: str, text: str, level: str | None) -> DocType:
    name = _document_name(vocab, title, text)
    if name is None:
        cues = _budget_cues(vocab, text)
        if len(cues) >= MIN_BUDGET_CUES:
            return DocType("budget_outlook", False, [f"no name; budget table on the first page: {', '.join(cues[:8])}"],
                           [{"field": "doc_type", "value": "budget_outlook", "kind": "first_page", "terms": cues}])
        return DocType(OTHER, False, ["no document name in the title or first lines"])
    where, line, head = name
    said = {"field": "doc_type", "kind": where, "text": line, "terms": [head.term]}
    if head.kind == "ordinary":
        return DocType(head.code, False, [f"{where}: named '{head.term}' ({head.name}, {head.code})"],
                       [{**said, "value": head.code}], kind=head.name)
    if head.kind == "type" and not vocab.doc_types[head.code].is_strategic:
        return DocType(head.code, False, [f"{where}: {head.code} /{head.term}/"], [{**said, "value": head.code}])
    code = _resolve_type(vocab, head, line, level)
    tokens = tokenize(text)
    groups = _structure(vocab, text, tokens)
    cues = _type_cues(vocab, code, text)
    if cues:
        groups["type_cues"] = (cues, 0)
    period = find_validity(title, text)
    if period.validity_from or period.validity_to:
        groups["period"] = ([f"{period.validity_from or ''}-{period.validity_to or ''}"], 0)
    evidence = [f"{where}: strategy name /{head.term}/ -> {code}",
                f"structure: {len(groups)} groups ({', '.join(sorted(groups))}); {len(tokens)} words"]
    need = MIN_STRUCTURE + (1 if len(tokens) < SHORT_STRATEGY_WORDS else 0)
    if len(groups) < need or len(tokens) < MIN_STRATEGY_WORDS:
        evidence.append(f"not a strategy itself: needs {MIN_STRATEGY_WORDS} words and {MIN_STRUCTURE} structure groups "
                        f"({MIN_STRUCTURE + 1} below {SHORT_STRATEGY_WORDS} words)")
        return DocType(OTHER, False, evidence, [{**said, "value": OTHER}], kind="strategy")
    sentences = [{**said, "value": code}]
    passages = split(text, tokens)
    locate = Locator(passages)
    for group, (terms, first) in sorted(groups.items(), key=lambda kv: kv[1][1]):
        p = passages[locate.by_token(first)]
        sentences.append({"field": "is_strategic", "value": group, "kind": "structure", "text": snippet(text, p),
                          "terms": terms[:5], "position": p.start})
    return DocType(code, True, evidence, sentences, kind="strategy")
