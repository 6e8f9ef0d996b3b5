"""What a picture is, by its bytes: the only test for showing or inlining an image.

A saved page can name any file beside it as a picture (`<img src="notes.txt">`, or
`../../.ssh/id_rsa` that the loader already refuses for leaving the folder). Only bytes
that start the way a picture format starts are kept as an image: never a file's name,
its extension or a Content-Type a page declares. `picture_type(data)` answers with the
picture's MIME type (for a `data:` URI) or None.
"""

from __future__ import annotations

import re

#: Formats recognised by their first bytes (magic numbers from each format's
#: specification): the formats browsers save pictures in, all of which Qt reads.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
)

#: SVG is text: an `<svg` root element after an optional byte-order mark, XML
#: declaration, comments and doctype. Only the first kilobytes are read: the root
#: element comes before any content.
_SVG_RE = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*"
    rb"(?:<!DOCTYPE\s+svg[^>]*>\s*)?(?:<!--.*?-->\s*)*<svg[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_SVG_SNIFF_BYTES = 4096

#: A BMP header is 14 bytes plus a DIB header of one of these sizes: "BM" alone starts
#: plenty of text files ("BMW ...").
_BMP_DIB_SIZES = frozenset({12, 40, 52, 56, 64, 108, 124})


def picture_type(data: bytes) -> str | None:
    """The MIME type of the picture `data` holds (PNG, JPEG, GIF, WebP, BMP, SVG), or
    None when the bytes are not a picture."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            if mime == "image/bmp" and not _plausible_bmp(data):
                return None
            return mime
    if _SVG_RE.match(data[:_SVG_SNIFF_BYTES]):
        return "image/svg+xml"
    return None


def is_picture(data: bytes) -> bool:
    """Whether `data` is a picture by its content (see `picture_type`)."""
    return picture_type(data) is not None


def _plausible_bmp(data: bytes) -> bool:
    if len(data) < 26:
        return False
    return int.from_bytes(data[14:18], "little") in _BMP_DIB_SIZES
