"""The main window: open, read, switch script and theme, jump, find, persist, errors.

Every flow of the window issue has a test here. Articles with rich structure are built
directly from the dataclasses (original prose about fictional people); the bundled
samples are opened where a real file matters.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage, QKeySequence, QPalette, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QProgressBar,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.app import SAMPLE, build_window, initial_path
from reader.core import Article, Block, BlockType, Script, Section, Speaker, Theme
from reader.core.article import Target, TraditionalStandard
from reader.core.errors import ScriptError
from reader.core.prefs import Accent, FontStyle, Language
from reader.core.render import ASSET_SCHEME
from reader.ui.dialogs import Dialogs
from reader.ui.session import ReadingSession
from reader.ui.window import MainWindow
from tests.conftest import PAGES, SAMPLES

# The offscreen platform warns when a top-level window is shown; that is the platform
# plugin talking, not the reader.

TEXT_PAGE = """\
山城夜話：一座小鎮的書店
文／林遠志

霧氣從河谷升起的時候，老街盡頭那間書店還亮著燈。店裡的木頭書架一直頂到天花板，靠窗的位置擺著兩張舊沙發，常常有學生放學後坐在那裡寫功課，一坐就是一整個下午。

店主周念青說：「書店不是賣書的地方，是讓人停下來的地方。」她在這條街上開店已經十二年，看著對面的雜貨店換了三次招牌，自己的店卻一直沒有改過名字。

每個月的第一個週末，書店會舉辦一場小型讀書會。來參加的人有退休的老師、附近工廠的工人，也有騎著機車從鄰鎮趕來的年輕人。大家圍著一張長桌，輪流朗讀自己喜歡的段落。

周念青坦言，這幾年書店的生意並不好做，網路書店的價格讓她很難競爭。但她相信，只要還有人願意推開那扇木門，這盞燈就值得繼續亮下去。
"""

CONVERT_TIMEOUT = 20_000  # ms; the first conversion loads OpenCC's dictionaries


def _png() -> bytes:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7"))
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, format="PNG")  # type: ignore[call-overload]
    return bytes(buf.data().data())


def rich_article(theme: Theme | None = None) -> Article:
    """A Traditional article with sections, speakers, quotes, a list and two images."""
    blocks: list[Block] = [
        Block(BlockType.PARAGRAPH, "鹿鳴鎮的舊貨市集每逢週六清晨開張，攤位沿著溪邊一路排到石橋。"),
        Block(BlockType.IMAGE, "溪邊的舊貨攤", src="page_files/market.png"),
        Block(BlockType.CAPTION, "溪邊的舊貨攤。（資料照片）"),
        Block(BlockType.IMAGE, "遠方的山", src=None),
    ]
    sections: list[Section] = []
    speakers: dict[str, list[int]] = {"簡雨農": [], "羅曉帆": [], "蘇慧玲": []}
    for s, (title, who) in enumerate(
        (("從廢鐵到寶藏", "簡雨農"), ("修理師傅的手藝", "羅曉帆"), ("市集的明天", "蘇慧玲"))
    ):
        sections.append(Section(title, len(blocks)))
        blocks.append(Block(BlockType.HEADING, title))
        for n in range(9):
            if n in (2, 6):
                speakers[who].append(len(blocks))
                blocks.append(
                    Block(
                        BlockType.PARAGRAPH,
                        f"「這些舊東西都有自己的故事，修好了還能再用很多年。」{who}說，"
                        f"這是他在市集的第{s + 1}個年頭。",
                    )
                )
            elif n == 4:
                blocks.append(
                    Block(BlockType.QUOTE, "舊物不會說話，但它們記得每一雙曾經握住它們的手。")
                )
            else:
                blocks.append(
                    Block(
                        BlockType.PARAGRAPH,
                        f"第{s + 1}節第{n + 1}段：攤主們把收音機、檯燈和搪瓷杯擺在藍色帆布上，"
                        "來來往往的遊客停下腳步，拿起一件又放下，討價還價的聲音此起彼落。"
                        "傍晚收攤的時候，溪面映著路燈，整條街又恢復了平日的安靜。",
                    )
                )
    blocks.append(Block(BlockType.LIST_ITEM, "每週六上午六點開市"))
    blocks.append(Block(BlockType.LIST_ITEM, "攤位費每格兩百元"))
    return Article(
        title="鹿鳴鎮舊貨市集：讓老物件再轉一圈",
        blocks=tuple(blocks),
        published="2024-05-11",
        source="溪谷週報",
        author="程思遠",
        url="https://weekly.luming.example/market/2024/0511.html",
        script=Script.TRADITIONAL,
        theme=theme,
        sections=tuple(sections),
        speakers=tuple(Speaker(name, tuple(b)) for name, b in speakers.items()),
        encoding="big5",
        format="html",
        assets={"page_files/market.png": _png()},
    )


class FakeDialogs:
    """Dialogs that record what the window asked and answer from `answers`."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.opened: list[QUrl] = []
        self.answers: list[Path | None] = []
        self.browser = True  # whether a browser opens the addresses
        self.saves: list[Path | None] = []
        self.items: list[str | None] = []
        self.offered: list[list[str]] = []
        self.printed: list[str] = []

    def dialogs(self) -> Dialogs:
        return Dialogs(
            ask_open_path=lambda _parent, _title, _folder, _filter: self.answers.pop(0),
            show_error=lambda _parent, title, message: self.errors.append((title, message)),
            open_url=self._open_url,
            ask_save_path=lambda _parent, _title, _suggested, _filter: self.saves.pop(0),
            choose_item=self._choose_item,
            print_document=self._print,
        )

    def _open_url(self, url: QUrl) -> bool:
        self.opened.append(url)
        return self.browser

    def _choose_item(
        self, _parent: object, _title: str, _label: str, items: Sequence[str], _current: int
    ) -> str | None:
        self.offered.append(list(items))
        return self.items.pop(0)

    def _print(self, _parent: object, document: QTextDocument) -> bool:
        self.printed.append(document.toPlainText())
        return True


