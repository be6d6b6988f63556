"""Record pages of portals (fetches.kind = 'record'): the Databáze strategií's strategy records, the good
practices of good-practice catalogues and the R&D projects of project-listing portals (STARFOS), read into rows.

Each record page's latest copy is parsed (transforms.strategy_registry, transforms.good_practice), its place
matched to a municipality (transforms.municipality_match, the same index as documents). A registry record is linked
to the harvested strategy it describes (transforms.registry_link); a practice is judged by the documents' SMART
classifier (its areas) and its funding read by the documents' funding finder; a listed project is judged as a CEP
record is (transforms.rd_project). Contact details never reach a row.
A page that cannot be read is a record_problems row with its reason.
"""
from __future__ import annotations

from pathlib import Path

from core import raw_store
from transforms import sightings
from transforms.municipality_match import (MunicipalityIndex, match_municipality, municipality_named,
                                          without_status_word)
from transforms.registry_link import link_records
import hashlib
import json
import sqlite3
from typing import Callable, NamedTuple

from transforms.annotate import ANNOTATOR_VERSION
from transforms.czech_text import fold
from transforms.funding import find_funding
from transforms.good_practice import parse_practice
from transforms.size_class import size_class
from transforms.smart import score_smart
from transforms.rd_listing import parse_project
from transforms.rd_project import understand_project
from transforms.strategy_registry import parse_detail
from transforms.vocabulary import Vocabulary

PARSERS = {"strategy_registry": parse_detail, "good_practice_catalogue": parse_practice,
           "rd_project_listing": parse_project}


class RecordTables(NamedTuple):
    registry: list[dict]   # strategy_registry rows without their links
    practices: list[dict]  # good_practices rows
    projects: list[dict]   # R&D projects of listing portals (rd_projects columns, listing_url, participants)
    problems: list[dict]   # record_problems rows


def _latest(fetches: list[dict]) -> dict[tuple[str, str], dict]:
    """Per (source, URL): the latest fetch, with the first and last time the page was seen."""
    out: dict[tuple[str, str], dict] = {}
    for f in fetches:
        key = (f["source_id"], f["url"])
        prev = out.get(key)
        seen = [f.get("fetched_at")] + ([prev["first_seen_at"], prev["last_seen_at"]] if prev else [])
        first, last = sightings.first_and_last_seen(seen)
        if prev is None or (f.get("fetched_at") or "") >= (prev["fetched_at"] or ""):
            out[key] = {**f, "first_seen_at": first, "last_seen_at": last}
        else:
            prev.update(first_seen_at=first, last_seen_at=last)
    return out


def _place(index: MunicipalityIndex | None, record: dict, kraj_codes: dict[str, str]) -> tuple[str | None, str | None]:
    """(municipality code, kraj code) of a record's gestor: a municipality for a local record, a kraj otherwise."""
    kraj = kraj_codes.get(fold(record.get("kraj") or "")) if record.get("kraj") else None
    if index is None or record.get("level") not in (None, "místní"):
        return None, kraj
    place = match_municipality(index, record.get("municipality") or record.get("gestor"), record.get("name") or "",
                               hint_kraj=record.get("kraj"))
    if place is not None and place.kind == "municipality":
        return place.code, place.kraj_code or kraj
    return None, kraj


def _practice(parsed: dict, index: MunicipalityIndex | None, vocabulary: Vocabulary) -> dict:
    """A good_practices row without its sighting (id, URL, source): the page's facts, its Czech municipality, size
    class, areas and funding programmes."""
    code, written = None, parsed.get("municipality_name")
    name = without_status_word(written) if written else None
    if index is not None and (parsed.get("country") or "CZ") == "CZ" and written:
        place = municipality_named(index, written, parsed.get("district"), parsed.get("region"))
        if place is not None and place.kind == "municipality":
            code, name = place.code, place.name
    benefits = parsed.get("benefits")
    benefits = "\n".join(benefits) if isinstance(benefits, (list, tuple)) else benefits
    text = "\n".join(t for t in (parsed.get("description"), benefits) if t)
    funding = find_funding(vocabulary, "\n".join(parsed.get("funding_texts") or []))
    return {
        "title": parsed.get("title"),
        "description": parsed.get("description"), "municipality_name": name,
        "municipality_code": code, "country": parsed.get("country"), "population": parsed.get("population"),
        "size_class": size_class(parsed.get("population")),
        "domains": score_smart(vocabulary, parsed.get("title"), text).domains,
        "funding_programmes": sorted({f.programme_code for f in funding}),
        "funding_texts": list(parsed.get("funding_texts") or []), "cost_czk": parsed.get("cost_czk"),
        "year": parsed.get("year"),
    }


VERSION = "3"  # bump when what a record page becomes changes (the annotator, vocabulary and registry go in too)


def _understood(kind: str, parsed: dict | str, url: str, index: MunicipalityIndex | None,
                kraj_codes: dict[str, str], vocabulary: Vocabulary) -> dict:
    """What a record page becomes, whatever source and night fetched it: a problem, a registry record or a practice
    (without the fields of its sighting)."""
    if isinstance(parsed, str):
        return {"problem": parsed}
    if kind == "good_practice_catalogue":
        return {"practice": _practice(parsed, index, vocabulary)}
    if kind == "rd_project_listing":
        return {"project": {**parsed, "participants": [list(p) for p in parsed["participants"]],
                            **understand_project(parsed, vocabulary, index)}}
    municipality, kraj = _place(index, parsed, kraj_codes)
    return {"registry": {
        "name": parsed.get("name"), "gestor": parsed.get("gestor"), "gestor_slug": parsed.get("gestor_slug"),
        "level": parsed.get("level"), "zpracovatel": parsed.get("zpracovatel"), "approved_on": parsed.get("approved_on"),
        "valid_from": parsed.get("valid_from"), "valid_to": parsed.get("valid_to"), "summary": parsed.get("summary"),
        "descriptors": list(parsed.get("descriptors") or []), "fulltext_urls": list(parsed.get("fulltext_urls") or []),
        "municipality_code": municipality, "kraj_code": kraj}}


