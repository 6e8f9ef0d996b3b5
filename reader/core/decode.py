"""Bytes -> str: the only place where a page's bytes are decoded (the charset detector).

`decode_detailed(data, declared)` works in this order:

1. A BOM wins; UTF-16 without a BOM is recognised by its NUL bytes.
2. Strict UTF-8 (cheap, and right for the pages that declare gb2312 but were re-saved as
   UTF-8).
3. The declared charset (crawl wrapper, XML declaration, `<meta>`, or one given from
   outside such as an MHTML part's header), verified against the bytes.
4. GB18030 or Big5, chosen by how many of the decoded characters are common Chinese ones;
   charset-normalizer on a bounded prefix as the last resort.

A few invalid bytes are replaced, and the codec that won is recorded.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

from reader.core.charsets import (
    BIG5_FAMILY,
    BINARY_SNIFF_BYTES,
    BOMS,
    COMMON_HAN,
    DECLARATION_SCAN_BYTES,
    GUESS_BYTES,
    LABEL_ALIASES,
    MAGIC,
    MAX_ERROR_RATE,
    MIN_COMMON_SHARE,
    MIN_HAN_TO_SCORE,
    MIN_KANA_SHARE,
    SCORE_BYTES,
    SCORE_HAN_CHARS,
    WEB_CODECS,
)
from reader.core.errors import LoadError
from reader.core.formats.wrapper import declared_encoding as _wrapper_encoding
from reader.core.text import HAN_BMP, lazy_compile

log = logging.getLogger(__name__)


_ASCII_BYTES = bytes(range(128))

_META_CHARSET_RE = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)

_XML_DECL_RE = re.compile(rb"\A\s*<\?xml\b[^>]*?encoding\s*=\s*[\"']([\w.:-]+)", re.IGNORECASE)

_NON_ASCII_RE = re.compile(rb"[\x80-\xff]")
_HAN_RUN_RE = lazy_compile(f"[{HAN_BMP}]+")
_JUNK_CHAR_RE = lazy_compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")

_KANA_RE = lazy_compile("[\u3041-\u3096\u30a1-\u30fa]")

_LABEL_RE = re.compile(r"[a-z0-9._:-]{1,40}")


@dataclass(frozen=True, slots=True)
class Decoded:
    """The result of `decode_detailed`: text, the codec that won, and how it was chosen."""

    text: str
    encoding: str
    declared_charset: str | None = None
    replacements: int = 0
    warnings: tuple[str, ...] = ()


class UndecodableError(Exception):
    """No codec turns the bytes into text (the caller turns it into a LoadError naming the
    file)."""


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode `data` and return `(text, encoding)`; see `decode_detailed`."""
    result = decode_detailed(data, declared)
    return result.text, result.encoding


def decode_detailed(data: bytes, declared: str | None = None) -> Decoded:
    """Turn bytes into text, choosing the codec as the module docstring describes.

    Args:
        data: the bytes to decode.
        declared: a charset declared outside the bytes (an MHTML part's header). When
            None, a declaration inside the bytes (crawl wrapper, XML declaration,
            `<meta>`) is used.

    Raises:
        LoadError: the bytes are not text in any encoding (message without a file name;
            `load` and `load_bytes` name the file).
    """
    try:
        return decode_text(data, declared)
    except UndecodableError as exc:
        raise LoadError(f"Cannot decode the data: {exc}.") from exc


