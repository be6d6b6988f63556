"""Progress lines go both to the Dagster event log and to stderr (the CLI user watches stderr)."""

import sys
from typing import Callable

import dagster as dg


def reporter(context: dg.AssetExecutionContext, stage: str) -> Callable[[str], None]:
    def report(message: str) -> None:
        print(f"[{stage}] {message}", file=sys.stderr, flush=True)
        context.log.info(message)

    return report
