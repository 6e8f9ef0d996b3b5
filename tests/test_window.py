"""The main window: open, read, switch script and theme, jump, find, persist, errors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from reader.app import SAMPLE, build_window

TEXT_PAGE = """\
山城夜話：一座小鎮的書店
文／林遠志

霧氣從河谷升起的時候，老街盡頭那間書店還亮著燈。

店主周念青說：「書店不是賣書的地方，是讓人停下來的地方。」
"""


def _sample(tmp_path: Path) -> Path:
    """The bundled sample if it exists yet, otherwise a small text dump in tmp_path."""
    if SAMPLE.exists():
        return SAMPLE
    p = tmp_path / "page.txt"
    p.write_text(TEXT_PAGE, encoding="utf-8")
    return p


def test_smoke_opens_sample_and_shows_title(qtbot: QtBot, tmp_path: Path) -> None:
    window = build_window()
    qtbot.addWidget(window)
    assert window.open_path(_sample(tmp_path))
    article = window.article
    assert article is not None
    assert article.title
    view = window.findChild(QTextBrowser, "articleView")
    assert view is window.view
    assert article.title in window.view.toPlainText()
