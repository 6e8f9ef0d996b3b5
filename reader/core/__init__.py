"""Qingdu's Qt-free core: a saved page in, a clean Article out.

The pipeline, in order (each stage a plain function of the one before):

1. ``load.load(path) -> Page``: read the file, detect its format, decode it (the only
   place bytes become str).
2. ``clean``: drop scripts, hidden elements, chrome, link lists, watermarks and spam.
3. ``extract.extract(page) -> Article``: find the main content, metadata, sections and
   speakers.
4. ``script.convert(article, target) -> Article``: Traditional/Simplified conversion.
5. ``render.render(article) -> str``: an HTML fragment for the view, without colours.
"""

from __future__ import annotations

import gc
from pathlib import Path

from reader.core.article import Article, Block, BlockType, Script, Section, Speaker, Theme
from reader.core.errors import LoadError, NoArticleError, ReaderError, ScriptError
from reader.core.extract import extract
from reader.core.load import Page, PageFormat, load

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
    "extract",
    "load",
    "load_article",
]


def load_article(path: str | Path) -> Article:
    """Load the saved page at `path` and return its cleaned article.

    Raises:
        LoadError: the file cannot be read or decoded.
        NoArticleError: the file holds no recognisable article.
    """
    # The trees and blocks of a page hold no reference cycles, yet on a big page the
    # cyclic collector keeps walking them (a 50 MB page: 17 s instead of 14 s).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return extract(load(path))
    finally:
        if collecting:
            gc.enable()
