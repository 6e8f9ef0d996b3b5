"""Speakers: attribution structure on the project's own sentences (fictional people), in
both scripts. Each case is one kind of error the finder used to make on real pages."""

from __future__ import annotations

import pytest

from reader.core.article import Block, BlockType
from reader.core.names import WordTable
from reader.core.speakers import find_speakers

#: (case, paragraphs, the people quoted), Simplified and Traditional.
CASES: list[tuple[str, list[str], list[str]]] = [
    (
        "everyday-words-are-not-names/simplified",
        [
            "业内普遍认为，今年的粮价不会大涨。应该说，这个判断有一定道理。",
            "程序上来说，申请人还要再等两周；安全措施方面，官员们没有透露更多细节。",
            "老师傅们说，这门手艺最怕的是心急。出租车司机说，晚高峰的桥上最堵。",
        ],
        [],
    ),
    (
        "everyday-words-are-not-names/traditional",
        [
            "業內普遍認爲，今年的糧價不會大漲。應該說，這個判斷有一定道理。",
            "程序上來說，申請人還要再等兩週；安全措施方面，官員們沒有透露更多細節。",
            "老師傅們說，這門手藝最怕的是心急。出租車司機說，晚高峯的橋上最堵。",
        ],
        [],
    ),
    (
        "role-word-is-the-left-boundary/simplified",
        [
            "青川县交通局主任罗岚表示，新线路下月通车。",
            "常务副省长孙立群介绍，全省已建成八个物流园。",
            "首席分析师何慕远在接受采访时表示，汇率短期内会保持稳定。",
        ],
        ["罗岚", "孙立群", "何慕远"],
    ),
    (
        "role-word-is-the-left-boundary/traditional",
        [
            "青川縣交通局主任羅嵐表示，新線路下月通車。",
            "常務副省長孫立羣介紹，全省已建成八個物流園。",
            "首席分析師何慕遠在接受採訪時表示，匯率短期內會保持穩定。",
        ],
        ["羅嵐", "孫立羣", "何慕遠"],
    ),
    (
        "measure-word-and-weekday-are-no-name/simplified",
        [
            "中心的一位女士告诉记者，报名已经截止。两名学员说，课程安排得很满。",
            "这家公司周二表示，将暂停在本地的招聘。",
        ],
        [],
    ),
    (
        "measure-word-and-weekday-are-no-name/traditional",
        [
            "中心的一位女士告訴記者，報名已經截止。兩名學員說，課程安排得很滿。",
            "這家公司週二表示，將暫停在本地的招聘。",
        ],
        [],
    ),
    (
        "fillers-between-name-and-verb/simplified",
        [
            "代市长许明远讲话中指出，要把营商环境摆在突出位置。",
            "负责这项调查的系主任梅若兰博士则直言不讳：穿厚底鞋会影响足部发育。",
            "主治医师朱文澜此前在接受媒体采访时表示，每月减重不宜超过五公斤。",
            "香港篮球队的队员陶季衡承认，自己曾经因此扭伤脚踝；律师韩启明告诫投资者不要急于求成。",
        ],
        ["许明远", "梅若兰", "朱文澜", "陶季衡", "韩启明"],
    ),
    (
        "fillers-between-name-and-verb/traditional",
        [
            "代市長許明遠講話中指出，要把營商環境擺在突出位置。",
            "負責這項調查的系主任梅若蘭博士則直言不諱：穿厚底鞋會影響足部發育。",
            "主治醫師朱文瀾此前在接受媒體採訪時表示，每月減重不宜超過五公斤。",
            "香港籃球隊的隊員陶季衡承認，自己曾經因此扭傷腳踝；律師韓啓明告誡投資者不要急於求成。",
        ],
        ["許明遠", "梅若蘭", "朱文瀾", "陶季衡", "韓啓明"],
    ),
    (
        "quote-forms-without-a-verb/simplified",
        [
            "马小川（１４岁）：我每天放学后都来这里练球。",
            "宁致远（青川大学经济系教授）：今年的消费数据好于预期。",
            "刚从展会回来的总经理彭望舒信心满满：“今年还要在海外设立两个仓库。”",
        ],
        ["马小川", "宁致远", "彭望舒"],
    ),
    (
        "quote-forms-without-a-verb/traditional",
        [
            "馬小川（１４歲）：我每天放學後都來這裏練球。",
            "寧致遠（青川大學經濟系教授）：今年的消費數據好於預期。",
            "剛從展會回來的總經理彭望舒信心滿滿：“今年還要在海外設立兩個倉庫。”",
        ],
        ["馬小川", "寧致遠", "彭望舒"],
    ),
    (
        "foreign-and-latin-names/simplified",
        [
            "研制人员弗雷德里克说，新鞋底能节省百分之三的体力。",
            "太空中心发言人莉迪娅·霍恩（Lydia Horn）表示：“站上不允许饮酒。”",
            "霍恩指出，这条规定已经执行了二十年。",
            "做外贸的Marla在电话里说，客户这个月一单也没有下。",
        ],
        ["弗雷德里克", "莉迪娅·霍恩", "Marla"],
    ),
    (
        "foreign-and-latin-names/traditional",
        [
            "研製人員弗雷德里克說，新鞋底能節省百分之三的體力。",
            "太空中心發言人莉迪婭·霍恩（Lydia Horn）表示：“站上不允許飲酒。”",
            "霍恩指出，這條規定已經執行了二十年。",
            "做外貿的Marla在電話裏說，客戶這個月一單也沒有下。",
        ],
        ["弗雷德里克", "莉迪婭·霍恩", "Marla"],
    ),
    (
        "a-name-is-not-lost-to-a-longer-false-one/simplified",
        [
            "船长周原听说，这片海域夜里常有大雾。",
            "“这条航线关系到每一个普通家庭。”周原说道。",
        ],
        ["周原"],
    ),
    (
        "a-name-is-not-lost-to-a-longer-false-one/traditional",
        [
            "船長周原聽說，這片海域夜裏常有大霧。",
            "“這條航線關係到每一個普通家庭。”周原說道。",
        ],
        ["周原"],
    ),
    (
        "given-name-and-pronoun-go-to-the-full-name/simplified",
        [
            "演员邵嘉树上月在片场受伤，邵嘉树的经纪人证实了这一消息。",
            "其后嘉树表示，伤势并不严重，下周就能复工。",
            "大三学生程雨桐去年开始在养老院实习，程雨桐的专业是社会工作。",
            "她说：“老人们最需要的是有人陪他们聊天。”",
        ],
        ["邵嘉树", "程雨桐"],
    ),
    (
        "given-name-and-pronoun-go-to-the-full-name/traditional",
        [
            "演員邵嘉樹上月在片場受傷，邵嘉樹的經紀人證實了這一消息。",
            "其後嘉樹表示，傷勢並不嚴重，下週就能復工。",
            "大三學生程雨桐去年開始在養老院實習，程雨桐的專業是社會工作。",
            "她說：“老人們最需要的是有人陪他們聊天。”",
        ],
        ["邵嘉樹", "程雨桐"],
    ),
    (
        "rarer-surnames-are-known/simplified",
        [
            "电力专家言子墨认为，电价改革不能一刀切。",
            "经济学家哈立群表示，出口仍有韧性。洪一舟指出，内需恢复要靠收入增长。",
        ],
        ["言子墨", "哈立群", "洪一舟"],
    ),
    (
        "rarer-surnames-are-known/traditional",
        [
            "電力專家言子墨認爲，電價改革不能一刀切。",
            "經濟學家哈立羣表示，出口仍有韌性。洪一舟指出，內需恢復要靠收入增長。",
        ],
        ["言子墨", "哈立羣", "洪一舟"],
    ),
    (
        "reporters-in-a-dateline-and-pronoun-fragments-are-no-speakers/simplified",
        [
            "新华社北京5月19日电（记者田禾、夏川）科学院专家19日介绍了一项新的观测计划。",
            "我相信他说的话。对解某来说，这笔钱来得太晚了。",
        ],
        [],
    ),
    (
        "reporters-in-a-dateline-and-pronoun-fragments-are-no-speakers/traditional",
        [
            "新華社北京5月19日電（記者田禾、夏川）科學院專家19日介紹了一項新的觀測計劃。",
            "我相信他說的話。對解某來說，這筆錢來得太晚了。",
        ],
        [],
    ),
]