@pytest.fixture
def fake() -> FakeDialogs:
    """The window's dialogs, recorded."""
    return FakeDialogs()


@pytest.fixture
def errors(fake: FakeDialogs) -> list[tuple[str, str]]:
    """Messages the window would have shown in a dialog."""
    return fake.errors


def _make(
    qtbot: QtBot,
    settings: QSettings,
    fake: FakeDialogs,
    session: ReadingSession | None = None,
) -> MainWindow:
    w = build_window(settings, dialogs=fake.dialogs(), session=session)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot: QtBot, settings: QSettings, fake: FakeDialogs) -> MainWindow:
    """A shown main window with settings in tmp_path and its dialogs recorded in `fake`."""
    return _make(qtbot, settings, fake)


@pytest.fixture
def rich(window: MainWindow, qtbot: QtBot) -> MainWindow:
    """The window showing `rich_article()`."""
    window.show_article(rich_article())
    qtbot.waitUntil(lambda: window.view.top_block() is not None)
    return window


def _sample(tmp_path: Path) -> Path:
    """The bundled sample if it exists yet, otherwise a small text dump in tmp_path."""
    if SAMPLE.exists():
        return SAMPLE
    p = tmp_path / "page.txt"
    p.write_text(TEXT_PAGE, encoding="utf-8")
    return p


def _text_page(tmp_path: Path, name: str, title: str) -> Path:
    p = tmp_path / name
    p.write_text(f"{title}\n\n{TEXT_PAGE}", encoding="utf-8")
    return p


def _switch(qtbot: QtBot, window: MainWindow, name: str) -> Article:
    with qtbot.waitSignal(window.article_shown, timeout=CONVERT_TIMEOUT) as blocker:
        window.action(name).trigger()
    shown = blocker.args[0] if blocker.args else None
    assert isinstance(shown, Article)
    return shown


# -- opening ---------------------------------------------------------------------------------


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


@pytest.mark.parametrize(
    "sample", ["trad-textdump/page.txt", "simp-html/page.html", "gbk-html/page.html"]
)
def test_every_bundled_sample_opens(window: MainWindow, sample: str) -> None:
    path = SAMPLES / sample
    if not path.exists():
        pytest.skip(f"{sample} not written yet")
    assert window.open_path(path)
    assert window.article is not None
    text = window.view.toPlainText()
    assert window.article.title in text
    assert any(b.text[:10] in text for b in window.article.blocks if b.type is BlockType.PARAGRAPH)


def test_open_dialog_opens_the_chosen_file(
    window: MainWindow, tmp_path: Path, fake: FakeDialogs
) -> None:
    chosen = _text_page(tmp_path, "chosen.txt", "選中的文章")
    fake.answers.append(chosen)
    window.action("actionOpen").trigger()
    assert window.path == chosen
    assert "選中的文章" in window.view.toPlainText()


def test_open_dialog_cancelled_keeps_article(
    window: MainWindow, tmp_path: Path, fake: FakeDialogs
) -> None:
    window.open_path(_text_page(tmp_path, "a.txt", "原來的文章"))
    fake.answers.append(None)
    window.action("actionOpen").trigger()
    assert not fake.answers  # the dialog was asked
    assert "原來的文章" in window.view.toPlainText()


def test_command_line_path_wins_then_history_then_sample(
    settings: QSettings, tmp_path: Path, window: MainWindow
) -> None:
    page = _text_page(tmp_path, "arg.txt", "命令列")
    assert initial_path(str(page), settings) == page
    assert initial_path(None, settings) == SAMPLE
    other = _text_page(tmp_path, "last.txt", "上次讀的")
    window.open_path(other)
    assert initial_path(None, settings) == other.resolve()


