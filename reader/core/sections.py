"""Sections: which blocks are the article's section headings.

A heading is a line that names the passage after it. Markup says so (h2-h4, a short bold
paragraph) on many pages; on portal pages a heading is a plain short paragraph between
paragraphs, without sentence-final punctuation, often numbered (一、, 01). Either way a
line is no heading when it is the headline or deck repeated in the body, a byline or
credit (本報記者……發自北京, 文丨, 作者︱), boilerplate (版權與免責聲明), an image caption
or a label ending in a colon. A numbered line is an item, not a heading, when it says its
piece after a colon or when its neighbours in the numbering are paragraphs of prose; and in
a text written without punctuation a line as long as the text's own is its prose.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core import heuristics as h
from reader.core.article import Block, BlockType, Section
from reader.core.flatten import Raw
from reader.core.text import lazy_compile

#: Longest plain paragraph read as a heading, in characters: portal headings are 4-20
#: characters; 30 leaves room for two-part headings ("態勢向好，外貿基本面繼續改善").
PLAIN_MAX_CHARS = 30
#: A plain heading is followed by a longer paragraph of prose: at least this many
#: characters, or a whole sentence (a passage it names, not a line of a list or a poem).
PLAIN_NEXT_MIN_CHARS = 30
#: Plain short lines are headings only while they stay a minority of the paragraphs: a page
#: of short lines is a poem, a list or a chat log.
PLAIN_MAX_SHARE = 0.4
#: On a page with marked-up headings, a plain line is one of them only when it is at most
#: this many characters longer than the longest (ia-163's plain heading: 12 characters
#: beside marked ones of 9-13; lines pasted in from elsewhere run to 17-30).
PLAIN_SLACK_CHARS = 2
#: Commas a heading may hold ("整容手術後，露面說案情"); more make it a sentence.
MAX_COMMAS = 2
#: A plain line ending in a question mark is a heading from this length on ("數百萬巨獎如何
#: 花？"); shorter ones are a line of dialogue ("真的嗎？").
QUESTION_MIN_CHARS = 6
#: A heading heads content when the block after it is prose, a list, or a line at least
#: this long (code, a table row); a portal's boxes of links hold titles of 4-13 characters.
CONTENT_MIN_CHARS = 15
#: A paragraph with more than this many characters after its last sentence mark was cut
#: by a line break, and the short line after it is its end, not a heading.
UNFINISHED_TAIL_CHARS = 4
#: Prose: a paragraph this long with sentence punctuation (what headings stand between).
PROSE_MIN_CHARS = 20
#: A text is written without punctuation (a blog of lines split by spaces, rd-pixnet) when
#: more than this share of its paragraphs of PROSE_MIN_CHARS or more holds no sentence mark
#: (on punctuated pages, ia-yahoo-3832838a and the dev gold, almost none does).
UNPUNCTUATED_SHARE = 0.5
#: In such a text the lack of punctuation marks no heading: a plain line heads a section only
#: when it is at most this share of the text's typical (median) line, as a portal's 4-20
#: character headings are beside its paragraphs (the blog's lines of 20-30 run as its prose).
UNPUNCTUATED_HEADING_SHARE = 0.5

#: Sentence marks that end no heading (a heading ends with none, or with a closing quote or
#: bracket of a balanced pair).
_BAD_ENDS = frozenset("。！？!?；;：:，,、….")
_SENTENCE_RE = lazy_compile(r"[。！!；;]")
#: Sentence punctuation inside a paragraph: what a text written without it lacks.
_PUNCTUATED_RE = lazy_compile(r"[，。！？；…]")
_PROSE_RE = lazy_compile(r"[，。、！？；…]|[,.!?;](?=\s|$)")
#: Numbered headings (一、 (二) 3. 01 第四章 表現一：): numbered, a line is a heading even when
#: it ends like a question or trails off ("01《熱辣滾燙》，比起拳擊和減肥，更重要的是...").
#: A word and a numeral before a colon ("表現一：身高", "案例二：") numbers a series the
#: same way; a lone one ("統一：") has no neighbour in its numbering and stays a label.
_NUMBERED_RE = lazy_compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|\d{1,2}\s*[、.．)）]|0\d(?!\d)|第[一二三四五六七八九十\d]{1,3}[章節节部篇條条]"
    r"|[\u4e00-\u9fff]{1,4}?[一二三四五六七八九十]{1,3}[：:])"
)
#: Bylines and credits: a credit label, then a separator (文丨, 作者︱, 出品︱, 記者：).
_CREDIT_LABEL_RE = lazy_compile(
    r"^[【\[（(]?\s*(?:文|作者|出品|编辑|編輯|撰文|撰稿|记者|記者|摄影|攝影|图|圖|图片|圖片|图文|圖文"
    r"|来源|來源|策划|策劃|监制|監製|校对|校對|审核|審核|审校|審校|责编|責編|编审|編審|主编|主編|统筹|統籌"
    r"|制作|製作|视觉|視覺|设计|設計|整理|翻译|翻譯|编译|編譯|译者|譯者|口述|采写|採寫|通讯员|通訊員"
    r"|素材来源|素材來源|原标题|原標題|原题|原題|本文作者|整合|出处|出處)\s*[丨︱|｜/／:：\s]"
)
#: Dateline credits: "本報記者……發自北京", "新華社北京5月9日電", "21世紀經濟報道記者……".
_DATELINE_RE = lazy_compile(
    r"(?:记者|記者|通讯员|通訊員|特约|特約).{0,24}(?:发自|發自|报道|報道|摄|攝)"
    r"|^(?:本报|本報|本刊|本台|新华社|新華社|中新社|中新网|中新網).{0,12}(?:记者|記者|讯|訊|电|電)"
    r"|^.{0,16}(?:记者|記者)\s*[\u4e00-\u9fff]{2,4}(?:[、，,\s][\u4e00-\u9fff]{2,4})*$"
)
#: Image captions: a caption mark, a picture credit, a screenshot or "圖為".
_CAPTION_RE = lazy_compile(
    r"^[◎▲△●■□◆▼↑↓]|(?:图|圖|照片|图片|圖片)\s*[丨︱|｜/／:：]|截图|截圖|供图|供圖|资料图|資料圖"
    r"|^(?:图|圖)为|^(?:图|圖)[\d一二三四五六七八九十]|(?:摄|攝)$"
)
#: Boilerplate: rights, disclaimers, calls to subscribe or share.
_BOILERPLATE_RE = lazy_compile(
    r"版[权權](?:所有|声明|聲明|归|歸|与|與|说明|說明|信息)|免[责責]|[转轉][载載](?:请|請|须|須|自|时|時)"
    r"|著作[权權]|未[经經]授[权權]|订阅|訂閱|关注我们|關注我們|[声聲]明$|推[荐薦]$"
    r"|扫码|掃碼|二维码|二維碼|点击|點擊|阅读原文|閱讀原文|责任编辑|責任編輯|原文链接|原文鏈接"
    r"|首发|首發|公众号|公眾號|微信号|微信號|本文来自|本文來自"
)
#: Interface labels a saved page keeps between paragraphs (edit links, expanders).
_UI_LABEL_TEXT = (
    "编辑 編輯 展开全部 展開全部 收起 展开 展開 查看更多 阅读全文 閱讀全文 关注 關注 分享"
    " 举报 舉報 回复 回覆 点赞 點讚 评论 評論 更多 返回 目录 目錄 播报 播報"
)
_UI_LABELS = frozenset(_UI_LABEL_TEXT.split())
#: A line of dialogue ("“啊，但是……”", "帕利問：“詛咒是什麼？”"; a short quotation with no
#: mark inside, "“讓我再中一次500萬”", is a heading's slogan), an
#: attribution line ("——習近平"), or a telephone label: never a heading.
_SPEECH_LINE_RE = lazy_compile(
    r"^[“「『\"][^”」』\"]*(?:[。！？!?，,]|…)[”」』\"]$|…{2}|[：:]\s*[“「『\"]"
    r"|^[—―-]{1,2}|[：:]\s*[\d\-+ ]{5,}$"
)
#: A colon with words after it, inside a numbered line: the item's content follows.
_ITEM_COLON_RE = lazy_compile(r"[：:]\s*\S")
_DATE_RE = lazy_compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
#: A date with its time of day ("2024-04-07 09:53"): a post's or comment's head line, however
#: long the votes and place around it make it.
_DATETIME_RE = lazy_compile(_DATE_RE.pattern + r"[日号號]?\s*\d{1,2}:\d{2}")
_FOLD_RE = lazy_compile(r"[\s\W_]+")
_PICTURE = (BlockType.IMAGE, BlockType.CAPTION)
#: Particles and conjunctions that start no heading, only the rest of a sentence.
_FRAGMENT_STARTS = frozenset("的了着著地得者呢吗嗎吧和与與及或而但并並且就也都又还還")
#: A line marked as a heading that ends with one of these is a sentence set in bold.
_SENTENCE_MARKS = frozenset("。；;，,、")
_SENTENCE_ENDS = frozenset("。！？!?…”」』")
_QUOTE_PAIRS = (("“", "”"), ("「", "」"), ("『", "』"), ("《", "》"), ("（", "）"), ("(", ")"))


def _fold(text: str) -> str:
    """Text without spaces and punctuation, for comparing a line with the headline."""
    return _FOLD_RE.sub("", text)


def is_numbered(text: str) -> bool:
    return _NUMBERED_RE.match(text) is not None


_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九", start=0)}
_CN_NUMERAL_RE = lazy_compile("[〇一二三四五六七八九十]+")
_DIGITS_RE = lazy_compile(r"\d+")


def _number(text: str) -> tuple[str, int] | None:
    """(style, value) of a numbered line's number: ("（）", 3) for "（三）……"."""
    m = _NUMBERED_RE.match(text)
    if m is None:
        return None
    label = m.group()
    digits = "".join(c for c in label if c.isdigit() or c in _CN_DIGITS or c == "十")
    # The style keeps the kind of numeral: "1、" and "二、" are not one sequence.
    style = _DIGITS_RE.sub("9", _CN_NUMERAL_RE.sub("九", label))
    if digits.isdigit():
        return style, int(digits)
    tens, _, ones = digits.partition("十")
    if "十" in digits:
        value = _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    else:
        value = _CN_DIGITS.get(digits, 0)
    return style, value


