"""Plain text (a copied-text dump): the decoded file as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.page import Page, PageFormat, decoded_page, require_text

if TYPE_CHECKING:
    from reader.core.load import Source


def sniff(source: Source) -> bool:
    """Any text is a text dump: the last row of the format table."""
    return True


def read(source: Source) -> Page:
    """The decoded file as a text page."""
    require_text(source.text, source.label)
    return decoded_page(source.text, PageFormat.TEXT, source.decoded)