def test_drop_a_file_opens_it(window: MainWindow, tmp_path: Path) -> None:
    page = _text_page(tmp_path, "dropped.txt", "拖進來的文章")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # A synthetic drop cannot go through the platform's drag manager; call the handler.
    window.dropEvent(event)
    assert event.isAccepted()
    assert "拖進來的文章" in window.view.toPlainText()


def test_recent_files_are_listed_newest_first_and_pruned(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, settings: QSettings
) -> None:
    first = _text_page(tmp_path, "first.txt", "第一篇")
    second = _text_page(tmp_path, "second.txt", "第二篇")
    gone = _text_page(tmp_path, "gone.txt", "會被刪掉的")
    for p in (gone, first, second):
        window.open_path(p)
    gone.unlink()
    again = _make(qtbot, settings, FakeDialogs())
    again.build_controls()
    entries = [a for a in again.actions() if a.objectName().startswith("actionRecent")]
    # The articles' titles tell the files apart; the path is the tooltip.
    assert [a.text() for a in entries] == ["&1 第二篇", "&2 第一篇"]
    assert [a.toolTip() for a in entries] == [str(second.resolve()), str(first.resolve())]
    assert again.build_controls().recent_menu.toolTipsVisible()
    again.action("actionRecent2").trigger()
    assert again.path == first.resolve() or again.path == first
    assert "第一篇" in again.view.toPlainText()


def test_reload_reads_the_file_again_and_keeps_place(window: MainWindow, tmp_path: Path) -> None:
    page = _text_page(tmp_path, "live.txt", "舊標題")
    window.open_path(page)
    page.write_text("新標題\n\n" + TEXT_PAGE, encoding="utf-8")
    window.action("actionReload").trigger()
    assert "新標題" in window.view.toPlainText()


def test_unreadable_file_shows_error_naming_it_and_keeps_article(
    window: MainWindow, tmp_path: Path, errors: list[tuple[str, str]]
) -> None:
    window.open_path(_text_page(tmp_path, "good.txt", "好好的文章"))
    missing = tmp_path / "不存在的檔案.html"
    assert not window.open_path(missing)
    assert len(errors) == 1
    assert "不存在的檔案.html" in errors[0][1]
    assert len(errors[0][1]) > len("不存在的檔案.html") + 10  # the reason is there too
    assert "好好的文章" in window.view.toPlainText()
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    assert not window.open_path(empty)
    assert len(errors) == 2
    assert "好好的文章" in window.view.toPlainText()


# -- reading ---------------------------------------------------------------------------------


def test_header_meta_and_body_are_shown(rich: MainWindow) -> None:
    text = rich.view.toPlainText()
    assert "鹿鳴鎮舊貨市集：讓老物件再轉一圈" in text
    assert "2024-05-11 · 溪谷週報 · 程思遠" in text
    assert "https://weekly.luming.example/market/2024/0511.html" in text
    assert "從廢鐵到寶藏" in text
    assert "［圖］遠方的山" in text  # a remote image shows its alt text
    assert rich.windowTitle().startswith("鹿鳴鎮舊貨市集")


def test_images_come_only_from_the_article(rich: MainWindow) -> None:
    kind = QTextDocument.ResourceType.ImageResource.value
    saved = rich.view.loadResource(kind, QUrl(f"{ASSET_SCHEME}:1"))
    assert isinstance(saved, QImage)
    assert not saved.isNull()
    for url in ("https://img.example/a.png", "file:///etc/hostname", f"{ASSET_SCHEME}:0"):
        refused = rich.view.loadResource(kind, QUrl(url))
        assert isinstance(refused, QByteArray)
        assert refused.isEmpty()
    assert "https://" not in rich.view.toHtml().split("<body", 1)[1].split("href=")[0]


def test_links_open_in_browser_only_when_http(rich: MainWindow, fake: FakeDialogs) -> None:
    opened = fake.opened
    assert not rich.view.openLinks()
    rich.view.anchorClicked.emit(QUrl("https://weekly.luming.example/x"))
    rich.view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    rich.view.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert [u.toString() for u in opened] == ["https://weekly.luming.example/x"]


def test_status_bar_shows_encoding_count_time_and_script(rich: MainWindow) -> None:
    article = rich.article
    assert article is not None
    status = " ".join(w.text() for w in rich.statusBar().findChildren(QLabel))
    assert "BIG5" in status
    assert f"{article.char_count:,}" in status
    assert "Original" in status or "原文" in status


def test_column_is_centred_and_about_forty_characters(rich: MainWindow) -> None:
    rich.resize(1400, 800)
    QApplication.processEvents()
    fmt = rich.view.document().rootFrame().frameFormat()
    width = rich.view.viewport().width() - fmt.leftMargin() - fmt.rightMargin()
    em = rich.view.fontMetrics().horizontalAdvance("中")
    assert 36 <= width / em <= 42
    assert abs(fmt.leftMargin() - fmt.rightMargin()) < 1


