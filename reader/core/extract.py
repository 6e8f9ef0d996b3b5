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
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

from reader.core import selectors as sel
from reader.core.article import (
    Article,
    Block,
    BlockType,
    Removal,
    Script,
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
from reader.core.sections import find_sections, mark_headings
from reader.core.speakers import find_speakers

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


def _chrome_level(el: etree._Element) -> int:
    """0: not chrome; 1: chrome unless it holds most of the prose; 2: always chrome."""
    words = _class_words(el)
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
        chrome = _chrome_level(el) if tag not in ("body", "html") else 0
        node = _Node(
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
            _Raw(
                text=text,
                kind=kind,
                chars=chars,
                link_chars=min(link_chars, chars),
                punct=sel.PUNCT_RE.search(text) is not None,
                chrome_depth=-1,
                bold=bold_chars >= chars * 0.9,
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


def _mark_chrome(blocks: list[_Raw], nodes: list[_Node]) -> None:
    """Give each block the depth of its deepest chrome ancestor.

    A chrome-named element that holds most of the page's prose is not chrome (ASP.NET
    pages wrap everything in one form, blogs name their main column "sidebar-right").
    """
    prose = [0]
    for b in blocks:
        prose.append(prose[-1] + (b.chars if b.is_prose else 0))
    total = prose[-1] or 1
    _mark_feeds(blocks, nodes)
    for node in nodes:
        if node.strong_chrome or (
            node.chrome
            and (prose[node.end] - prose[node.start]) / total < sel.CHROME_MAX_PROSE_SHARE
        ):
            for b in blocks[node.start : node.end]:
                b.chrome_depth = max(b.chrome_depth, node.depth)


def _mark_feeds(blocks: list[_Raw], nodes: list[_Node]) -> None:
    """Mark as strong chrome the items of a feed: FEED_MIN_ITEMS or more siblings of one
    shape (tag and class) that each hold a linked headline, like "more stories" boxes."""
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
        has_summary = any(b.is_prose for node in members for b in blocks[node.start : node.end])
        if (
            has_summary
            and sorted(sizes)[len(sizes) // 2] <= sel.FEED_MAX_ITEM_CHARS
            and linked >= sel.FEED_LINKED_SHARE * len(members)
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


def _strip_site_suffix(title: str) -> str:
    parts = [p for p in sel.TITLE_SEPARATORS_RE.split(title) if p.strip()]
    if len(parts) <= 1:
        return title.strip()
    return max(parts, key=len).strip()


def _choose_title(meta: _Meta, h1s: list[str]) -> str:
    page_title = meta.og_title or meta.title
    for h in h1s:
        if len(h) >= 4 and (h in meta.title or h in meta.og_title):
            return h
    if meta.og_title:
        return _strip_site_suffix(meta.og_title)
    if h1s and meta.title and _strip_site_suffix(meta.title) in h1s[0]:
        return h1s[0]
    if page_title:
        return _strip_site_suffix(page_title)
    return h1s[0] if h1s else ""


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
            Block(b.type, strip_watermarks(b.text, marks), b.src)
            if b.type is not BlockType.IMAGE
            else b
            for b in bodies
        ]
        title = strip_watermarks(title, marks)
        bodies = [b for b in bodies if b.text or b.type is BlockType.IMAGE]
    norm_title = title.replace(" ", "")
    blocks: list[Block] = []
    seen: set[str] = set()
    for b in bodies:
        if b.type is not BlockType.IMAGE and len(b.text) >= sel.DUPLICATE_MIN_CHARS:
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
    blocks = mark_headings(blocks, title)
    sections = find_sections(blocks)
    speakers = find_speakers(blocks, meta.author)
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
    removed = clean_tree(root)
    body = root.find("body")
    if body is None:
        body = root
    flat = _Flattener(page, options)
    flat.run(body)
    blocks = flat.blocks
    _mark_chrome(blocks, flat.nodes)
    h1s = [b.text for b in blocks if b.heading_level == 1 and b.chars <= 80][:3]
    title = _choose_title(meta, h1s)
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
    for idx in range(node.start, end):
        b = blocks[idx]
        if not _keep_in_root(b, node.depth):
            if b.chars:
                removed.append(Removal("chrome", b.text[:200]))
            continue
        if b.kind is BlockType.IMAGE:
            kept.append(Block(BlockType.IMAGE, b.text, b.src))
            continue
        if not seen_prose and not b.is_prose and _scan_meta_line(b.text, meta):
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
        kept.append(Block(kind, b.text))
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
        texts = [normalize_space(t) for t in body.splitlines()]
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
