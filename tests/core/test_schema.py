"""One schema: each table's columns, types and descriptions are defined once and drive every consumer (issue 9)."""
from __future__ import annotations

import json

import duckdb
import pytest

from core import fetch_log
from core.schema import TABLES, SchemaError, conform, tables_markdown


def test_every_column_has_a_known_type_and_a_description():
    for t in TABLES.values():
        assert t.comment and len(set(t.names)) == len(t.names), t.name
        for c in t.columns:
            assert c.type in {"VARCHAR", "BIGINT", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP WITH TIME ZONE", "VARCHAR[]"}, c
            assert c.description.strip(), (t.name, c.name)


def test_a_record_is_conformed_to_its_table_in_column_order_with_missing_columns_null():
    row = conform(TABLES["source_crawls"], {"status": "ok", "crawl_id": "c1", "pages": 3})
    assert list(row) == list(TABLES["source_crawls"].names)
    assert row["crawl_id"] == "c1" and row["pages"] == 3 and row["reason"] is None


def test_private_keys_travel_beside_a_record_but_are_not_written():
    assert "_body" not in conform(TABLES["fetches"], {"url": "http://x/", "_body": b"..."})


@pytest.mark.parametrize("record, message", [
    ({"urll": "http://x/"}, "unknown column"),
    ({"status": "200"}, "fetches.status is BIGINT"),
    ({"status": True}, "fetches.status is BIGINT"),
    ({"depth": 1.5}, "fetches.depth is BIGINT"),
    ({"url": 5}, "fetches.url is VARCHAR"),
])
def test_a_record_that_does_not_fit_is_refused(record, message):
    with pytest.raises(SchemaError, match=message):
        conform(TABLES["fetches"], record)


def test_the_fetch_log_writer_checks_every_line_and_writes_nothing_that_does_not_fit(tmp_path):
    path = tmp_path / "c.fetches.jsonl"
    log = fetch_log.JsonlAppender(path, fetch_log.FETCHES)
    log.write({"crawl_id": "c", "url": "http://127.0.0.1/", "status": 200})
    with pytest.raises(SchemaError):
        log.write({"crawl_id": "c", "url": "http://127.0.0.1/x", "content_lenght": 10})
    log.close()
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 1 and list(lines[0]) == list(fetch_log.FETCH_FIELDS)


def test_the_ddl_and_comments_create_the_table_with_its_types_and_descriptions():
    con = duckdb.connect()
    t = TABLES["document_urls"]
    con.execute(t.ddl())
    for statement in t.comments():
        con.execute(statement)
    cols = con.execute("SELECT column_name, data_type, comment FROM duckdb_columns() WHERE table_name = ?",
                       [t.name]).fetchall()
    assert cols == [(c.name, c.type, c.description) for c in t.columns]
    assert con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = ?", [t.name]).fetchone()[0] == t.comment


def test_a_description_with_a_quote_survives_the_comment():
    t = TABLES["municipalities"]
    assert any("'" in c.description for c in t.columns)  # "official name ... ('Obec Blešno', ...)"
    con = duckdb.connect()
    con.execute(t.ddl())
    for statement in t.comments():
        con.execute(statement)


def test_the_table_docs_show_each_column_with_its_type():
    md = tables_markdown()
    for t in TABLES.values():
        assert f"## `{t.name}`" in md
        assert all(f"| `{c.name}` | {c.type} |" in md for c in t.columns)
