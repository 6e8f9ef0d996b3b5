"""Section headings: which lines of the finished blocks head a section, on the project's
own text, in both scripts."""

from __future__ import annotations

import pytest

from reader.core import extract
from reader.core.article import Block, BlockType
from reader.core.page import Page, PageFormat
from reader.core.sections import find_sections, mark_headings

#: (case, headline, blocks as (type, text), the headings kept), Simplified and Traditional.
CASES: list[tuple[str, str, list[tuple[str, str]], list[str]]] = [
    (
        "plain-short-lines-between-paragraphs-are-headings/simplified",
        "河谷果园春来早",
        [
            (
                "paragraph",
                "今年春天，河谷里的果园比往年早开了十天，果农们忙着疏花，镇上的收购站也提前开了门。",
            ),
            ("paragraph", "果园提前开花"),
            (
                "paragraph",
                "合作社负责人说，去年的价格不错，今年大家都多种了一些，只盼着夏天别来冰雹。",
            ),
            ("paragraph", "新路通到山脚"),
            ("paragraph", "镇政府在河边修了一条新路，运果子的货车不用再绕山，单程能省下四十分钟。"),
        ],
        ["果园提前开花", "新路通到山脚"],
    ),
    (
        "plain-short-lines-between-paragraphs-are-headings/traditional",
        "河谷果園春來早",
        [
            (
                "paragraph",
                "今年春天，河谷裏的果園比往年早開了十天，果農們忙着疏花，鎮上的收購站也提前開了門。",
            ),
            ("paragraph", "果園提前開花"),
            (
                "paragraph",
                "合作社負責人說，去年的價格不錯，今年大家都多種了一些，只盼着夏天別來冰雹。",
            ),
            ("paragraph", "新路通到山腳"),
            ("paragraph", "鎮政府在河邊修了一條新路，運果子的貨車不用再繞山，單程能省下四十分鐘。"),
        ],
        ["果園提前開花", "新路通到山腳"],
    ),
    (
        "one-short-line-alone-is-not-a-heading/simplified",
        "河谷果园春来早",
        [
            (
                "paragraph",
                "今年春天，河谷里的果园比往年早开了十天，果农们忙着疏花，镇上的收购站也提前开了门。",
            ),
            ("paragraph", "果园提前开花"),
            (
                "paragraph",
                "合作社负责人说，去年的价格不错，今年大家都多种了一些，只盼着夏天别来冰雹。",
            ),
            ("paragraph", "镇政府在河边修了一条新路，运果子的货车不用再绕山，单程能省下四十分钟。"),
        ],
        [],
    ),
    (
        "one-short-line-alone-is-not-a-heading/traditional",
        "河谷果園春來早",
        [
            (
                "paragraph",
                "今年春天，河谷裏的果園比往年早開了十天，果農們忙着疏花，鎮上的收購站也提前開了門。",
            ),
            ("paragraph", "果園提前開花"),
            (
                "paragraph",
                "合作社負責人說，去年的價格不錯，今年大家都多種了一些，只盼着夏天別來冰雹。",
            ),
            ("paragraph", "鎮政府在河邊修了一條新路，運果子的貨車不用再繞山，單程能省下四十分鐘。"),
        ],
        [],
    ),
    (
        "headline-and-deck-over-the-first-paragraph-are-not-headings/simplified",
        "河谷果园春来早 新路通到山脚",
        [
            ("heading", "河谷果园春来早"),
            ("heading", "果农盼着好收成"),
            (
                "paragraph",
                "今年春天，河谷里的果园比往年早开了十天，果农们忙着疏花，镇上的收购站也提前开了门。",
            ),
            ("heading", "新路通到山脚"),
            (
                "paragraph",
                "合作社负责人说，去年的价格不错，今年大家都多种了一些，只盼着夏天别来冰雹。",
            ),
        ],
        ["新路通到山脚"],
    ),
    (
        "headline-and-deck-over-the-first-paragraph-are-not-headings/traditional",
        "河谷果園春來早 新路通到山腳",
        [
            ("heading", "河谷果園春來早"),
            ("heading", "果農盼着好收成"),
            (
                "paragraph",
                "今年春天，河谷裏的果園比往年早開了十天，果農們忙着疏花，鎮上的收購站也提前開了門。",
            ),
            ("heading", "新路通到山腳"),
            (
                "paragraph",
                "合作社負責人說，去年的價格不錯，今年大家都多種了一些，只盼着夏天別來冰雹。",
            ),
        ],
        ["新路通到山腳"],
    ),
    (
        "bylines-credits-and-boilerplate-are-not-headings/simplified",
        "河谷果园春来早",
        [
            (
                "paragraph",
                "今年春天，河谷里的果园比往年早开了十天，果农们忙着疏花，镇上的收购站也提前开了门。",
            ),
            ("heading", "本报记者罗晓发自青川"),
            ("heading", "文丨青禾评论员 田野"),
            ("heading", "作者︱林间"),
            (
                "paragraph",
                "合作社负责人说，去年的价格不错，今年大家都多种了一些，只盼着夏天别来冰雹。",
            ),
            ("heading", "出品︱山水栏目组 小禾"),
            ("paragraph", "镇政府在河边修了一条新路，运果子的货车不用再绕山，单程能省下四十分钟。"),
            ("heading", "青川网版权与免责声明："),
        ],
        [],
    ),
    (
        "bylines-credits-and-boilerplate-are-not-headings/traditional",
        "河谷果園春來早",
        [
            (
                "paragraph",
                "今年春天，河谷裏的果園比往年早開了十天，果農們忙着疏花，鎮上的收購站也提前開了門。",
            ),
            ("heading", "本報記者羅曉發自青川"),
            ("heading", "文丨青禾評論員 田野"),
            ("heading", "作者︱林間"),
            (
                "paragraph",
                "合作社負責人說，去年的價格不錯，今年大家都多種了一些，只盼着夏天別來冰雹。",
            ),
            ("heading", "出品︱山水欄目組 小禾"),
            ("paragraph", "鎮政府在河邊修了一條新路，運果子的貨車不用再繞山，單程能省下四十分鐘。"),
            ("heading", "青川網版權與免責聲明："),
        ],
        [],
    ),
    (
        "a-caption-is-not-a-heading/simplified",
        "河谷果园春来早",
        [
            (
                "paragraph",
                "今年春天，河谷里的果园比往年早开了十天，果农们忙着疏花，镇上的收购站也提前开了门。",
            ),
            ("image", ""),
            ("heading", "◎ 图：果园航拍截图"),
            (
                "paragraph",
                "合作社负责人说，去年的价格不错，今年大家都多种了一些，只盼着夏天别来冰雹。",
            ),
            ("heading", "新路通到山脚"),
            ("paragraph", "镇政府在河边修了一条新路，运果子的货车不用再绕山，单程能省下四十分钟。"),
        ],
        ["新路通到山脚"],
    ),
    (
        "a-caption-is-not-a-heading/traditional",
        "河谷果園春來早",
        [
            (
                "paragraph",
                "今年春天，河谷裏的果園比往年早開了十天，果農們忙着疏花，鎮上的收購站也提前開了門。",
            ),
            ("image", ""),
            ("heading", "◎ 圖：果園航拍截圖"),
            (
                "paragraph",
                "合作社負責人說，去年的價格不錯，今年大家都多種了一些，只盼着夏天別來冰雹。",
            ),
            ("heading", "新路通到山腳"),
            ("paragraph", "鎮政府在河邊修了一條新路，運果子的貨車不用再繞山，單程能省下四十分鐘。"),
        ],
        ["新路通到山腳"],
    ),
    (
        "numbered-headings-stay-even-first/simplified",
        "河谷果园春来早",
        [
            ("heading", "一、果园提前开花"),
            (
                "paragraph",
                "今年春天，河谷里的果园比往年早开了十天，果农们忙着疏花，镇上的收购站也提前开了门。",
            ),
            ("heading", "二、新路通到山脚"),
            (
                "paragraph",
                "合作社负责人说，去年的价格不错，今年大家都多种了一些，只盼着夏天别来冰雹。",
            ),
        ],
        ["一、果园提前开花", "二、新路通到山脚"],
    ),
    (
        "numbered-headings-stay-even-first/traditional",
        "河谷果園春來早",
        [
            ("heading", "一、果園提前開花"),
            (
                "paragraph",
                "今年春天，河谷裏的果園比往年早開了十天，果農們忙着疏花，鎮上的收購站也提前開了門。",
            ),
            ("heading", "二、新路通到山腳"),
            (
                "paragraph",
                "合作社負責人說，去年的價格不錯，今年大家都多種了一些，只盼着夏天別來冰雹。",
            ),
        ],
        ["一、果園提前開花", "二、新路通到山腳"],
    ),
    (
        "headings-over-link-boxes-are-not-headings/simplified",
        "河谷果园春来早",
        [
            (
                "paragraph",
                "今年春天，河谷里的果园比往年早开了十天，果农们忙着疏花，镇上的收购站也提前开了门。",
            ),
            ("heading", "新路通到山脚"),
            (
                "paragraph",
                "合作社负责人说，去年的价格不错，今年大家都多种了一些，只盼着夏天别来冰雹。",
            ),
            ("heading", "热门推荐"),
            ("paragraph", "山里的樱桃"),
            ("paragraph", "河边的步道"),
            ("heading", "图片欣赏"),
            ("paragraph", "花开时节"),
        ],
        ["新路通到山脚"],
    ),
    (
        "headings-over-link-boxes-are-not-headings/traditional",
        "河谷果園春來早",
        [
            (
                "paragraph",
                "今年春天，河谷裏的果園比往年早開了十天，果農們忙着疏花，鎮上的收購站也提前開了門。",
            ),
            ("heading", "新路通到山腳"),
            (
                "paragraph",
                "合作社負責人說，去年的價格不錯，今年大家都多種了一些，只盼着夏天別來冰雹。",
            ),
            ("heading", "熱門推薦"),
            ("paragraph", "山裏的櫻桃"),
            ("paragraph", "河邊的步道"),
            ("heading", "圖片欣賞"),
            ("paragraph", "花開時節"),
        ],
        ["新路通到山腳"],
    ),
    (
        "lines-of-dialogue-are-not-headings/simplified",
        "河谷果园春来早",
        [
            (
                "paragraph",
                "今年春天，河谷里的果园比往年早开了十天，果农们忙着疏花，镇上的收购站也提前开了门。",
            ),
            ("paragraph", "“真的吗……”"),
            (
                "paragraph",
                "合作社负责人说，去年的价格不错，今年大家都多种了一些，只盼着夏天别来冰雹。",
            ),
            ("paragraph", "“嗯，再等等吧。”"),
            ("paragraph", "镇政府在河边修了一条新路，运果子的货车不用再绕山，单程能省下四十分钟。"),
        ],
        [],
    ),
    (
        "lines-of-dialogue-are-not-headings/traditional",
        "河谷果園春來早",
        [
            (
                "paragraph",
                "今年春天，河谷裏的果園比往年早開了十天，果農們忙着疏花，鎮上的收購站也提前開了門。",
            ),
            ("paragraph", "“真的嗎……”"),
            (
                "paragraph",
                "合作社負責人說，去年的價格不錯，今年大家都多種了一些，只盼着夏天別來冰雹。",
            ),
            ("paragraph", "“嗯，再等等吧。”"),
            ("paragraph", "鎮政府在河邊修了一條新路，運果子的貨車不用再繞山，單程能省下四十分鐘。"),
        ],
        [],
    ),
    # A word and a numeral before a colon number a series ("表现一：", "表现二："); a numbered
    # line may close its sentence; a paragraph ending in a colon introduces what follows.
    (
        "word-numeral-series-and-colon-intro/simplified",
        "河谷小学读书调查",
        [
            ("paragraph", "调查覆盖了河谷镇三所小学的四百名学生，结果分为两个方面，具体如下："),
            ("paragraph", "表现一：课外阅读时间增加"),
            ("paragraph", "四年级以上的学生每天读书的时间平均多了二十分钟，周末更多。"),
            ("paragraph", "表现二：更多学生去图书馆。"),
            ("paragraph", "镇图书馆的借阅记录显示，学生借书的次数比去年多了三成。"),
        ],
        ["表现一：课外阅读时间增加", "表现二：更多学生去图书馆。"],
    ),
    (
        "a-lone-word-numeral-label-is-no-heading/simplified",
        "河谷小学读书调查",
        [
            ("paragraph", "调查覆盖了河谷镇三所小学的四百名学生，结果分为两个方面，具体如下："),
            ("paragraph", "统一：时间"),
            ("paragraph", "四年级以上的学生每天读书的时间平均多了二十分钟，周末更多。"),
        ],
        [],
    ),
    (
        "word-numeral-series-and-colon-intro/traditional",
        "河谷小學讀書調查",
        [
            ("paragraph", "調查覆蓋了河谷鎮三所小學的四百名學生，結果分爲兩個方面，具體如下："),
            ("paragraph", "表現一：課外閱讀時間增加"),
            ("paragraph", "四年級以上的學生每天讀書的時間平均多了二十分鐘，週末更多。"),
            ("paragraph", "表現二：更多學生去圖書館。"),
            ("paragraph", "鎮圖書館的借閱記錄顯示，學生借書的次數比去年多了三成。"),
        ],
        ["表現一：課外閱讀時間增加", "表現二：更多學生去圖書館。"],
    ),
    (
        "a-lone-word-numeral-label-is-no-heading/traditional",
        "河谷小學讀書調查",
        [
            ("paragraph", "調查覆蓋了河谷鎮三所小學的四百名學生，結果分爲兩個方面，具體如下："),
            ("paragraph", "統一：時間"),
            ("paragraph", "四年級以上的學生每天讀書的時間平均多了二十分鐘，週末更多。"),
        ],
        [],
    ),
    (
        "a-colon-introduces-words-not-a-heading-and-a-dated-head-line-is-none/simplified",
        "河湾旧事",
        [
            ("paragraph", "镇上的老人常说起当年修水库的事，反对的理由之一便是："),
            ("paragraph", "这片河滩是我们祖祖辈辈种出来的，怎么能说淹就淹？"),
            ("paragraph", "后来水库还是修了，河滩变成了湖，老人们每年春天都会去湖边走一走。"),
            ("paragraph", "湖边的新村"),
            (
                "paragraph",
                "搬迁的人家住进了湖边的新村，村口的小学去年刚刚翻修，孩子们不用再走远路。",
            ),
            ("paragraph", "村口的小学"),
            ("paragraph", "小学只有六个班，老师们大多是从县城来的年轻人，周末也常常留在村里。"),
            ("heading", "12 人觉得有用（很好；） 2024-04-07 09:53 河湾镇的一位老读者"),
            (
                "paragraph",
                "这篇回忆写得很细，读来像是跟着老人们又走了一遍当年的河滩，很多细节都让人难忘。",
            ),
        ],
        ["湖边的新村", "村口的小学"],
    ),
    (
        "a-colon-introduces-words-not-a-heading-and-a-dated-head-line-is-none/traditional",
        "河灣舊事",
        [
            ("paragraph", "鎮上的老人常說起當年修水庫的事，反對的理由之一便是："),
            ("paragraph", "這片河灘是我們祖祖輩輩種出來的，怎麼能說淹就淹？"),
            ("paragraph", "後來水庫還是修了，河灘變成了湖，老人們每年春天都會去湖邊走一走。"),
            ("paragraph", "湖邊的新村"),
            (
                "paragraph",
                "搬遷的人家住進了湖邊的新村，村口的小學去年剛剛翻修，孩子們不用再走遠路。",
            ),
            ("paragraph", "村口的小學"),
            ("paragraph", "小學只有六個班，老師們大多是從縣城來的年輕人，週末也常常留在村裏。"),
            ("heading", "12 人覺得有用（很好；） 2024-04-07 09:53 河灣鎮的一位老讀者"),
            (
                "paragraph",
                "這篇回憶寫得很細，讀來像是跟着老人們又走了一遍當年的河灘，很多細節都讓人難忘。",
            ),
        ],
        ["湖邊的新村", "村口的小學"],
    ),
]


