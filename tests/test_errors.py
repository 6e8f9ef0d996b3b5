"""Error messages in the interface's language (reader/ui/errors.py): the core is made to
fail every way a user can make it fail, and each reason is translated, without the file's
name (the dialog's headline has it) and without "Cannot open" twice."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from reader.core import ReaderError, load_article
from reader.core.prefs import Language
from reader.ui import i18n
from reader.ui.errors import is_translated, reason

_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
#: Latin words a Chinese message may keep: format names and Qingdu's own.
_KEPT = {"PNG", "JPEG", "GIF", "PDF", "ZIP", "MHTML", "HTML", "MIME", "OpenCC", "opencc"}


def _failures(tmp_path: Path) -> dict[str, str]:
    """A message for each way opening a file fails."""
    html = "<html><body><nav><a href='/'>首頁</a></nav></body></html>"
    files: dict[str, bytes] = {
        "empty.html": b"",
        "picture.html": b"\x89PNG\r\n\x1a\n" + bytes(64),
        "blank.txt": b"   \n\n  ",
        "menu.html": html.encode(),
        "mhtml-empty.mht": (
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
            b"--b\r\nContent-Type: text/html\r\n\r\n\r\n--b--\r\n"
        ),
    }
    out: dict[str, str] = {}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "folder").mkdir()
    paths = [
        *(tmp_path / n for n in files),
        tmp_path / "missing.html",
        tmp_path / "folder",
        tmp_path / "empty.html" / "below",
    ]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe")
        paths.append(tmp_path / "pipe")
    for path in paths:
        try:
            load_article(path)
        except ReaderError as exc:
            out[path.name] = str(exc)
    try:
        load_article("https://news.example/a.html")
    except ReaderError as exc:
        out["web"] = str(exc)
    return out


def test_every_failure_has_a_translated_reason(tmp_path: Path) -> None:
    failures = _failures(tmp_path)
    assert len(failures) >= 8
    for name, message in failures.items():
        assert is_translated(message), message
        for language in (Language.TRADITIONAL, Language.SIMPLIFIED):
            text = reason(message, language)
            assert str(tmp_path) not in text, (name, text)
            leftover = set(_LATIN_WORD.findall(text)) - _KEPT
            assert not leftover, (name, text)
        english = reason(message, Language.ENGLISH)
        assert not english.startswith("Cannot"), english
        assert str(tmp_path) not in english


@pytest.mark.parametrize("language", [Language.TRADITIONAL, Language.SIMPLIFIED, Language.ENGLISH])
def test_the_dialog_text_says_cannot_open_once(tmp_path: Path, language: Language) -> None:
    message = _failures(tmp_path)["missing.html"]
    body = i18n.text("error_open", language, name="missing.html", reason=reason(message, language))
    assert body.lower().count("cannot open") <= 1
    if language is Language.ENGLISH:
        assert body == "Cannot open “missing.html”.\n\nNo such file."
    else:
        assert "找不到" in body


def test_a_binary_kind_is_named_in_chinese(tmp_path: Path) -> None:
    message = _failures(tmp_path)["picture.html"]
    assert reason(message, Language.TRADITIONAL) == "這是PNG 圖片，不是存檔的網頁。"
    assert reason(message, Language.ENGLISH) == "It is a PNG image, not a saved page."


def test_an_unknown_shape_is_shown_as_the_core_wrote_it() -> None:
    assert reason("Something new went wrong.", Language.TRADITIONAL) == (
        "Something new went wrong."
    )


def test_qt_standard_buttons_follow_the_interface_language(qapp: object) -> None:
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.i18n import QtTranslations

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (folder / "qtbase_zh_TW.qm").is_file():
        pytest.skip("this Qt was installed without its translations")
    translations = QtTranslations()

    def ok_text() -> str:
        box = QMessageBox(QMessageBox.Icon.Warning, "t", "m", QMessageBox.StandardButton.Ok)
        button = box.button(QMessageBox.StandardButton.Ok)
        text = button.text().replace("&", "")
        box.deleteLater()
        return text

    try:
        assert translations.use(Language.TRADITIONAL)
        assert ok_text() == "確定"
        assert translations.use(Language.SIMPLIFIED)
        assert ok_text() == "确定"
        assert not translations.use(Language.ENGLISH)
        assert ok_text() == "OK"
    finally:
        translations.use(Language.ENGLISH)