class _Numbering:
    """The numbers of a page's numbered lines, read on first need: whether a numbered line
    is in a sequence is asked of a few lines, and each asking looked at every line."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self._blocks = blocks
        self._lines: dict[tuple[str, int], list[int]] | None = None

    def in_sequence(self, i: int) -> bool:
        """Whether a numbered line has a neighbour in its numbering on the page ("（一）"
        and "（二）") that is shaped like a heading too: a lone number is a list item or a
        line taken from elsewhere, and a number whose neighbours are paragraphs of prose
        ("（5）……，……。") is an item of a list run through the prose."""
        own = _number(self._blocks[i].text)
        if own is None:
            return False
        if self._lines is None:
            self._lines = {}
            for j, b in enumerate(self._blocks):
                if (number := _number(b.text)) is not None:
                    self._lines.setdefault(number, []).append(j)
        style, value = own
        return any(
            j != i
            and (
                self._blocks[j].type is BlockType.HEADING
                or plain_heading_shape(self._blocks[j].text)
            )
            for near in (value - 1, value + 1)
            for j in self._lines.get((style, near), ())
        )


def numbered_item(text: str) -> bool:
    """Whether a numbered line is an item that says its piece after a colon ("（一）1921-1949
    年：初探", "表現一：能夠接受自己的變化"): a label and its content on one line, an
    entry of a list, where a heading names the passage below it and stops."""
    m = _NUMBERED_RE.match(text.strip())
    if m is None:
        return False
    label, rest = m.group(), text.strip()[m.end() :]
    if label[-1] in "：:":
        return bool(rest.strip())
    return _ITEM_COLON_RE.search(rest) is not None


def is_credit_or_chrome(text: str) -> bool:
    """A byline, credit, dateline, caption, label or boilerplate line (never a heading)."""
    t = text.strip()
    if not t or t[-1] in "：:" or t in _UI_LABELS:
        return True
    if not _brackets_balanced(_NUMBERED_RE.sub("", t, count=1)):
        return True
    if _SPEECH_LINE_RE.search(t) and not is_numbered(t):
        return True
    return bool(
        _CREDIT_LABEL_RE.match(t)
        or _DATELINE_RE.search(t)
        or _CAPTION_RE.search(t)
        or _BOILERPLATE_RE.search(t)
        or (_DATE_RE.search(t) and (len(t) <= PLAIN_MAX_CHARS or not _PROSE_RE.search(t)))
        or _DATETIME_RE.search(t) is not None
    )


def repeats_title(text: str, title: str, *, whole: bool = False) -> bool:
    """Whether `text` is the headline, or it plus a site name, or (unless `whole`) a
    part of it: a headline's two halves may be a deck and the first heading."""
    line, head = _fold(text), _fold(title)
    if len(line) < 4 or not head:
        return False
    if len(head) >= 4 and head in line:
        return True
    return line == head if whole else line in head


def heading_ok(text: str, title: str, *, in_body: bool = True) -> bool:
    """Whether a line marked up as a heading (tag or bold) may be one: in the body (after
    the first paragraph of prose) only the whole headline is a repeat."""
    return not is_credit_or_chrome(text) and not repeats_title(text, title, whole=in_body)


def _brackets_balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in _QUOTE_PAIRS)