def test_zoom_in_out_and_reset(rich: MainWindow) -> None:
    size = rich.view.font().pointSizeF()
    rich.action("actionZoomIn").trigger()
    rich.action("actionZoomIn").trigger()
    assert rich.view.font().pointSizeF() == size + 2
    rich.action("actionZoomOut").trigger()
    assert rich.view.font().pointSizeF() == size + 1
    rich.action("actionZoomReset").trigger()
    assert rich.view.font().pointSizeF() == size
    assert QKeySequence("Ctrl+=") in rich.action("actionZoomIn").shortcuts()


def test_serif_and_sans_fonts_follow_the_script(rich: MainWindow, qtbot: QtBot) -> None:
    assert rich.view.font().families()[0] == "Noto Serif CJK TC"
    rich.action("actionFontSans").trigger()
    assert rich.view.font().families()[0] == "Noto Sans CJK TC"
    _switch(qtbot, rich, "actionScriptSimplified")
    assert rich.view.font().families()[0] == "Noto Sans CJK SC"


# -- script ----------------------------------------------------------------------------------


def test_script_switch_changes_text_sidebar_title_and_keeps_place(
    rich: MainWindow, qtbot: QtBot
) -> None:
    rich.go_to_section(1)
    before = rich.view.top_block()
    assert before == rich_article().sections[1].block
    shown = _switch(qtbot, rich, "actionScriptSimplified")
    text = rich.view.toPlainText()
    assert "鹿鸣镇旧货市集" in text
    assert "鹿鳴鎮" not in text
    assert rich.sidebar.items("sections")[1] == "修理师傅的手艺"
    assert rich.sidebar.items("speakers")[0].startswith("简雨农")
    assert rich.windowTitle().startswith("鹿鸣镇")
    assert shown.title == "鹿鸣镇旧货市集：让老物件再转一圈"
    assert rich.view.top_block() == before


def test_switching_back_is_instant_from_cache(rich: MainWindow, qtbot: QtBot) -> None:
    _switch(qtbot, rich, "actionScriptSimplified")
    shown: list[Article] = []
    rich.article_shown.connect(shown.append)
    rich.action("actionScriptOriginal").trigger()  # no event loop needed: cached
    assert shown and shown[-1] is rich.article
    rich.action("actionScriptSimplified").trigger()
    assert len(shown) == 2
    assert "鹿鸣镇" in rich.view.toPlainText()


def _busy_shown(window: MainWindow) -> bool:
    busy = window.findChild(QProgressBar, "busyIndicator")
    assert busy is not None
    return busy.isVisibleTo(window)


def test_a_big_page_loads_in_the_background_with_busy_indicator(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, fake: FakeDialogs
) -> None:
    # Every page counts as big here, so the small fixture goes to the worker process.
    w = _make(qtbot, settings, fake, ReadingSession(settings, inline_bytes=0))
    w.show_article(rich_article())
    page = _text_page(tmp_path, "big.txt", "背景載入的文章")
    with qtbot.waitSignal(w.article_loaded, timeout=CONVERT_TIMEOUT) as loaded:
        assert w.open_path(page)  # returns once the load is scheduled
        assert w.is_busy()
        assert _busy_shown(w)
        assert "鹿鳴鎮" in w.view.toPlainText()  # the old article stays until the new one
    assert isinstance(loaded.args[0], Article)
    assert "背景載入的文章" in w.view.toPlainText()
    assert w.path == page
    assert not w.is_busy()
    assert not _busy_shown(w)


def test_a_newer_open_supersedes_one_still_loading(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, fake: FakeDialogs
) -> None:
    w = _make(qtbot, settings, fake, ReadingSession(settings, inline_bytes=0))
    first = _text_page(tmp_path, "first.txt", "先開的文章")
    second = _text_page(tmp_path, "second.txt", "後開的文章")
    loaded: list[Article] = []
    w.article_loaded.connect(loaded.append)
    w.open_path(first)
    with qtbot.waitSignal(w.article_loaded, timeout=CONVERT_TIMEOUT):
        w.open_path(second)
    qtbot.wait(300)  # the first one's result, if it ever came, would have come by now
    assert [a.title for a in loaded] == ["後開的文章"]
    assert w.path == second
    assert not fake.errors  # the stopped worker of the first load is no failure


def test_a_background_load_that_fails_says_why(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, fake: FakeDialogs
) -> None:
    w = _make(qtbot, settings, fake, ReadingSession(settings, inline_bytes=0))
    empty = tmp_path / "空白.html"
    empty.write_bytes(b"<html><body></body></html>")
    with qtbot.waitSignal(w.load_failed, timeout=CONVERT_TIMEOUT) as failed:
        assert w.open_path(empty)
    assert "空白.html" in failed.args[0]
    assert fake.errors and fake.errors[0][1] == failed.args[0]
    assert not w.is_busy()


