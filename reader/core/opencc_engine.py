"""OpenCC itself: load and check the binding, build converters, convert text in slices.

Nothing is loaded at import time. OpenCC is imported, checked (several PyPI packages install
a module called `opencc`, see `_load_opencc`) and its dictionaries read on first use; the
converters are then kept for the life of the process, one per config. OpenCC converts about
8 million characters a second here, but the binding holds the GIL for the whole call, so
long texts are converted in slices (see `CHUNK`).
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from types import ModuleType
from typing import Any

from reader.core.errors import ScriptError

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
CHUNK = 1 << 15
#: Slices end after a line break or one of the marks `convert_all` joins texts with. No
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
        found = _BREAK.search(text, start + CHUNK)
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
    if len(text) <= CHUNK:
        return _convert_slice(cc, text)
    return "".join(_convert_slice(cc, piece) for piece in _slices(text))


def convert_configs(text: str, configs: Sequence[str]) -> str:
    """`text` through several OpenCC configs in turn."""
    for config in configs:
        text = opencc_convert(text, config)
    return text


def convert_all(texts: Sequence[str], configs: Sequence[str]) -> list[str]:
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
