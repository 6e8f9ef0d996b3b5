"""The window's action table: every command, choice, menu and tool-bar entry, as data.

Every command is one row of `COMMANDS` (an action with its name, words, shortcuts and
what it does), every preference with a menu is one `Choice` (a group of exclusive
actions bound to a `Prefs` field), and `MENUS` / `TOOLBAR` place them by name.
`controls.py` builds the Qt objects from these rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from reader.core.article import QuoteStyle, Target, Theme, TraditionalStandard
from reader.core.prefs import Accent, FontStyle, Language

if TYPE_CHECKING:
    from reader.ui.window import MainWindow

Slot = Callable[["MainWindow"], object]


@dataclass(frozen=True, slots=True)
class Command:
    """One action: objectName, i18n key, shortcuts ("std:Open" names a standard key)."""

    name: str
    key: str
    shortcuts: tuple[str, ...]
    slot: Slot
    icon: str | None = None
    checked: Callable[[MainWindow], bool] | None = None  # checkable, and its state


@dataclass(frozen=True, slots=True)
class Option:
    """One value of a Choice: the value, objectName, i18n key and shortcut."""

    value: StrEnum
    name: str
    key: str
    shortcut: str


@dataclass(frozen=True, slots=True)
class Choice:
    """Exclusive actions that set the preference `pref` (a Prefs field name)."""

    pref: str
    options: tuple[Option, ...]


@dataclass(frozen=True, slots=True)
class Menu:
    """A menu: its i18n key and entries (action names, Groups, Menus, None = separator)."""

    key: str
    entries: tuple[Entry, ...] = ()
    recent: bool = False  # filled with the recent files when shown


@dataclass(frozen=True, slots=True)
class Group:
    """Every option of the Choice for `pref`, in place."""

    pref: str


Entry = str | Group | Menu | None

COMMANDS: tuple[Command, ...] = (
    Command("actionOpen", "open", ("std:Open",), lambda w: w.files.ask_open(), icon="open.svg"),
    Command("actionLibrary", "library", ("Ctrl+L",), lambda w: w.show_library()),
    Command("actionReload", "reload", ("F5", "Ctrl+R"), lambda w: w.reload()),
    Command("actionQuit", "quit", ("Ctrl+Q",), lambda w: w.close()),
    Command("actionClearRecent", "clear_recent", ("Ctrl+Shift+Del",), lambda w: w.clear_recent()),
    Command("actionFind", "find", ("std:Find",), lambda w: w.open_find(), icon="find.svg"),
    Command(
        "actionFindNext",
        "find_next",
        ("F3", "Ctrl+G"),
        lambda w: w.build_controls().find.find_next(),
    ),
    Command(
        "actionFindPrevious",
        "find_prev",
        ("Shift+F3", "Ctrl+Shift+G"),
        lambda w: w.build_controls().find.find_previous(),
    ),
    Command("actionZoomIn", "zoom_in", ("Ctrl+=", "Ctrl++"), lambda w: w.preferences.zoom(1)),
    Command("actionZoomOut", "zoom_out", ("Ctrl+-",), lambda w: w.preferences.zoom(-1)),
    Command("actionZoomReset", "zoom_reset", ("Ctrl+0",), lambda w: w.preferences.zoom(None)),
    Command(
        "actionNextSection", "next_section", ("Alt+Down", "Ctrl+]"), lambda w: w.next_section()
    ),
    Command(
        "actionPreviousSection",
        "prev_section",
        ("Alt+Up", "Ctrl+["),
        lambda w: w.previous_section(),
    ),
    Command(
        "actionSidebar",
        "sidebar",
        ("F9",),
        lambda w: w.toggle_sidebar(),
        icon="sidebar.svg",
        checked=lambda w: w.sidebar.isVisibleTo(w),
    ),
    Command(
        "actionFullScreen",
        "full_screen",
        ("F11",),
        lambda w: w.toggle_full_screen(),
        checked=lambda w: w.isFullScreen(),
    ),
    # Moving: Back/Forward return across jumps and finds; the ends of the article.
    Command("actionBack", "back", ("Alt+Left",), lambda w: w.view.go_back()),
    Command("actionForward", "forward", ("Alt+Right",), lambda w: w.view.go_forward()),
    Command("actionGoTop", "go_top", ("Ctrl+Home",), lambda w: w.go_to_end(top=True)),
    Command("actionGoEnd", "go_end", ("Ctrl+End",), lambda w: w.go_to_end(top=False)),
    # Keeping: export and print what is on screen.
    Command(
        "actionExportMarkdown", "export_markdown", ("Ctrl+E",), lambda w: w.files.export("markdown")
    ),
    Command("actionExportHtml", "export_html", ("Ctrl+Shift+E",), lambda w: w.files.export("html")),
    Command("actionExportPdf", "export_pdf", ("Ctrl+Alt+E",), lambda w: w.files.export("pdf")),
    Command("actionPrint", "print", ("std:Print",), lambda w: w.files.print()),
    # The reading controls (each a Prefs field, remembered).
    Command(
        "actionLineSpacingMore",
        "line_spacing_more",
        ("Ctrl+Alt+=",),
        lambda w: w.preferences.step("line_spacing", 2),
    ),
    Command(
        "actionLineSpacingLess",
        "line_spacing_less",
        ("Ctrl+Alt+-",),
        lambda w: w.preferences.step("line_spacing", -2),
    ),
    Command(
        "actionColumnWider",
        "column_wider",
        ("Ctrl+Alt+]",),
        lambda w: w.preferences.step("column_width", 4),
    ),
    Command(
        "actionColumnNarrower",
        "column_narrower",
        ("Ctrl+Alt+[",),
        lambda w: w.preferences.step("column_width", -4),
    ),
    Command(
        "actionMarginsMore",
        "margins_more",
        ("Ctrl+Alt+.",),
        lambda w: w.preferences.step("margins", 16),
    ),
    Command(
        "actionMarginsLess",
        "margins_less",
        ("Ctrl+Alt+,",),
        lambda w: w.preferences.step("margins", -16),
    ),
    Command(
        "actionLayoutReset", "layout_reset", ("Ctrl+Alt+0",), lambda w: w.preferences.reset_layout()
    ),
    Command(
        "actionIndent",
        "indent",
        ("Ctrl+Alt+I",),
        lambda w: w.preferences.toggle("indent"),
        checked=lambda w: w.prefs.indent,
    ),
    Command(
        "actionPunctuation",
        "punctuation",
        ("Ctrl+Alt+P",),
        lambda w: w.preferences.toggle("punctuation"),
        checked=lambda w: w.prefs.punctuation,
    ),
    Command(
        "actionFollowPageTheme",
        "follow_page_theme",
        ("Ctrl+Shift+F",),
        lambda w: w.preferences.toggle("follow_page_theme"),
        checked=lambda w: w.prefs.follow_page_theme,
    ),
    Command(
        "actionFontTraditional",
        "menu_font_traditional",
        ("Ctrl+Shift+T",),
        lambda w: w.choose_font("font_traditional"),
    ),
    Command(
        "actionFontSimplified",
        "menu_font_simplified",
        ("Ctrl+Shift+J",),
        lambda w: w.choose_font("font_simplified"),
    ),
    Command(
        "actionRemoved",
        "removed",
        ("Ctrl+Shift+R",),
        lambda w: w.toggle_removed(),
        checked=lambda w: w.removed_shown(),
    ),
)

CHOICES: tuple[Choice, ...] = (
    Choice(
        "script",
        (
            Option(Target.ORIGINAL, "actionScriptOriginal", "script_original", "Ctrl+1"),
            Option(Target.TRADITIONAL, "actionScriptTraditional", "script_traditional", "Ctrl+2"),
            Option(Target.SIMPLIFIED, "actionScriptSimplified", "script_simplified", "Ctrl+3"),
            Option(Target.TAIWAN, "actionScriptTaiwan", "script_taiwan", "Ctrl+4"),
            Option(Target.HONGKONG, "actionScriptHongKong", "script_hongkong", "Ctrl+5"),
        ),
    ),
    Choice(
        "traditional_standard",
        (
            Option(
                TraditionalStandard.TAIWAN,
                "actionStandardTaiwan",
                "standard_taiwan",
                "Ctrl+Alt+Shift+1",
            ),
            Option(
                TraditionalStandard.HONGKONG,
                "actionStandardHongKong",
                "standard_hongkong",
                "Ctrl+Alt+Shift+2",
            ),
            Option(
                TraditionalStandard.OPENCC,
                "actionStandardOpenCC",
                "standard_opencc",
                "Ctrl+Alt+Shift+3",
            ),
        ),
    ),
    Choice(
        "quotes",
        (
            Option(QuoteStyle.KEEP, "actionQuotesKeep", "quotes_keep", "Ctrl+Alt+1"),
            Option(QuoteStyle.CORNER, "actionQuotesCorner", "quotes_corner", "Ctrl+Alt+2"),
            Option(QuoteStyle.CURLY, "actionQuotesCurly", "quotes_curly", "Ctrl+Alt+3"),
        ),
    ),
    Choice(
        "theme",
        (
            Option(Theme.SYSTEM, "actionThemeSystem", "theme_system", "Ctrl+Shift+A"),
            Option(Theme.LIGHT, "actionThemeLight", "theme_light", "Ctrl+Shift+L"),
            Option(Theme.DARK, "actionThemeDark", "theme_dark", "Ctrl+Shift+D"),
            Option(Theme.PAPER, "actionThemePaper", "theme_paper", "Ctrl+Shift+P"),
        ),
    ),
    Choice(
        "accent",
        (
            Option(Accent.INK, "actionAccentInk", "accent_ink", "Ctrl+Alt+5"),
            Option(Accent.VERMILION, "actionAccentVermilion", "accent_vermilion", "Ctrl+Alt+6"),
            Option(Accent.JADE, "actionAccentJade", "accent_jade", "Ctrl+Alt+7"),
            Option(Accent.INDIGO, "actionAccentIndigo", "accent_indigo", "Ctrl+Alt+8"),
        ),
    ),
    Choice(
        "font",
        (
            Option(FontStyle.SERIF, "actionFontSerif", "font_serif", "Ctrl+Shift+M"),
            Option(FontStyle.SANS, "actionFontSans", "font_sans", "Ctrl+Shift+H"),
        ),
    ),
    Choice(
        "language",
        (
            Option(Language.AUTO, "actionLanguageAuto", "lang_auto", "Ctrl+Alt+Shift+A"),
            Option(Language.TRADITIONAL, "actionLanguageHant", "lang_hant", "Ctrl+Alt+Shift+T"),
            Option(Language.SIMPLIFIED, "actionLanguageHans", "lang_hans", "Ctrl+Alt+Shift+S"),
            Option(Language.ENGLISH, "actionLanguageEnglish", "lang_en", "Ctrl+Alt+Shift+E"),
        ),
    ),
)

MENUS: tuple[Menu, ...] = (
    Menu(
        "menu_file",
        (
            "actionOpen",
            Menu("menu_recent", recent=True),
            "actionLibrary",
            "actionReload",
            None,
            Menu(
                "menu_export",
                ("actionExportMarkdown", "actionExportHtml", "actionExportPdf"),
            ),
            "actionPrint",
            None,
            "actionQuit",
        ),
    ),
    Menu(
        "menu_script",
        (
            Group("script"),
            None,
            Menu("menu_standard", (Group("traditional_standard"),)),
            Menu("menu_quotes", (Group("quotes"),)),
            "actionPunctuation",
        ),
    ),
    Menu(
        "menu_view",
        (
            Menu("menu_theme", (Group("theme"), None, "actionFollowPageTheme")),
            Menu("menu_accent", (Group("accent"),)),
            Menu(
                "menu_font",
                (Group("font"), None, "actionFontTraditional", "actionFontSimplified"),
            ),
            Menu(
                "menu_reading",
                (
                    "actionLineSpacingMore",
                    "actionLineSpacingLess",
                    None,
                    "actionColumnWider",
                    "actionColumnNarrower",
                    None,
                    "actionMarginsMore",
                    "actionMarginsLess",
                    None,
                    "actionIndent",
                    "actionPunctuation",
                    "actionLayoutReset",
                ),
            ),
            None,
            "actionZoomIn",
            "actionZoomOut",
            "actionZoomReset",
            None,
            "actionSidebar",
            "actionRemoved",
            "actionFullScreen",
            None,
            Menu("menu_language", (Group("language"),)),
        ),
    ),
    Menu(
        "menu_go",
        (
            "actionFind",
            "actionFindNext",
            "actionFindPrevious",
            None,
            "actionNextSection",
            "actionPreviousSection",
            None,
            "actionBack",
            "actionForward",
            "actionGoTop",
            "actionGoEnd",
        ),
    ),
)

TOOLBAR: tuple[Entry, ...] = (
    "actionOpen",
    None,
    "actionScriptOriginal",
    "actionScriptTraditional",
    "actionScriptSimplified",
    None,
    Group("theme"),
    None,
    "actionFind",
    "actionSidebar",
)