def test_a_big_page_is_converted_in_the_background_to_the_script_asked_for(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, fake: FakeDialogs
) -> None:
    w = _make(qtbot, settings, fake, ReadingSession(settings, inline_bytes=0))
    w.set_pref("script", Target.SIMPLIFIED)
    page = _text_page(tmp_path, "big.txt", "背景載入的文章")
    with qtbot.waitSignal(w.article_shown, timeout=CONVERT_TIMEOUT) as shown:
        w.open_path(page)
    assert shown.args[0].script is Script.SIMPLIFIED
    assert "店主周念青说" in w.view.toPlainText()
    # The original came back from the worker too, and switching to it shows it.
    original = _switch(qtbot, w, "actionScriptOriginal")
    assert original is w.article
    assert "店主周念青說" in w.view.toPlainText()
    assert not fake.errors


def test_a_script_switch_converts_before_the_trigger_returns(rich: MainWindow) -> None:
    # OpenCC's C++ engine converts 25,000 characters in a few ms: no thread, no waiting.
    rich.action("actionScriptSimplified").trigger()
    assert "鹿鸣镇" in rich.view.toPlainText()
    assert not rich.is_busy()


def test_taiwan_hongkong_and_quote_styles(rich: MainWindow, qtbot: QtBot) -> None:
    _switch(qtbot, rich, "actionQuotesCurly")
    assert "“這些舊東西" in rich.view.toPlainText()
    _switch(qtbot, rich, "actionScriptHongKong")
    assert rich.action("actionScriptHongKong").isChecked()
    assert rich.prefs.script is Target.HONGKONG
    assert rich.view.font().families()[0].endswith("HK")


def _status_script(window: MainWindow) -> str:
    label = window.findChild(QLabel, "statusScript")
    assert label is not None
    return label.text()


def test_traditional_on_a_traditional_page_shows_it_as_written(
    rich: MainWindow, qtbot: QtBot
) -> None:
    before = rich.view.toPlainText()
    assert "沿著溪邊" in before  # Taiwan's 著, which OpenCC's standard writes 着
    for name in ("actionStandardOpenCC", "actionStandardHongKong", "actionStandardTaiwan"):
        rich.action(name).trigger()
        shown = _switch(qtbot, rich, "actionScriptTraditional")
        assert rich.view.toPlainText() == before
        assert shown.blocks == rich_article().blocks
        assert any(w in _status_script(rich) for w in ("依原文", "as written")), name
        _switch(qtbot, rich, "actionScriptOriginal")


def _simplified_article() -> Article:
    return Article(
        title="老街的店",
        blocks=(Block(BlockType.PARAGRAPH, "她为了这件事，在店里等着老朋友。"),),
        script=Script.SIMPLIFIED,
    )


def test_traditional_standard_chooses_the_forms_and_persists(
    window: MainWindow, qtbot: QtBot, settings: QSettings
) -> None:
    window.show_article(_simplified_article())
    qtbot.waitUntil(lambda: window.view.top_block() is not None)
    assert window.action("actionStandardTaiwan").isChecked()  # the default
    _switch(qtbot, window, "actionScriptTraditional")
    assert "在店裡等著" in window.view.toPlainText()
    assert any(w in _status_script(window) for w in ("臺灣", "台湾", "Taiwan"))
    for name, forms, label in (
        ("actionStandardHongKong", "為了這件事，在店裏等着", ("香港", "Hong Kong")),
        ("actionStandardOpenCC", "爲了這件事，在店裏等着", ("OpenCC",)),
    ):
        with qtbot.waitSignal(window.article_shown, timeout=CONVERT_TIMEOUT):
            window.action(name).trigger()  # repaints at once, in the new forms
        assert forms in window.view.toPlainText(), name
        assert window.action(name).isChecked()
        assert any(w in _status_script(window) for w in label), _status_script(window)
    # The Taiwan vocabulary entry is unaffected: Taiwan forms and words, whatever the standard.
    _switch(qtbot, window, "actionScriptTaiwan")
    assert "在店裡等著" in window.view.toPlainText()
    window.close()

    again = build_window(settings)
    qtbot.addWidget(again)
    assert again.prefs.traditional_standard is TraditionalStandard.OPENCC
    assert again.action("actionStandardOpenCC").isChecked()


def test_conversion_failure_is_reported_and_toggle_reverts(
    rich: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, errors: list[object]
) -> None:
    from reader.core import script

    def broken(*_args: object, **_kwargs: object) -> Article:
        raise ScriptError("OpenCC is not usable here.")

    monkeypatch.setattr(script, "convert", broken)
    with qtbot.waitSignal(rich.conversion_failed, timeout=CONVERT_TIMEOUT):
        rich.action("actionScriptSimplified").trigger()
    assert errors and "OpenCC" in str(errors[0])
    assert rich.action("actionScriptOriginal").isChecked()
    assert "鹿鳴鎮" in rich.view.toPlainText()


# -- theme -----------------------------------------------------------------------------------


def _window_lightness(app: QApplication) -> int:
    return app.palette().color(QPalette.ColorRole.Window).lightness()


