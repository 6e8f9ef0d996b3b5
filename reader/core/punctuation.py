"""Half-width punctuation in Chinese text shown full-width: `,?!:;()` -> ，？！：；（）.

Pages copied through content farms carry ASCII punctuation between Chinese characters
(「從1到10,科研成果轉化如何跨越“死亡之谷”?」). `fullwidth(text)` gives such marks their
Chinese forms where the text around them is Chinese, and leaves everything else exactly
as it was: numbers (1,000 and 3.14), Latin text ("Hello, world"), web and mail addresses,
times (10:30). It changes only the marks themselves, one character for one, so block
offsets, anchors and find positions stay valid. It is a content transform like script
conversion (`script.convert` applies it), so find, copy and export see what is shown.

The rule, for a mark that is not inside an address:

- `,?!:;` never changes next to a Latin letter before it or a Latin letter or digit
  after it ("Hello,world", "10:30", "1,000"). After a digit it changes only before
  Chinese ("從1到10,科研": the number has ended). Otherwise it changes when the text before
  it is Chinese (a Han character, a CJK mark, or a closing quotation mark whose quotation
  ends in Chinese: "“死亡之谷”?") and the text after it is Chinese, a closing quotation
  mark, a space or the end of the text; or when the text after it is Chinese and the
  character before it is another non-ASCII mark.
- `(` and `)` change only as a matched pair around text with a Han character in it, and
  only when neither outside neighbour is a Latin letter or digit glued to the bracket
  (f(x) and "Python(一種語言)" stay as written: the bracket belongs to a Latin token).
"""

from __future__ import annotations

import re

from reader.core.article import Article, article_texts, with_texts
from reader.core.language import ContentLanguage
from reader.core.text import HAN_RE, lazy_compile

#: The marks changed, and their full-width forms.
FULL_WIDTH = {",": "，", "?": "？", "!": "！", ":": "：", ";": "；", "(": "（", ")": "）"}

_MARKS_RE = lazy_compile(r"[,?!:;()]")

#: Besides Han characters (`text.HAN_RE`), what makes a neighbour "Chinese": CJK symbols
#: and punctuation (、。「」『』《》…) and the full-width forms block (，！？（）…).
_CJK_MARKS_RE = lazy_compile("[\u3000-\u303f\uff00-\uffef]")
#: Closing quotation marks shared with English: whether they close Chinese text is read
#: from the character before them.
_CLOSING_QUOTES = "”’\"'"
#: Addresses whose punctuation is part of the address, never changed: a URL with a
#: scheme or starting "www.", and a mail address. Only ASCII characters belong to them
#: (an address in Chinese text ends where the Chinese starts).
_ADDRESS_RE = lazy_compile(
    r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}",
    re.IGNORECASE,
)


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _is_chinese(text: str, pos: int) -> bool:
    """Whether the character at `pos` is Chinese: a Han character or a CJK mark. (Han
    characters by `text.HAN_RE`, compiled at import: a second pattern with the same large
    class would cost start-up milliseconds to compile.)"""
    return HAN_RE.match(text, pos) is not None or _CJK_MARKS_RE.match(text, pos) is not None


def _chinese_before(text: str, pos: int) -> bool:
    """Whether the character before `pos` is Chinese (looking through closing quotes)."""
    i = pos - 1
    while i >= 0 and text[i] in _CLOSING_QUOTES:
        i -= 1
    return i >= 0 and _is_chinese(text, i)


def _protected(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _ADDRESS_RE.finditer(text)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


def _mark_changes(text: str, pos: int) -> bool:
    """Whether the mark `,?!:;` at `pos` sits in Chinese text (see the module docstring)."""
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + 1] if pos + 1 < len(text) else ""
    if _is_ascii_alnum(after) or (before.isascii() and before.isalpha()):
        return False  # "Hello,world", "10:30", "1,000"
    left_chinese = _chinese_before(text, pos)
    right_chinese = bool(after) and _is_chinese(text, pos + 1)
    if before.isdigit():
        # A number ending before Chinese text: "從1到10,科研".
        return right_chinese
    if left_chinese:
        return right_chinese or not after or after.isspace() or after in _CLOSING_QUOTES
    return right_chinese and before != "" and not before.isspace() and not before.isascii()


def _bracket_pairs(text: str) -> list[tuple[int, int]]:
    """Matched ASCII bracket pairs, innermost first."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs.append((stack.pop(), i))
    return pairs


def _pair_changes(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end + 1] if end + 1 < len(text) else ""
    if _is_ascii_alnum(before) or _is_ascii_alnum(after):
        return False
    return HAN_RE.search(text, start + 1, end) is not None


def fullwidth(text: str) -> str:
    """`text` with the half-width marks of its Chinese passages made full-width.

    Only the characters `,?!:;()` can change, each to its full-width form; the result has
    the same length as `text`.
    """
    if _MARKS_RE.search(text) is None:
        return text
    spans = _protected(text)
    chars = list(text)
    if "(" in text:
        for start, end in _bracket_pairs(text):
            if _inside(start, spans) or _inside(end, spans):
                continue
            if _pair_changes(text, start, end):
                chars[start], chars[end] = "（", "）"
        # The marks are judged beside the brackets as they will be: "0:(中)" must give
        # what "0:（中）" gives, or a second pass would change the colon (not idempotent).
        text = "".join(chars)
    for m in _MARKS_RE.finditer(text):
        pos = m.start()
        if m.group() in "()" or _inside(pos, spans):
            continue
        if _mark_changes(text, pos):
            chars[pos] = FULL_WIDTH[m.group()]
    return "".join(chars)


def fullwidth_article(article: Article) -> Article:
    """`article` with `fullwidth` applied to every text a reader sees (the same object
    when nothing changes, or when the article is not in Chinese).

    Without OpenCC: the window applies it to the original on the first paint, where
    importing the converter would cost start-up time.
    """
    if article.language is not ContentLanguage.CHINESE:
        return article
    texts = article_texts(article)
    changed = [fullwidth(t) for t in texts]
    if changed == texts:
        return article
    return with_texts(article, changed, article.script)
