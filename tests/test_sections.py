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
            ("paragraph", "果园提前开花"),
            ("paragraph", "镇政府在河边修了一条新路，运果子的货车不用再绕山，单程能省下四十分钟。"),
        ],
        ["新路通到山脚", "果园提前开花"],
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
            ("paragraph", "果園提前開花"),
            ("paragraph", "鎮政府在河邊修了一條新路，運果子的貨車不用再繞山，單程能省下四十分鐘。"),
        ],
        ["新路通到山腳", "果園提前開花"],
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
    # A numbered line may close its sentence; a paragraph ending in a colon introduces the
    # numbered headings that follow.
    (
        "numbered-series-after-a-colon-intro/simplified",
        "河谷小学读书调查",
        [
            ("paragraph", "调查覆盖了河谷镇三所小学的四百名学生，结果分为两个方面，具体如下："),
            ("paragraph", "一、课外阅读时间增加"),
            ("paragraph", "四年级以上的学生每天读书的时间平均多了二十分钟，周末更多。"),
            ("paragraph", "二、更多学生去图书馆。"),
            ("paragraph", "镇图书馆的借阅记录显示，学生借书的次数比去年多了三成。"),
        ],
        ["一、课外阅读时间增加", "二、更多学生去图书馆。"],
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
        "numbered-series-after-a-colon-intro/traditional",
        "河谷小學讀書調查",
        [
            ("paragraph", "調查覆蓋了河谷鎮三所小學的四百名學生，結果分爲兩個方面，具體如下："),
            ("paragraph", "一、課外閱讀時間增加"),
            ("paragraph", "四年級以上的學生每天讀書的時間平均多了二十分鐘，週末更多。"),
            ("paragraph", "二、更多學生去圖書館。"),
            ("paragraph", "鎮圖書館的借閱記錄顯示，學生借書的次數比去年多了三成。"),
        ],
        ["一、課外閱讀時間增加", "二、更多學生去圖書館。"],
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
    # A numbered line that says its piece after a colon is an entry of a list, whether its
    # number is a word and a numeral ("表现一：") or a bracketed one ("（一）1990-1999年：").
    (
        "numbered-items-with-words-after-a-colon-are-no-headings/simplified",
        "河谷小学读书调查",
        [
            ("paragraph", "调查覆盖了河谷镇三所小学的四百名学生，结果分为几个方面，具体如下："),
            ("paragraph", "表现一：课外阅读时间增加"),
            ("paragraph", "四年级以上的学生每天读书的时间平均多了二十分钟，周末更多。"),
            (
                "paragraph",
                "老师们说，读书的习惯要从小养成，学校今年还会再添一批新书，放在每个教室的书架上。",
            ),
            ("paragraph", "表现二：更多学生去图书馆。"),
            ("paragraph", "镇图书馆的借阅记录显示，学生借书的次数比去年多了三成。"),
            (
                "paragraph",
                "老师们说，读书的习惯要从小养成，学校今年还会再添一批新书，放在每个教室的书架上。",
            ),
            ("paragraph", "（一）1990-1999年：图书室初建"),
            ("paragraph", "那时全镇只有一间图书室，藏书不到两千册，大多是旧课本和农技手册。"),
            (
                "paragraph",
                "老师们说，读书的习惯要从小养成，学校今年还会再添一批新书，放在每个教室的书架上。",
            ),
            ("paragraph", "（二）2000-2012年：流动书车进村"),
            ("paragraph", "县里配了一辆流动书车，每月进村两次，孩子们总是早早在村口等着。"),
            (
                "paragraph",
                "老师们说，读书的习惯要从小养成，学校今年还会再添一批新书，放在每个教室的书架上。",
            ),
        ],
        [],
    ),
    (
        "numbered-items-with-words-after-a-colon-are-no-headings/traditional",
        "河谷小學讀書調查",
        [
            ("paragraph", "調查覆蓋了河谷鎮三所小學的四百名學生，結果分爲幾個方面，具體如下："),
            ("paragraph", "表現一：課外閱讀時間增加"),
            ("paragraph", "四年級以上的學生每天讀書的時間平均多了二十分鐘，週末更多。"),
            (
                "paragraph",
                "老師們說，讀書的習慣要從小養成，學校今年還會再添一批新書，放在每個教室的書架上。",
            ),
            ("paragraph", "表現二：更多學生去圖書館。"),
            ("paragraph", "鎮圖書館的借閱記錄顯示，學生借書的次數比去年多了三成。"),
            (
                "paragraph",
                "老師們說，讀書的習慣要從小養成，學校今年還會再添一批新書，放在每個教室的書架上。",
            ),
            ("paragraph", "（一）1990-1999年：圖書室初建"),
            ("paragraph", "那時全鎮只有一間圖書室，藏書不到兩千冊，大多是舊課本和農技手冊。"),
            (
                "paragraph",
                "老師們說，讀書的習慣要從小養成，學校今年還會再添一批新書，放在每個教室的書架上。",
            ),
            ("paragraph", "（二）2000-2012年：流動書車進村"),
            ("paragraph", "縣裏配了一輛流動書車，每月進村兩次，孩子們總是早早在村口等着。"),
            (
                "paragraph",
                "老師們說，讀書的習慣要從小養成，學校今年還會再添一批新書，放在每個教室的書架上。",
            ),
        ],
        [],
    ),
    # A short numbered line whose neighbours in its numbering are paragraphs of prose is an
    # item of a list run through the prose, not a heading between sections.
    (
        "a-number-among-numbered-paragraphs-is-a-list-item/simplified",
        "河谷果园春来早",
        [
            ("paragraph", "合作社把今年的经验总结为几条：（1）早疏花，（2）勤浇水，（3）防冰雹。"),
            ("paragraph", "（4）多与镇上的收购站联系"),
            (
                "paragraph",
                "镇上的收购站今年提前开了门，果农们不用再把果子运到县城去卖了，省了不少力气。",
            ),
            (
                "paragraph",
                "（5）果园的路要修好，这一条大家说了好几年，今年终于有了眉目，镇里答应秋后动工。",
            ),
            ("paragraph", "新路通到山脚"),
            ("paragraph", "镇政府在河边修了一条新路，运果子的货车不用再绕山，单程能省下四十分钟。"),
            ("paragraph", "镇政府在河边修了一条新路，运果子的货车不用再绕山，单程能省下四十分钟。"),
            ("paragraph", "果园提前开花"),
            ("paragraph", "镇政府在河边修了一条新路，运果子的货车不用再绕山，单程能省下四十分钟。"),
        ],
        ["新路通到山脚", "果园提前开花"],
    ),
    (
        "a-number-among-numbered-paragraphs-is-a-list-item/traditional",
        "河谷果園春來早",
        [
            ("paragraph", "合作社把今年的經驗總結爲幾條：（1）早疏花，（2）勤澆水，（3）防冰雹。"),
            ("paragraph", "（4）多與鎮上的收購站聯繫"),
            (
                "paragraph",
                "鎮上的收購站今年提前開了門，果農們不用再把果子運到縣城去賣了，省了不少力氣。",
            ),
            (
                "paragraph",
                "（5）果園的路要修好，這一條大家說了好幾年，今年終於有了眉目，鎮裏答應秋後動工。",
            ),
            ("paragraph", "新路通到山腳"),
            ("paragraph", "鎮政府在河邊修了一條新路，運果子的貨車不用再繞山，單程能省下四十分鐘。"),
            ("paragraph", "鎮政府在河邊修了一條新路，運果子的貨車不用再繞山，單程能省下四十分鐘。"),
            ("paragraph", "果園提前開花"),
            ("paragraph", "鎮政府在河邊修了一條新路，運果子的貨車不用再繞山，單程能省下四十分鐘。"),
        ],
        ["新路通到山腳", "果園提前開花"],
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


#: A blog written without punctuation: clauses split by spaces, a line per thought, only a
#: few lines carrying an enumeration comma (simplified, traditional).
_BLOG = (
    [
        "入秋以后山上的气温一天比一天低 步道两旁的槭树开始转红",
        "营地里除了帐篷、木屋、小吃摊之外还多了一排手作木雕",
        "走到半山腰时太阳终于露脸 雾气慢慢散去",
        "{first}",
        "他们带着画板、水彩、折凳和保温瓶一早就上山占好了位置 一坐就是大半天也不觉得累",
        "午后的风大了起来 落叶一片片飘进溪水里",
        "{second}",
        "游客拿着相机、手机、望远镜追着它们跑了好一段路才停下来 笑声在山谷里回荡了很久",
        "天黑前我们回到营地升起了火 这一趟总算没有白来",
        "明年秋天一定还要再来一次",
    ],
    [
        "入秋以後山上的氣溫一天比一天低 步道兩旁的槭樹開始轉紅",
        "營地裡除了帳篷、木屋、小吃攤之外還多了一排手作木雕",
        "走到半山腰時太陽終於露臉 霧氣慢慢散去",
        "{first}",
        "他們帶著畫板、水彩、折凳和保溫瓶一早就上山占好了位置 一坐就是大半天也不覺得累",
        "午後的風大了起來 落葉一片片飄進溪水裡",
        "{second}",
        "遊客拿著相機、手機、望遠鏡追著牠們跑了好一段路才停下來 笑聲在山谷裡迴盪了很久",
        "天黑前我們回到營地升起了火 這一趟總算沒有白來",
        "明年秋天一定還要再來一次",
    ],
)


@pytest.mark.parametrize(
    ("lines", "first", "second", "headings"),
    [
        # Lines as long as the text's own are its prose, however unpunctuated.
        (_BLOG[0], "溪边的大石头上坐着几位画画的老先生", "木桥那头的几只小松鼠一点也不怕人", []),
        (_BLOG[1], "溪邊的大石頭上坐著幾位畫畫的老先生", "木橋那頭的幾隻小松鼠一點也不怕人", []),
        # Lines much shorter than the text's own still stand out as headings.
        (_BLOG[0], "溪边画家", "桥头松鼠", ["溪边画家", "桥头松鼠"]),
        (_BLOG[1], "溪邊畫家", "橋頭松鼠", ["溪邊畫家", "橋頭松鼠"]),
    ],
)
def test_unpunctuated_lines_of_an_unpunctuated_text_are_its_prose(
    lines: list[str], first: str, second: str, headings: list[str]
) -> None:
    texts = [line.format(first=first, second=second) for line in lines]
    marked = mark_headings([Block(BlockType.PARAGRAPH, t) for t in texts], "秋日溪谷营地")
    assert [s.title for s in find_sections(marked)] == headings
