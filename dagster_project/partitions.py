"""Sources as Dagster partitions: one dynamic partition per enabled source, so a retry or a backfill crawls only
the sources it names, and one run crawls a whole range of them in one Scrapy process (a night is one run)."""

import warnings

import dagster as dg

# single-run backfills (BackfillPolicy) are "beta" in Dagster 1.13; the crawl asset relies on them knowingly
warnings.filterwarnings("ignore", message=".*backfill_policy.*", category=dg.BetaWarning)

SOURCES = dg.DynamicPartitionsDefinition(name="sources")

RANGE_START, RANGE_END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"


def range_tags(keys: list[str]) -> dict[str, str]:
    """Run tags that make one run cover the partitions from the first key to the last (in partition order)."""
    return {RANGE_START: keys[0], RANGE_END: keys[-1]}


def sync_requests(wanted: list[str], current: list[str]) -> list:
    """The requests that make the registered partitions those of the sources file (added in file order)."""
    have, want = set(current), set(wanted)
    requests = []
    if have - want:
        requests.append(SOURCES.build_delete_request(sorted(have - want)))
    if want - have:
        requests.append(SOURCES.build_add_request([k for k in wanted if k not in have]))
    return requests


def register(instance: dg.DagsterInstance, wanted: list[str]) -> tuple[int, int]:
    """Apply sync_requests to the instance now (the CLI's way; the sensor's under the daemon); returns (added,
    removed)."""
    added = removed = 0
    for request in sync_requests(wanted, instance.get_dynamic_partitions(SOURCES.name)):
        if isinstance(request, dg.AddDynamicPartitionsRequest):
            instance.add_dynamic_partitions(SOURCES.name, list(request.partition_keys))
            added += len(request.partition_keys)
        else:
            for key in request.partition_keys:
                instance.delete_dynamic_partition(SOURCES.name, key)
            removed += len(request.partition_keys)
    return added, removed
