"""Traditional ⇄ Simplified conversion of an Article, on OpenCC, plus quotation-mark styles.

What is here, in reading order:

- `Variant`: how a Traditional text is written (OpenCC's standard forms, Taiwan's, Hong
  Kong's); `Target`, `TraditionalStandard` and `QuoteStyle` (in `article.py`) are what the
  reader asks for.
- `plan(source, variant, target, standard)`: which OpenCC configs turn one into the other.
- `opencc_convert(text, config)`: one OpenCC config applied to a text by OpenCC's own C++
  library, through its Python binding (the `opencc` package).
- `detect_script`, `detect_variant`: the script of a text, and for Traditional text whether
  it is written the Taiwan or Hong Kong way (from tables generated out of OpenCC's
  dictionaries: `script_chars.py`).
- `apply_quotes(text, style)`: “” ‘’ ⇄ 「」 『』 as matched pairs inside Chinese text.
- `convert_text`, `convert(article, ...)`: a text or a whole article. Results are cached
  by the caller (the window's `ReadingSession` keeps one cache per article).

Nothing is loaded at import time. OpenCC is imported, checked (several PyPI packages install
a module called `opencc`, see `_load_opencc`) and its dictionaries read on first use; the
converters are then kept for the life of the process, one per config. OpenCC converts about
8 million characters a second here, but the binding holds the GIL for the whole call, so
long texts are converted in slices (see `_CHUNK`).
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import ModuleType
from typing import Any

from reader.core.article import (
    Article,
    QuoteStyle,
    Script,
    Target,
    TraditionalStandard,
    article_texts,
    with_texts,
)
from reader.core.errors import ScriptError
from reader.core.language import ContentLanguage
from reader.core.punctuation import fullwidth
from reader.core.text import HAN_RE as _HAN_RE

log = logging.getLogger(__name__)


class Variant(StrEnum):
    """How a Traditional text is written: OpenCC's standard forms, Taiwan's or Hong Kong's."""

    STANDARD = "standard"
    TAIWAN = "taiwan"
    HONGKONG = "hongkong"


# =========================================================================== the plan

#: OpenCC configs, applied in order, for (source script, source variant) -> target.
#:
#: - An empty tuple means the text is already in the target's form and is left alone.
#:   繁體 (`Target.TRADITIONAL`) on a text already written in Traditional is always that:
#:   readers in Taiwan and Hong Kong read OpenCC's standard forms (裏 爲 着) as wrong, so a
#:   page is shown as its writer wrote it. From Simplified, 繁體 gives the forms of the
#:   chosen `TraditionalStandard` (`SIMPLIFIED_TO_TRADITIONAL`).
#: - Traditional -> Taiwan uses `t2tw`, OpenCC's variant-only config. OpenCC ships no
#:   Traditional -> Taiwan *phrases* config: its Taiwan phrase table is written to run after
#:   `s2t` on segments cut by the Simplified phrase dictionary (that is how `s2twp` uses it).
#:   Run over unsegmented Traditional text it would match across word boundaries, and the
#:   other route, through Simplified (`t2s` then `s2twp`), loses distinctions Simplified
#:   merges (乾/幹, 後/后, 髮/發). Phrases are therefore localised only from Simplified text.
#: - Hong Kong and Taiwan text go through OpenCC's standard forms (`hk2t`, `tw2t`) before
#:   the other region's config, because `t2hk`/`t2tw` expect standard forms as input.
PLANS: Mapping[tuple[Script, Variant], Mapping[Target, tuple[str, ...]]] = {
    (Script.SIMPLIFIED, Variant.STANDARD): {
        Target.TAIWAN: ("s2twp",),
        Target.HONGKONG: ("s2hk",),
        Target.SIMPLIFIED: (),
    },
    (Script.TRADITIONAL, Variant.STANDARD): {
        Target.TRADITIONAL: (),
        Target.TAIWAN: ("t2tw",),
        Target.HONGKONG: ("t2hk",),
        Target.SIMPLIFIED: ("t2s",),
    },
    (Script.TRADITIONAL, Variant.TAIWAN): {
        Target.TRADITIONAL: (),
        Target.TAIWAN: (),
        Target.HONGKONG: ("tw2t", "t2hk"),
        Target.SIMPLIFIED: ("tw2sp",),
    },
    (Script.TRADITIONAL, Variant.HONGKONG): {
        Target.TRADITIONAL: (),
        Target.TAIWAN: ("hk2t", "t2tw"),
        Target.HONGKONG: (),
        Target.SIMPLIFIED: ("hk2s",),
    },
}

