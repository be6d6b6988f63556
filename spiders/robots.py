"""Quote the robots.txt rule that forbids a URL, for the per-source summary's `reason`."""
from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit


def _groups(text: str) -> list[tuple[list[str], list[tuple[str, str]]]]:
    groups: list[tuple[list[str], list[tuple[str, str]]]] = []
    agents: list[str] = []
    rules: list[tuple[str, str]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, value = (p.strip() for p in line.split(":", 1))
        key = key.lower()
        if key == "user-agent":
            if rules:  # a user-agent after rules starts a new group
                groups.append((agents, rules))
                agents, rules = [], []
            agents.append(value)
        elif key in ("allow", "disallow") and agents:
            rules.append((key, value))
    if agents:
        groups.append((agents, rules))
    return groups


def _pattern_matches(pattern: str, path: str) -> bool:
    if not pattern:
        return False
    rx = "".join(".*" if ch == "*" else ("$" if ch == "$" and i == len(pattern) - 1 else re.escape(ch))
                 for i, ch in enumerate(pattern))
    return re.match(rx, path) is not None


def quote_rule(robots_text: str, user_agent: str, url: str) -> str | None:
    """'User-agent: * / Disallow: /' style quote of the group and rule that forbid `url`, or None."""
    product = user_agent.split("/", 1)[0].strip().lower()
    groups = _groups(robots_text)
    chosen = None
    for agents, rules in groups:
        if any(a.lower() != "*" and a.lower() in product for a in agents):
            chosen = (agents, rules)
            break
    if chosen is None:
        chosen = next(((a, r) for a, r in groups if "*" in a), None)
    if chosen is None:
        return None
    agents, rules = chosen
    parts = urlsplit(url)
    path = unquote(parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    best = None
    for key, pattern in rules:
        if key == "disallow" and _pattern_matches(pattern, path):
            if best is None or len(pattern) > len(best):
                best = pattern
    if best is None:
        return None
    agent = next((a for a in agents if a != "*" and a.lower() in product), "*")
    return f'"User-agent: {agent}" … "Disallow: {best}"'
