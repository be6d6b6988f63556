"""`smartharvest ui` really serves the Dagster UI with the asset graph, and `kill` stops all of it."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from demo_web.process import free_port_base, ports_needed
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

QUERY = {"query": "{ assetNodes { assetKey { path } dependencyKeys { path } } }"}


def _graphql(port: int) -> dict:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=json.dumps(QUERY).encode(),
                                 headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


def _alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False


def test_ui_shows_the_asset_graph_and_stops_cleanly(tmp_path):
    base = free_port_base(ports_needed(8) + 1)
    ui_port = base + ports_needed(8)
    proc = subprocess.Popen(
        [sys.executable, "-m", "smartharvest", "ui", "--data-dir", str(tmp_path), "--demo-sites", "8",
         "--demo-port", str(base), "--port", str(ui_port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline, nodes = time.time() + 150, None
        while time.time() < deadline and nodes is None:
            if proc.poll() is not None:
                pytest.fail(f"ui exited early: {proc.stderr.read().decode()[-3000:]}")
            try:
                nodes = _graphql(ui_port)["data"]["assetNodes"]
            except OSError:
                time.sleep(1)
        assert nodes, "the UI never answered"
        edges = {("/".join(n["assetKey"]["path"]), "/".join(d["path"])) for n in nodes for d in n["dependencyKeys"]}
        assert ("extracted_documents", "crawl") in edges
        assert ("annotated_documents", "extracted_documents") in edges
        assert ("warehouse/documents", "annotated_documents") in edges
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    time.sleep(2)
    leftovers = subprocess.run(["pgrep", "-f", "--", f"-p {ui_port}"], capture_output=True, text=True).stdout.split()
    leftovers += subprocess.run(["pgrep", "-f", "--", f"--base-port {base}"], capture_output=True, text=True).stdout.split()
    assert not leftovers, f"processes left running: {leftovers}"
