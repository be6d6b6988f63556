"""Every table's columns, types and descriptions, defined once.

This one definition drives the fetch-log writer's validation (core.fetch_log), the warehouse DDL and its
`COMMENT ON` (pipelines.warehouse), the column schemas the Dagster UI shows for the warehouse assets, and
docs/TABLES.md (`python -m core.schema > docs/TABLES.md`). The fetch log's two record kinds are the tables
`fetches` and `source_crawls`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Mapping

# DuckDB types used by the warehouse
# (names as DuckDB reports them in duckdb_columns())
TEXT, INT, FLOAT, BOOL, DATE, TIME, TEXTS = ("VARCHAR", "BIGINT", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP WITH TIME ZONE",
                                             "VARCHAR[]")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    comment: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @cached_property
    def by_name(self) -> dict[str, Column]:
        return {c.name: c for c in self.columns}

    def column(self, name: str) -> Column:
        return self.by_name[name]

    def ddl(self) -> str:
        """CREATE TABLE statement of the warehouse table."""
        return f"CREATE TABLE {self.name} (" + ", ".join(f"{c.name} {c.type}" for c in self.columns) + ")"

    def comments(self) -> list[str]:
        """COMMENT ON statements: the table's and every column's description, stored in the database."""
        quote = lambda text: "'" + text.replace("'", "''") + "'"  # noqa: E731
        return [f"COMMENT ON TABLE {self.name} IS {quote(self.comment)}"] + [
            f"COMMENT ON COLUMN {self.name}.{c.name} IS {quote(c.description)}" for c in self.columns]


class SchemaError(ValueError):
    """A record that does not fit its table: a programming error, caught by the tests, never written."""


# Python values a column of each type accepts (dates and times travel as ISO 8601 strings until DuckDB casts them)
_ACCEPTS = {TEXT: (str,), INT: (int,), FLOAT: (int, float), BOOL: (bool,), DATE: (str,), TIME: (str,),
            TEXTS: (list, tuple)}


def conform(table: Table, record: Mapping) -> dict:
    """The record as a row of `table`: its columns in order, missing ones null. Keys starting with "_" travel
    beside a record (a body, say) and are left out; any other unknown key or a value of the wrong type raises."""
    unknown = [k for k in record if k not in table.by_name and not k.startswith("_")]
    if unknown:
        raise SchemaError(f"{table.name}: unknown column(s) {', '.join(map(repr, unknown))}")
    row = {}
    for c in table.columns:
        value = record.get(c.name)
        if value is not None and (not isinstance(value, _ACCEPTS[c.type])
                                  or (c.type in (INT, FLOAT) and isinstance(value, bool))):
            raise SchemaError(f"{table.name}.{c.name} is {c.type}, got {type(value).__name__} {value!r:.80}")
        row[c.name] = value
    return row


def _table(name: str, comment: str, *columns: tuple[str, str, str]) -> Table:
    return Table(name, comment, tuple(Column(*c) for c in columns))


TABLES: dict[str, Table] = {t.name: t for t in (
    _table(
        "municipalities",
        "Czech municipalities (RÚIAN/ČSÚ registry, 6,258 obce) with the project size class; seed data/seeds/municipalities (see its PROVENANCE.md).",
        ("municipality_code", TEXT, "RÚIAN/ČSÚ municipality code (kod_obce, 6 digits): the key everything links to"),
        ("name", TEXT, "municipality name (nazev_obce)"),
        ("official_name", TEXT, "official name of the accounting unit (e.g. 'Obec Blešno', 'Statutární město Ostrava')"),
        ("ico", TEXT, "company number (IČO) of the municipality"),
        ("okres_code", TEXT, "district (okres) code"),
        ("okres_name", TEXT, "district name"),
        ("orp_code", TEXT, "RÚIAN code of the municipality with extended powers (ORP) it belongs to"),
        ("orp_name", TEXT, "ORP name"),
        ("kraj_code", TEXT, "region (kraj) RÚIAN code"),
        ("kraj_name", TEXT, "region name"),
        ("kraj_nuts3", TEXT, "region NUTS3 code"),
        ("municipality_type", TEXT, "ordinary / POU / ORP / regional city (Státní pokladna codelist)"),
        ("population", INT, "inhabitants (Státní pokladna codelist, 2018); null for 10 municipalities created in 2016"),
        ("size_class", TEXT, "project size class: village_xs (<500), village (500-1,999), small_town (2,000-9,999), town (10,000-49,999), city (50,000+)"),
        ("web_domain_candidates", TEXT, "candidate web domains from e-mail addresses (heuristic, unverified)"),
    ),
    _table(
        "sources",
        "Harvest sources (one row per source_id, latest definition) with the outcome of their latest crawl.",
        ("source_id", TEXT, "source identifier from the sources file"),
        ("kind", TEXT, "municipal_site | regional_site | national_site | notice_board_feed (a notice board published as open data) | rd_dataset (open-data files: the IS VaVaI CEP export) | strategy_registry (the Databáze strategií) | good_practice_catalogue | rd_project_listing (a portal listing R&D projects, STARFOS-style)"),
        ("start_url", TEXT, "URL the crawl starts from"),
        ("municipality_code", TEXT, "municipality the source belongs to (null for regional/national sources)"),
        ("name", TEXT, "human name of the source"),
        ("pinned_cms", TEXT, "CMS family pinned in the sources file (null: recognised from the first page)"),
        ("document_hosts", TEXTS, "other hosts whose documents the source may fetch (a file server, a regional portal)"),
        ("enabled", BOOL, "false when the sources file keeps the source without crawling it"),
        ("last_crawl_id", TEXT, "latest crawl that visited the source"),
        ("cms", TEXT, "CMS family recognised by the spider in that crawl"),
        ("last_status", TEXT, "ok | no_documents | blocked_by_robots | unreachable | error"),
        ("last_reason", TEXT, "why the source yielded no documents in its latest crawl (null when it did)"),
        ("last_pages", INT, "HTML pages fetched in the latest crawl"),
        ("last_documents", INT, "documents fetched in the latest crawl"),
        ("last_errors", INT, "failed fetches in the latest crawl"),
        ("last_crawled_at", TIME, "UTC end of the latest crawl of the source"),
    ),
    _table(
        "source_crawls",
        "One row per source per crawl: the crawl history of every source.",
        ("crawl_id", TEXT, "crawl run"),
        ("source_id", TEXT, "source id"),
        ("start_url", TEXT, "start URL crawled"),
        ("cms", TEXT, "CMS family recognised"),
        ("status", TEXT, "ok | no_documents | blocked_by_robots | unreachable | error"),
        ("reason", TEXT, "why a source yielded no documents (null when it did)"),
        ("pages", INT, "HTML pages fetched"),
        ("documents", INT, "documents fetched (unchanged ones answered 304 included)"),
        ("new_documents", INT, "documents whose content the raw store did not have yet"),
        ("changed_documents", INT, "documents asked conditionally that came back with new content (200 instead of 304)"),
        ("not_modified", INT, "URLs answered 304 Not Modified (nothing downloaded)"),
        ("errors", INT, "failed fetches"),
        ("status_mix", TEXT, "HTTP statuses of the crawl's responses with their counts (JSON object, e.g. {\"200\": 12, \"304\": 80})"),
        ("complete", BOOL, "the crawl of the source ran to its end (not stopped early, no page limit reached): only such a crawl can show that a document is gone"),
        ("started_at", TIME, "UTC start"),
        ("finished_at", TIME, "UTC end"),
    ),
    _table(
        "source_health",
        "Spider health across nights: one row per source per crawl with the flags raised against the source's own recent history (transforms/health.py); `smartharvest health` prints the latest.",
        ("source_id", TEXT, "source"),
        ("crawl_id", TEXT, "crawl"),
        ("started_at", TIME, "UTC start of the crawl of this source"),
        ("status", TEXT, "ok | no_documents | blocked_by_robots | unreachable | error"),
        ("cms", TEXT, "CMS family recognised in this crawl"),
        ("pages", INT, "HTML pages fetched"),
        ("documents", INT, "documents fetched"),
        ("new_documents", INT, "documents new to the raw store"),
        ("changed_documents", INT, "documents whose content changed at their URL"),
        ("errors", INT, "failed fetches"),
        ("status_mix", TEXT, "HTTP statuses with counts (JSON object)"),
        ("median_documents", FLOAT, "median documents of the source's previous crawls that reached it (at most 7), null without history"),
        ("flags", TEXTS, "problems: yield_zero | yield_halved | cms_changed | robots_forbid_all | unreachable (empty when healthy)"),
        ("flag_reasons", TEXT, "each flag's reason in words, separated by '; '"),
    ),
    _table(
        "fetches",
        "One row per HTTP fetch attempt of every crawl (pages, documents, failures, robots-forbidden URLs).",
        ("crawl_id", TEXT, "id of the crawl run that made the request"),
        ("source_id", TEXT, "source (sources.csv) the request belongs to"),
        ("url", TEXT, "requested URL (before redirects)"),
        ("final_url", TEXT, "URL of the final response after redirects"),
        ("status", INT, "HTTP status of the final response; null when no response came; 304 when the URL was asked conditionally and its stored copy is current (outcome ok, sha256 of that copy, nothing downloaded)"),
        ("outcome", TEXT, "ok | http_error | redirect_loop | forbidden_by_robots | offsite | too_large | timeout | connection_error | error"),
        ("error", TEXT, "reason text when outcome is not ok"),
        ("kind", TEXT, "page (HTML to follow) | document (file or document page to extract) | feed (a notice board's open-data feed) | dataset (an open-data file such as the CEP export) | record (a record page of a portal: the Databáze strategií, a good-practice catalogue)"),
        ("content_type", TEXT, "Content-Type header as served"),
        ("content_disposition", TEXT, "Content-Disposition header as served"),
        ("content_length", INT, "length of the body downloaded, in bytes (null for a 304)"),
        ("etag", TEXT, "ETag header"),
        ("last_modified", TEXT, "Last-Modified header"),
        ("referer", TEXT, "page that linked to this URL"),
        ("link_text", TEXT, "anchor text of the link that led here"),
        ("link_context", TEXT, "text around the link on the referring page (list item, heading)"),
        ("depth", INT, "link depth from the start URL"),
        ("cms", TEXT, "CMS family the spider recognised on the source"),
        ("sha256", TEXT, "sha256 of the body in the raw store (null when nothing was stored)"),
        ("fetched_at", TIME, "UTC time of the response (ISO 8601)"),
    ),
    _table(
        "documents",
        "One row per distinct document content (doc_id = sha256 of the bytes), with its extracted text and metadata.",
        ("doc_id", TEXT, "sha256 of the document bytes (content address in data/raw)"),
        ("url", TEXT, "URL where the content was first seen"),
        ("source_id", TEXT, "source of that first sighting"),
        ("municipality_code", TEXT, "municipality of that source (null for regional/national sources until text matching)"),
        ("file_format", TEXT, "real format sniffed from the bytes: pdf, docx, html, rtf, odt, doc, ..."),
        ("mime_type", TEXT, "MIME type of the real format"),
        ("title", TEXT, "document title, chosen among candidates (page-1 heading, metadata, heading styles, first lines naming a document kind, the link text) by a scorer that rejects letterheads, addresses, stamps and garbled text"),
        ("title_source", TEXT, "where the title came from: layout | metadata | heading_style | doc_name_line | first_line | link_text | ..."),
        ("author", TEXT, "author from document metadata"),
        ("pages", INT, "page count (PDF)"),
        ("text", TEXT, "extracted plain text (PDF pages separated by form feeds)"),
        ("text_chars", INT, "length of text in characters"),
        ("needs_ocr", BOOL, "true when the text layer is empty, image-only or garbage and OCR is needed"),
        ("extraction_status", TEXT, "ok | needs_ocr | failed (retried next run) | unsupported | refused (over a safety limit: too large, an archive bomb; not retried for these bytes) | pending (not extracted yet)"),
        ("extraction_error", TEXT, "reason when the status is not ok"),
        ("text_source", TEXT, "where the text came from: text_layer (the file's own text), ocr (Tesseract on rendered pages), none"),
        ("language", TEXT, "ISO 639-1 language of the text (seeded langdetect on a bounded sample + a Czech/Slovak decision)"),
        ("language_confidence", FLOAT, "confidence of the language (0-1)"),
        ("language_mixed", BOOL, "true when parts of a long document are in different languages"),
        ("validity_from", INT, "first year the document applies to ('2021-2030' -> 2021)"),
        ("validity_to", INT, "last year the document applies to ('do roku 2030' -> 2030)"),
        ("approved_on", DATE, "date the document itself was approved (not dates it cites)"),
        ("approval_body", TEXT, "who approved it, normalised (zastupitelstvo obce, rada města, zastupitelstvo kraje, vláda, ...)"),
        ("resolution_number", TEXT, "number of the approving resolution (usnesení č. ...)"),
        ("municipality_source", TEXT, "how municipality_code was found: source (a municipal website) or text (matched in title/first pages)"),
        ("kraj_code", TEXT, "region the text names (regional documents)"),
        ("level", TEXT, "municipal | regional | national | mas"),
        ("smart_scope", TEXT, "village (municipality under 2,000 inhabitants) | city | region"),
        ("doc_type", TEXT, "document type code of the project vocabulary (transforms/data/vocabulary.json document_types), else other"),
        ("is_strategic", BOOL, "the document is a strategy: it names itself as one (strategy, concept, development plan or programme, action plan, SUMP, ...) and shows a strategy's structure (vision, priorities, goals, measures, indicators, ...); minutes, notices, budgets and tenders that mention one are not"),
        ("smart_score", FLOAT, "0-1: share of the text in passages that plan, procure or describe a SMART solution"),
        ("is_smart", BOOL, "the document plans, procures or describes a SMART solution (its title or opening names one, or enough of its passages do; see docs/ANNOTATION.md); the passages are in document_evidence"),
        ("domains", TEXTS, "areas (vocabulary area codes) the document is about: of its SMART solutions when is_smart, else its subject; vote shares in document_domains"),
        ("annotation_status", TEXT, "ok | failed | pending (no text to annotate yet)"),
        ("size_bytes", INT, "size of the content in bytes"),
        ("found_via", TEXTS, "the routes that found it: page (linked from a web page), feed (listed by a notice board's open-data feed), record (the full text of a Databáze strategií record), start (a start URL)"),
        ("first_seen_at", TIME, "UTC time of the first fetch of this content"),
        ("last_seen_at", TIME, "UTC time of the latest fetch of this content"),
        ("gone_since", TIME, "set when no URL serves this content any more: start of the first crawl that reached its site(s) without finding it (never deleted; null while it is still linked somewhere)"),
    ),
    _table(
        "document_domains",
        "Per-document score of every SMART area that matched, with the matched terms (the evidence behind documents.domains).",
        ("doc_id", TEXT, "document (documents.doc_id)"),
        ("domain", TEXT, "vocabulary area code"),
        ("score", FLOAT, "share of the area in the votes of the document's passages (0-1)"),
        ("selected", BOOL, "true when the area is in documents.domains"),
        ("evidence", TEXT, "passages that voted for the area (JSON list)"),
    ),
    _table(
        "funding_mentions",
        "What funds what: programmes a document mentions (one row per document and programme), the programme of each R&D project (its provider and programme code) and the programmes a good practice names, so funding can be summed by area and programme.",
        ("doc_id", TEXT, "document (documents.doc_id) for subject = document, else null"),
        ("programme_code", TEXT, "programme (funding_programmes.programme_code)"),
        ("snippet", TEXT, "text around the first mention (a project: its title)"),
        ("mentions", INT, "how many times the programme is mentioned (a project: null)"),
        ("subject", TEXT, "document | rd_project | good_practice"),
        ("subject_id", TEXT, "doc_id, project_code or practice_id"),
        ("amount_czk", INT, "money the programme gives the subject, when known: a project's state support (CZK); null for documents and practices (a practice's total cost is good_practices.cost_czk)"),
    ),
    _table(
        "funding_programmes",
        "Funding programmes for SMART solutions (EU cohesion, national, RDI, EU direct): who provides them, when, what they fund; reference data data/seeds/funding_programmes.csv built from the domain taxonomy.",
        ("programme_code", TEXT, "programme code (TA ČR programmes as TACR_<code>)"),
        ("name", TEXT, "programme name"),
        ("parent_code", TEXT, "umbrella programme or provider (TACR for TA ČR programmes), else null"),
        ("provider", TEXT, "managing authority or provider"),
        ("period", TEXT, "programming period(s)"),
        ("kind", TEXT, "EU cohesion, national RDI, EU direct, ..."),
        ("funds", TEXT, "what it funds that matters for SMART solutions"),
        ("cep_code_prefix", TEXT, "prefix of its R&D project codes in IS VaVaI/CEP (TA ČR: TL = ÉTA, CK = DOPRAVA 2020+, ...)"),
        ("provenance", TEXT, "S stated in a located source, T translated/inferred, G general knowledge (unverified)"),
    ),
    _table(
        "document_evidence",
        "Why each label of a document was given: the sentences and passages behind it (one row each) and the rule that decided (kind 'rule').",
        ("doc_id", TEXT, "document (documents.doc_id)"),
        ("field", TEXT, "label the row supports: title | validity | approved_on | doc_type | is_strategic | is_smart | domain; rule rows also language | municipality | kraj | level | approval | smart"),
        ("value", TEXT, "the value it supports (a doc type, an area code, a structure group of a strategy, true/false, a year range)"),
        ("kind", TEXT, "where it stands: title | first lines | title page | passage | structure | statement | first_page | rule"),
        ("text", TEXT, "the sentence or passage itself (at most 300 characters), or for a rule row its summary as JSON"),
        ("position", INT, "character offset of the passage in documents.text (null for the title and rule rows)"),
        ("terms", TEXT, "vocabulary terms found in it (JSON list)"),
    ),
    _table(
        "document_clusters",
        "Documents that carry the same text (re-saved files, PDF/DOCX twins, near-identical copies), one row per document; editions of one strategy are chained in strategies.versions.",
        ("cluster_id", TEXT, "stable id of the same-text group: derived from its smallest member doc_id, so it survives reruns"),
        ("doc_id", TEXT, "document (documents.doc_id)"),
        ("similarity", FLOAT, "similarity to the cluster's canonical document (1.0 for the canonical itself; rapidfuzz on normalised text)"),
        ("role", TEXT, "canonical (the one to read: PDF first, then earliest seen) | duplicate (same format) | format_twin (other format) | version (canonical of an older edition of a strategy)"),
        ("strategy_id", TEXT, "strategy the document belongs to (strategies.strategy_id), null for non-strategic documents"),
        ("version_rank", INT, "edition of the strategy, 1 = oldest (null when not a strategy)"),
    ),
    _table(
        "strategies",
        "The analysts' main table: one row per strategy, its latest edition's facts, every edition and every URL where it was found.",
        ("strategy_id", TEXT, "stable id from municipality (or kraj), document type and the title without years and update markers"),
        ("title", TEXT, "title of the latest edition"),
        ("municipality_code", TEXT, "municipality the strategy belongs to (null for regional/national ones)"),
        ("municipality_name", TEXT, "municipality name"),
        ("kraj", TEXT, "region name (of the municipality, or the region a regional strategy names)"),
        ("level", TEXT, "municipal | regional | national | mas"),
        ("smart_scope", TEXT, "village | city | region"),
        ("doc_type", TEXT, "document type code"),
        ("validity_from", INT, "first year of the latest edition"),
        ("validity_to", INT, "last year of the latest edition"),
        ("approved_on", DATE, "approval date of the latest edition"),
        ("domains", TEXTS, "SMART areas of the latest edition"),
        ("is_smart", BOOL, "the latest edition is about SMART solutions"),
        ("doc_id", TEXT, "canonical document of the latest edition"),
        ("versions", TEXTS, "canonical doc_ids of every edition, oldest first"),
        ("urls", TEXTS, "every URL where any file of any edition was found"),
        ("first_seen_at", TIME, "first time any edition was fetched"),
        ("last_seen_at", TIME, "latest time any edition was fetched"),
        ("is_current", BOOL, "the latest edition is still valid (validity_to is this year or later, or open-ended)"),
        ("in_registry", BOOL, "the national Databáze strategií registers this strategy (a strategy_registry record links to it)"),
        ("registry_url", TEXT, "URL of that registry record"),
    ),
    _table(
        "strategy_registry",
        "Records of the national Databáze strategií (MMR): one row per record page, with the harvested strategy it describes when one matches (same municipality or kraj, title without years and edition words, validity that does not contradict).",
        ("record_url", TEXT, "URL of the record's detail page (its identity)"),
        ("name", TEXT, "name of the strategy as registered"),
        ("gestor", TEXT, "responsible institution (gestor)"),
        ("gestor_slug", TEXT, "the gestor's URL segment"),
        ("level", TEXT, "úroveň as registered: mezinárodní | národní | regionální | místní"),
        ("zpracovatel", TEXT, "who prepared the document"),
        ("approved_on", DATE, "date of approval"),
        ("valid_from", INT, "first year of validity"),
        ("valid_to", INT, "last year of validity"),
        ("summary", TEXT, "summary of content and implementation"),
        ("descriptors", TEXTS, "thematic descriptors of the registry (roman numeral, letter and label, e.g. 'XVII.c veřejné služby')"),
        ("fulltext_urls", TEXTS, "links to the full text (harvested as documents)"),
        ("municipality_code", TEXT, "municipality of the gestor (matched by name), null for other gestors"),
        ("kraj_code", TEXT, "kraj of the gestor, when it is a region or a municipality"),
        ("strategy_id", TEXT, "the harvested strategy this record describes (strategies.strategy_id), else null"),
        ("link_score", FLOAT, "title similarity of that link (rapidfuzz token_set_ratio on titles without years, 0-100)"),
        ("source_id", TEXT, "strategy_registry source"),
        ("first_seen_at", TIME, "first fetch of the record page"),
        ("last_seen_at", TIME, "latest fetch of the record page"),
    ),
    _table(
        "good_practices",
        "Good practices of SMART solutions from good-practice catalogues (the inspiromat): one row per practice page, without personal contact data.",
        ("practice_id", TEXT, "stable id: 'gp_' + 16 hex of sha256 of the practice page URL"),
        ("title", TEXT, "title of the practice"),
        ("description", TEXT, "what was done and what it brought (contact details removed)"),
        ("municipality_name", TEXT, "the registry name of the Czech municipality when it is matched, else the place as the catalogue names it without a status word (Obec, City of)"),
        ("municipality_code", TEXT, "Czech municipality matched by name, else null"),
        ("country", TEXT, "ISO 3166-1 alpha-2 country code"),
        ("population", INT, "inhabitants as the catalogue gives them"),
        ("size_class", TEXT, "size class of the municipality: village_xs (<500), village (500-1,999), small_town (2,000-9,999), town (10,000-49,999), city (50,000+)"),
        ("domains", TEXTS, "SMART areas (vocabulary area codes) of the practice, by the documents' classifier"),
        ("funding_programmes", TEXTS, "funding programmes named (funding_programmes.programme_code)"),
        ("funding_texts", TEXTS, "funding as the catalogue words it"),
        ("cost_czk", INT, "cost in CZK (EUR at 25 CZK)"),
        ("year", INT, "year of implementation"),
        ("source_url", TEXT, "the practice page"),
        ("source_id", TEXT, "good_practice_catalogue source"),
    ),
    _table(
        "notice_board_records",
        "Notices of notice boards published as open data (OFN Úřední desky and the feeds that deviate from it): one row per notice per source, with its latest values; its attachments are fetched as documents (documents.found_via).",
        ("source_id", TEXT, "notice_board_feed source whose feed lists the notice"),
        ("feed_url", TEXT, "URL of the feed"),
        ("record_key", TEXT, "the notice's identity across versions of the feed: its IRI, else its URL, else title and posting date"),
        ("board_iri", TEXT, "IRI of the board (a feed may hold several boards)"),
        ("publisher_ico", TEXT, "IČO of the board's operator (provozovatel), 8 digits"),
        ("municipality_code", TEXT, "municipality of the source, else the municipality with the publisher's IČO"),
        ("iri", TEXT, "IRI of the notice"),
        ("url", TEXT, "web page of the notice"),
        ("title", TEXT, "title (název)"),
        ("posted_on", DATE, "date posted (vyvěšení); null when the feed says it is unspecified or gives none"),
        ("relevant_until", DATE, "date it is relevant until (relevantní do); null when unspecified"),
        ("relevant_until_unspecified", BOOL, "the feed says the end is unspecified (nespecifikovaný)"),
        ("reference_number", TEXT, "číslo jednací"),
        ("file_mark", TEXT, "spisová značka"),
        ("agendas", TEXTS, "agendas the notice belongs to"),
        ("attachment_titles", TEXTS, "titles of the attachments, in the order of attachment_urls (empty when none is given)"),
        ("attachment_urls", TEXTS, "URLs of the attachments (fetched as documents)"),
        ("description", TEXT, "description (popis), when given"),
        ("feed_format", TEXT, "how the feed was read: ofn-jsonld | json-array-of-boards | plain-json | xml | csv"),
        ("first_seen_at", TIME, "first fetch of a feed version listing the notice"),
        ("last_seen_at", TIME, "latest fetch of a feed version listing the notice"),
        ("in_latest_feed", BOOL, "the latest fetched version of the feed still lists the notice (feeds hold what is on the board now)"),
    ),
    _table(
        "rd_projects",
        "R&D projects of the IS VaVaI open data (CEP-projekty.csv) fetched by rd_dataset sources, and those only a project-listing portal (rd_project_listing, STARFOS-style) shows yet: one row per project (the newest file's row, else the listing page's), judged by the documents' SMART classifier on its title, goals and keywords.",
        ("project_code", TEXT, "project code (kod_projektu), e.g. TL01000217"),
        ("provider", TEXT, "provider code (poskytovatel), e.g. TA0 = TA ČR, GA0 = GA ČR, MV0"),
        ("programme_code", TEXT, "programme code (kod_programu), e.g. TL = ÉTA"),
        ("funding_programme", TEXT, "the programme as a funding_programmes code (TACR_<code> for TA ČR programmes), when known"),
        ("title", TEXT, "title (nazev_projektu_originalni)"),
        ("title_en", TEXT, "English title"),
        ("goals", TEXT, "goals of the project (cile_reseni_originalni)"),
        ("goals_en", TEXT, "goals in English"),
        ("keywords", TEXTS, "keywords (klicova_slova_anglicky; often Czech despite the name)"),
        ("started_on", DATE, "start date (datum_zahajeni); null in about 40 % of the real export"),
        ("ended_on", DATE, "end date (datum_ukonceni)"),
        ("start_year", INT, "start year (rok_zahajeni, else from the date)"),
        ("end_year", INT, "end year"),
        ("total_cost_czk", INT, "total cost over the project's life, CZK as written in the export"),
        ("state_support_czk", INT, "state support over the project's life, CZK"),
        ("foreign_support_czk", INT, "support from public foreign sources, CZK"),
        ("recipient_name", TEXT, "main recipient (nazev_organizace)"),
        ("recipient_ico", TEXT, "main recipient's IČO, 8 digits"),
        ("recipient_country", TEXT, "country of the main recipient"),
        ("status", TEXT, "latest state of the project (posledni_stav_projektu)"),
        ("url", TEXT, "the project's page in IS VaVaI (its listing page for a project no file holds)"),
        ("is_smart", BOOL, "the project plans, develops or applies a SMART solution: transforms.smart on title, goals and keywords, or a SMART solution or technology named with a public subject (transforms.rd_project; then domains may be empty)"),
        ("smart_score", FLOAT, "0-1 share of its text in SMART passages"),
        ("domains", TEXTS, "SMART areas (vocabulary area codes)"),
        ("municipality_codes", TEXTS, "municipalities the project is linked to: a participant or the recipient is the municipality (by IČO), or the title or goals name it"),
        ("listing_url", TEXT, "the project's page on a project-listing portal, when one lists it"),
        ("source_id", TEXT, "rd_dataset source of the file (the rd_project_listing source for a project no file holds)"),
        ("file_url", TEXT, "URL of the file (null for a project no file holds)"),
        ("line", INT, "line of the record in the file"),
    ),
    _table(
        "rd_participants",
        "Participants of R&D projects (CEP-ucastnici.csv of the same sources; for a project only a listing portal shows, the participants its page names): one row per participant per project.",
        ("project_code", TEXT, "project (rd_projects.project_code)"),
        ("provider", TEXT, "provider code"),
        ("participant_key", TEXT, "participant key as written (ucastnik; 'ico:<IČO>' for Czech organisations)"),
        ("participant_ico", TEXT, "participant's IČO, 8 digits (null for foreign participants)"),
        ("participant_name", TEXT, "participant's name"),
        ("country", TEXT, "country of the participant's seat"),
        ("cost_czk", INT, "the participant's costs over the project's life, CZK"),
        ("support_czk", INT, "state support for the participant, CZK"),
        ("foreign_support_czk", INT, "support from public foreign sources, CZK"),
        ("ror", TEXT, "ROR id of the participant, when given"),
        ("municipality_code", TEXT, "the municipality this participant is (by IČO), else null"),
        ("source_id", TEXT, "rd_dataset source of the file"),
        ("file_url", TEXT, "URL of the file"),
        ("line", INT, "line of the record in the file"),
    ),
    _table(
        "record_problems",
        "Records of feeds and data files that could not be read, or were read without one of their values: one row per problem of each file's latest version, with where and why.",
        ("source_id", TEXT, "source the file came from"),
        ("file_url", TEXT, "URL of the feed or data file"),
        ("sha256", TEXT, "content hash of the file version (raw store)"),
        ("kind", TEXT, "feed | dataset"),
        ("position", TEXT, "where in the file: a JSON path, an XML path or a line"),
        ("line", INT, "1-based line in the file, when known"),
        ("record", TEXT, "the record's IRI, title or code, when known"),
        ("reason", TEXT, "what could not be read"),
        ("record_kept", BOOL, "true: the record is in its table, only the named value is missing; false: the record was not read"),
    ),
    _table(
        "document_urls",
        "Every URL where a document was seen (one row per document and requested URL).",
        ("doc_id", TEXT, "document (documents.doc_id)"),
        ("url", TEXT, "URL as linked (before redirects)"),
        ("final_url", TEXT, "URL after redirects"),
        ("source_id", TEXT, "source the URL was found on"),
        ("link_text", TEXT, "anchor text of the first link that led here"),
        ("referer", TEXT, "page holding that link"),
        ("content_type", TEXT, "Content-Type as served (may be wrong: see documents.file_format)"),
        ("filename", TEXT, "file name from Content-Disposition or the URL path"),
        ("fetch_count", INT, "how many fetches returned this content at this URL"),
        ("first_seen_at", TIME, "UTC time of the first fetch"),
        ("last_seen_at", TIME, "UTC time of the latest fetch"),
        ("gone_since", TIME, "set when the URL no longer serves this content (unlinked, removed, or it now serves another document): start of the first crawl that reached the site without fetching it here"),
    ),
    _table(
        "recommendations",
        "The inspiromat for every municipality of the registry: the best good practices, strategies and SMART R&D projects of comparable municipalities (same or near size class, same or neighbouring kraj, shared SMART areas), ranked, each with its reason; transforms/inspiromat.py.",
        ("municipality_code", TEXT, "municipality the inspiration is for (municipalities.municipality_code); every registry municipality has rows when any candidate is comparable"),
        ("municipality_name", TEXT, "its name, with its okres (the registry has many namesakes): 'Lhota (okres Kladno)'"),
        ("rank", INT, "1 = best; ties ordered by kind and item id, so the order is stable across runs"),
        ("kind", TEXT, "good_practice | strategy | rd_project"),
        ("item_id", TEXT, "good_practices.practice_id, strategies.strategy_id or rd_projects.project_code"),
        ("title", TEXT, "title of the item"),
        ("url", TEXT, "link to its evidence: the practice page, the strategy's document, the project's IS VaVaI page"),
        ("place", TEXT, "municipality (or kraj) the item comes from"),
        ("domains", TEXTS, "SMART areas of the item (vocabulary area codes)"),
        ("reason", TEXT, "why it was chosen, in Czech (e.g. 'stejná velikostní skupina (500–1 999 obyvatel), stejný kraj, sdílené oblasti: energetika, realizovaná dobrá praxe (2022)')"),
        ("score", FLOAT, "comparability score: same size class 3, near 1; same kraj 2, neighbouring 1; 1.5 per shared area (at most 2); evidence up to 1.25"),
    ),
    _table(
        "search_items",
        "What full-text search finds (pipelines/search.py): one row per indexed document, strategy, R&D project and good practice, with the facts its filters and hits show. Documents that only repeat another's text (document_clusters role duplicate or format_twin) are left out.",
        ("item_kind", TEXT, "document | strategy | rd_project | good_practice"),
        ("item_id", TEXT, "the item in its table: documents.doc_id, strategies.strategy_id, rd_projects.project_code, good_practices.practice_id"),
        ("title", TEXT, "title of the item"),
        ("url", TEXT, "where to read it: the document's URL, the strategy's first URL, the project's IS VaVaI (else listing) page, the practice page"),
        ("kraj_code", TEXT, "region (kraj) RÚIAN code: the document's own, else its municipality's; a strategy's municipality's, else the region it names; a project's first linked municipality's; a practice's municipality's"),
        ("level", TEXT, "municipal | regional | national | mas for documents and strategies; null for projects and practices"),
        ("domains", TEXTS, "SMART areas (vocabulary area codes) of the item"),
        ("municipality_code", TEXT, "municipality of the item (a project: its first linked municipality)"),
        ("doc_id", TEXT, "document behind the item (a document itself, a strategy's canonical document), else null"),
        ("excerpt", TEXT, "opening of the indexed text beside the title (at most 2,000 characters): documents.text, rd_projects.goals and keywords, good_practices.description; null for strategies"),
        ("length", INT, "length of the item in terms, the title's counted three times (BM25 document length)"),
    ),
    _table(
        "search_terms",
        "The inverted index of full-text search: one row per term per item, sorted by term. Terms are lemmatised, accent-folded Czech words without stop words (transforms.search_text.terms).",
        ("term", TEXT, "folded lemma ('strategií' -> 'strategie', 'osvětlení' -> 'osvetleni')"),
        ("item_kind", TEXT, "search_items.item_kind"),
        ("item_id", TEXT, "search_items.item_id"),
        ("tf", INT, "occurrences of the term in the item, each in the title counted three times"),
    ),
    _table(
        "search_stats",
        "Collection statistics BM25 needs, one row.",
        ("n", INT, "N: number of items indexed"),
        ("avgdl", FLOAT, "mean item length in terms"),
    ),
)}


# what the analyst views count as a municipality's plan (pipelines/analyst_views.py)
QUALIFYING = ("SMART or development strategy (a strategy judged SMART, or a strategic development plan, a development "
              "programme or a SMART city/village concept)")

VIEWS: dict[str, Table] = {t.name: t for t in (
    _table(
        "municipality_strategy_status",
        f"One row per registry municipality (all 6,258): what the harvest found for it, and whether it has a {QUALIFYING}.",
        ("municipality_code", TEXT, "municipality (municipalities.municipality_code)"),
        ("name", TEXT, "municipality name"),
        ("okres_name", TEXT, "district name"),
        ("kraj_code", TEXT, "region RÚIAN code"),
        ("kraj_name", TEXT, "region name"),
        ("size_class", TEXT, "project size class (municipalities.size_class)"),
        ("population", INT, "inhabitants (2018)"),
        ("documents", INT, "documents linked to the municipality (gone ones included)"),
        ("smart_documents", INT, "of them judged SMART"),
        ("strategies", INT, "harvested strategies of the municipality (strategies table), any type"),
        ("smart_strategies", INT, "of them judged SMART"),
        ("has_smart_or_development_strategy", BOOL, f"the municipality has a {QUALIFYING}"),
        ("has_current_strategy", BOOL, "such a strategy is still valid (strategies.is_current)"),
        ("newest_validity_to", INT, "latest validity_to among such strategies (null when none or open-ended)"),
        ("strategies_in_registry", INT, "its strategies the national Databáze strategií registers"),
    ),
    _table(
        "municipality_coverage",
        f"Coverage by kraj and size class: how many municipalities have a {QUALIFYING}, from municipality_strategy_status.",
        ("kraj_code", TEXT, "region RÚIAN code"),
        ("kraj_name", TEXT, "region name"),
        ("size_class", TEXT, "project size class (null for the 10 municipalities without a population)"),
        ("municipalities", INT, "municipalities of the registry in the group"),
        ("population", INT, "their inhabitants"),
        ("with_documents", INT, "municipalities with at least one harvested document"),
        ("with_strategy", INT, "municipalities with a SMART or development strategy"),
        ("share_with_strategy", FLOAT, "with_strategy / municipalities (0-1, 4 decimals)"),
        ("with_current_strategy", INT, "municipalities whose such strategy is still valid"),
        ("with_smart_strategy", INT, "municipalities with a strategy judged SMART"),
        ("newest_validity_to", INT, "latest validity_to of such a strategy in the group"),
    ),
    _table(
        "smart_projects_by_area",
        "SMART R&D projects (rd_projects.is_smart) per SMART area: how many, how much support, how many municipalities take part. A project of several areas counts in each.",
        ("area", TEXT, "vocabulary area code"),
        ("area_label", TEXT, "the area in Czech"),
        ("projects", INT, "SMART projects of the area"),
        ("municipalities", INT, "distinct municipalities linked to them (rd_projects.municipality_codes)"),
        ("total_cost_czk", INT, "sum of their total costs, CZK"),
        ("state_support_czk", INT, "sum of their state support, CZK"),
        ("first_start_year", INT, "earliest start year"),
        ("last_end_year", INT, "latest end year"),
    ),
    _table(
        "funding_by_programme_and_area",
        "What each funding programme funds, by subject kind and SMART area (funding_mentions joined to the subject's areas). A subject of several areas counts in each; a subject without areas has area null.",
        ("programme_code", TEXT, "funding_programmes.programme_code"),
        ("programme_name", TEXT, "programme name (null when the programme is not in the reference data)"),
        ("programme_kind", TEXT, "EU cohesion, national RDI, ..."),
        ("subject", TEXT, "document | rd_project | good_practice"),
        ("area", TEXT, "vocabulary area code of the subject, null when it has none"),
        ("area_label", TEXT, "the area in Czech"),
        ("subjects", INT, "distinct subjects mentioning or funded by the programme"),
        ("smart_subjects", INT, "of them SMART (documents and projects judged SMART; every good practice)"),
        ("amount_czk", INT, "money the programme gives them when known (R&D projects' state support), CZK"),
    ),
    _table(
        "good_practices_by_area_and_size",
        "Good practices of the catalogues per SMART area and size class: what the inspiromat can offer a municipality of each size. A practice of several areas counts in each.",
        ("area", TEXT, "vocabulary area code"),
        ("area_label", TEXT, "the area in Czech"),
        ("size_class", TEXT, "size class of the practice's municipality (null when unknown)"),
        ("practices", INT, "good practices"),
        ("czech_practices", INT, "of them in Czechia"),
        ("countries", TEXTS, "countries of the practices (ISO codes, sorted)"),
        ("median_cost_czk", FLOAT, "median cost of those with a cost, CZK"),
        ("newest_year", INT, "latest year of implementation"),
    ),
    _table(
        "strategies_missing_from_registry",
        "Harvested strategies the national Databáze strategií does not register (strategies.in_registry false): candidates to report to its gestor.",
        ("strategy_id", TEXT, "strategies.strategy_id"),
        ("title", TEXT, "title of the latest edition"),
        ("municipality_code", TEXT, "municipality (null for regional and MAS strategies)"),
        ("municipality_name", TEXT, "municipality name"),
        ("kraj", TEXT, "region name"),
        ("level", TEXT, "municipal | regional | national | mas"),
        ("doc_type", TEXT, "document type code"),
        ("validity_from", INT, "first year"),
        ("validity_to", INT, "last year"),
        ("is_smart", BOOL, "judged SMART"),
        ("is_current", BOOL, "still valid"),
        ("url", TEXT, "a URL where it was found"),
    ),
    _table(
        "registry_records_not_harvested",
        "Records of the Databáze strategií no harvested strategy matches (strategy_registry.strategy_id null): strategies the harvest has not found on the web yet.",
        ("record_url", TEXT, "the registry record page"),
        ("name", TEXT, "name as registered"),
        ("gestor", TEXT, "responsible institution"),
        ("level", TEXT, "úroveň as registered"),
        ("municipality_code", TEXT, "municipality of the gestor, when it is one"),
        ("kraj_code", TEXT, "kraj of the gestor"),
        ("valid_from", INT, "first year of validity"),
        ("valid_to", INT, "last year of validity"),
        ("fulltext_urls", INT, "number of full-text links the record gives"),
        ("last_seen_at", TIME, "latest fetch of the record page"),
    ),
)}


def tables_markdown() -> str:
    """docs/TABLES.md, generated from TABLES so the docs never drift from the database comments."""
    out = ["# Warehouse tables (`data/warehouse.duckdb`)", "",
           "Generated from `core/schema.py` (`python -m core.schema > docs/TABLES.md`); the same text is stored in",
           "DuckDB as `COMMENT ON` (see `duckdb_tables()` / `duckdb_columns()`) and shown in the Dagster UI.", ""]
    for heading, defs in (("", TABLES), ("# Analyst views", VIEWS)):
        if heading:
            out += [heading, "", "Views over the tables (pipelines/analyst_views.py), documented the same way.", ""]
        for t in defs.values():
            out += [f"## `{t.name}`", "", t.comment, "", "| column | type | meaning |", "|---|---|---|"]
            out += [f"| `{c.name}` | {c.type} | {c.description.replace('|', '&#124;')} |" for c in t.columns]
            out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(tables_markdown())
