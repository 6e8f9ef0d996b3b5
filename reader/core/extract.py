"""Decoded page -> Article: find the main content, its metadata, sections and speakers.

HTML pages are flattened into text blocks in document order, each with its shape (length,
sentence punctuation, link share, chrome ancestry). The article root is the element whose
blocks score highest as prose minus a weighted share of non-prose text (see
``selectors.JUNK_WEIGHT``), which holds when a sidebar or hot list has more characters than
the article. Text dumps are treated line by line with the same junk rules.
"""

from __future__ import annotations

import base64
import binascii
import functools
import html
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

from reader.core import selectors as sel
from reader.core.article import (
    TABLE_CELL_SEP,
    Article,
    Block,
    BlockType,
    Removal,
    Script,
    Section,
    Speaker,
    Theme,
)
from reader.core.clean import (
    clean_tree,
    find_watermarks,
    is_junk,
    is_settings_chrome,
    normalize_space,
    parse_html,
    strip_watermarks,
    text_of,
)
from reader.core.errors import NoArticleError
from reader.core.load import Page, PageFormat
from reader.core.thread import is_thread, post_head

if TYPE_CHECKING:
    from lxml import etree  # imported where HTML is parsed: text dumps never need it


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Tunables of the extractor (one object instead of growing keyword lists)."""

    #: Read images saved beside the page (a "Save Page As" `_files/` folder).
    local_images: bool = True
    #: Largest local image read into memory, in bytes.
    max_image_bytes: int = 20 * 1024 * 1024


DEFAULT_OPTIONS = ExtractOptions()

_ASSET_PREFIX = "asset:"
_BOLD_TAGS = frozenset({"b", "strong"})
_PLAIN = (BlockType.PARAGRAPH, 0)
#: Images smaller than this in both declared dimensions are icons and spacers.
_ICON_MAX_PX = 40


# =========================================================================== HTML flattening


@dataclass(slots=True)
class _Raw:
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
    header: bool = False  # a table whose first row holds headings

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0

    is_prose: bool = field(init=False)

    def __post_init__(self) -> None:
        # Asked for many times per block while choosing the root: computed once.
        self.is_prose = bool(
            self.chars >= sel.PROSE_MIN_CHARS
            and self.punct
            and self.link_chars <= sel.LINK_DENSITY_MAX * self.chars
            and self.kind is not BlockType.HEADING
        )


@dataclass(slots=True)
class _Node:
    """A block-level element and the range of blocks it holds."""

    el: etree._Element
    depth: int
    start: int
    end: int = -1
    chrome: bool = False
    strong_chrome: bool = False


def _class_words(el: etree._Element) -> frozenset[str]:
    cls, ident = el.get("class"), el.get("id")
    if not cls and not ident:
        return _NO_WORDS
    return _split_words(f"{cls or ''} {ident or ''}")


_NO_WORDS: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=4096)
def _split_words(raw: str) -> frozenset[str]:
    return frozenset(w.lower() for w in sel.CLASS_SPLIT_RE.split(raw) if w)


def _chrome_level(el: etree._Element, thread: bool = False) -> int:
    """0: not chrome; 1: chrome unless it holds most of the prose; 2: always chrome.
    On a thread, the names of posts (comments, replies) are not chrome."""
    words = _class_words(el)
    if thread and words & sel.THREAD_POST_WORDS:
        words = words - sel.THREAD_POST_WORDS
    if words & sel.STRONG_CHROME_WORDS:
        return 2
    if el.tag in sel.CHROME_TAGS:
        return 1
    return 1 if words & sel.CHROME_WORDS and not words & sel.CONTENT_WORDS else 0


@dataclass
class _Flattener:
    """Walks a cleaned tree once and cuts its text into blocks."""

    page: Page
    options: ExtractOptions
    blocks: list[_Raw] = field(default_factory=list)
    nodes: list[_Node] = field(default_factory=list)
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

        open_nodes: list[_Node] = []
        block_tags = sel.BLOCK_TAGS
        parts = self._parts
        flush = self._flush
        add = self._add
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

    def _open_block(self, el: etree._Element, tag: str, open_nodes: list[_Node]) -> None:
        kind, level = self._stack[-1] if self._stack else _PLAIN
        if tag == "p" and kind is BlockType.PARAGRAPH:
            pass  # the common case: a paragraph among paragraphs
        elif tag in sel.HEADING_TAGS:
            kind, level = BlockType.HEADING, int(tag[1])
        elif tag == "figcaption":
            kind = BlockType.CAPTION
        elif kind is BlockType.PARAGRAPH:
            if tag == "blockquote":
                kind = BlockType.QUOTE
            elif tag in ("li", "dd"):
                kind = BlockType.LIST_ITEM
        self._stack.append((kind, level))
        node = _Node(el, len(self._stack), len(self.blocks))
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
        kind, level = self._stack[-1] if self._stack else _PLAIN
        if kind is BlockType.HEADING and text.endswith("]"):
            bare = sel.EDIT_LINK_RE.sub("", text)  # an encyclopedia's "[编辑]" link
            link_chars -= len(text) - len(bare)
            text = bare
            if not text:
                return
        chars = len(text) - text.count(" ")
        self.blocks.append(
            _Raw(
                text=text,
                kind=kind,
                chars=chars,
                link_chars=max(0, min(link_chars, chars)),
                punct=sel.PUNCT_RE.search(text) is not None,
                chrome_depth=-1,
                bold=bold_chars >= chars * 0.9,
                heading_level=level,
                junk=is_junk(text),
            )
        )

    # -- tables

    def _table(self, el: etree._Element) -> bool:
        """Add a content table as one block; False for a layout table, whose cells are
        then flattened like any other text."""
        found = content_table(el)
        if found is None:
            return False
        rows, header, caption, link_chars = found
        if caption:
            self.blocks.append(_Raw(caption, BlockType.CAPTION, len(caption), 0, False, -1))
        text = "\n".join(TABLE_CELL_SEP.join(row) for row in rows)
        chars = sum(len(cell) for row in rows for cell in row)
        self.blocks.append(
            _Raw(
                text=text,
                kind=BlockType.TABLE,
                chars=chars,
                link_chars=min(link_chars, chars),
                punct=sel.PUNCT_RE.search(text) is not None,
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
            and int(width) <= _ICON_MAX_PX
            and int(height) <= _ICON_MAX_PX
        ):
            return
        src = el.get("data-src") or el.get("data-original") or el.get("src") or ""
        alt = normalize_space(el.get("alt") or el.get("title") or "")
        key = self._resolve_image(src.strip())
        if key is None and not alt:
            return
        self.blocks.append(
            _Raw(alt, BlockType.IMAGE, 0, 0, False, -1, src=key, alt_only=key is None)
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
        if page_assets:
            for cand in (src, urljoin(self.page.url or "", src)):
                if cand in page_assets:
                    key = _ASSET_PREFIX + cand
                    self.assets[key] = page_assets[cand]
                    return key
        if self.options.local_images and self.page.base_dir is not None:
            return self._local_image(src, self.page.base_dir)
        return None

    def _local_image(self, src: str, base: Path) -> str | None:
        parts = urlsplit(src)
        if parts.scheme and parts.scheme != "file":
            return None
        rel = unquote(parts.path)
        if not rel or (rel.startswith(("/", "\\")) and parts.scheme != "file"):
            return None
        try:
            base_r = base.resolve()
            target = (base_r / rel).resolve()
            if not target.is_relative_to(base_r) or not target.is_file():
                return None
            if target.stat().st_size > self.options.max_image_bytes:
                return None
            data = target.read_bytes()
        except (OSError, ValueError):
            return None
        key = _ASSET_PREFIX + rel
        self.assets[key] = data
        return key


# =========================================================================== tables


def content_table(
    el: etree._Element,
) -> tuple[list[list[str]], bool, str, int] | None:
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
            if len(text) > sel.TABLE_MAX_CELL_CHARS:
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
        or link_chars > sel.TABLE_MAX_LINK_SHARE * chars
        or chars > sel.TABLE_MAX_MEAN_CELL_CHARS * n_cells
    ):
        return None
    caption_el = el.find("caption")
    caption = normalize_space(text_of(caption_el)) if caption_el is not None else ""
    return [r + [""] * (width - len(r)) for r in rows], header, caption, link_chars


# =========================================================================== region choice


def _block_values(b: _Raw) -> tuple[float, float]:
    """(prose value, junk value) of one block for scoring a candidate root."""
    if b.kind is BlockType.IMAGE:
        return 0.0, 0.0
    if b.chrome_depth >= 0 or b.junk:
        return 0.0, float(b.chars)
    if b.kind is BlockType.HEADING:
        return (0.0, 0.0) if b.link_density <= sel.LINK_DENSITY_MAX else (0.0, float(b.chars))
    if b.is_prose:
        weight = sel.LIST_PROSE_WEIGHT if b.kind is BlockType.LIST_ITEM else 1.0
        return b.chars * (1.0 - b.link_density) * weight, 0.0
    if b.chars >= sel.PLAIN_MIN_CHARS and b.link_density <= sel.PLAIN_MAX_LINK_DENSITY:
        return b.chars * sel.PLAIN_WEIGHT, 0.0
    return 0.0, float(b.chars)


def _mark_chrome(blocks: list[_Raw], nodes: list[_Node], thread: bool = False) -> None:
    """Give each block the depth of its deepest chrome ancestor.

    A chrome-named element that holds most of the page's prose is not chrome (ASP.NET
    pages wrap everything in one form, blogs name their main column "sidebar-right").
    On a thread (`thread`), the posts' names are not chrome, and a group of look-alike
    items holding most of the prose is the thread, not a feed.
    """
    prose = [0]
    for b in blocks:
        prose.append(prose[-1] + (b.chars if b.is_prose else 0))
        b.chrome_depth = -1
    total = prose[-1] or 1
    for node in nodes:
        level = _chrome_level(node.el, thread) if node.el.tag not in ("body", "html") else 0
        node.chrome, node.strong_chrome = level > 0, level > 1
    _mark_feeds(blocks, nodes, total if thread else 0)
    for node in nodes:
        if node.strong_chrome or (
            node.chrome
            and (prose[node.end] - prose[node.start]) / total < sel.CHROME_MAX_PROSE_SHARE
        ):
            for b in blocks[node.start : node.end]:
                b.chrome_depth = max(b.chrome_depth, node.depth)


def _mark_feeds(blocks: list[_Raw], nodes: list[_Node], thread_prose: int = 0) -> None:
    """Mark as strong chrome the items of a feed: FEED_MIN_ITEMS or more siblings of one
    shape (tag and class) that each hold a linked headline, like "more stories" boxes.
    With `thread_prose` (a thread's total prose), items that hold most of it are posts."""
    groups: dict[tuple[int, str, str], list[_Node]] = {}
    for node in nodes:
        parent = node.el.getparent()
        if parent is None or node.end <= node.start or node.el.tag not in sel.FEED_ITEM_TAGS:
            continue
        cls = node.el.get("class", "").split()
        if node.el.tag != "li" and not cls:
            continue  # classless <div>s are page layout, not cards
        # The first class names the card; later ones vary per item (first/last, ads).
        key = (id(parent), node.el.tag, cls[0] if cls else "")
        groups.setdefault(key, []).append(node)
    for members in groups.values():
        if len(members) < sel.FEED_MIN_ITEMS:
            continue
        linked = 0
        for node in members:
            if any(
                b.link_density > sel.LINK_DENSITY_MAX and b.chars >= sel.FEED_HEADLINE_MIN_CHARS
                for b in blocks[node.start : node.end]
            ):
                linked += 1
        sizes = [sum(b.chars for b in blocks[node.start : node.end]) for node in members]
        links = sum(b.link_chars for node in members for b in blocks[node.start : node.end])
        has_summary = any(b.is_prose for node in members for b in blocks[node.start : node.end])
        if (
            has_summary
            and sorted(sizes)[len(sizes) // 2] <= sel.FEED_MAX_ITEM_CHARS
            and linked >= sel.FEED_LINKED_SHARE * len(members)
            and links >= sel.FEED_MIN_LINK_SHARE * sum(sizes)
            and max(sizes) <= sel.FEED_MAX_LONGEST_ITEM_CHARS
            and not (
                thread_prose
                and sum(b.chars for n in members for b in blocks[n.start : n.end] if b.is_prose)
                > sel.CHROME_MAX_PROSE_SHARE * thread_prose
            )
        ):
            for node in members:
                node.chrome = node.strong_chrome = True


def _choose_root(blocks: list[_Raw], nodes: list[_Node]) -> _Node | None:
    good = [0.0]
    bad = [0.0]
    for b in blocks:
        g, j = _block_values(b)
        good.append(good[-1] + g)
        bad.append(bad[-1] + j)
    best: _Node | None = None
    best_score = 0.0
    for node in nodes:
        if node.end <= node.start:
            continue
        g = good[node.end] - good[node.start]
        if g <= 0:
            continue
        j = bad[node.end] - bad[node.start]
        score = g * g / (g + sel.JUNK_WEIGHT * j)
        if score > best_score:  # ties go to the ancestor, which keeps neutral neighbours
            best, best_score = node, score
    return best


def _keep_in_root(b: _Raw, root_depth: int) -> bool:
    if b.kind is BlockType.IMAGE:
        return b.chrome_depth <= root_depth
    if b.chrome_depth > root_depth:
        return False
    if b.link_density > sel.LINK_DENSITY_MAX and b.chars < 400:
        return False
    return not b.junk


# =========================================================================== metadata


@dataclass(slots=True)
class _Meta:
    title: str = ""
    h1: list[str] = field(default_factory=list)
    og_title: str = ""
    published: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    theme: Theme | None = None
    ld_body: str = ""
    site_name: str = ""
    thread: bool = False  # a forum or Q&A thread (thread.py)


def _format_date(m: re.Match[str]) -> str:
    out = f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}"
    if m["H"]:
        out += f" {int(m['H']):02d}:{m['M']}"
        if m["S"]:
            out += f":{m['S']}"
    return out


def _find_date(text: str) -> str | None:
    m = sel.DATE_RE.search(text)
    if not m or not (1 <= int(m["m"]) <= 12 and 1 <= int(m["d"]) <= 31):
        return None
    return _format_date(m)


def _theme_from_value(value: str) -> Theme | None:
    v = value.lower()
    if any(w in v for w in ("dark", "night", "black")):
        return Theme.DARK
    if any(w in v for w in ("light", "day", "white")):
        return Theme.LIGHT
    if any(w in v for w in ("auto", "system", "os")):
        return Theme.SYSTEM
    return None


def _is_selected(el: etree._Element) -> bool:
    for node in (el, el.getparent()):
        if node is None or not isinstance(node.tag, str):
            continue
        if _class_words(node) & sel.SELECTED_WORDS:
            return True
        for attr in ("aria-checked", "aria-selected", "aria-pressed", "aria-current"):
            if node.get(attr, "").lower() in ("true", "page"):
                return True
        if node.get("checked") is not None or node.get("selected") is not None:
            return True
        for inp in node.iterchildren("input"):
            if inp.get("checked") is not None:
                return True
    return False


def _read_theme(root: etree._Element) -> Theme | None:
    body = root.find("body")
    for el in (root, body):
        if el is None:
            continue
        for attr in ("data-theme", "data-color-mode", "data-mode", "data-color-scheme", "theme"):
            value = el.get(attr)
            if value and (theme := _theme_from_value(value)):
                return theme
        if _class_words(el) & sel.DARK_CLASS_WORDS:
            return Theme.DARK
    for el in root.iter("li", "a", "span", "label", "button", "option", "div"):
        text = (el.text or "").strip()
        if text in sel.THEME_LABELS and _is_selected(el):
            return Theme(sel.THEME_LABELS[text])
    for meta in root.iter("meta"):
        if meta.get("name", "").lower() == "color-scheme":
            words = set(meta.get("content", "").lower().replace(",", " ").split())
            if words in ({"dark"}, {"only", "dark"}):
                return Theme.DARK
            if words in ({"light"}, {"only", "light"}):
                return Theme.LIGHT
            if {"light", "dark"} <= words:
                return Theme.SYSTEM
    return None


def _read_head(root: etree._Element, page: Page) -> _Meta:
    meta = _Meta()
    title_el = root.find(".//title")
    if title_el is not None:
        meta.title = normalize_space(text_of(title_el))
    canonical = og_url = None
    for el in root.iter("meta", "link"):
        if el.tag == "link":
            if "canonical" in el.get("rel", "").lower().split() and el.get("href"):
                canonical = el.get("href", "").strip()
            continue
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        content = normalize_space(el.get("content") or "")
        if not content:
            continue
        if key == "og:title":
            meta.og_title = content
        elif key == "og:url":
            og_url = content
        elif key in (
            "article:published_time",
            "pubdate",
            "publishdate",
            "publish_date",
            "datepublished",
            "ptime",
            "og:release_date",
            "weibo:article:create_at",
        ):
            meta.published = meta.published or _find_date(content)
        elif key in ("author", "article:author") and not content.startswith("http"):
            meta.author = meta.author or content
        elif key in ("og:site_name", "application-name"):
            meta.site_name = meta.site_name or content
        elif key in ("source", "og:site_name", "mediaid") and key == "source":
            meta.source = meta.source or content
    for url in (canonical, og_url, page.url):
        if url and url.startswith(("http://", "https://")):
            meta.url = url
            break
    meta.theme = _read_theme(root)
    meta.ld_body = _ld_article_body(root)
    return meta


def _ld_article_body(root: etree._Element) -> str:
    """The `articleBody` of the page's JSON-LD, if any (some pages render only from it)."""
    best = ""
    for script in root.iter("script"):
        if script.get("type", "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            import json  # noqa: PLC0415 - HTML-only; importing it costs start-up 4 ms

            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                body = item.get("articleBody")
                if isinstance(body, str) and len(body) > len(best):
                    best = body
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return best


def _title_parts(title: str) -> list[str]:
    return [p.strip() for p in sel.TITLE_SEPARATORS_RE.split(title) if p.strip()]


def _strip_site_suffix(title: str, sites: frozenset[str] = frozenset()) -> str:
    """The headline part of a document title: its longest part that is not a site name
    (an og:site_name, a host name, an h1 that the title ends with)."""
    for site in sites:
        if title.endswith(site) and len(title) - len(site) >= sel.TITLE_MIN_CHARS:
            title = title[: -len(site)].rstrip(sel.TITLE_SEPARATOR_CHARS)
    parts = _title_parts(title)
    kept = [p for p in parts if p not in sites and not sel.HOST_NAME_RE.fullmatch(p)]
    if len(parts) <= 1 or not kept:
        return title.strip()
    return max(kept, key=len)


def _site_names(meta: _Meta, h1s: list[str]) -> frozenset[str]:
    """Names of the site rather than of the page: og:site_name, and an h1 (a logo) that a
    multi-part document title ends with ("Thread title - Example Forums")."""
    names = {meta.site_name} if meta.site_name else set()
    for title in (meta.title, meta.og_title):
        parts = _title_parts(title)
        for h in h1s:
            if len(parts) >= 2 and h == parts[-1]:
                names.add(h)
            elif title.endswith(h) and len(title) - len(h) >= sel.TITLE_MIN_CHARS:
                names.add(h)  # "土豆不土 松花江网": a site name after a space
    return frozenset(names)


def _choose_title(meta: _Meta, h1s: list[str]) -> str:
    """The headline: an h1 that the document title or og:title also gives (and that is
    not the site's name), else the headline part of og:title or the title, else an h1."""
    h1s = [sel.EDIT_LINK_RE.sub("", h).strip() for h in h1s]
    sites = _site_names(meta, h1s)
    for h in h1s:
        if not h or h in sites:
            continue
        for title in (meta.title, meta.og_title):
            if h in _title_parts(title) or (len(h) >= sel.TITLE_MIN_CHARS and h in title):
                return h
    for title in (meta.og_title, meta.title):
        if title:
            return _strip_site_suffix(title, sites)
    return next((h for h in h1s if h not in sites), h1s[0] if h1s else "")


def _scan_meta_line(text: str, meta: _Meta) -> bool:
    """Read date/source/author from a short meta line; True if the line is one."""
    if len(text) > 120:
        return False
    date = _find_date(text)
    src = sel.SOURCE_RE.search(text)
    auth = sel.AUTHOR_RE.search(text)
    if not (date or src or (auth and len(text) <= 60)):
        return False
    if date and not meta.published:
        meta.published = date
    if src and not meta.source:
        value = src.group(1).strip("：:")
        if value and not sel.DATE_RE.match(value):
            meta.source = value
    if auth and not meta.author:
        meta.author = auth.group(1)
    return True


# =========================================================================== sections, speakers


def _starts_with_surname(name: str) -> bool:
    return name[:1] in sel.SURNAMES or name[:2] in sel.SURNAMES


_HAN_RUN_RE = re.compile("[\u4e00-\u9fff]+")


def _valid_name(name: str) -> bool:
    if not 2 <= len(name) <= 4 or name in sel.NOT_NAMES:
        return False
    if not _HAN_RUN_RE.fullmatch(name) or name[-1] in sel.ORG_SUFFIX_CHARS:
        return False
    return _starts_with_surname(name)


def _name_at(text: str, start: int) -> str | None:
    """The name that starts at `start`, cut before the first boundary character."""
    seg = text[start : start + 5]
    for size in (2, 3, 4):
        cand, nxt = seg[:size], seg[size : size + 1]
        if len(cand) < size:
            return None
        if _valid_name(cand) and (not nxt or nxt in sel.NAME_BOUNDARY or not _is_han(nxt)):
            return cand
    return None


def _name_before(text: str, end: int, doc: _Counts) -> str | None:
    """The name that ends right before `end` (after adverb fillers), or None.

    Three characters are tried before two ("黃淑芬說" is not "淑芬說"); a two-character
    name glued to a preceding word is accepted only after a particle or a role word
    ("的唐悅認為", "員常林在"), or when it recurs in the article.
    """
    while end > 0 and text[end - 1] in sel.NAME_VERB_FILLERS:
        end -= 1
    if end >= 4 and text[end - 4 : end - 2] in sel.SURNAMES and _valid_name(text[end - 4 : end]):
        return text[end - 4 : end]  # compound surname: 司徒偉明
    three = text[max(0, end - 3) : end]
    if len(three) == 3 and _valid_name(three) and three[0] not in _FUNCTION_CHARS:
        return three
    two = text[max(0, end - 2) : end]
    if len(two) == 2 and _valid_name(two):
        prev = text[end - 3] if end >= 3 else ""
        if not prev or not _is_han(prev) or prev in _NAME_PRECEDERS or doc.count(two) >= 2:
            return two
    return None


#: Surname characters that are far more often a function word before a name (和王林說).
_FUNCTION_CHARS = "和與与向對对而但在是於于"
#: Characters after which a two-character name may follow without a break: particles
#: and the last characters of role words (的/之, 員/長/師/人/主/家/者 ...).
_NAME_PRECEDERS = "的之員员長长師师人主家者生士農农工民"


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


_ROLE_RE = re.compile(sel.words_pattern(sel.ROLE_SUFFIXES))
_VERB_RE = re.compile(sel.words_pattern(sel.SPEECH_VERBS))
_INTERVIEW_RE = re.compile(r"^([\u4e00-\u9fff·]{2,5})[：:]")
_CLAUSE_BREAK_RE = re.compile(r"[，。；！？,;!?“”「」『』\"]")
_CLAUSE_OPENERS = (
    "而",
    "但",
    "對此",
    "对此",
    "隨後",
    "随后",
    "同時",
    "同时",
    "此外",
    "另外",
    "並且",
    "并且",
)
_PRONOUN_VERB_RE = re.compile("[他她]" + sel.words_pattern(sel.SPEECH_VERBS))


def _role_names(text: str) -> list[str]:
    names = []
    for m in _ROLE_RE.finditer(text):
        name = _name_at(text, m.end())
        if name:
            names.append(name)
    return names


def _recurring_name(seg: str, doc: _Counts) -> str | None:
    """A name at the start of `seg` told apart from the words after it by recurrence: the
    three-character form when its two-character prefix never occurs without the third."""
    three, two = seg[:3], seg[:2]
    if len(three) == 3 and _valid_name(three):
        n3 = doc.count(three)
        if n3 >= 2 and n3 == doc.count(two):
            return three
    if len(two) == 2 and _valid_name(two) and doc.count(two) >= 2:
        return two
    return None


def _speaker_of_verb(text: str, verb_start: int, doc: _Counts) -> str | None:
    direct = _name_before(text, verb_start, doc)
    if direct:
        return direct
    clause_start = 0
    for m in _CLAUSE_BREAK_RE.finditer(text, 0, verb_start):
        clause_start = m.end()
    clause = text[clause_start:verb_start]
    roles = _role_names(clause)
    if roles:
        return roles[-1]
    for opener in _CLAUSE_OPENERS:
        if clause.startswith(opener):
            clause = clause[len(opener) :]
            break
    if clause.startswith("在"):
        clause = clause[1:]
    name = _name_at(clause, 0)
    if name is None and clause_start > 0 and text[clause_start - 1] in '”」"':
        # "……”吳世喆笑著說": the clause right after a quote opens with the speaker.
        name = _recurring_name(clause, doc)
    return name


class _Counts(dict[str, int]):
    """Occurrences of short strings in the article, counted once each."""

    def __init__(self, doc: str) -> None:
        super().__init__()
        self._doc = doc

    def __missing__(self, key: str) -> int:
        value = self[key] = self._doc.count(key)
        return value

    def count(self, key: str) -> int:
        return self[key]


def _find_speakers(blocks: list[Block], author: str | None) -> tuple[Speaker, ...]:
    spoken: dict[str, set[int]] = {}
    excluded = {author} if author else set()
    doc = _Counts("\n".join(b.text for b in blocks))
    budget = sel.SPEAKER_SCAN_MAX_CHARS
    for i, b in enumerate(blocks):
        if b.type in (BlockType.IMAGE, BlockType.HEADING):
            continue
        text = b.text
        budget -= len(text)
        if budget < 0:
            break
        m = _INTERVIEW_RE.match(text)
        if m and m.group(1) not in sel.INTERVIEW_NON_NAMES and _valid_name(m.group(1)):
            spoken.setdefault(m.group(1), set()).add(i)
        for vm in _VERB_RE.finditer(text):
            if len(vm.group()) == 1 and text[vm.end() : vm.end() + 1] in sel.SHORT_VERB_NOT_BEFORE:
                continue
            name = _speaker_of_verb(text, vm.start(), doc)
            if name and name not in excluded:
                spoken.setdefault(name, set()).add(i)
        # "……教授蘇俊也對記者說……他坦言": the person a role introduced speaks as 他/她.
        if _PRONOUN_VERB_RE.search(text) and (roles := _role_names(text)):
            spoken.setdefault(roles[-1], set()).add(i)
    result = [Speaker(name, tuple(sorted(idx))) for name, idx in spoken.items()]
    names = {s.name for s in result}
    result = [s for s in result if not any(s.name != n and s.name in n for n in names)]
    return tuple(sorted(result, key=lambda s: s.blocks[0]))


# =========================================================================== script


def _detect_script(text: str) -> Script:
    try:
        from reader.core.script import detect_script  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the script module is part of the package
        return Script.SIMPLIFIED
    return detect_script(text)


# =========================================================================== assembling


def _finish(
    title: str,
    bodies: list[Block],
    meta: _Meta,
    page: Page,
    *,
    removed: list[Removal],
    assets: dict[str, bytes],
    watermarks_done: bool = False,
) -> Article:
    # Watermarks: strings injected into many blocks (text dumps were cut line by line).
    marks = (
        []
        if watermarks_done
        else find_watermarks([b.text for b in bodies if b.type is not BlockType.IMAGE])
    )
    if marks:
        removed.extend(Removal("watermark", m) for m in marks)
        bodies = [
            replace(b, text=strip_watermarks(b.text, marks)) if b.type is not BlockType.IMAGE else b
            for b in bodies
        ]
        title = strip_watermarks(title, marks)
        bodies = [b for b in bodies if b.text or b.type is BlockType.IMAGE]
    norm_title = title.replace(" ", "")
    blocks: list[Block] = []
    seen: set[str] = set()
    for b in bodies:
        if b.type is not BlockType.IMAGE and _may_be_copy(b.text, meta.thread):
            if b.text in seen:
                removed.append(Removal("duplicate", b.text[:200]))
                continue
            seen.add(b.text)
        if (
            len(blocks) < 4
            and b.type is not BlockType.IMAGE
            and norm_title
            and b.text.replace(" ", "") == norm_title
        ):
            continue
        blocks.append(b)
    if not any(b.type is not BlockType.IMAGE for b in blocks):
        raise NoArticleError(f"No article text was found in {page.path or 'this page'}.")
    sections = tuple(
        Section(b.text, i) for i, b in enumerate(blocks) if b.type is BlockType.HEADING
    )
    speakers = _find_speakers(blocks, meta.author)
    sample = title + "".join(b.text for b in blocks[:200])
    return Article(
        title=title,
        blocks=tuple(blocks),
        published=meta.published,
        source=meta.source,
        author=meta.author,
        url=meta.url,
        script=_detect_script(sample),
        theme=meta.theme,
        sections=sections,
        speakers=speakers,
        encoding=page.encoding,
        format=page.format.value,
        path=str(page.path) if page.path else None,
        removed=tuple(removed),
        assets=assets,
    )


def _may_be_copy(text: str, thread: bool) -> bool:
    """Whether a repeat of `text` is a copy to drop: a paragraph (a page that carries the
    article twice), a short labelled line ("Joined: 4 months ago" under every post), or
    on a thread any line that recurs (a signature, a rank, a log-in prompt under each
    post). Other short lines repeat legitimately: the labels of a meal plan's every day,
    the steps of a workout's every round."""
    if len(text) >= (sel.DUPLICATE_LABEL_MIN_CHARS if thread else sel.DUPLICATE_MIN_CHARS):
        return True
    return len(text) >= sel.DUPLICATE_LABEL_MIN_CHARS and bool(sel.SHORT_LABEL_RE.match(text))


def _is_section_candidate(b: _Raw) -> bool:
    if b.kind is BlockType.HEADING:
        return 2 <= b.heading_level <= 4 or b.heading_level == 1
    return (
        b.bold
        and b.kind is BlockType.PARAGRAPH
        and 2 <= b.chars <= 40
        and b.text[-1] not in sel.TERMINAL_PUNCT
        and b.link_chars == 0
    )


def _extract_html(page: Page, options: ExtractOptions) -> Article:
    root = parse_html(page.text)
    meta = _read_head(root, page)
    thread = meta.thread = is_thread(root, meta.url, meta.title, meta.site_name)
    removed = clean_tree(root)
    body = root.find("body")
    if body is None:
        body = root
    flat = _Flattener(page, options)
    flat.run(body)
    blocks = flat.blocks
    _mark_chrome(blocks, flat.nodes, thread)
    h1s = [b.text for b in blocks if b.heading_level == 1 and b.chars <= 80][:3]
    title = _choose_title(meta, h1s)
    node = _choose_root(blocks, flat.nodes)
    if node is None and not thread:
        # Everything with prose is named like comments: a page of reviews or replies
        # that does not say it is a thread. Its posts are the content after all.
        _mark_chrome(blocks, flat.nodes, thread=True)
        node = _choose_root(blocks, flat.nodes)
    found = sum(b.chars for b in blocks[node.start : node.end]) if node else 0
    if meta.ld_body and found < sel.LD_BODY_MIN_SHARE * len(meta.ld_body):
        return _extract_ld_body(page, options, meta, title, removed)
    if node is None:
        raise NoArticleError(f"No article text was found in {page.path or 'this page'}.")
    # Meta lines: between the title heading and the root, and the root's first blocks.
    title_idx = next((i for i, b in enumerate(blocks) if b.text == title), None)
    lo = title_idx + 1 if title_idx is not None and title_idx < node.start else node.start
    for b in blocks[lo : node.start][:8]:
        _scan_meta_line(b.text, meta)
    kept: list[Block] = []
    seen_prose = False
    end = _article_end(blocks, node)
    removed.extend(Removal("tail", x.text[:200]) for x in blocks[end : node.end] if x.chars)
    heads = _post_heads(blocks, flat.nodes, node) if thread else {}
    said: tuple[str, ...] = ()  # the current post's author and time, given by its head
    for idx in [*range(node.start, end), *_announced_tables(blocks, node, end)]:
        b = blocks[idx]
        if heads and idx in heads:
            head = heads.pop(idx)
            parts = [p.replace(" ", "") for p in head.split(" · ")]
            said = (*parts, "".join(parts))
            if head:
                kept.append(Block(BlockType.POST, head))
        if said and b.text.replace(" ", "") in said:
            continue  # the author's name or the time, now in the post's head
        if not _keep_in_root(b, node.depth):
            if b.chars:
                removed.append(Removal("chrome", b.text[:200]))
            continue
        if b.kind is BlockType.IMAGE:
            kept.append(Block(BlockType.IMAGE, b.text, b.src))
            continue
        if (
            not seen_prose
            and not b.is_prose
            and b.kind is not BlockType.TABLE
            and _scan_meta_line(b.text, meta)
        ):
            removed.append(Removal("meta", b.text))
            continue
        if b.text == title:
            continue
        if b.is_prose:
            seen_prose = True
        kind = b.kind
        if _is_section_candidate(b):
            kind = BlockType.HEADING
        elif kind is BlockType.HEADING:
            kind = BlockType.PARAGRAPH
        kept.append(Block(kind, b.text, header=b.header))
    # Trailing chrome: short non-prose lines after the last prose block.
    while kept and kept[-1].type is BlockType.HEADING:
        removed.append(Removal("trailing", kept.pop().text))
    _mark_captions(kept)
    if meta.url is None:
        meta.url = _permalink(b.text for b in blocks)
    return _finish(title, kept, meta, page, removed=removed, assets=flat.assets)


def _extract_ld_body(
    page: Page, options: ExtractOptions, meta: _Meta, title: str, removed: list[Removal]
) -> Article:
    body = meta.ld_body
    if "<" in body and ">" in body:
        root = parse_html(body)
        clean_tree(root)
        flat = _Flattener(page, options)
        flat.run(root.find("body") if root.find("body") is not None else root)
        texts = [b.text for b in flat.blocks if b.kind is not BlockType.IMAGE]
    else:
        # A plain-text body still carries HTML entities on some sites ("&nbsp;").
        texts = [normalize_space(html.unescape(t)) for t in body.splitlines()]
    blocks = [Block(BlockType.PARAGRAPH, t) for t in texts if t]
    return _finish(title, blocks, meta, page, removed=removed, assets={})


def _article_end(blocks: list[_Raw], node: _Node) -> int:
    """Where the article stops inside its root: at a notice label ("免责声明："), or at a
    "related" label followed by little prose (a list of other stories, not more article)."""
    prose_before = 0
    for idx in range(node.start, node.end):
        b = blocks[idx]
        if prose_before and sel.NOTICE_LABEL_RE.match(b.text):
            return idx
        if prose_before and b.chars <= 12 and sel.RELATED_LABEL_RE.match(b.text):
            after = sum(x.chars for x in blocks[idx + 1 : node.end] if x.is_prose)
            if after < sel.RELATED_TAIL_MAX_SHARE * prose_before:
                return idx
        if b.is_prose:
            prose_before += b.chars
    return node.end


def _post_heads(blocks: list[_Raw], nodes: list[_Node], root: _Node) -> dict[int, str]:
    """First block of each post of a thread -> the post's "author · time" head.

    The posts are the largest group of look-alike siblings (tag and first class) inside
    the root that holds most of its prose; the first post may differ in shape and then
    gets no head."""
    groups: dict[tuple[int, str, str], list[_Node]] = {}
    for n in nodes:
        if n.start < root.start or n.end > root.end or n.end <= n.start or n is root:
            continue
        parent = n.el.getparent()
        cls = n.el.get("class", "").split()
        groups.setdefault((id(parent), n.el.tag, cls[0] if cls else ""), []).append(n)
    prose = [0]
    for b in blocks:
        prose.append(prose[-1] + (b.chars if b.is_prose else 0))
    best: list[_Node] = []
    best_prose = sel.POST_MIN_PROSE_SHARE * (prose[root.end] - prose[root.start])
    for members in groups.values():
        if len(members) < sel.POST_MIN_ITEMS:
            continue
        held = sum(prose[n.end] - prose[n.start] for n in members)
        if held >= best_prose and held > 0:
            best, best_prose = members, held
    return {n.start: post_head(n.el) for n in best}


def _announced_tables(blocks: list[_Raw], node: _Node, end: int) -> list[int]:
    """Tables just after the root that its last line announces ("附：", "as follows:"):
    an attachment laid out beside the article's container, not chrome."""
    if end != node.end or end >= len(blocks):
        return []
    last = next((b for b in reversed(blocks[node.start : end]) if b.chars), None)
    if last is None or not last.text.endswith((":", "：")):
        return []
    found = []
    for idx in range(end, len(blocks)):
        b = blocks[idx]
        if b.kind is BlockType.TABLE and b.chrome_depth < 0:
            found.append(idx)
        elif b.kind is not BlockType.CAPTION:
            break
    return found


def _mark_captions(blocks: list[Block]) -> None:
    for i in range(1, len(blocks)):
        prev, b = blocks[i - 1], blocks[i]
        if (
            prev.type is BlockType.IMAGE
            and b.type is BlockType.PARAGRAPH
            and len(b.text) <= 60
            and not b.text.endswith(("。", "！", "？"))
        ):
            blocks[i] = Block(BlockType.CAPTION, b.text)


def _permalink(texts: object) -> str | None:
    for text in texts:  # type: ignore[attr-defined]
        t = str(text).lstrip("【[")
        if t.startswith(sel.PERMALINK_PREFIXES):
            m = sel.URL_RE.search(t)
            if m:
                return m.group(0)
    return None


# =========================================================================== text dumps


_CHECK_MARKS = ("✓", "✔", "√", "●", "◉", "[x]", "[X]", "(*)")


def _text_theme(lines: list[str]) -> Theme | None:
    for line in lines[:40]:
        stripped = line.strip(" •·-*")
        for mark in _CHECK_MARKS:
            if mark in stripped:
                label = stripped.replace(mark, "").strip()
                if label in sel.THEME_LABELS:
                    return Theme(sel.THEME_LABELS[label])
    return None


def _is_prose_line(text: str) -> bool:
    return len(text) >= sel.PROSE_MIN_CHARS and bool(sel.PUNCT_RE.search(text))


def _extract_text(page: Page) -> Article:
    lines = [normalize_space(ln) for ln in page.text.splitlines()]
    lines = [ln for ln in lines if ln]
    if not lines:
        raise NoArticleError(f"{page.path or 'The file'} holds no text.")
    meta = _Meta(theme=_text_theme(lines))
    removed: list[Removal] = []
    marks = find_watermarks(lines)
    if marks:
        removed.extend(Removal("watermark", m) for m in marks)
        lines = [strip_watermarks(ln, marks) for ln in lines]
        lines = [ln for ln in lines if ln]
    # Settings chrome at the top (menus of reader sites) and bullet-only menu lines.
    start = 0
    while start < len(lines) and (
        is_settings_chrome(lines[start]) or lines[start].startswith(("•", "·"))
    ):
        removed.append(Removal("chrome", lines[start]))
        start += 1
    lines = lines[start:]
    if not lines:
        raise NoArticleError(f"{page.path or 'The file'} holds only menu lines, no article.")
    # Title: the line before the first date line near the top, else the first line.
    date_idx = next(
        (i for i, ln in enumerate(lines[:15]) if len(ln) <= 80 and _find_date(ln)), None
    )
    title_idx = date_idx - 1 if date_idx is not None and date_idx > 0 else 0
    title = lines[title_idx]
    for ln in lines[:title_idx]:
        removed.append(Removal("chrome", ln))
    body_start = title_idx + 1
    # Meta lines right under the title (date, source, byline).
    while body_start < min(len(lines), title_idx + 4):
        ln = lines[body_start]
        if len(ln) > 80 or not (_scan_meta_line(ln, meta) or not _is_prose_line(ln)):
            break
        removed.append(Removal("meta", ln))
        body_start += 1
    body = lines[body_start:]
    meta.url = meta.url or _permalink(body) or page.url
    kept: list[str] = []
    for ln in body:
        if is_junk(ln) or ln.startswith(("•", "·")):
            removed.append(Removal("junk", ln[:200]))
            continue
        kept.append(ln)
    # Trailing short non-prose lines (hot lists' titles and the like).
    while kept and not _is_prose_line(kept[-1]):
        removed.append(Removal("trailing", kept.pop()))
    blocks: list[Block] = []
    for i, ln in enumerate(kept):
        heading = (
            len(ln) <= 30
            and ln[-1] not in sel.TERMINAL_PUNCT
            and not _is_prose_line(ln)
            and 0 < i < len(kept) - 1
            and _is_prose_line(kept[i + 1])
        )
        blocks.append(Block(BlockType.HEADING if heading else BlockType.PARAGRAPH, ln))
    return _finish(title, blocks, meta, page, removed=removed, assets={}, watermarks_done=True)


# =========================================================================== entry


def extract(page: Page, options: ExtractOptions = DEFAULT_OPTIONS) -> Article:
    """Turn a decoded page into a clean Article.

    Raises:
        NoArticleError: nothing in the page reads as an article.
    """
    if page.format is PageFormat.TEXT:
        return _extract_text(page)
    return _extract_html(page, options)
