"""Regenerate the README screenshots: resources/screenshots/light.png and dark.png.

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
SIZE = (1100, 700)
SHOTS = (
    # file name, sample, interface language, theme (None: the page's own choice)
    (
        "light.png",
        SAMPLES / "trad-textdump" / "page.txt",
        Language.TRADITIONAL,
        Theme.LIGHT,
    ),
    ("dark.png", SAMPLES / "simp-html" / "page.html", Language.SIMPLIFIED, None),
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


def shoot(
    app: QApplication, out: Path, sample: Path, language: Language, theme: Theme | None
) -> int:
    """Open `sample` in a fresh window and save a screenshot to `out`; return its size."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "qingdu.ini"), QSettings.Format.IniFormat)
        window = build_window(settings)
        window.set_language(language)
        if theme is not None:
            window.set_theme(theme)
        window.resize(*SIZE)
        if not window.open_path(sample):
            raise SystemExit(f"cannot open {sample}")
        window.show()
        _wait(app, window)
        window.sidebar.set_current_section(None)
        image = window.grab().toImage()
        out.parent.mkdir(parents=True, exist_ok=True)
        _quantized(image).save(str(out), format="PNG", quality=0)  # type: ignore[call-overload]
        window.close()
        settings.sync()
    return out.stat().st_size


def main() -> int:
    """Write both screenshots and print their sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "resources" / "screenshots", help="output folder"
    )
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    for name, sample, language, theme in SHOTS:
        size = shoot(app, args.out / name, sample, language, theme)
        print(f"{args.out / name}: {size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
