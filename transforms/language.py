"""Language identification of harvested text: `detect_language(text) -> LanguageGuess`.

Pure and deterministic: same text, same answer, whatever was detected before (ANNOTATION.md).

How a guess is made
-------------------
1. **Clean and bound.** NFC, URLs / e-mail addresses / digits removed, whitespace squeezed; a
   text mostly in capitals is lower-cased for langdetect (which skips all-capital words).
   Fewer than `MIN_LETTERS` letters -> `code=None, confidence=0`. A text of at most `HEAD_CHARS`
   (2,000) characters is detected as one sample; a longer one as `CHUNKS` (5) chunks of
   `CHUNK_CHARS` (400) characters spread evenly from its start to its end (cut at spaces), so
   langdetect never sees more than ~2,000 characters per call (ENGINEERING.md: its cost grows
   with length).
2. **langdetect, seeded and private.** We build our own `DetectorFactory` (profile files loaded in
   sorted order, `seed = 0`) and a fresh `Detector` per sample. The detector reseeds its RNG from
   the factory seed on every detection, so the result depends only on the sample, never on call
   order, and the global `langdetect.detect` state is left alone. Candidates are restricted to
   `CANDIDATES` (why: see there); `detect_language(text, candidates=None)` uses all 55 profiles.
3. **Czech or Slovak.** langdetect's character n-grams confuse the two on short text. When its
   top candidate is cs or sk — or cs and sk together outweigh every other candidate — we decide
   with evidence that belongs to one language only:
   * letters: Czech alone writes ř, ů, ě; Slovak alone writes ä, ľ, ĺ, ŕ, ô;
   * function words frequent in one language and absent from the other (`CS_WORDS`, `SK_WORDS`):
     Czech se / jsem / jsou / který… / nebo / jako / pro / podle / když / jen / byl…;
     Slovak sa / som / sú / ktorý… / alebo / ako / pre / podľa / keď / len / bol… .
     Words the two share (je, aby, už, však, ale, tak, ten, také = "also" cs / "such" sk…) are
     not evidence. A word is also left out when it equals a word of the other language once that
     one is written without diacritics (cs "co", "ze" vs sk "čo", "že"; sk "pri", "dve", "ja" vs
     cs "při", "dvě", "já"), or is an existing, if rarer, word of the other language (sk "jej",
     "teda", "ku", "so" are also Czech). All-capital tokens (ZO, ROH, EU) are acronyms, not
     words, unless the whole text is written in capitals.
   Every occurrence counts one point for its language; more points wins.
   On a tie (typically a short sentence with none of these markers) the **lexicon** decides:
   lower-case words (capitalised ones are mostly names) that simplemma's Czech dictionary knows
   and its Slovak one does not, and vice versa, one point each ("odešla", "nabídla" cs;
   "napísala", "niektorých" sk). Still tied: langdetect's own cs-vs-sk order decides.
   The lexicon costs ~110 MB (the sk dictionary; czech_text already loads the cs one) and ~2 s,
   once per process and only when a tie happens; `lexicon=False` switches it off.
   Confidence = the cs+sk probability mass x the winner's share of the evidence, discounted when
   the evidence is thin (margin of 1 point: x1/2, 2: x3/4…), but never below langdetect's own
   share for the same answer.
4. **Mixed documents.** For a long text each chunk gets its own guess; the document's code is the
   majority (ties: larger summed confidence, then the earlier chunk), its confidence the summed
   confidence of agreeing chunks over the number of chunks, and `mixed` is true when at least one
   chunk is confidently (>= `MIXED_MIN_CONFIDENCE`) another language — e.g. a Czech plan with a
   long English or German section, or a Czech document with a Slovak annex.

`evidence` keeps what the decision rests on: sample size, the langdetect probabilities (>= 0.01),
the cs/sk markers found and which rule decided, and per-chunk guesses for long documents.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException
from langdetect.utils.lang_profile import LangProfile

from transforms.czech_text import words

SEED = 0
MIN_LETTERS = 10
HEAD_CHARS = 2000
CHUNK_CHARS = 400
CHUNKS = 5
MIXED_MIN_CONFIDENCE = 0.9

# The five languages we must tell apart, plus the few others a Czech public-sector harvest meets:
# neighbours and large minorities (hu, uk, ru, vi) and the big EU languages of partnership
# documents (fr, it, es). Closely related languages we do not expect (sl, hr, bs, sr...) are left
# out on purpose: their profiles only act as sinks for short Czech/Slovak text (measured in
# bench/langid_accuracy.py: 55 profiles 98.8 %, this set 99.2 %).
CANDIDATES: tuple[str, ...] = ("cs", "sk", "pl", "de", "en", "hu", "uk", "ru", "fr", "it", "es", "vi")

CS_LETTERS = frozenset("řůě")
SK_LETTERS = frozenset("äľĺŕô")

CS_WORDS = frozenset("""
se jsem jsi jsme jste jsou
který která které kterého kterému kterém kterým kterou kteří kterých kterými
ktery ktera ktere kteri
nebo jako jak pro proto podle když velmi ještě může mohou můžeme
mezi jen jenž jež již tedy kdy kdo protože jejich této tohoto budou mají není
byl byla byli byly ve všechno všechny všech neboť též já teď tady roce
""".split())

SK_WORDS = frozenset("""
sa som sme ste sú
ktorý ktorá ktoré ktorého ktorému ktorom ktorým ktorú ktorí ktorých ktorými ktorej
ktory ktora ktore ktori
alebo ako pre preto podľa keď veľmi ešte môže môžu môžeme
medzi len iba aj kedy kto prečo pretože ich tejto budú majú nie
bol bola bolo boli vo zo všetko všetky všetkých lebo tiež okrem čo
""".split())

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MAIL = re.compile(r"\S+@\S+\.\w+")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class LanguageGuess:
    code: str | None
    confidence: float
    mixed: bool = False
    evidence: dict = field(default_factory=dict, compare=False, hash=False)


@lru_cache(maxsize=4)
def _factory(candidates: tuple[str, ...] | None) -> DetectorFactory:
    """A private, seeded langdetect factory for the candidate languages (None = all profiles)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    profile_dir = Path(PROFILES_DIRECTORY)
    names = sorted(p.name for p in profile_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    if candidates is not None:
        names = [n for n in names if n in candidates]
    factory = DetectorFactory()
    factory.seed = SEED
    for index, name in enumerate(names):
        data = json.loads((profile_dir / name).read_text(encoding="utf-8"))
        factory.add_profile(LangProfile(**data), index, len(names))
    return factory


def clean(text: str) -> str:
    """Text as langdetect should see it: NFC, without URLs, e-mails, digits; spaces squeezed."""
    text = unicodedata.normalize("NFC", text or "")
    text = _URL.sub(" ", text)
    text = _MAIL.sub(" ", text)
    text = _DIGITS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if c.isupper()) > 0.6 * len(letters)