#: 繁體 from Simplified, per standard: character forms only, never vocabulary. `s2tw` and
#: `s2hk` are `s2t` followed by the region's variant table (裏→裡, 爲→為, 着→著 for Taiwan;
#: 爲→為, 着→着 for Hong Kong); the phrase configs (`s2twp`) also swap words (软件→軟體,
#: 信息→資訊, 鼠标→滑鼠), which changes what the writer said. On the benchmark's
#: 25,000-character article s2twp differs from s2tw in 1.4% of characters, all of them
#: words (屏幕→螢幕, 网络→網路, 社区→社群, 编程→程式設計, 运行→執行). Taiwan
#: vocabulary stays one menu entry away (`Target.TAIWAN`).
SIMPLIFIED_TO_TRADITIONAL: Mapping[TraditionalStandard, str] = {
    TraditionalStandard.TAIWAN: "s2tw",
    TraditionalStandard.HONGKONG: "s2hk",
    TraditionalStandard.OPENCC: "s2t",
}

#: Every OpenCC config the app can use (the tests run OpenCC's test cases for each).
APP_CONFIGS: tuple[str, ...] = tuple(
    sorted(
        {c for targets in PLANS.values() for configs in targets.values() for c in configs}
        | set(SIMPLIFIED_TO_TRADITIONAL.values())
    )
)


def plan(
    source: Script,
    variant: Variant,
    target: Target,
    standard: TraditionalStandard = TraditionalStandard.TAIWAN,
) -> tuple[str, ...]:
    """The OpenCC configs that turn text in `source`/`variant` into `target`, in order.

    `standard` only matters for 繁體 from Simplified: the forms it produces.
    """
    if target is Target.ORIGINAL:
        return ()
    if source is Script.SIMPLIFIED:
        if target is Target.TRADITIONAL:
            return (SIMPLIFIED_TO_TRADITIONAL[standard],)
        variant = Variant.STANDARD
    return PLANS[(source, variant)][target]


def shown_standard(
    source: Script, target: Target, standard: TraditionalStandard
) -> TraditionalStandard | None:
    """The Traditional standard a text in `source` is shown in for `target`.

    None when the forms are the writer's own (原文, or 繁體 on a Traditional page) or the
    target is Simplified. The status bar says it, so what is on screen is never a guess.
    """
    if target is Target.TAIWAN:
        return TraditionalStandard.TAIWAN
    if target is Target.HONGKONG:
        return TraditionalStandard.HONGKONG
    if target is Target.TRADITIONAL and source is Script.SIMPLIFIED:
        return standard
    return None


def result_script(source: Script, target: Target) -> Script:
    """The script of a text in `source` once converted to `target`."""
    if target is Target.ORIGINAL:
        return source
    return Script.SIMPLIFIED if target is Target.SIMPLIFIED else Script.TRADITIONAL


# =========================================================================== OpenCC itself

#: Distributions that install a module named `opencc` of their own, and what they are.
#: pip installs them next to the binding without a warning; the last one installed owns
#: `import opencc`, and uninstalling either breaks the other (../shared/opencc/NOTES.md §6).
CONFLICTING_DISTRIBUTIONS: Mapping[str, str] = {
    "opencc-py": "OpenCC's pure-Python port, 10-30x slower",
    "opencc-python-reimplemented": "an unmaintained port with dictionaries from 2022",
    "opencc-purepy": "a pure-Python port with its own dictionaries",
}
EXPECTED_DISTRIBUTION = "OpenCC"
#: `OpenCC.__module__` in the binding (the ports define their class in other modules).
EXPECTED_MODULE = "opencc"

_FIX = "pip uninstall -y {names} && pip install --force-reinstall 'opencc>=1.4.2,<1.5'"


