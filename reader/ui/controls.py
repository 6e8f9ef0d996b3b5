"""The window's controls: actions, menus, tool bar, status bar and find bar, built from tables.

The tables are data in `actions.py` (`COMMANDS`, `CHOICES`, `MENUS`, `TOOLBAR`). Adding a
setting is a `Prefs` field, a `Choice` row there, its words in i18n.py and what it does on
screen (one entry of `EFFECTS` in effects.py; a test fails if one is missing); the check
marks follow the current values by themselves (`Controls.sync`).

This module is imported when the controls are built, just after the article's first
paint (see controls_slot.py), so its Qt classes cost the first paint nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QProgressBar, QToolBar

from reader.core.article import Article, Target, TraditionalStandard
from reader.core.language import ContentLanguage
from reader.core.progress import Progress, reading_minutes
from reader.ui.actions import (
    CHOICES,
    COMMANDS,
    MENUS,
    TOOLBAR,
    Entry,
    Group,
    Slot,
)
from reader.ui.find import FindBar, FindController
from reader.ui.i18n import parenthesized

if TYPE_CHECKING:
    from reader.ui.window import MainWindow


_FORMAT_KEYS = {"text": "format_text", "html": "format_html", "mhtml": "format_mhtml"}

#: The choices that only mean something for Chinese text (off for other languages).
SCRIPT_PREFS = ("script", "traditional_standard", "quotes")

RECENT_TITLE_CHARS = 48
"""An Open Recent entry shows this much of a title: a menu wider than about 50
characters of Chinese crowds a laptop screen."""


@dataclass(frozen=True, slots=True)
class StatusLabels:
    """The status bar's permanent labels, left to right."""

    format: QLabel
    chars: QLabel
    time: QLabel
    script: QLabel