def test_theme_switch_recolours_window_and_article(rich: MainWindow, qapp: QApplication) -> None:
    rich.action("actionThemeDark").trigger()
    assert _window_lightness(qapp) < 80
    dark_css = rich.view.document().defaultStyleSheet()
    assert rich.look.colors["text"] in dark_css
    assert rich.look.dark
    assert "鹿鳴鎮" in rich.view.toPlainText()
    rich.action("actionThemeLight").trigger()
    assert _window_lightness(qapp) > 180
    assert rich.view.document().defaultStyleSheet() != dark_css
    assert rich.action("actionThemeLight").isChecked()


def _pixel(widget: QWidget) -> str:
    """The colour of a widget's top-left corner as painted."""
    return widget.grab().toImage().pixelColor(3, 3).name()


def test_theme_switch_repaints_every_part(rich: MainWindow, qtbot: QtBot) -> None:
    rich.action("actionThemeLight").trigger()
    toolbar = rich.findChild(QToolBar, "toolbar")
    assert toolbar is not None
    light = (_pixel(rich.view.viewport()), _pixel(rich.sidebar.viewport()), _pixel(toolbar))
    rich.action("actionThemeDark").trigger()
    qtbot.waitUntil(lambda: _pixel(rich.view.viewport()) == rich.look.colors["paper"])
    dark = (_pixel(rich.view.viewport()), _pixel(rich.sidebar.viewport()), _pixel(toolbar))
    assert dark == (
        rich.look.colors["paper"],
        rich.look.colors["window"],
        rich.look.colors["window"],
    )
    for before, after in zip(light, dark, strict=True):
        assert QColor(before).lightness() > 150
        assert QColor(after).lightness() < 80


def test_theme_switch_keeps_place(rich: MainWindow) -> None:
    rich.go_to_section(2)
    before = rich.view.top_block()
    rich.action("actionThemeDark").trigger()
    assert rich.view.top_block() == before


def test_follow_system_reacts_to_colour_scheme_change(rich: MainWindow, qapp: QApplication) -> None:
    rich.action("actionThemeSystem").trigger()
    hints = qapp.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert rich.look.dark
    assert _window_lightness(qapp) < 80
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not rich.look.dark
    rich.action("actionThemeLight").trigger()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # ignored: the user chose light
    assert not rich.look.dark


def test_page_recorded_theme_applies_on_open(window: MainWindow, qapp: QApplication) -> None:
    window.action("actionThemeLight").trigger()
    window.show_article(rich_article(theme=Theme.DARK))
    assert window.look.dark
    assert window.action("actionThemeDark").isChecked()
    assert _window_lightness(qapp) < 80
    window.action("actionThemeLight").trigger()  # and the reader can change it
    assert not window.look.dark


def test_recorded_theme_of_the_simplified_sample(window: MainWindow) -> None:
    path = SAMPLES / "simp-html" / "page.html"
    if not path.exists():
        pytest.skip("sample not written yet")
    window.open_path(path)
    assert window.article is not None
    if window.article.theme is None:
        pytest.skip("the extractor does not read the page's theme yet")
    assert window.look.dark == (window.article.theme is Theme.DARK)


def test_accent_preset_changes_highlight(rich: MainWindow, qapp: QApplication) -> None:
    rich.action("actionAccentVermilion").trigger()
    red = qapp.palette().color(QPalette.ColorRole.Highlight)
    rich.action("actionAccentJade").trigger()
    green = qapp.palette().color(QPalette.ColorRole.Highlight)
    assert red != green
    assert red.red() > red.green()
    assert green.green() > green.red()
    assert rich.prefs.accent is Accent.JADE


# -- sections and speakers -------------------------------------------------------------------


def _click(qtbot: QtBot, tree: QTreeWidget, item: object) -> None:
    rect = tree.visualItemRect(item)  # type: ignore[arg-type]
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )


def test_click_section_puts_heading_at_top(rich: MainWindow, qtbot: QtBot) -> None:
    article = rich_article()
    _click(qtbot, rich.sidebar, rich.sidebar.item("sections", 2))
    assert rich.view.top_block() == article.sections[2].block
    _click(qtbot, rich.sidebar, rich.sidebar.item("sections", 0))
    assert rich.view.top_block() == article.sections[0].block


def test_current_section_follows_scrolling(rich: MainWindow) -> None:
    article = rich_article()
    rich.view.scroll_to(f"b{article.sections[1].block + 3}")
    assert rich.sidebar.current("sections") == 1
    rich.view.verticalScrollBar().setValue(0)
    assert rich.sidebar.current("sections") is None


def test_next_and_previous_section_shortcuts(rich: MainWindow) -> None:
    blocks = [s.block for s in rich_article().sections]
    nxt = rich.action("actionNextSection")
    prev = rich.action("actionPreviousSection")
    nxt.trigger()
    assert rich.view.top_block() == blocks[0]
    nxt.trigger()
    assert rich.view.top_block() == blocks[1]
    prev.trigger()
    assert rich.view.top_block() == blocks[0]
    assert not nxt.shortcut().isEmpty()
    assert not prev.shortcut().isEmpty()


