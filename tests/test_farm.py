"""Content-farm pages built here, in all their variety: the article comes out whole and the
farm's junk goes.

The pages are made by hypothesis strategies from this file's own prose (a fictional town,
fictional people and sites, `.example`/`.test` domains): watermark families with random
letter codes, rotating slogans, site-name suffixes, joiners, domains in half or full
width, zero-width noise, at the start or end of paragraphs or between two sentences, on a
share of the paragraphs; menus in both scripts; lists of other headlines. A recurring
person's name and a recurring place name must never be taken for a mark.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import Article, BlockType, Theme, extract
from reader.core.page import Page, PageFormat
from reader.core.watermark import find_families, strip_families
from reader.core.watermark_accept import _before_open_bracket
from reader.core.watermark_grow import Occurrence

#: One article: two or three sentences a paragraph. 沈望舒 and 蘆汀鎮 recur on purpose.
PARAGRAPHS = (
    "蘆汀鎮的碼頭在清晨五點就熱鬧起來。沈望舒把最後一筐蘆筍搬上貨車，抬頭看了看天色。",
    "這座小鎮靠種蘆筍出名，已經有四十多年。老一輩人說，最早的種子是從北方換來的。",
    "沈望舒今年三十二歲，大學畢業後回到蘆汀鎮，接手了父親留下的三十畝地。",
    "頭兩年他幾乎虧光了積蓄。土壤板結、雨水太多，收成一年不如一年。",
    "轉機出現在第三年。農技站的韋秋禾帶著檢測儀來到地頭，一塊一塊地測土。",
    "“問題不在種子，在排水。”韋秋禾說。她建議把田埂加高，再挖兩條明溝。",
    "沈望舒照做了。那年夏天連下了半個月的雨，他的地裡卻沒有積水。",
    "秋收時，他的畝產比鄰居高了三成。消息傳開後，蘆汀鎮不少農戶上門取經。",
    "如今鎮上成立了合作社，由沈望舒牽頭，統一採購、統一銷售，價格也穩了下來。",
    "合作社的倉庫就建在舊糧站旁邊，牆上還留著幾十年前刷的標語。",
    "每到週末，城裡的遊客會開車來採摘，順便在河邊的小館子吃一頓蘆筍宴。",
    "沈望舒說，他最大的心願是讓年輕人願意回來種地，而不是只在過年時回家看看。",
)
TITLE = "蘆汀鎮的蘆筍與一個回鄉青年"
HEADINGS = ("排水溝裡的答案", "合作社的第一年")

#: Parts of fictional site names, slogans and other stories' headlines.
SITE_PARTS = ("青禾", "遠帆", "晴川", "木棉", "拾光", "雲杉")
SITE_ENDS = ("快訊", "資訊", "頭條", "視界", "日報")
SLOGANS = (
    "每天讀一點新東西",
    "好文章值得慢慢看",
    "關心身邊的小事",
    "陪你看懂這個世界",
    "消息快一步，觀點深一層",
)
#: Between site name and slogan ("": none at all, the slogan glued to the site name).
JOINERS = ("——", "·", "｜", "：", " - ", "，", "")
SUFFIXES = ("", "網", "站")
HEADLINES = (
    "山城夜市的第一盞燈",
    "一位修鐘錶師傅的四十年",
    "舊書攤搬進了商場三樓",
    "渡口邊的早餐鋪為何排長隊",
    "海島小學的最後一屆畢業生",
    "雨季來臨前的菜價觀察",
)
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff")
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz"
#: A day/night menu as reader sites print it, in both scripts.
MENUS = {
    "traditional": ("閱讀設置", "夜間模式", "自動", "關閉", "開啟", "主題色"),
    "simplified": ("阅读设置", "夜间模式", "自动", "关闭", "开启", "主题色"),
}


def _full_width(text: str) -> str:
    """ASCII letters, digits and the dot as their full-width forms (ＷＵＳＯＮＧ．ＣＯＭ)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _folded(text: str) -> str:
    """`text` as compared here: NFKC, no zero-width characters, no spaces."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if c not in ZERO_WIDTH and not c.isspace()).lower()


@dataclass(frozen=True)
class Farm:
    """How one farm marks its pages."""

    site: str
    slogans: tuple[str, ...]
    joiner: str
    suffixes: tuple[str, ...]
    domain: str | None
    code: str | None  # None: no code; "": a new random code on every paragraph
    bracket: bool  # a bare site name in brackets instead of site + slogan
    full_width: bool
    noise: bool
    where: str  # start, end or middle
    share: float

    def junk(self) -> list[str]:
        """The strings that must not survive, as compared after folding."""
        out = [self.site, *self.slogans]
        if self.domain:
            out.append(self.domain)
        return [_folded(s) for s in out]


@st.composite
def farms(draw: st.DrawFn) -> Farm:
    site = draw(st.sampled_from(SITE_PARTS)) + draw(st.sampled_from(SITE_ENDS))
    bracket = draw(st.booleans())
    slogans = (
        () if bracket else tuple(draw(st.sets(st.sampled_from(SLOGANS), min_size=1, max_size=3)))
    )
    has_domain = draw(st.booleans()) or (bracket and draw(st.booleans()))
    domain = None
    if has_domain:
        name = draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=5, max_size=9))
        domain = f"{name}.{draw(st.sampled_from(['example', 'test']))}".upper()
    code_kind = draw(st.sampled_from(["none", "fixed", "random"]))
    code = None
    if code_kind == "fixed":
        code = draw(st.text(alphabet=LETTERS, min_size=2, max_size=4))
    elif code_kind == "random":
        code = ""
    return Farm(
        site=site,
        slogans=slogans,
        joiner=draw(st.sampled_from(JOINERS)),
        suffixes=tuple(draw(st.sets(st.sampled_from(SUFFIXES), min_size=1, max_size=3))),
        domain=domain,
        code=code,
        bracket=bracket,
        full_width=draw(st.booleans()),
        noise=draw(st.booleans()),
        where=draw(st.sampled_from(["start", "end", "middle"])),
        share=draw(st.sampled_from([0.6, 0.8, 1.0])),
    )


def _mark(farm: Farm, i: int, draw: st.DrawFn) -> str:
    """The run the farm injects into its i-th marked paragraph."""
    code = farm.code
    if code == "":
        code = draw(st.text(alphabet=LETTERS, min_size=2, max_size=4))
    site = farm.site + farm.suffixes[i % len(farm.suffixes)]
    if farm.bracket:
        opening, closing = draw(st.sampled_from([("【", "】"), ("（", "）"), ("[", "]")]))
        text = f"{opening}{farm.site}{closing}"
    else:
        text = (code or "") + site + farm.joiner + farm.slogans[i % len(farm.slogans)]
    domain = farm.domain or ""
    if farm.full_width:
        domain = _full_width(domain)
    text += domain
    if farm.noise:
        chars = list(text)
        for _ in range(draw(st.integers(1, 4))):
            pos = draw(st.integers(1, len(chars)))
            chars.insert(pos, draw(st.sampled_from(ZERO_WIDTH)))
        text = "".join(chars)
    return text


def _marked(farm: Farm, paragraph: str, mark: str) -> str:
    if farm.where == "start":
        return mark + paragraph
    if farm.where == "end":
        return paragraph + mark
    first, _, rest = paragraph.partition("。")
    return f"{first}。{mark}{rest}" if rest else paragraph + mark


@st.composite
def farm_pages(draw: st.DrawFn) -> tuple[Farm, list[str], str]:
    """(farm, the article's paragraphs as the page shows them, script of its menu)."""
    farm = draw(farms())
    count = draw(st.integers(8, len(PARAGRAPHS)))
    paras = list(PARAGRAPHS[:count])
    marked = sorted(draw(st.permutations(range(count)))[: max(4, round(farm.share * count))])
    # Each slogan is used at least twice: a family is seen by its repetition.
    if farm.slogans and len(marked) < 2 * len(farm.slogans):
        farm = Farm(**{**farm.__dict__, "slogans": farm.slogans[:1]})
    shown = list(paras)
    for n, i in enumerate(marked):
        shown[i] = _marked(farm, paras[i], _mark(farm, n, draw))
    return farm, shown, draw(st.sampled_from(["traditional", "simplified"]))


def _html(shown: list[str], script: str, *, heading_mark: str, night: bool) -> str:
    menu = MENUS[script]
    on, off = ("active", "") if night else ("", "active")
    items = "".join(f"<li><a href='/n/{i}'>{h}</a></li>" for i, h in enumerate(HEADLINES))
    paras = [f"<p>{p}</p>" for p in shown]
    paras.insert(3, f"<h2>{HEADINGS[0]}{heading_mark}</h2>")
    paras.insert(7, f"<h2>{HEADINGS[1]}</h2>")
    return (
        "<html><head><meta charset='utf-8'><title>" + TITLE + "</title></head><body>"
        f"<div class='top-setting'><span>{menu[0]}</span><ul><li class='daynight'>"
        f"<span>{menu[1]}</span><ul><li data-mode='system'>{menu[2]}</li>"
        f"<li data-mode='light' class='{off}'>{menu[3]}</li>"
        f"<li data-mode='dark' class='{on}'>{menu[4]}</li></ul></li></ul></div>"
        "<ul class='nav'><li><a href='/'>首頁</a></li><li><a href='/news'>新聞</a></li></ul>"
        f"<div class='article'><h1>{TITLE}</h1><div class='info'>2024-03-18 09:30</div>"
        f"<div class='content'>{''.join(paras)}</div></div>"
        f"<div class='hot'><h3>熱門資訊</h3><ul>{items}</ul></div></body></html>"
    )


def _text_dump(shown: list[str], script: str, *, heading_mark: str) -> str:
    lines = [*MENUS[script], "首頁 > 本地 > 正文", TITLE, "2024-03-18 09:30 來源：本地"]
    body = list(shown)
    body.insert(3, HEADINGS[0] + heading_mark)
    body.insert(7, HEADINGS[1])
    lines += body
    lines += [
        f"本文鏈接：{TITLE}http://m.farm.example/show-1-2.html",
        "免責聲明：本文內容來源於網絡，僅供學習交流之用，如有侵權請聯繫我們處理。",
        f"上一篇：{HEADLINES[0]}",
        f"下一篇：{HEADLINES[1]}",
        "熱門資訊",
        *HEADLINES[2:],
        "推薦閱讀",
        *HEADLINES[:3],
    ]
    return "\n\n".join(lines)


def _assert_clean(article: Article, farm: Farm, paragraphs: list[str]) -> None:
    texts = [b.text for b in article.blocks if b.type is not BlockType.IMAGE]
    for p in paragraphs:
        assert p in texts, f"paragraph not whole: {p}"
    folded = [_folded(t) for t in [article.title, *texts]]
    for junk in farm.junk():
        assert not any(junk in t for t in folded), f"leaked {junk!r}"
    for headline in HEADLINES:
        assert headline not in texts
    assert [s.title for s in article.sections] == list(HEADINGS)
    marks = [r for r in article.removed if r.reason == "watermark"]
    assert marks, "no watermark family listed as removed"
    assert all(r.count and r.count >= 3 for r in marks)


@settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(page=farm_pages(), night=st.booleans(), heading_marked=st.booleans())
def test_farm_html_page_keeps_the_article_whole(
    page: tuple[Farm, list[str], str], night: bool, heading_marked: bool
) -> None:
    farm, shown, script = page
    paragraphs = list(PARAGRAPHS[: len(shown)])
    heading_mark = shown[0][len(paragraphs[0]) :] if heading_marked and farm.where == "end" else ""
    markup = _html(shown, script, heading_mark=heading_mark, night=night)
    article = extract(Page(markup, PageFormat.HTML, "utf-8"))
    _assert_clean(article, farm, paragraphs)
    assert article.title == TITLE
    assert article.theme is (Theme.DARK if night else Theme.LIGHT)


@settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(page=farm_pages())
def test_farm_text_dump_keeps_the_article_whole(page: tuple[Farm, list[str], str]) -> None:
    farm, shown, script = page
    paragraphs = list(PARAGRAPHS[: len(shown)])
    article = extract(Page(_text_dump(shown, script, heading_mark=""), PageFormat.TEXT, "utf-8"))
    _assert_clean(article, farm, paragraphs)
    assert article.title == TITLE
    assert article.url == "http://m.farm.example/show-1-2.html"
    texts = [b.text for b in article.blocks]
    assert not any("上一篇" in t or "免責聲明" in t or "熱門資訊" in t for t in texts)


# --------------------------------------------------------------------------- false positives


def test_recurring_name_is_not_a_watermark() -> None:
    """沈望舒 and 蘆汀鎮 open sentences and stand inside them through the article."""
    assert find_families(list(PARAGRAPHS)) == []


def test_name_opening_every_paragraph_is_not_a_watermark() -> None:
    """A subject that opens most paragraphs (a report on one ministry) stays."""
    paras = ["蘆汀鎮農業局" + p for p in PARAGRAPHS[:5]] + list(PARAGRAPHS[5:])
    families = find_families(paras)
    assert families == []
    assert [strip_families(p, families) for p in paras] == paras


def test_domain_ends_a_mark_before_a_recurring_subject() -> None:
    """The paragraphs open with the article's subject right after the farm's domain: the
    subject stays, the mark goes."""
    subject = "蘆汀鎮合作社"
    paras = [
        f"{code}青禾快訊——{slogan}QINGHE.EXAMPLE{subject}{p}"
        for code, slogan, p in zip(
            ("Ab", "", "XYZ", "Qm", "", "Tk"), (SLOGANS * 2)[:6], PARAGRAPHS[:6], strict=True
        )
    ]
    families = find_families(paras)
    assert len(families) == 1
    assert [strip_families(t, families) for t in paras] == [subject + p for p in PARAGRAPHS[:6]]


@given(code=st.text(alphabet=LETTERS, min_size=2, max_size=4), colon=st.sampled_from(":："))
@settings(max_examples=20, deadline=None, derandomize=True)
def test_site_name_and_colon_before_rotating_slogans_is_a_mark(code: str, colon: str) -> None:
    """「晴川頭條：」 opens every paragraph, then one of several slogans seen a few times
    each: not a speaker's label."""
    paras = [
        f"{code if i % 3 == 0 else ''}晴川頭條{colon}{SLOGANS[i % len(SLOGANS)]}{p}"
        for i, p in enumerate(PARAGRAPHS)
    ]
    families = find_families(paras)
    assert [strip_families(t, families) for t in paras] == list(PARAGRAPHS)


@pytest.mark.parametrize(
    "marks",
    [
        ("（雲杉日報）YUNSHAN.TEST", "[雲杉日報]YUNSHAN.TEST"),  # a domain
        ("Qx雲杉日報網 - 關心身邊的小事", "雲杉日報站 - 關心身邊的小事"),  # code and suffix vary
    ],
)
def test_short_article_marked_on_two_paragraphs(marks: tuple[str, str]) -> None:
    paras = list(PARAGRAPHS[:5])
    shown = [paras[0], paras[1] + marks[0], paras[2], paras[3] + marks[1], paras[4]]
    families = find_families(shown)
    assert [strip_families(t, families) for t in shown] == paras


def test_short_article_refrain_is_kept() -> None:
    """The same words closing two paragraphs of a short piece are its refrain."""
    refrain = "河水還在流"
    paras = [p + refrain if i in (1, 3) else p for i, p in enumerate(PARAGRAPHS[:5])]
    assert find_families(paras) == []


def test_word_ending_closing_program_lines_is_kept() -> None:
    """ "樓會議室" ends four place lines of a program, glued to the floor before it."""
    places = [f"地點：蘆汀鎮文化站{floor}樓會議室" for floor in "二三五三"]
    lines = ["蘆汀鎮蘆筍產業研討會日程", *places, PARAGRAPHS[0]]
    assert find_families(lines) == []


def test_short_article_with_a_site_name_and_slogans_each_seen_once_is_cut() -> None:
    """Four of six paragraphs close with 「Qx晴川頭條站：」 and a slogan, a different one
    each time, or the name with another suffix: the colon is the mark's own."""
    ends = [
        "Qx晴川頭條站：" + SLOGANS[0],
        "Tk晴川頭條站：" + SLOGANS[1],
        "晴川頭條網：" + SLOGANS[2],
    ]
    ends.append("晴川頭條站：" + SLOGANS[0])
    paras = list(PARAGRAPHS[:6])
    shown = [p + ends[i] if i < 3 else p for i, p in enumerate(paras[:5])] + [paras[5] + ends[3]]
    families = find_families(shown)
    assert [strip_families(t, families) for t in shown] == paras


@pytest.mark.parametrize(
    ("run", "kept"),
    [
        ("qx晴川頭條,每天讀一點新東西(詳情見官網:", "qx晴川頭條,每天讀一點新東西"),  # opened only
        ("(晴川頭條)每天讀一點新東西", "(晴川頭條)每天讀一點新東西"),  # opened and closed
        ("晴川頭條 - 每天讀一點新東西", "晴川頭條 - 每天讀一點新東西"),  # no bracket
    ],
)
def test_a_mark_ends_before_a_bracket_it_opens_and_does_not_close(run: str, kept: str) -> None:
    """The article's own 「（詳情見官網：」 after a mark (its link lost in copying) recurs
    too, but a mark never leaves a bracket open: the run ends before it (a run ending in
    that colon was taken for a speaker's label, and the family let go)."""
    text = "沈望舒把蘆筍搬上貨車。" + run
    occ = Occurrence(0, len(text) - len(run), len(text), set())
    _before_open_bracket(occ, text)
    assert text[occ.start : occ.end] == kept


def test_interview_labels_with_answers_opening_alike_are_not_a_watermark() -> None:
    """Two answers opening with the same words do not make the label a mark: the answer
    goes on to a sentence's end."""
    qa = [
        ("記者：" if i % 2 == 0 else "沈望舒：我們" if i in (1, 5) else "沈望舒：") + p
        for i, p in enumerate(PARAGRAPHS)
    ]
    assert find_families(qa) == []


def test_interview_labels_are_not_a_watermark() -> None:
    qa = [("記者：" if i % 2 == 0 else "沈望舒：") + p for i, p in enumerate(PARAGRAPHS)]
    assert find_families(qa) == []


def test_dated_openings_are_not_a_watermark() -> None:
    """ "3月份，" opens each paragraph of a monthly report: digits are not a site name."""
    paras = [f"3月份，蘆汀鎮{p}" for p in PARAGRAPHS[:6]]
    assert find_families(paras) == []


def test_latin_text_is_left_alone() -> None:
    paras = [f"Senator Ada Wren said the harbour plan {i} would go ahead." for i in range(8)]
    assert find_families(paras) == []


def test_domain_inside_a_link_is_kept() -> None:
    mark = "青禾快訊——每天讀一點新東西QINGHE.EXAMPLE"
    paras = [p + mark for p in PARAGRAPHS[:6]]
    families = find_families(paras)
    assert len(families) == 1
    assert families[0].count == 6
    link = "原文：http://www.qinghe.example/a/1.html"
    assert strip_families(link, families) == link


def test_new_code_and_code_glued_to_a_word_are_cut() -> None:
    """A paragraph past those looked at carries a code never seen; a code glued to a
    Latin word is told apart by its case."""
    mark = "青禾快訊——每天讀一點新東西QINGHE.EXAMPLE"
    paras = [
        code + mark + p for code, p in zip(("Ab", "Cde", "Fg", "Hjk"), PARAGRAPHS, strict=False)
    ]
    families = find_families(paras)
    assert strip_families("沈望舒說。Zqw" + mark + "好。", families) == "沈望舒說。好。"
    assert strip_families("Keywords: Farm CooperativeKY" + mark, families) == (
        "Keywords: Farm Cooperative"
    )


def test_removed_lists_each_family_once_with_its_count() -> None:
    mark = "（青禾快訊）QINGHE.EXAMPLE"
    paras = [p + mark for p in PARAGRAPHS[:9]]
    body = "".join(f"<p>{p}</p>" for p in paras)
    markup = f"<html><body><div class='content'><h1>{TITLE}</h1>{body}</div></body></html>"
    article = extract(Page(markup, PageFormat.HTML, "utf-8"))
    entries = [r for r in article.to_dict()["removed"] if r["reason"] == "watermark"]
    assert entries == [{"reason": "watermark", "text": mark, "count": 9}]
    others = [r for r in article.to_dict()["removed"] if r["reason"] != "watermark"]
    assert all(set(r) == {"reason", "text"} for r in others)
    assert [b.text for b in article.blocks] == list(PARAGRAPHS[:9])


# --------------------------------------------------------------------------- text-dump headings

#: A blog written without punctuation: lines of twenty-odd characters.
UNPUNCTUATED = (
    "清晨的蘆汀鎮碼頭霧氣還沒散開 漁船一艘接一艘地靠岸 岸上站滿了人",
    "沈望舒蹲在岸邊看著工人把蘆筍一筐筐抬上貨車 心裡盤算著今年的收成",
    "合作社的倉庫裡堆滿了紙箱 韋秋禾正在核對出貨單上的數字 真忙!",
    "午後下起了小雨 遊客們躲進河邊的小館子點了一桌蘆筍宴",
    "老闆說今年的客人比去年多了兩成 連週一都要排隊",
    "傍晚雨停了 河面上映著晚霞 幾個孩子在堤岸上追著跑",
)


def _dump(body: list[str]) -> Article:
    lines = [TITLE, "2024-03-18 09:30 來源：本地", *body]
    return extract(Page("\n\n".join(lines), PageFormat.TEXT, "utf-8"))


@given(at=st.sets(st.integers(1, len(UNPUNCTUATED) - 1), min_size=1, max_size=2))
@settings(max_examples=10, deadline=None, derandomize=True)
def test_headings_in_unpunctuated_text_dump(at: set[int]) -> None:
    """A heading is much shorter than the lines of a blog without punctuation; those
    lines, shorter than thirty characters, are not headings, and a heading over three of
    them is no list's label."""
    body = list(UNPUNCTUATED)
    for n, i in enumerate(sorted(at, reverse=True)):
        body.insert(i, HEADINGS[n])
    article = _dump(body)
    assert [s.title for s in article.sections] == list(HEADINGS[: len(at)])[::-1]
    assert [b.text for b in article.blocks if b.type is BlockType.PARAGRAPH] == list(UNPUNCTUATED)


def test_heading_before_a_field_and_headings_in_a_row() -> None:
    """A heading may head a notice's field line ("發文字號：…"), or another heading."""
    body = [
        PARAGRAPHS[0],
        HEADINGS[0],
        "發文字號：蘆汀鎮政府〔2024〕3號 發布日期：2024年03月18日",
        PARAGRAPHS[1],
        "第二部分",
        HEADINGS[1],
        PARAGRAPHS[2],
        "沈望舒在倉庫清點紙箱 本報記者 韋禾 攝",  # a caption before a heading
        "合作社的明天",
        PARAGRAPHS[3],
    ]
    article = _dump(body)
    assert [s.title for s in article.sections] == [
        HEADINGS[0],
        "第二部分",
        HEADINGS[1],
        "合作社的明天",
    ]


def test_program_entries_are_not_headings() -> None:
    """A program's short entries with times stay paragraphs."""
    body = [
        PARAGRAPHS[0],
        "9:30 開幕",
        "9:50—10:10 大會休息 拍照留念並參觀合作社倉庫",
        "10:10 蘆筍種植經驗分享會與農技站的現場答問",
        PARAGRAPHS[1],
    ]
    article = _dump(body)
    assert [s.title for s in article.sections] == []
