"""Cleaned tree -> raw blocks: one walk cuts the text into blocks in document order, each
with its shape (length, sentence punctuation, link share, boldness) and the block elements
that hold it (for choosing the root); images resolved against the page's assets."""

from __future__ import annotations

import base64
import binascii
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from reader.core import heuristics as h
from reader.core.article import BlockType
from reader.core.clean import is_junk
from reader.core.load import local_image_key
from reader.core.page import Page
from reader.core.text import normalize_space

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
    junk: bool = False  # a labelled chrome line or a link farm, whatever its container

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0

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
    return frozenset(w.lower() for w in h.CLASS_SPLIT_RE.split(raw) if w)


def _chrome_level(el: etree._Element) -> int:
    """0: not chrome; 1: chrome unless it holds most of the prose; 2: always chrome."""
    words = class_words(el)
    if words & h.STRONG_CHROME_WORDS:
        return 2
    if el.tag in h.CHROME_TAGS:
        return 1
    return 1 if words & h.CHROME_WORDS and not words & h.CONTENT_WORDS else 0


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
    _a_depth: int = 0
    _b_depth: int = 0
    # The block context at each open block element: (kind, heading level).
    _stack: list[tuple[BlockType, int]] = field(default_factory=list)

    def run(self, body: etree._Element) -> None:
        # The hot loop of extraction (one pass over every element): helpers are bound to
        # locals and the common case (text outside links and bold) appends directly.
        from lxml import etree  # noqa: PLC0415 - see clean.parse_html

        open_nodes: list[Node] = []
        block_tags = h.BLOCK_TAGS
        parts = self._parts
        flush = self._flush
        add = self._add
        for event, el in etree.iterwalk(body, events=("start", "end")):
            tag = el.tag
            if not isinstance(tag, str):
                continue
            if event == "start":
                if tag in block_tags:
                    if parts:
                        flush()
                    self._open_block(el, tag, open_nodes)
                elif tag == "a":
                    self._a_depth += 1
                elif tag in _BOLD_TAGS:
                    self._b_depth += 1
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
                    self._stack.pop()
                    open_nodes.pop().end = len(self.blocks)
                elif tag == "a":
                    self._a_depth -= 1
                elif tag in _BOLD_TAGS:
                    self._b_depth -= 1
                text = el.tail
            if text:
                if self._a_depth or self._b_depth:
                    add(text)
                else:
                    parts.append(text)

    # -- walking

    def _open_block(self, el: etree._Element, tag: str, open_nodes: list[Node]) -> None:
        kind, level = self._stack[-1] if self._stack else _PLAIN
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
        self._stack.append((kind, level))
        chrome = _chrome_level(el) if tag not in ("body", "html") else 0
        node = Node(
            el, len(self._stack), len(self.blocks), chrome=chrome > 0, strong_chrome=chrome > 1
        )
        self.nodes.append(node)
        open_nodes.append(node)

    def _add(self, text: str) -> None:
        self._parts.append(text)
        if self._a_depth or self._b_depth:
            n = len(text) - text.count(" ") - text.count("\n") - text.count("\t")
            if self._a_depth:
                self._link_chars += n
            if self._b_depth:
                self._bold_chars += n

    def _flush(self) -> None:
        if not self._parts:
            return
        raw = "".join(self._parts)
        self._parts.clear()
        link_chars, bold_chars = self._link_chars, self._bold_chars
        self._link_chars = self._bold_chars = 0
        text = normalize_space(raw)
        if not text:
            return
        chars = len(text) - text.count(" ")
        kind, level = self._stack[-1] if self._stack else _PLAIN
        self.blocks.append(
            Raw(
                text=text,
                kind=kind,
                chars=chars,
                link_chars=min(link_chars, chars),
                punct=h.PUNCT_RE.search(text) is not None,
                chrome_depth=-1,
                bold=bold_chars >= chars * h.BOLD_BLOCK_SHARE,
                heading_level=level,
                junk=is_junk(text),
            )
        )

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


def flatten(root: etree._Element, page: Page) -> Flattener:
    """The blocks and block elements of the cleaned tree `root` (its body if it has one),
    with the images they show resolved against `page.assets`."""
    body = root.find("body")
    flat = Flattener(page)
    flat.run(body if body is not None else root)
    return flat
