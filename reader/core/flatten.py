"""Cleaned tree -> raw blocks: one walk cuts the text into blocks in document order, each
with its shape (length, sentence punctuation, link share, boldness) and the block elements
that hold it (for choosing the root); images resolved against the page's assets; a table
that holds data becomes one table block (a table that lays out the page is walked like
any other markup)."""

from __future__ import annotations

import base64
import binascii
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from reader.core import heuristics as h
from reader.core.article import TABLE_CELL_SEP, BlockType
from reader.core.clean import is_junk
from reader.core.images import is_picture
from reader.core.load import local_image_key
from reader.core.page import Page
from reader.core.text import lazy_compile, normalize_space, text_of

if TYPE_CHECKING:
    from lxml import etree  # imported where HTML is parsed: see clean.parse_html

_ASSET_PREFIX = "asset:"


_BOLD_TAGS = frozenset({"b", "strong"})


_PLAIN = (BlockType.PARAGRAPH, 0)


@dataclass(slots=True)
class Raw:
    """A text block of the flattened page, before it is judged."""

    text: str
    kind: BlockType
    chars: int
    link_chars: int
    punct: bool  # has sentence punctuation
    chrome_depth: int  # depth of the deepest chrome ancestor, -1 if none
    bold: bool = False
    heading_level: int = 0
    src: str | None = None
    alt_only: bool = False
    header: bool = False  # a table whose first row holds headings
    #: The text as the page gave it, which `junk` judges (None: a table, a caption or a
    #: picture, never junk).
    first_text: str | None = None
    _junk: bool | None = field(default=None, init=False, repr=False)

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0

    @property
    def junk(self) -> bool:
        """A labelled chrome line or a link farm, whatever its container (by the page's
        text, before watermarks are cut). Judged when first asked: only blocks outside
        chrome are, and a third of a page's blocks are chrome."""
        if self._junk is None:
            self._junk = self.first_text is not None and is_junk(self.first_text)
        return self._junk

    is_prose: bool = field(init=False)

    def __post_init__(self) -> None:
        # Asked for many times per block while choosing the root: computed once.
        self.is_prose = bool(
            self.chars >= h.PROSE_MIN_CHARS
            and self.punct
            and self.link_chars <= h.LINK_DENSITY_MAX * self.chars
            and self.kind is not BlockType.HEADING
        )


@dataclass(slots=True)
class Node:
    """A block-level element and the range of blocks it holds."""

    el: etree._Element
    depth: int
    start: int
    end: int = -1
    chrome: bool = False
    strong_chrome: bool = False


def class_words(el: etree._Element) -> frozenset[str]:
    cls, ident = el.get("class"), el.get("id")
    if not cls and not ident:
        return _NO_WORDS
    return _split_words(f"{cls or ''} {ident or ''}")


_NO_WORDS: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=4096)
def _split_words(raw: str) -> frozenset[str]:
    if _PLAIN_SPLIT and _ASCII_CAPITAL_RE.search(raw) is None:
        # No capital, so no camelCase boundary: the pattern splits at white space, "_" and
        # "-" only, as str.split does once those are spaces (40% less time per new name).
        return frozenset(raw.replace("_", " ").replace("-", " ").lower().split())
    return frozenset(w.lower() for w in h.CLASS_SPLIT_RE.split(raw) if w)


#: `_split_words` takes its short way only while CLASS_SPLIT_RE is the pattern it mirrors.
_PLAIN_SPLIT = h.CLASS_SPLIT_RE.pattern == r"[\s_\-]+|(?<=[a-z])(?=[A-Z])"
_ASCII_CAPITAL_RE = lazy_compile("[A-Z]")