@dataclass(frozen=True)
class Controls:
    """Everything built after the first paint, in one typed object."""

    actions: Mapping[str, QAction]
    groups: Mapping[str, QActionGroup]
    recent_menu: QMenu
    toolbar: QToolBar
    busy: QProgressBar
    status: StatusLabels
    find_bar: FindBar
    find: FindController
    texts: Sequence[tuple[QAction | QMenu, str]] = field(default=())
    checks: Sequence[tuple[QAction, Callable[[MainWindow], bool]]] = field(default=())

    def retranslate(self, t: Callable[[str], str]) -> None:
        """Put the words of language `t` on every action, menu and tool button."""
        for obj, key in self.texts:
            label = t(key)
            if isinstance(obj, QMenu):
                obj.setTitle(label)
                continue
            plain = label.replace("&", "").rstrip("…")
            obj.setText(label)
            obj.setIconText(plain)
            keys = obj.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            obj.setToolTip(f"{plain} ({keys})" if keys else plain)
            obj.setStatusTip(plain)
            # QAction has no accessibleName; assistive tech reads the text, and the
            # property is what tests and the tool buttons below use.
            obj.setProperty("accessibleName", plain)
        for act in self.toolbar.actions():
            widget = self.toolbar.widgetForAction(act)
            if widget is not None:
                widget.setAccessibleName(str(act.property("accessibleName") or ""))
        self.toolbar.setWindowTitle(t("toolbar"))
        self.find_bar.set_texts(t("find_placeholder"), t("find_prev"), t("find_next"), t("close"))

    def show_status(
        self,
        t: Callable[..., str],
        article: Article | None,
        original: Article | None,
        script: Target,
        standard: TraditionalStandard,
    ) -> None:
        """Fill the status bar for `article` (as shown) from `original`, in words `t`.

        The script says which was asked for: 原文 with the page's own script, 繁體 with
        the forms shown (a standard, or "as written" for a Traditional page).
        """
        labels = self.status
        if article is None or original is None:
            for label in (labels.format, labels.chars, labels.time, labels.script):
                label.clear()
            return
        fmt = t(_FORMAT_KEYS.get(article.format, "format_html"))
        labels.format.setText(f"{article.encoding.upper()} · {fmt}")
        labels.chars.setText(t("chars", n=f"{article.char_count:,}"))
        labels.time.setText(t("minutes", m=reading_minutes(original)))
        keys = {o.value: o.key for c in CHOICES for o in c.options}
        shown = t(keys[script])
        if original.language is not ContentLanguage.CHINESE:
            # Shown as written: the script switches do not apply to it.
            shown = t("original_in", lang=t(f"language_{original.language.value}"))
        elif script is Target.ORIGINAL:
            shown = parenthesized(shown, t(keys[Target(original.script.value)]))
        elif script is Target.TRADITIONAL:
            from reader.core.script_plan import shown_standard  # noqa: PLC0415

            forms = shown_standard(original.script, script, standard)
            shown = parenthesized(shown, t(keys[forms] if forms else "as_written"))
        labels.script.setText(t("showing", s=shown))
        chinese = original.language is ContentLanguage.CHINESE
        for pref in SCRIPT_PREFS:
            self.groups[pref].setEnabled(chinese)
        self.actions["actionPunctuation"].setEnabled(chinese)

    def show_progress(self, t: Callable[..., str], article: Article | None, at: Progress) -> None:
        """Put the share read and the time left for `article` in the status bar."""
        if article is None:
            self.status.time.clear()
        elif at.percent == 0:
            self.status.time.setText(t("minutes", m=at.minutes_left))
        elif at.percent == 100:
            self.status.time.setText(t("progress_done"))
        else:
            self.status.time.setText(t("progress", p=at.percent, m=at.minutes_left))

    def set_recent(
        self,
        window: QMainWindow,
        paths: Sequence[Path],
        open_path: Callable[[Path], object],
        none_text: str,
        titles: Mapping[str, str] | None = None,
    ) -> None:
        """List `paths` in the Open Recent menu (Alt+1 ... Alt+9) by their articles'
        `titles` (by path; the file's name when unknown), the path as tooltip, then
        Clear list."""
        menu = self.recent_menu
        menu.setToolTipsVisible(True)  # the path tells apart files of one name
        for act in menu.actions():
            if act.objectName().startswith("actionRecent"):
                window.removeAction(act)
        menu.clear()
        for i, p in enumerate(paths, start=1):
            label = (titles or {}).get(str(p)) or p.name
            if len(label) > RECENT_TITLE_CHARS:
                label = label[: RECENT_TITLE_CHARS - 1] + "…"
            act = QAction(f"&{i} {label.replace('&', '&&')}", menu)
            act.setObjectName(f"actionRecent{i}")
            act.setShortcuts([QKeySequence(f"Alt+{i}")])
            act.setToolTip(str(p))
            act.setStatusTip(str(p))
            act.setProperty("accessibleName", label)
            act.triggered.connect(lambda _checked=False, p=p: open_path(p))
            menu.addAction(act)
            window.addAction(act)
        if not paths:
            menu.addAction(none_text).setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.actions["actionClearRecent"])

    def sync(self, window: MainWindow, value: Callable[[str], object]) -> None:
        """Check the option of every Choice that equals `value(pref)`, and the toggles."""
        for pref, group in self.groups.items():
            current = str(value(pref))
            for act in group.actions():
                act.setChecked(act.data() == current)
        for act, checked in self.checks:
            act.setChecked(checked(window))