def binary_kind(data: bytes) -> str | None:
    """Name the kind of binary file `data` is, or None for text."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        return "a WebP image"
    if data[4:8] == b"ftyp":
        return "an MP4 or QuickTime media file"
    head = data[:BINARY_SNIFF_BYTES]
    if b"\x00" in head and bom(data) is None and bomless_utf16(head) is None:
        return "binary data"
    return None


def bom(data: bytes) -> tuple[str, int] | None:
    """The codec and BOM length when `data` starts with a byte order mark."""
    for mark, codec in BOMS:
        if data.startswith(mark):
            return codec, len(mark)
    return None


def bomless_utf16(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when `head` looks like UTF-16 text without a BOM.

    Markup and Latin text in UTF-16 have a NUL in every other byte: the high byte of
    each ASCII character. Binary files have NULs at both parities, and decode to control
    characters and invalid surrogates, which the last check catches.
    """
    sample = head[: len(head) & ~1]
    if len(sample) < 8:
        return None
    even_nul, odd_nul = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nul >= 0.2 * half and even_nul * 4 < odd_nul:
        codec = "utf-16-le"
    elif even_nul >= 0.2 * half and odd_nul * 4 < even_nul:
        codec = "utf-16-be"
    else:
        return None
    text = sample.decode(codec, errors="replace")
    junk = len(_JUNK_CHAR_RE.findall(text))
    return codec if junk <= 0.02 * len(text) else None


