"""Alerts of failed nights: appended to <data_dir>/alerts.jsonl and, when a webhook URL is configured, POSTed
to it as JSON (Slack-compatible `text` included). A webhook that fails (unreachable, a timeout, a broken answer)
is recorded in the alert's line, never raised, so the line is always written."""
from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from datetime import datetime, timezone

from core.fetch_log import JsonlAppender
from core.settings import Settings

WEBHOOK_TIMEOUT_S = 10


def alerts_path(settings: Settings):
    return settings.data_dir / "alerts.jsonl"


def post_webhook(url: str, alert: dict, timeout: float = WEBHOOK_TIMEOUT_S) -> str:
    """POST the alert; returns 'sent <status>' or 'failed: <reason>'."""
    body = json.dumps({**alert, "text": f"smartharvest: {alert.get('summary')}"}, ensure_ascii=False).encode()
    req = urllib.request.Request(url, data=body, method="POST",
                                 headers={"Content-Type": "application/json; charset=utf-8"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return f"sent {resp.status}"
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        return f"failed: {getattr(exc, 'reason', exc)}"


def record_alert(settings: Settings, alert: dict) -> dict:
    """Write the alert (with its time and the webhook's answer) and return the line written."""
    line = {"at": datetime.now(timezone.utc).isoformat(timespec="seconds"), **alert}
    if settings.alert_webhook:
        line["webhook"] = post_webhook(settings.alert_webhook, line)
    log = JsonlAppender(alerts_path(settings))
    try:
        log.write(line)
    finally:
        log.close()
    return line