def _langdetect(sample: str, candidates: tuple[str, ...] | None) -> dict[str, float]:
    """Full probability vector of langdetect on the sample (fresh detector, seeded).

    langdetect ignores all-capital words (it takes them for acronyms), so a text written mostly in
    capitals (a title, a heading) is lower-cased first, or nothing of it would be read."""
    factory = _factory(candidates)
    detector = factory.create()
    detector.append(sample.lower() if _mostly_capitals(sample) else sample)
    try:
        detector.get_probabilities()
    except LangDetectException:
        return {}
    return dict(zip(factory.get_lang_list(), detector.langprob))


def _content_words(text: str) -> list[str]:
    """Word tokens without acronyms (ZO, ROH, EU): all-capital words count only in all-capital text."""
    tokens = words(text)
    if _mostly_capitals(text):
        return tokens
    return [w for w in tokens if not (w.isupper() and len(w) > 1)]


def cs_sk_markers(text: str) -> dict:
    """Czech-only and Slovak-only letters and function words found in the text (with counts)."""
    lowered = text.casefold()
    cs_letters = Counter(c for c in lowered if c in CS_LETTERS)
    sk_letters = Counter(c for c in lowered if c in SK_LETTERS)
    tokens = [w.casefold() for w in _content_words(text)]
    cs_words = Counter(w for w in tokens if w in CS_WORDS)
    sk_words = Counter(w for w in tokens if w in SK_WORDS)
    return {
        "cs_letters": dict(sorted(cs_letters.items())),
        "sk_letters": dict(sorted(sk_letters.items())),
        "cs_words": dict(sorted(cs_words.items())),
        "sk_words": dict(sorted(sk_words.items())),
        "cs_points": sum(cs_letters.values()) + sum(cs_words.values()),
        "sk_points": sum(sk_letters.values()) + sum(sk_words.values()),
    }


def lexicon_evidence(text: str) -> dict:
    """Lower-case words simplemma's dictionary knows for only one of cs / sk (names are skipped
    by skipping capitalised words). Loads the sk dictionary (~110 MB, ~2 s) on first use."""
    import simplemma

    cs_only, sk_only = Counter(), Counter()
    for w in words(text):
        if not w.islower() or len(w) < 2:  # capitalised words are mostly names
            continue
        in_cs, in_sk = simplemma.is_known(w, "cs"), simplemma.is_known(w, "sk")
        if in_cs and not in_sk:
            cs_only[w] += 1
        elif in_sk and not in_cs:
            sk_only[w] += 1
    return {"cs_lexicon": dict(sorted(cs_only.items())), "sk_lexicon": dict(sorted(sk_only.items())),
            "cs_points": sum(cs_only.values()), "sk_points": sum(sk_only.values())}


