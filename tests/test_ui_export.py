"""File ▸ Export: Markdown and self-contained HTML from the core's exporter, PDF through
Qt's printer in light colours with the article's pictures (pytest-qt, offscreen)."""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QFont, QImage

from reader.core.article import Article, Block, BlockType, Script
from reader.core.render import render
from reader.ui.export import print_document, suffix, write_pdf, write_text_export


def _png() -> bytes:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")  # type: ignore[call-overload]
    return bytes(data.data())


def _article(png: bytes) -> Article:
    return Article(
        title="港灣的一天",
        blocks=(
            Block(BlockType.PARAGRAPH, "潮水退去以後，碼頭邊的漁民開始整理漁網，準備明天出海。"),
            Block(BlockType.IMAGE, "漁船", src="boat.png"),
            Block(BlockType.PARAGRAPH, "傍晚，孩子們在堤岸上追著海鷗跑。"),
        ),
        script=Script.TRADITIONAL,
        assets=MappingProxyType({"boat.png": png}),
    )


def test_markdown_and_html_files(qapp: object, tmp_path: Path) -> None:
    png = _png()
    article = _article(png)
    md = tmp_path / ("a" + suffix("markdown"))
    write_text_export(article, "markdown", md)
    assert md.read_text(encoding="utf-8").startswith("# 港灣的一天")
    page = tmp_path / ("a" + suffix("html"))
    write_text_export(article, "html", page, css="p.para { color: #222; }")
    text = page.read_text(encoding="utf-8")
    assert re.search(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]+"', text)
    # No temporary file left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "a.md"]


def test_a_failed_write_leaves_the_target_as_it_was(qapp: object, tmp_path: Path) -> None:
    target = tmp_path / "kept.md"
    target.write_text("mine", encoding="utf-8")
    article = _article(_png()).with_changes(title="\ud800")  # cannot be encoded
    with pytest.raises(UnicodeEncodeError):
        write_text_export(article, "markdown", target)
    assert target.read_text(encoding="utf-8") == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.md"]


def test_pdf_through_qt_printer(qapp: object, tmp_path: Path) -> None:
    png = _png()
    article = _article(png)
    doc = print_document(
        render(article), "p.para { color: #222222; }", QFont("Noto Serif CJK TC", 12), {1: png}
    )
    assert "港灣的一天" in doc.toPlainText()
    # The picture is a resource of the document itself, not fetched from anywhere.
    assert doc.resource(2, "qingdu-asset:1") is not None
    out = tmp_path / "a.pdf"
    write_pdf(doc, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]