def test_click_speaker_cycles_through_passages_and_marks_them(
    rich: MainWindow, qtbot: QtBot
) -> None:
    speaker = rich_article().speakers[1]
    item = rich.sidebar.item("speakers", 1)
    seen = []
    for _ in range(len(speaker.blocks) + 1):
        _click(qtbot, rich.sidebar, item)
        seen.append(rich.view.top_block())
    assert seen == [*speaker.blocks, speaker.blocks[0]]
    assert rich.view.marks.count("speaker") == len(speaker.blocks)
    assert rich.marked_speaker() == speaker.name


def test_speaker_marks_survive_a_script_switch(rich: MainWindow, qtbot: QtBot) -> None:
    rich.go_to_speaker("羅曉帆")
    _switch(qtbot, rich, "actionScriptSimplified")
    assert rich.marked_speaker() == "罗晓帆"
    assert rich.view.marks.count("speaker") == 2


# -- find ------------------------------------------------------------------------------------


def test_find_counts_highlights_and_steps(rich: MainWindow, qtbot: QtBot) -> None:
    rich.action("actionFind").trigger()
    assert rich.find_bar.isVisible()
    rich.find_bar.edit.setText("舊貨")
    n = rich.match_count()
    assert n >= 3
    assert rich.view.marks.count("find") == n
    assert rich.find_bar.count.text() == f"1/{n}"
    rich.action("actionFindNext").trigger()
    assert rich.find_bar.count.text() == f"2/{n}"
    rich.action("actionFindPrevious").trigger()
    rich.action("actionFindPrevious").trigger()
    assert rich.find_bar.count.text() == f"{n}/{n}"
    assert rich.view.textCursor().selectedText() == "舊貨"
    QTest.keyClick(rich.find_bar.edit, Qt.Key.Key_Escape)
    assert not rich.find_bar.isVisible()
    assert rich.view.marks.count("find") == 0


def test_find_in_either_script(rich: MainWindow, qtbot: QtBot) -> None:
    rich.open_find()
    rich.find_bar.edit.setText("旧货")  # typed in Simplified, shown in Traditional
    assert rich.match_count() >= 3
    assert rich.view.textCursor().selectedText() == "舊貨"
    _switch(qtbot, rich, "actionScriptSimplified")
    rich.find_bar.edit.setText("舊貨")  # typed in Traditional, shown in Simplified
    assert rich.match_count() >= 3
    assert rich.view.textCursor().selectedText() == "旧货"


def test_find_with_no_match_says_so(rich: MainWindow, qtbot: QtBot) -> None:
    rich.open_find()
    rich.find_bar.edit.setText("不存在的詞語")
    assert rich.match_count() == 0
    assert rich.find_bar.count.text() in ("沒有結果", "没有结果", "No matches")


# -- persistence -----------------------------------------------------------------------------


