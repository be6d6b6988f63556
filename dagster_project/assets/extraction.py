"""Extraction asset: text and metadata of every newly fetched document (process pool, cached by sha256)."""

import dagster as dg

from dagster_project.progress import reporter
from dagster_project.resources import HarvestConfig
from pipelines import extract


@dg.asset(
    group_name="extraction",
    deps=["crawl"],
    kinds={"python"},
    pool="extraction",  # one extraction at a time: overlapping batch runs would each extract the same new documents
    description="Extract text, title, author, pages and a text-quality verdict (needs_ocr) from every document in the "
    "raw store not extracted yet (failed ones are retried). One JSON per document under data/extracted/.",
)
def extracted_documents(context: dg.AssetExecutionContext, harvest: HarvestConfig) -> dg.MaterializeResult:
    stats = extract.extract_documents(harvest.settings(), progress=reporter(context, "extract"))
    return dg.MaterializeResult(metadata=dict(stats))