def _balanced_end(text: str) -> bool:
    for opening, closing in _QUOTE_PAIRS:
        if text.endswith(closing):
            return text.count(opening) == text.count(closing)
    return False


def plain_heading_shape(text: str) -> bool:
    """Whether a plain paragraph is shaped like a heading: short, no sentence inside, and
    no sentence mark at its end (unless numbered)."""
    t = text.strip()
    if not 2 <= len(t) <= PLAIN_MAX_CHARS or not any("\u4e00" <= c <= "\u9fff" for c in t):
        return False
    numbered = is_numbered(t)
    if not numbered and ("：" in t or ":" in t):
        return False  # a label and its value ("不友善內容：人身攻擊")
    if _SENTENCE_RE.search(t[:-1]) or t.count("，") + t.count(",") > MAX_COMMAS:
        return False
    if t[0] in _FRAGMENT_STARTS or t[0] in "·•●▪◆■":
        return False  # a fragment, or an item of a bulleted list of links
    if t[-1] in "？?":  # "數百萬巨獎如何花？", not a line of talk ("是你嗎？")
        return len(t) >= QUESTION_MIN_CHARS and t[-2] not in "呢吗嗎吧啊嘛"
    if t[-1] in _BAD_ENDS or t.endswith("..."):
        # A numbered line may close its one sentence ("表現一：能夠接受自己的變化。"): the
        # prose after it, longer than it, still has to follow (`_plain_candidate`).
        return numbered and t[-1] not in "：:，,、；;"
    if t[-1] in "”」』》）)\"'":
        return _balanced_end(t)
    return True