CASES += [
    (
        "when-phrases-objects-and-glosses/traditional",
        [
            "「這是我們最好的一年。」球隊總教練鄭志龍受訪時說。",
            "立委黃珊珊質詢時直言，預算編列不合理。",
            "消基會董事長吳榮達提醒消費者，購買前應詳閱契約。",
            "美國國務卿布林肯（Antony Blinken）週二表示，美方樂見雙方對話。",
        ],
        ["鄭志龍", "黃珊珊", "吳榮達", "布林肯"],
    ),
    (
        "when-phrases-objects-and-glosses/simplified",
        [
            "「这是我们最好的一年。」球队总教练郑志龙受访时说。",
            "立委黄珊珊质询时直言，预算编列不合理。",
            "消基会董事长吴荣达提醒消费者，购买前应详阅契约。",
            "美国国务卿布林肯（Antony Blinken）周二表示，美方乐见双方对话。",
        ],
        ["郑志龙", "黄珊珊", "吴荣达", "布林肯"],
    ),
    (
        "words-after-a-name-and-before-its-verb/simplified",
        [
            "万千网友纷纷表示支持。张大伯和李大妈都说，这条路修好以后，赶集方便多了。",
            "“我们不会放弃。”球队主教练于德文赛后对记者说。",
            "“数据不会说谎。”研究团队负责人严佳琪这样解释。",
            "物理学家史蒂文·温伯格曾经说过，宇宙越是可以理解，就越显得没有意义。",
        ],
        ["于德文", "严佳琪", "史蒂文·温伯格"],
    ),
    (
        "words-after-a-name-and-before-its-verb/traditional",
        [
            "萬千網友紛紛表示支持。張大伯和李大媽都說，這條路修好以後，趕集方便多了。",
            "“我們不會放棄。”球隊主教練于德文賽後對記者說。",
            "“數據不會說謊。”研究團隊負責人嚴佳琪這樣解釋。",
            "物理學家史蒂文·溫伯格曾經說過，宇宙越是可以理解，就越顯得沒有意義。",
        ],
        ["于德文", "嚴佳琪", "史蒂文·溫伯格"],
    ),
    (
        "a-verb-used-as-a-noun-is-no-attribution/simplified",
        [
            "胡一帆（青川大学）出口结构的要素分析——以东湾为例",
            "林小禾的介绍很简短。经济学家林平分析，出口仍有韧性。",
        ],
        ["林平"],
    ),
    (
        "a-verb-used-as-a-noun-is-no-attribution/traditional",
        [
            "胡一帆（青川大學）出口結構的要素分析——以東灣為例",
            "林小禾的介紹很簡短。經濟學家林平分析，出口仍有韌性。",
        ],
        ["林平"],
    ),
]


