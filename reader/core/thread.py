"""Forum and Q&A threads: is this page one?

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

from reader.core import selectors as sel

if TYPE_CHECKING:
    from lxml import etree

_LD_TYPE_RE = sel.lazy_compile(r'"@type"\s*:\s*\[?\s*"(\w+)"')
_WORD_SPLIT_RE = re.compile(r"[-_.]")


def is_thread(root: etree._Element, url: str | None, title: str = "", site_name: str = "") -> bool:
    """True when the page presents itself as a forum or Q&A thread."""
    return _thread_url(url) or _thread_name(title, site_name) or _thread_schema(root)


def _thread_name(title: str, site_name: str) -> bool:
    parts = [p for p in sel.TITLE_SEPARATORS_RE.split(title) if p.strip()]
    for name in (*parts[1:], site_name):
        words = set(re.split(r"\W+", name.lower()))
        if words & sel.THREAD_SITE_WORDS or any(w in name for w in sel.THREAD_SITE_HAN_WORDS):
            return True
    return False


def _thread_url(url: str | None) -> bool:
    if not url:
        return False
    for segment in urlsplit(url).path.lower().split("/"):
        if segment in sel.THREAD_URL_SHORT_SEGMENTS:
            return True
        words = _WORD_SPLIT_RE.split(segment)
        # A board or thread segment is a word and an id ("thread-268.html"), not a slug.
        if words[0] in sel.THREAD_URL_WORDS and len(words) <= 3:
            return True
    return False


def _thread_schema(root: etree._Element) -> bool:
    for el in root.iterfind(".//*[@itemtype]"):
        if el.get("itemtype", "").rstrip("/").rsplit("/", 1)[-1] in sel.THREAD_SCHEMA_TYPES:
            return True
    for script in root.iter("script"):
        if script.get("type", "").lower() != "application/ld+json" or not script.text:
            continue
        if any(t in sel.THREAD_SCHEMA_TYPES for t in _LD_TYPE_RE.findall(script.text)):
            return True
    return False
