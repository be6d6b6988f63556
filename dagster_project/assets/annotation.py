"""Annotation asset: language, validity, approval, municipality, level, type, SMART areas and funding per document."""
import dagster as dg

from dagster_project.progress import reporter
from dagster_project.resources import HarvestConfig
from pipelines import annotate


@dg.asset(
    group_name="understanding",
    deps=["extracted_documents"],
    kinds={"python"},
    pool="annotation",  # one annotation at a time: overlapping batch runs would each annotate the same documents
    description="Annotate every extracted document whose annotation is missing or out of date (annotator, vocabulary "
    "or extractor version changed): language, validity, approval, municipality, level, doc_type, is_strategic, "
    "smart_score, domains, funding. Every label keeps its evidence. One JSON per document under data/annotated/.",
)
def annotated_documents(context: dg.AssetExecutionContext, harvest: HarvestConfig) -> dg.MaterializeResult:
    stats = annotate.annotate_documents(harvest.settings(), progress=reporter(context, "annotate"))
    return dg.MaterializeResult(metadata=stats.as_dict())
