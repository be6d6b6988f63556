"""Which municipality (or kraj) a document is ABOUT, from its title and first `HEAD_CHARS` characters.

`build_index(rows)` once (rows: municipality_code, name, official_name, okres_name, kraj_code, kraj_name,
population - e.g. from data/seeds/municipalities/municipalities.csv via `registry_rows`), then
`match_municipality(index, title, text, hint_kraj=None) -> Place | None` per document.

How a name is found despite Czech inflection: every word has two keys - its simplemma lemma
(czech_text.lemma: "Kolína" -> "kolin", "Hradce" -> "hradec") and a folded suffix-stripped stem
("Prahy"/"Praha" -> "prah", "Blešně"/"Blešno" -> "blesn"); a name word matches a text word when their key
sets meet; multi-word names must match word by word ("Nového Města na Moravě"); rapidfuzz's ratio of the
folded text span against the folded name (>= `MIN_RATIO`) guards against stems that meet by chance.

Precision first (many names are common words - Lhota, Ves, Hora, Police, Dobrá, Louka, Bor ...):
- an occurrence counts strongly after a settlement cue: obec/obce/obci, město/města/městě,
  městys/městyse, statutární město, Obecní/Městský úřad, Úřad městyse, Magistrát města, OÚ/MěÚ/MÚ, or when
  followed by ", okres X";
- a name of two or more words (not counting prepositions) counts without a cue ("Hradec Králové",
  "Dolní Bousov"), unless it is part of a company address ("ORLOBUS a.s., Nové Město nad Metují");
- a one-word name without a cue counts only in the title, capitalised and not the title's first word;
- words right after "okres"/"okr." or "k. ú." are not the subject ("Blešno, okres Hradec Králové");
- a name shared by several municipalities ("Nová Ves" x14) is resolved by the okres or kraj named in the
  text or by `hint_kraj` (kraj code or name); if that leaves more than one, that name is dropped.
Kraj mentions ("Jihomoravský kraj", "Kraje Vysočina", "Zlínského kraje", "Krajský úřad Ústeckého kraje")
give kind 'kraj' (code = kraj_code) only when no municipality qualifies.
Pure functions on values; matching never raises.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz

from transforms.czech_text import fold, lemma

HEAD_CHARS = 3000
MIN_RATIO = 72
MIN_SCORE = 1.5

_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_PREPS = frozenset({"na", "nad", "pod", "u", "v", "ve", "pri", "za", "po", "a"})
_ENDINGS = ("ami", "ach", "ech", "ich", "ove", "ymi", "imi", "eho", "emu", "ymu", "imu",
            "em", "ou", "um", "ym", "im", "a", "e", "i", "o", "u", "y")
_CUE_LEMMAS = frozenset({"obec", "mesto", "mestys", "mestecko", "obci", "obce", "mesta", "meste", "mestyse", "mestysi"})
_CUE_ABBR = frozenset({"ou", "meu", "mu", "umc", "umo"})
_BLOCK_BEFORE = frozenset({"okres", "okr", "okresu", "okresem", "okrese", "orp", "ku", "kraj", "kraje"})
_COMPANY_BEFORE = re.compile(r"(?:a\.\s?s\.|s\.\s?r\.\s?o\.|spol\.|v\.\s?o\.\s?s\.|z\.\s?s\.|o\.\s?p\.\s?s\.|k\.\s?s\.)\s*,?\s*$",
                             re.IGNORECASE)
_OKRES_AFTER = re.compile(r"^\s*,?\s*(?:okres|okr\.)\s", re.IGNORECASE)
_ADDRESS_BEFORE = re.compile(r"(?:\b\d{3}\s?\d{2}|PSČ:?)\s*$")
# the text name goes on ("Nové Město n.Met.", "Olešnice v Orl.h."): the match is only part of a longer name
_NAME_GOES_ON = re.compile(r"^\s*(?:n\.|p\.|nad|pod|na|u|v|ve|pri|při)\s*[A-ZÁ-Ž]")
_NOT_A_PLACE_AFTER = re.compile(r"^\s+(?:republik\w*|unie|spořiteln\w*|pošt\w*|televiz\w*|drah\w*|společnost\w*)\b", re.IGNORECASE)


def stem(word_folded: str) -> str:
    """Folded word without its (longest) Czech case ending, keeping at least 3 letters."""
    w = word_folded
    for e in _ENDINGS:
        if w.endswith(e) and len(w) - len(e) >= 3:
            return w[: -len(e)]
    return w


@lru_cache(maxsize=100_000)
def _keys(word: str) -> frozenset[str]:
    f = fold(word)
    if f in _PREPS:
        return frozenset({f})
    return frozenset({lemma(word), stem(f), f})


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    kind: str  # 'municipality' | 'kraj'
    score: float
    evidence: str | None = None
    population: int | None = None
    kraj_code: str | None = None


@dataclass
class _Entry:
    code: str
    name: str
    folded: str
    tokens: tuple[frozenset[str], ...]
    content_words: int
    okres: str
    kraj_code: str
    kraj_name: str
    population: int | None


@dataclass
class MunicipalityIndex:
    entries: list[_Entry] = field(default_factory=list)
    by_first: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_name: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    kraje: dict[str, tuple[str, re.Pattern]] = field(default_factory=dict)  # code -> (name, folded pattern)
    okresy: dict[str, re.Pattern] = field(default_factory=dict)  # folded okres name -> pattern


def _int(v) -> int | None:
    try:
        return int(float(v))
    except (TypeError, ValueError):
        return None


def registry_rows(csv_rows: Iterable[dict]) -> list[dict]:
    """Rows of data/seeds/municipalities/municipalities.csv mapped to the keys `build_index` takes."""
    return [{"municipality_code": r.get("kod_obce"), "name": r.get("nazev_obce"),
             "official_name": r.get("nazev_ucetni_jednotky"), "okres_name": r.get("okres_nazev"),
             "kraj_code": r.get("kraj_kod"), "kraj_name": r.get("kraj_nazev"),
             "population": r.get("pocet_obyvatel_sp")} for r in csv_rows]


def _kraj_pattern(kraj_name: str) -> re.Pattern | None:
    f = fold(kraj_name)
    if "praha" in f:
        return None  # Praha is matched as a municipality
    words = f.split()
    adj = [w for w in words if w != "kraj"]
    if not adj:
        return None
    a = adj[0]
    if a.endswith("y"):  # jihomoravsky -> jihomoravsk\w*
        a_re = re.escape(a[:-1]) + r"\w*"
        return re.compile(rf"\b{a_re}\s+kraj\w*|\bkraj\w*\s+{a_re}")
    a_re = re.escape(stem(a)) + r"\w*"  # vysocina -> vysocin\w*
    return re.compile(rf"\bkraj\w*\s+{a_re}")


def build_index(rows: Iterable[dict]) -> MunicipalityIndex:
    """Index of municipality names (lemma/stem keys of their words) and kraj/okres patterns."""
    idx = MunicipalityIndex()
    for r in rows:
        name = (r.get("name") or "").strip()
        code = str(r.get("municipality_code") or "").strip()
        if not name or not code:
            continue
        words = _TOKEN.findall(name)
        if not words:
            continue
        toks = tuple(_keys(w) for w in words)
        content = sum(1 for w in words if fold(w) not in _PREPS)
        e = _Entry(code, name, fold(name), toks, content, (r.get("okres_name") or "").strip(),
                   str(r.get("kraj_code") or "").strip(), (r.get("kraj_name") or "").strip(), _int(r.get("population")))
        i = len(idx.entries)
        idx.entries.append(e)
        for k in toks[0]:
            idx.by_first[k].append(i)
        idx.by_name[e.folded].append(i)
        if e.kraj_code and e.kraj_code not in idx.kraje and e.kraj_name:
            pat = _kraj_pattern(e.kraj_name)
            if pat is not None:
                idx.kraje[e.kraj_code] = (e.kraj_name, pat)
        if e.okres:
            fo = fold(e.okres)
            if fo not in idx.okresy:
                parts = r"\s+".join(re.escape(stem(w)) + r"\w*" for w in fo.split())
                idx.okresy[fo] = re.compile(rf"\b(?:okres\w*|okr\.)\s+{parts}")
    idx.by_first = dict(idx.by_first)
    idx.by_name = dict(idx.by_name)
    return idx


@dataclass
class _Tok:
    word: str
    start: int
    end: int
    keys: frozenset[str]


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(0), m.start(), m.end(), _keys(m.group(0))) for m in _TOKEN.finditer(text)]


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _joined(text: str, a: _Tok, b: _Tok) -> bool:
    gap = text[a.end:b.start]
    return len(gap) <= 3 and re.fullmatch(r"[\s\-–]*", gap) is not None


def _occurrences(idx: MunicipalityIndex, text: str, in_title: bool):
    toks = _tokens(text)
    found = []  # (entry index, start token, end token)
    for i, t in enumerate(toks):
        if not _capitalised(t.word):
            continue
        cand: set[int] = set()
        for k in t.keys:
            cand.update(idx.by_first.get(k, ()))
        for ei in cand:
            e = idx.entries[ei]
            n = len(e.tokens)
            if i + n > len(toks):
                continue
            ok = True
            for j in range(1, n):
                tj = toks[i + j]
                if not (e.tokens[j] & tj.keys) or not _joined(text, toks[i + j - 1], tj):
                    ok = False
                    break
                if fold(tj.word) not in _PREPS and not _capitalised(tj.word):
                    ok = False
                    break
            if ok:
                found.append((ei, i, i + n - 1))
    # keep the longest match where matches overlap ("Sedlec-Prčice" over "Sedlec")
    found.sort(key=lambda f: (-(f[2] - f[1]), f[1]))
    taken: set[int] = set()
    kept = []
    for ei, a, b in found:
        span = set(range(a, b + 1))
        if span & taken and not any(k[1] == a and k[2] == b for k in kept):
            continue
        taken |= span
        kept.append((ei, a, b))
    out = []
    for ei, a, b in kept:
        e = idx.entries[ei]
        s, t = toks[a].start, toks[b].end
        ratio = fuzz.ratio(fold(text[s:t]), e.folded)
        if ratio < MIN_RATIO:
            continue
        prev = toks[a - 1] if a > 0 else None
        prev2 = toks[a - 2] if a > 1 else None
        prev_f = fold(prev.word) if prev and _joined_loose(text, prev, toks[a]) else ""
        if prev_f in _BLOCK_BEFORE or (prev_f == "u" and prev2 and fold(prev2.word) == "k"):
            continue
        cue = False
        if prev_f:
            pl = lemma(prev.word)
            if pl in _CUE_LEMMAS or prev_f in _CUE_LEMMAS or stem(prev_f) in {"obc", "mest", "mestys"} or prev_f in _CUE_ABBR:
                cue = True
            elif prev_f in {"urad", "uradu", "uradem"} and prev2 and fold(prev2.word) in {"obecni", "obecniho", "mestsky", "mestskeho"}:
                cue = True
            elif prev_f in {"magistrat", "magistratu"}:
                cue = True
        if _OKRES_AFTER.match(text[t:t + 12]):
            cue = True
        company = bool(_COMPANY_BEFORE.search(text[max(0, s - 25):s]) or _ADDRESS_BEFORE.search(text[max(0, s - 12):s]))
        after = text[t:t + 25]
        longer = bool(_NAME_GOES_ON.match(after))
        # part of a hyphenated list of places ("Olešnice-Nový Hrádek-Dobrošov") or a bus stop "Town,stop"
        in_list = bool(re.match(r"^(?:\s?[-–]\s?[A-ZÁ-Ž]|,[^\W\d_])", after)) or bool(re.search(r"[A-ZÁ-Ža-zá-ž.][-–]\s?$", text[max(0, s - 3):s]))
        nxt = toks[b + 1] if b + 1 < len(toks) else None
        lower_next = nxt is not None and _joined(text, toks[b], nxt) and nxt.word[:1].islower()
        line = _line_of(text, s, t)
        if _NOT_A_PLACE_AFTER.match(after) or longer:
            w = 0.0
        elif cue:
            w = 3.0
        elif company or in_list:
            w = 0.0
        elif e.content_words >= 2:
            w = 2.0
        elif in_title and a > 0 and not toks[a].word.isupper() and not lower_next:
            w = 2.0
        elif line.strip() == text[s:t].strip():
            w = 1.5  # the name alone on a line (a heading or a signature block)
        else:
            w = 0.0
        if w <= 0:
            continue
        if in_title:
            w *= 1.5
        w *= ratio / 100
        ev = re.sub(r"\s+", " ", text[max(0, s - 30):min(len(text), t + 30)]).strip()
        out.append((ei, w, s if not in_title else -1, ev, cue))
    return out


def _line_of(text: str, s: int, t: int) -> str:
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", t)
    return text[a:b if b >= 0 else len(text)]


def _joined_loose(text: str, a: _Tok, b: _Tok) -> bool:
    gap = text[a.end:b.start]
    return len(gap) <= 4 and re.fullmatch(r"[\s.:]*", gap) is not None


def _kraj_mentions(idx: MunicipalityIndex, folded: str) -> dict[str, int]:
    out = {}
    for code, (_, pat) in idx.kraje.items():
        n = len(pat.findall(folded))
        if n:
            out[code] = n
    return out


def _hint_codes(idx: MunicipalityIndex, hint: str | None) -> set[str]:
    if not hint:
        return set()
    h = fold(str(hint)).strip()
    codes = {c for c, (name, _) in idx.kraje.items() if c == h or fold(name) == h}
    if "praha" in h:
        codes |= {e.kraj_code for e in idx.entries if "praha" in fold(e.kraj_name)}
    return codes


STATUS_WORD = re.compile(r"^(?:obec|městys|statutární město|město|municipality of|city of|town of|village of)\s+",
                         re.I)


def without_status_word(name: str) -> str:
    """A place name without the status word a record may put before it ("Obec Lhota" -> "Lhota")."""
    return STATUS_WORD.sub("", name.strip()).strip()


def municipality_named(index: MunicipalityIndex, name: str | None, okres: str | None = None,
                       kraj: str | None = None) -> Place | None:
    """The municipality a record names outright (a catalogue's "obec, okres, kraj"): the registry entries of exactly
    that name as written, else of the name without its status word (a few registry names begin with "Město"
    themselves), narrowed by the okres and then the kraj given; None unless exactly one is left."""
    written = (name or "").strip()
    hits = [index.entries[i] for i in index.by_name.get(fold(written), [])] or [
        index.entries[i] for i in index.by_name.get(fold(without_status_word(written)), [])]
    for value, attr in ((okres, "okres"), (kraj, "kraj_name")):
        if value and len(hits) > 1:
            narrowed = [e for e in hits if fold(getattr(e, attr)) == fold(value.strip())]
            hits = narrowed or hits
    if len(hits) != 1:
        return None
    e = hits[0]
    return Place(e.code, e.name, "municipality", 1.0, "named with its okres and kraj", e.population, e.kraj_code)


def match_municipality(index: MunicipalityIndex, title: str | None, text: str,
                       hint_kraj: str | None = None) -> Place | None:
    """The municipality (else kraj) the document is about, or None when unsure."""
    try:
        return _match(index, title or "", text or "", hint_kraj)
    except Exception:  # noqa: BLE001 - the contract: never raise
        return None


def _match(idx: MunicipalityIndex, title: str, text: str, hint_kraj: str | None) -> Place | None:
    head = text[:HEAD_CHARS]
    occ = _occurrences(idx, title, True) + _occurrences(idx, head, False)
    folded_all = fold(title + "\n" + head)
    kraj_hits = _kraj_mentions(idx, folded_all)
    hint = _hint_codes(idx, hint_kraj)

    by_name: dict[str, dict] = {}
    for ei, w, pos, ev, cue in occ:
        e = idx.entries[ei]
        g = by_name.setdefault(e.folded, {"score": 0.0, "pos": pos, "ev": ev, "cue": False})
        g["score"] += w
        g["pos"] = min(g["pos"], pos)
        g["cue"] = g["cue"] or cue
        if g["ev"] is None:
            g["ev"] = ev
    ranked = []
    for fname, g in by_name.items():
        cands = [idx.entries[i] for i in idx.by_name.get(fname, [])]
        if len(cands) > 1:
            narrowed = [e for e in cands if e.okres and idx.okresy.get(fold(e.okres), None) is not None
                        and idx.okresy[fold(e.okres)].search(folded_all)]
            if len(narrowed) != 1:
                pool = narrowed or cands
                narrowed = [e for e in pool if e.kraj_code in hint] if hint else []
                if len(narrowed) != 1:
                    narrowed = [e for e in pool if e.kraj_code in kraj_hits]
            if len(narrowed) != 1:
                continue
            e = narrowed[0]
        elif cands:
            e = cands[0]
        else:
            continue
        score = min(g["score"], 10.0)
        if score >= MIN_SCORE:
            ranked.append((score, -g["pos"], e, g["ev"]))
    if ranked:
        ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
        score, _, e, ev = ranked[0]
        return Place(e.code, e.name, "municipality", round(score, 2), ev, e.population, e.kraj_code)
    if kraj_hits:
        title_hits = _kraj_mentions(idx, fold(title)) if title else {}
        scores = {c: n + 3 * title_hits.get(c, 0) for c, n in kraj_hits.items()}
        best = sorted(scores.items(), key=lambda kv: -kv[1])
        if len(best) == 1 or best[0][1] > best[1][1]:
            code, sc = best[0]
            name, pat = idx.kraje[code]
            m = pat.search(folded_all)
            return Place(code, name, "kraj", float(sc), f"kraj: {m.group(0) if m else name}", None, code)
    return None