def build(
    window: MainWindow,
    choose: Callable[[str, StrEnum], None],
    finder: Callable[[FindBar], FindController],
) -> Controls:
    """Build every control of `window` from the tables.

    `choose(pref, value)` sets a Choice; `finder(bar)` makes the search behind the find bar.
    """
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    texts: list[tuple[QAction | QMenu, str]] = []
    checks: list[tuple[QAction, Callable[[MainWindow], bool]]] = []

    def make(name: str, key: str, shortcuts: Sequence[str], run: Callable[[], None]) -> QAction:
        act = QAction(window)
        act.setObjectName(name)
        keys: list[QKeySequence] = []
        for sc in shortcuts:
            if sc.startswith("std:"):
                keys.extend(QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, sc[4:])))
            else:
                keys.append(QKeySequence(sc))
        # (setShortcuts with a list: setShortcut's overloads make PySide build the Qt
        # namespace's enums to choose one; see theme.py.)
        act.setShortcuts(keys)
        act.triggered.connect(lambda _checked=False: run())
        window.addAction(act)  # shortcuts work even when the menu bar is hidden
        actions[name] = act
        texts.append((act, key))
        return act

    for cmd in COMMANDS:
        act = make(cmd.name, cmd.key, cmd.shortcuts, _bound(cmd.slot, window))
        if cmd.icon:
            act.setIcon(QIcon(f"icons:{cmd.icon}"))
        if cmd.checked is not None:
            act.setCheckable(True)
            checks.append((act, cmd.checked))
    for choice in CHOICES:
        group = QActionGroup(window)
        group.setExclusive(True)
        for opt in choice.options:
            act = make(opt.name, opt.key, (opt.shortcut,), _chooser(choose, choice.pref, opt.value))
            act.setCheckable(True)
            act.setData(str(opt.value))
            group.addAction(act)
        groups[choice.pref] = group

    recent: list[QMenu] = []

    def fill(menu: QMenu | QToolBar, entries: Sequence[Entry]) -> None:
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, str):
                menu.addAction(actions[entry])
            elif isinstance(entry, Group):
                for act in groups[entry.pref].actions():
                    menu.addAction(act)
            elif isinstance(menu, QMenu):
                sub = menu.addMenu("")
                texts.append((sub, entry.key))
                fill(sub, entry.entries)
                if entry.recent:
                    recent.append(sub)

    for top in MENUS:
        menu = window.menuBar().addMenu("")
        texts.append((menu, top.key))
        fill(menu, top.entries)
    bar = QToolBar(window)
    bar.setObjectName("toolbar")
    bar.setMovable(False)
    bar.setFloatable(False)
    # By name, not Qt.ToolButtonStyle: see the module docstring of theme.py.
    bar.setProperty("toolButtonStyle", "ToolButtonTextOnly")
    fill(bar, TOOLBAR)
    window.addToolBar(bar)
    find_bar = FindBar(window)
    return Controls(
        actions=actions,
        groups=groups,
        recent_menu=recent[0],
        toolbar=bar,
        busy=_busy(window),
        status=_status(window),
        find_bar=find_bar,
        find=finder(find_bar),
        texts=texts,
        checks=checks,
    )


def _bound(slot: Slot, window: MainWindow) -> Callable[[], None]:
    def run() -> None:
        slot(window)

    return run


def _chooser(
    choose: Callable[[str, StrEnum], None], pref: str, value: StrEnum
) -> Callable[[], None]:
    return lambda: choose(pref, value)


def _busy(window: QMainWindow) -> QProgressBar:
    busy = QProgressBar(window)
    busy.setObjectName("busyIndicator")
    busy.setRange(0, 0)
    busy.setMaximumWidth(90)
    busy.setMaximumHeight(12)
    busy.setTextVisible(False)
    busy.hide()
    window.statusBar().addPermanentWidget(busy)
    return busy


def _status(window: QMainWindow) -> StatusLabels:
    labels = StatusLabels(QLabel(window), QLabel(window), QLabel(window), QLabel(window))
    for name, label in (
        ("statusFormat", labels.format),
        ("statusChars", labels.chars),
        ("statusTime", labels.time),
        ("statusScript", labels.script),
    ):
        label.setObjectName(name)
        label.setContentsMargins(6, 0, 6, 0)
        window.statusBar().addPermanentWidget(label)
    return labels
