"""Composition root: parses the command line, then either exports (no Qt) or builds the app.

Only this module creates the QApplication, the QSettings and the main window.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__, assets

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from reader.ui.dialogs import Dialogs
    from reader.ui.session import ReadingSession
    from reader.ui.window import MainWindow

#: First words that start a library command (reader/library/cli.py) instead of naming a
#: file to open; a file named like one opens as `qingdu ./library`.
LIBRARY_COMMANDS = ("library", "search")
#: The bundled sample article (see reader/assets.py for where bundled files live).
SAMPLE = assets.path(assets.SAMPLE)


def _parser() -> argparse.ArgumentParser:
    from reader.core.article import (  # noqa: PLC0415 - GUI start skips this
        QuoteStyle,
        Target,
        TraditionalStandard,
    )
    from reader.core.export import FORMATS  # noqa: PLC0415 - GUI start skips this

    p = argparse.ArgumentParser(
        prog="qingdu",
        description="清讀 Qingdu: read saved Chinese articles without the clutter.",
    )
    p.add_argument("path", nargs="?", help="a saved page to open (HTML, MHTML or text)")
    p.add_argument("--dump", metavar="PATH", help="print the cleaned article and exit (no window)")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="--dump output format",
    )
    p.add_argument(
        "--script",
        choices=[t.value for t in Target],
        default="original",
        help="--dump: convert the article to this script (default: as written)",
    )
    p.add_argument(
        "--quotes",
        choices=[q.value for q in QuoteStyle],
        default="keep",
        help="--dump: quotation marks as written, 「」『』 (corner) or “”‘’ (curly)",
    )
    p.add_argument(
        "--traditional-standard",
        choices=[s.value for s in TraditionalStandard],
        default=TraditionalStandard.TAIWAN.value,
        help="--dump --script traditional: the forms a Simplified article gets "
        "(a Traditional one stays as written; default: taiwan)",
    )
    p.add_argument(
        "--fullwidth-punctuation",
        action="store_true",
        help="--dump: half-width ,?!:;() between Chinese characters made full-width",
    )
    p.add_argument(
        "--install-desktop",
        action="store_true",
        help="Linux: add Qingdu to the desktop's applications and 'Open with' menus "
        "(writes its .desktop file and icon under $XDG_DATA_HOME) and exit",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def build_window(
    settings: QSettings | None = None,
    *,
    defer_controls: bool = False,
    dialogs: Dialogs | None = None,
    session: ReadingSession | None = None,
) -> MainWindow:
    """Build the main window (a QApplication must already exist).

    `settings` defaults to the user's real settings; tests pass one in tmp_path, and may
    pass recording `dialogs` and a `session` of their own. With `defer_controls` the
    menus, tool bar and status bar follow the article's first paint (see MainWindow), as
    at start-up.
    """
    # Imported here so `--dump` never loads Qt (tests/test_boundaries.py).
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from reader.ui import settings as store  # noqa: PLC0415
    from reader.ui.dialogs import qt_dialogs  # noqa: PLC0415
    from reader.ui.library_link import LibraryLink  # noqa: PLC0415
    from reader.ui.session import ReadingSession  # noqa: PLC0415
    from reader.ui.theme import ThemeController  # noqa: PLC0415
    from reader.ui.window import MainWindow  # noqa: PLC0415

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("build_window() needs a QApplication")
    qs = settings if settings is not None else store.default_settings()
    return MainWindow(
        qs,
        ThemeController(app),
        session if session is not None else ReadingSession(qs),
        dialogs if dialogs is not None else qt_dialogs(),
        defer_controls=defer_controls,
        library=LibraryLink(),
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
    words = list(sys.argv[1:] if argv is None else argv)
    if words and words[0] in LIBRARY_COMMANDS:
        from reader.library.cli import main as library_main  # noqa: PLC0415 - no Qt

        return library_main(words)
    if len(words) <= 1 and not any(w.startswith("-") for w in words):
        # The usual launch, with at most a file, skips argparse: its first parse looks for
        # translations of its messages, which costs the first paint about 7 ms.
        return _run(words[0] if words else None)
    args = _parser().parse_args(words)
    if args.install_desktop:
        from reader.desktop import install  # noqa: PLC0415 - only for this command

        return install()
    if args.dump:
        from reader.cli import dump  # noqa: PLC0415 - imported only for the export path

        return dump(
            args.dump,
            args.format,
            script=args.script,
            quotes=args.quotes,
            standard=args.traditional_standard,
            fullwidth=args.fullwidth_punctuation,
        )
    return _run(args.path)


def _run(path: str | None) -> int:
    """Start the window on `path` (see initial_path) and run the event loop."""
    from reader.ui import earlyinit  # noqa: PLC0415 - the CLI path must not load Qt

    earlyinit.early_init()

    from reader.ui import settings as store  # noqa: PLC0415

    app = earlyinit.make_application(sys.argv[0])
    app.setApplicationName(store.APPLICATION)
    app.setOrganizationName(store.ORGANIZATION)
    qs = store.default_settings()
    # The reader sees the article first; the menus and tool bar follow a frame later.
    window = build_window(qs, defer_controls=True)
    earlyinit.resume_gc_after(window.controls_shown)
    first = initial_path(path, qs)
    # Shown first, so the article is laid out once, at the window's real width (and an
    # error dialog has the window behind it); nothing paints before the event loop runs.
    window.show()

    def sample_instead(_message: str) -> None:
        # The first file failed (at once, or later in the background): show the sample
        # rather than an empty window. Once only, so a broken sample cannot loop.
        window.load_failed.disconnect(sample_instead)
        if window.article is None and first != SAMPLE:
            window.open_path(SAMPLE)

    window.load_failed.connect(sample_instead)
    window.open_path(first)
    return app.exec()
