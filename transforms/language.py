"""Language identification of harvested text: `detect_language(text) -> LanguageGuess`.

Pure and deterministic: same text, same answer, whatever was detected before (ANNOTATION.md).

How a guess is made
-------------------
1. **Clean and bound.** NFC, URLs / e-mail addresses / digits removed, whitespace squeezed; a
   text mostly in capitals is lower-cased for langdetect (which skips all-capital words).
   **Undetermined** (`code=None, confidence=0`, printed `und`) only when the text has no language
   content (`no_language_content`): no letters left (digits, punctuation, URLs, e-mails), or a
   single word that looks like a name or a label — capitalised or in capitals (Vince, GT,
   SERVERS), in no frequent-word list (`COMMON_WORDS`), not followed by . ! ? (then it is a
   one-word sentence: "Ticho.", "Congratulations!") and not written with letters only one
   candidate language uses (Příloha: ř, Czech). Also undetermined: a sample without a single
   letter any candidate writes (Greek, Arabic or Chinese text under the default `CANDIDATES`;
   langdetect would name its nearest candidate). Every other text gets a language, however short
   ("Why?" en, "Byla válka." cs). A text of at most `HEAD_CHARS` (2,000) characters is detected
   as one sample; a longer one as `CHUNKS` (5) chunks of `CHUNK_CHARS` (400) characters spread
   evenly from its start to its end (cut at spaces), so langdetect never sees more than ~2,000
   characters per call (ENGINEERING.md: its cost grows with length).
2. **langdetect, seeded and private.** We build our own `DetectorFactory` (profile files loaded in
   sorted order, `seed = 0`) and a fresh `Detector` per sample. The detector reseeds its RNG from
   the factory seed on every detection, so the result depends only on the sample, never on call
   order, and the global `langdetect.detect` state is left alone. Candidates are restricted to
   `CANDIDATES` (why: see there); `detect_language(text, candidates=None)` uses all 55 profiles.
   A sample of `SHORT_LETTERS` (60) letters or more takes langdetect's top candidate (cs and sk:
   step 4).
3. **Short text: words join langdetect.** Below 60 letters langdetect's probabilities are a vote
   of 7 random trials over a handful of character n-grams ("Where do we vote?" -> de, "A odjel
   jsem." -> hu), so each language group (cs and sk together as one) is scored
   `prior x (p_langdetect + PROB_FLOOR) x WORD_LR^(words of the text in the group's frequent-word
   list) / LETTER_LR^(words written with a letter the group does not use)`, normalised into a
   posterior; the highest wins (ties: cs, sk, pl, de, en first). The frequent-word lists
   (`COMMON_WORDS`, ~200-260 words for cs, sk, pl, de, en, 45-100 for the others) hold function
   words, forms of be/have, pronouns, question words and everyday words (yes, no, thanks, please),
   written from general knowledge of each language; a word in several lists counts for each
   ("to": en, cs, sk, pl), so only words that tell languages apart decide. One listed word
   outweighs langdetect's vote (WORD_LR x PROB_FLOOR = 10). `ALPHABETS` give the letters each
   language writes ("kpił" cannot be Czech, "příloha" cannot be Polish). The five languages the
   harvest meets get a prior `MAIN_PRIOR` (10) over the other candidates. Confidence = the
   posterior (cs/sk: the group's posterior x the share of step 4). The lists cost ~180 KiB and
   microseconds; no dictionary is loaded for this step.
4. **Czech or Slovak.** langdetect's character n-grams confuse the two on short text. When its
   top candidate is cs or sk — or cs and sk together outweigh every other candidate (short text:
   when the cs+sk group wins step 3) — we decide with evidence that belongs to one language only:
   * letters: Czech alone writes ř, ů, ě; Slovak alone writes ä, ľ, ĺ, ŕ, ô;
   * function words frequent in one language and absent from the other (`CS_WORDS`, `SK_WORDS`):
     Czech se / jsem / jsou / který… / nebo / jako / pro / podle / když / jen / byl / ne / proč…;
     Slovak sa / som / sú / ktorý… / alebo / ako / pre / podľa / keď / len / bol / nie / prečo… .
     Words the two share (je, aby, už, však, ale, tak, ten, také = "also" cs / "such" sk…) are
     not evidence. A word is also left out when it equals a word of the other language once that
     one is written without diacritics (cs "co", "ze" vs sk "čo", "že"; sk "pri", "dve", "ja" vs
     cs "při", "dvě", "já"), or is an existing, if rarer, word of the other language (sk "jej",
     "teda", "ku", "so" are also Czech). All-capital tokens (ZO, ROH, EU) are acronyms, not
     words, unless the whole text is written in capitals.
   Every occurrence counts one point for its language; more points wins.
   On a tie (typically a short sentence with none of these markers) the **lexicon** decides:
   lower-case words (capitalised ones are mostly names; a capitalised word that begins a sentence
   is read in lower case, its capital being spelling: "Dlhodobé dopady") that simplemma's Czech
   dictionary knows and its Slovak one does not, and vice versa, one point each ("odešla",
   "nabídla" cs; "napísala", "niektorých" sk). Still tied: langdetect's own cs-vs-sk order decides.
   The lexicon costs ~110 MB (the sk dictionary; czech_text already loads the cs one) and ~2 s,
   once per process and only when a tie happens; `lexicon=False` switches it off.
   Confidence = the cs+sk probability mass x the winner's share of the evidence, discounted when
   the evidence is thin (margin of 1 point: x1/2, 2: x3/4…), but never below langdetect's own
   share for the same answer.
5. **Mixed documents.** For a long text each chunk gets its own guess; the document's code is the
   majority (ties: larger summed confidence, then the earlier chunk), its confidence the summed
   confidence of agreeing chunks over the number of chunks, and `mixed` is true when at least one
   chunk is confidently (>= `MIXED_MIN_CONFIDENCE`) another language — e.g. a Czech plan with a
   long English or German section, or a Czech document with a Slovak annex.

`evidence` keeps what the decision rests on: sample size, the langdetect probabilities (>= 0.01),
for short text the posterior per group (>= 0.01), the listed words found and the count of words a
group cannot write, the cs/sk markers found and which rule decided, per-chunk guesses for long
documents, and for an undetermined text the `reason`.
"""
from __future__ import annotations

