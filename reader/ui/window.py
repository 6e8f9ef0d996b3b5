"""MainWindow: actions and menus, the current Article, and the wiring between widgets.

The window holds the article as extracted (`article`) and as shown (`shown_article`,
after script conversion). Data flows one way: open -> Conversion -> render -> view and
sidebar. Switching script re-runs conversion (cached), switching theme only re-styles.
Only this module shows errors to the user, through `_show_error`, which tests replace.

At start-up the window can leave its controls (actions, menus, tool bar, status bar,
find bar, and the sidebar's entries) until the article has been painted once: the
reader sees the text first and the controls one frame later (`defer_controls`).
Anything that needs them earlier, such as `action()`, builds them on the spot. The Qt
classes only the controls use are imported where the controls are built, because
PySide sets a class up (its enums) on first import, and the first paint can do without
those 10 ms.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from PySide6.QtCore import QByteArray, QEvent, QLocale, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QFrame, QMainWindow, QSplitter, QVBoxLayout, QWidget

from reader.core import Article, BlockType, ReaderError, Script, Theme, load_article
from reader.core.article import TraditionalStandard as Std
from reader.core.prefs import ZOOM_MAX, ZOOM_MIN, Accent, FontStyle, Language, Prefs, Quotes
from reader.core.prefs import ScriptChoice as Sc
from reader.core.render import anchor, reading_minutes
from reader.ui import i18n
from reader.ui import settings as store
from reader.ui.convert import Conversion, convert_query
from reader.ui.sidebar import Sidebar
from reader.ui.theme import Look, ThemeController, base_point_size, reading_families
from reader.ui.view import ArticleView

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import (
        QAction,
        QActionGroup,
        QCloseEvent,
        QDragEnterEvent,
        QDropEvent,
        QKeySequence,
        QTextCursor,
    )
    from PySide6.QtWidgets import QMenu

    from reader.ui.find import FindBar
    from reader.ui.library_link import LibraryLink

    Shortcut: TypeAlias = str | QKeySequence.StandardKey

log = logging.getLogger(__name__)

TOP = (-1, 0)
"""A reading position: (block index, pixel offset); block -1 is the header."""
T = TypeVar("T", bound=str)

_SCRIPTS: Sequence[tuple[Sc, str, str, str]] = (
    # choice, objectName, string key, shortcut
    (Sc.ORIGINAL, "actionScriptOriginal", "script_original", "Ctrl+1"),
    (Sc.TRADITIONAL, "actionScriptTraditional", "script_traditional", "Ctrl+2"),
    (Sc.SIMPLIFIED, "actionScriptSimplified", "script_simplified", "Ctrl+3"),
    (Sc.TAIWAN, "actionScriptTaiwan", "script_taiwan", "Ctrl+4"),
    (Sc.HONGKONG, "actionScriptHongKong", "script_hongkong", "Ctrl+5"),
)
_STANDARDS: Sequence[tuple[Std, str, str, str]] = (
    (Std.TAIWAN, "actionStandardTaiwan", "standard_taiwan", "Ctrl+Alt+Shift+1"),
    (Std.HONGKONG, "actionStandardHongKong", "standard_hongkong", "Ctrl+Alt+Shift+2"),
    (Std.OPENCC, "actionStandardOpenCC", "standard_opencc", "Ctrl+Alt+Shift+3"),
)
_QUOTES: Sequence[tuple[Quotes, str, str, str]] = (
    (Quotes.KEEP, "actionQuotesKeep", "quotes_keep", "Ctrl+Alt+1"),
    (Quotes.CORNER, "actionQuotesCorner", "quotes_corner", "Ctrl+Alt+2"),
    (Quotes.CURLY, "actionQuotesCurly", "quotes_curly", "Ctrl+Alt+3"),
)
_THEMES: Sequence[tuple[Theme, str, str, str]] = (
    (Theme.SYSTEM, "actionThemeSystem", "theme_system", "Ctrl+Shift+A"),
    (Theme.LIGHT, "actionThemeLight", "theme_light", "Ctrl+Shift+L"),
    (Theme.DARK, "actionThemeDark", "theme_dark", "Ctrl+Shift+D"),
)
_ACCENTS: Sequence[tuple[Accent, str, str, str]] = (
    (Accent.INK, "actionAccentInk", "accent_ink", "Ctrl+Alt+5"),
    (Accent.VERMILION, "actionAccentVermilion", "accent_vermilion", "Ctrl+Alt+6"),
    (Accent.JADE, "actionAccentJade", "accent_jade", "Ctrl+Alt+7"),
    (Accent.INDIGO, "actionAccentIndigo", "accent_indigo", "Ctrl+Alt+8"),
)
_FONTS: Sequence[tuple[FontStyle, str, str, str]] = (
    (FontStyle.SERIF, "actionFontSerif", "font_serif", "Ctrl+Shift+M"),
    (FontStyle.SANS, "actionFontSans", "font_sans", "Ctrl+Shift+H"),
)
_LANGUAGES: Sequence[tuple[Language, str, str, str]] = (
    (Language.AUTO, "actionLanguageAuto", "lang_auto", "Ctrl+Alt+Shift+A"),
    (Language.TRADITIONAL, "actionLanguageHant", "lang_hant", "Ctrl+Alt+Shift+T"),
    (Language.SIMPLIFIED, "actionLanguageHans", "lang_hans", "Ctrl+Alt+Shift+S"),
    (Language.ENGLISH, "actionLanguageEnglish", "lang_en", "Ctrl+Alt+Shift+E"),
)
_FORMAT_KEYS = {"text": "format_text", "html": "format_html", "mhtml": "format_mhtml"}
_SCRIPT_KEYS = {choice: key for choice, _, key, _ in _SCRIPTS}
_STANDARD_KEYS = {standard: key for standard, _, key, _ in _STANDARDS}


class MainWindow(QMainWindow):
    """The reader's one window.

    Signals:
        article_shown(Article): a (converted) article was put on screen.
        conversion_failed(str): a script conversion failed (the message shown to the user).
        controls_shown(): the menus, tool bar and status bar have been painted once.
    """

    article_shown = Signal(object)
    conversion_failed = Signal(str)
    controls_shown = Signal()

    def __init__(
        self,
        settings: QSettings,
        theme: ThemeController,
        locale: QLocale | None = None,
        parent: QWidget | None = None,
        *,
        defer_controls: bool = False,
        library: LibraryLink | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._library = library
        self._theme = theme
        theme.setParent(self)
        self._locale = locale or QLocale.system()
        self._prefs: Prefs = store.load_prefs(settings)
        self._lang = i18n.resolve(self._prefs.language, self._locale)
        self._original: Article | None = None
        self._shown: Article | None = None
        self._html = ""
        self._images: dict[int, bytes] = {}
        self._path: Path | None = None
        self._pending = 0
        self._speaker: int | None = None  # index in article.speakers (same in every script)
        self._speaker_next = 0
        self._shown_choice = self._prefs.script
        self._shown_quotes = self._prefs.quotes
        self._matches: list[QTextCursor] = []
        self._match = -1
        self._texts: list[tuple[QAction | QMenu, str]] = []
        self._actions: dict[str, QAction] = {}
        self._controls = False  # actions, menus, tool bar, status bar and find bar built
        self._converting = False  # a conversion is running (the busy indicator shows)
        self._after_paint: tuple[QWidget, Callable[[], None]] | None = None
        self._base_size = base_point_size()

        self.view = ArticleView(self)
        self.sidebar = Sidebar(self)
        reading = QWidget(self)
        self._column = QVBoxLayout(reading)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.view, 1)
        # Horizontal is QSplitter's default; naming Qt.Orientation here would make PySide
        # build every enum of the Qt namespace before the first paint (40 ms).
        self._splitter = QSplitter()
        self._splitter.setObjectName("splitter")
        self._splitter.addWidget(self.sidebar)
        self._splitter.addWidget(reading)
        self._splitter.setStretchFactor(0, 0)
        self._splitter.setStretchFactor(1, 1)
        self._splitter.setCollapsible(1, False)
        self._splitter.setHandleWidth(1)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.setCentralWidget(self._splitter)

        self._conversion = Conversion(self)
        self.setAcceptDrops(True)

        self.sidebar.section_activated.connect(self.go_to_section)
        self.sidebar.speaker_activated.connect(self.go_to_speaker)
        self.view.top_block_changed.connect(self._track_section)
        self.view.link_clicked.connect(self._link_clicked)
        self._conversion.started.connect(lambda: self._set_busy(True))
        self._conversion.finished.connect(self._converted)
        self._conversion.failed.connect(self._conversion_failed)
        theme.theme_changed.connect(self._theme_changed)
        if library is not None:
            library.setParent(self)
            library.article_requested.connect(lambda path, _pos: self.open_path(path))
            library.failed.connect(lambda m: self._show_error(self._t("error_library_title"), m))

        self._restore_state()
        if defer_controls:
            # Asking Qt for the system's colour scheme costs 40 ms (see theme.py), so the
            # first paint uses the scheme seen last time; build_controls() checks it.
            self._look: Look = theme.start(
                self._prefs.theme, self._prefs.accent, store.load_system_dark(settings)
            )
        else:
            self._look = theme.set_theme(self._prefs.theme, self._prefs.accent)
        self._apply_font()
        self._retranslate()
        self.view.setFocus()
        if defer_controls:
            self._watch_paint(self.view.viewport(), self.build_controls)
        else:
            self.build_controls()

    # -- public API ------------------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        """The open article as extracted (before script conversion)."""
        return self._original

    @property
    def shown_article(self) -> Article | None:
        """The article as on screen (after script conversion)."""
        return self._shown

    @property
    def prefs(self) -> Prefs:
        """The current preferences."""
        return self._prefs

    @property
    def look(self) -> Look:
        """The current theme's colours and article CSS."""
        return self._look

    @property
    def path(self) -> Path | None:
        """The file the article came from."""
        return self._path

    @property
    def find_bar(self) -> FindBar:
        """The find-in-page bar under the article."""
        self.build_controls()
        return self._find_bar

    def build_controls(self) -> None:
        """Build the actions, menus, tool bar, status bar and find bar (once).

        A window made with `defer_controls` builds them right after the article's first
        paint, or earlier when something needs them, and fills in the sidebar then.
        """
        if self._controls:
            return
        from PySide6.QtGui import QIcon  # noqa: PLC0415 - see the module docstring

        from reader.ui.find import FindBar  # noqa: PLC0415

        self._controls = True
        if self._path is not None:
            store.add_recent(self._settings, self._path)  # opened before the controls
        self._build_actions()
        self._build_menus()
        self._build_status()
        self._find_bar = FindBar(self)
        self._find_bar.hide()
        self._column.addWidget(self._find_bar)
        self._find_bar.query_changed.connect(self._find)
        self._find_bar.next_requested.connect(self.find_next)
        self._find_bar.previous_requested.connect(self.find_previous)
        self._find_bar.closed.connect(self._find_closed)
        self._busy.setVisible(self._converting)  # one may have started before the bar
        self.setWindowIcon(QIcon("icons:qingdu.svg"))
        self._toolbar.setStyleSheet(self._look.toolbar_qss)
        self._retranslate()
        self._sync_checks()
        if self._shown is not None:
            self.sidebar.set_article(self._shown)
            self._track_section(self.view.top_block())
        self._watch_paint(self._toolbar, self._controls_painted)

    def action(self, name: str) -> QAction:
        """The action with objectName `name` (including the Open Recent entries)."""
        from PySide6.QtGui import QAction  # noqa: PLC0415 - see the module docstring

        self.build_controls()
        act = self._actions.get(name) or self.findChild(QAction, name)
        if act is None:
            raise KeyError(name)
        return act

    def open_path(self, path: str | Path) -> bool:
        """Open the saved page at `path`; on failure say why and keep the current article."""
        p = Path(path)
        try:
            article = load_article(p)
        except ReaderError as exc:
            self._show_error(
                self._t("error_open_title"), self._t("error_open", name=p.name, reason=str(exc))
            )
            return False
        self._save_position()
        self.show_article(article, p)
        if self._controls:  # otherwise build_controls() records it, for the menu it feeds
            store.add_recent(self._settings, p)
            self._rebuild_recent()
        return True

    def show_article(self, article: Article, path: Path | None = None) -> None:
        """Put `article` on screen (converted to the chosen script)."""
        self._original = article
        self._shown = None
        self._path = path
        self._speaker = None
        self._speaker_next = 0
        self._conversion.set_article(article, self._prefs.traditional_standard)
        if article.theme is not None and article.theme is not self._theme.theme:
            # The page's own day/night choice wins on open; the user can change it after.
            self._look = self._theme.set_theme(article.theme)
            self._sync_checks()
        saved = store.reading_position(self._settings, path) if path else None
        self._refresh(saved or TOP)

    def show_library(self) -> None:
        """Show the library window (Ctrl+L)."""
        if self._library is not None:
            self._library.show(self._lang, self)

    def open_dialog(self) -> None:
        """Ask for a file and open it."""
        path = self._ask_open_path()
        if path is not None:
            self.open_path(path)

    def reload(self) -> None:
        """Open the current file again, keeping the place."""
        if self._path is None:
            return
        self._save_position()
        self.open_path(self._path)

    def set_script(self, choice: Sc) -> None:
        """Show the article in `choice` (原文 / 繁體 / 简体 / 臺灣 / 香港)."""
        self._set_prefs(script=choice)
        self._refresh(self._position())

    def set_traditional_standard(self, standard: Std) -> None:
        """Choose the forms 繁體 gives a Simplified article (臺灣 / 香港 / OpenCC 標準)."""
        self._set_prefs(traditional_standard=standard)
        if self._original is not None:
            self._conversion.set_article(self._original, standard)
        self._refresh(self._position())

    def set_quotes(self, quotes: Quotes) -> None:
        """Choose the quotation-mark style."""
        self._set_prefs(quotes=quotes)
        self._refresh(self._position())

    def set_theme(self, theme: Theme) -> None:
        """Choose 隨系統 / 淺色 / 深色."""
        self._set_prefs(theme=theme)
        self._look = self._theme.set_theme(theme)

    def set_accent(self, accent: Accent) -> None:
        """Choose the 主題色 preset."""
        self._set_prefs(accent=accent)
        self._look = self._theme.set_theme(self._theme.theme, accent)

    def set_font_style(self, style: FontStyle) -> None:
        """Choose serif or sans-serif body text."""
        self._set_prefs(font=style)
        self._keeping_place(self._apply_font)

    def zoom(self, steps: int | None) -> None:
        """Zoom by `steps` points (None: back to the default size)."""
        value = 0 if steps is None else max(ZOOM_MIN, min(ZOOM_MAX, self._prefs.zoom + steps))
        self._set_prefs(zoom=value)
        self._keeping_place(self._apply_font)

    def set_language(self, language: Language) -> None:
        """Choose the interface language (AUTO: from the system locale)."""
        self._set_prefs(language=language)
        self._lang = i18n.resolve(language, self._locale)
        self._retranslate()

    def go_to_section(self, index: int) -> None:
        """Put section `index`'s heading at the top of the view."""
        article = self._shown or self._original
        if article is not None and 0 <= index < len(article.sections):
            self.view.scroll_to(anchor(article.sections[index].block))
            self.sidebar.set_current_section(index)

    def next_section(self) -> None:
        """Jump to the section after the one at the top of the view."""
        sections = self._section_blocks()
        top = self.view.top_block()
        if not sections or top is None:
            return
        i = bisect.bisect_right(sections, top)
        if i < len(sections):
            self.go_to_section(i)

    def previous_section(self) -> None:
        """Jump to the section before the one at the top of the view."""
        sections = self._section_blocks()
        top = self.view.top_block()
        if not sections or top is None:
            return
        i = bisect.bisect_left(sections, top) - 1
        if i >= 0:
            self.go_to_section(i)

    def go_to_speaker(self, name: str) -> None:
        """Jump to `name`'s next passage (cycling) and mark all their passages."""
        article = self._shown or self._original
        names = [s.name for s in article.speakers] if article else []
        if article is None or name not in names:
            return
        index = names.index(name)
        speaker = article.speakers[index]
        if not speaker.blocks:
            return
        if self._speaker != index:
            self._speaker = index
            self._speaker_next = 0
        i = self._speaker_next % len(speaker.blocks)
        self._speaker_next = i + 1
        self._mark_speaker()
        self.view.scroll_to(anchor(speaker.blocks[i]))

    def marked_speaker(self) -> str | None:
        """The name of the speaker whose passages are marked, if any."""
        article = self._shown or self._original
        if article is None or self._speaker is None or self._speaker >= len(article.speakers):
            return None
        return article.speakers[self._speaker].name

    def open_find(self) -> None:
        """Show the find bar."""
        self.find_bar.open_bar()
        if self.find_bar.query():
            self._find(self.find_bar.query())

    def find_next(self) -> None:
        """Select the next match."""
        self._step_match(1)

    def find_previous(self) -> None:
        """Select the previous match."""
        self._step_match(-1)

    def match_count(self) -> int:
        """How many matches the find bar found."""
        return len(self._matches)

    # -- building --------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        key: str,
        shortcuts: Shortcut | Sequence[Shortcut],
        slot: Callable[[], None],
        *,
        checkable: bool = False,
        group: QActionGroup | None = None,
        icon: str | None = None,
    ) -> QAction:
        from PySide6.QtGui import QAction, QIcon, QKeySequence  # noqa: PLC0415 - module doc

        act = QAction(self)
        act.setObjectName(name)
        if isinstance(shortcuts, (str, QKeySequence.StandardKey)):
            shortcuts = [shortcuts]
        keys: list[QKeySequence] = []
        for sc in shortcuts:
            keys.extend(
                QKeySequence.keyBindings(sc)
                if isinstance(sc, QKeySequence.StandardKey)
                else [QKeySequence(sc)]
            )
        act.setShortcuts(keys)
        act.setCheckable(checkable)
        if group is not None:
            group.addAction(act)
        if icon:
            act.setIcon(QIcon(f"icons:{icon}"))
        act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)  # shortcuts work even when the menu bar is hidden (full screen)
        self._actions[name] = act
        self._texts.append((act, key))
        return act

    def _choices(
        self, table: Sequence[tuple[T, str, str, str]], setter: Callable[[T], None]
    ) -> QActionGroup:
        from PySide6.QtGui import QActionGroup  # noqa: PLC0415 - see the module docstring

        group = QActionGroup(self)
        group.setExclusive(True)
        for value, name, key, shortcut in table:
            act = self._action(
                name, key, shortcut, _bind(setter, value), checkable=True, group=group
            )
            act.setData(str(value))
        return group

    def _build_actions(self) -> None:
        from PySide6.QtGui import QKeySequence  # noqa: PLC0415 - see the module docstring

        std = QKeySequence.StandardKey
        self._action("actionOpen", "open", std.Open, self.open_dialog, icon="open.svg")
        self._action("actionLibrary", "library", "Ctrl+L", self.show_library)
        self._action("actionReload", "reload", ["F5", "Ctrl+R"], self.reload)
        self._action("actionQuit", "quit", "Ctrl+Q", self._quit)
        self._action("actionClearRecent", "clear_recent", "Ctrl+Shift+Del", self._clear_recent)
        self._scripts = self._choices(_SCRIPTS, self.set_script)
        self._standards = self._choices(_STANDARDS, self.set_traditional_standard)
        self._quotes = self._choices(_QUOTES, self.set_quotes)
        self._themes = self._choices(_THEMES, self.set_theme)
        self._accents = self._choices(_ACCENTS, self.set_accent)
        self._fonts = self._choices(_FONTS, self.set_font_style)
        self._languages = self._choices(_LANGUAGES, self.set_language)
        self._action("actionFind", "find", std.Find, self.open_find, icon="find.svg")
        self._action("actionFindNext", "find_next", ["F3", "Ctrl+G"], self.find_next)
        self._action(
            "actionFindPrevious", "find_prev", ["Shift+F3", "Ctrl+Shift+G"], self.find_previous
        )
        self._action("actionZoomIn", "zoom_in", ["Ctrl+=", "Ctrl++"], lambda: self.zoom(1))
        self._action("actionZoomOut", "zoom_out", "Ctrl+-", lambda: self.zoom(-1))
        self._action("actionZoomReset", "zoom_reset", "Ctrl+0", lambda: self.zoom(None))
        self._action("actionNextSection", "next_section", ["Alt+Down", "Ctrl+]"], self.next_section)
        self._action(
            "actionPreviousSection", "prev_section", ["Alt+Up", "Ctrl+["], self.previous_section
        )
        self._action(
            "actionSidebar",
            "sidebar",
            "F9",
            self._toggle_sidebar,
            checkable=True,
            icon="sidebar.svg",
        )
        self._action(
            "actionFullScreen", "full_screen", "F11", self._toggle_full_screen, checkable=True
        )

    def _menu(self, parent: QMenu | None, key: str, actions: Sequence[QAction | None]) -> QMenu:
        menu = self.menuBar().addMenu("") if parent is None else parent.addMenu("")
        for act in actions:
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        self._texts.append((menu, key))
        return menu

    def _build_menus(self) -> None:
        a = self._actions
        file_menu = self._menu(None, "menu_file", [a["actionOpen"]])
        self._recent_menu = self._menu(file_menu, "menu_recent", [])
        self._recent_menu.aboutToShow.connect(self._rebuild_recent)
        file_menu.addAction(a["actionLibrary"])
        file_menu.addAction(a["actionReload"])
        file_menu.addSeparator()
        file_menu.addAction(a["actionQuit"])
        self._rebuild_recent()

        script_menu = self._menu(None, "menu_script", list(self._scripts.actions()))
        script_menu.addSeparator()
        self._menu(script_menu, "menu_standard", list(self._standards.actions()))
        self._menu(script_menu, "menu_quotes", list(self._quotes.actions()))

        view_menu = self._menu(None, "menu_view", [])
        self._menu(view_menu, "menu_theme", list(self._themes.actions()))
        self._menu(view_menu, "menu_accent", list(self._accents.actions()))
        self._menu(view_menu, "menu_font", list(self._fonts.actions()))
        view_menu.addSeparator()
        for name in ("actionZoomIn", "actionZoomOut", "actionZoomReset", None, "actionSidebar"):
            if name is None:
                view_menu.addSeparator()
            else:
                view_menu.addAction(a[name])
        view_menu.addAction(a["actionFullScreen"])
        view_menu.addSeparator()
        self._menu(view_menu, "menu_language", list(self._languages.actions()))

        self._menu(
            None,
            "menu_go",
            [
                a["actionFind"],
                a["actionFindNext"],
                a["actionFindPrevious"],
                None,
                a["actionNextSection"],
                a["actionPreviousSection"],
            ],
        )

        from PySide6.QtWidgets import QToolBar  # noqa: PLC0415 - see the module docstring

        bar = QToolBar(self)
        bar.setObjectName("toolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        # By name, not Qt.ToolButtonStyle: see the module docstring of theme.py.
        bar.setProperty("toolButtonStyle", "ToolButtonTextOnly")
        bar.addAction(a["actionOpen"])
        bar.addSeparator()
        for name in ("actionScriptOriginal", "actionScriptTraditional", "actionScriptSimplified"):
            bar.addAction(a[name])
        bar.addSeparator()
        for act in self._themes.actions():
            bar.addAction(act)
        bar.addSeparator()
        bar.addAction(a["actionFind"])
        bar.addAction(a["actionSidebar"])
        self.addToolBar(bar)
        self._toolbar = bar

    def _build_status(self) -> None:
        from PySide6.QtWidgets import QLabel, QProgressBar  # noqa: PLC0415 - module docstring

        bar = self.statusBar()
        self._busy = QProgressBar(self)
        self._busy.setRange(0, 0)
        self._busy.setMaximumWidth(90)
        self._busy.setMaximumHeight(12)
        self._busy.setTextVisible(False)
        self._busy.hide()
        self._status_format = QLabel(self)
        self._status_chars = QLabel(self)
        self._status_time = QLabel(self)
        self._status_script = QLabel(self)
        self._status_script.setObjectName("statusScript")
        bar.addPermanentWidget(self._busy)
        for label in (self._status_format, self._status_chars, self._status_time):
            bar.addPermanentWidget(label)
        bar.addPermanentWidget(self._status_script)
        for label in (self._status_format, self._status_chars, self._status_time):
            label.setContentsMargins(6, 0, 6, 0)
        self._status_script.setContentsMargins(6, 0, 6, 0)

    # -- text and state --------------------------------------------------------------------

    def _t(self, key: str, **fields: object) -> str:
        return i18n.text(key, self._lang, **fields)

    def _retranslate(self) -> None:
        self.sidebar.set_group_titles(self._t("sections"), self._t("speakers"))
        self._update_title()
        if not self._controls:
            return
        from PySide6.QtGui import QKeySequence  # noqa: PLC0415 - see the module docstring
        from PySide6.QtWidgets import QMenu  # noqa: PLC0415

        for obj, key in self._texts:
            label = self._t(key)
            if isinstance(obj, QMenu):
                obj.setTitle(label)
                continue
            plain = label.replace("&", "").rstrip("…")
            obj.setText(label)
            obj.setIconText(plain)
            keys = obj.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            obj.setToolTip(f"{plain} ({keys})" if keys else plain)
            obj.setStatusTip(plain)
            # QAction has no accessibleName; assistive tech reads the text, and the property
            # is what tests and the toolbar buttons below use.
            obj.setProperty("accessibleName", plain)
        for act in self._toolbar.actions():
            widget = self._toolbar.widgetForAction(act)
            if widget is not None:
                widget.setAccessibleName(str(act.property("accessibleName") or ""))
        self._toolbar.setWindowTitle(self._t("toolbar"))
        self._find_bar.set_texts(
            self._t("find_placeholder"),
            self._t("find_prev"),
            self._t("find_next"),
            self._t("close"),
        )
        self._update_status()

    def _sync_checks(self) -> None:
        if not self._controls:
            return  # build_controls() checks them
        p = self._prefs
        for group, value in (
            (self._scripts, p.script),
            (self._standards, p.traditional_standard),
            (self._quotes, p.quotes),
            (self._themes, self._theme.theme),
            (self._accents, self._theme.accent),
            (self._fonts, p.font),
            (self._languages, p.language),
        ):
            for act in group.actions():
                act.setChecked(act.data() == str(value))
        self._actions["actionSidebar"].setChecked(self.sidebar.isVisibleTo(self))

    def _set_prefs(self, **changes: object) -> None:
        self._prefs = self._prefs.with_changes(**changes)
        store.save_prefs(self._settings, self._prefs)
        self._sync_checks()

    def _restore_state(self) -> None:
        geometry = store.load_geometry(self._settings)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1120, 780)
        width, visible = store.load_sidebar(self._settings)
        self._splitter.setSizes([width or 230, 900])
        self.sidebar.setVisible(visible)

    def _save_state(self) -> None:
        store.save_geometry(self._settings, QByteArray(self.saveGeometry()))
        visible = self.sidebar.isVisibleTo(self)
        store.save_sidebar(self._settings, self._splitter.sizes()[0] if visible else 0, visible)
        if self._theme.system_dark is not None:
            store.save_system_dark(self._settings, self._theme.system_dark)
        self._save_position()

    def _save_position(self) -> None:
        pos = self._position()
        if self._path is not None and pos is not None:
            store.save_reading_position(self._settings, self._path, *pos)
            if self._library is not None:  # the index follows the settings (library_link.py)
                self._library.record_position(self._path, *pos)

    # -- showing ---------------------------------------------------------------------------

    def _refresh(self, position: tuple[int, int] | None) -> None:
        """Show the current article in the chosen script, at `position`."""
        if self._original is None:
            return
        hit = self._conversion.lookup(self._prefs.script, self._prefs.quotes)
        if hit is not None:
            self._pending = 0
            self._set_busy(False)
            self._display(*hit, position)
            return
        if self._shown is None:
            # Nothing on screen yet: show the original now; the conversion follows and
            # takes over at whatever place the reader has reached by then.
            original = self._conversion.lookup(Sc.ORIGINAL, Quotes.KEEP)
            if original is not None:
                self._display(*original, position)
        self._pending = self._conversion.start(self._prefs.script, self._prefs.quotes)

    def _converted(self, rid: int, article: Article, html: str) -> None:
        if rid != self._pending:
            return
        self._set_busy(False)
        self._display(article, html, self._position())

    def _conversion_failed(self, rid: int, message: str) -> None:
        if rid != self._pending:
            return
        self._set_busy(False)
        self._pending = 0
        shown = self._shown
        self.conversion_failed.emit(message)
        self._show_error(self._t("error_script_title"), message)
        if shown is not None:
            # Put the toggle back on what is actually on screen.
            self._set_prefs(script=self._shown_choice, quotes=self._shown_quotes)

    def _display(self, article: Article, html: str, pos: tuple[int, int] | None) -> None:
        original = self._original
        if original is None:
            return
        self._shown = article
        self._shown_choice = self._prefs.script
        self._shown_quotes = self._prefs.quotes
        self._html = html
        self._images = {
            i: original.assets[b.src]
            for i, b in enumerate(original.blocks)
            if b.type is BlockType.IMAGE and b.src is not None and b.src in original.assets
        }
        self._apply_font(reload=False)  # show_article below lays out with it
        self.view.show_article(html, self._look.article_css, self._images)
        if self._controls:  # otherwise build_controls() fills the sidebar in
            self.sidebar.set_article(article)
        self._restore(pos)
        self._reapply_marks()
        self._update_title()
        self._update_status()
        self.article_shown.emit(article)

    def _apply_font(self, reload: bool = True) -> None:
        original = self._original.script if self._original else Script.TRADITIONAL
        families = reading_families(self._prefs.script, original, self._prefs.font)
        self.view.set_reading_font(families, self._base_size + self._prefs.zoom, reload=reload)

    def _theme_changed(self, look: Look) -> None:
        self._look = look
        if self._controls:
            self._toolbar.setStyleSheet(look.toolbar_qss)
        self.sidebar.setStyleSheet(look.sidebar_qss)
        self._sync_checks()
        if self._shown is None:
            return
        pos = self._position()
        self.view.show_article(self._html, look.article_css, self._images)
        self._restore(pos)
        self._reapply_marks()

    def _keeping_place(self, change: Callable[[], None]) -> None:
        pos = self._position()
        change()
        self._restore(pos)

    def _position(self) -> tuple[int, int] | None:
        block = self.view.top_block()
        return None if block is None else (block, self.view.top_offset())

    def _restore(self, pos: tuple[int, int] | None) -> None:
        if pos is None:
            return
        block, offset = pos
        self.view.scroll_to("top" if block < 0 else anchor(block), offset)
        self._track_section(self.view.top_block())

    def _update_title(self) -> None:
        app = self._t("app")
        article = self._shown or self._original
        self.setWindowTitle(f"{article.title} — {app}" if article else app)

    def _update_status(self) -> None:
        if not self._controls:
            return  # build_controls() fills it in
        article = self._shown or self._original
        if article is None:
            for label in (self._status_format, self._status_chars, self._status_time):
                label.clear()
            self._status_script.clear()
            return
        fmt = self._t(_FORMAT_KEYS.get(article.format, "format_html"))
        self._status_format.setText(f"{article.encoding.upper()} · {fmt}")
        self._status_chars.setText(self._t("chars", n=f"{article.char_count:,}"))
        self._status_time.setText(self._t("minutes", m=reading_minutes(article)))
        script = self._t(_SCRIPT_KEYS[self._prefs.script])
        if self._prefs.script is Sc.ORIGINAL and self._original is not None:
            native = Sc(self._original.script.value)
            script = i18n.parenthesized(script, self._t(_SCRIPT_KEYS[native]))
        elif self._prefs.script is Sc.TRADITIONAL and self._original is not None:
            from reader.core.script import shown_standard  # noqa: PLC0415 - see convert.py

            forms = shown_standard(
                self._original.script, Sc.TRADITIONAL, self._prefs.traditional_standard
            )
            detail = self._t(_STANDARD_KEYS[forms] if forms else "as_written")
            script = i18n.parenthesized(script, detail)
        self._status_script.setText(self._t("showing", s=script))

    # -- sections, speakers, find ------------------------------------------------------------

    def _section_blocks(self) -> list[int]:
        article = self._shown or self._original
        return [s.block for s in article.sections] if article else []

    def _track_section(self, top: int | None) -> None:
        sections = self._section_blocks()
        if top is None or not sections:
            self.sidebar.set_current_section(None)
            return
        i = bisect.bisect_right(sections, top) - 1
        self.sidebar.set_current_section(i if i >= 0 else None)

    def _mark_speaker(self) -> None:
        article = self._shown or self._original
        index = self._speaker
        speaker = (
            article.speakers[index]
            if article is not None and index is not None and index < len(article.speakers)
            else None
        )
        if speaker is None:
            self.view.clear_marks("speaker")
            return
        cursors = [c for c in (self.view.block_cursor(b) for b in speaker.blocks) if c]
        self.view.set_marks("speaker", cursors, self._look.color("speaker_mark"), full_width=True)

    def _reapply_marks(self) -> None:
        # The speaker is kept by index: after a script switch the name is written
        # differently, but the list (and each speaker's blocks) is the same.
        self._mark_speaker()
        if self._controls and self._find_bar.isVisible() and self._find_bar.query():
            self._find(self._find_bar.query(), keep_index=True)

    def _find(self, query: str, keep_index: bool = False) -> None:
        previous = self._match
        self._matches = []
        self._match = -1
        if query and self._original is not None:
            variants = {query}
            try:
                variants.add(
                    convert_query(
                        query,
                        self._prefs.script,
                        self._original.script,
                        self._prefs.traditional_standard,
                    )
                )
            except ReaderError as exc:
                log.info("find: no script conversion for the query (%s)", exc)
            doc = self.view.document()
            seen: set[int] = set()
            for v in variants:
                cur = doc.find(v, 0)
                while not cur.isNull():
                    if cur.selectionStart() not in seen:
                        seen.add(cur.selectionStart())
                        self._matches.append(cur)
                    cur = doc.find(v, cur)
            self._matches.sort(key=lambda c: c.selectionStart())
        self.view.set_marks("find", self._matches, self._look.color("find"))
        if not self._matches:
            self._find_bar.set_count(self._t("find_none") if query else "")
            return
        if keep_index and 0 <= previous < len(self._matches):
            self._match = previous
        else:
            top = self.view.cursorForPosition(self.view.viewport().rect().topLeft()).position()
            starts = [c.selectionStart() for c in self._matches]
            self._match = bisect.bisect_left(starts, top) % len(self._matches)
        self._show_match()

    def _step_match(self, step: int) -> None:
        if not self._matches:
            if self._find_bar.query():
                self._find(self._find_bar.query())
            return
        self._match = (self._match + step) % len(self._matches)
        self._show_match()

    def _show_match(self) -> None:
        cur = self._matches[self._match]
        self.view.setTextCursor(cur)
        self.view.ensureCursorVisible()
        self.view.set_marks("find_current", [cur], self._look.color("find_current"))
        self._find_bar.set_count(f"{self._match + 1}/{len(self._matches)}")

    def _find_closed(self) -> None:
        self._matches = []
        self._match = -1
        self.view.clear_marks("find")
        self.view.clear_marks("find_current")
        cur = self.view.textCursor()
        cur.clearSelection()
        self.view.setTextCursor(cur)
        self.view.setFocus()

    # -- small slots -----------------------------------------------------------------------

    def _rebuild_recent(self) -> None:
        if not self._controls:
            return  # built with the menus
        from PySide6.QtGui import QAction, QKeySequence  # noqa: PLC0415 - module docstring

        menu = self._recent_menu
        for act in menu.actions():
            if act.objectName().startswith("actionRecent"):
                self.removeAction(act)
        menu.clear()
        recent = store.recent_files(self._settings)
        for i, name in enumerate(recent, start=1):
            p = Path(name)
            title = self._library.title_for(p) if self._library is not None else None
            act = QAction(f"&{i} {title or p.name}", menu)
            act.setObjectName(f"actionRecent{i}")
            # (setShortcuts with a list: setShortcut's overloads make PySide build the
            # Qt namespace's enums to choose one; see theme.py.)
            act.setShortcuts([QKeySequence(f"Alt+{i}")])
            act.setToolTip(name)
            act.setStatusTip(name)
            act.setProperty("accessibleName", p.name)
            act.triggered.connect(lambda _checked=False, p=p: self.open_path(p))
            menu.addAction(act)
            self.addAction(act)
        if not recent:
            empty = menu.addAction(self._t("no_recent"))
            empty.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self._actions["actionClearRecent"])

    def _clear_recent(self) -> None:
        store.clear_recent(self._settings)
        self._rebuild_recent()

    def _controls_painted(self) -> None:
        # Only now, so the controls are not kept off screen: the scheme's answer may change
        # the look (if the guess at start-up was wrong), and asking Qt for it costs 40 ms
        # the first time (see theme.py).
        self._theme.confirm_scheme()
        self.controls_shown.emit()

    def _watch_paint(self, widget: QWidget, then: Callable[[], None]) -> None:
        """Run `then` just after `widget` next paints (the start-up steps; see eventFilter)."""
        if self._after_paint is not None:
            self._after_paint[0].removeEventFilter(self)
        self._after_paint = (widget, then)
        widget.installEventFilter(self)

    def _set_busy(self, busy: bool) -> None:
        self._converting = busy
        if self._controls:
            self._busy.setVisible(busy)

    def _quit(self) -> None:
        self.close()

    def _toggle_sidebar(self) -> None:
        self.sidebar.setVisible(not self.sidebar.isVisibleTo(self))
        self._sync_checks()

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self._actions["actionFullScreen"].setChecked(self.isFullScreen())

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in ("http", "https"):
            self._open_url(url)

    # -- injectable dialogs (tests replace these) ------------------------------------------

    def _ask_open_path(self) -> Path | None:
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - see the module docstring

        name, _ = QFileDialog.getOpenFileName(
            self,
            self._t("open_title"),
            str(self._path.parent if self._path else ""),
            self._t("open_filter"),
        )
        return Path(name) if name else None

    def _show_error(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - see the module docstring

        QMessageBox.warning(self, title, message)

    def _open_url(self, url: QUrl) -> None:
        from PySide6.QtGui import QDesktopServices  # noqa: PLC0415 - see the module docstring

        QDesktopServices.openUrl(url)

    # -- Qt overrides ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Start-up steps wait for a paint (_watch_paint): a zero timer set during the paint
        # runs once that frame is on screen.
        after = self._after_paint
        if after is not None and watched is after[0] and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._after_paint = None
            QTimer.singleShot(0, after[1])
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])
        else:
            event.ignore()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._conversion.shutdown()
        self._save_state()
        if self._library is not None:
            self._library.shutdown()
        self._settings.sync()
        super().closeEvent(event)


def _bind(setter: Callable[[T], None], value: T) -> Callable[[], None]:
    return lambda: setter(value)