def decode_text(data: bytes, declared: str | None) -> Decoded:
    """Decode `data`; raise `UndecodableError` with a reason when nothing fits."""
    marked = bom(data)
    if marked is not None:
        codec, size = marked
        text, bad = _decode_replacing(data[size:], codec)
        return _finish(text, codec, declared, bad)

    head = data[:BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        utf16 = bomless_utf16(head)
        if utf16 is not None:
            text, bad = _decode_replacing(data, utf16)
            return _finish(text, utf16, declared, bad)

    label = declared.strip().lower() if declared else _declared_label(data)
    declared_codec = _codec_for_label(label) if label else None

    # Strict UTF-8 first: it is the common case, it costs one C-speed pass, and bytes that
    # are valid UTF-8 with any non-ASCII in them are UTF-8 whatever the page declares.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # ISO-2022-JP is 7-bit, so valid UTF-8 too; its escape sequences give it away.
        # (ASCII bytes decode to as many characters: told without a pass over them.)
        if len(text) == len(data) and b"\x1b$" in data:
            try:
                return _finish(data.decode("iso2022_jp"), "iso2022_jp", label, 0)
            except UnicodeDecodeError:
                pass
        return _finish(text, "utf-8", label, 0, nul=b"\x00" in data)

    if declared_codec is not None and declared_codec != "utf-8":
        for codec in family(declared_codec):
            try:
                return _finish(data.decode(codec), codec, label, 0)
            except UnicodeError:
                continue

    return _guess(data, label, declared_codec)


def _guess(data: bytes, label: str | None, declared_codec: str | None) -> Decoded:
    """Choose a codec for bytes that are neither strict UTF-8 nor the declared charset."""
    # Judge the bytes where the text is: an ASCII prefix (a long script before the body)
    # says nothing about the encoding and would pass any codec.
    first = _NON_ASCII_RE.search(data)
    start = max(0, first.start() - 64) if first else 0
    trial = _Trial(data[start : start + SCORE_BYTES])
    if declared_codec is None:
        late = _late_declaration(data)
        if late is not None and (codec := _codec_for_label(late)) is not None:
            label, declared_codec = late, codec

    # The declared charset with a damaged byte or two is still the declared charset.
    if declared_codec is not None:
        codec = trial.least_errors(family(declared_codec))
        if trial.error_rate(codec) <= MAX_ERROR_RATE:
            return _decode_full(data, codec, label)
    # So is UTF-8: valid UTF-8 is so structured that other encodings fail it constantly.
    if declared_codec != "utf-8" and trial.error_rate("utf-8") <= MAX_ERROR_RATE:
        return _decode_full(data, "utf-8", label)

    # GB18030 or Big5: both may decode the same bytes without error; the one that yields
    # common Chinese characters is right.
    scored: list[tuple[float, str]] = []
    for codec in ("gb18030", trial.least_errors(BIG5_FAMILY)):
        if trial.error_rate(codec) > MAX_ERROR_RATE:
            continue
        han, share = _chinese_score(trial.text(codec))
        if han >= MIN_HAN_TO_SCORE and share >= MIN_COMMON_SHARE:
            scored.append((share, codec))
    # EUC-JP kana read as Big5 become the most common characters of all, and short EUC-JP
    # texts can pass as GB too. EUC-JP shares its kana rows with GB2312, so the GB18030
    # reading shows them as kana: such bytes go on to the last-resort guesser.
    if scored and not _looks_japanese(trial.text("gb18030")):
        return _decode_full(data, max(scored)[1], label)

    guessed = _charset_normalizer_guess(data[start : start + GUESS_BYTES])
    if guessed is not None and guessed != "ascii":
        return _decode_full(data, guessed, label)

    if trial.error_rate("gb18030") <= MAX_ERROR_RATE:
        return _decode_full(data, "gb18030", label)
    raise UndecodableError("its bytes are not text in any encoding Qingdu recognises")


class _Trial:
    """Decodings of a page's prefix with candidate codecs, each made once."""

    def __init__(self, prefix: bytes) -> None:
        self._prefix = prefix
        self._high = max(1, len(prefix.translate(None, _ASCII_BYTES)))
        self._texts: dict[str, str] = {}

    def text(self, codec: str) -> str:
        """The prefix decoded with `codec`, invalid bytes replaced."""
        if codec not in self._texts:
            self._texts[codec] = self._prefix.decode(codec, errors="replace")
        return self._texts[codec]

    def error_rate(self, codec: str) -> float:
        """Replacements per non-ASCII byte when decoding the prefix with `codec`."""
        return self.text(codec).count("\ufffd") / self._high

    def least_errors(self, family: tuple[str, ...]) -> str:
        """The first codec of `family` that decodes cleanly, else the one with fewest errors."""
        if self.error_rate(family[0]) > 10 * MAX_ERROR_RATE:
            # The supersets add a few hundred characters; they cannot rescue bytes that
            # fail this often, so they are not tried.
            return family[0]
        for codec in family:
            if self.error_rate(codec) == 0:
                return codec
        return min(family, key=self.error_rate)


def _decode_full(data: bytes, codec: str, label: str | None) -> Decoded:
    text, bad = _decode_replacing(data, codec)
    return _finish(text, codec, label, bad)


def _decode_replacing(data: bytes, codec: str) -> tuple[str, int]:
    """Decode with `errors="replace"`; return the text and the number of replacements."""
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError:
        pass
    # Only the replacements this decoding adds count, not U+FFFD already in the text.
    text = data.decode(codec, errors="replace")
    before = data.decode(codec, errors="ignore").count("\ufffd")
    return text, text.count("\ufffd") - before


def _finish(
    text: str, codec: str, label: str | None, bad: int, *, nul: bool | None = None
) -> Decoded:
    """Build the Decoded record: normalised codec name, NULs replaced, warnings. `nul`:
    whether the text holds a NUL, when the caller knows it more cheaply (a NUL byte of
    UTF-8 is found at memchr speed; a wide str is searched more slowly)."""
    if nul if nul is not None else ("\x00" in text):
        # NUL past the binary sniff window: parsers turn it into U+FFFD anyway.
        bad += text.count("\x00")
        text = text.replace("\x00", "\ufffd")
    encoding = codecs.lookup(codec).name
    warnings: list[str] = []
    if label and not text.isascii():
        declared_codec = _codec_for_label(label)
        if declared_codec is not None and codecs.lookup(declared_codec).name not in {
            codecs.lookup(c).name for c in family(encoding)
        }:
            warnings.append(
                f"The page declares charset {label} but its bytes are {encoding}; "
                f"decoded as {encoding}."
            )
    if bad:
        warnings.append(f"{bad} invalid byte sequence(s) replaced while decoding as {encoding}.")
    return Decoded(
        text=text,
        encoding=encoding,
        declared_charset=label,
        replacements=bad,
        warnings=tuple(warnings),
    )


def family(codec: str) -> tuple[str, ...]:
    """The codecs to try for a declared codec: Big5 brings its supersets along."""
    if codec in BIG5_FAMILY:
        return BIG5_FAMILY
    return (codec,)


def _declared_label(data: bytes) -> str | None:
    """The charset label the bytes declare, lowercased.

    Looked for in the crawl wrapper line, the XML declaration, then the first `<meta>`
    naming a charset; the first label naming a web encoding wins, else the first found.
    """
    labels: list[str] = []
    value = _wrapper_encoding(data)
    # The crawler writes "unset" when it knew no charset; then the page's own counts.
    if value is not None and _codec_for_label(value) is not None:
        labels.append(value)
    xml = _XML_DECL_RE.match(data)
    if xml is not None:
        labels.append(xml[1].decode("ascii", "replace"))
    found = _META_CHARSET_RE.search(data, 0, DECLARATION_SCAN_BYTES)
    if found is not None:
        labels.append(found[1].decode("ascii", "replace"))
    labels = [label.strip().lower() for label in labels if label.strip()]
    for label in labels:
        if _codec_for_label(label) is not None:
            return label
    return labels[0] if labels else None


def _late_declaration(data: bytes) -> str | None:
    """A charset declared beyond the first DECLARATION_SCAN_BYTES (pages that put kilobytes
    of script or comments before their `<meta>`), found by Beautiful Soup's detector.

    Only bytes that are neither UTF-8 nor declared early get here, so the import (about
    0.2 s) is paid by those pages alone and never at start-up.
    """
    from bs4.dammit import EncodingDetector  # noqa: PLC0415 - slow import, rare path

    found = EncodingDetector.find_declared_encoding(data, is_html=True, search_entire_document=True)
    return found.strip().lower() if found else None


def _codec_for_label(label: str) -> str | None:
    """The Python codec a charset label selects, or None if it is not a web encoding."""
    name = label.strip().lower()
    if not _LABEL_RE.fullmatch(name):
        return None  # also keeps NUL and other junk away from codecs.lookup
    name = LABEL_ALIASES.get(name, name)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec in {"gb2312", "gbk"}:
        return "gb18030"
    return codec if codec in WEB_CODECS else None


def _chinese_score(text: str) -> tuple[int, float]:
    """Han characters in `text` (counted up to `SCORE_HAN_CHARS`) and the share of them
    that are in `COMMON_HAN`."""
    han = "".join(_HAN_RUN_RE.findall(text))[:SCORE_HAN_CHARS]
    if not han:
        return 0, 0.0
    return len(han), sum(map(COMMON_HAN.__contains__, han)) / len(han)


def _looks_japanese(text: str) -> bool:
    """Whether `text` (bytes decoded as GB18030) shows the kana of EUC-JP Japanese."""
    if _KANA_RE.search(text) is None:  # the usual case, settled by one quick scan
        return False
    kana = len(_KANA_RE.findall(text, 0, SCORE_BYTES))
    if kana < MIN_HAN_TO_SCORE:
        return False
    han = len("".join(_HAN_RUN_RE.findall(text, 0, SCORE_BYTES)))
    return kana >= MIN_KANA_SHARE * (kana + han)


def _charset_normalizer_guess(sample: bytes) -> str | None:
    """charset-normalizer's codec for `sample`, or None when it finds none."""
    # Imported here: it takes ~40 ms to import, and only undeclared non-CJK pages need it.
    from charset_normalizer import from_bytes  # noqa: PLC0415

    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return None
    name = best.encoding
    # Ties are common for short Western text (cp1250, cp1252 and cp1257 all score the
    # same on French); windows-1252 is the web's default for unlabelled Western pages.
    tied = {m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)}
    if "cp1252" in tied:
        name = "cp1252"
    try:
        codec = codecs.lookup(name).name
        b"".decode(codec)  # refuses codecs that are not text encodings
    except LookupError:
        return None
    log.debug("charset-normalizer chose %s", codec)
    return codec