def _guess_sample(sample: str, candidates: tuple[str, ...] | None,
                  lexicon: bool = True) -> tuple[str | None, float, dict]:
    probs = _langdetect(sample, candidates)
    evidence: dict = {
        "sample_chars": len(sample),
        "langdetect": {k: round(v, 4) for k, v in sorted(probs.items(), key=lambda kv: -kv[1]) if v >= 0.01},
    }
    if not probs:
        return None, 0.0, evidence
    top, p_top = max(probs.items(), key=lambda kv: (kv[1], kv[0]))
    p_cs, p_sk = probs.get("cs", 0.0), probs.get("sk", 0.0)
    p_other = max((p for lang, p in probs.items() if lang not in ("cs", "sk")), default=0.0)
    if top not in ("cs", "sk") and p_cs + p_sk <= p_other:
        return top, round(float(p_top), 4), evidence

    markers = cs_sk_markers(sample)
    mass = min(1.0, p_cs + p_sk)
    cs_pts, sk_pts = markers["cs_points"], markers["sk_points"]
    if cs_pts == sk_pts and lexicon:
        lex = lexicon_evidence(sample)
        markers["lexicon"] = lex
        cs_pts, sk_pts = lex["cs_points"], lex["sk_points"]
    pair_share = {"cs": p_cs / (p_cs + p_sk), "sk": p_sk / (p_cs + p_sk)} if p_cs + p_sk > 0 else {"cs": .5, "sk": .5}
    if cs_pts != sk_pts:
        code = "cs" if cs_pts > sk_pts else "sk"
        # the winner's share of the evidence, discounted when there is little of it (1 point: 1/2,
        # 2: 3/4, 4: 15/16); never below what langdetect alone gives the same answer
        share = max(cs_pts, sk_pts) / (cs_pts + sk_pts) * (1 - 0.5 ** abs(cs_pts - sk_pts))
        share = max(share, pair_share[code])
        markers["decided_by"] = "lexicon" if "lexicon" in markers else "markers"
    else:
        code = "cs" if p_cs >= p_sk else "sk"
        share = pair_share[code]
        markers["decided_by"] = "langdetect"
    evidence["cs_sk"] = markers
    return code, round(mass * share, 4), evidence


def _spread_chunks(text: str, n: int, size: int) -> list[tuple[int, str]]:
    """n chunks of ~size characters, evenly spread from start to end, cut at spaces."""
    last = max(0, len(text) - size)
    chunks = []
    for i in range(n):
        start = round(i * last / (n - 1)) if n > 1 else 0
        if start > 0:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < start + size // 4 else start
        end = start + size
        if end < len(text):
            space = text.rfind(" ", start + size * 3 // 4, end)
            end = space if space > 0 else end
        chunks.append((start, text[start:end]))
    return chunks


def detect_language(text: str, candidates: tuple[str, ...] | None = CANDIDATES,
                    lexicon: bool = True) -> LanguageGuess:
    """ISO 639-1 language of the text with confidence, a mixed-language flag and evidence."""
    if not isinstance(text, str):
        return LanguageGuess(None, 0.0, False, {"reason": "not text"})
    candidates = tuple(sorted(candidates)) if candidates is not None else None
    cleaned = clean(text)
    letters = _letters(cleaned)
    if letters < MIN_LETTERS:
        return LanguageGuess(None, 0.0, False, {"reason": "too few letters", "letters": letters})

    if len(cleaned) <= HEAD_CHARS:
        code, confidence, evidence = _guess_sample(cleaned, candidates, lexicon)
        evidence["letters"] = letters
        return LanguageGuess(code, confidence if code else 0.0, False, evidence)

    chunk_guesses = []
    for start, chunk in _spread_chunks(cleaned, CHUNKS, CHUNK_CHARS):
        if _letters(chunk) < MIN_LETTERS:
            continue
        code, confidence, ev = _guess_sample(chunk, candidates, lexicon)
        chunk_guesses.append({"start": start, "code": code, "confidence": confidence, **ev})
    votes: dict[str, list[float]] = {}
    for g in chunk_guesses:
        if g["code"]:
            votes.setdefault(g["code"], []).append(g["confidence"])
    evidence = {"letters": letters, "text_chars": len(cleaned), "chunks": chunk_guesses}
    if not votes:
        return LanguageGuess(None, 0.0, False, evidence)
    order = [g["code"] for g in chunk_guesses if g["code"]]
    primary = max(votes, key=lambda c: (len(votes[c]), sum(votes[c]), -order.index(c)))
    confidence = round(sum(votes[primary]) / len(chunk_guesses), 4)
    others = sorted({g["code"] for g in chunk_guesses
                     if g["code"] and g["code"] != primary and g["confidence"] >= MIXED_MIN_CONFIDENCE})
    evidence["other_languages"] = others
    return LanguageGuess(primary, confidence, bool(others), evidence)
