"""Tables and columns of the warehouse, with the comments DuckDB stores (COMMENT ON) and docs/TABLES.md shows."""
from __future__ import annotations

from core.fetch_log import FETCH_FIELDS, SOURCE_FIELDS

TABLES: dict[str, dict] = {
    "municipalities": {
        "comment": "Czech municipalities (RÚIAN/ČSÚ registry, 6,258 obce) with the project size class; seed data/seeds/municipalities (see its PROVENANCE.md).",
        "columns": {
            "municipality_code": "RÚIAN/ČSÚ municipality code (kod_obce, 6 digits): the key everything links to",
            "name": "municipality name (nazev_obce)",
            "official_name": "official name of the accounting unit (e.g. 'Obec Blešno', 'Statutární město Ostrava')",
            "ico": "company number (IČO) of the municipality",
            "okres_code": "district (okres) code",
            "okres_name": "district name",
            "orp_code": "RÚIAN code of the municipality with extended powers (ORP) it belongs to",
            "orp_name": "ORP name",
            "kraj_code": "region (kraj) RÚIAN code",
            "kraj_name": "region name",
            "kraj_nuts3": "region NUTS3 code",
            "municipality_type": "ordinary / POU / ORP / regional city (Státní pokladna codelist)",
            "population": "inhabitants (Státní pokladna codelist, 2018); null for 10 municipalities created in 2016",
            "size_class": "project size class: village_xs (<500), village (500-1,999), small_town (2,000-9,999), town (10,000-49,999), city (50,000+)",
            "web_domain_candidates": "candidate web domains from e-mail addresses (heuristic, unverified)",
        },
    },
    "sources": {
        "comment": "Harvest sources (one row per source_id, latest definition) with the outcome of their latest crawl.",
        "columns": {
            "source_id": "source identifier from the sources file",
            "kind": "municipal_site | regional_site | national_site",
            "start_url": "URL the crawl starts from",
            "municipality_code": "municipality the source belongs to (null for regional/national sources)",
            "name": "human name of the source",
            "last_crawl_id": "latest crawl that visited the source",
            "cms": "CMS family recognised by the spider in that crawl",
            "last_status": "ok | no_documents | blocked_by_robots | unreachable | error",
            "last_reason": "why the source yielded no documents in its latest crawl (null when it did)",
            "last_pages": "HTML pages fetched in the latest crawl",
            "last_documents": "documents fetched in the latest crawl",
            "last_errors": "failed fetches in the latest crawl",
            "last_crawled_at": "UTC end of the latest crawl of the source",
        },
    },
    "source_crawls": {
        "comment": "One row per source per crawl: the crawl history of every source.",
        "columns": dict(SOURCE_FIELDS),
    },
    "fetches": {
        "comment": "One row per HTTP fetch attempt of every crawl (pages, documents, failures, robots-forbidden URLs).",
        "columns": dict(FETCH_FIELDS),
    },
    "documents": {
        "comment": "One row per distinct document content (doc_id = sha256 of the bytes), with its extracted text and metadata.",
        "columns": {
            "doc_id": "sha256 of the document bytes (content address in data/raw)",
            "url": "URL where the content was first seen",
            "source_id": "source of that first sighting",
            "municipality_code": "municipality of that source (null for regional/national sources until text matching)",
            "file_format": "real format sniffed from the bytes: pdf, docx, html, rtf, odt, doc, ...",
            "mime_type": "MIME type of the real format",
            "title": "document title, chosen among candidates (page-1 heading, metadata, heading styles, first lines naming a document kind, the link text) by a scorer that rejects letterheads, addresses, stamps and garbled text",
            "title_source": "where the title came from: layout | metadata | heading_style | doc_name_line | first_line | link_text | ...",
            "author": "author from document metadata",
            "pages": "page count (PDF)",
            "text": "extracted plain text (PDF pages separated by form feeds)",
            "text_chars": "length of text in characters",
            "needs_ocr": "true when the text layer is empty, image-only or garbage and OCR is needed",
            "extraction_status": "ok | needs_ocr | failed (retried next run) | unsupported | refused (over a safety limit: too large, an archive bomb; not retried for these bytes) | pending (not extracted yet)",
            "extraction_error": "reason when the status is not ok",
            "text_source": "where the text came from: text_layer (the file's own text), ocr (Tesseract on rendered pages), none",
            "language": "ISO 639-1 language of the text (seeded langdetect on a bounded sample + a Czech/Slovak decision)",
            "language_confidence": "confidence of the language (0-1)",
            "language_mixed": "true when parts of a long document are in different languages",
            "validity_from": "first year the document applies to ('2021-2030' -> 2021)",
            "validity_to": "last year the document applies to ('do roku 2030' -> 2030)",
            "approved_on": "date the document itself was approved (not dates it cites)",
            "approval_body": "who approved it, normalised (zastupitelstvo obce, rada města, zastupitelstvo kraje, vláda, ...)",
            "resolution_number": "number of the approving resolution (usnesení č. ...)",
            "municipality_source": "how municipality_code was found: source (a municipal website) or text (matched in title/first pages)",
            "kraj_code": "region the text names (regional documents)",
            "level": "municipal | regional | national | mas",
            "smart_scope": "village (municipality under 2,000 inhabitants) | city | region",
            "doc_type": "document type code of the project vocabulary (transforms/data/vocabulary.json document_types), else other",
            "is_strategic": "the document is a strategy: it names itself as one (strategy, concept, development plan or programme, action plan, SUMP, ...) and shows a strategy's structure (vision, priorities, goals, measures, indicators, ...); minutes, notices, budgets and tenders that mention one are not",
            "smart_score": "0-1: share of the text in passages that plan, procure or describe a SMART solution",
            "is_smart": "the document plans, procures or describes a SMART solution (its title or opening names one, or enough of its passages do; see docs/ANNOTATION.md); the passages are in document_evidence",
            "domains": "areas (vocabulary area codes) the document is about: of its SMART solutions when is_smart, else its subject; vote shares in document_domains",
            "annotation_status": "ok | failed | pending (no text to annotate yet)",
            "size_bytes": "size of the content in bytes",
            "first_seen_at": "UTC time of the first fetch of this content",
            "last_seen_at": "UTC time of the latest fetch of this content",
        },
    },
    "document_domains": {
        "comment": "Per-document score of every SMART area that matched, with the matched terms (the evidence behind documents.domains).",
        "columns": {
            "doc_id": "document (documents.doc_id)",
            "domain": "vocabulary area code",
            "score": "share of the area in the votes of the document's passages (0-1)",
            "selected": "true when the area is in documents.domains",
            "evidence": "passages that voted for the area (JSON list)",
        },
    },
    "funding_mentions": {
        "comment": "Funding programmes a document mentions (one row per document and programme).",
        "columns": {
            "doc_id": "document (documents.doc_id)",
            "programme_code": "programme code of the vocabulary (IROP, OPZP, MPO/TA ČR programmes, ...)",
            "snippet": "text around the first mention",
            "mentions": "how many times the programme is mentioned",
        },
    },
    "document_evidence": {
        "comment": "Why each label of a document was given: the sentences and passages behind it (one row each) and the rule that decided (kind 'rule').",
        "columns": {
            "doc_id": "document (documents.doc_id)",
            "field": "label the row supports: title | validity | approved_on | doc_type | is_strategic | is_smart | domain; rule rows also language | municipality | kraj | level | approval | smart",
            "value": "the value it supports (a doc type, an area code, a structure group of a strategy, true/false, a year range)",
            "kind": "where it stands: title | first lines | title page | passage | structure | statement | first_page | rule",
            "text": "the sentence or passage itself (at most 300 characters), or for a rule row its summary as JSON",
            "position": "character offset of the passage in documents.text (null for the title and rule rows)",
            "terms": "vocabulary terms found in it (JSON list)",
        },
    },
    "document_clusters": {
        "comment": "Documents that carry the same text (re-saved files, PDF/DOCX twins, near-identical copies), one row per document; editions of one strategy are chained in strategies.versions.",
        "columns": {
            "cluster_id": "stable id of the same-text group: derived from its smallest member doc_id, so it survives reruns",
            "doc_id": "document (documents.doc_id)",
            "similarity": "similarity to the cluster's canonical document (1.0 for the canonical itself; rapidfuzz on normalised text)",
            "role": "canonical (the one to read: PDF first, then earliest seen) | duplicate (same format) | format_twin (other format) | version (canonical of an older edition of a strategy)",
            "strategy_id": "strategy the document belongs to (strategies.strategy_id), null for non-strategic documents",
            "version_rank": "edition of the strategy, 1 = oldest (null when not a strategy)",
        },
    },
    "strategies": {
        "comment": "The analysts' main table: one row per strategy, its latest edition's facts, every edition and every URL where it was found.",
        "columns": {
            "strategy_id": "stable id from municipality (or kraj), document type and the title without years and update markers",
            "title": "title of the latest edition",
            "municipality_code": "municipality the strategy belongs to (null for regional/national ones)",
            "municipality_name": "municipality name",
            "kraj": "region name (of the municipality, or the region a regional strategy names)",
            "level": "municipal | regional | national | mas",
            "smart_scope": "village | city | region",
            "doc_type": "document type code",
            "validity_from": "first year of the latest edition",
            "validity_to": "last year of the latest edition",
            "approved_on": "approval date of the latest edition",
            "domains": "SMART areas of the latest edition",
            "is_smart": "the latest edition is about SMART solutions",
            "doc_id": "canonical document of the latest edition",
            "versions": "canonical doc_ids of every edition, oldest first",
            "urls": "every URL where any file of any edition was found",
            "first_seen_at": "first time any edition was fetched",
            "last_seen_at": "latest time any edition was fetched",
            "is_current": "the latest edition is still valid (validity_to is this year or later, or open-ended)",
        },
    },
    "document_urls": {
        "comment": "Every URL where a document was seen (one row per document and requested URL).",
        "columns": {
            "doc_id": "document (documents.doc_id)",
            "url": "URL as linked (before redirects)",
            "final_url": "URL after redirects",
            "source_id": "source the URL was found on",
            "link_text": "anchor text of the first link that led here",
            "referer": "page holding that link",
            "content_type": "Content-Type as served (may be wrong: see documents.file_format)",
            "filename": "file name from Content-Disposition or the URL path",
            "fetch_count": "how many fetches returned this content at this URL",
            "first_seen_at": "UTC time of the first fetch",
            "last_seen_at": "UTC time of the latest fetch",
        },
    },
}


def tables_markdown() -> str:
    """docs/TABLES.md, generated from TABLES so the docs never drift from the database comments."""
    out = ["# Warehouse tables (`data/warehouse.duckdb`)", "",
           "Generated from `pipelines/warehouse_schema.py` (`python -m pipelines.warehouse_schema > docs/TABLES.md`); the same",
           "text is stored in DuckDB as `COMMENT ON` (see `duckdb_tables()` / `duckdb_columns()`).", ""]
    for name, spec in TABLES.items():
        out += [f"## `{name}`", "", spec["comment"], "", "| column | meaning |", "|---|---|"]
        out += [f"| `{c}` | {d.replace('|', '&#124;')} |" for c, d in spec["columns"].items()]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(tables_markdown())
