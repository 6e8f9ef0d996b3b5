"""The core's error messages in the interface's language, for the error dialogs.

The core raises one English sentence per failure ("Cannot open /a/b.html: no such
file."). A dialog names the file in its headline already, so `reason(message)` takes the
sentence apart: the file's part goes, and the reason is given in the interface's
language from `REASONS`, a table of the core's sentence shapes (tests/test_errors.py
makes the core fail every way it can and checks each message is matched). A message of
a shape not in the table is shown as the core wrote it, rather than half translated.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from reader.core.prefs import Language

_COLUMN = {Language.TRADITIONAL: 0, Language.SIMPLIFIED: 1}

#: The prefix of a core message about one file: "Cannot open X: " or "Cannot read X: ".
_PREFIX_RE = re.compile(r"\ACannot (?:open|read|decode) (?:.*?): (?=\S)", re.DOTALL)

#: What the loader calls a binary file (reader/core/decode.py binary_kind) in Chinese.
KINDS: Mapping[str, tuple[str, str]] = {
    "a 7-Zip archive": ("7-Zip 壓縮檔", "7-Zip 压缩文件"),
    "a FLAC audio file": ("FLAC 音訊檔", "FLAC 音频文件"),
    "a GIF image": ("GIF 圖片", "GIF 图片"),
    "a JPEG image": ("JPEG 圖片", "JPEG 图片"),
    "a Matroska/WebM video": ("Matroska/WebM 影片", "Matroska/WebM 视频"),
    "a PDF document": ("PDF 文件", "PDF 文档"),
    "a PNG image": ("PNG 圖片", "PNG 图片"),
    "a RAR archive": ("RAR 壓縮檔", "RAR 压缩文件"),
    "a WebP image": ("WebP 圖片", "WebP 图片"),
    "a ZIP archive (or a document packed as one)": (
        "ZIP 壓縮檔（或以 ZIP 封裝的文件）",
        "ZIP 压缩文件（或以 ZIP 封装的文档）",
    ),
    "a bzip2-compressed file": ("bzip2 壓縮檔", "bzip2 压缩文件"),
    "a gzip-compressed file": ("gzip 壓縮檔", "gzip 压缩文件"),
    "a program (ELF executable)": ("程式（ELF 執行檔）", "程序（ELF 可执行文件）"),
    "a web font": ("網頁字型", "网页字体"),
    "a zstd-compressed file": ("zstd 壓縮檔", "zstd 压缩文件"),
    "an MP3 audio file": ("MP3 音訊檔", "MP3 音频文件"),
    "an MP4 or QuickTime media file": ("MP4 或 QuickTime 影音檔", "MP4 或 QuickTime 媒体文件"),
    "an Ogg media file": ("Ogg 影音檔", "Ogg 媒体文件"),
    "an SQLite database": ("SQLite 資料庫", "SQLite 数据库"),
    "an empty ZIP archive": ("空的 ZIP 壓縮檔", "空的 ZIP 压缩文件"),
    "an old Microsoft Office document": (
        "舊版 Microsoft Office 文件",
        "旧版 Microsoft Office 文档",
    ),
    "an xz-compressed file": ("xz 壓縮檔", "xz 压缩文件"),
    "binary data": ("二進位資料", "二进制数据"),
}

#: Reason shapes (after the file's part) -> (zh-Hant, zh-Hans, en), `{0}`... the groups,
#: `{k0}`... a group naming a binary kind, in Chinese (`KINDS`).
REASONS: tuple[tuple[str, tuple[str, str, str]], ...] = (
    (r"no such file\.", ("找不到這個檔案。", "找不到这个文件。", "No such file.")),
    (
        r"a part of the path is not a folder\.",
        (
            "路徑中有一段不是資料夾。",
            "路径中有一段不是文件夹。",
            "A part of the path is not a folder.",
        ),
    ),
    (r"permission denied\.", ("沒有讀取權限。", "没有读取权限。", "Permission denied.")),
    (r"the path is not valid\.", ("路徑無效。", "路径无效。", "The path is not valid.")),
    (
        r"it is a folder, not a saved page\.",
        (
            "這是資料夾，不是存檔的網頁。",
            "这是文件夹，不是保存的网页。",
            "It is a folder, not a saved page.",
        ),
    ),
    (
        r"it is not a regular file\.",
        ("這不是一般檔案。", "这不是普通文件。", "It is not a regular file."),
    ),
    (
        r"it is a web address, and Qingdu opens only saved files\.",
        (
            "這是網址；清讀只開啟已存檔的檔案，不連網。",
            "这是网址；清读只打开已保存的文件，不联网。",
            "It is a web address, and Qingdu opens only saved files.",
        ),
    ),
    (
        r"it is (.+), larger than the (.+) a saved page may have\.",
        (
            "檔案有 {0}，超過存檔網頁的上限 {1}。",
            "文件有 {0}，超过保存网页的上限 {1}。",
            "It is {0}, larger than the {1} a saved page may have.",
        ),
    ),
    (r"the file is empty\.", ("檔案是空的。", "文件是空的。", "The file is empty.")),
    (
        r"the file holds no text\.",
        ("檔案裡沒有文字。", "文件里没有文字。", "The file holds no text."),
    ),
    (
        r"it is (.+), not a saved page\.",
        (
            "這是{k0}，不是存檔的網頁。",
            "这是{k0}，不是保存的网页。",
            "It is {0}, not a saved page.",
        ),
    ),
    (
        r"its bytes are not text in any encoding Qingdu recognises\.",
        (
            "無法辨識它的文字編碼。",
            "无法识别它的文字编码。",
            "Its bytes are not text in any encoding Qingdu recognises.",
        ),
    ),
    (
        r"its HTML has ([\d,]+) tags, more than the ([\d,]+) Qingdu reads "
        r"\(a saved article has a few thousand\)\.",
        (
            "網頁有 {0} 個標籤，超過清讀能讀的 {1} 個（一般文章只有幾千個）。",
            "网页有 {0} 个标签，超过清读能读的 {1} 个（一般文章只有几千个）。",
            "Its HTML has {0} tags, more than the {1} Qingdu reads "
            "(a saved article has a few thousand).",
        ),
    ),
    (
        r"its MIME parts are nested too deeply\.",
        ("MIME 分段嵌套太深。", "MIME 分段嵌套太深。", "Its MIME parts are nested too deeply."),
    ),
    (
        r"the MHTML file has no HTML or text part\.",
        (
            "MHTML 檔案裡沒有網頁或文字部分。",
            "MHTML 文件里没有网页或文字部分。",
            "The MHTML file has no HTML or text part.",
        ),
    ),
    (
        r"the MHTML file's main part is empty\.",
        (
            "MHTML 檔案的主要部分是空的。",
            "MHTML 文件的主要部分是空的。",
            "The MHTML file's main part is empty.",
        ),
    ),
    (
        r"its main part is (.+), not a page\.",
        (
            "主要部分是{k0}，不是網頁。",
            "主要部分是{k0}，不是网页。",
            "Its main part is {0}, not a page.",
        ),
    ),
    (
        r"the MHTML file's main part is not text in any encoding\.",
        (
            "無法辨識 MHTML 主要部分的文字編碼。",
            "无法识别 MHTML 主要部分的文字编码。",
            "The MHTML file's main part is not text in any encoding.",
        ),
    ),
    (
        r"the MHTML file's main part holds no text\.",
        (
            "MHTML 檔案的主要部分沒有文字。",
            "MHTML 文件的主要部分没有文字。",
            "The MHTML file's main part holds no text.",
        ),
    ),
    (
        r"No article text was found in .*\.",
        (
            "這個網頁裡找不到文章內容。",
            "这个网页里找不到文章内容。",
            "No article text was found in it.",
        ),
    ),
    (
        r".* holds only menu lines, no article\.",
        (
            "檔案裡只有選單文字，沒有文章。",
            "文件里只有菜单文字，没有文章。",
            "It holds only menu lines, no article.",
        ),
    ),
    (r".* holds no text\.", ("檔案裡沒有文字。", "文件里没有文字。", "It holds no text.")),
    # Script conversion (reader/core/opencc_engine.py): the command that fixes it stays as is.
    (
        r"Script conversion needs OpenCC's binding \(the package opencc\), but another "
        r"package also installs the Python module “opencc”: (.+)\. Fix it with: (.+)",
        (
            "繁簡轉換需要 OpenCC 的 Python 套件 opencc，但另一個套件也安裝了名為"
            "「opencc」的模組：{0}。修正指令：{1}",
            "繁简转换需要 OpenCC 的 Python 包 opencc，但另一个包也安装了名为"
            "“opencc”的模块：{0}。修正命令：{1}",
            "Script conversion needs OpenCC's binding (the package opencc), but another "
            "package also installs the Python module “opencc”: {0}. Fix it with: {1}",
        ),
    ),
    (
        r"Script conversion needs OpenCC's binding: (pip install .+) \((.*)\)",
        (
            "繁簡轉換需要 OpenCC 的 Python 套件，請執行：{0}（{1}）",
            "繁简转换需要 OpenCC 的 Python 包，请运行：{0}（{1}）",
            "Script conversion needs OpenCC's binding: {0} ({1})",
        ),
    ),
    (
        r"The Python module “opencc” found at (.+) is not OpenCC's binding "
        r"\(its OpenCC class comes from (.+)\)\. Fix it with: (.+)",
        (
            "位於 {0} 的「opencc」模組不是 OpenCC 的官方套件（其 OpenCC 類別來自 {1}）。"
            "修正指令：{2}",
            "位于 {0} 的“opencc”模块不是 OpenCC 的官方包（其 OpenCC 类来自 {1}）。修正命令：{2}",
            "The Python module “opencc” found at {0} is not OpenCC's binding "
            "(its OpenCC class comes from {1}). Fix it with: {2}",
        ),
    ),
    (
        r"OpenCC cannot load its config (\S+): (.*)",
        (
            "OpenCC 無法載入設定 {0}：{1}",
            "OpenCC 无法载入配置 {0}：{1}",
            "OpenCC cannot load its config {0}: {1}",
        ),
    ),
)


@functools.cache
def _compiled() -> tuple[tuple[re.Pattern[str], tuple[str, str, str]], ...]:
    """`REASONS` compiled, on the first error shown (never at start-up)."""
    return tuple((re.compile(p + r"\Z", re.DOTALL), texts) for p, texts in REASONS)


def reason(message: str, language: Language) -> str:
    """The reason a core error `message` gives, in `language` (not AUTO), without the
    file's name (the dialog's headline names it)."""
    rest = _PREFIX_RE.sub("", message, count=1)
    col = _COLUMN.get(language, 2)
    for pattern, texts in _compiled():
        m = pattern.match(rest)
        if m is None:
            continue
        groups = m.groups()
        kinds = {f"k{i}": KINDS.get(g, (g, g))[min(col, 1)] for i, g in enumerate(groups)}
        return texts[col].format(*groups, **kinds)
    if rest is not message and rest:
        return rest[0].upper() + rest[1:]
    return message


def is_translated(message: str) -> bool:
    """Whether `reason` knows the shape of `message` (for the tests)."""
    rest = _PREFIX_RE.sub("", message, count=1)
    return any(p.match(rest) for p, _texts in _compiled())
