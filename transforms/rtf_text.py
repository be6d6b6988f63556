"""RTF: a small, tolerant RTF-to-text parser (Czech offices write cp1250 `\\'xx` escapes and `\\uN`).

Handles \\ansicpgN, per-font \\fcharsetN, \\ucN skip counts, \\binN, ignorable destinations
(\\*, font/colour/style tables, pictures, objects, field instructions) and the \\info group
(title, author). No dependency: `striprtf` is not installed and `unrtf` garbles cp1250.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from transforms.textnorm import ExtractionError, clean_text, one_line
from transforms.title import metadata_candidate, text_candidates, title_from

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])|([{}])|[\r\n]+|([^\\{}\r\n]+)",
    re.S,
)
_SKIP_DEST = frozenset({
    "fonttbl", "colortbl", "stylesheet", "listtable", "listoverridetable", "rsidtbl", "generator", "pict",
    "object", "themedata", "colorschememapping", "datastore", "latentstyles", "xmlnstbl", "fldinst",
    "filetbl", "revtbl", "pgdsctbl", "mmathPr", "wgrffmtfilter", "operator", "bkmkstart", "bkmkend",
    "shppict", "nonshppict", "blipuid", "xe", "tc", "private", "userprops", "docvar", "listtext", "pntext",
})
_INFO_FIELDS = frozenset({"title", "author", "subject", "keywords", "company"})
_CHARSET_CP = {238: "cp1250", 204: "cp1251", 161: "cp1253", 162: "cp1254", 177: "cp1255", 178: "cp1256",
               186: "cp1257", 163: "cp1258", 222: "cp874", 128: "cp932", 134: "gbk", 136: "big5", 129: "cp949"}
_SYMBOLS = {
    "par": "\n", "line": "\n", "sect": "\n\n", "page": "\n\n", "tab": "\t", "cell": "\t", "nestcell": "\t",
    "row": "\n", "nestrow": "\n", "emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022",
    "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
    "emspace": "\u2003", "enspace": "\u2002", "qmspace": "\u2005",
}
_CTRL_SYMBOLS = {"~": "\u00a0", "-": "", "_": "-", "\\": "\\", "{": "{", "}": "}", "\n": "\n", "\r": "\n"}


@dataclass
class RtfText:
    text: str
    title: str | None
    author: str | None
    meta: dict = field(default_factory=dict)


def _codec(name: str | None, fallback: str = "cp1250") -> str:
    import codecs

    try:
        return codecs.lookup(name).name if name else fallback
    except LookupError:
        return fallback


def rtf_to_text(data: bytes) -> tuple[str, dict]:
    """Plain text of an RTF document and its \\info fields."""
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ExtractionError("corrupt_rtf", "no {\\rtf header")
    ansi = "cp1250"
    fonts: dict[int, str] = {}
    out: list[str] = []
    info: dict[str, list[str]] = {}
    pending = bytearray()  # bytes waiting for decoding in the current code page
    # group state: [skip, uc, codepage, destination, font_def]
    state = {"skip": False, "uc": 1, "cp": None, "dest": None, "fontdef": None}
    stack: list[dict] = []
    skip_chars = 0
    pos = 0
    n = len(data)

    def sink() -> list[str] | None:
        if state["skip"]:
            return None
        d = state["dest"]
        if d in _INFO_FIELDS:
            return info.setdefault(d, [])
        if d == "info":
            return None
        return out

    def flush() -> None:
        if pending:
            target = sink()
            if target is not None:
                target.append(bytes(pending).decode(_codec(state["cp"] or ansi), errors="replace"))
            pending.clear()

    def emit(s: str) -> None:
        flush()
        target = sink()
        if target is not None:
            target.append(s)

    first_in_group = False
    while pos < n:
        m = _TOKEN.match(data, pos)
        if not m:
            pos += 1
            continue
        pos = m.end()
        word, arg, hexbyte, sym, brace, plain = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)
        if brace is not None:
            flush()
            skip_chars = 0
            if brace == b"{":
                stack.append(dict(state))
                first_in_group = True
            else:
                if state["dest"] == "fontdef_group" or state.get("fontdef") is not None:
                    pass
                state = stack.pop() if stack else state
                first_in_group = False
            continue
        was_first = first_in_group
        first_in_group = False
        if hexbyte is not None:
            if skip_chars:
                skip_chars -= 1
                continue
            if not state["skip"]:
                pending.append(int(hexbyte, 16))
            continue
        if plain is not None:
            if skip_chars:
                k = min(skip_chars, len(plain))
                plain = plain[k:]
                skip_chars -= k
            if plain and not state["skip"]:
                pending.extend(plain)
            continue
        if sym is not None:
            if sym == b"*":
                flush()
                state["skip"] = True
                continue
            if skip_chars:
                skip_chars -= 1
                continue
            s = _CTRL_SYMBOLS.get(sym.decode("latin-1"))
            if s is not None:
                emit(s)
            continue
        if word is None:
            continue
        w = word.decode("ascii")
        num = int(arg) if arg is not None else None
        if w == "bin" and num:
            pos += max(num, 0)
            continue
        if skip_chars:
            skip_chars -= 1
            continue
        if w == "ansicpg" and num:
            flush()
            ansi = _codec(f"cp{num}")
        elif w == "u" and num is not None:
            emit(chr(num + 65536 if num < 0 else num) if 0 <= (num + 65536 if num < 0 else num) < 0x110000 else "")
            skip_chars = state["uc"]
        elif w == "uc" and num is not None:
            state["uc"] = max(num, 0)
        elif w in _SKIP_DEST:
            flush()
            state["skip"] = True
            if w == "fonttbl":
                state["dest"] = "fonttbl"
        elif w == "f" and num is not None:
            if state["dest"] == "fonttbl":
                state["fontdef"] = num
            else:
                flush()
                state["cp"] = fonts.get(num)
        elif w == "fcharset" and num is not None and state.get("fontdef") is not None:
            cp = _CHARSET_CP.get(num)
            if cp:
                fonts[state["fontdef"]] = cp
        elif w == "info":
            flush()
            state["dest"] = "info"
        elif w in _INFO_FIELDS and state["dest"] == "info":
            flush()
            state["dest"] = w
        elif w in ("header", "footer", "headerl", "headerr", "headerf", "footerl", "footerr", "footerf",
                   "footnote", "annotation"):
            flush()
            state["skip"] = True  # running heads repeat on every page; notes are not body text
        elif w in _SYMBOLS:
            emit(_SYMBOLS[w])
        elif was_first and w in ("fldrslt",):
            pass
    flush()
    fields = {k: one_line("".join(v)) for k, v in info.items()}
    return "".join(out), fields


def _first_heading(text: str) -> str | None:
    """First line that starts with a letter and has at least two words (skips '*) notes', box art)."""
    for ln in text.split("\n"):
        line = one_line(ln)
        if line and line[0].isalpha() and len(line.split()) >= 2 and len(line) <= 250:
            return line
    return None


def extract_rtf(data: bytes, filename: str | None = None) -> RtfText:
    raw, fields = rtf_to_text(data)
    text = clean_text(raw)
    meta = {"info_" + k: v for k, v in fields.items() if v}
    cands = text_candidates(text, "first_line") + metadata_candidate(fields.get("title"), text[:20000])
    title, title_meta = title_from(cands, filename)
    meta.update(title_meta)
    return RtfText(text=text, title=title, author=fields.get("author"), meta=meta)
