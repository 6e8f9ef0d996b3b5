"""The Page record every format reader returns, and the checks they all apply to text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from reader.core.errors import LoadError

if TYPE_CHECKING:
    from reader.core.decode import Decoded

# Refuse HTML with more than this many tags ('<' characters). Cleaning costs about 15 µs
# a tag here (2 cores, 2026), so 500,000 is about 7 s; saved articles have a few thousand
# (the corpus's largest, an encyclopedia page, has 12,000), and a page whose bulk is
# inline images (data: URIs) has few tags however many megabytes it is.
MAX_MARKUP_TAGS = 500_000

_XML_DECL_TEXT_RE = re.compile(r"\A(\s*)<\?xml\b[^>]*\?>", re.IGNORECASE)


class PageFormat(StrEnum):
    """What kind of saved file a page came from."""

    HTML = "html"
    MHTML = "mhtml"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Page:
    """A decoded saved page.

    `text` is HTML markup for HTML and MHTML pages (the MHTML's main HTML part) and the
    plain text for text dumps. `url` is the original address recorded in the file itself
    (a "saved from url" comment, MHTML Content-Location, a crawl wrapper's id). `assets`
    maps a resource key (its URL as the markup names it, and `cid:` + Content-ID) to bytes
    saved inside the file (MHTML parts) or beside it (a "Save Page As" `_files/` folder, keyed
    by the path the markup names, read by the loader): later stages read images from here
    only. `base_dir` is the folder of the saved file.

    `encoding` is the codec that decoded the text (lowercase Python name: "utf-8",
    "gb18030", "big5", "utf-16-le", ...); `declared_charset` is the label the file itself
    declares, lowercased, which may disagree with it. `replacements` counts invalid byte
    sequences replaced by U+FFFD. `saved_title` is a title the saving tool recorded (crawl
    wrapper title, MHTML Subject). `warnings` are notes worth showing as diagnostics.
    """

    text: str
    format: PageFormat
    encoding: str
    path: Path | None = None
    url: str | None = None
    base_dir: Path | None = None
    assets: Mapping[str, bytes] = field(default_factory=lambda: MappingProxyType({}))
    declared_charset: str | None = None
    replacements: int = 0
    saved_title: str | None = None
    warnings: tuple[str, ...] = ()


def decoded_page(
    text: str,
    fmt: PageFormat,
    decoded: Decoded,
    *,
    url: str | None = None,
    saved_title: str | None = None,
    assets: Mapping[str, bytes] | None = None,
) -> Page:
    """A Page of `text` in `fmt`, with the decoding's record (codec, declared charset,
    replacements, warnings) and the `assets` saved inside the file."""
    return Page(
        text=text,
        format=fmt,
        encoding=decoded.encoding,
        url=url,
        assets=MappingProxyType(dict(assets or {})),
        declared_charset=decoded.declared_charset,
        replacements=decoded.replacements,
        saved_title=saved_title,
        warnings=decoded.warnings,
    )


def require_text(text: str, label: str) -> None:
    """Refuse a page whose text is only white space."""
    if not text.strip():
        raise LoadError(f"Cannot open {label}: the file holds no text.")


def strip_xml_declaration(text: str) -> str:
    """`text` without its XML declaration: it names the encoding of bytes that are now
    decoded, and parsers given a str with it refuse it (lxml raises ValueError)."""
    return _XML_DECL_TEXT_RE.sub(r"\1", text, count=1)


def check_markup_size(text: str, label: str) -> None:
    tags = text.count("<")
    if tags > MAX_MARKUP_TAGS:
        raise LoadError(
            f"Cannot open {label}: its HTML has {tags:,} tags, more than the "
            f"{MAX_MARKUP_TAGS:,} Qingdu reads (a saved article has a few thousand)."
        )
