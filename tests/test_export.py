"""Export (reader/core/export.py): one implementation for the command line and the
window; the HTML page is self-contained, with only real pictures inlined (no Qt)."""

from __future__ import annotations

import base64
import json
import re
from types import MappingProxyType

import pytest

from reader.core.article import Article, Block, BlockType, Script
from reader.core.export import FORMATS, data_uri, format_article, to_html
from reader.core.render import elide_url, render

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(32)


def _article() -> Article:
    return Article(
        title="碼頭的清晨",
        blocks=(
            Block(BlockType.PARAGRAPH, "潮水退去以後，漁民開始整理漁網。"),
            Block(BlockType.HEADING, "出海"),
            Block(BlockType.IMAGE, "漁船", src="boat.png"),
            Block(BlockType.IMAGE, "筆記", src="notes.png"),
            Block(BlockType.QUOTE, "海再大，也有回家的路。"),
        ),
        source="港灣週報",
        url="https://harbour.example/2024/dawn.html",
        script=Script.TRADITIONAL,
        assets=MappingProxyType({"boat.png": PNG, "notes.png": b"not a picture at all"}),
    )


def test_every_format_exports() -> None:
    for fmt in FORMATS:
        assert "碼頭的清晨" in format_article(_article(), fmt)
    with pytest.raises(ValueError, match="format"):
        format_article(_article(), "docx")


def test_markdown_and_json() -> None:
    md = format_article(_article(), "markdown")
    assert md.startswith("# 碼頭的清晨\n\n港灣週報\n\n<https://harbour.example/2024/dawn.html>")
    assert "## 出海" in md and "> 海再大，也有回家的路。" in md
    assert json.loads(format_article(_article(), "json"))["title"] == "碼頭的清晨"


def test_html_is_self_contained_with_real_pictures_inlined() -> None:
    page = to_html(_article(), css="p.para { color: #222; }")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-Hant">' in page and '<meta charset="utf-8" />' in page
    assert "p.para { color: #222; }" in page
    srcs = re.findall(r'<img src="([^"]+)"', page)
    assert srcs == [data_uri(PNG)]
    assert srcs[0] == "data:image/png;base64," + base64.b64encode(PNG).decode()
    # The file that is not a picture is named by its alt text only, never inlined.
    assert base64.b64encode(b"not a picture at all").decode() not in page
    assert "［圖］筆記" in page
    # Nothing is fetched when the page is opened: no address but the article's own link.
    assert "qingdu-asset" not in page and "<script" not in page


def test_render_in_the_view_uses_the_view_scheme() -> None:
    html = render(_article())
    assert '<img src="qingdu-asset:2"' in html
    assert '<img src="qingdu-asset:3"' in html  # the view itself refuses non-pictures


def test_a_long_address_is_elided_in_the_header_and_whole_in_the_link() -> None:
    url = "https://harbour.example/news/2024/06/01/" + "very-long-slug-" * 8 + "dawn.html"
    html = render(_article().with_changes(url=url))
    assert f'href="{url}"' in html and f'title="{url}"' in html
    shown = re.search(r'title="[^"]+">([^<]+)</a>', html)
    assert shown is not None and "…" in shown.group(1) and len(shown.group(1)) <= 64
    assert elide_url(url).startswith("https://harbour.example/") and elide_url(url).endswith(
        "dawn.html"
    )
    assert elide_url("https://a.example/") == "https://a.example/"
