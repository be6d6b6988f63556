"""Build the project's versioned classification taxonomy from the shared domain taxonomy.

    python pipelines/build_taxonomy.py [path/to/shared/domain/taxonomy.json] [--out FILE] [--check]

Reads the shared research file (default ``<repo>/../shared/domain/taxonomy.json``), keeps what
classification needs and writes ``transforms/data/taxonomy.json`` (committed; loaded by
``transforms.taxonomy.load_taxonomy``). The output carries ``version`` (bump PROJECT_VERSION when
the rules change) and ``built_from`` (the shared file's ``meta.version`` and sha256).

Project additions (curated here, not in the shared file) are kept in separate ``project_*`` keys so
the provenance stays visible: extra title phrases for document types, titles of ordinary municipal
documents (which are never strategies), general vocabulary for areas, SMART-solution terms and the
known stem collisions named in the shared ``meta.matching_advice``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO / ".." / "shared" / "domain" / "taxonomy.json"
DEFAULT_OUT = REPO / "transforms" / "data" / "taxonomy.json"
PROJECT_VERSION = "2026.11.1"

# is_strategic of a type: shared `include` true, or "partial" (sectoral_concept) / "reference"
# (national_concept) - strategies too, only stored differently. false / "link_to_parent" are not.

# ---------------------------------------------------------------- project additions
PROJECT_DOC_TYPES: dict[str, dict] = {
    "action_plan": {
        # an implementation plan of a strategy is its action plan
        "project_title_regex": r"(?i)\b(implementační\w*\s+plán\w*|plán\w*\s+implementace)\b",
        "project_url_regex": r"(?i)(implementacni[-_]plan)",
    },
    "national_concept": {
        # a strategy/concept of the Czech Republic or of the whole public administration
        "project_title_regex": (
            r"(?i)\b(strategi\w*|koncepc\w*|národní\w*\s+plán\w*)\b.{0,120}?"
            r"\b(české\s+republiky|čr|veřejné\s+správě\s+české|státní\w*\s+správ\w*)\b"
        ),
    },
    "evaluation_report": {
        # annual status reports of a policy area ("Zpráva o stavu ... za rok")
        "project_title_regex": r"(?i)\b(zpráv\w*\s+o\s+stavu|zpráv\w*\s+o\s+průběhu\s+(realizace|plnění)|vyhodnocení\s+akčního\w*\s+plán\w*)\b",
    },
    "budget_outlook": {
        # "Rozpočet obce ..." / a title that *is* a budget
        "project_title_regex": (
            r"(?i)(^\s*(schválený\s+|návrh\s+|upravený\s+)?rozpočet\b|\brozpočet\s+(obce|města|městyse|kraje|na\s+rok|pro\s+rok)\b"
            r"|\bstřednědob\w*\s+výhled\w*)"
        ),
    },
    "spatial_plan": {
        "project_title_regex": r"(?i)\b(změn\w*\s+(č\.\s*)?\S+\s+(úp|územního\s+plánu)|územní\w*\s+rozvoj\w*\s+zásad\w*)\b",
    },
}

# Ordinary municipal documents: a title of this kind is never a strategy (doc_type other),
# unless a document-type title regex also matches the title.
PROJECT_ORDINARY_TITLE_REGEX = (
    r"(?i)\b(zápis\w*(\s+z)?|usnesení|vyhlášk\w*|nařízení\s+obce|výzv\w*\s+k\s+podání|zadávací\w*\s+dokumentac\w*"
    r"|výběrov\w*\s+řízení|poptávkov\w*\s+řízení|veřejn\w*\s+zakázk\w*|smlouv\w*|dodat\w*\s+č|kupní|objednávk\w*|faktur\w*"
    r"|žádost\w*|formulář\w*|přihlášk\w*|oznámení|pozvánk\w*|pozvání|plakát|jízdní\w*\s+řád\w*|svozov\w*\s+plán\w*"
    r"|výroční\w*\s+zpráv\w*|ceník\w*|protokol\w*|jmenování|stanovení|technické\s+podmínky|krycí\s+list|výkaz\w*\s+výměr"
    r"|volb\w*|informace\s+pro\s+občany|zpravodaj\w*|rozhodnutí|veřejnoprávní\w*\s+smlouv\w*|šablon\w*|metodik\w*|podmínky)\b"
)

# Extra vocabulary per area (general terms of the area). Matched on lemmas; "~a|b|c" lists exact
# accent-free surface forms instead (for words whose lemma is ambiguous: simplemma maps "data" to
# "datum", which is also "date").
PROJECT_AREA_KEYWORDS: dict[str, list[str]] = {
    "mobility_transport": ["autobus", "autobusová linka", "zastávka", "jízdní řád", "chodník", "silnice",
                           "místní komunikace", "vlak", "železnice", "cyklobus"],
    "energy": ["energetická náročnost", "spotřeba energie", "elektrická energie", "příkon", "svítidlo",
               "stmívání", "LED", "osvětlení"],
    "water_management": ["voda", "podzemní voda", "povrchová voda", "odpadní voda", "studna", "vodoprávní úřad",
                         "stočné", "vodné", "odvádění odpadních vod", "vodní zákon", "vodní tok"],
    "circular_economy_waste": ["kontejner", "popelnice", "kompostér", "textil", "separace", "sběr"],
    "community_culture_leisure": ["fotbal", "fotbalový", "turnaj", "utkání", "zápas", "závod", "soutěž", "výstava",
                                  "tenis", "hřiště", "rybář", "zahrádkář", "vodácký", "přístaviště", "rekreace",
                                  "ples", "koncert", "slavnost", "pozvánka"],
    "ict_infrastructure_data": ["~data|dat|datech|datům|daty", "datový", "otevřená data", "metadata", "datová sada", "katalog dat",
                                "správa dat", "kvalita dat", "informační systém", "optický"],
    "egovernment_services": ["veřejná správa", "orgán veřejné moci", "digitalizace", "elektronizace",
                             "digitální", "informační systémy veřejné správy", "e-government"],
    "governance_participation": ["evaluace", "veřejná politika", "strategické řízení", "spolupráce obcí"],
}
# Shared stems that collide with everyday words (removed for matching, kept in the shared file):
# "zelen" also hits the colour (zelená popelnice/známka); zeleň and the green-infrastructure
# phrases stay as keywords.
PROJECT_STEMS_REMOVED: dict[str, list[str]] = {"environment_climate": ["zelen"]}
# Per-area weights (1.0 default); kept explicit so a later tuning is visible in the file.
PROJECT_AREA_WEIGHTS: dict[str, float] = {}

# Known stem collisions (shared meta.matching_advice): a stem hit of `area` is ignored when the
# neighbouring word starts with the given (casefolded) prefix.
PROJECT_STEM_COLLISIONS = [
    {"area": "circular_economy_waste", "stem": "odpad", "next_prefix": "vod", "belongs_to": "water_management"},
    {"area": "health", "stem": "zdrav", "next_prefix": "měst", "belongs_to": "governance_participation"},
    {"area": "social_services", "stem": "sociál", "next_prefix": "sít", "belongs_to": "ict_infrastructure_data"},
    {"area": "public_safety", "stem": "bezpečn", "prev_prefix": "kybernet", "belongs_to": "ict_infrastructure_data"},
]

# Terms of SMART *solutions* beyond the explicit smart markers (Koncepce Smart Cities: technology
# and data for efficiency/resilience; Metodika core sectors ICT, energy, transport, waste).
# Specific solution terms: each distinct one raises smart_score clearly.
PROJECT_SMART_SOLUTION_TERMS = [
    "otevřená data", "open data", "datová platforma", "datový sklad", "IoT", "internet věcí", "senzor", "čidlo",
    "telemetrie", "dálkový odečet", "mobilní aplikace", "elektronizace", "eGovernment", "e-government",
    "umělá inteligence", "interoperabilita", "metadata", "digitalizace", "digitální transformace",
    "LED", "energetická náročnost", "energetická účinnost", "úspora energie", "snížení spotřeby energie",
    "stmívání", "svítidlo", "veřejné osvětlení", "obnovitelný zdroj", "fotovoltaika", "tepelné čerpadlo",
    "elektromobilita", "dobíjecí stanice", "sdílená mobilita", "předcházení vzniku odpadu", "kompostér",
    "měření rychlosti", "radar", "kamerový systém", "chytrý", "inteligentní",
]
# Generic digital terms: frequent in ordinary documents too (datová schránka, informační systém),
# so they count by density (share of words), not by mere presence.
PROJECT_SMART_DIGITAL_TERMS = [
    "~data|dat|datech|datům|daty", "datový", "digitální", "aplikace", "online", "informační systém",
    "automatizace", "inovace", "sdílený", "software", "databáze",
]

ENRICH_NOTE = "project_* keys are curated in pipelines/build_taxonomy.py (project additions), not in the shared file"


def _area(a: dict) -> dict:
    code = a["code"]
    return {
        "code": code,
        "label_cs": a.get("label_cs"),
        "label_en": a.get("label_en"),
        "keywords_cs": list(a.get("keywords_cs") or []),
        "stems_cs": list(a.get("stems_cs") or []),
        "project_stems_removed": PROJECT_STEMS_REMOVED.get(code, []),
        "keywords_en": list(a.get("keywords_en") or []),
        "weight": PROJECT_AREA_WEIGHTS.get(code, 1.0),
        "project_keywords_cs": PROJECT_AREA_KEYWORDS.get(code, []),
    }


def _doc_type(t: dict) -> dict:
    include = t.get("include")
    out = {
        "code": t["code"],
        "label_cs": t.get("label_cs"),
        "level": t.get("level"),
        "include": include,
        "is_strategic": include is True or include in ("partial", "reference"),
        "title_regex": t.get("title_regex"),
        "url_regex": t.get("url_regex"),
        "first_page_cues": list(t.get("first_page_cues") or []),
    }
    out.update(PROJECT_DOC_TYPES.get(t["code"], {}))
    return out


def _programme(p: dict, parent: str | None = None) -> dict:
    return {
        "code": f"{parent}_{p['code']}" if parent else p["code"],
        "name": p.get("name_cs") or p.get("name"),
        "parent": parent,
        "regex": p.get("regex"),
        "aliases": list(p.get("aliases") or []),
        "cep_code_regex": p.get("cep_code_regex"),
    }


def build(source: Path) -> dict:
    raw = source.read_bytes()
    src = json.loads(raw.decode("utf-8"))
    programmes = []
    for p in src.get("funding_programmes", []):
        programmes.append(_programme(p))
        for sub in p.get("programmes") or []:
            programmes.append(_programme(sub, parent=p["code"]))
    out = {
        "version": PROJECT_VERSION,
        "built_from": {
            "file": "shared/domain/taxonomy.json",
            "meta_version": (src.get("meta") or {}).get("version"),
            "sha256": hashlib.sha256(raw).hexdigest(),
        },
        "note": ENRICH_NOTE,
        "matching_advice": list((src.get("meta") or {}).get("matching_advice") or []),
        "areas": [_area(a) for a in src.get("areas", [])],
        "smart_markers": {
            "keywords_cs": list(src["smart_markers"].get("keywords_cs") or []),
            "regex": src["smart_markers"].get("regex"),
            "project_solution_terms_cs": PROJECT_SMART_SOLUTION_TERMS,
            "project_digital_terms_cs": PROJECT_SMART_DIGITAL_TERMS,
        },
        "document_types": [_doc_type(t) for t in src.get("document_types", [])],
        "document_type_precedence": list(src.get("document_type_precedence") or []),
        "project_ordinary_title_regex": PROJECT_ORDINARY_TITLE_REGEX,
        "project_stem_collisions": PROJECT_STEM_COLLISIONS,
        "funding_programmes": programmes,
        "date_and_approval_patterns": dict(src.get("date_and_approval_patterns") or {}),
    }
    _check_regexes(out)
    return out


def _check_regexes(tax: dict) -> None:
    pats = [tax["smart_markers"]["regex"], tax["project_ordinary_title_regex"]]
    for t in tax["document_types"]:
        pats += [t.get("title_regex"), t.get("url_regex"), t.get("project_title_regex"), t.get("project_url_regex")]
    for p in tax["funding_programmes"]:
        pats += [p.get("regex"), p.get("cep_code_regex")]
    for p in pats:
        if p:
            re.compile(p)


def render(tax: dict) -> str:
    return json.dumps(tax, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="exit 1 if --out differs from a fresh build")
    args = ap.parse_args(argv)
    if not args.source.is_file():
        print(f"shared taxonomy not found: {args.source}", file=sys.stderr)
        return 2
    text = render(build(args.source))
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} is stale: rerun pipelines/build_taxonomy.py")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} (version {PROJECT_VERSION}, from shared meta.version "
          f"{json.loads(text)['built_from']['meta_version']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
