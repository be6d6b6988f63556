"""The document's OWN approval: `find_approval(text) -> Approval(approved_on, approval_body, resolution_number, evidence)`.

Statements recognised (either word order, numeric or genitive month-name dates):
  "Schváleno Zastupitelstvem města dne 12. 3. 2020, usnesení č. ZM/123/2020"
  "Dokument byl schválen usnesením Rady kraje č. 123/RK/2021 ze dne 5. května 2021"
  "Zastupitelstvo obce schválilo na svém zasedání dne 14.12.2022 usnesením č. 5/2022"
  "Dne 10. 5. 2021 byla vládou schválena ..." ; "Datum schválení: 12. 3. 2020"
  a resolution document's own heading "Usnesení zastupitelstva obce ... č. 5/2022 ze dne 14. 12. 2022"

Precision first - a statement counts only when it is the document's own:
- it stands on the title pages (first two pages, at most `HEAD_CHARS`) or at the end (last `TAIL_CHARS`), or
  anywhere when its subject is the document itself ("Tento dokument/Tato strategie byla schválena ...");
- its subject is not another named document: when the clause before the verb names a document noun
  (strategie, koncepce, plán, program, politika, zákon, nařízení, ...) that differs from the document's own
  noun (the first such noun of its first lines), it is a citation ("Strategie ..., která byla schválena
  usnesením vlády č. 287 ze dne 30. 4. 2024" inside an implementation plan);
- future/conditional or negated forms are ignored ("bude schválen", "ke schválení", "neschválilo");
- there must be a valid date; otherwise None.

approval_body is normalised to one of `APPROVAL_BODIES`:
  zastupitelstvo obce, zastupitelstvo městyse, zastupitelstvo města, zastupitelstvo městské části,
  zastupitelstvo hlavního města prahy, zastupitelstvo kraje, zastupitelstvo (kind not stated),
  rada obce, rada městyse, rada města, rada městské části, rada hlavního města prahy, rada kraje,
  vláda, valná hromada, členská schůze, řídicí orgán
("statutární město" and "magistrát" count as město; ZO/ZM/ZK/RM/RK abbreviations are understood.)
Pure function; never raises.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from transforms.czech_text import fold

HEAD_CHARS = 4000
TAIL_CHARS = 3000

APPROVAL_BODIES = (
    "zastupitelstvo obce", "zastupitelstvo městyse", "zastupitelstvo města", "zastupitelstvo městské části",
    "zastupitelstvo hlavního města prahy", "zastupitelstvo kraje", "zastupitelstvo",
    "rada obce", "rada městyse", "rada města", "rada městské části", "rada hlavního města prahy", "rada kraje",
    "vláda", "valná hromada", "členská schůze", "řídicí orgán",
)

MONTHS = {"ledna": 1, "února": 2, "března": 3, "dubna": 4, "května": 5, "června": 6, "července": 7,
          "srpna": 8, "září": 9, "října": 10, "listopadu": 11, "prosince": 12}
_MONTH_RE = "|".join(MONTHS)
DATE_RE = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\.\s*(?:(?P<m>\d{{1,2}})\.|(?P<mname>{_MONTH_RE}))\s*(?P<y>(?:19|20)\d{{2}})(?!\d)",
    re.IGNORECASE)

# approval verb forms (past, passive, participle) and the "Datum schválení" field
_VERB = re.compile(
    r"(?<![\w])(?:(?P<neg>ne)?schvál(?:en[aáoýéi]?|il[aoyi]?|ilo|eno|ená|ený|ené)\b|(?P<field>datum\s+schválení|schválení\s+dne|schváleno\s+dne))",
    re.IGNORECASE)
_NOT_OWN_VERB = re.compile(r"\b(?:bude|budou|by|má\s+být|mají\s+být|musí\s+být|musela\s+být|může\s+být|lze|nebyl\w*|ke|po|před|k)\s+(?:\w+\s+)?$",
                           re.IGNORECASE)
_BODY = re.compile(
    r"(?P<zast>zastupitelstv\w*)(?:\s+(?P<zwhat>obce|městyse|města|statutárního\s+města|městské\s+části|městského\s+obvodu|"
    r"hl\.\s*m\.\s*prahy|hlavního\s+města\s+prahy|kraje|[A-ZÁ-Ž]\w+ého\s+kraje|kraje\s+vysočina))?"
    r"|(?P<rada>rad(?:ou|a|y)\b)(?:\s+(?P<rwhat>obce|městyse|města|statutárního\s+města|městské\s+části|městského\s+obvodu|"
    r"hl\.\s*m\.\s*prahy|hlavního\s+města\s+prahy|kraje|[A-ZÁ-Ž]\w+ého\s+kraje|kraje\s+vysočina))"
    r"|(?P<vlada>vlád(?:ou|a|y)\b)"
    r"|(?P<vh>valn(?:ou|á|é)\s+hromad(?:ou|a|y)\b)"
    r"|(?P<cs>člensk(?:ou|á|é)\s+schůz(?:í|e)\b)"
    r"|(?P<ro>řídicím?\s+orgán\w*)"
    r"|(?P<abbr>\b(?:ZO|ZM|ZK|ZMě|RO|RM|RK|ZHMP|RHMP)\b)",
    re.IGNORECASE)
_ABBR = {"zo": "zastupitelstvo obce", "zm": "zastupitelstvo města", "změ": "zastupitelstvo městyse",
         "zk": "zastupitelstvo kraje", "ro": "rada obce", "rm": "rada města", "rk": "rada kraje",
         "zhmp": "zastupitelstvo hlavního města prahy", "rhmp": "rada hlavního města prahy"}
_RESOLUTION = re.compile(
    r"(?:usnesení\w*|usn\.)\s+(?:(?:\w+\s+){0,4}?)(?:č\.|čís\.|číslo)\s*(?P<num>[A-Za-zÁ-Žá-ž0-9][\w\-./]*(?:\s?/\s?[\w\-.]+){0,4})"
    r"|č\.\s*usnesení:?\s*(?P<num2>[A-Za-zÁ-Žá-ž0-9][\w\-./]*(?:\s?/\s?[\w\-.]+){0,4})",
    re.IGNORECASE)
_DOC_NOUN = re.compile(
    r"\b(strategi|koncepc|plán|program|politik|metodik|dokument|zákon|nařízení|vyhlášk|směrnic|záměr|rozpočt|rozpoč|"
    r"smlouv|řád|statut|akční|zprávu|zpráva|SCLLD|agend|územní|pravidl|zápis|usnesení)\w*",
    re.IGNORECASE)
_SELF = re.compile(r"\b(?:tento|tato|toto|tímto|tohoto|této)\s+(?:\w+\s+){0,2}?\w+\s*$|^\s*(?:dokument|materiál)\b|\bdokument\s+(?:byl|je)\s*$",
                   re.IGNORECASE)
_CITES = re.compile(r"\b(?:v\s+souladu\s+s|navazuj\w*|vychází|vycházej\w*|na\s+základě|\bdle\b|\bpodle\b|ve\s+znění|odkaz\w*)\b",
                    re.IGNORECASE)
_HEADING_RES = re.compile(
    r"^\s*usnesení\s+(?:(?:z\s+)?\d+\.\s*)?(?:(?:ze?\s+)?(?:zasedání|jednání|schůze)\s+)?(?P<body>zastupitelstv\w*\s+\w+|rad\w*\s+\w+|vlády)?[^\n]{0,80}?"
    r"(?:č\.|číslo)\s*(?P<num>[\w\-./]+)[^\n]{0,40}?\s+(?:ze\s+dne|dne|z)\s+(?P<date>\d{1,2}\.\s*(?:\d{1,2}\.|\w+)\s*\d{4})",
    re.IGNORECASE)


@dataclass(frozen=True)
class Approval:
    approved_on: str | None
    approval_body: str | None
    resolution_number: str | None
    evidence: str | None = None


NONE = Approval(None, None, None, None)


def parse_date(s: str) -> str | None:
    """ISO date of a Czech date ("12. 3. 2020", "5. května 2021"); None when invalid."""
    m = DATE_RE.search(s or "")
    if not m:
        return None
    try:
        month = int(m["m"]) if m["m"] else MONTHS[m["mname"].lower()]
        return date(int(m["y"]), month, int(m["d"])).isoformat()
    except (ValueError, KeyError):
        return None


def normalise_body(raw: str | None) -> str | None:
    """Generic lowercase name of an approving body ("Zastupitelstvem statutárního města Ostravy" -> "zastupitelstvo města")."""
    if not raw:
        return None
    m = _BODY.search(raw)
    if not m:
        return None
    if m["abbr"]:
        return _ABBR.get(m["abbr"].lower())
    if m["vlada"]:
        return "vláda"
    if m["vh"]:
        return "valná hromada"
    if m["cs"]:
        return "členská schůze"
    if m["ro"]:
        return "řídicí orgán"
    head = "zastupitelstvo" if m["zast"] else "rada"
    what = fold(m["zwhat"] or m["rwhat"] or "")
    if not what:
        return "zastupitelstvo" if head == "zastupitelstvo" else None
    if "kraj" in what:
        kind = "kraje"
    elif "prahy" in what:
        kind = "hlavního města prahy"
    elif "casti" in what or "obvodu" in what:
        kind = "městské části"
    elif "mestyse" in what:
        kind = "městyse"
    elif "mesta" in what:
        kind = "města"
    else:
        kind = "obce"
    return f"{head} {kind}"


def _snip(text: str, a: int, b: int) -> str:
    return re.sub(r"\s+", " ", text[max(0, a):min(len(text), b)]).strip()


def _clause_start(text: str, pos: int, limit: int = 250) -> int:
    """Start of the sentence/paragraph holding `pos` (a full stop after a letter, or a blank line)."""
    lo = max(0, pos - limit)
    seg = text[lo:pos]
    best = 0
    for m in re.finditer(r"(?<=[^\W\d_])[.!?]\s+(?=[A-ZÁ-Ž•▪-])|\n\s*\n|[•▪]|;", seg):
        best = m.end()
    return lo + best


_NOUN_ALIAS = {"sclld": "strat", "rozpo": "rozpo"}


def _noun_key(word: str) -> str:
    k = word.lower()[:5]
    return _NOUN_ALIAS.get(k, k)


_NOT_APPROVAL_DATE = re.compile(r"zveřejn|vyvěš|sejmut|účinnost|účinn", re.IGNORECASE)


def _own_nouns(text: str) -> set[str]:
    """Document nouns of the first lines (the document's own name)."""
    lines = [ln.strip() for ln in text[:400].splitlines() if ln.strip()]
    if not lines:
        return set()
    # skip letterhead lines ("Moravskoslezský kraj", "Obec Lhota"): the name is the first line naming a document
    start = next((i for i, ln in enumerate(lines[:6]) if _DOC_NOUN.search(ln)), 0)
    first = lines[start]
    if len(first) < 25 and len(lines) > start + 1 and len(lines[start + 1]) <= 60:
        first += " " + lines[start + 1]
    first = first[:150]
    return {_noun_key(m.group(1)) for m in _DOC_NOUN.finditer(first)}


def _foreign(nouns: list[str], own: set[str]) -> bool:
    return any(n not in own and n not in ("dokum", "akční", "usnes") for n in nouns)


def _resolution(s: str) -> str | None:
    m = _RESOLUTION.search(s)
    if not m:
        return None
    num = (m["num"] or m["num2"] or "").strip().rstrip(".,;:)")
    if not re.search(r"\d", num):
        return None
    return num


def find_approval(text: str) -> Approval:
    """The document's own approval statement; Approval(None, None, None, None) when absent or unclear."""
    try:
        return _find(text or "")
    except Exception:  # noqa: BLE001 - the contract: never raise
        return NONE


def _head_end(text: str) -> int:
    ends = [m.start() for m in re.finditer("\f", text[:HEAD_CHARS])]
    if len(ends) >= 2:
        return ends[1]
    return min(len(text), HEAD_CHARS)


def _find(text: str) -> Approval:
    if not text.strip():
        return NONE
    head_end = _head_end(text)
    tail_start = max(head_end, len(text) - TAIL_CHARS)
    own = _own_nouns(text)

    h = _HEADING_RES.search(text[:600])
    if h:
        iso = parse_date(h["date"])
        if iso:
            return Approval(iso, normalise_body(h["body"]), h["num"].rstrip(".,;:)"),
                            f"heading: {_snip(text, h.start(), h.end())}")

    found: list[tuple[int, Approval]] = []
    for v in _VERB.finditer(text):
        if v["neg"]:
            continue
        pos = v.start()
        before_near = text[max(0, pos - 30):pos]
        if _NOT_OWN_VERB.search(before_near):
            continue
        cstart = _clause_start(text, pos)
        clause_before = text[cstart:pos]
        in_head, in_tail = pos < head_end, pos >= tail_start
        self_ref = bool(_SELF.search(clause_before)) or bool(re.match(r"\s*$", clause_before))
        nouns = [_noun_key(m.group(1)) for m in _DOC_NOUN.finditer(clause_before)]
        if not _SELF.search(clause_before) and (_foreign(nouns, own) or _CITES.search(clause_before)):
            continue
        obj = text[v.end():v.end() + 60]
        obj = obj[:DATE_RE.search(obj).start()] if DATE_RE.search(obj) else obj
        if not re.match(r"\s*(?:tento|tato|toto|tuto|tím|dne|ze|usnesením|na|zastupitelstv|rad|vlád|valn)", obj, re.IGNORECASE):
            onouns = [_noun_key(m.group(1)) for m in _DOC_NOUN.finditer(obj[:40])]
            if _foreign(onouns, own):
                continue
        if not (in_head or in_tail or _SELF.search(clause_before)):
            continue
        # the statement: from the clause start to ~220 characters after the verb, cut at a blank line
        end = min(len(text), v.end() + 220)
        stmt_after = text[v.end():end]
        blank = re.search(r"\n\s*\n|\f", stmt_after)
        if blank:
            stmt_after = stmt_after[:blank.start()]
        stmt_before = clause_before
        dm = DATE_RE.search(stmt_after)
        date_src = "after"
        if not dm or dm.start() > 160:
            dm2 = None
            for dm2 in DATE_RE.finditer(stmt_before):
                pass
            if dm2 is None or not re.search(r"\bdne\s*$", stmt_before[:dm2.start()][-12:], re.IGNORECASE):
                if not v["field"] and not self_ref:
                    continue
                if not dm:
                    continue
            else:
                dm, date_src = dm2, "before"
        src = stmt_after if date_src == "after" else stmt_before
        if _NOT_APPROVAL_DATE.search(src[max(0, dm.start() - 30):dm.start()]):
            continue  # "Datum zveřejnění: ..." is when it was posted, not approved
        iso = parse_date(dm.group(0))
        if not iso:
            continue
        window = stmt_before + " " + v.group(0) + " " + (stmt_after[:dm.end() + 80] if date_src == "after" else stmt_after[:120])
        body = normalise_body(stmt_before[-80:] + " " + stmt_after[:dm.end() + 60] if date_src == "after" else window)
        res = _resolution(window)
        ev = _snip(text, cstart, v.end() + (dm.end() if date_src == "after" else 60) + 40)
        found.append((pos, Approval(iso, body, res, ev)))
    if not found:
        return NONE
    head = [a for p, a in found if p < head_end]
    if head:
        return head[0]
    return found[-1][1]