def _installed_version(distribution: str) -> str | None:
    """The installed version of `distribution`, or None (a seam for the tests)."""
    from importlib import metadata  # noqa: PLC0415 - 50 ms, only when converting

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


@functools.cache
def _load_opencc() -> ModuleType:
    """Import `opencc` and check that it is OpenCC's own binding.

    Raises:
        ScriptError: OpenCC is missing, or another package's `opencc` is (or may be) the one
            imported. The message names the package and the command that fixes it.
    """
    conflicts = [d for d in CONFLICTING_DISTRIBUTIONS if _installed_version(d) is not None]
    if conflicts:
        what = "; ".join(f"{d} ({CONFLICTING_DISTRIBUTIONS[d]})" for d in conflicts)
        raise ScriptError(
            f"Script conversion needs OpenCC's binding (the package opencc), but another "
            f"package also installs the Python module “opencc”: {what}. "
            f"Fix it with: {_FIX.format(names=' '.join(conflicts))}"
        )
    try:
        import opencc  # noqa: PLC0415 - imported on first use: loading it costs start-up time
    except ImportError as exc:
        raise ScriptError(
            f"Script conversion needs OpenCC's binding: pip install 'opencc>=1.4.2,<1.5' ({exc})"
        ) from exc
    where = getattr(opencc, "__file__", None) or "an empty namespace package"
    owner = getattr(getattr(opencc, "OpenCC", None), "__module__", None)
    if _installed_version(EXPECTED_DISTRIBUTION) is None or owner != EXPECTED_MODULE:
        raise ScriptError(
            f"The Python module “opencc” found at {where} is not OpenCC's binding (its OpenCC "
            f"class comes from {owner!r}). Fix it with: {_FIX.format(names='opencc')}"
        )
    return opencc


_CONVERTERS: dict[str, Any] = {}
_CONVERTERS_LOCK = threading.Lock()


def _converter(config: str) -> Any:
    """OpenCC's converter for `config`, built once per process (s2t reads 1 MB: 45 ms)."""
    cc = _CONVERTERS.get(config)
    if cc is None:
        with _CONVERTERS_LOCK:  # build each config once even when two threads ask at once
            cc = _CONVERTERS.get(config)
            if cc is None:
                try:
                    cc = _load_opencc().OpenCC(f"{config}.json")
                except RuntimeError as exc:  # the binding's error for a missing config file
                    raise ScriptError(f"OpenCC cannot load its config {config}: {exc}") from exc
                _CONVERTERS[config] = cc
    return cc


#: Long texts are converted in slices of at least this many characters. The binding holds
#: the GIL for a whole call: a million characters kept a GUI thread waiting 220 ms here;
#: a slice of 32k takes about 5 ms.
_CHUNK = 1 << 15
#: Slices end after a line break or one of the marks `_convert_all` joins texts with. No
#: OpenCC dictionary key contains either, so no match can cross them and converting the
#: slices one by one gives exactly the whole text's conversion.
_BREAK = re.compile("[\n\ufdd0-\ufdef]")
_SURROGATE = re.compile("([\ud800-\udfff])")
#: Characters used to join texts: Unicode noncharacters U+FDD0..U+FDEF, which are reserved
#: for exactly this ("internal use") and appear in no OpenCC dictionary.
_MARKS = tuple(chr(c) for c in range(0xFDD0, 0xFDF0))


def _slices(text: str) -> Iterator[str]:
    start, n = 0, len(text)
    while start < n:
        found = _BREAK.search(text, start + _CHUNK)
        end = found.end() if found else n
        yield text[start:end]
        start = end


def _convert_slice(cc: Any, text: str) -> str:
    try:
        return str(cc.convert(text))
    except UnicodeEncodeError:
        # The binding encodes to strict UTF-8, which a lone surrogate (from a page's
        # broken UTF-16) fails; such characters are left as they are, the rest converted.
        parts = _SURROGATE.split(text)
        return "".join(p if i % 2 else str(cc.convert(p)) for i, p in enumerate(parts))


