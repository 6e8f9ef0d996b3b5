"""Offscreen smoke test of an installed Qingdu, run by .ci/run against a wheel.

`python tests/smoke_installed.py [--installed]` with the interpreter of the environment to
check, from any folder: the window opens the bundled sample, then a script switch and a
theme switch each repaint the article. With `--installed`, the `reader` package must come
from site-packages (not a checkout), so the wheel's own files are what is tested.
tests/test_assets.py runs it against the development install too. Exit status 0 when all
is well, 1 with a line on stderr naming what failed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject  # after the platform is chosen
from PySide6.QtWidgets import QWidget

#: How long a switch may take before the test gives up (the first conversion loads
#: OpenCC's dictionaries; a slow CI machine may take seconds).
TIMEOUT_MS = 20_000


class SmokeError(Exception):
    """One check failed."""


def _wait(condition: Callable[[], bool], what: str) -> None:
    from PySide6.QtCore import QDeadlineTimer, QThread
    from PySide6.QtWidgets import QApplication

    deadline = QDeadlineTimer(TIMEOUT_MS)
    while not condition():
        if deadline.hasExpired():
            raise SmokeError(f"timed out waiting for {what}")
        QApplication.processEvents()
        QThread.msleep(5)


class PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def run(installed: bool) -> None:
    """Every check; raises SmokeError on the first that fails."""
    # Imported here, after QT_QPA_PLATFORM is set.
    from PySide6.QtCore import QSettings

    import reader
    from reader.app import SAMPLE, build_window
    from reader.ui import earlyinit

    where = Path(reader.__file__).resolve()
    if installed and "site-packages" not in where.parts:
        raise SmokeError(f"reader was imported from {where}, not from an installed wheel")
    if not SAMPLE.is_file():
        raise SmokeError(f"the bundled sample is missing: {SAMPLE}")
    app = earlyinit.make_application("qingdu")
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "qingdu.ini"), QSettings.Format.IniFormat)
        window = build_window(settings)
        window.resize(900, 700)
        window.show()
        if not window.open_path(SAMPLE):
            raise SmokeError("the window could not open the bundled sample")
        article = window.article
        if article is None or article.title not in window.view.toPlainText():
            raise SmokeError("the sample's title is not on screen")
        _wait(lambda: window.view.top_block() is not None, "the sample to be laid out")
        app.processEvents()

        # Pixels cannot tell the scripts apart on a machine without CJK fonts (every glyph
        # is blank there), so the script switch is checked as new text plus a real paint.
        paints = PaintCounter(window.view.viewport())
        before_text = window.view.toPlainText()
        shown: list[object] = []
        window.article_shown.connect(shown.append)
        window.action("actionScriptSimplified").trigger()
        _wait(lambda: bool(shown), "the Simplified conversion")
        _wait(lambda: window.view.toPlainText() != before_text, "the Simplified text")
        painted = paints.count
        _wait(lambda: paints.count > painted, "the Simplified text to be painted")

        dark_before = window.view.viewport().grab().toImage()
        window.action("actionThemeDark").trigger()
        app.processEvents()
        dark = window.view.viewport().grab().toImage()
        if dark == dark_before:
            raise SmokeError("the theme switch did not repaint the article")
        if window.palette().window().color().lightness() > 128:
            raise SmokeError("the dark theme left the window light")
        window.close()
        print(
            f"smoke: ok ({where.parent}): opened {SAMPLE.name} ({article.title}), "
            "switched to Simplified and to the dark theme"
        )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        run(installed="--installed" in args)
    except SmokeError as exc:
        print(f"smoke: FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