@dataclass
class Flattener:
    """Walks a cleaned tree once and cuts its text into blocks."""

    page: Page
    blocks: list[Raw] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    assets: dict[str, bytes] = field(default_factory=dict)
    _parts: list[str] = field(default_factory=list)
    _link_chars: int = 0
    _bold_chars: int = 0
    # The block context at each open block element: (kind, heading level).
    _stack: list[tuple[BlockType, int]] = field(default_factory=list)

    def run(self, body: etree._Element) -> None:
        # The hot loop of extraction (one pass over every element): helpers are bound to
        # locals and the common case (text outside links and bold) appends directly.
        from lxml import etree  # noqa: PLC0415 - see clean.parse_html

        open_nodes: list[Node] = []
        block_tags = h.BLOCK_TAGS
        parts = self._parts
        stack, blocks = self._stack, self.blocks
        flush = self._flush
        a_depth = b_depth = 0  # open links and bold elements around the text
        walker = etree.iterwalk(body, events=("start", "end"))
        for event, el in walker:
            tag = el.tag
            if not isinstance(tag, str):
                continue
            if event == "start":
                if tag in block_tags:
                    if parts:
                        flush()
                    self._open_block(el, tag, open_nodes)
                    if tag == "table" and self._table(el):
                        walker.skip_subtree()  # its "end" still comes, and closes the node
                        continue
                elif tag == "a":
                    a_depth += 1
                elif tag in _BOLD_TAGS:
                    b_depth += 1
                elif tag == "br":
                    if parts:
                        flush()
                elif tag == "img":
                    if parts:
                        flush()
                    self._image(el)
                text = el.text
            else:
                if tag in block_tags:
                    if parts:
                        flush()
                    stack.pop()
                    open_nodes.pop().end = len(blocks)
                elif tag == "a":
                    a_depth -= 1
                elif tag in _BOLD_TAGS:
                    b_depth -= 1
                text = el.tail
            if text:
                if a_depth or b_depth:
                    parts.append(text)
                    n = len(text) - text.count(" ") - text.count("\n") - text.count("\t")
                    if a_depth:
                        self._link_chars += n
                    if b_depth:
                        self._bold_chars += n
                elif parts or not text.isspace():
                    # White space before any text of a block is dropped by _flush anyway
                    # (most texts between block tags are only that): not kept at all.
                    parts.append(text)

    # -- walking

    def _open_block(self, el: etree._Element, tag: str, open_nodes: list[Node]) -> None:
        stack = self._stack
        kind, level = stack[-1] if stack else _PLAIN
        if tag == "p" and kind is BlockType.PARAGRAPH:
            pass  # the common case: a paragraph among paragraphs
        elif tag in h.HEADING_TAGS:
            kind, level = BlockType.HEADING, int(tag[1])
        elif tag == "figcaption":
            kind = BlockType.CAPTION
        elif kind is BlockType.PARAGRAPH:
            if tag == "blockquote":
                kind = BlockType.QUOTE
            elif tag in ("li", "dd"):
                kind = BlockType.LIST_ITEM
        stack.append((kind, level))
        node = Node(el, len(stack), len(self.blocks))  # chrome: root.mark_chrome
        self.nodes.append(node)
        open_nodes.append(node)

    def _flush(self) -> None:
        parts = self._parts
        if not parts:
            return
        raw = parts[0] if len(parts) == 1 else "".join(parts)
        parts.clear()
        link_chars, bold_chars = self._link_chars, self._bold_chars
        self._link_chars = self._bold_chars = 0
        text = normalize_space(raw)
        if not text:
            return
        kind, level = self._stack[-1] if self._stack else _PLAIN
        if kind is BlockType.HEADING and text.endswith("]"):
            bare = h.EDIT_LINK_RE.sub("", text)  # an encyclopedia's "[编辑]" link
            link_chars -= len(text) - len(bare)
            text = bare
            if not text:
                return
        chars = len(text) - text.count(" ")
        self.blocks.append(
            Raw(
                text=text,
                kind=kind,
                chars=chars,
                link_chars=max(0, min(link_chars, chars)),
                punct=h.PUNCT_RE.search(text) is not None,
                chrome_depth=-1,
                bold=bold_chars >= chars * h.BOLD_BLOCK_SHARE,
                heading_level=level,
                first_text=text,
            )
        )

    # -- tables

    def _table(self, el: etree._Element) -> bool:
        """Add a content table as one block, or nothing for a notice box; False for a
        layout table, whose cells are then flattened like any other text."""
        if is_notice_box(el):
            return True
        found = content_table(el)
        if found is None:
            return False
        rows, header, caption, link_chars = found
        if caption:
            self.blocks.append(Raw(caption, BlockType.CAPTION, len(caption), 0, False, -1))
        text = "\n".join(TABLE_CELL_SEP.join(row) for row in rows)
        chars = sum(len(cell) for row in rows for cell in row)
        self.blocks.append(
            Raw(
                text=text,
                kind=BlockType.TABLE,
                chars=chars,
                link_chars=min(link_chars, chars),
                punct=h.PUNCT_RE.search(text) is not None,
                chrome_depth=-1,
                header=header,
            )
        )
        return True

    # -- images

    def _image(self, el: etree._Element) -> None:
        width, height = el.get("width", ""), el.get("height", "")
        if (
            width.isdigit()
            and height.isdigit()
            and int(width) <= h.ICON_MAX_PX
            and int(height) <= h.ICON_MAX_PX
        ):
            return
        src = el.get("data-src") or el.get("data-original") or el.get("src") or ""
        alt = normalize_space(el.get("alt") or el.get("title") or "")
        key = self._resolve_image(src.strip())
        if key is None and not alt:
            return
        self.blocks.append(
            Raw(alt, BlockType.IMAGE, 0, 0, False, -1, src=key, alt_only=key is None)
        )

    def _resolve_image(self, src: str) -> str | None:
        """The asset key of the picture `src` names, or None: not saved, or its bytes are
        not a picture (an MHTML part or a data: URI may hold anything)."""
        key = self._image_key(src)
        if key is not None and not is_picture(self.assets[key]):
            del self.assets[key]
            return None
        return key

    def _image_key(self, src: str) -> str | None:
        if not src:
            return None
        if src.startswith("data:image/"):
            head, _, payload = src.partition(",")
            if ";base64" not in head:
                return None
            try:
                data = base64.b64decode(payload, validate=False)
            except (binascii.Error, ValueError):
                return None
            key = f"{_ASSET_PREFIX}data-{len(self.assets)}"
            self.assets[key] = data
            return key
        page_assets = self.page.assets
        if not page_assets:
            return None
        for cand in (src, urljoin(self.page.url or "", src)):
            if cand in page_assets:
                key = _ASSET_PREFIX + cand
                self.assets[key] = page_assets[cand]
                return key
        rel = local_image_key(src)
        if rel is not None and rel in page_assets:
            key = _ASSET_PREFIX + rel
            self.assets[key] = page_assets[rel]
            return key
        return None


