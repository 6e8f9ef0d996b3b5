"""Speakers on a second set of the project's own sentences (fictional people), written after
the finder was built, to measure how it carries over: the attribution forms of news prose
(据…介绍, …表示, …坦言, 在…看来, 接受…采访时说, …对记者说, a quote then its speaker,
姓名（职务）：, an interview's turns), names in Latin script or with a middle dot, officials
with their posts, and the words that are no person: plural groups (专家们, 村民们), bodies
that speak (公司表示), roles, and sentences that quote nobody. Each case in both scripts."""

from __future__ import annotations

import pytest

from reader.core.article import Block, BlockType
from reader.core.speakers import find_speakers

#: (case, paragraphs, the people quoted): Simplified, then the same in Traditional script.
CASES: list[tuple[str, list[str], list[str]]] = [
    (
        "ju-jieshao/simplified",
        ["据县农业局副局长潘德明介绍，今年全县的早稻比去年多收了一成。"],
        ["潘德明"],
    ),
    (
        "biaoshi-after-post/simplified",
        ["镇卫生院院长柯晓岚表示，新门诊楼将在年底前启用。"],
        ["柯晓岚"],
    ),
    (
        "tanyan-with-quote/simplified",
        ["谈到未来的打算，退休教师鲁光远坦言：“我还想再教几年书。”"],
        ["鲁光远"],
    ),
    ("zai-kanlai/simplified", ["在经济学者骆一鸣看来，这轮降价不会持续太久。"], ["骆一鸣"]),
    (
        "interview-said/simplified",
        ["青禾科技创始人闵若溪接受本报记者采访时说，公司明年不会裁员。"],
        ["闵若溪"],
    ),
    (
        "dui-jizhe-shuo/simplified",
        ["快递员邬建平对记者说，双十一前后他每天要跑两百多单。"],
        ["邬建平"],
    ),
    ("quote-first-then-name/simplified", ["“这座桥我们等了二十年。”村支书滕永福说。"], ["滕永福"]),
    ("quote-first-biaoshi/simplified", ["“价格不是唯一的考虑。”饶志恒表示。"], ["饶志恒"]),
    (
        "name-post-colon/simplified",
        ["阙思远（社区医生）：孩子发烧超过三天，一定要回来复查。"],
        ["阙思远"],
    ),
    (
        "interview-turns/simplified",
        [
            "本报记者专访了策展人宓雅文。",
            "记者：这次展览的主题是什么？",
            "宓雅文：是城市里的河流，每一件作品都和水有关。",
        ],
        ["宓雅文"],
    ),
    ("latin-name/simplified", ["项目负责人Daniel Rowe表示，第一批设备下周到货。"], ["Daniel Rowe"]),
    (
        "latin-name-tanyan/simplified",
        ["咨询公司合伙人Mia Chen坦言，今年的订单比预期少。"],
        ["Mia Chen"],
    ),
    (
        "dotted-name/simplified",
        ["来自挪威的工程师英格丽·索尔伯格说，风机的叶片需要每年检查一次。"],
        ["英格丽·索尔伯格"],
    ),
    ("transliterated-undotted/simplified", ["主持人安德烈亚说，节目将在周五播出。"], ["安德烈亚"]),
    (
        "official-on-meeting/simplified",
        ["省教育厅厅长蒲建新在会上强调，不得以任何名义增加学生的课业负担。"],
        ["蒲建新"],
    ),
    (
        "filler-before-verb/simplified",
        ["副市长尤嘉禾此前在接受电视台采访时曾表示，老城区的改造不会一刀切。"],
        ["尤嘉禾"],
    ),
    ("zhiyan-buhui/simplified", ["社区主任褚文静则直言不讳：“这个问题拖得太久了。”"], ["褚文静"]),
    (
        "fenxi-cheng/simplified",
        ["对此，研究员詹其瑞分析称，出口的回暖主要来自机电产品。"],
        ["詹其瑞"],
    ),
    (
        "university-professor/simplified",
        ["华中师范大学教授祁远航认为，乡村学校最缺的是稳定的老师。"],
        ["祁远航"],
    ),
    ("smiling-colon/simplified", ["年轻的志愿者卓一凡笑着说：“能帮上忙就好。”"], ["卓一凡"]),
    (
        "two-joined/simplified",
        ["居民代表邢海波和姚丽娟都表示，希望尽快恢复供暖。"],
        ["邢海波", "姚丽娟"],
    ),
    ("place-before-name/simplified", ["马来西亚旅客陈志豪说，这里的早餐很地道。"], ["陈志豪"]),
    (
        "pronoun-resolves/simplified",
        ["樊晓婷是一名儿科护士，已经在病房工作了十二年。", "她说，夜班最难熬的是凌晨三点。"],
        ["樊晓婷"],
    ),
    ("experts-plural/simplified", ["专家们普遍认为，明年房价将趋于平稳。"], []),
    ("villagers-plural/simplified", ["村民们说，修路以后卖菜方便多了。"], []),
    ("programmers-plural/simplified", ["程序员们坦言，加班已经成了常态。"], []),
    ("some-teachers/simplified", ["几位老师表示，学生的课外阅读量明显下降。"], []),
    ("company-speaks/simplified", ["公司表示，将对受影响的用户进行补偿。"], []),
    ("group-statement/simplified", ["南岭集团在声明中称，相关报道与事实不符。"], []),
    ("learned-from-bureau/simplified", ["记者从市交通委获悉，地铁六号线将于下月试运行。"], []),
    ("a-guard/simplified", ["在场的一名保安告诉记者，火是从二楼烧起来的。"], []),
    ("two-interviewees/simplified", ["两位受访者都承认，自己并不清楚退费的流程。"], []),
    ("ju-liaojie/simplified", ["据了解，该项目总投资约十二亿元。"], []),
    ("ju-jieshao-nobody/simplified", ["据介绍，这批文物将在明年春天展出。"], []),
    ("source-insider/simplified", ["消息人士透露，谈判可能推迟到下周。"], []),
    ("surname-and-title/simplified", ["王先生说，他已经在窗口前等了三个小时。"], []),
    ("novel-is-no-verb/simplified", ["这部小说讲的是一个渔村三代人的故事。"], []),
    ("forecast/simplified", ["根据气象台的预报，周末有小雨，气温略有下降。"], []),
    ("qa-anonymous/simplified", ["问：您为什么选择回乡创业？", "答：因为家里的老人需要照顾。"], []),
    ("delegates-leave/simplified", ["会议结束后，与会代表陆续离场。"], []),
    (
        "quotes-nobody/simplified",
        ["这座古镇始建于明代，镇上至今保留着三十多座老宅。", "每年春天，河两岸的油菜花开成一片。"],
        [],
    ),
    (
        "ju-jieshao/traditional",
        ["據縣農業局副局長潘德明介紹，今年全縣的早稻比去年多收了一成。"],
        ["潘德明"],
    ),
    (
        "biaoshi-after-post/traditional",
        ["鎮衛生院院長柯曉嵐表示，新門診樓將在年底前啓用。"],
        ["柯曉嵐"],
    ),
    (
        "tanyan-with-quote/traditional",
        ["談到未來的打算，退休教師魯光遠坦言：“我還想再教幾年書。”"],
        ["魯光遠"],
    ),
    ("zai-kanlai/traditional", ["在經濟學者駱一鳴看來，這輪降價不會持續太久。"], ["駱一鳴"]),
    (
        "interview-said/traditional",
        ["青禾科技創始人閔若溪接受本報記者採訪時說，公司明年不會裁員。"],
        ["閔若溪"],
    ),
    (
        "dui-jizhe-shuo/traditional",
        ["快遞員鄔建平對記者說，雙十一前後他每天要跑兩百多單。"],
        ["鄔建平"],
    ),
    ("quote-first-then-name/traditional", ["“這座橋我們等了二十年。”村支書滕永福說。"], ["滕永福"]),
    ("quote-first-biaoshi/traditional", ["“價格不是唯一的考慮。”饒志恆表示。"], ["饒志恆"]),
    (
        "name-post-colon/traditional",
        ["闕思遠（社區醫生）：孩子發燒超過三天，一定要回來復查。"],
        ["闕思遠"],
    ),
    (
        "interview-turns/traditional",
        [
            "本報記者專訪了策展人宓雅文。",
            "記者：這次展覽的主題是什麼？",
            "宓雅文：是城市裏的河流，每一件作品都和水有關。",
        ],
        ["宓雅文"],
    ),
    (
        "latin-name/traditional",
        ["項目負責人Daniel Rowe表示，第一批設備下週到貨。"],
        ["Daniel Rowe"],
    ),
    (
        "latin-name-tanyan/traditional",
        ["諮詢公司合夥人Mia Chen坦言，今年的訂單比預期少。"],
        ["Mia Chen"],
    ),
    (
        "dotted-name/traditional",
        ["來自挪威的工程師英格麗·索爾伯格說，風機的葉片需要每年檢查一次。"],
        ["英格麗·索爾伯格"],
    ),
    ("transliterated-undotted/traditional", ["主持人安德烈亞說，節目將在週五播出。"], ["安德烈亞"]),
    (
        "official-on-meeting/traditional",
        ["省教育廳廳長蒲建新在會上強調，不得以任何名義增加學生的課業負擔。"],
        ["蒲建新"],
    ),
    (
        "filler-before-verb/traditional",
        ["副市長尤嘉禾此前在接受電視臺採訪時曾表示，老城區的改造不會一刀切。"],
        ["尤嘉禾"],
    ),
    ("zhiyan-buhui/traditional", ["社區主任褚文靜則直言不諱：“這個問題拖得太久了。”"], ["褚文靜"]),
    (
        "fenxi-cheng/traditional",
        ["對此，研究員詹其瑞分析稱，出口的回暖主要來自機電產品。"],
        ["詹其瑞"],
    ),
    (
        "university-professor/traditional",
        ["華中師範大學教授祁遠航認爲，鄉村學校最缺的是穩定的老師。"],
        ["祁遠航"],
    ),
    ("smiling-colon/traditional", ["年輕的志願者卓一凡笑着說：“能幫上忙就好。”"], ["卓一凡"]),
    (
        "two-joined/traditional",
        ["居民代表邢海波和姚麗娟都表示，希望儘快恢復供暖。"],
        ["邢海波", "姚麗娟"],
    ),
    ("place-before-name/traditional", ["馬來西亞旅客陳志豪說，這裏的早餐很地道。"], ["陳志豪"]),
    (
        "pronoun-resolves/traditional",
        ["樊曉婷是一名兒科護士，已經在病房工作了十二年。", "她說，夜班最難熬的是凌晨三點。"],
        ["樊曉婷"],
    ),
    ("experts-plural/traditional", ["專家們普遍認爲，明年房價將趨於平穩。"], []),
    ("villagers-plural/traditional", ["村民們說，修路以後賣菜方便多了。"], []),
    ("programmers-plural/traditional", ["程序員們坦言，加班已經成了常態。"], []),
    ("some-teachers/traditional", ["幾位老師表示，學生的課外閱讀量明顯下降。"], []),
    ("company-speaks/traditional", ["公司表示，將對受影響的用戶進行補償。"], []),
    ("group-statement/traditional", ["南嶺集團在聲明中稱，相關報道與事實不符。"], []),
    ("learned-from-bureau/traditional", ["記者從市交通委獲悉，地鐵六號線將於下月試運行。"], []),
    ("a-guard/traditional", ["在場的一名保安告訴記者，火是從二樓燒起來的。"], []),
    ("two-interviewees/traditional", ["兩位受訪者都承認，自己並不清楚退費的流程。"], []),
    ("ju-liaojie/traditional", ["據瞭解，該項目總投資約十二億元。"], []),
    ("ju-jieshao-nobody/traditional", ["據介紹，這批文物將在明年春天展出。"], []),
    ("source-insider/traditional", ["消息人士透露，談判可能推遲到下週。"], []),
    ("surname-and-title/traditional", ["王先生說，他已經在窗口前等了三個小時。"], []),
    ("novel-is-no-verb/traditional", ["這部小說講的是一個漁村三代人的故事。"], []),
    ("forecast/traditional", ["根據氣象臺的預報，週末有小雨，氣溫略有下降。"], []),
    (
        "qa-anonymous/traditional",
        ["問：您爲什麼選擇回鄉創業？", "答：因爲家裏的老人需要照顧。"],
        [],
    ),
    ("delegates-leave/traditional", ["會議結束後，與會代表陸續離場。"], []),
    (
        "quotes-nobody/traditional",
        ["這座古鎮始建於明代，鎮上至今保留着三十多座老宅。", "每年春天，河兩岸的油菜花開成一片。"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_speakers_of_fresh_sentences(paragraphs: list[str], expected: list[str]) -> None:
    blocks = [Block(BlockType.PARAGRAPH, p) for p in paragraphs]
    assert sorted(s.name for s in find_speakers(blocks, None)) == sorted(expected)


#: Forms met on real pages outside the development set (an essay quoting historical people,
#: an encyclopedia entry, a meeting report), each on the project's own sentence.
MECHANISM_CASES: list[tuple[str, list[str], list[str]]] = [
    (
        "name-glossed-in-latin/simplified",
        ["早在百年前，卡尔(Peter Karl)就指出，城市总会向河流的下游扩张。"],
        ["卡尔"],
    ),
    (
        "surname-heads-a-transcription/simplified",
        ["狄米特里回答说：“我只做我会做的菜。”"],
        ["狄米特里"],
    ),
    (
        "named-as-apposition/simplified",
        ["一位名叫莫妮卡·贝尔的护士对记者说，病房里最缺的是人手。"],
        ["莫妮卡·贝尔"],
    ),
    ("suoyan/simplified", ["正如作家塔洛维所言：“好的故事从不解释自己。”"], ["塔洛维"]),
    ("byline-and-title-line-is-no-turn/simplified", ["庞立言：古镇的最后一个夏天"], []),
    (
        "verb-after-a-quoted-event/simplified",
        ["城市规划学者苗一川在“河湾城市论坛”上表示，老码头应当保留下来。"],
        ["苗一川"],
    ),
    (
        "dotted-name-is-a-pronouns-person/simplified",
        ["汉娜·罗森把这座城市比作一本没有写完的书。她指出：“每条街都有自己的句子。”"],
        ["汉娜·罗森"],
    ),
    ("zhuanwen/simplified", ["地理学家谷云峰撰文指出，这条河的改道已有三百年。"], ["谷云峰"]),
    (
        "name-glossed-in-latin/traditional",
        ["早在百年前，卡爾(Peter Karl)就指出，城市總會向河流的下游擴張。"],
        ["卡爾"],
    ),
    (
        "surname-heads-a-transcription/traditional",
        ["狄米特里回答說：“我只做我會做的菜。”"],
        ["狄米特里"],
    ),
    (
        "named-as-apposition/traditional",
        ["一位名叫莫妮卡·貝爾的護士對記者說，病房裏最缺的是人手。"],
        ["莫妮卡·貝爾"],
    ),
    ("suoyan/traditional", ["正如作家塔洛維所言：“好的故事從不解釋自己。”"], ["塔洛維"]),
    ("byline-and-title-line-is-no-turn/traditional", ["龐立言：古鎮的最後一個夏天"], []),
    (
        "verb-after-a-quoted-event/traditional",
        ["城市規劃學者苗一川在“河灣城市論壇”上表示，老碼頭應當保留下來。"],
        ["苗一川"],
    ),
    (
        "dotted-name-is-a-pronouns-person/traditional",
        ["漢娜·羅森把這座城市比作一本沒有寫完的書。她指出：“每條街都有自己的句子。”"],
        ["漢娜·羅森"],
    ),
    ("zhuanwen/traditional", ["地理學家谷雲峯撰文指出，這條河的改道已有三百年。"], ["谷雲峯"]),
    (
        "glossed-with-one-character-outside-the-table/simplified",
        ["书中，森川(Haruto Morikawa)指出：城市的边界总在移动。"],
        ["森川"],
    ),
    (
        "transcription-with-dang-and-di/simplified",
        ["换言之，亚当·科尔早就指出：市场需要规则。", "提奥多罗底说“先认识你自己”。"],
        ["亚当·科尔", "提奥多罗底"],
    ),
    (
        "run-gives-back-the-next-word/simplified",
        ["其中写到，勃洛涅夫当年曾对他的学生说：“别怕犯错。”"],
        ["勃洛涅夫"],
    ),
    (
        "a-word-before-the-gloss-is-no-name/simplified",
        ["叫德维斯(Davis)的老船长就说：“海上没有捷径。”"],
        [],
    ),
    (
        "glossed-with-one-character-outside-the-table/traditional",
        ["書中，森川(Haruto Morikawa)指出：城市的邊界總在移動。"],
        ["森川"],
    ),
    (
        "transcription-with-dang-and-di/traditional",
        ["換言之，亞當·科爾早就指出：市場需要規則。", "提奧多羅底說“先認識你自己”。"],
        ["亞當·科爾", "提奧多羅底"],
    ),
    (
        "run-gives-back-the-next-word/traditional",
        ["其中寫到，勃洛涅夫當年曾對他的學生說：“別怕犯錯。”"],
        ["勃洛涅夫"],
    ),
    (
        "a-word-before-the-gloss-is-no-name/traditional",
        ["叫德維斯(Davis)的老船長就說：“海上沒有捷徑。”"],
        [],
    ),
    (
        "preposition-between-name-and-verb/simplified",
        ["研究员何思源根据三年的调查数据指出，河流的含沙量在下降。"],
        ["何思源"],
    ),
    (
        "transcription-with-jia/simplified",
        ["在当年的小城，最重要的是铁路。别佳洛夫指出，车站改变了一切。"],
        ["别佳洛夫"],
    ),
    (
        "preposition-between-name-and-verb/traditional",
        ["研究員何思源根據三年的調查數據指出，河流的含沙量在下降。"],
        ["何思源"],
    ),
    (
        "transcription-with-jia/traditional",
        ["在當年的小城，最重要的是鐵路。別佳洛夫指出，車站改變了一切。"],
        ["別佳洛夫"],
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [c[1:] for c in MECHANISM_CASES],
    ids=[c[0] for c in MECHANISM_CASES],
)
def test_speakers_of_forms_met_outside_the_dev_set(
    paragraphs: list[str], expected: list[str]
) -> None:
    blocks = [Block(BlockType.PARAGRAPH, p) for p in paragraphs]
    assert sorted(s.name for s in find_speakers(blocks, None)) == sorted(expected)
