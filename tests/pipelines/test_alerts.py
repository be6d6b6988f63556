"""A failed night's alert is on disk, and reaches the webhook when one is configured (issue 9)."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from core.settings import Settings
from pipelines.alerts import alerts_path, record_alert
from tests.spiders.fixture_server import dead_port


class _Hook(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802
        _Hook.received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_an_alert_is_recorded_and_posted_to_the_webhook(tmp_path):
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings = Settings(data_dir=tmp_path, alert_webhook=f"http://127.0.0.1:{server.server_port}/hook")
        line = record_alert(settings, {"run_id": "r1", "summary": "nightly_harvest failed"})
    finally:
        server.shutdown()
    assert line["webhook"] == "sent 204"
    assert _Hook.received[-1]["run_id"] == "r1" and "nightly_harvest failed" in _Hook.received[-1]["text"]
    assert json.loads(alerts_path(settings).read_text(encoding="utf-8").splitlines()[-1])["run_id"] == "r1"


def test_a_dead_webhook_is_recorded_and_never_raises(tmp_path):
    settings = Settings(data_dir=tmp_path, alert_webhook=f"http://127.0.0.1:{dead_port()}/hook")
    line = record_alert(settings, {"run_id": "r2", "summary": "x"})
    assert line["webhook"].startswith("failed:")
    assert alerts_path(settings).exists()


def test_without_a_webhook_the_alert_is_only_written(tmp_path):
    line = record_alert(Settings(data_dir=tmp_path), {"run_id": "r3", "summary": "x"})
    assert "webhook" not in line and alerts_path(Settings(data_dir=tmp_path)).exists()
