"""The table documentation in docs/ is generated from the schema and must not drift from it."""
from pathlib import Path

from core.schema import tables_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_docs_tables_md_matches_the_schema():
    assert (ROOT / "docs" / "TABLES.md").read_text(encoding="utf-8").strip() == tables_markdown().strip(), \
        "run `make docs` to regenerate docs/TABLES.md"
