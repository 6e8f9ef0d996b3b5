"""Qingdu's Qt-free core: a saved page in, a clean Article out.

`load_article(path)` is the pipeline, one stage per line, each stage a module with one job:

1. ``load``: path -> Page. Read the file, sniff its format (``formats/``: MHTML, crawl
   wrapper, HTML, text), decode it (``decode``, the only place bytes become str), and read
   the images it keeps beside it.
2. ``clean``: parse the HTML and take out scripts, hidden elements (``css``: what the
   page's own style rules hide) and the like.
3. ``meta``: title, date, source, author, URL and page theme (read before cleaning: the
   JSON-LD lives in a ``<script>``); ``thread``: is the page a forum or Q&A thread
   (then its replies are content, and each post gets a head with its author and time).
4. ``flatten``: the cleaned tree -> raw blocks with their block elements.
5. ``root``: mark chrome and feeds, choose the article root.
6. ``watermark``: runs injected through the article's paragraphs (a site name, slogans,
   a domain, in rotating variants), found by repetition and shape, cut out.
7. ``assemble``: the root's blocks -> the article's Blocks (``textdump`` for text dumps,
   which cuts its watermarks line by line).
8. ``assemble.dedupe``, ``sections`` (headings of a page; a dump's are textdump's),
   ``assemble.article``: the Article; ``speakers`` (`add_speakers`): the people quoted.

After it, ``script.convert(article, target)`` converts between scripts and
``render.render(article)`` makes the HTML fragment for the view. Every word list, pattern
and threshold lives in ``heuristics``; shared text notions in ``text``.
"""

from __future__ import annotations

from pathlib import Path

from reader.core import (
    assemble,
    clean,
    flatten,
    meta,
    root,
    sections,
    textdump,
    thread,
    watermark,
)
from reader.core.article import Article, Block, BlockType, Script, Section, Speaker, Theme
from reader.core.errors import LoadError, NoArticleError, ReaderError, ScriptError
from reader.core.load import load
from reader.core.page import Page, PageFormat

__all__ = [
    "Article",
    "Block",
    "BlockType",
    "LoadError",
    "NoArticleError",
    "Page",
    "PageFormat",
    "ReaderError",
    "Script",
    "ScriptError",
    "Section",
    "Speaker",
    "Theme",
    "add_speakers",
    "extract",
    "load",
    "load_article",
]


def load_article(path: str | Path, *, speakers: bool = True) -> Article:
    """Load the saved page at `path` and return its cleaned article.

    With `speakers=False` the last stage is left for `add_speakers` (the article's
    `speakers` are empty until then): the window paints the page it starts on first.

    Raises:
        LoadError: the file cannot be read or decoded.
        NoArticleError: the file holds no recognisable article.
    """
    page = load(path)
    return extract(page, speakers=speakers)


def extract(page: Page, *, speakers: bool = True) -> Article:
    """The stages after loading, in order: a loaded page -> its Article.

    Raises:
        NoArticleError: nothing in the page reads as an article.
    """
    if page.format is PageFormat.TEXT:
        # A text dump has no tree: its lines go through the same junk rules, and its
        # watermarks are cut line by line.
        draft = textdump.extract_text(page)
    else:
        tree = clean.parse_html(page.text)
        head = meta.read_head(tree, page)  # before cleaning: JSON-LD sits in a <script>
        head.thread = thread.is_thread(tree, head.url, head.title, head.site_name)
        removed = clean.clean_tree(tree)
        flat = flatten.flatten(tree, page)
        root.mark_chrome(flat.blocks, flat.nodes, head.thread)
        title = meta.choose_title(head, meta.h1_titles(flat.blocks))
        node = root.choose_root(flat.blocks, flat.nodes)
        if node is None and not head.thread:
            # All the prose is in boxes named like comments: a page of reviews or replies
            # that does not say it is a thread. Its posts are the content after all.
            root.mark_chrome(flat.blocks, flat.nodes, thread=True)
            node = root.choose_root(flat.blocks, flat.nodes)
        if assemble.wants_ld_body(head, flat.blocks, node):
            draft = assemble.from_ld_body(page, head, title, removed)
            draft.title, draft.blocks = watermark.strip_from_blocks(
                draft.title, draft.blocks, draft.removed
            )
        else:
            # Watermarks are cut from the article's raw blocks before assembling decides
            # which of them are headings.
            marks = watermark.strip_raw(assemble.article_blocks(flat.blocks, node), removed)
            title = watermark.strip_families(title, marks) or title
            draft = assemble.from_root(page, flat, node, title=title, meta=head, removed=removed)
    blocks = assemble.dedupe(draft, page)
    if page.format is not PageFormat.TEXT:
        # A dump's headings are decided line by line in textdump, against its own lines
        # (a blog without sentence marks, a notice's fields): the page rules of
        # `sections` would take its short lines for headings.
        blocks = sections.mark_headings(blocks, draft.title)
    article = assemble.article(draft, blocks, page, sections=sections.find_sections(blocks))
    return add_speakers(article) if speakers else article


def add_speakers(article: Article) -> Article:
    """`article` with the people quoted in it: the last stage (``speakers``)."""
    # Imported here: its name tables and patterns take about 12 ms to load, which the
    # window's first paint does without (see `load_article`).
    from reader.core import speakers  # noqa: PLC0415

    return article.with_changes(speakers=speakers.find_speakers(article.blocks, article.author))
