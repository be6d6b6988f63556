"""Record pages of portals (fetches.kind = 'record'): the Databáze strategií's strategy records and the good
practices of good-practice catalogues, read into rows.

Each record page's latest copy is parsed (transforms.strategy_registry, transforms.good_practice), its place
matched to a municipality (transforms.municipality_match, the same index as documents). A registry record is linked
to the harvested strategy it describes (transforms.registry_link); a practice is judged by the documents' SMART
classifier (its areas) and its funding read by the documents' funding finder. Contact details never reach a row.
A page that cannot be read is a record_problems row with its reason.
"""
from __future__ import annotations

from pathlib import Path

from core import raw_store
from transforms import sightings
from transforms.municipality_match import MunicipalityIndex, match_municipality, municipality_named
from transforms.registry_link import link_records
import hashlib

from transforms.czech_text import fold
from transforms.funding import find_funding
from transforms.good_practice import parse_practice
from transforms.size_class import size_class
from transforms.smart import score_smart
from transforms.strategy_registry import parse_detail
from transforms.vocabulary import Vocabulary

PARSERS = {"strategy_registry": parse_detail, "good_practice_catalogue": parse_practice}


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


def _practice(parsed: dict, url: str, source_id: str, index: MunicipalityIndex | None,
              vocabulary: Vocabulary) -> dict:
    """A good_practices row: the page's facts, its Czech municipality, size class, areas and funding programmes."""
    code = None
    if index is not None and (parsed.get("country") or "CZ") == "CZ" and parsed.get("municipality_name"):
        place = municipality_named(index, parsed["municipality_name"], parsed.get("district"), parsed.get("region"))
        code = place.code if place is not None and place.kind == "municipality" else None
    benefits = parsed.get("benefits")
    benefits = "\n".join(benefits) if isinstance(benefits, (list, tuple)) else benefits
    text = "\n".join(t for t in (parsed.get("description"), benefits) if t)
    funding = find_funding(vocabulary, "\n".join(parsed.get("funding_texts") or []))
    return {
        "practice_id": "gp_" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:16], "title": parsed.get("title"),
        "description": parsed.get("description"), "municipality_name": parsed.get("municipality_name"),
        "municipality_code": code, "country": parsed.get("country"), "population": parsed.get("population"),
        "size_class": size_class(parsed.get("population")),
        "domains": score_smart(vocabulary, parsed.get("title"), text).domains,
        "funding_programmes": sorted({f.programme_code for f in funding}),
        "funding_texts": list(parsed.get("funding_texts") or []), "cost_czk": parsed.get("cost_czk"),
        "year": parsed.get("year"), "source_url": url, "source_id": source_id,
    }


def record_tables(fetches: list[dict], source_kinds: dict[str, str], raw_dir: Path, index: MunicipalityIndex | None,
                  kraj_codes: dict[str, str], vocabulary: Vocabulary) -> tuple[list[dict], list[dict], list[dict]]:
    """(strategy_registry rows without their links, good_practices rows, record_problems rows) from the ok record
    fetches."""
    rows, practices, problems = [], [], []
    for (source_id, url), f in sorted(_latest(fetches).items()):
        parse = PARSERS.get(source_kinds.get(source_id) or "")
        if parse is None:
            continue
        try:
            html = raw_store.path_for(raw_dir, f["sha256"]).read_bytes().decode("utf-8", "replace")
        except OSError as exc:
            parsed: dict | str = f"the stored page cannot be read: {exc}"
        else:
            parsed = parse(html, f.get("final_url") or url)
        if isinstance(parsed, str):
            problems.append({"source_id": source_id, "file_url": url, "sha256": f["sha256"], "kind": "record",
                             "position": "page", "line": None, "record": None, "reason": parsed, "record_kept": False})
            continue
        if source_kinds.get(source_id) == "good_practice_catalogue":
            practices.append(_practice(parsed, url, source_id, index, vocabulary))
            continue
        municipality, kraj = _place(index, parsed, kraj_codes)
        rows.append({
            "record_url": url, "name": parsed.get("name"), "gestor": parsed.get("gestor"),
            "gestor_slug": parsed.get("gestor_slug"), "level": parsed.get("level"),
            "zpracovatel": parsed.get("zpracovatel"), "approved_on": parsed.get("approved_on"),
            "valid_from": parsed.get("valid_from"), "valid_to": parsed.get("valid_to"), "summary": parsed.get("summary"),
            "descriptors": list(parsed.get("descriptors") or []), "fulltext_urls": list(parsed.get("fulltext_urls") or []),
            "municipality_code": municipality, "kraj_code": kraj, "strategy_id": None, "link_score": None,
            "source_id": source_id, "first_seen_at": f["first_seen_at"], "last_seen_at": f["last_seen_at"],
        })
    return rows, practices, problems


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