def _is_prose(block: Block, min_chars: int = PROSE_MIN_CHARS) -> bool:
    return (
        block.type in (BlockType.PARAGRAPH, BlockType.QUOTE, BlockType.LIST_ITEM)
        and len(block.text) >= min_chars
        and _PROSE_RE.search(block.text) is not None
    )


def is_section_candidate(b: Raw) -> bool:
    """Whether a raw block is marked up as a heading: a heading tag, or a short bold
    paragraph that ends without sentence punctuation (`mark_headings` then judges it)."""
    if b.kind is BlockType.HEADING:
        return 2 <= b.heading_level <= 4 or b.heading_level == 1
    return (
        b.bold
        and b.kind is BlockType.PARAGRAPH
        and 2 <= b.chars <= h.BOLD_HEADING_MAX_CHARS
        and b.text[-1] not in h.TERMINAL_PUNCT
        and b.link_chars == 0
    )


def mark_headings(blocks: Sequence[Block], title: str) -> list[Block]:
    """The blocks with their heading types decided.

    Marked-up headings that are the headline, a deck (before the first paragraph of
    prose, unless numbered), a byline, a caption or boilerplate become paragraphs, and
    so do runs of headings over no prose (the boxes of a portal's sidebar). Plain short
    paragraphs between paragraphs become headings, when the page has more than one of
    them or other headings, and they stay a minority of its paragraphs.
    """
    out = list(blocks)
    first_prose = next((i for i, b in enumerate(out) if _is_prose(b)), len(out))
    heads = [i for i, b in enumerate(out) if b.type is BlockType.HEADING]
    # Headings over the first prose are a deck when they are the first line or stack up;
    # one right before the first paragraph opens the first section of a sectioned page.
    early = [i for i in heads if i < first_prose]
    first_text = next((i for i, b in enumerate(out) if b.type not in _PICTURE), 0)
    deck = set(early) if len(early) > 1 or len(early) == len(heads) else {first_text} & set(early)
    demoted = {
        i
        for i in heads
        if not heading_ok(out[i].text, title, in_body=i > first_prose)
        or (i in deck and not is_numbered(out[i].text))
        or (out[i].text.rstrip()[-1:] in _SENTENCE_MARKS and not is_numbered(out[i].text))
    }
    demoted |= _bare_headings(out, [i for i in heads if i not in demoted])
    for i in demoted:
        kind = BlockType.CAPTION if _CAPTION_RE.search(out[i].text) else BlockType.PARAGRAPH
        out[i] = Block(kind, out[i].text, out[i].src)
    numbering = _Numbering(out)
    plain = [
        i for i in range(first_prose + 1, len(out)) if _plain_candidate(out, i, title, numbering)
    ]
    marked = len(heads) - len(demoted)
    before = first_prose - 1
    if (
        len(plain) + marked >= 2
        and before > 0
        and before not in demoted
        and _plain_candidate(out, before, title, numbering)
    ):
        plain.insert(0, before)  # the first heading, right before the first prose
    if marked:
        # A page that marks its headings marks them all, but for a slip: a plain line joins
        # them only when it is no longer than they are, or continues their numbering.
        longest = max(len(b.text) for b in out if b.type is BlockType.HEADING)
        plain = [
            i
            for i in plain
            if len(out[i].text) <= longest + PLAIN_SLACK_CHARS or numbering.in_sequence(i)
        ]
    plain = _shorter_than_unpunctuated_lines(out, plain)
    paragraphs = sum(1 for b in out if b.type is BlockType.PARAGRAPH)
    if (len(plain) >= 2 or (plain and marked)) and len(plain) <= PLAIN_MAX_SHARE * paragraphs:
        for i in plain:
            out[i] = Block(BlockType.HEADING, out[i].text, out[i].src)
    return out


