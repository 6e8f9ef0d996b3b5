"""The language of an article (reader/core/language.py): Chinese, Japanese, Korean or
another, for the font, the status line and the script switches (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import load_article
from reader.core.language import ContentLanguage, detect_language

CHINESE = "潮水退去以後，碼頭邊的漁民開始整理漁網，準備明天清早出海。"
ENGLISH = (
    "When the tide went out, the fishermen on the quay began to mend their nets "
    "and got ready to sail again before dawn the next morning."
)
JAPANESE = "潮が引いた後、波止場の漁師たちは網を繕い始め、翌朝早くの出港に備えた。"
KOREAN = "썰물이 빠진 뒤 부두의 어부들은 그물을 손질하며 다음 날 새벽 출항을 준비했다."


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (CHINESE * 3, ContentLanguage.CHINESE),
        # Chinese with English terms is still Chinese.
        (CHINESE + " The Harbour Report, Tide Tables and GPS " + CHINESE, ContentLanguage.CHINESE),
        (ENGLISH * 3, ContentLanguage.OTHER),
        # An English text that quotes a Chinese name stays English.
        (ENGLISH + " 葉秋白 " + ENGLISH, ContentLanguage.OTHER),
        (JAPANESE * 3, ContentLanguage.JAPANESE),
        # One kana in a Chinese text (a shop's name) does not make it Japanese.
        (CHINESE * 3 + "「海の家」", ContentLanguage.CHINESE),
        (KOREAN * 3, ContentLanguage.KOREAN),
        ("", ContentLanguage.CHINESE),
    ],
)
def test_detect_language(text: str, language: ContentLanguage) -> None:
    assert detect_language(text) is language


def _page(tmp_path: Path, body: str) -> Path:
    html = f"<html><head><title>t</title></head><body><article><p>{body}</p><p>{body}</p>"
    html += f"<p>{body}</p></article></body></html>"
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_the_article_records_its_language(tmp_path: Path) -> None:
    article = load_article(_page(tmp_path, ENGLISH))
    assert article.language is ContentLanguage.OTHER
    assert article.to_dict()["language"] == "other"
    assert load_article(_page(tmp_path, CHINESE)).language is ContentLanguage.CHINESE
    assert load_article(_page(tmp_path, JAPANESE)).language is ContentLanguage.JAPANESE
