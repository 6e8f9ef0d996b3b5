"""File ▸ Export and Print: the article shown, written as Markdown, HTML or PDF, or printed.

Markdown and HTML come from the core's one exporter (`reader.core.export`); PDF and
printing lay the article out with Qt's own printer on a document of its own, always in
the light colours (a dark page printed is light text on white paper) with the article's
own pictures. A file is written whole or not at all: into a temporary file beside the
target, then renamed over it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QImage, QTextDocument

from reader.core.article import Article
from reader.core.export import SUFFIXES, format_article
from reader.core.prefs import Accent
from reader.core.render import asset_url
from reader.ui.theme import article_css, colors

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reader.ui.dialogs import Dialogs

#: The formats File ▸ Export offers, by the core exporter's names, plus PDF.
EXPORT_FORMATS = ("markdown", "html", "pdf")
PDF_SUFFIX = ".pdf"


@dataclass(frozen=True)
class Shown:
    """What is on screen, to export or print: the article as shown (converted), its HTML
    and pictures (block index -> bytes), the body font, the file it came from, the accent."""

    article: Article
    html: str
    images: Mapping[int, bytes]
    font: QFont
    path: Path | None
    accent: Accent

    def css(self) -> str:
        """The article style sheet in the light colours: paper is white, and a dark page
        printed would be light text on it."""
        return article_css(colors(False, self.accent))

    def document(self) -> QTextDocument:
        """The article laid out for the printer."""
        return print_document(self.html, self.css(), self.font, self.images)


class Exporter:
    """File ▸ Export and Print: asks where (or which printer), writes the article shown,
    and reports a failure through `error(title, message)` in the words of `t`."""

    def __init__(
        self,
        parent: QWidget,
        dialogs: Dialogs,
        t: Callable[..., str],
        error: Callable[[str, str], None],
    ) -> None:
        self._parent = parent
        self._dialogs = dialogs
        self._t = t
        self._error = error

    def export(self, fmt: str, shown: Shown) -> None:
        """Ask for a file and write `shown` into it as `fmt` ("markdown", "html", "pdf")."""
        t = self._t
        path = shown.path
        stem = path.stem if path else "article"
        folder = path.parent if path else Path.home()
        suggested = str(folder / (stem + suffix(fmt)))
        name_filter = f"{fmt.upper()} (*{suffix(fmt)})"
        target = self._dialogs.ask_save_path(
            self._parent, t("export_title"), suggested, name_filter
        )
        if target is None:
            return
        try:
            if fmt == "pdf":
                write_pdf(shown.document(), target)
            else:
                write_text_export(shown.article, fmt, target, shown.css())
        except (OSError, UnicodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self._error(t("error_export_title"), t("error_export", name=target.name, reason=reason))

    def print(self, shown: Shown) -> bool:
        """Print `shown` through the print dialog; False if cancelled."""
        return self._dialogs.print_document(self._parent, shown.document())


def suffix(fmt: str) -> str:
    """The file suffix of an export format."""
    return PDF_SUFFIX if fmt == "pdf" else SUFFIXES[fmt]


def write_text_export(article: Article, fmt: str, path: Path, css: str = "") -> None:
    """Write `article` as `fmt` ("markdown", "html", "text", "json") to `path`.

    Raises:
        OSError: the file cannot be written (the target is left as it was).
    """
    _write_whole(path, format_article(article, fmt, css).encode("utf-8"))


def print_document(html: str, css: str, font: QFont, images: Mapping[int, bytes]) -> QTextDocument:
    """A document of the rendered article for the printer: `css` (the light colours),
    `font`, and the article's pictures (block index -> bytes) as its resources."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(css)
    for index, data in images.items():
        image = QImage.fromData(data)
        if not image.isNull():
            doc.addResource(
                QTextDocument.ResourceType.ImageResource.value, QUrl(asset_url(index)), image
            )
    doc.setHtml(html)
    return doc


def write_pdf(doc: QTextDocument, path: Path) -> None:
    """Lay `doc` out on A4 pages with Qt's printer and write it to `path` as PDF.

    Raises:
        OSError: the file cannot be written.
    """
    from PySide6.QtPrintSupport import QPrinter  # noqa: PLC0415 - only when exporting

    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        out = Path(tmp) / ("export" + PDF_SUFFIX)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        doc.print_(printer)
        if not out.is_file() or out.stat().st_size == 0:
            raise OSError(f"Qt's printer wrote nothing to {path}")
        os.replace(out, path)


def print_with_dialog(doc: QTextDocument, parent: QWidget) -> bool:
    """Ask for a printer with Qt's print dialog and print `doc`; False if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: PLC0415

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted.value:
        return False
    doc.print_(printer)
    return True


def _write_whole(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".qingdu-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
