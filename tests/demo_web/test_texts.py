"""Issue 7: demo web texts independent of the classifier, strategies a few per cent, hard negatives planted.

The generator writes its documents from its own vocabulary and templates (vocab.py, strategy_texts.py,
ordinary_texts.py); these tests check that it never reaches into transforms/ or the taxonomy, that the
default web looks like real municipal sites (a few per cent strategies among ordinary paperwork), that
strategies carry what a real strategy has in varied wording, and that the hard negatives are there and
recorded in the manifest.
"""
from __future__ import annotations

import ast
import itertools
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from demo_web.manifest import build_rows, composition, distinct_documents
from demo_web.model import HARD_NEGATIVES, STRATEGY_TYPES
from demo_web.texts import compose, plain_text
from demo_web.vocab import local

DEMO_WEB = Path(__file__).resolve().parents[2] / "demo_web"
MAIN_PLANS = ("strategic_development_plan_municipal", "programme_municipal_development")


def _sources() -> list[Path]:
    files = sorted(DEMO_WEB.rglob("*.py"))
    assert len(files) >= 15
    return files


def _text(doc) -> str:
    return plain_text(compose(doc.spec))


def _docs(web, pred=lambda d: True):
    return [d for s in web.sites for d in s.docs if pred(d)]


@pytest.fixture(scope="module")
def rows40(web40):
    return build_rows(web40, hashes=False)


@pytest.fixture(scope="module")
def rows8(web8):
    return build_rows(web8, hashes=False)


# ------------------------------------------------------------------ independence from the classifier
def test_demo_web_never_imports_transforms():
    offenders = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] if node.level == 0 else []
            else:
                continue
            offenders += [f"{path.name}: import {n}" for n in names if n.split(".")[0] in ("transforms", "pipelines")]
    assert not offenders, offenders


def _docstring_ids(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)):
            out.add(id(body[0].value))
    return out


def test_demo_web_never_reads_the_taxonomy_or_transforms_data():
    """No string the code uses (docstrings aside) points at the taxonomy or transforms/data/*.json."""
    pattern = re.compile(r"taxonomy|transforms[/\\.]|shared[/\\]domain|keywords_cs|title_regex|first_page_cues|"
                         r"\.json\b")
    offenders = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        docstrings = _docstring_ids(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                    and pattern.search(node.value.replace("sites.json", "").replace("cep_truth.json", ""))):  # its own outputs
                offenders.append(f"{path.name}:{node.lineno}: {node.value[:60]!r}")
    assert not offenders, offenders