def opencc_convert(text: str, config: str) -> str:
    """`text` converted with one OpenCC config (e.g. "s2twp") by OpenCC's C++ library.

    Raises:
        ScriptError: OpenCC is missing or the wrong package (see `_load_opencc`).
    """
    cc = _converter(config)
    if len(text) <= _CHUNK:
        return _convert_slice(cc, text)
    return "".join(_convert_slice(cc, piece) for piece in _slices(text))


def convert_configs(text: str, configs: Sequence[str]) -> str:
    """`text` through several OpenCC configs in turn."""
    for config in configs:
        text = opencc_convert(text, config)
    return text


# =========================================================================== detection


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
    for i in range(0, len(text), _CHUNK):  # in slices: see _CHUNK
        counts.update(text[i : i + _CHUNK])
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


# =========================================================================== quotation marks

_QUOTE_RE = re.compile("[“”‘’「」『』]")
_OPENERS = {"“": "”", "‘": "’", "「": "」", "『": "』"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}
_STYLES: Mapping[QuoteStyle, tuple[tuple[str, str], tuple[str, str]]] = {
    QuoteStyle.CORNER: (("「", "」"), ("『", "』")),
    QuoteStyle.CURLY: (("“", "”"), ("‘", "’")),
}
_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
#: ‘ before a two-digit year is an apostrophe (‘90s, the ‘07 season), not an opening quote;
#: before digits that run on into a word (‘90後’) it opens a quotation.
_YEAR_RE = re.compile(r"\d\d(?:s|(?!\w))")


def _is_apostrophe(text: str, pos: int) -> bool:
    ch = text[pos]
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + 1] if pos + 1 < len(text) else ""
    if ch == "’":  # don’t, it’s, rock’n’roll: a letter on both sides
        return bool(before) and bool(after) and before in _WORD and after in _WORD
    if ch == "‘":
        return before not in _WORD and _YEAR_RE.match(text, pos + 1) is not None
    return False


def _quote_pairs(text: str) -> list[tuple[int, int]]:
    """Positions of matched quotation marks, properly nested, in order of the opening mark.

    A closing mark pairs with the nearest open mark of its own kind; open marks skipped
    over that way, closing marks with no partner and apostrophes stay unpaired.
    """
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for m in _QUOTE_RE.finditer(text):
        pos, ch = m.start(), m.group()
        if _is_apostrophe(text, pos):
            continue
        if ch in _OPENERS:
            stack.append(pos)
            continue
        want = _CLOSERS[ch]
        for k in range(len(stack) - 1, -1, -1):
            if text[stack[k]] == want:
                pairs.append((stack[k], pos))
                del stack[k:]
                break
    pairs.sort()
    return pairs


def apply_quotes(text: str, style: QuoteStyle) -> str:
    """`text` with its Chinese quotations in `style`; everything else is left as it was.

    Only matched pairs whose content has a Han character change. The outermost such pair
    becomes 「」 (or “”), the next level 『』 (or ‘’), then alternating. English quotes,
    apostrophes and unbalanced marks are never touched, so no half pair is ever made.
    """
    if style is QuoteStyle.KEEP or not _QUOTE_RE.search(text):
        return text
    outer, inner = _STYLES[style]
    chars = list(text)
    open_ends: list[int] = []  # closing positions of the enclosing converted pairs
    for start, end in _quote_pairs(text):
        while open_ends and open_ends[-1] < start:
            open_ends.pop()
        if not _HAN_RE.search(text, start + 1, end):
            continue
        chars[start], chars[end] = inner if len(open_ends) % 2 else outer
        open_ends.append(end)
    return "".join(chars)


# =========================================================================== articles


def convert_text(
    text: str,
    source: Script,
    target: Target,
    quotes: QuoteStyle = QuoteStyle.KEEP,
    *,
    standard: TraditionalStandard = TraditionalStandard.TAIWAN,
) -> str:
    """`text`, written in `source`, converted to `target` with quotation marks in `quotes`.

    For Traditional text the regional variant is detected from `text` itself; `standard`
    is the forms 繁體 gives a Simplified text (see `plan`).
    """
    variant = detect_variant(text) if source is Script.TRADITIONAL else Variant.STANDARD
    return apply_quotes(convert_configs(text, plan(source, variant, target, standard)), quotes)


