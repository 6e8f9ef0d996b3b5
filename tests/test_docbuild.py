"""A big article's document built in slices: the same document, shown while it grows.

The article is original prose about fictional people, repeated with headings, lists,
quotes and captions until its rendering is well past the size that is sliced.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from reader.app import build_window
from reader.core import Article, Block, BlockType, Script, Section, Speaker
from reader.core.render import anchor, render
from reader.ui.docbuild import SLICED_HTML_CHARS, ArticleDocument, _anchors_as_states, _index
from reader.ui.window import MainWindow

PROSE = (
    "霧氣從河谷升起的時候，老街盡頭那間書店還亮著燈，靠窗的舊沙發上坐著寫功課的學生。",
    "店主周念青說：「書店不是賣書的地方，是讓人停下來的地方。」她在這條街上開店十二年。",
    "每個月的第一個週末，書店會舉辦讀書會，退休的老師和附近工廠的工人輪流朗讀喜歡的段落。",
)
CSS = (
    "h1.title { font-size: 24pt; } h2.section { margin-top: 20px; font-weight: bold; }\n"
    "p.para { margin-bottom: 12px; } li.item { color: #a33; } p.quote { margin-left: 2em; }\n"
    "span.speaker { color: #37a; } p.caption { font-size: 9pt; }"
)


def big_article(sections: int = 600) -> Article:
    blocks: list[Block] = []
    heads: list[Section] = []
    for n in range(sections):
        heads.append(Section(f"第{n + 1}節　河谷書店", len(blocks)))
        blocks.append(Block(BlockType.HEADING, f"第{n + 1}節　河谷書店"))
        blocks += [Block(BlockType.PARAGRAPH, p) for p in PROSE]
        blocks += [Block(BlockType.LIST_ITEM, f"書單第{i}本") for i in range(1, 4)]
        blocks.append(Block(BlockType.QUOTE, PROSE[1]))
        blocks.append(Block(BlockType.CAPTION, "圖說：書店的木頭書架"))
        if n % 3 == 0:  # a table ends some slices: the block after it takes the next one
            blocks.append(Block(BlockType.TABLE, "書名\t冊數\n山城夜話\t3", header=True))
        blocks.append(Block(BlockType.PARAGRAPH, PROSE[2]))
    return Article(
        title="河谷書店",
        blocks=tuple(blocks),
        author="林遠志",
        script=Script.TRADITIONAL,
        sections=tuple(heads),
        speakers=(Speaker("周念青", tuple(range(2, len(blocks), 10))),),
    )


def _blocks(doc: QTextDocument) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    block = doc.begin()
    while block.isValid():
        f, c = block.blockFormat(), block.charFormat()
        runs = []
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            cf = frag.charFormat()
            runs.append((frag.text(), cf.fontWeight(), cf.fontPointSize(), cf.foreground().color()))
            it += 1
        out.append(
            (
                block.text(),
                block.userState(),
                f.topMargin(),
                f.bottomMargin(),
                f.leftMargin(),
                f.indent(),
                f.headingLevel(),
                block.textList() is not None,
                c.fontWeight(),
                c.fontPointSize(),
                tuple(runs),
            )
        )
        block = block.next()
    return out


def test_a_document_built_in_slices_is_the_one_built_at_once(qtbot: QtBot) -> None:
    html = render(big_article())
    assert len(html) > 2 * SLICED_HTML_CHARS
    whole = QTextDocument()
    whole.setDefaultStyleSheet(CSS)
    whole.setHtml(_anchors_as_states(html))
    anchors: dict[str, int] = {}
    _index(whole.begin(), anchors, {})

    sliced = QTextDocument()
    sliced.setDefaultStyleSheet(CSS)
    built = ArticleDocument(sliced, html)
    steps = 0
    while not built.build_step(0):
        steps += 1
    assert steps > 2  # really built in several slices
    assert _blocks(sliced) == _blocks(whole)
    assert built.anchors == anchors
    assert len(built.anchors) == len(big_article().blocks) + 1  # every block, and "top"


def test_a_small_article_is_built_at_once(qtbot: QtBot) -> None:
    article = big_article(sections=2)
    built = ArticleDocument(QTextDocument(), render(article))
    assert built.build_step(0)
    assert built.complete
    assert anchor(len(article.blocks) - 1) in built.anchors


def _window(qtbot: QtBot, settings: QSettings) -> MainWindow:
    window = build_window(settings)
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_big_article_shows_at_once_and_keeps_growing(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    window = _window(qtbot, settings)
    article = big_article()
    late = len(article.sections) - 20  # far past the first slice, not at the very end
    with qtbot.waitSignal(window.view.document_completed, timeout=20_000):
        window.show_article(article)
        assert window.view.building()  # shown before the whole document is there
        assert window.view.top_block() is not None
        # A jump past what is built yet is held, and carried out once it is.
        window.go_to_section(late)
    qtbot.waitUntil(window.view.settled, timeout=5_000)
    assert not window.view.building()
    assert window.view.top_block() == article.sections[late].block
    # The speaker's passages are all marked, the ones in late slices too.
    window.go_to_speaker("周念青")
    assert window.view.marks.count("speaker") == len(article.speakers[0].blocks)


def test_find_sees_the_whole_big_article(qtbot: QtBot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    article = big_article()
    expected = sum(b.text.count("讀書會") for b in article.blocks)
    with qtbot.waitSignal(window.view.document_completed, timeout=20_000):
        window.show_article(article)
        window.open_find()
        window.find_bar.edit.setText("讀書會")
        assert window.match_count() < expected  # only what is built so far
    assert window.match_count() == expected
