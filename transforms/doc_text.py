"""Old Word .doc (OLE2 / Word 97-2003): text through `antiword`, fallback `catdoc`.

antiword reads the document's own character set (cp1250 Czech files included) and writes
UTF-8 with `-m UTF-8.txt`; `-w 0` puts each paragraph on one line. catdoc (`-d utf-8`) is the
fallback for files antiword rejects (fast-saved, Word 6/95, some generators). The bytes go to the
binaries through stdin (antiword) or a temporary file (catdoc needs a seekable file).
Title: candidates from the first lines (no fonts in antiword's text), chosen by transforms.title;
first_line_title is the simple first-meaningful-line rule kept for callers that want one line.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field

from transforms.textnorm import ExtractionError, clean_text, one_line, plausible_title
from transforms.title import text_candidates, title_from

TIMEOUT_S = 60.0
_LETTERHEAD = re.compile(
    r"^(obec|obecní\s+úřad|město|městys|městský\s+úřad|úřad\s+městyse|magistrát|statutární\s+město|"
    r"krajský\s+úřad|kraj|ministerstvo|česká\s+republika)\b", re.I)
_LEAD_IN = re.compile(r"((s|pod)\s+názvem\s*:?|:)$", re.I)
_PAGE_NUMBER = re.compile(r"^((strana|stránka|str\.|page)\s*)?\d+(\s*(/|z|of|ze)\s*\d+)?$", re.I)


@dataclass
class DocText:
    text: str
    title: str | None
    author: str | None
    pages: int | None
    meta: dict = field(default_factory=dict)


def _env() -> dict:
    env = dict(os.environ)
    env.setdefault("LANG", "C.UTF-8")
    return env


def _antiword(data: bytes) -> str:
    exe = shutil.which("antiword")
    if not exe:
        raise FileNotFoundError("antiword")
    p = subprocess.run([exe, "-m", "UTF-8.txt", "-w", "0", "-"], input=data, capture_output=True,
                       timeout=TIMEOUT_S, env=_env(), check=False)
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"antiword exit {p.returncode}: {err[-1] if err else ''}"[:300])
    return p.stdout.decode("utf-8", "replace")


def _catdoc(data: bytes) -> str:
    exe = shutil.which("catdoc")
    if not exe:
        raise FileNotFoundError("catdoc")
    fd, path = tempfile.mkstemp(suffix=".doc", prefix="sh-doc-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        p = subprocess.run([exe, "-d", "utf-8", "-w", path], capture_output=True, timeout=TIMEOUT_S,
                           env=_env(), check=False)
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"catdoc exit {p.returncode}: {err[-1] if err else ''}"[:300])
    return p.stdout.decode("utf-8", "replace")


def first_line_title(text: str, filename: str | None = None, max_len: int = 200, min_words: int = 1) -> str | None:
    """The first line that looks like a title; a lead-in line ("... s názvem") takes the next line too.

    Lines mostly of digits and punctuation (addresses, phone numbers) and lines of fewer than
    `min_words` words of 3+ letters (OCR noise: use 3 for OCR text) are skipped."""
    lines = [one_line(ln) for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    for i, ln in enumerate(lines[:40]):
        letters = sum(c.isalpha() for c in ln)
        if letters < 3 or _PAGE_NUMBER.match(ln) or letters < 0.6 * len(ln.replace(" ", "")):
            continue
        if sum(1 for w in ln.split() if sum(c.isalpha() for c in w) >= 3) < min_words:
            continue
        if _LETTERHEAD.match(ln) and len(ln.split()) <= 5:
            continue
        if len(ln) > max_len:
            return None  # the text starts with body prose: no title line
        if _LEAD_IN.search(ln) and i + 1 < len(lines) and len(ln) + len(lines[i + 1]) < max_len:
            ln = f"{ln} {lines[i + 1]}"
        if plausible_title(ln, filename):
            return one_line(ln, max_len)
    return None


def extract_doc(data: bytes, filename: str | None = None) -> DocText:
    errors: list[str] = []
    text, tool = "", None
    for name, fn in (("antiword", _antiword), ("catdoc", _catdoc)):
        try:
            t = clean_text(fn(data))
        except FileNotFoundError:
            errors.append(f"{name}: not installed")
            continue
        except subprocess.TimeoutExpired:
            errors.append(f"{name}: timeout after {TIMEOUT_S:g} s")
            continue
        except (RuntimeError, OSError) as e:
            errors.append(f"{name}: {e}"[:300])
            continue
        if t.strip():
            text, tool = t, name
            break
        errors.append(f"{name}: no text")
    if tool is None:
        if all(e.endswith("not installed") for e in errors):
            raise ExtractionError("doc_reader_unavailable", "; ".join(errors))
        raise ExtractionError("corrupt_doc", "; ".join(errors))
    meta: dict = {"doc_tool": tool}
    if errors:
        meta["doc_tool_errors"] = errors
    # antiword marks pictures as "[pic]"; drop those lines
    text = clean_text("\n".join(ln for ln in text.split("\n") if ln.strip() != "[pic]"))
    title, title_meta = title_from(text_candidates(text, "first_line"), filename)
    meta.update(title_meta)
    return DocText(text=text, title=title, author=None, pages=None, meta=meta)