@pytest.mark.parametrize(("case", "title", "blocks", "headings"), CASES, ids=[c[0] for c in CASES])
def test_headings(
    case: str, title: str, blocks: list[tuple[str, str]], headings: list[str]
) -> None:
    marked = mark_headings([Block(BlockType(kind), text) for kind, text in blocks], title)
    assert [s.title for s in find_sections(marked)] == headings, case
    assert [b.text for b in marked] == [text for _, text in blocks]  # nothing dropped


def test_a_caption_marked_as_heading_becomes_a_caption() -> None:
    body = "今年春天，河谷里的果园比往年早开了十天，果农们忙着疏花，镇上的收购站也提前开了门。"
    blocks = [
        Block(BlockType.PARAGRAPH, body),
        Block(BlockType.IMAGE, ""),
        Block(BlockType.HEADING, "◎ 图：果园航拍截图"),
        Block(BlockType.PARAGRAPH, body),
    ]
    assert mark_headings(blocks, "河谷果园春来早")[2].type is BlockType.CAPTION


def test_a_sentence_set_as_a_heading_is_no_heading() -> None:
    body = "今年春天，河谷里的果园比往年早开了十天，果农们忙着疏花，镇上的收购站也提前开了门。"
    blocks = [
        Block(BlockType.PARAGRAPH, body),
        Block(BlockType.HEADING, "果園提前十天開花。"),
        Block(BlockType.PARAGRAPH, body),
    ]
    assert find_sections(mark_headings(blocks, "河谷果园春来早")) == ()


