"""Script and regional-variant detection: Simplified or Traditional, and Taiwan or Hong Kong.

From tables generated out of OpenCC's dictionaries (`script_chars.py`, built by
tools/gen_script_chars.py); no dictionary is read at run time.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reader.core.article import Script
from reader.core.opencc_engine import CHUNK
from reader.core.script_plan import Variant


@dataclass(frozen=True, slots=True)
class _ScriptChars:
    """Characters that only one script writes, from OpenCC's character tables.

    - `traditional`: keys of TSCharacters that t2s always changes (their own form is not
      among their candidates); 3,200 characters such as 們 這 個.
    - `simplified`: the same for STCharacters (们 这 个), less the forms Taiwan or Hong Kong
      use (群 床 為 ...), which the regional variant tables list and which such text is full of.

    Characters that are their own candidate (干 后 里 台 面 ...) are in neither set: both
    scripts write them. tools/gen_script_chars.py builds them.
    """

    traditional: frozenset[str]
    simplified: frozenset[str]


class _PhraseCounter:
    """Forward maximum matching of a phrase table over a text, counting each match's label.

    The phrases are OpenCC's, so a text is cut into words the way OpenCC cuts it: at each
    position the longest phrase there wins, and matching resumes after it.
    """

    __slots__ = ("_bigrams", "_finder", "_prefixes")

    def __init__(self, labels: Mapping[str, str]) -> None:
        # Every proper prefix of two or more characters maps to None, every phrase to its label.
        prefixes: dict[str, str | None] = {}
        for key in labels:
            for end in range(2, len(key)):
                prefixes.setdefault(key[:end], None)
        prefixes.update(labels)
        self._prefixes = prefixes
        self._bigrams = frozenset(key[:2] for key in labels)
        # A phrase can only start where its first two characters stand. A regex finds such
        # positions in C (a first character followed by a possible second one: 0.5 ms on
        # 25,000 characters, where testing every position's pair costs 5 ms); Python then
        # checks the actual pair.
        firsts = "".join(sorted({b[0] for b in self._bigrams}))
        seconds = "".join(sorted({b[1] for b in self._bigrams}))
        self._finder = re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])")

    def count(self, text: str) -> Counter[str]:
        """How many matches of each label `text` holds."""
        counts: Counter[str] = Counter()
        if not self._prefixes:
            return counts
        prefixes, bigrams, n, resume = self._prefixes, self._bigrams, len(text), 0
        for found in self._finder.finditer(text):
            pos = found.start()
            if pos < resume or text[pos : pos + 2] not in bigrams:
                continue
            label, end, stop = None, pos + 2, pos
            while end <= n:
                hit = prefixes.get(text[pos:end], _MISSING)
                if hit is _MISSING:
                    break
                if hit is not None:
                    label, stop = hit, end
                end += 1
            if label is not None:
                counts[label] += 1
                resume = stop
        return counts


_MISSING: Any = object()


@dataclass(frozen=True, slots=True)
class _RegionalMarks:
    """Characters and phrases that tell Taiwan and Hong Kong text from OpenCC's standard.

    - `taiwan_chars` / `hongkong_chars`: forms the region's variant table (TWVariants,
      HKVariants) produces that OpenCC's standard Traditional text cannot contain: they are
      no output of s2t (no candidate of STCharacters, no character of an STPhrases value),
      no form the other region uses, and no character Simplified text may hold (no key of
      STCharacters, which drops 群 床 兑 悦 that a quoted Simplified line would bring), less
      `NOT_REGIONAL_MARKS`. Left: 裡 麵 汙 洩 簷 韁 and 敍 枱 衞 説 鋭 閲 .... Forms both regions
      share (為 眾 秘) say nothing.
    - `taiwan_phrases` / `hongkong_phrases`: the phrase tables' pairs (TWPhrases: 軟件 ->
      軟體, 信息 -> 資訊; HKPhrases: mostly names), matched by max-matching. A match's label
      is "region" for the localised phrase or "standard" for the phrase it replaces: many
      localised phrases are ordinary mainland words too (建立 核心 執行 資料), so they count
      only against how often the text uses the standard ones (信息 項目 支持 數據).
    """

    taiwan_chars: frozenset[str]
    hongkong_chars: frozenset[str]
    taiwan_phrases: _PhraseCounter
    hongkong_phrases: _PhraseCounter


#: Regional forms that are no evidence in practice, with the reason (read by
#: tools/gen_script_chars.py when it builds the tables).
NOT_REGIONAL_MARKS: Mapping[str, str] = {
    "濕": "HKVariants maps OpenCC's 溼 to 濕, but Taiwan writes 濕 at least as often as 溼",
}
REGION, STANDARD = "region", "standard"


@functools.cache
def _script_chars() -> _ScriptChars:
    """The script detection table, from the generated data module (no dictionary is read)."""
    from reader.core import script_chars  # noqa: PLC0415 - 7,000 characters of data

    return _ScriptChars(
        traditional=frozenset(script_chars.TRADITIONAL_ONLY),
        simplified=frozenset(script_chars.SIMPLIFIED_ONLY),
    )


def _labels(region: str, standard: str) -> dict[str, str]:
    labels = dict.fromkeys(standard.split(), STANDARD)
    labels.update(dict.fromkeys(region.split(), REGION))
    return labels


_DETECTION_LOCK = threading.Lock()


@functools.cache
def _build_regional_marks() -> _RegionalMarks:
    from reader.core import script_chars as data  # noqa: PLC0415 - see _script_chars

    return _RegionalMarks(
        taiwan_chars=frozenset(data.TAIWAN_CHARS),
        hongkong_chars=frozenset(data.HONGKONG_CHARS),
        taiwan_phrases=_PhraseCounter(_labels(data.TAIWAN_PHRASES, data.TAIWAN_STANDARD)),
        hongkong_phrases=_PhraseCounter(_labels(data.HONGKONG_PHRASES, data.HONGKONG_STANDARD)),
    )


def _regional_marks() -> _RegionalMarks:
    with _DETECTION_LOCK:
        return _build_regional_marks()


#: Detection decides by the share of Traditional among script-specific characters: at or
#: above 0.5 + margin it is Traditional, at or below 0.5 - margin Simplified. A Simplified
#: article quoting a Traditional passage (or a Traditional page with a Simplified
#: navigation bar) stays far outside the margin: the quotation is a minority of the text.
SCRIPT_MARGIN = 0.1
#: Inside the margin the text is genuinely mixed (a side-by-side comparison, two-script
#: bilingual pages); then its opening decides: the first this-many script-specific characters
#: of the title and lead, which are the article's own voice. Forty is about two sentences.
OPENING_CHARS = 40
#: A regional character form counts this many times a regional phrase: the glyph is the
#: writer's own choice, where many regional phrases are shared vocabulary (Taiwan writes 打開
#: and 數據 too). With 1, the project's own Taiwan sample (12 × 裡, 1 regional phrase against
#: 4 standard ones) read as standard.
CHAR_WEIGHT = 3
#: A region needs at least this many weighted marks ...
VARIANT_MIN_MARKS = 3
#: ... and this many times the weighted evidence against it (the other region's characters
#: plus the standard phrases its own phrases replace). Guessing a region wrongly is the
#: costly error: tw2sp turns 建立 核心 資料 into 创建 内核 数据, where t2s keeps them. Measured
#: on the 89 Simplified pages of ../shared/corpus taken through s2t, s2twp and s2hk: of the
#: 89 s2t texts 1 is taken for Taiwan and 1 for Hong Kong; 78 s2twp texts are found
#: Taiwanese and 70 s2hk texts Hong Kong (the others, mostly short, stay standard, which
#: converts them almost the same way). The 4 Traditional pages there and the seed article
#: (Traditional, mainland vocabulary: 芯片 納米 項目) stay standard.
VARIANT_RATIO = 4.0
#: Only the first this-many characters are read: a text's regional vocabulary does not
#: change halfway through, and matching both regions' phrases costs about 0.14 s per
#: million characters.
VARIANT_SAMPLE_CHARS = 200_000


def _char_counts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for i in range(0, len(text), CHUNK):  # in slices: see CHUNK
        counts.update(text[i : i + CHUNK])
    return counts


def _script_counts(counts: Mapping[str, int], evidence: _ScriptChars) -> tuple[int, int]:
    trad = sum(n for ch, n in counts.items() if ch in evidence.traditional)
    simp = sum(n for ch, n in counts.items() if ch in evidence.simplified)
    return trad, simp


def detect_script(text: str) -> Script:
    """The script `text` is written in, by majority of script-specific characters.

    Text with no script-specific character at all (empty, ASCII, only characters both
    scripts share) is reported as Simplified, the Article default.
    """
    evidence = _script_chars()
    trad, simp = _script_counts(_char_counts(text), evidence)
    if trad + simp == 0:
        return Script.SIMPLIFIED
    share = trad / (trad + simp)
    if share >= 0.5 + SCRIPT_MARGIN:
        return Script.TRADITIONAL
    if share <= 0.5 - SCRIPT_MARGIN:
        return Script.SIMPLIFIED
    seen_trad = seen_simp = 0
    for ch in text:
        if ch in evidence.traditional:
            seen_trad += 1
        elif ch in evidence.simplified:
            seen_simp += 1
        if seen_trad + seen_simp >= OPENING_CHARS:
            break
    return Script.TRADITIONAL if seen_trad > seen_simp else Script.SIMPLIFIED


def detect_variant(text: str) -> Variant:
    """Whether Traditional `text` is written the Taiwan or Hong Kong way, or neither.

    A region wins with at least `VARIANT_MIN_MARKS` marks and `VARIANT_RATIO` times the
    evidence against it (see `_RegionalMarks`); otherwise the text counts as OpenCC's standard
    forms. The answer chooses `tw2sp`/`hk2s` over `t2s` and so on (`plan`).
    """
    evidence = _regional_marks()
    text = text[:VARIANT_SAMPLE_CHARS]
    tw_chars = sum(text.count(ch) for ch in evidence.taiwan_chars)
    hk_chars = sum(text.count(ch) for ch in evidence.hongkong_chars)
    tw_phrases = evidence.taiwan_phrases.count(text)
    hk_phrases = evidence.hongkong_phrases.count(text)
    tw = CHAR_WEIGHT * tw_chars + tw_phrases[REGION]
    hk = CHAR_WEIGHT * hk_chars + hk_phrases[REGION]
    against_tw = CHAR_WEIGHT * hk_chars + tw_phrases[STANDARD]
    against_hk = CHAR_WEIGHT * tw_chars + hk_phrases[STANDARD]
    if tw >= VARIANT_MIN_MARKS and tw >= VARIANT_RATIO * against_tw:
        return Variant.TAIWAN
    if hk >= VARIANT_MIN_MARKS and hk >= VARIANT_RATIO * against_hk:
        return Variant.HONGKONG
    return Variant.STANDARD
