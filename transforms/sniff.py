"""Decide a body's real format from its first bytes, the served Content-Type and the file name.

Servers mislabel files (a PDF as text/html, a DOCX as application/octet-stream);
magic bytes win over headers, headers over file extensions.
"""
from __future__ import annotations

import re
from urllib.parse import unquote

MIME_BY_FORMAT = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "rtf": "application/rtf",
    "html": "text/html",
    "xml": "application/xml",
    "json": "application/json",
    "txt": "text/plain",
    "zip": "application/zip",
    "image": "image/*",
    "unknown": "application/octet-stream",
}

_FORMAT_BY_MIME = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/msword": "doc",
    "application/vnd.ms-excel": "xls",
    "application/rtf": "rtf",
    "text/rtf": "rtf",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/xml": "xml",
    "application/xml": "xml",
    "application/json": "json",
    "application/ld+json": "json",
    "text/plain": "txt",
    "application/zip": "zip",
}

_EXT = {
    "pdf": "pdf", "docx": "docx", "xlsx": "xlsx", "pptx": "pptx", "odt": "odt", "ods": "ods",
    "doc": "doc", "xls": "xls", "rtf": "rtf", "htm": "html", "html": "html", "xml": "xml",
    "json": "json", "txt": "txt", "zip": "zip", "jpg": "image", "jpeg": "image", "png": "image",
    "gif": "image", "tif": "image", "tiff": "image",
}

DOCUMENT_FORMATS = frozenset({"pdf", "docx", "xlsx", "pptx", "odt", "ods", "doc", "xls", "rtf", "txt"})


def mime_format(content_type: str | None) -> str | None:
    if not content_type:
        return None
    mime = content_type.split(";")[0].strip().lower()
    if mime.startswith("image/"):
        return "image"
    return _FORMAT_BY_MIME.get(mime)


def filename_from_disposition(disposition: str | None) -> str | None:
    """File name from a Content-Disposition header (RFC 6266 filename* wins), as a bare name: a server may send
    "../../etc/passwd" or "C:\\x\\y.pdf"; only the last path component, without control characters, is kept."""
    if not disposition:
        return None
    name = None
    m = re.search(r"filename\*\s*=\s*([^']*)'[^']*'([^;]+)", disposition, re.I)
    if m:
        enc = m.group(1) or "utf-8"
        try:
            name = unquote(m.group(2).strip().strip('"'), encoding=enc)
        except LookupError:
            name = unquote(m.group(2).strip().strip('"'))
    else:
        m = re.search(r'filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)', disposition, re.I)
        if m:
            name = m.group(1) or m.group(2) or ""
    return safe_filename(name)


def safe_filename(name: str | None) -> str | None:
    """The last path component of a name, without control characters; None for nothing, "." or ".."."""
    if not name:
        return None
    base = re.split(r"[/\\]", name)[-1]
    base = "".join(c for c in base if c.isprintable()).strip()
    return None if base in ("", ".", "..") else base[:255]


def extension_format(name: str | None) -> str | None:
    if not name:
        return None
    base = unquote(name).split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]
    if "." not in base:
        return None
    return _EXT.get(base.rsplit(".", 1)[-1].lower())


def magic_format(head: bytes) -> str | None:
    """Format from the first bytes alone, or None when they say nothing."""
    h = head.lstrip(b"\xef\xbb\xbf")
    if h.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if h.startswith(b"{\\rtf"):
        return "rtf"
    if h.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # DOC or XLS: caller decides by name/header
    if h.startswith(b"PK\x03\x04"):
        if b"word/" in head:
            return "docx"
        if b"xl/" in head:
            return "xlsx"
        if b"ppt/" in head:
            return "pptx"
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in head:
            return "odt"
        if b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet" in head:
            return "ods"
        return "zip"
    if h[:4] in (b"\x89PNG", b"GIF8") or h[:3] == b"\xff\xd8\xff" or h[:4] in (b"II*\x00", b"MM\x00*"):
        return "image"
    probe = h[:512].lstrip().lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in probe:
        return "html"
    if probe.startswith(b"<?xml"):
        return "html" if b"<html" in h[:2048].lower() else "xml"
    return None


def sniff_format(head: bytes, content_type: str | None = None, filename: str | None = None) -> str:
    """Best guess of the real format: magic bytes, then Content-Type, then file extension."""
    magic = magic_format(head)
    by_name = extension_format(filename)
    by_mime = mime_format(content_type)
    if magic == "ole":
        if by_name in ("doc", "xls"):
            return by_name
        if by_mime in ("doc", "xls"):
            return by_mime
        return "doc"
    if magic == "zip" and by_name in ("docx", "xlsx", "pptx", "odt", "ods"):
        return by_name
    if magic:
        return magic
    if by_mime and by_mime not in ("zip",):
        if by_mime == "html" and by_name in DOCUMENT_FORMATS:
            return by_name
        return by_mime
    return by_name or "unknown"
