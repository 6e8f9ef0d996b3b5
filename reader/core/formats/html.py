"""HTML: a page's markup, told from a plain-text dump by its content (the file name's
extension only breaks ties), with the address a browser's "saved from url" comment records."""

from __future__ import annotations

import re
from itertools import islice
from typing import TYPE_CHECKING

from reader.core.page import (
    Page,
    PageFormat,
    check_markup_size,
    decoded_page,
    require_text,
    strip_xml_declaration,
)

if TYPE_CHECKING:
    from reader.core.load import Source

_SAVED_FROM_RE = re.compile(r"<!--\s*saved from url=\(\s*(\d+)\)(\S+?)\s*-->", re.IGNORECASE)

_SAVED_FROM_SCAN_CHARS = 4096

# Markup detection. Elements that open a document (or its head) make a file HTML as soon
# as they come first; elsewhere in the file they count as strong evidence too.
_DOCUMENT_START_RE = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|\?xml|html|head|body|meta|title|base|link)\b",
    re.IGNORECASE | re.DOTALL,
)

_DOCUMENT_TAG_RE = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)

_ELEMENT_TAG_RE = re.compile(
    r"</?(?:p|div|span|a|br|hr|img|table|tr|td|th|ul|ol|li|dl|dt|dd|h[1-6]|b|i|u|em|strong"
    r"|font|center|pre|blockquote|article|section|header|footer|nav|main|aside|figure"
    r"|figcaption|script|style|form|iframe|meta|title|link)\b[^<>]*>",
    re.IGNORECASE,
)

# Markup is looked for in this much text; a page's first 64 KB show what it is.
_MARKUP_SCAN_CHARS = 64 * 1024

# Without a document element, this many element tags make a file HTML. One or two stray
# `<br>` or `<p>` in a text dump do not; a page fragment has many more.
_MIN_ELEMENT_TAGS = 3

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml", ".php", ".asp"})


def sniff(source: Source) -> bool:
    """Whether the decoded file is HTML rather than a plain-text dump."""
    return is_markup(source.text, source.suffix)


def read(source: Source) -> Page:
    """The decoded file as an HTML page."""
    require_text(source.text, source.label)
    return page(source.text, source)


def page(
    text: str, source: Source, *, url: str | None = None, saved_title: str | None = None
) -> Page:
    """`text` (markup) as a Page; a "saved from url" comment overrides `url`."""
    url = _saved_from_url(text) or url
    text = strip_xml_declaration(text)
    check_markup_size(text, source.label)
    return decoded_page(text, PageFormat.HTML, source.decoded, url=url, saved_title=saved_title)


def _saved_from_url(text: str) -> str | None:
    """The address in a browser's `<!-- saved from url=(NNNN)URL -->` comment."""
    match = _SAVED_FROM_RE.search(text, 0, _SAVED_FROM_SCAN_CHARS)
    if match is None:
        return None
    length, url = int(match.group(1)), match.group(2)
    if 0 < length < len(url):
        url = url[:length]
    # Internet Explorer writes "about:internet" for pages it was told to treat as web
    # pages; that is no address.
    return None if url.startswith("about:") else url


def is_markup(text: str, suffix: str) -> bool:
    """Whether `text` is HTML rather than a plain-text dump."""
    window = text[:_MARKUP_SCAN_CHARS]
    if _DOCUMENT_START_RE.match(window):
        return True
    if _DOCUMENT_TAG_RE.search(window):
        return True
    needed = 1 if suffix in _HTML_SUFFIXES else _MIN_ELEMENT_TAGS
    found = islice(_ELEMENT_TAG_RE.finditer(window), needed)
    return sum(1 for _ in found) >= needed
