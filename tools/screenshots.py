"""Regenerate the README screenshots in resources/screenshots: light, dark and paper
themes, a narrow window, the what-was-removed panel, and the library window.

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
from reader.library import scan  # noqa: E402
from reader.library.index import Index  # noqa: E402
from reader.ui.library import LibraryWindow  # noqa: E402
from reader.ui.theme import ThemeController  # noqa: E402
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


#: The library shots' shelf: fictional articles (title, source, date, paragraphs), written
#: into a temporary folder as saved pages.
SHELF = (
    ("青溪镇图书馆发布夜间开放安排", "溪畔日报", "2024-05-06", "s"),
    ("山城茶會發佈秋季講座名單", "山城週報", "2024-09-12", "t"),
    ("河岸步道完成修缮，市民傍晚散步有了新去处", "溪畔日报", "2024-04-18", "s"),
    ("老街書店的第三十年", "山城週報", "2023-12-01", "t"),
    ("社区菜园里的二十四节气", "青溪生活", "2024-03-21", "s"),
    ("港口小學的午後合唱團", "灣區晚報", "2024-06-30", "t"),
    ("一座县城博物馆的夜间导览", "青溪生活", "2024-07-15", "s"),
    ("山路上的郵差：一天走完十二個村", "灣區晚報", "2024-02-08", "t"),
)
_PROSE = {
    "s": (
        "馆长林晓岚说，镇里的年轻人白天大多在外地上班，只有晚上才有空来借书，这次调整是为了他们。",
        "不少居民在镇上的公告栏前驻足阅读，有人当场就拿出手机拍下了新的开放时间表。",
        "退休教师沈听雨表示，她每晚散步都会经过这里，以后可以顺路进去翻翻新到的杂志。",
        "详细的活动安排已在镇政府的网站上发布，报名截止到本月底。",
    ),
    "t": (
        "主辦人許靜瀾說，今年的講題從製茶的手藝談到小鎮的歷史，希望讓更多鄰居走進來坐坐。",
        "報名的人數比往年多了一倍，茶館老闆特地多搬了幾張長椅，還準備了新採的秋茶。",
        "有位常客笑著說，坐在窗邊聽講，看著山霧慢慢散開，是這個季節最好的消遣。",
        "完整的名單已在茶會的網頁上發佈，每場限額四十人，額滿為止。",
    ),
}


def _shelf(folder: Path) -> list[Path]:
    paths = []
    for i, (title, source, date, script) in enumerate(SHELF):
        body = "".join(f"<p>{p}</p>" for p in _PROSE[script])
        page = folder / f"show-{i}-{4127 + i}-0.html"
        page.write_text(
            f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<h1>{title}</h1><div class='info'>{date} 10:00 來源：{source}</div>{body}"
            "</body></html>",
            encoding="utf-8",
        )
        paths.append(page)
    return paths


def shoot_library(app: QApplication, out: Path, query: str) -> int:
    """The library window on the fictional shelf (searching `query` if given)."""
    ThemeController(app).set_theme(Theme.LIGHT)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "saved"
        folder.mkdir()
        paths = _shelf(folder)
        with Index(Path(tmp) / "library.sqlite3") as index:
            index.add_folder(folder)
            scan.scan(index, workers=0)
            for path, block in ((paths[3], 3), (paths[0], 0), (paths[1], 1)):
                index.set_position(path, block, 0)  # the last one read comes last
        window = LibraryWindow(
            Path(tmp) / "library.sqlite3",
            language=Language.TRADITIONAL,
            watch=False,
            scan_at_start=False,
        )
        window.resize(*SIZE)
        window.show()
        if query:
            window.set_query(query)
        timer = QElapsedTimer()
        timer.start()
        while timer.elapsed() < 400:
            app.processEvents()
        image = window.grab().toImage()
        _quantized(image).save(str(out), format="PNG", quality=0)  # type: ignore[call-overload]
        window.close()
        window.index.close()
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
    for name, query in (("library.png", ""), ("library-search.png", "发布")):
        size = shoot_library(app, args.out / name, query)
        print(f"{args.out / name}: {size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