import json
import math
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
MIN_LETTERS = 10  # a chunk of a long document with fewer letters (a table of figures) has no vote
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
ne proč tohle vím víš chci
""".split())

SK_WORDS = frozenset("""
sa som sme ste sú
ktorý ktorá ktoré ktorého ktorému ktorom ktorým ktorú ktorí ktorých ktorými ktorej
ktory ktora ktore ktori
alebo ako pre preto podľa keď veľmi ešte môže môžu môžeme
medzi len iba aj kedy kto prečo pretože ich tejto budú majú nie
bol bola bolo boli vo zo všetko všetky všetkých lebo tiež okrem čo
viem vieš chcem niečo niekto
""".split())

# Frequent words per candidate language: function words (articles, prepositions, conjunctions,
# pronouns, particles), forms of "be" / "have" / modal verbs, question words, negation, and the
# words of everyday exchanges (yes, no, please, thanks, hello, good). Written from general
# knowledge of each language, not from any evaluation corpus.
COMMON_WORDS_TEXT: dict[str, str] = {
    "en": """
the a an and or but nor if then because so as than that this these those there here
what which who whom whose when where why how whether while though although unless until since
i you he she it we they me him her us them my your his its our their mine yours ours theirs
myself yourself himself herself itself ourselves themselves
is are was were be been being am do does did done doing have has had having
will would shall should can could may might must ought
not no yes of to in on at for with from by about into onto over after before under between
through during without within against among around across along behind beyond above below
up down out off again further once all any both each few more most other some such only own
same too very just also well now still even never always ever already yet soon often
get got gets getting go goes went gone going come came know knew think thought say said
like want need see saw make made take took give gave tell told let
good great nice bad new old much many one two first last next little lot lots
thanks thank please hi hello hey dear sorry ok okay yeah oh welcome regards
something anything nothing everything someone anyone everyone nobody somebody
i'm i've i'll i'd you're you've you'll he's she's it's we're we've they're they've
don't doesn't didn't can't couldn't won't wouldn't isn't aren't wasn't weren't
haven't hasn't hadn't shouldn't that's there's what's let's who's here's
""",
    "de": """