@pytest.mark.parametrize(("case", "paragraphs", "people"), CASES, ids=[c[0] for c in CASES])
def test_speakers(case: str, paragraphs: list[str], people: list[str]) -> None:
    blocks = [Block(BlockType.PARAGRAPH, text) for text in paragraphs]
    found = find_speakers(blocks, None)
    assert sorted(s.name for s in found) == sorted(people), case
    for speaker in found:
        assert speaker.blocks and all(0 <= i < len(blocks) for i in speaker.blocks)


def test_short_forms_and_pronouns_give_their_passages_to_the_full_name() -> None:
    blocks = [
        Block(BlockType.PARAGRAPH, "发言人莉迪娅·霍恩表示，站上不允许饮酒。"),
        Block(BlockType.PARAGRAPH, "霍恩指出，这条规定已经执行了二十年。"),
        Block(BlockType.PARAGRAPH, "她还说，规定不会因为一次事故而放宽。"),
    ]
    assert [(s.name, s.blocks) for s in find_speakers(blocks, None)] == [("莉迪娅·霍恩", (0, 1, 2))]


def test_the_byline_author_is_no_speaker() -> None:
    blocks = [Block(BlockType.PARAGRAPH, "青川日报记者田野说，今年的果子比往年甜。")]
    assert find_speakers(blocks, "田野") == ()


def test_headings_and_captions_are_not_read() -> None:
    blocks = [
        Block(BlockType.HEADING, "罗岚表示"),
        Block(BlockType.CAPTION, "主任罗岚表示，新线路下月通车。"),
    ]
    assert find_speakers(blocks, None) == ()


@pytest.mark.parametrize(
    "text",
    [
        "毛主席曾经说过，好好学习。",
        "劉先生說，這雙鞋穿了三年。",
        "金医生解释说：“这种疗法并不新鲜。”",
        "古人云：“學而不思則罔。”",
        "有人说，时间是最好的良药。",
    ],
)
def test_a_surname_with_a_title_or_a_saying_names_nobody(text: str) -> None:
    assert find_speakers([Block(BlockType.PARAGRAPH, text)], None) == ()


def test_speakers_found_later_are_the_speakers_found_at_once() -> None:
    from reader.app import SAMPLE
    from reader.core import add_speakers, load_article

    at_once = load_article(SAMPLE)
    first = load_article(SAMPLE, speakers=False)
    assert at_once.speakers
    assert not first.speakers
    assert add_speakers(first).to_dict() == at_once.to_dict()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("青川县副县长欧阳明远表示，新桥将在年底通车。", "欧阳明远"),
        ("老师司马青坦言：“孩子们比我想的更懂事。”", "司马青"),
    ],
)
def test_a_compound_surname_takes_one_or_two_given_characters(text: str, name: str) -> None:
    assert [s.name for s in find_speakers([Block(BlockType.PARAGRAPH, text)], None)] == [name]


def test_a_word_table_reads_the_longest_word_at_a_position() -> None:
    table = WordTable(frozenset({"此前", "此前在", "在"}))
    assert table.at("李明此前在会上说", 2) == 3
    assert table.at("李明此前说", 2) == 2
    assert table.at("李明此前在说", 4) == 1
    assert table.at("李明说", 1) == 0
    assert table.at("李明", 2) == 0  # past the end of the text