def _cache(path: Path | None, version: str, wanted: list[str]) -> tuple[sqlite3.Connection | None, dict[str, dict]]:
    if path is None:
        return None, {}
    con = sqlite3.connect(str(path), timeout=120)
    con.execute("CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, version TEXT NOT NULL, value TEXT NOT NULL)")
    known = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i:i + 500]
        for key, value in con.execute(f"SELECT key, value FROM records WHERE version = ? AND key IN "
                                      f"({', '.join('?' * len(chunk))})", [version, *chunk]):
            known[key] = json.loads(value)
    return con, known


def record_tables(fetches: list[dict], source_kinds: dict[str, str], raw_dir: Path,
                  index_of: Callable[[], MunicipalityIndex | None], kraj_codes: dict[str, str], vocabulary: Vocabulary,
                  cache: Path | None = None, registry_version: str = "") -> RecordTables:
    """The rows of the ok record fetches (RecordTables). A page's content and URL are understood once and kept in `cache` (SQLite); `index_of` builds the
    municipality index only when some page is new."""
    latest = sorted((k, f) for k, f in _latest(fetches).items() if PARSERS.get(source_kinds.get(k[0]) or ""))
    version = f"{VERSION}-{ANNOTATOR_VERSION}-v{vocabulary.version}-m{registry_version}"
    key_of = {k: f"{f['sha256']}|{source_kinds[k[0]]}|{f.get('final_url') or k[1]}" for k, f in latest}
    con, known = _cache(cache, version, list(key_of.values()))
    index, new = None, {}
    rows, practices, projects, problems = [], [], [], []
    for (source_id, url), f in latest:
        kind, key = source_kinds[source_id], key_of[(source_id, url)]
        done = known.get(key)
        if done is None:
            try:
                html = raw_store.path_for(raw_dir, f["sha256"]).read_bytes().decode("utf-8", "replace")
                parsed: dict | str = PARSERS[kind](html, f.get("final_url") or url)
            except OSError as exc:
                parsed = f"the stored page cannot be read: {exc}"
            index = index or index_of()
            done = known[key] = new[key] = _understood(kind, parsed, f.get("final_url") or url, index, kraj_codes,
                                                        vocabulary)
        if "problem" in done:
            problems.append({"source_id": source_id, "file_url": url, "sha256": f["sha256"], "kind": "record",
                             "position": "page", "line": None, "record": None, "reason": done["problem"],
                             "record_kept": False})
        elif "practice" in done:
            practices.append({**done["practice"], "source_url": url, "source_id": source_id,
                              "practice_id": "gp_" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]})
        elif "project" in done:
            projects.append({**done["project"], "listing_url": url, "source_id": source_id})
        else:
            rows.append({**done["registry"], "record_url": url, "strategy_id": None, "link_score": None,
                         "source_id": source_id, "first_seen_at": f["first_seen_at"], "last_seen_at": f["last_seen_at"]})
    if con is not None:
        with con:
            con.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?)",
                            [(k, version, json.dumps(v, ensure_ascii=False, default=str)) for k, v in new.items()])
        con.close()
    return RecordTables(rows, practices, projects, problems)


def link_registry(registry: list[dict], strategies: list[dict], documents: list[dict], kraj_codes: dict[str, str]) -> None:
    """Set strategy_registry.strategy_id / link_score and strategies.in_registry / registry_url (in place); records
    are compared with every edition of a strategy (its `versions`), the registry URL is that of its newest linked
    edition."""
    docs = {d["doc_id"]: d for d in documents}

    def area(code, kraj_name):
        return code or (kraj_codes.get(fold(kraj_name)) if kraj_name else None)

    editions = []
    for s in strategies:
        for rank, doc_id in enumerate(s.get("versions") or [s.get("doc_id")]):
            d = docs.get(doc_id) or {}
            editions.append({"strategy_id": s["strategy_id"], "edition_id": doc_id, "rank": rank,
                             "area": area(s.get("municipality_code"), s.get("kraj")),
                             "title": d.get("title") or s["title"], "validity_from": d.get("validity_from"),
                             "validity_to": d.get("validity_to")})
    links = link_records(
        [{"record_id": r["record_url"], "area": r["municipality_code"] or r["kraj_code"], "name": r["name"],
          "valid_from": r["valid_from"], "valid_to": r["valid_to"]} for r in registry], editions)
    by_url = {r["record_url"]: r for r in registry}
    by_id = {s["strategy_id"]: s for s in strategies}
    rank = {(e["strategy_id"], e["edition_id"]): e["rank"] for e in editions}
    newest: dict[str, tuple[int, str]] = {}
    for s in strategies:
        s["in_registry"], s["registry_url"] = False, None
    for link in links:
        by_url[link.record_id].update(strategy_id=link.strategy_id, link_score=link.score)
        r = rank[(link.strategy_id, link.edition_id)]
        if link.strategy_id not in newest or r > newest[link.strategy_id][0]:
            newest[link.strategy_id] = (r, link.record_id)
    for sid, (_, url) in newest.items():
        by_id[sid].update(in_registry=True, registry_url=url)
