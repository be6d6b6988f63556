"""`smartharvest langid`: one `<code>\\t<confidence>` line per input line (the interface acceptance checks use)."""
from tests.conftest import ROOT

import subprocess
import sys


def test_langid_answers_each_line_in_order():
    lines = ["Zastupitelstvo obce schválilo strategický plán rozvoje na období 2021–2030.",
             "Obecné zastupiteľstvo schválilo plán rozvoja obce na roky 2021 až 2030.",
             "The municipal council approved the development strategy for the next decade.",
             "", "Rada gminy przyjęła strategię rozwoju na lata 2021–2030."]
    out = _langid(lines)
    assert len(out) == len(lines)
    assert [code for code, _ in out] == ["cs", "sk", "en", "und", "pl"]
    assert all(0.0 <= float(conf) <= 1.0 for _, conf in out)


def test_short_lines_get_a_language_and_und_is_left_for_lines_without_language_content():
    lines = ["Why?", "Thank you.", "Byla válka.", "Danke schön!", "Vince", "08/16/2000 03:48 PM", "***",
             "http://www.obec.cz/"]
    out = _langid(lines)
    assert [code for code, _ in out] == ["en", "en", "cs", "de", "und", "und", "und", "und"]
    assert [float(conf) for _, conf in out[4:]] == [0.0] * 4


def _langid(lines: list[str]) -> list[list[str]]:
    proc = subprocess.run([sys.executable, "-m", "smartharvest", "langid"], input="\n".join(lines) + "\n",
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return [line.split("\t") for line in proc.stdout.splitlines()]
