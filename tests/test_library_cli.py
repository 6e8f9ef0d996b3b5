"""The library's command line: `qingdu library ...` and `qingdu search ...`, as scripts use it."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.library.cli import main
from tests.conftest import ROOT
from tests.library_pages import SIMPLIFIED_TITLE, TRADITIONAL_TITLE, make_folder


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        status = main(list(args), out, err)
    except SystemExit as exc:  # argparse's own exits (bad arguments, --help)
        status = int(exc.code or 0)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A library file in tmp_path with the test folder added; its path is in the env."""
    path = tmp_path / "lib.sqlite3"
    monkeypatch.setenv("QINGDU_LIBRARY", str(path))
    status, out, _ = run("library", "add", str(make_folder(tmp_path)), "--workers", "0")
    assert status == 0
    assert out == "2 added, 0 updated, 0 removed, 1 unreadable, 0 unchanged\n"
    return path


def test_list_and_search_as_json(library: Path) -> None:
    status, out, _ = run("library", "list", "--format", "json")
    assert status == 0
    rows = json.loads(out)
    assert {r["title"] for r in rows} == {SIMPLIFIED_TITLE, TRADITIONAL_TITLE, ""}
    assert next(r for r in rows if r["error"])["path"].endswith("broken.html")

    status, out, _ = run("search", "發佈", "--format", "json")
    assert status == 0
    hits = json.loads(out)
    assert {h["title"] for h in hits} == {SIMPLIFIED_TITLE, TRADITIONAL_TITLE}
    for h in hits:
        assert [h["snippet"][a:b] for a, b in h["marks"]] in (["发布"], ["發佈"])


def test_search_as_text_marks_the_match(library: Path) -> None:
    status, out, _ = run("search", "里", "--limit", "1")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 3
    assert "【里】" in lines[2] or "【裡】" in lines[2]


def test_list_errors_and_folders(library: Path) -> None:
    status, out, _ = run("library", "list", "--errors")
    assert status == 0
    assert out.count("\n") == 1 and "broken.html\terror: " in out
    status, out, _ = run("library", "folders")
    assert status == 0 and out.strip().endswith("saved")


def test_rescan_and_remove(library: Path, tmp_path: Path) -> None:
    status, out, _ = run("library", "rescan")
    assert (status, out) == (0, "0 added, 0 updated, 0 removed, 0 unreadable, 3 unchanged\n")
    page = tmp_path / "saved" / "page.html"
    status, out, _ = run("library", "remove", str(page))
    assert status == 0
    assert page.is_file()
    _, out, _ = run("search", "夜间")
    assert out == ""
    status, out, _ = run("library", "remove", str(tmp_path / "saved"))
    assert status == 0
    _, out, _ = run("library", "list")
    assert out == ""


@pytest.mark.parametrize(
    "args",
    [
        ("search", "，，"),
        ("search", "x", "--format", "yaml"),
        ("search", "x", "--limit", "0"),
        ("library", "add", "/nonexistent/qingdu-test"),
        ("library", "remove", "/nonexistent/qingdu-test.html"),
        ("library", "frobnicate"),
        ("library",),
    ],
)
def test_bad_input_is_one_line_and_status_2(library: Path, args: tuple[str, ...]) -> None:
    status, out, err = run(*args)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("qingdu: ")


def test_corrupt_index_is_reported_and_replaced(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"\x00garbage" * 100)
    status, out, err = run("search", "发布", "--library", str(path))
    assert (status, out) == (0, "")
    assert "could not be used" in err


def test_unusable_index_location_is_status_2(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    status, _, err = run("library", "list", "--library", str(tmp_path / "file" / "lib.sqlite3"))
    assert status == 2 and err.count("\n") == 1


def _main_py(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_main_py_routes_library_commands_and_keeps_dump(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env.pop("QINGDU_LIBRARY", None)
    folder = make_folder(tmp_path)
    proc = _main_py("library", "add", str(folder), env=env)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "data" / "qingdu" / "library.sqlite3").is_file()
    proc = _main_py("search", "圖書館員", "--format", "json", env=env)
    assert proc.returncode == 0
    assert len(json.loads(proc.stdout.decode("utf-8"))) == 2
    proc = _main_py("search", env=env)
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1
    proc = _main_py("--dump", str(folder / "page.html"), "--format", "json", env=env)
    assert proc.returncode == 0
    assert json.loads(proc.stdout.decode("utf-8"))["title"] == SIMPLIFIED_TITLE
    assert "PySide6" not in proc.stderr.decode()
