"""Bundled files: the one helper that finds them, what the wheel ships, the desktop entry."""

from __future__ import annotations

import configparser
import io
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from reader import assets, desktop
from tests.conftest import ROOT


def test_resource_finds_bundled_files() -> None:
    for name in (
        "style/article.css",
        "style/toolbar.qss",
        "style/sidebar.qss",
        "icons/qingdu.svg",
        assets.SAMPLE,
        "desktop/qingdu.desktop",
    ):
        assert assets.resource(name).is_file(), name
    assert assets.path("icons").is_dir()
    assert "string.Template" in assets.read_text("style/article.css")


@pytest.mark.parametrize(
    "bad", ["/etc/passwd", "../pyproject.toml", "style/../../x", "", "a\\b", "C:\\x"]
)
def test_resource_rejects_escaping_names(bad: str) -> None:
    with pytest.raises(ValueError, match="not a resource name"):
        assets.resource(bad)


def test_no_module_computes_the_resources_folder_itself() -> None:
    """Only reader/assets.py knows where bundled files are (an installed app has no ../)."""
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "reader").rglob("*.py")
        if p.name != "assets.py" and '"resources"' in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def _pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_wheel_lists_every_package() -> None:
    """pyproject.toml lists packages by hand (for the resources mapping): none forgotten."""
    setuptools = _pyproject()["tool"]["setuptools"]  # type: ignore[index]
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "reader").rglob("__init__.py")
    }
    assert set(setuptools["packages"]) == found | {"reader.resources"}
    assert setuptools["package-dir"] == {"reader.resources": "resources"}


def test_package_data_covers_every_file_the_app_reads() -> None:
    """Every file under resources/ ships, except the README's screenshots."""
    patterns = _pyproject()["tool"]["setuptools"]["package-data"]["reader.resources"]  # type: ignore[index]
    base = ROOT / "resources"
    files = [
        p.relative_to(base)
        for p in base.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.name != "__init__.py"
    ]
    shipped = {p.relative_to(base) for pat in patterns for p in base.glob(pat) if p.is_file()}
    assert {f for f in files if f not in shipped} == {
        f for f in files if f.parts[0] == "screenshots"
    }


# --------------------------------------------------------------------------- desktop entry


def _entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(text)
    return parser["Desktop Entry"]


def test_install_desktop_writes_the_entry_and_icon_under_xdg_data_home(tmp_path: Path) -> None:
    home = tmp_path / "data"
    out = io.StringIO()
    assert desktop.install(out, {"XDG_DATA_HOME": str(home)}) == 0
    entry_file = home / "applications" / "qingdu.desktop"
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / "qingdu.svg"
    assert icon.read_bytes() == assets.resource("icons/qingdu.svg").read_bytes()
    # Nothing else is written, but the desktop's MIME cache where its tool is installed.
    written = {p.relative_to(home) for p in home.rglob("*") if p.is_file()}
    assert written - {Path("applications/mimeinfo.cache")} == {
        Path("applications/qingdu.desktop"),
        Path("icons/hicolor/scalable/apps/qingdu.svg"),
    }
    entry = _entry(entry_file.read_text(encoding="utf-8"))
    assert entry["Type"] == "Application"
    assert entry["Icon"] == "qingdu"
    assert entry["Name[zh_TW]"] == "清讀"
    mime = set(entry["MimeType"].rstrip(";").split(";"))
    assert mime >= {
        "text/html",
        "application/xhtml+xml",
        "multipart/related",
        "application/x-mimearchive",
        "message/rfc822",
        "text/plain",
    }
    assert entry["Exec"].endswith(" %f")
    assert str(entry_file) in out.getvalue()
    # Again: overwritten in place, still two files.
    assert desktop.install(io.StringIO(), {"XDG_DATA_HOME": str(home)}) == 0
    assert {p.relative_to(home) for p in home.rglob("*") if p.is_file()} == written


def test_desktop_entry_is_valid_where_the_validator_is_installed(tmp_path: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed")
    path = tmp_path / "qingdu.desktop"
    path.write_text(desktop.desktop_entry(["/opt/my apps/qingdu"]), encoding="utf-8")
    result = subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_exec_line_runs_this_installation() -> None:
    text = desktop.desktop_entry(["/opt/my apps/qingdu"])
    assert _entry(text)["Exec"] == '"/opt/my apps/qingdu" %f'
    assert _entry(text)["TryExec"] == "/opt/my apps/qingdu"
    assert desktop.launch_command("main.py")[1:] == ["-m", "reader"]
    assert desktop.launch_command("main.py")[0] == str(Path(sys.executable).absolute())


def test_xdg_data_home_falls_back_to_the_spec_default() -> None:
    default = Path.home() / ".local" / "share"
    assert desktop.data_home({}) == default
    assert desktop.data_home({"XDG_DATA_HOME": "relative/dir"}) == default
    assert desktop.data_home({"XDG_DATA_HOME": "/x/y"}) == Path("/x/y")


def test_install_desktop_cannot_write_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert desktop.install(io.StringIO(), {"XDG_DATA_HOME": str(blocker)}) == 2


def test_install_desktop_command_line(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "main.py", "--install-desktop"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "applications" / "qingdu.desktop").is_file()


def test_the_smoke_test_ci_runs_against_the_wheel_passes_here() -> None:
    """.ci/run runs tests/smoke_installed.py against an installed wheel; here it checks
    the development install, so a change that breaks it fails the ordinary test run."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "smoke_installed.py")],
        cwd=ROOT.parent, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "smoke: ok" in proc.stdout