der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
und oder aber denn sondern doch dass weil wenn als ob wie wo was wer wen wem wessen warum
wann woher wohin womit wofür
ich du er sie es wir ihr mich mir dich dir ihn ihm uns euch ihnen sich
mein meine meinen meinem meiner dein deine sein seine seinen seinem seiner
ihre ihren ihrem ihrer unser unsere euer eure
nicht nichts auch noch schon nur sehr hier dort da jetzt dann immer nie wieder
ja nein mal so zu zum zur im ins am ans vom beim
in an auf aus bei mit nach von vor über unter für durch gegen ohne um bis seit
zwischen hinter neben während wegen trotz
ist sind war waren bin bist seid wäre sei gewesen wird werden wurde wurden worden
hat haben hatte hatten habe hast habt gehabt
kann können konnte muss müssen musste soll sollen sollte will wollen wollte darf dürfen
möchte möchten gibt gab geht ging macht gemacht sagt sagte
man alles alle allem allen viel viele mehr einfach etwas dieser diese dieses diesen diesem
jeder jede jedes andere anderen selbst schon sowie bereits sehr ganz gut gute guten
danke bitte hallo liebe lieber grüße gern gerne toll prima
""",
    "cs": """
a i ale nebo ani že když protože aby až než jak jako jestli zda tak takže pak proto
v ve na do z ze s se k ke o u od po pro při za před mezi nad pod bez přes podle kolem
kvůli proti
jsem jsi je jsme jste jsou byl byla bylo byli byly být bude budu budeš budeme budete budou
mám máš má máme máte mají měl měla mělo měli mít
můžu může můžeme můžete mohou mohl musím musí chci chce chtěl
není nejsou nemá nemám nevím vím víš ví
co kdo kde kdy proč jaký jaká jaké který která které čí kolik kam odkud
já ty on ona ono my vy oni ony mě mi mne mnou tě ti tebe tobě ho mu jej ji jí jeho její
nás vás nám vám jim jich je se si sebe sobě
můj moje má mého tvůj tvoje náš naše váš vaše jejich svůj svoje své
ten ta to ti ty toho tomu tom tím tu tento tato toto tyto tenhle tahle tohle ty
tady tam teď už ještě také taky jen jenom tak velmi moc hodně vždy nikdy někdy
ano ne no dobře děkuji děkuju díky prosím ahoj dobrý dobrá dobré den vážený vážená
všechno všichni něco nic někdo nikdo každý celý jiný sám
""",
    "sk": """
a aj ale alebo ani že keď lebo pretože aby až než ako či tak takže potom preto
v vo na do z zo s so k ku o u od po pre pri za pred medzi nad pod bez cez podľa okolo
kvôli proti
som si je sme ste sú bol bola bolo boli byť bude budem budeš budeme budete budú
mám máš má máme máte majú mal mala malo mali mať
môžem môže môžeme môžete môžu mohol musím musí chcem chce chcel
nie nemá nemám neviem viem vieš vie
čo kto kde kedy prečo aký aká aké ktorý ktorá ktoré čí koľko kam odkiaľ
ja ty on ona ono my vy oni ony ma mi mňa mne mnou ťa ti teba tebe ho mu jeho jej ju jemu
nás vás nám vám im ich sa si seba sebe
môj moja moje tvoj tvoja náš naša váš vaša ich svoj svoja svoje
ten tá to tí tie toho tomu tom tým tú tento táto toto tieto tamten
tu tam teraz už ešte tiež takisto len iba tak veľmi dosť vždy nikdy niekedy
áno nie no dobre ďakujem vďaka prosím ahoj dobrý dobrá dobré deň vážený vážená
všetko všetci niečo nič niekto nikto každý celý iný sám
""",
    "pl": """