def test_building_and_rendering_the_web_loads_nothing_from_transforms():
    """The running generator (model, texts, renderers, manifest, server) pulls in no transforms/ module."""
    code = ("import sys\n"
            "from demo_web.model import build_web\n"
            "from demo_web.manifest import build_rows\n"
            "from demo_web.documents import render\n"
            "from demo_web import server, pages, cli, process\n"
            "web = build_web(8)\n"
            "rows = build_rows(web, hashes=False)\n"
            "for d in [d for s in web.sites for d in s.docs if d.fmt in ('pdf', 'docx')][:40]:\n"
            "    render(d.spec)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('transforms', 'pipelines'))\n"
            "print(repr(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=DEMO_WEB.parent, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout


def test_text_modules_use_no_wall_clock():
    for name in ("texts.py", "vocab.py", "strategy_texts.py", "ordinary_texts.py", "model.py", "dedup.py"):
        src = (DEMO_WEB / name).read_text(encoding="utf-8")
        assert not re.search(r"\b(?:date\.today|datetime\.now|time\.time)\(", src), name


# ------------------------------------------------------------------ composition of the web
def test_strategies_are_a_few_per_cent_of_the_default_web(rows40):
    c = composition(rows40)
    print("default web composition:", c)
    assert c["distinct_documents"] >= 1000
    assert 0.03 <= c["strategy_share"] <= 0.06, c
    reachable = composition([r for r in rows40 if r["expect_in_document_urls"]])
    assert 0.03 <= reachable["strategy_share"] <= 0.06, reachable


def test_the_small_web_is_mostly_ordinary_paperwork(rows8):
    c = composition(rows8)
    print("8-site web composition:", c)
    assert c["distinct_strategies"] >= 15  # enough for the integration tests to follow strategies through
    assert c["strategy_share"] <= 0.10, c


def test_ordinary_documents_are_of_many_kinds(rows40):
    kinds = Counter(r["doc_kind"] for r in distinct_documents(rows40) if not r["is_strategy"])
    expected = {"minutes", "resolutions", "budget", "closing_account", "budget_outlook", "budget_measure",
                "ordinance", "notice", "authority_notice", "hearing_notice", "waste_schedule", "newsletter",
                "form", "price_list", "invitation", "tender", "grant_contract", "annual_report", "spatial_plan"}
    assert expected <= set(kinds), expected - set(kinds)
    assert max(kinds.values()) < 0.25 * sum(kinds.values())  # no single kind dominates


# ------------------------------------------------------------------ hard negatives
def test_hard_negatives_are_recorded_in_the_manifest(rows40, rows8):
    for rows in (rows40, rows8):
        hard = [r for r in rows if r.get("hard_negative")]
        assert {r["hard_negative"] for r in hard} == set(HARD_NEGATIVES)
        for r in hard:
            assert r["is_strategy"] is False, r["url"]
            assert r["doc_type"] in ("other", "budget_outlook"), (r["url"], r["doc_type"])
            assert (r["doc_type"] == "budget_outlook") == (r["doc_kind"] == "budget_outlook")
    # every kind is reachable by a polite crawler of the small web the integration tests harvest
    reachable = Counter(r["hard_negative"] for r in rows8 if r.get("hard_negative") and r["expect_in_document_urls"])
    assert set(reachable) == set(HARD_NEGATIVES), reachable
    assert all(r["hard_negative"] is None for r in rows40 if r["is_strategy"])


def test_hard_negatives_talk_like_strategies(web40):
    """Each hard negative names a plan, its period or the projects a strategy would list."""
    plans = {}
    for s in web40.sites:
        plans[s.site_id] = [d for d in s.docs if d.spec.doc_type in MAIN_PLANS]
    by_kind = defaultdict(list)
    for d in _docs(web40, lambda d: d.hard_negative):
        by_kind[d.hard_negative].append(d)
    for d in by_kind["plan_approval_minutes"]:
        text = _text(d)
        plan = next(p for p in plans[d.site_id] if p.spec.title == d.spec.ref[0])
        assert plan.spec.title in text and plan.resolution in text, d.spec.title
        assert re.search(r"schvaluje", text) and (d.spec.title.startswith(("Zápis", "Usnesení", "Výpis")))
    for d in by_kind["strategy_hearing_notice"]:
        text = _text(d)
        assert d.spec.ref[0] in text and re.search(r"projednání|připomínk", text, re.I), d.spec.title
    for d in by_kind["tender_citing_plan"]:
        text = _text(d)
        assert d.spec.ref[0] in text and "Výzva k podání nabídky" in d.spec.title
    for d in by_kind["newsletter_smart_article"]:
        sections = compose(d.spec).sections
        heads = [h for h, _ in sections]
        assert len(heads) >= 5  # several articles
        smart = [h for h, paras in sections if re.search(r"chytr|čidl|radar|sám|samy|ztlumí", " ".join(paras), re.I)]
        assert len(smart) == 1, heads
    lamps = sum("lamp" in _text(d).lower() for d in by_kind["newsletter_smart_article"])
    assert lamps >= len(by_kind["newsletter_smart_article"]) / 3  # street lamps are the most common gadget
    for d in by_kind["budget_investments"]:
        text = _text(d).lower()
        assert re.search(r"osvětlení|zastáv|terminál", text), d.spec.title
    kinds = Counter(d.spec.doc_type for d in by_kind["budget_investments"])
    assert {"budget", "budget_outlook", "closing_account"} <= set(kinds)


def test_ordinary_newsletters_have_no_smart_article(web8):
    plain = _docs(web8, lambda d: d.spec.doc_type == "newsletter" and not d.hard_negative)
    assert plain
    for d in plain:
        assert "lamp" not in _text(d).lower()


# ------------------------------------------------------------------ strategies read like strategies
def _parts_of(text: str) -> dict[str, bool]:
    return {
        "vision": bool(re.search(r"\bVize\b|V roce \d{4}|v roce \d{4} (?:soudržnou|místem)|Chceme, aby|\d{4}: ", text)),
        "areas": bool(re.search(r"Prioritní oblast|Priorita [A-J]|Rozvojová oblast|Oblast \d|Pilíř \d", text)),
        "goals": bool(re.search(r"[Cc]íl \d+\.\d+", text)),
        "measures": bool(re.search(r"Opatření \d+\.\d+\.\d+|Aktivita \d+\.\d+\.\d+|^\d+\.\d+\.\d+ ", text, re.M)),
        "indicators": bool(re.search(r"výchozí stav|→|cíl do roku", text)),
        "projects": bool(re.search(r"odhad|náklady cca|Předpokládané náklady", text)),
        "implementation": bool(re.search(r"zastupitelstv|kontrolní výbor|garant", text, re.I)),
    }


def test_development_plans_have_what_a_real_plan_has(web40):
    plans = _docs(web40, lambda d: d.spec.doc_type in MAIN_PLANS and d.fmt == "pdf")
    assert len(plans) >= 20
    for d in plans:
        text = _text(d)
        missing = [k for k, ok in _parts_of(text).items() if not ok]
        assert not missing, (d.spec.title, missing)
        y0, y1 = d.spec.validity
        cover = " ".join(compose(d.spec).cover_lines)
        assert f"{y0}–{y1}" in cover and d.spec.approval_line in cover
        assert re.search(r"ulic|místní část", text)  # concrete local projects


def test_other_strategies_have_their_own_substance(web40):
    seen = set()
    for d in _docs(web40, lambda d: d.spec.is_strategy and d.spec.doc_type not in MAIN_PLANS):
        c = compose(d.spec)
        text = plain_text(c)
        t = d.spec.doc_type
        seen.add(t)
        assert d.spec.validity and str(d.spec.validity[0]) in " ".join(c.cover_lines)
        if t == "action_plan":
            assert c.table and len(c.table) >= 7 and len(c.table[0]) == 5
        elif t == "smart_city_strategy":
            assert c.table and re.search(r"Pilotní projekt", text)
        elif t == "sump":
            assert re.search(r"pěšky \d+ %", text) and re.search(r"nehod", text)
        elif t == "territorial_energy_concept":
            assert re.search(r"\d[\d ]* MWh", text)
        elif t == "regional_development_strategy":
            assert re.search(r"Prioritní osa \d", text)
    assert {"action_plan", "smart_city_strategy", "sump", "territorial_energy_concept",
            "regional_development_strategy"} <= seen


def _min_words(d) -> int:
    """Real strategies run to pages: an action plan or a small village's programme 500+ words, others 700+."""
    small_village = d.spec.doc_type == "programme_municipal_development" and d.spec.population < 500
    return 500 if d.spec.doc_type == "action_plan" or small_village else 700


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def test_every_strategy_is_long_enough(web40):
    """Every strategy of the default web (municipal, regional, the MAS on the foreign host), as composed."""
    counts: dict[str, list[int]] = defaultdict(list)
    short = []
    for d in _docs(web40, lambda d: d.spec.is_strategy):
        n = _word_count(_text(d))
        counts[d.spec.doc_type].append(n)
        if n < _min_words(d):
            short.append((d.spec.title, d.spec.population, n))
    print({t: (min(v), sorted(v)[len(v) // 2], max(v)) for t, v in sorted(counts.items())})
    assert not short, short
    assert set(counts) == set(STRATEGY_TYPES)
    assert max(max(v) for v in counts.values()) < 4000  # long, not endless
    for t in MAIN_PLANS:  # a development plan is typically 800-2,000 words
        v = sorted(counts[t])
        assert 800 <= v[len(v) // 2] <= 2400, (t, v)


def test_strategy_pdfs_run_to_several_pages(web8):
    """The rendered text layer keeps the length: at least two pages of text after the cover page."""
    import pypdfium2 as pdfium

    from demo_web.documents import render

    seen = set()
    docs = [d for d in _docs(web8, lambda d: d.spec.is_strategy and d.fmt == "pdf" and d.spec.variant == "normal")
            if not (d.spec.seed in seen or seen.add(d.spec.seed))]
    assert len(docs) >= 10
    for d in docs:
        pdf = pdfium.PdfDocument(render(d.spec))
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        assert len(pages) >= 3, (d.spec.title, len(pages))
        assert _word_count(" ".join(pages)) >= _min_words(d), d.spec.title


def test_development_plans_have_the_chapters_of_real_ones(web40):
    """Introduction, preparation with the public, analysis with local figures, SWOT, vision, areas, indicators,
    projects, financing, implementation and monitoring, validity and approval."""
    chapters = {
        "participation": r"dotazník|anket|veřejné (?:setkání|projednání)|připomín",
        "figures": r"\d+,\d km²|km²",
        "population": r"\d+ obyvatel|počet obyvatel \d|obývá \d",
        "budget": r"příjm\w* .*(?:mil\.|tis\.|mld\.) Kč",
        "swot": r"Silné stránky|Co nám pomáhá|^S – ",
        "financing": r"dotac",
        "monitoring": r"vyhodnoc|zpráv\w* o plnění",
        "validity": r"platnost|platí od|zpracován na období",
    }
    plans = _docs(web40, lambda d: d.spec.doc_type in MAIN_PLANS and d.fmt == "pdf")
    for d in plans:
        text = _text(d)
        missing = [k for k, rx in chapters.items() if not re.search(rx, text, re.I | re.M)]
        assert not missing, (d.spec.title, missing)
        body = " ".join(p for _, paras in compose(d.spec).sections for p in paras)
        assert d.spec.approval_line in body  # the approval clause closes the text too
        assert any(s in text for s in local(d.spec.municipality).streets)


def test_strategy_wording_varies(web40):
    plans = _docs(web40, lambda d: d.spec.doc_type in MAIN_PLANS and not d.twin_group and not d.resave_group)
    headings = Counter(tuple(h for h, _ in compose(d.spec).sections[:3]) for d in plans)
    assert len(headings) >= 4, headings
    first_sentences = Counter(compose(d.spec).sections[0][1][0].split(". ")[0][:40] for d in plans)
    assert max(first_sentences.values()) <= 0.5 * len(plans)
    intros = Counter(re.sub(r"\d", "", compose(d.spec).sections[0][1][0])[:30] for d in plans)
    assert len(intros) >= 3


def test_strategy_texts_never_use_type_codes(web40):
    codes = STRATEGY_TYPES | {"budget_outlook", "spatial_plan", "evaluation_report", "sectoral_concept"}
    for d in _docs(web40, lambda d: d.fmt != "html")[:600]:
        text = _text(d)
        assert not any(c in text for c in codes), d.spec.title


# ------------------------------------------------------------------ no accidental near-duplicates
def _shingles(text: str, k: int = 5) -> set:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + k]) for i in range(len(words) - k + 1)}


def test_documents_outside_same_text_groups_are_not_near_duplicates(web8):
    """Only the planted groups share a text: two template documents (forms, waste calendars, minutes) differ."""
    seen, docs = set(), []
    for s in web8.sites:
        for d in s.docs:
            key = d.same_document_group or id(d)
            if s.foreign or d.spec.variant != "normal" or key in seen:
                continue
            seen.add(key)
            docs.append((d, _shingles(_text(d))))
    worst = (0.0, None)
    for (a, sa), (b, sb) in itertools.combinations(docs, 2):
        if not sa or not sb or min(len(sa), len(sb)) < 0.5 * max(len(sa), len(sb)):
            continue
        j = len(sa & sb) / len(sa | sb)
        if j > worst[0]:
            worst = (j, (a.spec.title, b.spec.title))
    assert worst[0] < 0.7, worst
