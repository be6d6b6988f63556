"""The bundle's descriptions for machines: `datapackage.json` (Frictionless Data) and `catalog.jsonld` (DCAT-AP-CZ),
both built from core.schema so a field's type and meaning are written once.

The catalogue record follows the Czech open formal norm "Rozhraní katalogů otevřených dat" (OFN, version 2021-01-11,
https://ofn.gov.cz/rozhraní-katalogů-otevřených-dat/2021-01-11/, the DCAT-AP-CZ profile NKOD harvests), whose
JSON schema `schémata/datová-sada.json` requires of a dataset: type, IRI, title (dct:title), description
(dct:description), publisher (dct:publisher, an IRI of the public body in the RPP), theme (dcat:theme, EU data-theme),
update frequency (dct:accrualPeriodicity, EU frequency), keyword (dcat:keyword) and a RÚIAN element (dct:spatial,
https://linked.cuzk.cz/resource/ruian/...); and of each distribution: type, IRI, terms of use (pu:specifikace with
its four parts: author's work, database as a work, sui generis database right, personal data) and access URL
(dcat:accessURL), with download URL, format (EU file-type) and media type (IANA) for a file. Contact point, temporal
coverage, documentation and conformsTo are optional there; we give them. Property IRIs are those of the norm's JSON-LD
context, written out with prefixes in an inline @context so the record parses offline.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Sequence

from core.schema import BOOL, DATE, FLOAT, INT, TEXT, TEXTS, TIME, Table

# DuckDB type -> Frictionless Table Schema field type (https://specs.frictionlessdata.io/table-schema/#types-and-formats)
FRICTIONLESS_TYPES = {TEXT: "string", INT: "integer", FLOAT: "number", BOOL: "boolean", DATE: "date",
                      TIME: "datetime", TEXTS: "array"}

# format -> (EU file-type authority code, IANA media type)
FORMATS = {"parquet": ("PARQUET", "application/vnd.apache.parquet"), "csv": ("CSV", "text/csv"),
           "json": ("JSON", "application/json")}

TABLE_TITLES = {
    "strategies": ("Strategie obcí, krajů a MAS", "Strategies of municipalities, regions and local action groups"),
    "rd_projects": ("Projekty výzkumu a vývoje se vztahem k SMART řešením", "R&D projects related to SMART solutions"),
    "good_practices": ("Příklady dobré praxe SMART řešení", "Good practices of SMART solutions"),
    "strategy_registry": ("Záznamy Databáze strategií", "Records of the national strategy database (Databáze strategií)"),
    "municipality_coverage": ("Pokrytí obcí strategiemi podle kraje a velikosti",
                              "Municipalities covered by strategies, by region and size class"),
    "recommendations": ("Inspiromat: inspirace pro každou obec", "Inspiromat: ideas for every municipality"),
}

EU = "http://publications.europa.eu/resource/authority/"
PU = "https://data.gov.cz/podmínky-užití/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#", "pu": "https://data.gov.cz/slovník/podmínky-užití/",
}
REQUIRED_DATASET = ("@id", "@type", "dct:title", "dct:description", "dct:publisher", "dcat:theme",
                    "dct:accrualPeriodicity", "dcat:keyword", "dct:spatial")
REQUIRED_DISTRIBUTION = ("@id", "@type", "pu:specifikace", "dcat:accessURL")


@dataclass(frozen=True)
class Publication:
    """Who publishes the bundle, where and under which terms. The defaults are placeholders (example.cz, IČO
    00000000): give the real ones before registering the record in NKOD."""

    base_url: str = "https://data.example.cz/smartharvest/"  # the directory the bundles are served from
    publisher: str = "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00000000"
    publisher_name_cs: str = "Provozovatel platformy smartharvest"
    publisher_name_en: str = "Operator of the smartharvest platform"
    contact_email: str = "opendata@example.cz"
    documentation: str | None = None
    licence: str = "https://creativecommons.org/licenses/by/4.0/"  # the work, the database as a work, sui generis
    personal_data: bool = False

    def url(self, *parts: str) -> str:
        return self.base_url.rstrip("/") + "/" + "/".join(parts)


@dataclass(frozen=True)
class DataFile:
    table: str
    format: str  # parquet | csv | json
    name: str  # file name in the bundle
    bytes: int
    sha256: str


def field_descriptor(column) -> dict:
    field = {"name": column.name, "type": FRICTIONLESS_TYPES[column.type], "description": column.description}
    if column.type == TEXTS:
        field["arrayItem"] = {"type": "string"}
    return field


def datapackage(bundle: str, tables: Sequence[Table], keys: dict[str, tuple[str, ...]], files: Sequence[DataFile],
                publication: Publication) -> dict:
    """The Data Package: per table a tabular resource for its CSV (schema, primary key, types, descriptions) and
    plain resources for its JSON and Parquet twins (checked by hash and size: frictionless reads Parquet only
    with pandas)."""
    by_name = {t.name: t for t in tables}
    resources = []
    for f in files:
        t = by_name[f.table]
        res = {"name": f"{f.table}-{f.format}", "path": f.name, "title": TABLE_TITLES.get(f.table, (t.name,) * 2)[1],
               "description": t.comment, "format": f.format, "mediatype": FORMATS[f.format][1],
               "bytes": f.bytes, "hash": f"sha256:{f.sha256}"}
        if f.format == "csv":
            res.update(type="table", encoding="utf-8", profile="tabular-data-resource",
                       schema={"fields": [field_descriptor(c) for c in t.columns],
                               "primaryKey": list(keys[t.name]), "missingValues": [""]})
        else:
            res.update(type="json" if f.format == "json" else "file",
                       description=f"{t.comment} The rows and fields of resource {f.table}-csv, as {f.format.upper()}.")
        resources.append(res)
    return {"name": "smartharvest", "id": bundle,
            "title": "smartharvest: SMART strategies, projects and good practices of Czech municipalities",
            "description": "Curated tables of the smartharvest warehouse (bundle " + bundle + "); every table as "
                           "CSV, JSON and Parquet with the same rows sorted by key.",
            "homepage": publication.url(bundle) + "/",
            "licenses": [{"name": "CC-BY-4.0", "path": publication.licence, "title": "Creative Commons Attribution 4.0"}]
            if publication.licence.rstrip("/").endswith("by/4.0") else [{"path": publication.licence}],
            "resources": resources}


def _texts(cs: str, en: str) -> list[dict]:
    return [{"@value": cs, "@language": "cs"}, {"@value": en, "@language": "en"}]


def _iri(value: str) -> dict:
    return {"@id": value}


def _terms_of_use(p: Publication) -> dict:
    author = _texts(p.publisher_name_cs, p.publisher_name_en)
    return {"@type": "pu:Specifikace", "pu:autorské-dílo": _iri(p.licence), "pu:autor": author,
            "pu:databáze-jako-autorské-dílo": _iri(p.licence), "pu:autor-databáze": author,
            "pu:databáze-chráněná-zvláštními-právy": _iri(p.licence),
            "pu:osobní-údaje": _iri(PU + ("obsahuje-osobní-údaje/" if p.personal_data else "neobsahuje-osobní-údaje/"))}


KEYWORDS = (("chytrá města", "smart cities"), ("chytré vesnice", "smart villages"), ("chytrý region", "smart region"),
            ("strategie rozvoje obce", "municipal development strategy"), ("dobrá praxe", "good practice"),
            ("výzkum a vývoj", "research and development"), ("obce", "municipalities"))


def catalog_record(bundle: str, files: Sequence[DataFile], publication: Publication, modified: datetime,
                   temporal: tuple[int | None, int | None]) -> dict:
    """The DCAT-AP-CZ record (JSON-LD) of the dataset with one distribution per data file of this bundle."""
    p = publication
    dataset = p.url("datová-sada", "smartharvest")
    distributions = []
    for f in files:
        cs, en = TABLE_TITLES.get(f.table, (f.table, f.table))
        file_type, media = FORMATS[f.format]
        url = p.url(bundle, f.name)
        distributions.append({
            "@id": f"{dataset}/distribuce/{f.table}-{f.format}", "@type": "dcat:Distribution",
            "dct:title": _texts(f"{cs} ({f.format.upper()})", f"{en} ({f.format.upper()})"),
            "dcat:accessURL": _iri(url), "dcat:downloadURL": _iri(url),
            "dct:format": _iri(f"{EU}file-type/{file_type}"),
            "dcat:mediaType": _iri(f"http://www.iana.org/assignments/media-types/{media}"),
            "dct:conformsTo": _iri(p.url(bundle, "datapackage.json")),
            "dcat:byteSize": {"@value": str(f.bytes), "@type": "xsd:decimal"},
            "pu:specifikace": _terms_of_use(p),
        })
    record = {
        "@context": CONTEXT, "@id": dataset, "@type": "dcat:Dataset",
        "dct:title": _texts("Strategie, projekty a dobrá praxe SMART obcí a krajů ČR (smartharvest)",
                            "SMART strategies, projects and good practices of Czech municipalities and regions (smartharvest)"),
        "dct:description": _texts(
            "Strategie obcí a krajů, záznamy Databáze strategií, projekty VaV a příklady dobré praxe chytrých měst, "
            "obcí a regionů, každou noc sklizené z webů obcí a krajů a z otevřených dat; tabulky v CSV, JSON a Parquet.",
            "Strategies of Czech municipalities and regions, records of the national strategy database, R&D projects "
            "and good practices of smart cities, villages and regions, harvested nightly from municipal and regional "
            "websites and open data; tables as CSV, JSON and Parquet."),
        "dct:publisher": _iri(p.publisher),
        "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": _texts(p.publisher_name_cs, p.publisher_name_en),
                              "vcard:hasEmail": _iri(f"mailto:{p.contact_email}")},
        "dct:accrualPeriodicity": _iri(f"{EU}frequency/DAILY"),
        "dcat:theme": [_iri(f"{EU}data-theme/{t}") for t in ("GOVE", "REGI", "TECH")],
        "dcat:keyword": [kw for cs, en in KEYWORDS for kw in _texts(cs, en)],
        "dct:spatial": [_iri("https://linked.cuzk.cz/resource/ruian/stat/1")],
        "dct:modified": {"@value": modified.isoformat(), "@type": "xsd:dateTime"},
        "owl:versionInfo": bundle,
        "dct:conformsTo": _iri("https://specs.frictionlessdata.io/data-package/"),
        "dcat:distribution": distributions,
    }
    start, end = temporal
    if start is not None or end is not None:
        period = {"@type": "dct:PeriodOfTime"}
        if start is not None:
            period["dcat:startDate"] = {"@value": f"{start:04d}-01-01", "@type": "xsd:date"}
        if end is not None:
            period["dcat:endDate"] = {"@value": f"{end:04d}-12-31", "@type": "xsd:date"}
        record["dct:temporal"] = period
    if p.documentation:
        record["foaf:page"] = _iri(p.documentation)
    return record