i a ale lub albo ani że gdy kiedy bo ponieważ aby żeby jak jako niż czy więc też także
oraz jednak zatem potem dlatego
w we na do z ze od po przez przy dla za przed między nad pod bez o u ku obok według
jest są jestem jesteś jesteśmy jesteście był była było byli były być będzie będę będą
mam masz ma mamy macie mają miał miała miało mieli mieć
mogę może możemy mogą mógł muszę musi chcę chce chciał można trzeba
nie nic wiem wiesz wie
co kto gdzie kiedy dlaczego czemu jaki jaka jakie który która które czyj ile dokąd skąd
ja ty on ona ono my wy oni one mnie mi mną cię ciebie tobie ci go jego mu niego jej ją nią
nas was nam wam im ich nich się sobie siebie
mój moja moje twój twoja twoje nasz nasza nasze wasz wasza swój swoja swoje
ten ta to te tego tej temu tym tę tamten ten tutaj tu tam teraz wtedy
już jeszcze tylko bardzo zawsze nigdy czasem tak no
proszę dziękuję dzięki cześć dzień dobry dobrze pan pani panie państwo
wszystko wszyscy coś nic ktoś nikt każdy cały inny sam
""",
    "hu": """
a az egy és is hogy nem van volt lesz vagy de meg csak még már ez azt ezt az mint mert ha
amikor aki ami amely amit akkor így úgy
én te ő mi ti ők engem téged őt minket titeket őket nekem neked neki nekünk
igen köszönöm köszi kérem szia jó nagyon minden lehet kell itt ott most után között alatt
felett miatt szerint mellett nélkül
""",
    "fr": """
le la les un une des du de et ou mais donc car que qui quoi dont où ne pas plus
est sont être été était avoir ai as avons avez ont avait fait faire
il elle ils elles je tu nous vous on ce cette ces cet mon ma mes ton ta tes son sa ses
notre nos votre vos leur leurs lui eux moi toi se
dans sur sous pour par avec sans chez au aux en y entre vers très bien aussi
oui non merci bonjour salut comme quand tout tous toute toutes
c'est j'ai n'est qu'il d'un d'une l'on
""",
    "it": """
il lo la i gli le un uno una di da in con su per tra fra del dello della dei degli delle
al allo alla ai agli alle dal dalla nel nello nella nei negli nelle sul sulla
e ed o ma che chi non è sono sei siamo siete era erano essere ha hanno ho hai abbiamo avere
io tu lui lei noi voi loro mi ti ci si vi
questo questa questi queste quello quella quelli molto anche come dove quando perché
sì no grazie ciao più già ancora tutto tutti tutta bene
""",
    "es": """
el la los las un una unos unas de del al a en con por para sin sobre entre hasta desde
y o pero que qué quién como cómo donde dónde cuando cuándo porque no sí
es son está están estoy ser estar era fue ha han he hay
yo tú él ella nosotros vosotros ellos ellas me te se nos os lo le les
mi mis tu tus su sus nuestro nuestra este esta esto estos estas ese esa eso
muy más también ya todo todos toda todas gracias hola bien
""",
    "ru": """
и в не на я что он с как а то все она так его но да ты к у же вы за бы по только ее её
мне было вот от меня еще ещё нет о из ему теперь когда даже ну ли если уже или ни быть
был него до вас там потом себя ничего ей может они тут где есть надо для мы тебя их чем
была сам без будет тогда кто этот это эта эти очень спасибо пожалуйста здравствуйте
""",
    "uk": """
і й в у не на я що він з як а то все вона так його але та ти до ви за б би по тільки її
мені було від мене ще ні о із йому тепер коли навіть чи якщо вже або бути був там потім
себе нічого може вони тут де є треба для ми тебе їх ніж була сам без буде тоді хто цей
це ця ці дуже дякую будь ласка привіт
""",
    "vi": """
