"""MHTML (a MIME multipart file, "Save as single file"): the main HTML part becomes the
page, the other parts (images, styles) its assets, keyed by Content-Location and by
``cid:`` Content-ID."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.core.charsets import BINARY_SNIFF_BYTES
from reader.core.decode import UndecodableError, binary_kind, decode_text
from reader.core.errors import LoadError
from reader.core.page import (
    Page,
    PageFormat,
    check_markup_size,
    decoded_page,
    strip_xml_declaration,
)

if TYPE_CHECKING:
    from email.message import Message

    from reader.core.load import Source

_MIME_START_RE = re.compile(rb"\A\s*[A-Za-z][\w-]*:")

_MIME_MULTIPART_RE = re.compile(rb"(?im)^content-type:\s*multipart/")


def sniff(source: Source) -> bool:
    """Whether the file starts with MIME headers declaring a multipart body."""
    data = source.data
    if not _MIME_START_RE.match(data):
        return False
    head = data[:BINARY_SNIFF_BYTES]
    end = re.search(rb"\r?\n\r?\n", head)
    headers = head[: end.start()] if end else head
    return _MIME_MULTIPART_RE.search(headers) is not None


def read(source: Source) -> Page:
    """The main HTML part of an MHTML file as a Page, other parts as assets."""
    data, label = source.data, source.label
    # Imported here: the email package takes ~20 ms to import, and only MHTML needs it.
    import email  # noqa: PLC0415

    try:
        # The email parser and `walk()` recurse once per nesting level of multiparts.
        message = email.message_from_bytes(data)
        leaves = [part for part in message.walk() if not part.is_multipart()]
    except RecursionError as exc:
        raise LoadError(f"Cannot open {label}: its MIME parts are nested too deeply.") from exc
    snapshot = _header(message, "Snapshot-Content-Location")
    html_parts = [part for part in leaves if part.get_content_type() == "text/html"]
    text_parts = [part for part in leaves if part.get_content_type() == "text/plain"]
    assets: dict[str, bytes] = {}

    main: Message | None = None
    for part in html_parts:
        if snapshot and _header(part, "Content-Location") == snapshot:
            main = part
            break
    if main is None and html_parts:
        main = html_parts[0]
    fmt = PageFormat.MHTML
    if main is None and text_parts:
        main, fmt = text_parts[0], PageFormat.TEXT
    if main is None:
        raise LoadError(f"Cannot open {label}: the MHTML file has no HTML or text part.")

    for part in leaves:
        if part is main:
            continue
        payload = _payload(part)
        location = _header(part, "Content-Location")
        if location:
            assets[location] = payload
        content_id = _header(part, "Content-ID")
        if content_id:
            assets["cid:" + content_id.strip().strip("<>")] = payload

    body = _payload(main)
    if not body.strip():
        raise LoadError(f"Cannot open {label}: the MHTML file's main part is empty.")
    kind = binary_kind(body)
    if kind is not None:
        raise LoadError(f"Cannot open {label}: its main part is {kind}, not a page.")
    try:
        charset = main.get_content_charset()
    except ValueError:  # an RFC 2231 charset naming a codec with a NUL in it
        charset = None
    try:
        decoded = decode_text(body, charset)
    except UndecodableError as exc:
        raise LoadError(
            f"Cannot open {label}: the MHTML file's main part is not text in any encoding."
        ) from exc
    text = decoded.text
    if fmt is PageFormat.MHTML:
        text = strip_xml_declaration(text)
    if not text.strip():
        raise LoadError(f"Cannot open {label}: the MHTML file's main part holds no text.")
    if fmt is PageFormat.MHTML:
        check_markup_size(text, label)
    url = _header(main, "Content-Location") or snapshot or None
    subject = _header(message, "Subject")
    return decoded_page(text, fmt, decoded, url=url, saved_title=subject or None, assets=assets)


def _header(message: Message, name: str) -> str | None:
    """A header's value as text (RFC 2047 words decoded, folding removed), or None."""
    from email.errors import MessageError  # noqa: PLC0415 (imported late, as above)
    from email.header import decode_header, make_header  # noqa: PLC0415

    raw = message.get(name)
    if raw is None:
        return None
    try:
        value = str(make_header(decode_header(str(raw))))
    except (LookupError, UnicodeError, ValueError, MessageError):
        value = str(raw)  # a malformed encoded word: keep the header as written
    return " ".join(value.split()) or None


def _payload(part: Message) -> bytes:
    """A leaf part's body with its transfer encoding (base64, quoted-printable) undone."""
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""