PORTAL = """<html><head><title>{title}_青川新聞網</title></head><body>
<div class="content"><h1>{title}</h1><p>2024-04-02 {byline}</p><p>{title}</p>
<p>{body1}</p><p>{plain}</p><p>{body2}</p><p><strong>{bold}</strong></p><p>{body1}{body2}</p>
</div></body></html>"""


@pytest.mark.parametrize(
    "page",
    [
        (
            "河谷果园春来早",
            "来源：青川日报 作者：记者 田野",
            "今年春天，河谷里的果园比往年早开了十天，果农们忙着疏花，镇上的收购站也提前开了门。",
            "合作社负责人说，去年的价格不错，今年大家都多种了一些，只盼着夏天别来冰雹。",
            "果园提前开花",
            "新路通到山脚",
        ),
        (
            "河谷果園春來早",
            "來源：青川日報 作者：記者 田野",
            "今年春天，河谷裡的果園比往年早開了十天，果農們忙著疏花，鎮上的收購站也提前開了門。",
            "合作社負責人說，去年的價格不錯，今年大家都多種了一些，只盼著夏天別來冰雹。",
            "果園提前開花",
            "新路通到山腳",
        ),
    ],
)
def test_a_portal_page_gets_its_plain_and_bold_headings(
    page: tuple[str, str, str, str, str, str],
) -> None:
    title, byline, body1, body2, plain, bold = page
    html = PORTAL.format(
        title=title, byline=byline, body1=body1, body2=body2, plain=plain, bold=bold
    )
    article = extract(Page(html, PageFormat.HTML, "utf-8"))
    assert [s.title for s in article.sections] == [plain, bold]
    assert (article.source, article.author) == (byline[3:7], "田野")
    assert title not in [b.text for b in article.blocks]


def test_a_lone_number_or_a_long_plain_line_beside_marked_headings_is_no_heading() -> None:
    body = "今年春天，河谷里的果园比往年早开了十天，果农们忙着疏花，镇上的收购站也提前开了门。"
    blocks = [
        Block(BlockType.PARAGRAPH, body),
        Block(BlockType.HEADING, "果园提前开花"),
        Block(BlockType.PARAGRAPH, body),
        Block(BlockType.PARAGRAPH, "1、河谷东岸的老果园今年也第一次挂上了果"),
        Block(BlockType.PARAGRAPH, body),
        Block(BlockType.PARAGRAPH, "镇政府决定在河边修一条新路通到山脚下"),
        Block(BlockType.PARAGRAPH, body),
        Block(BlockType.HEADING, "新路通到山脚"),
        Block(BlockType.PARAGRAPH, body),
    ]
    assert [s.title for s in find_sections(mark_headings(blocks, "河谷果園春來早"))] == [
        "果园提前开花",
        "新路通到山脚",
    ]