và của là có không được những các một người trong cho này với đã để khi đến từ ra về
nhưng cũng như thì tôi bạn anh chị em chúng họ nó rất lại sẽ đang vào theo nhiều
cảm ơn xin chào vâng
""",
}

COMMON_WORDS: dict[str, frozenset[str]] = {lang: frozenset(text.split()) for lang, text in COMMON_WORDS_TEXT.items()}

# Letters beyond a-z each language writes (Cyrillic languages: their own alphabet, no a-z).
_LATIN = "abcdefghijklmnopqrstuvwxyz"
ALPHABETS: dict[str, frozenset[str]] = {
    "cs": frozenset(_LATIN + "áčďéěíňóřšťúůýž"),
    "sk": frozenset(_LATIN + "áäčďéíĺľňóôŕšťúýž"),
    "pl": frozenset(_LATIN + "ąćęłńóśźż"),
    "de": frozenset(_LATIN + "äöüß"),
    "en": frozenset(_LATIN),
    "hu": frozenset(_LATIN + "áéíóöőúüű"),
    "fr": frozenset(_LATIN + "àâæçéèêëîïôœùûüÿ"),
    "it": frozenset(_LATIN + "àèéìíîòóùú"),
    "es": frozenset(_LATIN + "áéíñóúü"),
    "vi": frozenset(_LATIN + "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"),
    "ru": frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
    "uk": frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"),
}

# Short text (fewer than SHORT_LETTERS letters): langdetect's probabilities are a vote of 7 random
# trials over a handful of n-grams, so word evidence joins them (step 3 of the module docstring).
# posterior(group) ~ prior x (langdetect probability + PROB_FLOOR) x WORD_LR ** listed words
#                    / LETTER_LR ** words the language cannot write.
# Measured on half of the UD dev sentences (bench/langid_accuracy.py --half even): results are flat
# for SHORT_LETTERS 60..250 and once WORD_LR x PROB_FLOOR >= 3, i.e. a listed word outweighs
# langdetect's vote; above 60 letters nothing changes, so longer text keeps langdetect's answer as is.
SHORT_LETTERS = 60
PROB_FLOOR = 0.1
WORD_LR = 100.0
LETTER_LR = 100.0
# Prior of the languages a Czech harvest meets most (cs/sk, pl, de, en) over the other candidates:
# a domain belief, not fitted (the dev sentences hold only those five, so they would push it up
# without limit). A short line with one French/Italian/... frequent word still goes to that language.
MAIN_PRIOR = 10.0
MAIN_LANGUAGES = ("cs", "sk", "pl", "de", "en")

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MAIL = re.compile(r"\S+@\S+\.\w+")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")  # as transforms.czech_text.words
_ONE_WORD_SENTENCE = re.compile(r"[^\W\d_][\"'“”»«)\]]*[.!?…]")


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


def _content_words(text: str, tokenizer=words) -> list[str]:
    """Word tokens without acronyms (ZO, ROH, EU): all-capital words count only in all-capital text."""
    tokens = tokenizer(text)
    if _mostly_capitals(text):
        return tokens
    return [w for w in tokens if not (w.isupper() and len(w) > 1)]



def _letter_set(token: str) -> set[str]:
    return {c for c in token if c.isalpha()}


def _tokens(text: str) -> list[str]:
    """Word tokens (typographic apostrophes made plain, so "don’t" is one token like "don't")."""
    return words(text.replace("\u2019", "'"))


def _group(lang: str) -> str:
    """cs and sk are one group in the short-text decision; the cs/sk rules split them afterwards."""
    return "cs+sk" if lang in ("cs", "sk") else lang


def _tie_rank(group: str) -> tuple[int, str]:
    """Equal posteriors: the main languages in `CANDIDATES` order first, then by name (deterministic)."""
    main = [_group(lang) for lang in CANDIDATES if lang in MAIN_LANGUAGES]
    return (main.index(group), "") if group in main else (len(main), group)


@lru_cache(maxsize=1)
def _group_vocabularies() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Frequent words and alphabet per language group (cs+sk: both lists and the cs/sk markers)."""
    vocab = {lang: words_ for lang, words_ in COMMON_WORDS.items() if lang not in ("cs", "sk")}
    vocab["cs+sk"] = COMMON_WORDS["cs"] | COMMON_WORDS["sk"] | CS_WORDS | SK_WORDS
    alphabet = {lang: letters for lang, letters in ALPHABETS.items() if lang not in ("cs", "sk")}
    alphabet["cs+sk"] = ALPHABETS["cs"] | ALPHABETS["sk"]
    return vocab, alphabet


