"""Forum and Q&A threads: is this page one, and who wrote each post when?

On a thread the replies are the content, so the names that mark chrome on an article page
(`comments`, `reply`) mark the posts here. A page says it is a thread in ways that do not
depend on its site:

* its structured data: a schema.org `DiscussionForumPosting`, `QAPage`, `Question` or
  `Answer` (JSON-LD `@type` or microdata `itemtype`);
* its name: a site part of the document title, or og:site_name, that calls the site a
  forum ("Kernel panic - Debian User Forums", "… | MaxMSP Forum | Cycling '74"); the
  headline part does not count ("Boao Forum opens");
* its address: a path segment that forum and Q&A software use for a thread or a board
  (`/forums/…`, `/topic/…`, `/questions/…`, `viewtopic.php`, `thread-268.html`, Discourse's
  `/t/`, Flarum's `/d/`); words inside an article's slug do not count
  (`/7-key-questions-heading-into-…`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader.core import heuristics as h
from reader.core.text import lazy_compile

if TYPE_CHECKING:
    from lxml import etree

_LD_TYPE_RE = lazy_compile(r'"@type"\s*:\s*\[?\s*"(\w+)"')
_WORD_SPLIT_RE = re.compile(r"[-_.]")


def is_thread(root: etree._Element, url: str | None, title: str = "", site_name: str = "") -> bool:
    """True when the page presents itself as a forum or Q&A thread."""
    return _thread_url(url) or _thread_name(title, site_name) or _thread_schema(root)


def _thread_name(title: str, site_name: str) -> bool:
    parts = [p.strip() for p in h.TITLE_SEPARATORS_RE.split(title) if p.strip()]
    # A title that is only a short name is the site's name ("南生论坛"), not a headline.
    short = parts if len(parts) == 1 and len(parts[0]) <= h.SITE_NAME_MAX_CHARS else []
    for name in (*parts[1:], *short, site_name):
        words = set(re.split(r"\W+", name.lower()))
        if words & h.THREAD_SITE_WORDS or any(w in name for w in h.THREAD_SITE_HAN_WORDS):
            return True
    return False


def _thread_url(url: str | None) -> bool:
    if not url:
        return False
    for segment in urlsplit(url).path.lower().split("/"):
        if segment in h.THREAD_URL_SHORT_SEGMENTS:
            return True
        words = _WORD_SPLIT_RE.split(segment)
        # A board or thread segment is a word and an id ("thread-268.html"), not a slug.
        if words[0] in h.THREAD_URL_WORDS and len(words) <= 3:
            return True
    return False


def _thread_schema(root: etree._Element) -> bool:
    for el in root.iterfind(".//*[@itemtype]"):
        if el.get("itemtype", "").rstrip("/").rsplit("/", 1)[-1] in h.THREAD_SCHEMA_TYPES:
            return True
    for script in root.iter("script"):
        if script.get("type", "").lower() != "application/ld+json" or not script.text:
            continue
        if any(t in h.THREAD_SCHEMA_TYPES for t in _LD_TYPE_RE.findall(script.text)):
            return True
    return False


def post_head(el: etree._Element) -> tuple[str, str]:
    """(author, time) of the post `el`, from the elements that name them: an author
    (itemprop/rel `author`, a class such as `username`), a time (`<time>`, a class such as
    `post-date`); "" for what the post does not give."""
    author = when = ""
    author_el: etree._Element | None = None
    for i, node in enumerate(el.iter()):
        if i > h.POST_HEAD_MAX_ELEMENTS or (author and when and author_el is None):
            break
        tag = node.tag
        if not isinstance(tag, str):
            continue
        if not when and tag == "time":
            when = _short(_text(node) or node.get("datetime", ""))
            continue
        words = _words(node)
        if not words and node.get("itemprop") != "author" and node.get("rel") != "author":
            continue
        names_author = (
            node.get("itemprop") == "author"
            or node.get("rel") == "author"
            or words & h.POST_AUTHOR_WORDS
            or {"user", "name"} <= words
        )
        if names_author and (not author or _inside(node, author_el)):
            # The innermost of nested names: "by <a class=username>mia</a> » date" in a
            # line named "author" gives "mia".
            author, author_el = _short(_text(node)), node
            continue
        if author_el is not None and not _inside(node, author_el):
            author_el = None  # past the author's element: no nested name to prefer
        if not when and words & h.POST_TIME_WORDS:
            text = _short(_text(node))
            when = text if any(c.isdigit() for c in text) else ""
    return author, when


def _inside(node: etree._Element, ancestor: etree._Element | None) -> bool:
    return ancestor is not None and any(a is ancestor for a in node.iterancestors())


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _short(text: str) -> str:
    return text if len(text) <= h.POST_HEAD_MAX_CHARS else ""


def _words(el: etree._Element) -> frozenset[str]:
    raw = f"{el.get('class', '')} {el.get('id', '')}".strip()
    if not raw:
        return frozenset()
    return frozenset(w.lower() for w in h.CLASS_SPLIT_RE.split(raw) if w)
