"""Trust: offline by design, never writing the user's files, surviving bad settings.

A local HTTP server on 127.0.0.1 counts every request; a saved page points its images,
stylesheet, script, frame, video and CSS backgrounds at it. Reading that page in the window
— opening, switching script and theme, finding, scrolling, reloading — must make none.
"""

from __future__ import annotations

import hashlib
import shutil
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.app import build_window
from reader.core import Theme
from reader.ui.window import MainWindow
from tests.conftest import SAMPLES
from tests.test_window import FakeDialogs

CONVERT_TIMEOUT = 20_000  # ms; the first conversion loads OpenCC's dictionaries


class _Counter(BaseHTTPRequestHandler):
    hits: list[str] = []  # noqa: RUF012 - one list per server class, reset per test

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(b"\x89PNG\r\n\x1a\n")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A local server on 127.0.0.1 that records the paths it is asked for."""
    handler: type[_Counter] = type("Handler", (_Counter,), {"hits": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler.hits
    finally:
        httpd.shutdown()
        httpd.server_close()


PARAGRAPHS = (
    "梧桐巷口的修鞋攤已經擺了二十多年，攤主每天早上七點準時出現，風雨無阻。",
    "他的工具箱裡有三十多種錐子和針，最老的一把是師傅留下來的，木柄已經磨得發亮。",
    "附近的上班族常常把鞋子放在攤上，下班時再來取，他從來不寫單據，卻從沒弄錯過。",
    "問他為什麼不去開店，他笑著說，巷口的風景好，來來往往的人都是熟面孔。",
)


def _tracking_page(base: str) -> str:
    body = "".join(
        f'<p style="background:url({base}/bg{i}.png)">{p}</p>' for i, p in enumerate(PARAGRAPHS)
    )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>巷口的修鞋攤 - 某某網</title>
<link rel="stylesheet" href="{base}/style.css">
<style>body {{ background-image: url("{base}/body.png"); }}</style>
<script src="{base}/tracker.js"></script>
<script>document.title = "腳本執行了"; new Image().src = "{base}/beacon.gif";</script>
</head><body>
<iframe src="{base}/frame.html"></iframe>
<article><h1>巷口的修鞋攤</h1>
<img src="{base}/photo.jpg" alt="修鞋攤的工具箱">
{body}
<video src="{base}/clip.mp4" poster="{base}/poster.jpg"></video>
<img srcset="{base}/a.jpg 1x, {base}/b.jpg 2x" src="{base}/c.jpg" alt="巷口">
</article></body></html>"""


def _window(qtbot: QtBot, settings: QSettings) -> MainWindow:
    window = build_window(settings, dialogs=FakeDialogs().dialogs())
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def _switch(qtbot: QtBot, window: MainWindow, action: str) -> None:
    with qtbot.waitSignal(window.article_shown, timeout=CONVERT_TIMEOUT):
        window.action(action).trigger()


def _read_everything(qtbot: QtBot, window: MainWindow, app: QApplication) -> None:
    """What a reader does: switch script and theme, find, scroll to the end, reload."""
    _switch(qtbot, window, "actionScriptSimplified")
    _switch(qtbot, window, "actionScriptTraditional")
    _switch(qtbot, window, "actionScriptOriginal")
    for theme in ("actionThemeDark", "actionThemeLight", "actionThemeSystem"):
        window.action(theme).trigger()
        app.processEvents()
    window.action("actionFind").trigger()
    window.find_bar.edit.setText("修鞋")
    window.action("actionFindNext").trigger()
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    window.view.grab()  # paint the whole view once more, after scrolling
    window.reload()
    app.processEvents()


def test_reading_a_page_makes_no_network_request(
    qtbot: QtBot,
    settings: QSettings,
    qapp: QApplication,
    tmp_path: Path,
    server: tuple[str, list[str]],
) -> None:
    base, hits = server
    page = tmp_path / "tracking.html"
    page.write_text(_tracking_page(base), encoding="utf-8")
    window = _window(qtbot, settings)
    assert window.open_path(page)
    window.view.grab()
    _read_everything(qtbot, window, qapp)
    text = window.view.toPlainText()
    assert "巷口的修鞋攤" in window.windowTitle() and "腳本執行了" not in window.windowTitle()
    assert PARAGRAPHS[0] in text and "document.title" not in text
    assert "修鞋攤的工具箱" in text  # the remote picture is shown by its description
    window.close()
    qtbot.wait(50)
    assert hits == [], f"the reader contacted the network: {hits}"
    with urllib.request.urlopen(f"{base}/probe", timeout=5) as response:  # the probe works
        response.read()
    assert hits == ["/probe"]


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(folder)): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_users_files_are_never_written(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """Open, toggle, find, reload and close with the real settings location (pointed at
    tmp_path/config by conftest): the article's folder is unchanged to the byte and the
    nanosecond, and everything Qingdu wrote is under the config folder."""
    folder = tmp_path / "saved"
    shutil.copytree(SAMPLES / "simp-html", folder)
    before = _snapshot(folder)
    window = build_window()  # the app's own default settings object
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(folder / "page.html")
    _read_everything(qtbot, window, qapp)
    window.close()
    qapp.processEvents()
    assert _snapshot(folder) == before
    written = [
        p.relative_to(tmp_path)
        for p in tmp_path.rglob("*")
        if p.is_file() and not p.is_relative_to(folder)
    ]
    assert written, "the session saved its settings somewhere"
    assert all(str(p).startswith(("config", "cache", "data")) for p in written), written


def test_garbage_settings_file_falls_back_to_defaults(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    ini = tmp_path / "qingdu.ini"
    ini.write_bytes(
        b"\x00\xff[prefs\ntheme=\x01\x02\nzoom=-99999999999999999999\nscript=@Variant(\xde\xad)\n"
        b"[state]\ngeometry=@ByteArray(\x00\x00)\nrecent=\xff\xfe\npositions={{{\n"
        + bytes(range(256))
    )
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    window = _window(qtbot, settings)
    assert window.open_path(SAMPLES / "trad-textdump" / "page.txt")
    assert window.article is not None and window.article.title in window.view.toPlainText()
    window.action("actionThemeDark").trigger()
    assert window.prefs.theme is Theme.DARK
