"""The export command line: `main.py --dump PATH --format ...`, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

SAMPLE = SAMPLES / "trad-textdump" / "page.txt"


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_dump_json_is_utf8_and_complete() -> None:
    proc = run("--dump", str(SAMPLE), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout.decode("utf-8"))
    gold = json.loads((SAMPLE.parent / "gold.json").read_text(encoding="utf-8"))
    assert data["title"] == gold["title"]
    assert data["script"] == "traditional"
    for key in ("published", "source", "author", "url", "theme", "sections", "speakers"):
        assert key in data
    assert {b["type"] for b in data["blocks"]} <= {
        "heading",
        "paragraph",
        "quote",
        "list_item",
        "image",
        "caption",
    }


@pytest.mark.parametrize(("fmt", "marker"), [("markdown", "# "), ("text", "")])
def test_dump_markdown_and_text(fmt: str, marker: str) -> None:
    proc = run("--dump", str(SAMPLE), "--format", fmt)
    assert proc.returncode == 0
    out = proc.stdout.decode("utf-8")
    gold = json.loads((SAMPLE.parent / "gold.json").read_text(encoding="utf-8"))
    assert out.startswith(marker + gold["title"])
    if fmt == "markdown":
        assert f"## {gold['sections'][0]}" in out


def _one_line_error(proc: subprocess.CompletedProcess[bytes], *words: str) -> None:
    assert proc.returncode == 2
    assert proc.stdout == b""
    lines = proc.stderr.decode("utf-8").strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
    for w in words:
        assert w in lines[0]


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    _one_line_error(run("--dump", str(missing)), "nope.html")


def test_directory(tmp_path: Path) -> None:
    _one_line_error(run("--dump", str(tmp_path)), str(tmp_path.name))


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    _one_line_error(run("--dump", str(empty)), "empty.html")


def test_png_renamed_html(tmp_path: Path) -> None:
    png = tmp_path / "photo.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    before = png.read_bytes(), png.stat().st_mtime_ns
    _one_line_error(run("--dump", str(png)), "photo.html")
    assert (png.read_bytes(), png.stat().st_mtime_ns) == before


def test_page_without_article(tmp_path: Path) -> None:
    page = tmp_path / "menu.html"
    links = "".join(f'<li><a href="/{i}">欄目{i}</a></li>' for i in range(20))
    page.write_text(f"<html><body><ul>{links}</ul></body></html>", encoding="utf-8")
    _one_line_error(run("--dump", str(page)), "menu.html")


def test_dump_fullwidth_punctuation(tmp_path: Path) -> None:
    page = tmp_path / "farm.txt"
    page.write_text(
        "從1到10,科研成果如何跨越“死亡之谷”?\n\n研究團隊表示:成果轉化需要時間,也需要耐心!",
        encoding="utf-8",
    )
    plain = run("--dump", str(page), "--format", "text")
    assert "表示:成果轉化需要時間,也需要耐心!" in plain.stdout.decode("utf-8")
    full = run("--dump", str(page), "--format", "text", "--fullwidth-punctuation")
    text = full.stdout.decode("utf-8")
    assert full.returncode == 0
    assert "從1到10，科研" in text and "表示：成果轉化需要時間，也需要耐心！" in text
