"""Bylines, sources and labels: who wrote the page and where it comes from, and the meta
lines that are not article text, on the project's own lines, in both scripts."""

from __future__ import annotations

import pytest

from reader.core import extract
from reader.core.meta import Meta, scan_meta_line
from reader.core.page import Page, PageFormat

#: (line, source, author) in Simplified and Traditional.
BYLINES = [
    ("作者：记者 王小明", None, "王小明"),
    ("作者：記者 王小明", None, "王小明"),
    ("文／青川地方报编辑部", "青川地方报编辑部", None),
    ("文／青川地方報編輯部", "青川地方報編輯部", None),
    ("文丨青禾评论员 田野", None, "田野"),
    ("文丨青禾評論員 田野", None, "田野"),
    ("来源：青川日报", "青川日报", None),
    ("來源：青川日報", "青川日報", None),
    ("东湾经济报道记者林小禾 上海报道", "东湾经济报道", "林小禾"),
    ("東灣經濟報道記者林小禾 上海報道", "東灣經濟報道", "林小禾"),
    ("本报记者罗晓 发自北京", None, "罗晓"),
    ("本報記者羅曉 發自北京", None, "羅曉"),
]


@pytest.mark.parametrize(("line", "source", "author"), BYLINES)
def test_byline(line: str, source: str | None, author: str | None) -> None:
    meta = Meta()
    assert scan_meta_line(line, meta)
    assert (meta.source, meta.author) == (source, author)


BODY = (
    "河谷里的果园今年比往年早开了十天，果农们忙着疏花，镇上的收购站也提前开了门。"
    "合作社负责人说，去年的价格不错，今年大家都多种了一些，只盼着夏天别来冰雹。"
)
PAGE = """<html><head><title>河谷果园春来早</title></head><body><article>
<h1>河谷果园春来早</h1>
<p>{label}</p>
<p>{byline}</p>
<p>{body}</p>
<p>{body}再过一个月，第一批樱桃就能上市。</p>
<p>{original}</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("label", "byline", "original", "author", "source"),
    [
        ("人物专访", "作者：记者 王小明", "原标题：果园里的春天", "王小明", None),
        ("【人物專訪】", "文／青川地方報編輯部", "原標題：果園裡的春天", None, "青川地方報編輯部"),
    ],
)
def test_labels_and_original_headlines_are_not_body_text(
    label: str, byline: str, original: str, author: str | None, source: str | None
) -> None:
    html = PAGE.format(label=label, byline=byline, body=BODY, original=original)
    article = extract(Page(html, PageFormat.HTML, "utf-8"))
    texts = [b.text for b in article.blocks]
    assert not any(label in t or original in t for t in texts)
    assert (article.author, article.source) == (author, source)
    assert BODY in texts
