"""How the window asks and tells the user: a file dialog, an error box, the browser.

`MainWindow` is given a `Dialogs` by the composition root (`app.build_window`), so tests
hand it recording fakes instead of patching the window, and nothing modal ever blocks a
test. The Qt classes are imported on first use: the first paint needs none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument


@dataclass(frozen=True, slots=True)
class Dialogs:
    """The window's dialogs.

    ask_open_path(parent, title, folder, filter): the chosen file, or None if cancelled.
    show_error(parent, title, message): tell the user something failed.
    open_url(url): open a web address in the user's browser; False when none could.
    ask_save_path(parent, title, suggested, filter): where to write a file, or None.
    choose_item(parent, title, label, items, current): one of `items`, or None.
    print_document(parent, document): print with the print dialog; False if cancelled.
    """

    ask_open_path: Callable[[QWidget, str, str, str], Path | None]
    show_error: Callable[[QWidget, str, str], None]
    open_url: Callable[[QUrl], bool]
    ask_save_path: Callable[[QWidget, str, str, str], Path | None]
    choose_item: Callable[[QWidget, str, str, Sequence[str], int], str | None]
    print_document: Callable[[QWidget, QTextDocument], bool]


def _ask_open_path(parent: QWidget, title: str, folder: str, name_filter: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - see the module docstring

    name, _ = QFileDialog.getOpenFileName(parent, title, folder, name_filter)
    return Path(name) if name else None


def _show_error(parent: QWidget, title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - see the module docstring

    QMessageBox.warning(parent, title, message)


def _open_url(url: QUrl) -> bool:
    from PySide6.QtGui import QDesktopServices  # noqa: PLC0415 - see the module docstring

    return bool(QDesktopServices.openUrl(url))


def _ask_save_path(parent: QWidget, title: str, suggested: str, name_filter: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - see the module docstring

    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
    return Path(name) if name else None


def _choose_item(
    parent: QWidget, title: str, label: str, items: Sequence[str], current: int
) -> str | None:
    from PySide6.QtWidgets import QInputDialog  # noqa: PLC0415 - see the module docstring

    item, ok = QInputDialog.getItem(parent, title, label, list(items), current, False)
    return item if ok else None


def _print_document(parent: QWidget, document: QTextDocument) -> bool:
    from reader.ui.export import print_with_dialog  # noqa: PLC0415 - QtPrintSupport

    return print_with_dialog(document, parent)


def qt_dialogs() -> Dialogs:
    """The real dialogs (Qt's file dialog and message box, the desktop's browser)."""
    return Dialogs(
        ask_open_path=_ask_open_path,
        show_error=_show_error,
        open_url=_open_url,
        ask_save_path=_ask_save_path,
        choose_item=_choose_item,
        print_document=_print_document,
    )
