"""Fixtures: in-process models (fast) and one served small web per session (slow tests)."""
from __future__ import annotations

import pytest

from demo_web.model import build_web


@pytest.fixture(scope="session")
def web8():
    return build_web(sites=8, seed=2026, base_port=30000)


@pytest.fixture(scope="session")
def web40():
    return build_web(sites=40, seed=2026, base_port=18100)


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    from demo_web.process import DemoWebProcess, free_port_base, ports_needed

    out = tmp_path_factory.mktemp("demo_web_served")
    base = free_port_base(ports_needed(8))
    with DemoWebProcess(out, sites=8, base_port=base) as proc:
        yield proc