def word_evidence(text: str, groups) -> dict[str, dict[str, list[str]]]:
    """Per language group, the words of the text in its frequent-word list (`words`) and the words
    written with a letter it does not use (`foreign`: "kpił" is not Czech, "příloha" not Polish).
    Groups without a list (languages outside `COMMON_WORDS`) get neither."""
    vocab, alphabet = _group_vocabularies()
    found: dict[str, list[str]] = {}
    foreign: dict[str, list[str]] = {}
    tokens = [t.casefold() for t in _content_words(text, tokenizer=_tokens)]
    for g in sorted(groups):
        if g not in vocab:
            continue
        hits = [t for t in tokens if t in vocab[g]]
        alien = [t for t in tokens if not _letter_set(t) <= alphabet[g]]
        if hits:
            found[g] = hits
        if alien:
            foreign[g] = alien
    return {"words": found, "foreign": foreign}


def _short_text_posterior(sample: str, probs: dict[str, float],
                          candidates: tuple[str, ...] | None) -> tuple[dict[str, float], dict]:
    """Posterior over language groups of a short sample (see SHORT_LETTERS) and the word evidence."""
    languages = sorted(set(probs) | set(candidates if candidates is not None else COMMON_WORDS))
    mass: dict[str, float] = {}
    for lang in languages:
        mass[_group(lang)] = mass.get(_group(lang), 0.0) + probs.get(lang, 0.0)
    ev = word_evidence(sample, mass)
    main = {_group(lang) for lang in MAIN_LANGUAGES}
    log_scores = {g: (math.log(MAIN_PRIOR if g in main else 1.0) + math.log(p + PROB_FLOOR)
                      + math.log(WORD_LR) * len(ev["words"].get(g, ()))
                      - math.log(LETTER_LR) * len(ev["foreign"].get(g, ())))
                  for g, p in mass.items()}
    top = max(log_scores.values())
    weights = {g: math.exp(s - top) for g, s in log_scores.items()}
    total = sum(weights.values())
    return {g: w / total for g, w in weights.items()}, ev


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


_SENTENCE_START = re.compile(r"(?:^|[.!?…:]\s)[\W\d_]*$")


