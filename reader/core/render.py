"""Article -> an HTML fragment for the reading view.

The fragment uses semantic classes only (`title`, `meta`, `section`, `quote`, `caption`,
`speaker`, ...); colours and fonts come from the view's style sheet, never from here.
Every block gets a stable anchor `b<index>` (its index in `Article.blocks`) so the view
can jump to sections and speakers and keep the reading position across re-renders.
The markup stays inside the HTML subset that Qt's QTextDocument understands.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core.article import Article, Block, BlockType, Script

__all__ = [
    "ASSET_SCHEME",
    "anchor",
    "asset_url",
    "block_of_anchor",
    "elide_url",
    "escape",
    "is_web_url",
    "render",
]

ASSET_SCHEME = "qingdu-asset"
"""Image sources are written as `qingdu-asset:<block index>`; the view resolves them."""


def anchor(block: int) -> str:
    """The anchor name of block `block` in the rendered fragment."""
    return f"b{block}"


def block_of_anchor(name: str) -> int | None:
    """The block index an anchor name stands for, or None if it is not a block anchor."""
    if name.startswith("b") and name[1:].isdigit():
        return int(name[1:])
    return None


URL_SHOWN_CHARS = 64
"""Longest address shown whole in the header: about one line of the 40-character
column at the header's small size (Latin characters are half as wide as Chinese ones)."""


def elide_url(url: str, limit: int = URL_SHOWN_CHARS) -> str:
    """`url` shortened to `limit` characters with "…" in the middle, keeping its start
    (the site) and its end (the page's name); unchanged when it fits."""
    if len(url) <= limit:
        return url
    head = (limit - 1) * 3 // 5
    tail = limit - 1 - head
    return url[:head] + "…" + url[-tail:]


def is_web_url(url: str | None) -> bool:
    """True for the http(s) addresses the reader may offer to open in a browser."""
    return bool(url) and (url or "").lower().startswith(("http://", "https://"))


IMAGE_LABELS = {Script.TRADITIONAL: "圖", Script.SIMPLIFIED: "图"}
"""The word put before the alt text of an image that was not saved, in the article's
script (it is part of the article's text, so it follows the article, not the interface)."""


ImageUrl = Callable[[int], str | None]
"""Block index -> the address its picture is shown from (None: show the alt text)."""


def asset_url(index: int) -> str:
    """The view's address of block `index`'s picture (see `ASSET_SCHEME`)."""
    return f"{ASSET_SCHEME}:{index}"


def render(article: Article, image_url: ImageUrl | None = None) -> str:
    """The article (possibly script-converted) as an HTML fragment: a header, then one
    element per block.

    A picture saved with the page is shown from `image_url(block index)`; by default the
    view's own scheme (`asset_url`), an export passes `data:` URIs.
    """
    image_label = IMAGE_LABELS[article.script]
    url_of = image_url or asset_url
    parts: list[str] = [_header(article)]
    spoken = _speaker_names_by_block(article)
    in_list = False
    for i, block in enumerate(article.blocks):
        is_item = block.type is BlockType.LIST_ITEM
        if is_item and not in_list:
            parts.append('<ul class="list">')
        elif in_list and not is_item:
            parts.append("</ul>")
        in_list = is_item
        parts.append(_block(i, block, article, spoken.get(i, ()), label=image_label, url_of=url_of))
    if in_list:
        parts.append("</ul>")
    return "\n".join(parts)


def _header(article: Article) -> str:
    out = [f'<h1 class="title"><a name="top"></a>{_text(article.title)}</h1>']
    meta = " · ".join(escape(x) for x in (article.published, article.source, article.author) if x)
    if meta:
        out.append(f'<p class="meta">{meta}</p>')
    if article.url:
        url = escape(article.url)
        shown = escape(elide_url(article.url), quote=False)
        # The whole address is the link's target and, when it is elided, its tooltip
        # (title): copying the link copies all of it; the line shows a short form.
        title = f' title="{url}"' if shown != url else ""
        if is_web_url(article.url):
            link = f'<a href="{url}"{title}>{shown}</a>'
        else:
            link = f"<span{title}>{shown}</span>" if title else shown
        out.append(f'<p class="url">{link}</p>')
    out.append('<hr class="rule" />')
    return "\n".join(out)


def _speaker_names_by_block(article: Article) -> dict[int, tuple[str, ...]]:
    names: dict[int, list[str]] = {}
    for sp in article.speakers:
        for b in sp.blocks:
            names.setdefault(b, []).append(sp.name)
    return {b: tuple(n) for b, n in names.items()}


def _block(
    i: int,
    block: Block,
    article: Article,
    speakers: tuple[str, ...],
    *,
    label: str,
    url_of: ImageUrl,
) -> str:
    a = f'<a name="{anchor(i)}"></a>'
    text = _mark_speakers(_text(block.text), speakers)
    match block.type:
        case BlockType.HEADING:
            return f'<h2 class="section">{a}{text}</h2>'
        case BlockType.QUOTE:
            return f'<blockquote class="quote"><p class="quote">{a}{text}</p></blockquote>'
        case BlockType.LIST_ITEM:
            return f'<li class="item">{a}{text}</li>'
        case BlockType.CAPTION:
            return f'<p class="caption">{a}{text}</p>'
        case BlockType.TABLE:
            return _table(a, block)
        case BlockType.POST:
            return f'<p class="post">{a}{text}</p>'
        case BlockType.IMAGE:
            src = url_of(i) if block.src is not None and block.src in article.assets else None
            if src is not None:
                alt = escape(block.text, quote=True)
                img = f'<img src="{escape(src)}" alt="{alt}" />'
                return f'<p class="figure">{a}{img}</p>'
            alt_text = f"［{escape(label)}］{_text(block.text)}" if block.text else f"［{label}］"
            return f'<p class="image-alt">{a}{alt_text}</p>'
        case _:
            return f'<p class="para">{a}{text}</p>'


def _table(a: str, block: Block) -> str:
    """A table block as an HTML table (Qt draws `border`, `cellspacing`, `cellpadding`);
    the block's anchor goes in its first cell."""
    rows = []
    for r, row in enumerate(block.rows):
        tag, cls = ("th", "head") if r == 0 and block.header else ("td", "cell")
        cells = "".join(
            f'<{tag} class="{cls}">{a if r == 0 and c == 0 else ""}{_text(cell)}</{tag}>'
            for c, cell in enumerate(row)
        )
        rows.append(f"<tr>{cells}</tr>")
    body = "".join(rows)
    return f'<table class="table" border="1" cellspacing="0" cellpadding="4">{body}</table>'


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: str, quote: bool = True) -> str:
    """`html.escape`, without importing `html`: its entity table costs start-up 2.6 ms."""
    return text.translate(_ESCAPES if quote else _TEXT_ESCAPES)


def _text(text: str) -> str:
    return escape(text, quote=False).replace("\n", "<br />")


def _mark_speakers(html_text: str, speakers: tuple[str, ...]) -> str:
    """Wrap the first mention of each speaker's name in `<span class="speaker">`."""
    for name in speakers:
        esc = escape(name, quote=False)
        if esc and esc in html_text:
            html_text = html_text.replace(esc, f'<span class="speaker">{esc}</span>', 1)
    return html_text
