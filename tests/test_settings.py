"""Settings: the typed preference table (core/prefs.py) and its one QSettings adapter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QLocale, QSettings

from reader.core import prefs as core_prefs
from reader.core.article import QuoteStyle, Target, Theme
from reader.core.prefs import DEFAULTS, Accent, FontStyle, Language, Prefs
from reader.ui import settings as store
from reader.ui.i18n import STRINGS, resolve, system_language, text


def test_parse_and_serialize_round_trip() -> None:
    prefs = Prefs(
        theme=Theme.DARK,
        script=Target.HONGKONG,
        quotes=QuoteStyle.CORNER,
        font=FontStyle.SANS,
        zoom=3,
        accent=Accent.JADE,
        language=Language.ENGLISH,
    )
    stored = core_prefs.serialize(prefs)
    assert stored["script"] == "hongkong"
    assert core_prefs.parse(dict(stored)) == prefs


def test_defaults_are_not_stored() -> None:
    assert core_prefs.serialize(DEFAULTS) == {}
    assert core_prefs.serialize(DEFAULTS.with_changes(zoom=2)) == {"zoom": "2"}


def test_corrupt_values_fall_back_to_defaults() -> None:
    parsed = core_prefs.parse(
        {"theme": "purple", "zoom": "huge", "script": "klingon", "font": "sans", "accent": ""}
    )
    assert parsed == DEFAULTS.with_changes(font=FontStyle.SANS)
    assert core_prefs.parse({"zoom": "999"}).zoom == 0
    assert core_prefs.parse({"zoom": " -2 "}).zoom == -2


def test_adapter_round_trip_and_removes_defaults(settings: QSettings) -> None:
    prefs = DEFAULTS.with_changes(theme=Theme.LIGHT, zoom=-1)
    store.save_prefs(settings, prefs)
    assert store.load_prefs(settings) == prefs
    assert settings.value("prefs/theme") == "light"
    store.save_prefs(settings, DEFAULTS)
    assert not settings.contains("prefs/theme")
    assert not settings.contains("prefs/zoom")


def test_adapter_survives_a_hand_edited_file(tmp_path: Path) -> None:
    ini = tmp_path / "broken.ini"
    ini.write_text(
        "[prefs]\ntheme=@Invalid()\nzoom=12abc\nscript=simplified\n"
        '[state]\nrecent=[not json\npositions={"x": "y"}\nsidebar_width=-5\n'
        "geometry=garbage\n",
        encoding="utf-8",
    )
    qs = QSettings(str(ini), QSettings.Format.IniFormat)
    assert store.load_prefs(qs) == DEFAULTS.with_changes(script=Target.SIMPLIFIED)
    assert store.recent_files(qs) == []
    assert store.reading_position(qs, tmp_path / "x") is None
    assert store.load_sidebar(qs) == (None, True)
    assert store.load_geometry(qs) is None


def test_recent_files_newest_first_unique_pruned_and_capped(
    settings: QSettings, tmp_path: Path
) -> None:
    files = []
    for i in range(store.MAX_RECENT + 3):
        p = tmp_path / f"p{i}.txt"
        p.write_text("x", encoding="utf-8")
        files.append(p)
        store.add_recent(settings, p)
    store.add_recent(settings, files[0])
    recent = store.recent_files(settings)
    assert len(recent) == store.MAX_RECENT
    assert recent[0] == str(files[0].resolve())
    assert recent[1] == str(files[-1].resolve())
    assert len(set(recent)) == len(recent)
    files[-1].unlink()
    assert str(files[-1].resolve()) not in store.recent_files(settings)
    store.clear_recent(settings)
    assert store.recent_files(settings) == []


def test_reading_positions_per_file(settings: QSettings, tmp_path: Path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    store.save_reading_position(settings, a, 12, 30)
    store.save_reading_position(settings, b, -1, 0)
    assert store.reading_position(settings, a) == (12, 30)
    assert store.reading_position(settings, b) == (-1, 0)
    assert store.reading_position(settings, tmp_path / "c.html") is None
    raw = json.loads(str(settings.value("state/positions")))
    assert len(raw) == 2


def test_reading_positions_are_capped(settings: QSettings, tmp_path: Path) -> None:
    for i in range(store.MAX_POSITIONS + 5):
        store.save_reading_position(settings, tmp_path / f"{i}.html", i, 0)
    assert store.reading_position(settings, tmp_path / "0.html") is None
    last = store.MAX_POSITIONS + 4
    assert store.reading_position(settings, tmp_path / f"{last}.html") == (last, 0)


def test_window_state_is_kept_apart_from_preferences(settings: QSettings) -> None:
    store.save_sidebar(settings, 280, visible=False)
    store.save_geometry(settings, QByteArray(b"\x01\x02"))
    assert store.load_sidebar(settings) == (280, False)
    assert store.load_geometry(settings) == QByteArray(b"\x01\x02")
    assert all(k.startswith("state/") for k in settings.allKeys())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("zh_TW", Language.TRADITIONAL),
        ("zh_HK", Language.TRADITIONAL),
        ("zh_Hant_MO", Language.TRADITIONAL),
        ("zh_CN", Language.SIMPLIFIED),
        ("zh_SG", Language.SIMPLIFIED),
        ("en_GB", Language.ENGLISH),
        ("fr_FR", Language.ENGLISH),
    ],
)
def test_interface_language_from_locale(name: str, expected: Language) -> None:
    assert system_language(QLocale(name)) is expected
    assert resolve(Language.AUTO, QLocale(name)) is expected
    assert resolve(Language.SIMPLIFIED, QLocale(name)) is Language.SIMPLIFIED


def test_string_table_is_complete() -> None:
    for key, row in STRINGS.items():
        assert len(row) == 3 and all(row), key
    assert text("chars", Language.ENGLISH, n=5) == "5 characters"
    assert text("chars", Language.TRADITIONAL, n=5) == "5 字"


def test_every_field_has_a_parser_derived_from_its_type() -> None:
    assert set(core_prefs.PARSERS) == set(core_prefs.field_names())
    for name in core_prefs.field_names():
        default = getattr(DEFAULTS, name)
        assert core_prefs.PARSERS[name](str(default)) == default, name
        assert core_prefs.PARSERS[name]("garbage \x00") is None, name


def test_a_new_field_needs_no_parser_entry_and_an_unknown_type_fails_early() -> None:
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Extended:
        quotes: QuoteStyle = QuoteStyle.KEEP
        sidebar_right: bool = False

    parsers = core_prefs.derive_parsers(Extended)
    assert parsers["quotes"]("curly") is QuoteStyle.CURLY
    assert parsers["sidebar_right"]("TRUE") is True
    assert parsers["sidebar_right"]("perhaps") is None

    @dataclass(frozen=True)
    class Unsupported:
        ratio: float = 1.0

    with pytest.raises(TypeError, match="ratio"):
        core_prefs.derive_parsers(Unsupported)
