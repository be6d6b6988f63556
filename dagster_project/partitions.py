"""Sources as Dagster partitions: one dynamic partition per enabled source, so a retry or a backfill crawls only
the sources it names, and one run crawls a whole range of them in one Scrapy process (a night is one run, or one
run per batch of SMARTHARVEST_SOURCES_PER_RUN sources when the night is spread over many workers)."""

import os
import warnings
from collections.abc import Mapping

import dagster as dg

# single-run backfills (BackfillPolicy) are "beta" in Dagster 1.13; the crawl asset relies on them knowingly
warnings.filterwarnings("ignore", message=".*backfill_policy.*", category=dg.BetaWarning)

SOURCES = dg.DynamicPartitionsDefinition(name="sources")

RANGE_START, RANGE_END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"


SOURCES_PER_RUN_ENV = "SMARTHARVEST_SOURCES_PER_RUN"
BATCH_TAG = "smartharvest/batch"  # "3/13": the third of a night's 13 runs


def range_tags(keys: list[str]) -> dict[str, str]:
    """Run tags that make one run cover the partitions from the first key to the last (in partition order)."""
    return {RANGE_START: keys[0], RANGE_END: keys[-1]}


def sources_per_run(environ: Mapping[str, str] | None = None) -> int | None:
    """SMARTHARVEST_SOURCES_PER_RUN as a batch size; None (unset, empty, 0 or "all"): every source in one run."""
    value = (os.environ if environ is None else environ).get(SOURCES_PER_RUN_ENV, "").strip().lower()
    if value in ("", "0", "all"):
        return None
    try:
        size = int(value)
    except ValueError:
        size = -1
    if size < 1:
        raise ValueError(f"{SOURCES_PER_RUN_ENV}={value!r}: expected a positive number of sources per run, "
                         f"or 0/all for one run over every source")
    return size


def batches(keys: list[str], size: int | None) -> list[list[str]]:
    """The keys cut into consecutive batches of at most `size` (in partition order, so each batch is the range
    from its first key to its last); one batch of all when size is None."""
    if not keys:
        return []
    if size is None or size >= len(keys):
        return [list(keys)]
    if size < 1:
        raise ValueError(f"batch size must be positive, got {size}")
    return [list(keys[i:i + size]) for i in range(0, len(keys), size)]


def batch_requests(keys: list[str], size: int | None) -> list[dg.RunRequest]:
    """One RunRequest per batch: its range tags, a batch tag "i/n" and a run key unique within the night (a
    schedule's run keys count per tick: a tick retried after a daemon crash launches no batch twice)."""
    cut = batches(keys, size)
    return [
        dg.RunRequest(run_key=f"sources-{i:04d}-of-{len(cut):04d}",
                      tags={**range_tags(batch), BATCH_TAG: f"{i}/{len(cut)}"})
        for i, batch in enumerate(cut, start=1)
    ]


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
