"""Composition root: parses the command line, then either exports (no Qt) or builds the app.

Only this module creates the QApplication, the QSettings and the main window.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from reader.ui.window import MainWindow

SAMPLE = (
    Path(__file__).resolve().parent.parent / "resources" / "samples" / "trad-textdump" / "page.txt"
)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="qingdu",
        description="清讀 Qingdu: read saved Chinese articles without the clutter.",
    )
    p.add_argument("path", nargs="?", help="a saved page to open (HTML, MHTML or text)")
    p.add_argument("--dump", metavar="PATH", help="print the cleaned article and exit (no window)")
    p.add_argument(
        "--format",
        choices=("json", "markdown", "text"),
        default="text",
        help="--dump output format",
    )
    p.add_argument(
        "--script",
        choices=("original", "traditional", "taiwan", "hongkong", "simplified"),
        default="original",
        help="--dump: convert the article to this script (default: as written)",
    )
    p.add_argument(
        "--quotes",
        choices=("keep", "corner", "curly"),
        default="keep",
        help="--dump: quotation marks as written, 「」『』 (corner) or “”‘’ (curly)",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def build_window(settings: QSettings | None = None) -> MainWindow:
    """Build the main window (a QApplication must already exist).

    `settings` defaults to the user's real settings; tests pass one in tmp_path.
    """
    # Imported here so `--dump` never loads Qt (tests/test_boundaries.py).
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from reader.ui import settings as store  # noqa: PLC0415
    from reader.ui.theme import ThemeController, register_icons  # noqa: PLC0415
    from reader.ui.window import MainWindow  # noqa: PLC0415

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("build_window() needs a QApplication")
    register_icons()
    return MainWindow(
        settings if settings is not None else store.default_settings(), ThemeController(app)
    )


def initial_path(arg: str | None, settings: QSettings) -> Path:
    """The file to open at start: the command line's, else the last one read, else the sample."""
    from reader.ui import settings as store  # noqa: PLC0415 - Qt only on the GUI path

    if arg:
        return Path(arg)
    recent = store.recent_files(settings)
    return Path(recent[0]) if recent else SAMPLE


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for main.py, `python -m reader` and the `qingdu` command."""
    args = _parser().parse_args(argv)
    if args.dump:
        from reader.cli import dump  # noqa: PLC0415 - imported only for the export path

        return dump(args.dump, args.format, script=args.script, quotes=args.quotes)

    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - the CLI path must not load Qt

    from reader.ui import settings as store  # noqa: PLC0415

    app = QApplication(sys.argv[:1])
    app.setApplicationName(store.APPLICATION)
    app.setOrganizationName(store.ORGANIZATION)
    qs = store.default_settings()
    window = build_window(qs)
    first = initial_path(args.path, qs)
    # Shown first, so the article is laid out once, at the window's real width (and an
    # error dialog has the window behind it); nothing paints before the event loop runs.
    window.show()
    if not window.open_path(first) and first != SAMPLE:
        window.open_path(SAMPLE)
    return app.exec()
