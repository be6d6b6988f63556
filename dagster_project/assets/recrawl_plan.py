"""The night's recrawl plan, shown before the crawl: which sources are due tonight and why (pipelines.recrawl_plan).

With `recrawl: adaptive` (SMARTHARVEST_RECRAWL) the crawl asset crawls only the due sources of its partitions; with
`nightly` (the default) the plan is still computed, as a preview of what adaptive recrawl would do."""

import dagster as dg

from dagster_project.resources import HarvestConfig
from pipelines.recrawl_plan import plan_recrawl

TABLE_ROWS = 30  # rows of the plan shown in the UI (all of them are in <data_dir>/recrawl_plan.json)


def plan_table(rows, limit: int = TABLE_ROWS) -> str:
    """The first rows of the plan (tonight's first) as a Markdown table."""
    lines = ["| source | tonight | reason | interval (days) | due | last visit |", "|---|---|---|---|---|---|"]
    for r in rows[:limit]:
        lines.append(f"| {r.source_id} | {'yes' if r.tonight else 'no'} | {r.reason} | {r.interval_days:.2f} | "
                     f"{r.due.isoformat() if r.due else 'now (never visited)'} | "
                     f"{r.last_visit.isoformat() if r.last_visit else '-'} |")
    if len(rows) > limit:
        lines.append(f"\n{len(rows) - limit} more rows in recrawl_plan.json")
    return "\n".join(lines)


@dg.asset(
    group_name="acquisition",
    kinds={"python"},
    description="Tonight's recrawl plan: each source's revisit interval learned from how often it changed (Nutch's "
    "adaptive schedule, 1 to 7 days), the sources due tonight and why (new, a week without a visit, failed last "
    "time, overdue, due); written to <data_dir>/recrawl_plan.json. Applied by the crawl when recrawl=adaptive.",
)
def recrawl_plan(context: dg.AssetExecutionContext, harvest: HarvestConfig) -> dg.MaterializeResult:
    settings = harvest.settings()
    result = plan_recrawl(settings)
    plan = result.plan
    applied = settings.recrawl == "adaptive"
    context.log.info(f"recrawl plan for {plan.night}: {len(plan.due)} of {len(plan.rows)} sources due"
                     + ("" if applied else " (recrawl=nightly: every source is crawled; the plan is a preview)"))
    return dg.MaterializeResult(metadata={
        "night": plan.night.isoformat(),
        "mode": settings.recrawl,
        "applied": applied,
        "sources": dg.MetadataValue.int(len(plan.rows)),
        "due_tonight": dg.MetadataValue.int(len(plan.due)),
        "by_reason": dg.MetadataValue.json(dict(sorted(plan.by_reason.items()))),
        "crawls_read": dg.MetadataValue.int(result.history.crawls),
        "plan": dg.MetadataValue.md(plan_table(plan.rows)),
        "path": dg.MetadataValue.path(str(result.path)),
    })