def _shorter_than_unpunctuated_lines(blocks: Sequence[Block], plain: list[int]) -> list[int]:
    """The plain heading candidates that still stand out when the text is written without
    punctuation: there a short unpunctuated line is the text's own prose, and only a line
    much shorter than its typical one is a heading. Lines too short to hold a sentence (a
    label's characters one per line, bullets) say nothing of how the text is written."""
    lines = [
        b.text for b in blocks if b.type is BlockType.PARAGRAPH and len(b.text) >= PROSE_MIN_CHARS
    ]
    bare = sum(1 for t in lines if not _PUNCTUATED_RE.search(t))
    if not lines or bare <= UNPUNCTUATED_SHARE * len(lines):
        return plain
    typical = sorted(len(t) for t in lines)[len(lines) // 2]
    return [i for i in plain if len(blocks[i].text) <= UNPUNCTUATED_HEADING_SHARE * typical]


def _bare_headings(blocks: Sequence[Block], heads: list[int]) -> set[int]:
    """Headings over no content: the next block (past pictures and their captions) is a
    short line, not prose, a list, code or a heading over content (a box of links, an
    ad). Numbered headings always head their section."""
    bare: set[int] = set()
    for i in reversed(heads):
        nxt = next((j for j in range(i + 1, len(blocks)) if not _aside(blocks[j])), None)
        if is_numbered(blocks[i].text) or (nxt is not None and _content(blocks, nxt, heads, bare)):
            continue
        bare.add(i)
    return bare


def _content(blocks: Sequence[Block], j: int, heads: list[int], bare: set[int]) -> bool:
    b = blocks[j]
    if j in heads:
        return j not in bare
    return (
        (_is_prose(b, 1) and b.text[-1] in _SENTENCE_ENDS)  # a sentence: "①鄉：家鄉。"
        or len(b.text) >= CONTENT_MIN_CHARS
        or b.type in (BlockType.LIST_ITEM, BlockType.QUOTE, BlockType.TABLE)
    )


def _unfinished(text: str) -> bool:
    """Whether a paragraph stops mid-sentence: more than a link's word ("詳情") after its
    last sentence mark."""
    last = max(text.rfind(ch) for ch in _SENTENCE_ENDS)
    return len(text) - last - 1 > UNFINISHED_TAIL_CHARS


def _introduces(prev: str, line: str) -> bool:
    """Whether a paragraph ending in a colon ("具體情況分析如下：") introduces numbered
    sections: what follows a colon is its own words, unless it is numbered."""
    return prev.rstrip()[-1:] in "：:" and is_numbered(line)


def _aside(b: Block) -> bool:
    """A block passed over between a heading and its content: a picture, its caption, an
    interface label (編輯, 播報) or a credit line (作者：佚名)."""
    t = b.text.strip()
    return (
        b.type in _PICTURE
        or t in _UI_LABELS
        or _CREDIT_LABEL_RE.match(t) is not None
        or _DATELINE_RE.search(t) is not None
    )


def _plain_candidate(blocks: Sequence[Block], i: int, title: str, numbering: _Numbering) -> bool:
    b = blocks[i]
    if i < 1 or b.type is not BlockType.PARAGRAPH or not plain_heading_shape(b.text):
        return False
    if is_numbered(b.text) and (numbered_item(b.text) or not numbering.in_sequence(i)):
        return False
    prev = blocks[i - 1]
    if prev.type is BlockType.IMAGE:
        return False  # a caption under its picture
    if _is_prose(prev) and _unfinished(prev.text) and not _introduces(prev.text, b.text):
        return False  # the rest of a paragraph broken off by a line break
    rest = [x for x in blocks[i + 1 : i + 4] if x.type is not BlockType.IMAGE]
    if rest and (
        rest[0].type is BlockType.HEADING
        or (plain_heading_shape(rest[0].text) and heading_ok(rest[0].text, title))
    ):
        rest = rest[1:]  # a heading over a subheading ("安寧療護精細化" / "讓……少些痛苦")
    nxt = rest[0] if rest else None
    if nxt is None or not _is_prose(nxt, len(b.text) + 1):
        return False
    if len(nxt.text) < PLAIN_NEXT_MIN_CHARS and nxt.text[-1] not in "。！？!?…”」":
        return False
    return heading_ok(b.text, title, in_body=False)


def find_sections(blocks: Sequence[Block]) -> tuple[Section, ...]:
    """The headings of the finished blocks, with their indices."""
    return tuple(Section(b.text, i) for i, b in enumerate(blocks) if b.type is BlockType.HEADING)