def test_preferences_and_state_survive_a_restart(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    page = tmp_path / "long.txt"
    body = [b.text for b in rich_article().blocks if b.type is BlockType.PARAGRAPH]
    page.write_text("長文標題\n\n" + "\n\n".join(body), encoding="utf-8")
    first = _make(qtbot, settings, FakeDialogs())
    first.open_path(page)
    first.action("actionThemeDark").trigger()
    first.action("actionFontSans").trigger()
    first.action("actionZoomIn").trigger()
    first.action("actionAccentIndigo").trigger()
    splitter = first.findChild(QSplitter, "splitter")
    assert splitter is not None
    splitter.setSizes([300, 700])
    assert first.view.scroll_to("b6")
    qtbot.waitUntil(first.view.settled)
    where = first.view.top_block()
    assert where == 6
    with qtbot.waitSignal(first.article_shown, timeout=CONVERT_TIMEOUT):
        first.action("actionScriptSimplified").trigger()
    first.resize(720, 540)
    first.close()

    second = build_window(settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (720, 540)  # geometry restored
    second.show()
    qtbot.waitExposed(second)
    prefs = second.prefs
    assert prefs.theme is Theme.DARK
    assert prefs.script is Target.SIMPLIFIED
    assert prefs.font is FontStyle.SANS
    assert prefs.zoom == 1
    assert prefs.accent is Accent.INDIGO
    assert second.action("actionThemeDark").isChecked()
    assert second.action("actionScriptSimplified").isChecked()
    splitter = second.findChild(QSplitter, "splitter")
    assert splitter is not None
    assert splitter.sizes()[0] == 300
    second.open_path(page)  # shows the original at once, the conversion follows
    qtbot.waitUntil(lambda: "长文标题" in second.view.toPlainText(), timeout=CONVERT_TIMEOUT)
    qtbot.waitUntil(second.view.settled)
    assert second.view.top_block() == where


# -- language and accessibility --------------------------------------------------------------


def test_interface_language_switches(window: MainWindow) -> None:
    window.action("actionLanguageEnglish").trigger()
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&File" in titles
    assert window.action("actionOpen").text() == "&Open…"
    window.action("actionLanguageHans").trigger()
    assert "文件(&F)" in [a.text() for a in window.menuBar().actions()]
    window.action("actionLanguageHant").trigger()
    assert "檔案(&F)" in [a.text() for a in window.menuBar().actions()]
    assert window.prefs.language is Language.TRADITIONAL


REQUIRED_ACTIONS = (
    "actionOpen",
    "actionScriptOriginal",
    "actionScriptTraditional",
    "actionScriptSimplified",
    "actionThemeSystem",
    "actionThemeLight",
    "actionThemeDark",
    "actionFind",
)


def test_object_names_and_every_action_has_name_and_shortcut(window: MainWindow) -> None:
    assert window.findChild(QTextBrowser, "articleView") is window.view
    assert window.findChild(QTreeWidget, "sidebar") is window.sidebar
    for name in REQUIRED_ACTIONS:
        assert window.action(name).objectName() == name
    named = [a for a in window.actions() if a.objectName().startswith("action")]
    assert len(named) >= 30
    for act in named:
        assert not act.shortcut().isEmpty(), act.objectName()
        assert act.property("accessibleName"), act.objectName()
        assert act.text(), act.objectName()
    shortcuts = [a.shortcut().toString() for a in named]
    assert len(shortcuts) == len(set(shortcuts)), "shortcut clash"
    toolbar = window.findChild(QToolBar, "toolbar")
    assert toolbar is not None
    for act in toolbar.actions():
        button = toolbar.widgetForAction(act)
        if button is not None and not act.isSeparator():
            assert button.accessibleName()


def test_full_screen_toggles(window: MainWindow, qtbot: QtBot) -> None:
    window.action("actionFullScreen").trigger()
    qtbot.waitUntil(window.isFullScreen)
    window.action("actionFullScreen").trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_sidebar_toggle(window: MainWindow) -> None:
    window.action("actionSidebar").trigger()
    assert not window.sidebar.isVisible()
    window.action("actionSidebar").trigger()
    assert window.sidebar.isVisible()


def test_real_page_from_test_pages_opens(window: MainWindow) -> None:
    page = PAGES / "interview.html"
    if not page.exists():
        pytest.skip("test page not written yet")
    assert window.open_path(page)


def test_window_geometry_bytes_are_not_required(settings: QSettings, qtbot: QtBot) -> None:
    settings.setValue("state/geometry", QByteArray(b"garbage"))
    w = _make(qtbot, settings, FakeDialogs())
    assert w.width() > 200


def test_every_preference_has_an_effect_and_every_choice_a_field() -> None:
    from enum import StrEnum

    from reader.core import prefs as core_prefs
    from reader.ui import actions
    from reader.ui.effects import EFFECTS

    assert set(EFFECTS) == set(core_prefs.field_names())
    names = [c.name for c in actions.COMMANDS] + [
        o.name for choice in actions.CHOICES for o in choice.options
    ]
    assert len(names) == len(set(names))
    for choice in actions.CHOICES:
        default = getattr(core_prefs.DEFAULTS, choice.pref)
        assert isinstance(default, StrEnum), choice.pref
        kind = type(default)
        assert all(isinstance(o.value, kind) for o in choice.options), choice.pref
        assert {o.value for o in choice.options} == set(kind), choice.pref  # every value offered


def test_choosing_an_option_checks_it_and_stores_the_preference(
    window: MainWindow, settings: QSettings
) -> None:
    from reader.ui import actions

    for choice in actions.CHOICES:
        for option in choice.options:
            window.action(option.name).trigger()
            assert window.action(option.name).isChecked(), option.name
            assert getattr(window.prefs, choice.pref) == option.value


def test_the_loading_worker_imports_no_qt(qtbot: QtBot) -> None:
    from reader.ui.jobs import ProcessJobs

    jobs = ProcessJobs()
    try:
        with qtbot.waitSignal(jobs.finished, timeout=CONVERT_TIMEOUT) as done:
            jobs.submit(eval, "[m for m in __import__('sys').modules if m.startswith('PySide6')]")
        assert done.args[1] == []
    finally:
        jobs.shutdown()


def test_a_worker_that_dies_is_reported_not_waited_for(qtbot: QtBot) -> None:
    import os

    from reader.ui.jobs import STOPPED, ProcessJobs

    jobs = ProcessJobs()
    try:
        with qtbot.waitSignal(jobs.failed, timeout=CONVERT_TIMEOUT) as failed:
            jobs.submit(os._exit, 3)  # as if the loader crashed on a page
        assert failed.args[1] == STOPPED
        assert not jobs.busy()
        with qtbot.waitSignal(jobs.finished, timeout=CONVERT_TIMEOUT) as done:
            jobs.submit(len, "還能用")  # a new worker takes the next job
        assert done.args[1] == 3
    finally:
        jobs.shutdown()
