"""The language an article is written in, as far as the reader needs it: Chinese (which
the script switches convert), Japanese, Korean, or another language (English and the
like). A page that is not Chinese is shown as written, in a font for its language, with
the script switches off; its status line names the language, never a Chinese script.

Counted, never guessed from a site or a declared `lang` (pages copied through farms
declare zh-CN whatever they hold): kana make Japanese, hangul Korean, and Han characters
against Latin words decide between Chinese and the rest.
"""

from __future__ import annotations

from enum import StrEnum

from reader.core.text import HAN_RE, lazy_compile


class ContentLanguage(StrEnum):
    """The language of an article's text."""

    CHINESE = "zh"
    JAPANESE = "ja"
    KOREAN = "ko"
    OTHER = "other"


_KANA_RE = lazy_compile("[\u3041-\u3096\u30a1-\u30fa\u31f0-\u31ff\uff66-\uff9d]")
_HANGUL_RE = lazy_compile("[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]")
_LATIN_WORD_RE = lazy_compile(r"[A-Za-z\u00c0-\u024f]{2,}")

#: Japanese when kana are at least this share of the Han characters plus kana. Japanese
#: prose is 50-70% kana; a Chinese page may carry a few (の in a shop's name, a quoted
#: anime title), far below a tenth. A Japanese text of pure kanji is too rare to matter.
KANA_MIN_SHARE = 0.1
#: Korean when hangul syllables are at least this share of the Han characters plus
#: hangul: Korean prose is nearly all hangul, with a few Han characters for names.
HANGUL_MIN_SHARE = 0.3
#: Chinese when Han characters are at least this share of Han characters plus Latin
#: words. A Chinese article quoting English terms has a few Latin words per hundred
#: characters (a technical piece: 1,000 characters and 150 words, 0.87); an English
#: article with a Chinese name or phrase has a few Han characters per hundred words
#: (0.02-0.1). A bilingual page, half each, is about 0.7 and counts as Chinese, so its
#: Chinese half can still be converted.
HAN_MIN_SHARE = 0.3
#: Characters read: a page's language is settled by its first few thousand characters
#: (a paragraph of any of them decides it), and every character counted costs start-up
#: time (about 0.1 ms per thousand).
SAMPLE_CHARS = 4000


def detect_language(text: str) -> ContentLanguage:
    """The language `text` is written in (CHINESE for a text with no letters at all)."""
    sample = text[:SAMPLE_CHARS]
    # Counted as substitutions (subn): one pass in C, no string per character.
    han = HAN_RE.subn("", sample)[1]  # compiled at import already: no start-up cost
    kana = _KANA_RE.subn("", sample)[1]
    hangul = _HANGUL_RE.subn("", sample)[1]
    if kana and kana >= KANA_MIN_SHARE * (han + kana):
        return ContentLanguage.JAPANESE
    if hangul and hangul >= HANGUL_MIN_SHARE * (han + hangul):
        return ContentLanguage.KOREAN
    words = len(_LATIN_WORD_RE.findall(sample))
    if han == 0 and words == 0:
        return ContentLanguage.CHINESE  # nothing to tell by: the reader's default
    if han >= HAN_MIN_SHARE * (han + words):
        return ContentLanguage.CHINESE
    return ContentLanguage.OTHER
