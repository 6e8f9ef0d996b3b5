"""Regenerate the README screenshots in resources/screenshots: light, dark and paper
themes, a narrow window, and the what-was-removed panel.

    python tools/screenshots.py            # needs fonts-noto-cjk; any display, or none
    xvfb-run -a python tools/screenshots.py

Uses a throw-away settings file, so the user's own settings are neither read nor changed.
Each image is saved with a reduced palette to stay small (well under 150 KB).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.app import build_window  # noqa: E402
from reader.core import Theme  # noqa: E402
from reader.core.prefs import Language  # noqa: E402
from reader.ui.window import MainWindow  # noqa: E402

SAMPLES = ROOT / "resources" / "samples"
TRAD = SAMPLES / "trad-textdump" / "page.txt"
SIMP = SAMPLES / "simp-html" / "page.html"
GBK = SAMPLES / "gbk-html" / "page.html"
SIZE = (1100, 700)


@dataclass(frozen=True)
class Shot:
    """One screenshot: its file, the sample, the interface language, the theme (None: the
    page's own choice), the window's size and whether the removed-content panel shows."""

    name: str
    sample: Path
    language: Language
    theme: Theme | None
    size: tuple[int, int] = SIZE
    removed: bool = False


SHOTS = (
    Shot("light.png", TRAD, Language.TRADITIONAL, Theme.LIGHT),
    Shot("dark.png", SIMP, Language.SIMPLIFIED, None),
    Shot("paper.png", GBK, Language.SIMPLIFIED, Theme.PAPER),
    Shot("narrow.png", TRAD, Language.TRADITIONAL, Theme.LIGHT, size=(420, 700)),
    Shot("removed.png", TRAD, Language.TRADITIONAL, Theme.LIGHT, removed=True),
)
COLOURS = 128
"""Palette size for the saved PNGs: the most frequent colours cover the backgrounds and
the anti-aliasing ramps of the text; nearest-colour mapping (no dithering) keeps flat
backgrounds flat, which is what makes the files small."""


def _quantized(image: QImage) -> QImage:
    """`image` as 8-bit indexed colour with a palette of its COLOURS commonest colours."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(bytes(rgb.constBits())).cast("I")
    table = [c for c, _ in Counter(pixels).most_common(COLOURS)]
    return rgb.convertToFormat(
        QImage.Format.Format_Indexed8, table, Qt.ImageConversionFlag.ThresholdDither
    )


def _wait(app: QApplication, window: MainWindow, ms: int = 400) -> None:
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms or not window.view.settled():
        app.processEvents()


def shoot(app: QApplication, out: Path, shot: Shot) -> int:
    """Take `shot` in a fresh window and save it to `out`; return the file's size."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "qingdu.ini"), QSettings.Format.IniFormat)
        window = build_window(settings)
        window.set_pref("language", shot.language)
        if shot.theme is not None:
            window.set_pref("theme", shot.theme)
            window.set_pref("follow_page_theme", False)
        window.resize(*shot.size)
        if not window.open_path(shot.sample):
            raise SystemExit(f"cannot open {shot.sample}")
        window.show()
        if shot.removed:
            window.toggle_removed()
        _wait(app, window)
        window.sidebar.set_current("sections", None)
        image = window.grab().toImage()
        out.parent.mkdir(parents=True, exist_ok=True)
        _quantized(image).save(str(out), format="PNG", quality=0)  # type: ignore[call-overload]
        window.close()
        settings.sync()
    return out.stat().st_size


def main() -> int:
    """Write every screenshot and print their sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "resources" / "screenshots", help="output folder"
    )
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    for shot in SHOTS:
        size = shoot(app, args.out / shot.name, shot)
        print(f"{args.out / shot.name}: {size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