def _sentence_initial_lowered(text: str) -> list[str]:
    """Word tokens, a capitalised word that begins a sentence lower-cased ("Dlhodobé dopady" ->
    dlhodobé): there the capital is spelling, not a name. Capitals elsewhere are left as they are."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        if w[:1].isupper() and w[1:].islower() and _SENTENCE_START.search(text, 0, m.start()):
            w = w.lower()
        out.append(w)
    return out


def lexicon_evidence(text: str) -> dict:
    """Lower-case words simplemma's dictionary knows for only one of cs / sk (names are skipped
    by skipping capitalised words, except a sentence's first word). Loads the sk dictionary
    (~110 MB, ~2 s) on first use."""
    import simplemma

    cs_only, sk_only = Counter(), Counter()
    for w in _sentence_initial_lowered(text):
        if not w.islower() or len(w) < 2:  # capitalised words are mostly names
            continue
        in_cs, in_sk = simplemma.is_known(w, "cs"), simplemma.is_known(w, "sk")
        if in_cs and not in_sk:
            cs_only[w] += 1
        elif in_sk and not in_cs:
            sk_only[w] += 1
    return {"cs_lexicon": dict(sorted(cs_only.items())), "sk_lexicon": dict(sorted(sk_only.items())),
            "cs_points": sum(cs_only.values()), "sk_points": sum(sk_only.values())}



def no_language_content(text: str, candidates: tuple[str, ...] | None = CANDIDATES) -> str | None:
    """Why the text has no language to detect ("no letters", "a single name-like word"), or None
    when it has some.

    No letters once URLs, e-mail addresses and digits are removed, or a single word that looks
    like a name or a label: capitalised or in capitals (Vince, GT, SERVERS), in no frequent-word
    list, not followed by . ! ? (a one-word sentence: "Ticho.") and not written with letters that
    only one candidate language uses (Příloha has ř: Czech)."""
    return _no_language_content(clean(text), candidates)


def _no_language_content(text: str, candidates: tuple[str, ...] | None) -> str | None:
    if not any(c.isalpha() for c in text):
        return "no letters"
    found = _WORD.finditer(text.replace("\u2019", "'"))
    first, second = next(found, None), next(found, None)  # a long text is not read to its end
    if first is None or second is not None or first.group().islower():
        return None
    tokens = [first.group()]
    if _ONE_WORD_SENTENCE.search(text):  # "Ticho." "Congratulations!" "Chápete?": a sentence of one word
        return None
    token = tokens[0].casefold()
    languages = [lang for lang in (candidates if candidates is not None else ALPHABETS) if lang in ALPHABETS]
    if any(token in COMMON_WORDS[lang] for lang in languages) or token in CS_WORDS or token in SK_WORDS:
        return None
    writers = [lang for lang in languages if _letter_set(token) <= ALPHABETS[lang]]
    if len(writers) == 1:
        return None
    return "a single name-like word"

@lru_cache(maxsize=4)
def _candidate_letters(candidates: tuple[str, ...] | None) -> frozenset[str] | None:
    """Every letter some candidate writes; None when a candidate has no known alphabet (all profiles)."""
    if candidates is None or any(lang not in ALPHABETS for lang in candidates):
        return None
    return frozenset().union(*(ALPHABETS[lang] for lang in candidates))


def _guess_sample(sample: str, candidates: tuple[str, ...] | None,
                  lexicon: bool = True) -> tuple[str | None, float, dict]:
    letters = _candidate_letters(candidates)
    if letters is not None and not any(c in letters for c in sample.casefold()):
        # Greek, Arabic, Chinese... : langdetect would still name its nearest candidate
        return None, 0.0, {"sample_chars": len(sample), "reason": "no letter of a candidate language"}
    probs = _langdetect(sample, candidates)
    evidence: dict = {
        "sample_chars": len(sample),
        "langdetect": {k: round(v, 4) for k, v in sorted(probs.items(), key=lambda kv: -kv[1]) if v >= 0.01},
    }
    p_cs, p_sk = probs.get("cs", 0.0), probs.get("sk", 0.0)
    if _letters(sample) < SHORT_LETTERS:
        posterior, ev = _short_text_posterior(sample, probs, candidates)
        if not probs and not ev["words"]:
            return None, 0.0, evidence
        top = min(posterior, key=lambda g: (-posterior[g], _tie_rank(g)))
        p_top = posterior[top]
        shown = sorted((g for g, p in posterior.items() if p >= 0.01), key=lambda g: (-posterior[g], _tie_rank(g)))
        evidence["posterior"] = {g: round(posterior[g], 4) for g in shown}
        evidence["words"] = ev["words"]
        evidence["foreign_words"] = {g: len(ev["foreign"][g]) for g in shown if g in ev["foreign"]}
        if top != "cs+sk":
            return top, round(p_top, 4), evidence
        mass = p_top
    else:
        if not probs:
            return None, 0.0, evidence
        top, p_top = max(probs.items(), key=lambda kv: (kv[1], kv[0]))
        p_other = max((p for lang, p in probs.items() if lang not in ("cs", "sk")), default=0.0)
        if top not in ("cs", "sk") and p_cs + p_sk <= p_other:
            return top, round(float(p_top), 4), evidence
        mass = min(1.0, p_cs + p_sk)

    markers = cs_sk_markers(sample)
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
    reason = _no_language_content(cleaned, candidates)
    if reason:
        return LanguageGuess(None, 0.0, False, {"reason": reason, "letters": letters})

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