def _convert_all(texts: Sequence[str], configs: Sequence[str]) -> list[str]:
    """Convert many strings as one: joined by a mark no dictionary key contains.

    Forward maximum matching never matches across such a mark, so the result splits back
    into exactly the per-string conversions, without per-string overhead.
    """
    if not configs:
        return list(texts)
    for sep in _MARKS:
        joined = sep.join(texts)
        if joined.count(sep) == len(texts) - 1:  # no text holds this mark itself
            out = convert_configs(joined, configs).split(sep)
            if len(out) == len(texts):
                return out
            break  # pragma: no cover - OpenCC never writes a noncharacter
    return [convert_configs(t, configs) for t in texts]  # pragma: no cover - every mark in use


#: Languages whose Han characters are their own (kanji, hanja): converting them between
#: Chinese scripts would change the words. Another language's Han characters are Chinese
#: quoted in it (a name, a table of places), and convert as Chinese does.
OWN_HAN: frozenset[ContentLanguage] = frozenset({ContentLanguage.JAPANESE, ContentLanguage.KOREAN})


def _unchanged(article: Article, target: Target, quotes: QuoteStyle, punctuation: bool) -> bool:
    """Whether converting `article` this way leaves it as it is: nothing asked for, or a
    Japanese or Korean text (shown as written, see `OWN_HAN`)."""
    punctuation = punctuation and article.language is ContentLanguage.CHINESE
    nothing = target is Target.ORIGINAL and quotes is QuoteStyle.KEEP and not punctuation
    return nothing or article.language in OWN_HAN


def _convert_article(
    article: Article,
    variant: Variant,
    target: Target,
    quotes: QuoteStyle,
    standard: TraditionalStandard = TraditionalStandard.TAIWAN,
    *,
    punctuation: bool = False,
) -> Article:
    if _unchanged(article, target, quotes, punctuation):
        return article
    configs = plan(article.script, variant, target, standard)
    script = result_script(article.script, target)
    widen = punctuation and article.language is ContentLanguage.CHINESE
    if not configs and quotes is QuoteStyle.KEEP and not widen:
        # Nothing to convert: no joining, converting and rebuilding to get the same texts.
        return article if script is article.script else article.with_changes(script=script)
    texts = _convert_all(article_texts(article), configs)
    if quotes is not QuoteStyle.KEEP:
        texts = [apply_quotes(t, quotes) for t in texts]
    if widen:
        texts = [fullwidth(t) for t in texts]
    return with_texts(article, texts, script)


def _article_variant(article: Article) -> Variant:
    if article.script is not Script.TRADITIONAL:
        return Variant.STANDARD
    return detect_variant("\n".join(article_texts(article)))


def _needs_variant(article: Article, target: Target) -> bool:
    """Whether the plan for `target` depends on how the Traditional `article` is written."""
    return article.script is Script.TRADITIONAL and target not in (
        Target.ORIGINAL,
        Target.TRADITIONAL,
    )


def convert(
    article: Article,
    target: Target,
    quotes: QuoteStyle = QuoteStyle.KEEP,
    *,
    standard: TraditionalStandard = TraditionalStandard.TAIWAN,
    punctuation: bool = False,
) -> Article:
    """A new Article in `target`: title, source, author, blocks, section titles, speakers.

    The source script is `article.script` (set by extraction); for Traditional articles the
    regional variant is detected from the text. `standard` is the forms 繁體 gives a
    Simplified article; a Traditional one is shown as written. With `punctuation`,
    half-width marks between Chinese characters become full-width (`punctuation.py`).
    `article` itself is never modified. `Target.ORIGINAL` keeps the text (only `quotes`
    and `punctuation` apply) and the script. A Japanese or Korean article is returned as
    it is (`OWN_HAN`); the window shows any article that is not Chinese as written.

    Raises:
        ScriptError: OpenCC is missing or the wrong package.
    """
    if _unchanged(article, target, quotes, punctuation):
        return article
    variant = _article_variant(article) if _needs_variant(article, target) else Variant.STANDARD
    return _convert_article(article, variant, target, quotes, standard, punctuation=punctuation)
