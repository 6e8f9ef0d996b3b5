"""The "what was removed" panel: the cleaner's cuts grouped by reason, with counts
(pytest-qt, offscreen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.article import Article, Block, BlockType, Removal
from reader.core.prefs import Language
from reader.ui import i18n
from reader.ui.removed import RemovedPanel, group_removed

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

MARK = "（本文來自海港觀察網 harbour.example）"


def _article(*removed: Removal) -> Article:
    return Article(
        title="碼頭",
        blocks=(Block(BlockType.PARAGRAPH, "潮水退去以後，漁民開始整理漁網。"),),
        removed=removed,
    )


def test_each_text_once_with_its_count_watermarks_first() -> None:
    removed = (
        Removal("chrome", "首頁 | 新聞 | 財經"),
        Removal("watermark", MARK),
        Removal("watermark", MARK),
        Removal("tail", "免責聲明：本站轉載文章僅供參考。"),
        Removal("watermark", MARK),
        Removal("chrome", "首頁 | 新聞 | 財經"),
        Removal("something-new", "?"),
    )
    groups = group_removed(removed)
    assert [reason for reason, _ in groups] == ["watermark", "chrome", "tail", "something-new"]
    assert groups[0][1] == [(MARK, 3)]
    assert groups[1][1] == [("首頁 | 新聞 | 財經", 2)]


def test_a_family_listed_once_with_its_count() -> None:
    groups = group_removed([Removal("watermark", MARK, 12), Removal("list", "熱門文章 排行榜")])
    assert groups == [("watermark", [(MARK, 12)]), ("list", [("熱門文章 排行榜", 1)])]


def test_the_panel_shows_the_groups_translated(qtbot: QtBot) -> None:
    panel = RemovedPanel()
    qtbot.addWidget(panel)
    panel.set_labels(
        lambda key: i18n.text(key, Language.TRADITIONAL),
        i18n.text("removed_none", Language.TRADITIONAL),
    )
    panel.set_article(
        _article(
            Removal("watermark", MARK),
            Removal("watermark", MARK),
            Removal("tail", "相關閱讀：海港的夜市"),
        )
    )
    assert panel.topLevelItemCount() == 2
    water = panel.topLevelItem(0)
    assert water is not None and water.text(0) == "浮水印（2）"
    child = water.child(0)
    assert child is not None and child.text(0) == f"{MARK}  ×2"
    tail = panel.topLevelItem(1)
    assert tail is not None and tail.text(0).startswith("文末附加")
    panel.set_article(_article())
    only = panel.topLevelItem(0)
    assert panel.topLevelItemCount() == 1 and only is not None
    assert only.text(0) == "沒有移除任何內容"