def is_notice_box(el: etree._Element) -> bool:
    """A boxed notice laid out as a one-row table: an icon cell beside a short message
    (an encyclopedia's maintenance banner, "this article needs sources")."""
    rows = el.findall(".//tr")
    if len(rows) != 1:
        return False
    cells = [c for c in rows[0] if c.tag in ("td", "th")]
    if len(cells) not in (2, 3):
        return False
    icons = [c for c in cells if c.find(".//img") is not None and not text_of(c).strip()]
    text = sum(len(text_of(c).strip()) for c in cells)
    return len(icons) >= 1 and 0 < text <= h.NOTICE_BOX_MAX_CHARS


def content_table(el: etree._Element) -> tuple[list[list[str]], bool, str, int] | None:
    """(rows of cell texts, first row is headings, caption, link characters) of a table
    that holds data, or None for a table that lays out a page: one with tables inside,
    a single row or column, paragraphs in its cells or mostly links (a menu)."""
    if el.find(".//table") is not None:
        return None
    rows: list[list[str]] = []
    header = False
    chars = link_chars = 0
    for tr in el.iter("tr"):
        cells = [c for c in tr if c.tag in ("td", "th")]
        if not cells:
            continue
        texts = [normalize_space(text_of(c)) for c in cells]
        if not rows:
            header = all(c.tag == "th" for c in cells)
        for cell, text in zip(cells, texts, strict=True):
            if len(text) > h.TABLE_MAX_CELL_CHARS:
                return None
            chars += len(text)
            link_chars += sum(len(text_of(a).strip()) for a in cell.iter("a"))
        rows.append(texts)
    if len(rows) < 2 or chars == 0:
        return None
    width = max(len(r) for r in rows)
    n_cells = sum(len(r) for r in rows)
    if (
        width < 2
        or link_chars > h.TABLE_MAX_LINK_SHARE * chars
        or chars > h.TABLE_MAX_MEAN_CELL_CHARS * n_cells
    ):
        return None
    caption_el = el.find("caption")
    caption = normalize_space(text_of(caption_el)) if caption_el is not None else ""
    return [r + [""] * (width - len(r)) for r in rows], header, caption, link_chars


def flatten(root: etree._Element, page: Page) -> Flattener:
    """The blocks and block elements of the cleaned tree `root` (its body if it has one),
    with the images they show resolved against `page.assets`."""
    body = root.find("body")
    flat = Flattener(page)
    flat.run(body if body is not None else root)
    return flat
