"""render(): Article -> HTML fragment with semantic classes and stable anchors (no Qt)."""

from __future__ import annotations

import re

from reader.core.article import Article, Block, BlockType, Script, Section, Speaker
from reader.core.progress import CHARS_PER_MINUTE, reading_minutes
from reader.core.render import (
    ASSET_SCHEME,
    anchor,
    block_of_anchor,
    is_web_url,
    render,
)


def _article(**changes: object) -> Article:
    base = Article(
        title="茶山上的小學校",
        blocks=(
            Block(BlockType.PARAGRAPH, "山路很窄，校車只能開到半山腰。"),
            Block(BlockType.HEADING, "老師們"),
            Block(BlockType.PARAGRAPH, "葉秋白說：「孩子們每天走一個小時來上學。」"),
            Block(BlockType.QUOTE, "山再高，也高不過孩子的腳步。"),
            Block(BlockType.LIST_ITEM, "學生二十三人"),
            Block(BlockType.LIST_ITEM, "老師四人"),
            Block(BlockType.IMAGE, "校門口", src="img/gate.jpg"),
            Block(BlockType.CAPTION, "校門口的老榕樹"),
            Block(BlockType.IMAGE, "遠景", src=None),
            Block(BlockType.PARAGRAPH, "<script>alert(1)</script> & 其他"),
        ),
        published="2024-06-01",
        source="山城日報",
        author="溫子衡",
        url="https://daily.chashan.example/school.html",
        script=Script.TRADITIONAL,
        sections=(Section("老師們", 1),),
        speakers=(Speaker("葉秋白", (2,)),),
        assets={"img/gate.jpg": b"\x89PNG fake"},
    )
    return base.with_changes(**changes)


def test_every_block_has_its_stable_anchor_in_order() -> None:
    html = render(_article())
    names = re.findall(r'<a name="(b\d+)"></a>', html)
    assert names == [f"b{i}" for i in range(len(_article().blocks))]
    assert anchor(7) == "b7"
    assert block_of_anchor("b12") == 12
    assert block_of_anchor("top") is None
    assert block_of_anchor("bx") is None


def test_header_has_title_meta_and_link() -> None:
    html = render(_article())
    assert '<h1 class="title"><a name="top"></a>茶山上的小學校</h1>' in html
    assert '<p class="meta">2024-06-01 · 山城日報 · 溫子衡</p>' in html
    url = "https://daily.chashan.example/school.html"
    assert f'<a href="{url}">{url}</a>' in html


def test_meta_line_skips_missing_fields() -> None:
    html = render(_article(source=None, author=None))
    assert '<p class="meta">2024-06-01</p>' in html


def test_non_web_url_is_shown_but_not_linked() -> None:
    html = render(_article(url="javascript:alert(1)"))
    assert 'href="javascript' not in html
    assert "javascript:alert(1)" in html
    assert is_web_url("HTTPS://x.example/")
    assert not is_web_url("file:///etc/passwd")
    assert not is_web_url(None)


def test_semantic_classes_and_list_grouping() -> None:
    html = render(_article())
    assert '<h2 class="section"><a name="b1"></a>老師們</h2>' in html
    assert '<blockquote class="quote"><p class="quote"><a name="b3"></a>' in html
    assert html.count('<ul class="list">') == 1
    assert html.count("</ul>") == 1
    assert html.index('<ul class="list">') < html.index("學生二十三人") < html.index("</ul>")
    assert '<p class="caption"><a name="b7"></a>校門口的老榕樹</p>' in html


def test_speaker_name_is_marked_in_their_passage() -> None:
    html = render(_article())
    assert '<span class="speaker">葉秋白</span>說' in html


def test_saved_image_uses_asset_scheme_and_remote_image_shows_alt() -> None:
    html = render(_article())
    assert f'<img src="{ASSET_SCHEME}:6" alt="校門口" />' in html
    assert "img/gate.jpg" not in html  # never a path or URL the view could fetch
    assert '<p class="image-alt"><a name="b8"></a>［圖］遠景</p>' in html
    simplified = render(_article(script=Script.SIMPLIFIED))
    assert "［图］遠景" in simplified


def test_image_with_missing_asset_falls_back_to_alt() -> None:
    html = render(_article(assets={}))
    assert "<img" not in html
    assert "［圖］校門口" in html


def test_text_is_escaped() -> None:
    html = render(_article())
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 其他" in html


def test_no_colours_or_fonts_in_the_markup() -> None:
    html = render(_article())
    assert "style=" not in html
    assert "color" not in html
    assert "font" not in html


def test_reading_minutes() -> None:
    one = _article(blocks=(Block(BlockType.PARAGRAPH, "字" * CHARS_PER_MINUTE),))
    assert reading_minutes(one) == 1
    more = _article(blocks=(Block(BlockType.PARAGRAPH, "字" * (CHARS_PER_MINUTE * 3 + 1)),))
    assert reading_minutes(more) == 4
    assert reading_minutes(_article(blocks=())) == 0
