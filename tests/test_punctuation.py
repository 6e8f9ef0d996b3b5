"""Full-width punctuation in Chinese text (reader/core/punctuation.py), and its place in
conversion: find, copy and export see the converted article (no Qt)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.article import Article, Block, BlockType, QuoteStyle, Script, Target
from reader.core.language import ContentLanguage
from reader.core.punctuation import FULL_WIDTH, fullwidth
from reader.core.script import convert


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The seed: a farm's headline with ASCII marks between Chinese characters.
        (
            "從1到10,科研成果轉化如何跨越“死亡之谷”?",
            "從1到10，科研成果轉化如何跨越“死亡之谷”？",
        ),
        ("他說:你好!我們明天見;再會", "他說：你好！我們明天見；再會"),
        ("研究(2020年)顯示,漁獲減少", "研究（2020年）顯示，漁獲減少"),
        ("真的嗎?\n下一行", "真的嗎？\n下一行"),
        ("（已經）,好", "（已經），好"),
    ],
)
def test_marks_in_chinese_text_become_full_width(text: str, expected: str) -> None:
    assert fullwidth(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "共1,000元,約3.14倍",  # the thousands separator stays; the comma after 元 changes
        "Hello, world! How are you?",
        "詳見https://news.example/a?b=1,2;c=(3),再說",
        "寫信給 editor@paper.example,謝謝",
        "時間10:30到11:45",
        "函數f(x)與g(y)",
        "Python(一種語言)",
        "(hello)",
    ],
)
def test_numbers_latin_text_and_addresses_stay(text: str) -> None:
    out = fullwidth(text)
    for keep in re.findall(r"\d[,:.]\d|[A-Za-z]\(|https://\S+?(?=,再)|\S+@\S+\.example", text):
        assert keep in out


def test_the_numbers_latin_and_address_cases_exactly() -> None:
    assert fullwidth("共1,000元,約3.14倍") == "共1,000元，約3.14倍"
    assert fullwidth("Hello, world! How are you?") == "Hello, world! How are you?"
    assert fullwidth("時間10:30到11:45") == "時間10:30到11:45"
    assert fullwidth("函數f(x)與g(y)") == "函數f(x)與g(y)"
    assert fullwidth("Python(一種語言)") == "Python(一種語言)"
    assert fullwidth("詳見https://news.example/a?b=1,2;c=(3),再說").startswith(
        "詳見https://news.example/a?b=1,2;c=(3),"
    )


# -- properties --------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("的是在有人們中國這個到說時年,?!:;()0123456789abcXYZ .-/\n“”「」。，")
)
_TEXT = st.text(_ALPHABET, max_size=60)
_URL = st.builds(
    lambda host, path: f"https://{host}.example/{path}",
    st.text(st.sampled_from("abcxyz"), min_size=1, max_size=8),
    st.text(st.sampled_from("abc019,;:?!()=&/"), max_size=20),
)


@given(_TEXT)
def test_only_marks_change_and_only_to_their_full_width_form(text: str) -> None:
    out = fullwidth(text)
    assert len(out) == len(text)
    for before, after in zip(text, out, strict=True):
        assert after == before or FULL_WIDTH.get(before) == after


@given(_TEXT)
def test_digits_and_latin_letters_never_change_nor_their_marks(text: str) -> None:
    out = fullwidth(text)
    for i, ch in enumerate(text):
        if ch in FULL_WIDTH and ch not in "()":
            nxt = text[i + 1] if i + 1 < len(text) else ""
            prev = text[i - 1] if i else ""
            if (nxt.isascii() and nxt.isalnum()) or (prev.isascii() and prev.isalpha()):
                assert out[i] == ch, (text, i)


@given(_TEXT, _URL, _TEXT)
def test_addresses_never_change(before: str, url: str, after: str) -> None:
    text = f"{before} {url} {after}"
    out = fullwidth(text)
    start = len(before) + 1
    assert out[start : start + len(url)] == url


@given(_TEXT)
def test_idempotent(text: str) -> None:
    once = fullwidth(text)
    assert fullwidth(once) == once


@given(_TEXT)
def test_brackets_change_only_as_pairs(text: str) -> None:
    out = fullwidth(text)
    assert out.count("（") - text.count("（") == out.count("）") - text.count("）")


# -- in conversion -------------------------------------------------------------------------


def _article(text: str, language: ContentLanguage = ContentLanguage.CHINESE) -> Article:
    return Article(
        title="海風,吹過碼頭?",
        blocks=(Block(BlockType.PARAGRAPH, text),),
        script=Script.TRADITIONAL,
        language=language,
    )


def test_convert_applies_it_to_the_whole_article_when_asked() -> None:
    article = _article("漁船回港了,大家都來幫忙!")
    shown = convert(article, Target.ORIGINAL, punctuation=True)
    assert shown.title == "海風，吹過碼頭？"
    assert shown.blocks[0].text == "漁船回港了，大家都來幫忙！"
    assert convert(article, Target.ORIGINAL) is article  # off: the text as written


def test_japanese_and_korean_are_left_as_written() -> None:
    for language in (ContentLanguage.JAPANESE, ContentLanguage.KOREAN):
        article = _article("漁船が港に戻った,みんなで手伝った!", language)
        assert convert(article, Target.SIMPLIFIED, QuoteStyle.CORNER, punctuation=True) is article
    # Punctuation is a Chinese typesetting rule: another language keeps its marks.
    english = _article("The boats came back,然後 everyone helped!", ContentLanguage.OTHER)
    assert convert(english, Target.ORIGINAL, punctuation=True) is english


def test_fullwidth_article_without_the_converter() -> None:
    import subprocess
    import sys

    from reader.core.punctuation import fullwidth_article

    article = _article("漁船回港了,大家都來幫忙!")
    shown = fullwidth_article(article)
    assert shown.title == "海風，吹過碼頭？" and shown.blocks[0].text.endswith("！")
    assert shown.script is article.script
    clean = _article("漁船回港了，大家都來幫忙！").with_changes(title="海風")
    assert fullwidth_article(clean) is clean
    english = _article("Boats came back, 然後 everyone helped!", ContentLanguage.OTHER)
    assert fullwidth_article(english) is english
    # The window applies it before the first paint: it must not import the converter.
    code = "import sys, reader.core.punctuation; print('reader.core.script' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
