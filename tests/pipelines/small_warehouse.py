"""A small warehouse for the analyst-layer tests: every table of core.schema, the real municipality registry, and a
handful of realistic rows (real municipalities, real programme codes) whose expected figures are easy to check."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from core import schema
from core.schema import TABLES
from core.settings import Settings
from pipelines.registry import municipality_rows

_ARROW = {schema.TEXT: pa.string(), schema.INT: pa.int64(), schema.FLOAT: pa.float64(), schema.BOOL: pa.bool_(),
          schema.DATE: pa.string(), schema.TIME: pa.string(), schema.TEXTS: pa.list_(pa.string())}

# Pouzdřany 584835 (Jihomoravský 116, village) - Nová Ves 583502 (Brno-venkov, 116, village) - Mukařov 538523
# (Středočeský 27, small_town) - Zákolany 533092 (27, village) - Kroměříž 588296 (Zlínský 141, town) -
# Lhota 513041 (Kladno, 27, village: nothing harvested) - Plzeň 554791 (Plzeňský 43, city)
STRATEGIES = [
    {"strategy_id": "s_pouzdrany_pro", "title": "Program rozvoje obce Pouzdřany 2021–2027",
     "municipality_code": "584835", "municipality_name": "Pouzdřany", "kraj": "Jihomoravský kraj", "level": "municipal",
     "smart_scope": "village", "doc_type": "programme_municipal_development", "validity_from": 2021,
     "validity_to": 2027, "domains": [], "is_smart": False, "doc_id": "a" * 64,
     "urls": ["https://www.pouzdrany.cz/obec/program-rozvoje-obce-2021-2027.pdf"], "is_current": True,
     "in_registry": True, "registry_url": "https://www.databaze-strategie.cz/cz/obec-pouzdrany/strategie/pro"},
    {"strategy_id": "s_mukarov_smart", "title": "Koncepce Smart Village – chytrá obec Mukařov 2021–2030",
     "municipality_code": "538523", "municipality_name": "Mukařov", "kraj": "Středočeský kraj", "level": "municipal",
     "smart_scope": "city", "doc_type": "smart_city_strategy", "validity_from": 2021, "validity_to": 2030,
     "domains": ["energy", "mobility_transport"], "is_smart": True, "doc_id": "b" * 64,
     "urls": ["https://www.mukarov.cz/koncepce_smart_village_2021_2030.pdf"], "is_current": True,
     "in_registry": False},
    {"strategy_id": "s_mukarov_ap", "title": "Akční plán obce Mukařov 2024–2026", "municipality_code": "538523",
     "municipality_name": "Mukařov", "kraj": "Středočeský kraj", "level": "municipal", "doc_type": "action_plan",
     "validity_from": 2024, "validity_to": 2026, "domains": [], "is_smart": False, "doc_id": "c" * 64,
     "urls": ["https://www.mukarov.cz/akcni_plan_2024_2026.pdf"], "is_current": True, "in_registry": False},
    {"strategy_id": "s_zakolany_spro", "title": "Strategický plán rozvoje obce Zákolany 2014–2020",
     "municipality_code": "533092", "municipality_name": "Zákolany", "kraj": "Středočeský kraj", "level": "municipal",
     "doc_type": "strategic_development_plan_municipal", "validity_from": 2014, "validity_to": 2020, "domains": [],
     "is_smart": False, "doc_id": "d" * 64, "urls": ["https://www.zakolany.cz/spro_2014_2020.pdf"],
     "is_current": False, "in_registry": False},
    {"strategy_id": "s_kromeriz_ap", "title": "Akční plán města Kroměříž na roky 2024–2026",
     "municipality_code": "588296", "municipality_name": "Kroměříž", "kraj": "Zlínský kraj", "level": "municipal",
     "doc_type": "action_plan", "validity_from": 2024, "validity_to": 2026, "domains": [], "is_smart": False,
     "doc_id": "e" * 64, "urls": ["https://www.mesto-kromeriz.cz/akcni_plan_2024_2026.pdf"], "is_current": True,
     "in_registry": False},
    {"strategy_id": "s_liberecky_smart", "title": "Koncepce Chytrý region Liberecký kraj 2021–2030",
     "municipality_code": None, "kraj": "Liberecký kraj", "level": "regional", "smart_scope": "region",
     "doc_type": "smart_city_strategy", "validity_from": 2021, "validity_to": 2030, "domains": ["egovernment_services"],
     "is_smart": True, "doc_id": "f" * 64, "urls": ["https://www.kraj-lbc.cz/chytry_region_2021_2030.pdf"],
     "is_current": True, "in_registry": False},
]

DOCUMENTS = [
    {"doc_id": s["doc_id"], "url": s["urls"][0], "municipality_code": s["municipality_code"], "file_format": "pdf",
     "title": s["title"], "extraction_status": "ok", "is_strategic": True, "is_smart": s["is_smart"],
     "domains": s["domains"], "level": s["level"], "size_bytes": 250_000}
    for s in STRATEGIES
] + [
    {"doc_id": "9" * 64, "url": "https://www.pouzdrany.cz/zpravodaj-2024-03.pdf", "municipality_code": "584835",
     "file_format": "pdf", "title": "Zpravodaj obce Pouzdřany 3/2024", "extraction_status": "needs_ocr",
     "needs_ocr": True, "is_strategic": False, "is_smart": False, "domains": [], "level": "municipal",
     "size_bytes": 1_200_000},
]

GOOD_PRACTICES = [
    {"practice_id": "gp_novaves_energy", "title": "Dálkové odečty energií ve škole a na úřadě – Nová Ves",
     "municipality_name": "Nová Ves", "municipality_code": "583502", "country": "CZ", "population": 790,
     "size_class": "village", "domains": ["energy"], "funding_programmes": ["IROP"], "cost_czk": 450_000,
     "year": 2022, "source_url": "https://inspirace.example.cz/praxe/dalkove-odecty-nova-ves"},
    {"practice_id": "gp_pouzdrany_energy", "title": "Dálkové odečty energií ve školách a na úřadě – Pouzdřany",
     "municipality_name": "Pouzdřany", "municipality_code": "584835", "country": "CZ", "population": 762,
     "size_class": "village", "domains": ["energy", "education"], "funding_programmes": ["IROP"],
     "cost_czk": 380_000, "year": 2019, "source_url": "https://inspirace.example.cz/praxe/odecty-pouzdrany"},
    {"practice_id": "gp_plzen_seniors", "title": "Asistenční služba pro seniory žijící doma – Plzeň",
     "municipality_name": "Plzeň", "municipality_code": "554791", "country": "CZ", "population": 170_936,
     "size_class": "city", "domains": ["social_services"], "funding_programmes": ["OPZ"], "cost_czk": 2_400_000,
     "year": 2021, "source_url": "https://inspirace.example.cz/praxe/asistencni-sluzba-plzen"},
    {"practice_id": "gp_hrinova_pv", "title": "Fotovoltika na obecných budovách – Hriňová",
     "municipality_name": "Hriňová", "municipality_code": None, "country": "SK", "population": 1_900,
     "size_class": "village", "domains": ["energy"], "funding_programmes": [], "cost_czk": 1_250_000, "year": 2023,
     "source_url": "https://smart-obce.example.sk/hrinova-fotovoltika"},
]

RD_PROJECTS = [
    {"project_code": "TK02010670", "provider": "TA0", "programme_code": "TK", "funding_programme": "TACR_THETA",
     "title": "Komunitní energetika v malých obcích: pilotní ověření v regionech ČR", "start_year": 2021,
     "end_year": 2024, "total_cost_czk": 10_000_000, "state_support_czk": 8_000_000, "is_smart": True,
     "smart_score": 0.6, "domains": ["energy"], "municipality_codes": ["583502"],
     "url": "https://www.isvavai.cz/cep?s=jednoduche-vyhledavani&ss=detail&n=0&h=TK02010670"},
    {"project_code": "TL08001799", "provider": "TA0", "programme_code": "TL", "funding_programme": "TACR_ETA",
     "title": "Informační systém veřejné dopravy v reálném čase pro malá města", "start_year": 2023,
     "end_year": 2025, "total_cost_czk": 6_000_000, "state_support_czk": 5_000_000, "is_smart": True,
     "smart_score": 0.5, "domains": ["mobility_transport", "ict_infrastructure_data"],
     "municipality_codes": ["538523", "533092"],
     "url": "https://www.isvavai.cz/cep?s=jednoduche-vyhledavani&ss=detail&n=0&h=TL08001799"},
    {"project_code": "GA00000002", "provider": "GA0", "programme_code": "GA", "funding_programme": None,
     "title": "Dějiny písemné kultury středověkých klášterů", "start_year": 2020, "end_year": 2022,
     "total_cost_czk": 3_000_000, "state_support_czk": 3_000_000, "is_smart": False, "smart_score": 0.0,
     "domains": [], "municipality_codes": [],
     "url": "https://www.isvavai.cz/cep?s=jednoduche-vyhledavani&ss=detail&n=0&h=GA00000002"},
]

FUNDING_MENTIONS = [
    {"programme_code": "TACR_THETA", "subject": "rd_project", "subject_id": "TK02010670",
     "snippet": RD_PROJECTS[0]["title"], "amount_czk": 8_000_000},
    {"programme_code": "TACR_ETA", "subject": "rd_project", "subject_id": "TL08001799",
     "snippet": RD_PROJECTS[1]["title"], "amount_czk": 5_000_000},
    {"programme_code": "IROP", "subject": "good_practice", "subject_id": "gp_novaves_energy", "snippet": "IROP"},
    {"programme_code": "IROP", "subject": "good_practice", "subject_id": "gp_pouzdrany_energy", "snippet": "IROP"},
    {"programme_code": "OPZ", "subject": "good_practice", "subject_id": "gp_plzen_seniors", "snippet": "OPZ"},
    {"programme_code": "MMR_NATIONAL", "subject": "document", "subject_id": "a" * 64, "doc_id": "a" * 64,
     "snippet": "dotace z programu Podpora obnovy a rozvoje venkova", "mentions": 3},
    {"programme_code": "IROP", "subject": "document", "subject_id": "b" * 64, "doc_id": "b" * 64,
     "snippet": "financování z IROP", "mentions": 2},
]

FUNDING_PROGRAMMES = [
    {"programme_code": "IROP", "name": "Integrovaný regionální operační program", "kind": "EU cohesion"},
    {"programme_code": "OPZ", "name": "Operační program Zaměstnanost / Zaměstnanost plus", "kind": "EU cohesion"},
    {"programme_code": "MMR_NATIONAL", "name": "Národní dotační programy MMR", "kind": "national"},
    {"programme_code": "TACR_THETA", "name": "THÉTA", "parent_code": "TACR", "kind": "national RDI"},
    {"programme_code": "TACR_ETA", "name": "ÉTA", "parent_code": "TACR", "kind": "national RDI"},
]

STRATEGY_REGISTRY = [
    {"record_url": "https://www.databaze-strategie.cz/cz/obec-pouzdrany/strategie/pro", "name":
     "Program rozvoje obce Pouzdřany 2021–2027", "gestor": "Obec Pouzdřany", "level": "místní",
     "valid_from": 2021, "valid_to": 2027, "municipality_code": "584835", "kraj_code": "116",
     "strategy_id": "s_pouzdrany_pro", "link_score": 100.0, "fulltext_urls": ["https://www.pouzdrany.cz/pro.pdf"],
     "last_seen_at": "2026-11-28T02:10:00+00:00"},
    {"record_url": "https://www.databaze-strategie.cz/cz/zlinsky-kraj/strategie/chytry-region", "name":
     "Strategie Chytrý Zlínský kraj 2022–2030", "gestor": "Zlínský kraj", "level": "regionální",
     "valid_from": 2022, "valid_to": 2030, "kraj_code": "141", "strategy_id": None,
     "fulltext_urls": ["https://www.kr-zlinsky.cz/chytry-region.pdf", "https://www.kr-zlinsky.cz/akcni-plan.pdf"],
     "last_seen_at": "2026-11-28T02:11:00+00:00"},
]

SOURCES = [
    {"source_id": "pouzdrany", "kind": "municipal_site", "start_url": "https://www.pouzdrany.cz/",
     "municipality_code": "584835", "enabled": True, "last_status": "ok", "last_documents": 2,
     "last_crawled_at": "2026-11-28T02:05:00+00:00"},
    {"source_id": "lhota", "kind": "municipal_site", "start_url": "https://www.obec-lhota.cz/",
     "municipality_code": "513041", "enabled": True, "last_status": "unreachable",
     "last_reason": "connection refused", "last_documents": 0, "last_crawled_at": "2026-11-28T02:06:00+00:00"},
]

ROWS = {"strategies": STRATEGIES, "documents": DOCUMENTS, "good_practices": GOOD_PRACTICES,
        "rd_projects": RD_PROJECTS, "funding_mentions": FUNDING_MENTIONS, "funding_programmes": FUNDING_PROGRAMMES,
        "strategy_registry": STRATEGY_REGISTRY, "sources": SOURCES}


def load(con: duckdb.DuckDBPyConnection, name: str, rows: list[dict]) -> None:
    """Insert rows (dicts, missing columns null) into an existing table of core.schema."""
    table = TABLES[name]
    incoming = pa.table({c.name: pa.array([r.get(c.name) for r in rows], type=_ARROW[c.type]) for c in table.columns})
    con.register("_rows", incoming)
    select = ", ".join(f"CAST({c.name} AS {c.type})" if c.type in (schema.DATE, schema.TIME) else c.name
                       for c in table.columns)
    con.execute(f"INSERT INTO {name} SELECT {select} FROM _rows")
    con.unregister("_rows")


def build(path: Path, rows: dict[str, list[dict]] | None = None) -> duckdb.DuckDBPyConnection:
    """A warehouse file with every table, the real registry and `rows` (default ROWS); returns it open."""
    con = duckdb.connect(str(path))
    for table in TABLES.values():
        con.execute(table.ddl())
    load(con, "municipalities", municipality_rows(Settings().seeds_dir))
    for name, table_rows in (ROWS if rows is None else rows).items():
        load(con, name, table_rows)
    return con
