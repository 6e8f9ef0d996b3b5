"""The reading controls' effect on the page: line spacing, column width, margins, first-line
indent (`ReadingStyle`, filled from the preferences), and the body font for the article's
language and script, a face the reader chose coming first.

`typography_css(font, style)` is appended to the article style sheet by the view; the
view lays the column out from the same style (`column_width`, `set_column`).
`cjk_families()` lists the system's fonts that can set Chinese, for the font menus.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontMetricsF, QTextDocument

from reader.core.article import Script, Target
from reader.core.language import ContentLanguage
from reader.core.prefs import FontStyle, Prefs
from reader.ui.theme import reading_families

LINE_SPACING_EM = 1.8
"""Body line height in ems, the CSS sense of `line-height: 1.8`: CJK text has no
ascenders to separate lines, so it wants more air than Latin text (1.4-1.5)."""

HEADING_LINE_HEIGHT_EM = 1.5

COLUMN_CHARS = 40
"""Width of the text column in CJK characters: 36-42 is the comfortable range for
Chinese prose; 40 leaves room for full-width punctuation at the line end."""

MIN_COLUMN_CHARS = 16
"""The narrowest column the view keeps: below 16 characters a Chinese line breaks every
few words and phrases split across lines (the issue's 420 px window: five a line)."""

SIDE_MARGIN = 24
"""Pixels kept on each side of the column when the window is narrower than the column."""

TOP_MARGIN = 28
"""Pixels above the article's first line (twice as many stay below its last)."""

INDENT_EM = 2
"""首行縮排: Chinese paragraphs are indented by two characters."""


@dataclass(frozen=True, slots=True)
class ReadingStyle:
    """How the article's text is laid out (fonts are set apart: `article_families`).

    Attributes:
        line_spacing: body line height in ems.
        column_chars: the column's width in CJK characters.
        margin: pixels kept on each side of the column at least.
        indent: whether paragraphs start with a two-character indent (首行縮排).
    """

    line_spacing: float = LINE_SPACING_EM
    column_chars: int = COLUMN_CHARS
    margin: int = SIDE_MARGIN
    indent: bool = False


DEFAULT_STYLE = ReadingStyle()


def reading_style(prefs: Prefs) -> ReadingStyle:
    """The layout the preferences ask for."""
    return ReadingStyle(
        line_spacing=prefs.line_spacing / 10,
        column_chars=prefs.column_width,
        margin=prefs.margins,
        indent=prefs.indent,
    )


def em_width(font: QFont) -> float:
    """The width of one CJK character in `font`: the column's unit."""
    return QFontMetricsF(font).horizontalAdvance("中")


def column_width(font: QFont, style: ReadingStyle) -> float:
    """The width of the text column in pixels: `style.column_chars` characters of `font`."""
    return em_width(font) * style.column_chars


def minimum_width(font: QFont, style: ReadingStyle) -> int:
    """The narrowest viewport that still holds `MIN_COLUMN_CHARS` characters of `font`
    a line between the side margins."""
    return round(em_width(font) * MIN_COLUMN_CHARS + 2 * style.margin)


def set_column(doc: QTextDocument, available: int, width: float, style: ReadingStyle) -> None:
    """Centre a column `width` pixels wide in `available` pixels with the side margins of
    `doc`'s root frame (at least `style.margin`)."""
    side = max(style.margin, (available - width) / 2)
    root = doc.rootFrame()
    fmt = root.frameFormat()
    if (
        abs(fmt.leftMargin() - side) < 0.5
        and abs(fmt.rightMargin() - side) < 0.5
        and fmt.topMargin() == TOP_MARGIN
    ):
        return
    fmt.setLeftMargin(side)
    fmt.setRightMargin(side)
    fmt.setTopMargin(TOP_MARGIN)
    fmt.setBottomMargin(TOP_MARGIN * 2)
    root.setFrameFormat(fmt)


def typography_css(font: QFont, style: ReadingStyle = DEFAULT_STYLE) -> str:
    """Line heights (and the first-line indent) for `font`, in Qt's sense of a percentage.

    Qt's `line-height: N%` scales the font's natural line height (ascent + descent, about
    1.45 em for the CJK fonts), not the em as in browsers, so the percentage that gives
    `style.line_spacing` is worked out from the font metrics.
    """
    fm = QFontMetricsF(font)
    em = fm.horizontalAdvance("中") or fm.height()
    body = round(100 * style.line_spacing * em / fm.height())
    heading_em = min(HEADING_LINE_HEIGHT_EM, style.line_spacing)
    heading = round(100 * heading_em * em / fm.height())
    css = (
        f"p.para, p.quote, li.item, p.image-alt {{ line-height: {body}%; }}\n"
        f"h2.section, p.caption {{ line-height: {heading}%; }}\n"
        f"h1.title {{ line-height: {max(100, heading - 10)}%; }}\n"
    )
    if style.indent:
        css += f"p.para {{ text-indent: {round(INDENT_EM * em)}px; }}\n"
    return css


# Faces for text that is not Chinese, best first; the Chinese lists follow as fallbacks
# for the Han characters such a page quotes.
_OTHER_FONTS: Mapping[tuple[ContentLanguage, FontStyle], tuple[str, ...]] = {
    (ContentLanguage.JAPANESE, FontStyle.SERIF): (
        "Noto Serif CJK JP",
        "Source Han Serif JP",
        "Hiragino Mincho ProN",
        "Yu Mincho",
        "MS Mincho",
    ),
    (ContentLanguage.JAPANESE, FontStyle.SANS): (
        "Noto Sans CJK JP",
        "Source Han Sans JP",
        "Hiragino Sans",
        "Yu Gothic",
        "Meiryo",
    ),
    (ContentLanguage.KOREAN, FontStyle.SERIF): (
        "Noto Serif CJK KR",
        "Source Han Serif K",
        "AppleMyungjo",
        "Batang",
    ),
    (ContentLanguage.KOREAN, FontStyle.SANS): (
        "Noto Sans CJK KR",
        "Source Han Sans K",
        "Apple SD Gothic Neo",
        "Malgun Gothic",
    ),
    (ContentLanguage.OTHER, FontStyle.SERIF): (
        "Noto Serif",
        "Source Serif 4",
        "Georgia",
        "DejaVu Serif",
        "Times New Roman",
    ),
    (ContentLanguage.OTHER, FontStyle.SANS): (
        "Noto Sans",
        "Source Sans 3",
        "Segoe UI",
        "Helvetica Neue",
        "DejaVu Sans",
    ),
}


def article_families(
    language: ContentLanguage,
    shown: Target,
    original: Script,
    style: FontStyle,
    *,
    traditional: str = "",
    simplified: str = "",
) -> tuple[str, ...]:
    """Font families for the body text, best first.

    A Chinese article gets the faces for the script on screen, led by the face the
    reader chose for that script (`traditional` or `simplified`; "" for automatic). An
    article in another language gets faces for that language, then the Chinese ones.
    """
    chinese = reading_families(shown, original, style)
    if language is not ContentLanguage.CHINESE:
        other = FontStyle.SANS if style is FontStyle.SERIF else FontStyle.SERIF
        own = _OTHER_FONTS[(language, style)] + _OTHER_FONTS[(language, other)]
        return _unique(own + chinese)
    simplified_shown = shown is Target.SIMPLIFIED or (
        shown is Target.ORIGINAL and original is Script.SIMPLIFIED
    )
    chosen = simplified if simplified_shown else traditional
    return _unique(((chosen,) if chosen else ()) + chinese)


def _unique(families: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(families))


def cjk_families() -> tuple[list[str], list[str]]:
    """The installed font families that can set Traditional and Simplified Chinese:
    (Traditional, Simplified), each sorted, without vertical (@) variants."""

    # Imported here: the font menus are built after the first paint, which never needs it.
    from PySide6.QtGui import QFontDatabase  # noqa: PLC0415

    def listed(system: QFontDatabase.WritingSystem) -> list[str]:
        return sorted(f for f in QFontDatabase.families(system) if not f.startswith("@"))

    ws = QFontDatabase.WritingSystem
    return listed(ws.TraditionalChinese), listed(ws.SimplifiedChinese)
