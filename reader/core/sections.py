"""Sections: which blocks are section headings (a heading tag, or a short bold paragraph
that ends without sentence punctuation), and the Article's table of sections."""

from __future__ import annotations

from reader.core import heuristics as h
from reader.core.article import Block, BlockType, Section
from reader.core.flatten import Raw


def is_section_candidate(b: Raw) -> bool:
    if b.kind is BlockType.HEADING:
        return 2 <= b.heading_level <= 4 or b.heading_level == 1
    return (
        b.bold
        and b.kind is BlockType.PARAGRAPH
        and 2 <= b.chars <= h.BOLD_HEADING_MAX_CHARS
        and b.text[-1] not in h.TERMINAL_PUNCT
        and b.link_chars == 0
    )


def find_sections(blocks: list[Block]) -> tuple[Section, ...]:
    """The headings of the finished blocks, with their indices."""
    return tuple(Section(b.text, i) for i, b in enumerate(blocks) if b.type is BlockType.HEADING)
