"""An Article as a file to keep: JSON, Markdown, plain text, or a self-contained HTML page.

One implementation for the command line (`--dump --format ...`) and the window's File ▸
Export. The article given is the one shown (converted, with full-width punctuation if
chosen), so an export holds what the reader saw. The HTML page needs nothing beside it:
pictures are inlined as `data:` URIs, and only bytes that are a picture by their content
(`images.picture_type`) are inlined; its style sheet is the one the caller passes (the
window's article CSS), with no script and no remote address in it.
"""

from __future__ import annotations

from reader.core.article import Article, Block, BlockType
from reader.core.images import picture_type
from reader.core.render import escape, render

FORMATS = ("json", "markdown", "text", "html")
"""The export formats, by the name the command line takes."""

SUFFIXES = {"json": ".json", "markdown": ".md", "text": ".txt", "html": ".html"}
"""The file suffix of each format."""


def format_article(article: Article, fmt: str, css: str = "") -> str:
    """The article as JSON, Markdown, plain text or HTML (`css`: the page's style sheet).

    Raises:
        ValueError: `fmt` is not one of `FORMATS`.
    """
    if fmt == "json":
        import json  # noqa: PLC0415 - the window's start-up imports this module, not json

        return json.dumps(article.to_dict(), ensure_ascii=False, indent=1)
    if fmt == "html":
        return to_html(article, css)
    if fmt not in ("markdown", "text"):
        raise ValueError(f"unknown export format {fmt!r}")
    lines: list[str] = []
    md = fmt == "markdown"
    lines.append(f"# {article.title}" if md else article.title)
    meta = " · ".join(x for x in (article.published, article.source, article.author) if x)
    if meta:
        lines.append(meta)
    if article.url:
        lines.append(f"<{article.url}>" if md else article.url)
    for b in article.blocks:
        if b.type is BlockType.HEADING:
            lines.append(f"## {b.text}" if md else b.text)
        elif b.type is BlockType.QUOTE:
            lines.append(f"> {b.text}" if md else b.text)
        elif b.type is BlockType.LIST_ITEM:
            lines.append(f"- {b.text}")
        elif b.type is BlockType.IMAGE:
            lines.append(f"![{b.text}]({b.src or ''})" if md else f"[{b.text or '圖'}]")
        elif b.type is BlockType.CAPTION:
            lines.append(f"*{b.text}*" if md else b.text)
        elif b.type is BlockType.POST:
            lines.append(f"---\n\n**{b.text}**" if md else f"— {b.text}")
        elif b.type is BlockType.TABLE:
            lines.append(_markdown_table(b) if md else "\n".join(" | ".join(r) for r in b.rows))
        else:
            lines.append(b.text)
    return "\n\n".join(lines) + "\n"


def _markdown_table(block: Block) -> str:
    """A table block as a Markdown (GFM) table; a table without a heading row gets an
    empty one, since Markdown tables must have one."""
    rows = [[cell.replace("|", "\\|") for cell in row] for row in block.rows]
    head = rows.pop(0) if block.header else [""] * len(rows[0])
    lines = [head, ["---"] * len(head), *rows]
    return "\n".join("| " + " | ".join(row) + " |" for row in lines)


def data_uri(data: bytes) -> str | None:
    """`data` as a `data:` URI, or None when it is not a picture by its content."""
    import base64  # noqa: PLC0415 - see format_article

    mime = picture_type(data)
    if mime is None:
        return None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


_HTML_LANG = {"zh": {"traditional": "zh-Hant", "simplified": "zh-Hans"}}


def to_html(article: Article, css: str = "") -> str:
    """A complete HTML page of the article: its own style sheet, pictures inlined."""

    def image(index: int) -> str | None:
        src = article.blocks[index].src
        data = article.assets.get(src) if src is not None else None
        return data_uri(data) if data is not None else None

    lang = _HTML_LANG.get(article.language.value, {}).get(article.script.value)
    lang = lang or article.language.value
    if lang == "other":
        lang = "und"
    body = render(article, image_url=image)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8" />\n'
        f"<title>{escape(article.title, quote=False)}</title>\n"
        '<meta name="generator" content="Qingdu" />\n'
        f"<style>\nbody {{ max-width: 42em; margin: 2em auto; padding: 0 1em; }}\n"
        f"img {{ max-width: 100%; height: auto; }}\n{css}\n</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
