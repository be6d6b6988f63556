"""`smartharvest langid`: one `<code>\\t<confidence>` line per input line (the interface acceptance checks use)."""
from tests.conftest import ROOT

import subprocess
import sys


def test_langid_answers_each_line_in_order():
    lines = ["Zastupitelstvo obce schválilo strategický plán rozvoje na období 2021–2030.",
             "Obecné zastupiteľstvo schválilo plán rozvoja obce na roky 2021 až 2030.",
             "The municipal council approved the development strategy for the next decade.",
             "", "Rada gminy przyjęła strategię rozwoju na lata 2021–2030."]
    proc = subprocess.run([sys.executable, "-m", "smartharvest", "langid"], input="\n".join(lines) + "\n",
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = [line.split("\t") for line in proc.stdout.splitlines()]
    assert len(out) == len(lines)
    assert [code for code, _ in out] == ["cs", "sk", "en", "und", "pl"]
    assert all(0.0 <= float(conf) <= 1.0 for _, conf in out)
