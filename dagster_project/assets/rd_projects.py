"""R&D projects asset: each new version of an IS VaVaI open-data file read once (streaming), judged and cached."""

import dagster as dg

from dagster_project.progress import reporter
from dagster_project.resources import HarvestConfig
from pipelines import rd_projects


@dg.asset(
    group_name="rd_projects",
    deps=["crawl"],
    kinds={"python", "parquet"},
    description="Read every dataset file fetched by rd_dataset sources (CEP-projekty.csv, CEP-ucastnici.csv) not "
    "imported yet: rows streamed, bad rows recorded with their line, projects judged by the SMART classifier and "
    "linked to municipalities; one Parquet per file version under data/datasets/.",
)
def imported_datasets(context: dg.AssetExecutionContext, harvest: HarvestConfig) -> dg.MaterializeResult:
    stats = rd_projects.import_datasets(harvest.settings(), progress=reporter(context, "rd"))
    return dg.MaterializeResult(metadata=dict(stats))
