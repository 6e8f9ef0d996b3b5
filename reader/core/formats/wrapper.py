"""The crawl wrapper some saved pages start with: a line ``<text id="URL" title="…"
encoding="…">`` before the page (HTML or text) and ``</text>`` after it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.core.formats import html
from reader.core.page import Page, PageFormat, decoded_page, require_text

if TYPE_CHECKING:
    from reader.core.load import Source

#: The wrapper line opens the file; it is looked for in the same window as a charset
#: declaration (see charsets.DECLARATION_SCAN_BYTES).
_SCAN_CHARS = 64 * 1024
# The crawl wrapper line some corpus pages start with: <text id="URL" title="…" encoding="…">
_WRAPPER_PATTERN = r"\A\s*<text((?:\s+[\w-]+\s*=\s*\"[^\"]*\")*)\s*>[ \t]*\r?\n?"
_WRAPPER_ATTR_PATTERN = r"([\w-]+)\s*=\s*\"([^\"]*)\""
_WRAPPER_RE = re.compile(_WRAPPER_PATTERN)
_WRAPPER_ATTR_RE = re.compile(_WRAPPER_ATTR_PATTERN)
_WRAPPER_BYTES_RE = re.compile(_WRAPPER_PATTERN.encode())
_WRAPPER_ATTR_BYTES_RE = re.compile(_WRAPPER_ATTR_PATTERN.encode())
_WRAPPER_END_RE = re.compile(r"</text>\s*\Z")


def declared_encoding(data: bytes) -> str | None:
    """The `encoding` attribute of the wrapper line of raw bytes, if there is one."""
    wrapper = _WRAPPER_BYTES_RE.match(data, 0, _SCAN_CHARS)
    if wrapper is None:
        return None
    attrs: dict[bytes, bytes] = dict(_WRAPPER_ATTR_BYTES_RE.findall(wrapper[1]))
    return attrs.get(b"encoding", b"").decode("ascii", "replace")


def sniff(source: Source) -> bool:
    """Whether the decoded file opens with a wrapper line."""
    return _WRAPPER_RE.match(source.text, 0, _SCAN_CHARS) is not None


def read(source: Source) -> Page:
    """The wrapped page (HTML or text), with the wrapper's address and title."""
    text, url, title = _parse_wrapper(source.text)
    require_text(text, source.label)
    if html.is_markup(text, source.suffix):
        return html.page(text, source, url=url, saved_title=title)
    return decoded_page(text, PageFormat.TEXT, source.decoded, url=url, saved_title=title)


def _parse_wrapper(text: str) -> tuple[str, str | None, str | None]:
    """Strip the crawl wrapper line; return (text, url, title)."""
    match = _WRAPPER_RE.match(text, 0, _SCAN_CHARS)
    if match is None:
        return text, None, None
    from html import unescape  # noqa: PLC0415 - its entity table costs start-up 2.6 ms

    attrs = {k.lower(): unescape(v).strip() for k, v in _WRAPPER_ATTR_RE.findall(match[1])}
    body = _WRAPPER_END_RE.sub("", text[match.end() :])
    url = attrs.get("id", "")
    return body, (url if "://" in url else None), attrs.get("title") or None
