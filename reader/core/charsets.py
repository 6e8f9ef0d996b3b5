"""Charset data: the limits, thresholds and tables the decoder (`decode.py`) reads.

Each value with the reason for it. Data only: no function here.
"""

from __future__ import annotations

import codecs
from collections.abc import Mapping

# --- Limits and thresholds (each with the reason for its value) ---------------------

# NUL bytes in the first 8000 bytes mean binary data: the same window and rule git uses
# (`buffer_is_binary`). Text pages never contain NUL; UTF-16/32 text is told apart first.
BINARY_SNIFF_BYTES = 8000

# Where a charset declaration is looked for. The HTML standard's prescan reads 1024 bytes,
# but saved Chinese pages often open with long inline styles or scripts: in the corpus a
# `<meta charset>` sits as late as 34 KB into the file.
DECLARATION_SCAN_BYTES = 64 * 1024

# How much of a page is decoded to score GB18030 against Big5 and to count errors. The
# first 32 KB hold hundreds of Chinese characters on every corpus page, enough to decide.
SCORE_BYTES = 32 * 1024

# Scoring stops after this many Han characters: the share has settled long before (it
# moves by under 0.02 past 1000 on the corpus), and counting is a Python-level loop.
SCORE_HAN_CHARS = 3000

# charset-normalizer is slow (tens of ms per 100 KB), so it only ever sees this prefix.
GUESS_BYTES = 32 * 1024

# A decoding with fewer Han characters than this is not scored as Chinese: too few to
# tell a real text from a mis-decoding of Latin or Japanese bytes.
MIN_HAN_TO_SCORE = 20

# Share of Han characters that must be common ones (`COMMON_HAN`) for a Chinese decoding
# to be accepted. On the corpus, right decodings score 0.50 or more and wrong ones
# (GB read as Big5, Big5 or UTF-8 read as GB18030) 0.12 at most.
MIN_COMMON_SHARE = 0.25

# A codec whose errors stay under 1 % of the non-ASCII bytes is the right one with a
# damaged byte or two: the two corpus pages with invalid GB bytes have 0.05 % or less,
# while a wrong codec fails on a third or more of them.
MAX_ERROR_RATE = 0.01

# Japanese text has a kana for every one or two kanji; Chinese text has none, except in
# the odd Japanese name or quotation. A tenth of kana among the Han and kana characters
# of a GB18030 decoding means EUC-JP bytes, which charset-normalizer then recognises.
MIN_KANA_SHARE = 0.1

# The 500 most frequent Chinese characters in running text (simplified), followed by the
# traditional forms among them that differ. Real Chinese text, in either script, has
# most of its Han characters in this set (the corpus: 50-90 %); the same bytes decoded
# with the wrong one of GB18030/Big5 turn into rare characters (at most 12 % here).
COMMON_HAN = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    "美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解"
    "水名真论处走义各入几口认条平系气题活更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管"
    "期市直资命山金指许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色"
    "路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造"
    "言联持组每济车亲极林服快办议往元士证近失转夫令准布始怎呢存未远叫台单影具字爱击流备兵连调深商算质团集"
    "百需价花党华城石级整府离况请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委"
    "乎查轻易早曾除农找装广显吧李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希"
    # Traditional forms of the above (Taiwan and Hong Kong variants included).
    "這個們來爲為國說時會對於過發後裏裡種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話"
    "內給門兒東聲員論處義幾認條氣題別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺術"
    "領確傳師觀讓識帶導爭運飛風乾幹聯組濟車親極辦議證轉準遠臺單愛擊備連調質團價黨華級離況請際約復覆線斷滿視"
    "須寫稱嗎輕農裝廣顯標談喫圖歷醫專費號盡較語僅隨選紅響雖勢參著"
)

# Magic numbers of files people rename or mis-save as pages, with the name the error
# message uses. Most of them also hold NUL bytes; the table names the kind.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a document packed as one)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh91AY&SY", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"\x28\xb5\x2f\xfd", "a zstd-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"ID3\x02", "an MP3 audio file"),
    (b"ID3\x03", "an MP3 audio file"),
    (b"ID3\x04", "an MP3 audio file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
)

# Byte order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Charset labels pages use, mapped to the codec that decodes them. GB2312 and GBK are
# subsets of GB18030, and pages labelled with them routinely hold GBK-only or GB18030
# characters, so every GB label decodes as GB18030 (as browsers do). Latin-1/ASCII
# labels mean windows-1252 on the web (WHATWG Encoding Standard).
LABEL_ALIASES: Mapping[str, str] = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "gb_2312": "gb18030",
    "csgb2312": "gb18030",
    "csiso58gb231280": "gb18030",
    "chinese": "gb18030",
    "iso-ir-58": "gb18030",
    "euc-cn": "gb18030",
    "x-euc-cn": "gb18030",
    "cp936": "gb18030",
    "ms936": "gb18030",
    "windows-936": "gb18030",
    "big-5": "big5",
    "cn-big5": "big5",
    "csbig5": "big5",
    "x-x-big5": "big5",
    "big5-hkscs": "big5hkscs",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "windows-874": "cp874",
    "iso-8859-8-i": "iso8859-8",
    "unicode-1-1-utf-8": "utf-8",
    "unicode11utf8": "utf-8",
    "unicode20utf8": "utf-8",
    "x-unicode20utf8": "utf-8",
    "x-mac-roman": "mac-roman",
    "macintosh": "mac-roman",
    "x-mac-cyrillic": "mac-cyrillic",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
}

# Codecs a declaration may select (Python names): the web's encodings. Anything else a
# page declares (Python's "base64", "undefined", "unicode_escape", ...) is ignored, and
# UTF-16/32 without a BOM is ignored as browsers do (the bytes are then ASCII-based).
WEB_CODECS = frozenset(
    {
        "utf-8",
        "gb18030",
        "big5",
        "big5hkscs",
        "cp950",
        "euc_jp",
        "iso2022_jp",
        "shift_jis",
        "cp932",
        "euc_kr",
        "cp949",
        "cp866",
        "koi8-r",
        "koi8-u",
        "mac-roman",
        "mac-cyrillic",
        "cp874",
        *(f"cp{n}" for n in range(1250, 1259)),
        *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    }
)

# The Big5 family, tried in this order: plain Big5, then Microsoft's and Hong Kong's
# supersets, which add characters real Big5 pages use.
BIG5_FAMILY = ("big5", "cp950", "big5hkscs")
