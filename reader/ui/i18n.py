"""The interface's words in Traditional Chinese, Simplified Chinese and English.

A small in-code table rather than Qt .ts files: the interface is a few dozen strings and
must switch language at run time without a restart. This is UI language only; turning
the article's text between scripts is `reader.core.script`'s job.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from reader.core.prefs import Language

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

# key: (zh-Hant, zh-Hans, en)
STRINGS: Mapping[str, tuple[str, str, str]] = {
    "app": ("清讀", "清读", "Qingdu"),
    "menu_file": ("檔案(&F)", "文件(&F)", "&File"),
    "menu_view": ("檢視(&V)", "视图(&V)", "&View"),
    "menu_script": ("文字(&S)", "文字(&S)", "&Script"),
    "menu_theme": ("主題(&T)", "主题(&T)", "&Theme"),
    "menu_go": ("前往(&G)", "前往(&G)", "&Go"),
    "menu_recent": ("最近開啟", "最近打开", "Open &Recent"),
    "menu_accent": ("主題色", "主题色", "Accent colour"),
    "menu_language": ("介面語言", "界面语言", "Interface language"),
    "menu_quotes": ("引號", "引号", "Quotation marks"),
    "menu_font": ("字型", "字体", "Font"),
    "toolbar": ("工具列", "工具栏", "Toolbar"),
    "open": ("開啟…", "打开…", "&Open…"),
    "reload": ("重新載入", "重新载入", "&Reload"),
    "quit": ("結束", "退出", "&Quit"),
    "clear_recent": ("清除記錄", "清除记录", "Clear list"),
    "no_recent": ("（無）", "（无）", "(none)"),
    "script_original": ("原文", "原文", "Original"),
    "script_traditional": ("繁體", "繁體", "Traditional"),
    "script_simplified": ("简体", "简体", "Simplified"),
    "script_taiwan": ("繁體（臺灣用詞）", "繁体（台湾用词）", "Traditional (Taiwan)"),
    "script_hongkong": ("繁體（香港用字）", "繁体（香港用字）", "Traditional (Hong Kong)"),
    "menu_standard": ("繁體標準", "繁体标准", "Traditional standard"),
    "standard_taiwan": ("臺灣", "台湾", "Taiwan"),
    "standard_hongkong": ("香港", "香港", "Hong Kong"),
    "standard_opencc": ("OpenCC 標準", "OpenCC 标准", "OpenCC standard"),
    "as_written": ("依原文", "依原文", "as written"),
    "quotes_keep": ("保留原樣", "保留原样", "Keep as in the page"),
    "quotes_corner": ("直角引號「」", "直角引号「」", "Corner brackets 「」"),
    "quotes_curly": ("彎引號“”", "弯引号“”", "Curly quotes “”"),
    "theme_system": ("隨系統", "随系统", "Follow system"),
    "theme_light": ("淺色", "浅色", "Light"),
    "theme_dark": ("深色", "深色", "Dark"),
    "accent_ink": ("墨藍", "墨蓝", "Ink blue"),
    "accent_vermilion": ("朱紅", "朱红", "Vermilion"),
    "accent_jade": ("翠綠", "翠绿", "Jade"),
    "accent_indigo": ("靛紫", "靛紫", "Indigo"),
    "font_serif": ("明體（襯線）", "宋体（衬线）", "Serif"),
    "font_sans": ("黑體（無襯線）", "黑体（无衬线）", "Sans-serif"),
    "zoom_in": ("放大", "放大", "Zoom in"),
    "zoom_out": ("縮小", "缩小", "Zoom out"),
    "zoom_reset": ("原始大小", "原始大小", "Actual size"),
    "full_screen": ("全螢幕", "全屏", "Full screen"),
    "sidebar": ("側欄", "侧栏", "Sidebar"),
    "find": ("尋找…", "查找…", "&Find…"),
    "find_next": ("找下一個", "查找下一个", "Find next"),
    "find_prev": ("找上一個", "查找上一个", "Find previous"),
    "find_placeholder": ("尋找（繁簡皆可）", "查找（繁简皆可）", "Find (either script)"),
    "find_none": ("沒有結果", "没有结果", "No matches"),
    "close": ("關閉", "关闭", "Close"),
    "next_section": ("下一節", "下一节", "Next section"),
    "prev_section": ("上一節", "上一节", "Previous section"),
    "lang_auto": ("跟隨系統", "跟随系统", "System language"),
    "lang_hant": ("繁體中文", "繁體中文", "繁體中文"),
    "lang_hans": ("简体中文", "简体中文", "简体中文"),
    "lang_en": ("English", "English", "English"),
    "sections": ("章節", "章节", "Sections"),
    "speakers": ("發言人", "发言人", "Speakers"),
    "chars": ("{n} 字", "{n} 字", "{n} characters"),
    "minutes": ("約 {m} 分鐘", "约 {m} 分钟", "about {m} min"),
    "showing": ("顯示：{s}", "显示：{s}", "Showing: {s}"),
    "converting": ("轉換中…", "转换中…", "Converting…"),
    "format_text": ("純文字", "纯文本", "text"),
    "format_html": ("網頁", "网页", "HTML"),
    "format_mhtml": ("單一網頁檔", "单一网页文件", "MHTML"),
    "error_open_title": ("無法開啟", "无法打开", "Cannot open"),
    "error_open": (
        "無法開啟「{name}」。\n\n{reason}",
        "无法打开“{name}”。\n\n{reason}",
        "Cannot open “{name}”.\n\n{reason}",
    ),
    "error_script_title": ("無法轉換", "无法转换", "Cannot convert"),
    "theme_paper": ("紙張（護眼）", "纸张（护眼）", "Paper (sepia)"),
    "follow_page_theme": (
        "跟隨網頁的日夜間設定",
        "跟随网页的日夜间设置",
        "Follow the page's day/night setting",
    ),
    "punctuation": ("中文標點用全形", "中文标点用全角", "Full-width punctuation in Chinese"),
    "menu_reading": ("版面(&L)", "版面(&L)", "&Layout"),
    "line_spacing_more": ("加大行距", "加大行距", "More line spacing"),
    "line_spacing_less": ("減少行距", "减少行距", "Less line spacing"),
    "column_wider": ("加寬欄寬", "加宽栏宽", "Wider column"),
    "column_narrower": ("縮窄欄寬", "缩窄栏宽", "Narrower column"),
    "margins_more": ("加大邊距", "加大边距", "Wider margins"),
    "margins_less": ("縮小邊距", "缩小边距", "Narrower margins"),
    "layout_reset": ("恢復預設版面", "恢复默认版面", "Default layout"),
    "indent": ("首行縮排", "首行缩进", "First-line indent"),
    "menu_font_traditional": ("繁體字型", "繁体字体", "Traditional Chinese font"),
    "menu_font_simplified": ("简体字型", "简体字体", "Simplified Chinese font"),
    "font_automatic": ("自動", "自动", "Automatic"),
    "back": ("返回", "返回", "Back"),
    "forward": ("前進", "前进", "Forward"),
    "go_top": ("文章開頭", "文章开头", "Beginning of the article"),
    "go_end": ("文章結尾", "文章结尾", "End of the article"),
    "menu_export": ("匯出", "导出", "E&xport"),
    "export_markdown": ("Markdown…", "Markdown…", "Markdown…"),
    "export_html": ("網頁（單一檔案）…", "网页（单一文件）…", "HTML (one file)…"),
    "export_pdf": ("PDF…", "PDF…", "PDF…"),
    "export_title": ("匯出文章", "导出文章", "Export article"),
    "print": ("列印…", "打印…", "&Print…"),
    "error_export_title": ("無法匯出", "无法导出", "Cannot export"),
    "error_export": (
        "無法寫入「{name}」。\n\n{reason}",
        "无法写入“{name}”。\n\n{reason}",
        "Cannot write “{name}”.\n\n{reason}",
    ),
    "progress": (
        "已讀 {p}%，尚餘約 {m} 分鐘",
        "已读 {p}%，尚余约 {m} 分钟",
        "{p}% read, about {m} min left",
    ),
    "progress_done": ("已讀完", "已读完", "Read to the end"),
    "no_browser_title": ("無法開啟網址", "无法打开网址", "Cannot open the address"),
    "no_browser": (
        "找不到可開啟這個網址的瀏覽器：\n{url}\n\n網址已複製到剪貼簿。",
        "找不到可打开这个网址的浏览器：\n{url}\n\n网址已复制到剪贴板。",
        "No browser could open this address:\n{url}\n\nIt has been copied to the clipboard.",
    ),
    "language_ja": ("日文", "日文", "Japanese"),
    "language_ko": ("韓文", "韩文", "Korean"),
    "language_other": ("非中文", "非中文", "not Chinese"),
    "original_in": ("原文（{lang}）", "原文（{lang}）", "Original ({lang})"),
    "removed": ("已移除的內容", "已移除的内容", "What was removed"),
    "removed_none": ("沒有移除任何內容", "没有移除任何内容", "Nothing was removed"),
    "removed_watermark": ("浮水印", "水印", "Watermarks"),
    "removed_chrome": ("選單、列表與按鈕", "菜单、列表与按钮", "Menus, lists and buttons"),
    "removed_list": (
        "列表（相關文章等）",
        "列表（相关文章等）",
        "Lists (related stories and the like)",
    ),
    "removed_meta": ("頁面資訊", "页面信息", "Page details"),
    "removed_junk": ("雜訊", "杂讯", "Junk lines"),
    "removed_tail": (
        "文末附加（相關文章、聲明）",
        "文末附加（相关文章、声明）",
        "After the article (related links, disclaimers)",
    ),
    "removed_trailing": ("文末殘留", "文末残留", "Trailing lines"),
    "removed_hidden": ("隱藏文字", "隐藏文字", "Hidden text"),
    "removed_duplicate": ("重複段落", "重复段落", "Repeated paragraphs"),
    "removed_other": ("其他", "其他", "Other"),
    "open_title": ("開啟文章", "打开文章", "Open article"),
    "open_filter": (
        "網頁存檔 (*.html *.htm *.xhtml *.mht *.mhtml *.txt);;所有檔案 (*)",
        "网页存档 (*.html *.htm *.xhtml *.mht *.mhtml *.txt);;所有文件 (*)",
        "Saved pages (*.html *.htm *.xhtml *.mht *.mhtml *.txt);;All files (*)",
    ),
    # the library window (reader/ui/library.py)
    "library": ("書庫", "书库", "&Library"),
    "library_title": ("清讀書庫", "清读书库", "Qingdu Library"),
    "col_title": ("標題", "标题", "Title"),
    "col_source": ("來源", "来源", "Source"),
    "col_date": ("日期", "日期", "Date"),
    "col_length": ("字數", "字数", "Length"),
    "col_progress": ("進度", "进度", "Read"),
    "search_placeholder": (
        "搜尋書庫（繁簡皆可）",
        "搜索书库（繁简皆可）",
        "Search (either script)",
    ),
    "all_sources": ("所有來源", "所有来源", "All sources"),
    "all_scripts": ("繁簡皆列", "繁简皆列", "Both scripts"),
    "only_traditional": ("只列繁體", "只列繁体", "Traditional only"),
    "only_simplified": ("只列简体", "只列简体", "Simplified only"),
    "unread_only": ("未讀", "未读", "Unread"),
    "add_folder": ("加入資料夾…", "添加文件夹…", "Add folder…"),
    "rescan": ("重新掃描", "重新扫描", "Rescan"),
    "folders": ("資料夾", "文件夹", "Folders"),
    "no_folders": ("（尚無資料夾）", "（尚无文件夹）", "(no folders yet)"),
    "cancel": ("取消", "取消", "Cancel"),
    "open_article": ("開啟", "打开", "Open"),
    "remove_from_library": ("從書庫移除", "从书库移除", "Remove from library"),
    "reveal": ("在檔案管理員中顯示", "在文件管理器中显示", "Show in file manager"),
    "continue_reading": (
        "繼續閱讀：{title}（{p}）",
        "继续阅读：{title}（{p}）",
        "Continue reading: {title} ({p})",
    ),
    "indexing": ("整理中 {done}/{total}", "整理中 {done}/{total}", "Indexing {done}/{total}"),
    "time_left": ("，約剩 {t}", "，约剩 {t}", ", about {t} left"),
    "seconds": ("{n} 秒", "{n} 秒", "{n} s"),
    "minutes_short": ("{n} 分鐘", "{n} 分钟", "{n} min"),
    "scan_done": (
        "新增 {added}，更新 {updated}，移除 {removed}，無法讀取 {failed}",
        "新增 {added}，更新 {updated}，移除 {removed}，无法读取 {failed}",
        "{added} added, {updated} updated, {removed} removed, {failed} unreadable",
    ),
    "scan_cancelled": ("已取消整理", "已取消整理", "Indexing cancelled"),
    "folder_missing": (
        "找不到資料夾 {path}，其文章暫時保留",
        "找不到文件夹 {path}，其文章暂时保留",
        "Folder {path} is missing; its articles are kept",
    ),
    "unreadable": ("無法讀取：{error}", "无法读取：{error}", "Unreadable: {error}"),
    "results": ("{n} 篇符合", "{n} 篇符合", "{n} found"),
    "empty_library": (
        "書庫是空的：加入存放網頁的資料夾",
        "书库是空的：添加存放网页的文件夹",
        "The library is empty: add a folder of saved pages",
    ),
    "choose_folder": ("選擇資料夾", "选择文件夹", "Choose a folder"),
    "error_library_title": ("書庫", "书库", "Library"),
}

_COLUMN = {Language.TRADITIONAL: 0, Language.SIMPLIFIED: 1, Language.ENGLISH: 2}


def system_language(locale: QLocale) -> Language:
    """The interface language for a locale: Chinese by script or region, else English."""
    if locale.language() != QLocale.Language.Chinese:
        return Language.ENGLISH
    if locale.script() == QLocale.Script.TraditionalChineseScript:
        return Language.TRADITIONAL
    if locale.territory() in (
        QLocale.Country.Taiwan,
        QLocale.Country.HongKong,
        QLocale.Country.Macao,
    ):
        return Language.TRADITIONAL
    return Language.SIMPLIFIED


def resolve(language: Language, locale: QLocale) -> Language:
    """The concrete language for a preference (AUTO: from the locale)."""
    return system_language(locale) if language is Language.AUTO else language


def text(key: str, language: Language, **fields: object) -> str:
    """The string `key` in `language` (which must not be AUTO), with `{fields}` filled in."""
    s = STRINGS[key][_COLUMN.get(language, 2)]
    return s.format(**fields) if fields else s


def parenthesized(label: str, inner: object) -> str:
    """`label (inner)`: full-width brackets after Chinese, ASCII ones after Latin text."""
    if label.isascii():
        return f"{label} ({inner})"
    return f"{label}（{inner}）"


#: Qt's own translations of its standard texts (OK, Cancel, Open, the file dialog...),
#: shipped with PySide6 as qtbase_*.qm, per interface language. English needs none.
QT_CATALOGS: Mapping[Language, str] = {
    Language.TRADITIONAL: "qtbase_zh_TW",
    Language.SIMPLIFIED: "qtbase_zh_CN",
}


class QtTranslations(QObject):
    """Qt's standard texts in the interface's language: `use(language)` installs the
    matching qtbase catalogue in the application (and removes the previous one).

    Called before a dialog is shown rather than at start-up: loading a catalogue costs a
    few milliseconds the first paint does not need, and Qt translates a standard button
    when the dialog is built.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language: Language | None = None
        self._translator: QTranslator | None = None

    def use(self, language: Language) -> bool:
        """Install Qt's catalogue for `language` (not AUTO); False when there is none
        (English, or a Qt installed without its translations)."""
        if language is self._language:
            return self._translator is not None
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        self._language = language
        catalog = QT_CATALOGS.get(language)
        if catalog is None:
            return False
        # Imported here, as the docstring says: setting these classes up costs start-up.
        from PySide6.QtCore import QLibraryInfo, QTranslator  # noqa: PLC0415

        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(self)
        if not translator.load(catalog, folder):
            return False
        QCoreApplication.installTranslator(translator)
        self._translator = translator
        return True
