"""Reading a saved page: path or bytes -> Page.

`load(path)` checks the file (exists, regular, readable, not too large) and hands its
bytes to `load_bytes(data, name)`, which refuses what is not a page (an empty file, or
binary data: a known magic number, or NUL bytes that are not UTF-16/UTF-32 text), then
hands the bytes to the first reader of `FORMATS` whose sniff accepts them. A new input
format is one module in `formats/` and one row of that table.

Text is decoded once, by `decode.py`, the first time a sniff or reader asks for it.
Images a saved page keeps beside it (a "Save Page As" `_files/` folder) are read here, into
the same `Page.assets` mapping that holds an MHTML file's parts: later stages do no I/O.

Network addresses are never fetched, and the input file is only ever opened for reading.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from urllib.parse import unquote, urlsplit

from reader.core.decode import Decoded, UndecodableError, binary_kind, decode_text
from reader.core.errors import LoadError
from reader.core.formats import html, mhtml, plain, wrapper
from reader.core.images import is_picture
from reader.core.page import Page, PageFormat
from reader.core.text import lazy_compile

__all__ = ["FORMATS", "MAX_FILE_BYTES", "Page", "PageFormat", "Source", "load", "load_bytes"]

# --- Limits (each with the reason for its value) ---------------------------------------

# Refuse files above 200 MiB. The largest realistic saved article is an MHTML with its
# images inlined as base64 (tens of MB); issue 3 requires a 50 MB page to load. Above
# this the raw bytes, the decoded str (up to 4 bytes per character) and the parse tree
# built from it would not fit the 1 GB memory bar.
MAX_FILE_BYTES = 200 * 1024 * 1024

#: Largest image read from beside a saved page, in bytes: a photo is a few MB; a bigger
#: file named by an <img> is not a picture worth holding in memory.
MAX_IMAGE_BYTES = 20 * 1024 * 1024

_WEB_ADDRESS_RE = re.compile(r"\A\s*(?:https?|ftp)://", re.IGNORECASE)


@dataclass
class Source:
    """The bytes of a file being loaded, and their text decoded on first use."""

    data: bytes
    label: str
    suffix: str

    @cached_property
    def decoded(self) -> Decoded:
        """The bytes as text (see decode.py); LoadError when they are not text."""
        try:
            return decode_text(self.data, None)
        except UndecodableError as exc:
            raise LoadError(f"Cannot open {self.label}: {exc}.") from exc

    @property
    def text(self) -> str:
        return self.decoded.text


#: The input formats, in the order they are tried: (sniff, reader). The first sniff that
#: accepts the source picks the reader. MHTML is told by its bytes; the rest by the
#: decoded text, so a wrapper comes before the HTML it wraps, and text is the fallback.
FORMATS: tuple[tuple[Callable[[Source], bool], Callable[[Source], Page]], ...] = (
    (mhtml.sniff, mhtml.read),
    (wrapper.sniff, wrapper.read),
    (html.sniff, html.read),
    (plain.sniff, plain.read),
)


# --- Public API -----------------------------------------------------------------------


def load(path: str | Path) -> Page:
    """Read and decode the saved page at `path`.

    Raises:
        LoadError: the path is missing, a folder, unreadable, empty, too large, binary,
            or not text in any encoding.
    """
    if _WEB_ADDRESS_RE.match(str(path)):
        # Never fetched: Qingdu reads what the user saved, and makes no network requests.
        raise LoadError(
            f"Cannot open {path}: it is a web address, and Qingdu opens only saved files."
        )
    p = Path(path)
    data = _read(p)
    page = _page_from_bytes(data, label=str(p), suffix=p.suffix.lower())
    return replace(_with_local_images(page, p.parent), path=p, base_dir=p.parent)


def load_bytes(data: bytes, name: str | None = None) -> Page:
    """Decode a saved page held in memory.

    Args:
        data: the file's bytes.
        name: a file name, used in error messages and as a hint (its extension) when the
            content alone does not settle HTML against plain text.

    Raises:
        LoadError: the data is empty, binary, or not text in any encoding.
    """
    label = name or "the page"
    suffix = Path(name).suffix.lower() if name else ""
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(_too_large(label, len(data)))
    return _page_from_bytes(data, label=label, suffix=suffix)


# --- Reading the file -----------------------------------------------------------------


def _read(p: Path) -> bytes:
    """Return the bytes of the regular file `p`, refusing anything else with a reason."""
    try:
        st = p.stat()
    except FileNotFoundError as exc:
        raise LoadError(f"Cannot open {p}: no such file.") from exc
    except NotADirectoryError as exc:
        raise LoadError(f"Cannot open {p}: a part of the path is not a folder.") from exc
    except PermissionError as exc:
        raise LoadError(f"Cannot open {p}: permission denied.") from exc
    except OSError as exc:
        raise LoadError(f"Cannot open {p}: {exc.strerror or exc}.") from exc
    except ValueError as exc:  # a NUL character in the path
        raise LoadError(f"Cannot open {p!r}: the path is not valid.") from exc
    if stat.S_ISDIR(st.st_mode):
        raise LoadError(f"Cannot open {p}: it is a folder, not a saved page.")
    if not stat.S_ISREG(st.st_mode):
        # FIFOs and devices could block or never end; a saved page is a regular file.
        raise LoadError(f"Cannot open {p}: it is not a regular file.")
    if st.st_size > MAX_FILE_BYTES:
        raise LoadError(_too_large(str(p), st.st_size))
    try:
        with p.open("rb") as fh:
            # One byte more than stat() said shows a file that grew since: it is read on,
            # to one byte more than the limit. (Asking for the limit at once costs a
            # 200 MB buffer each time, most of a small page's reading time.)
            want = st.st_size + 1
            data = fh.read(want)
            if len(data) == want:
                data += fh.read(MAX_FILE_BYTES + 1 - want)
    except PermissionError as exc:
        raise LoadError(f"Cannot read {p}: permission denied.") from exc
    except OSError as exc:
        raise LoadError(f"Cannot read {p}: {exc.strerror or exc}.") from exc
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(_too_large(str(p), len(data)))
    return data


def _too_large(label: str, size: int) -> str:
    def size_text(n: int) -> str:
        mib = 1024 * 1024
        return f"{round(n / mib, 1):g} MB" if n >= mib else f"{n} bytes"

    return (
        f"Cannot open {label}: it is {size_text(size)}, larger than the "
        f"{size_text(MAX_FILE_BYTES)} a saved page may have."
    )


# --- From bytes to Page ---------------------------------------------------------------


def _page_from_bytes(data: bytes, *, label: str, suffix: str) -> Page:
    if not data:
        raise LoadError(f"Cannot open {label}: the file is empty.")
    kind = binary_kind(data)
    if kind is not None:
        raise LoadError(f"Cannot open {label}: it is {kind}, not a saved page.")
    source = Source(data, label, suffix)
    for sniff, read in FORMATS:
        if sniff(source):
            return read(source)
    raise AssertionError("the last format accepts any text")  # pragma: no cover


# --- Images saved beside the page -----------------------------------------------------

#: The start of an <img> tag, and one attribute of a tag, read as the HTML tokenizer reads
#: it (a name runs to white space, "/", ">" or "="; a value is quoted or runs to white
#: space or ">"). An image's address is in `_IMAGE_ATTRS` (flatten.Flattener._image reads
#: the same ones).
_IMG_OPEN_RE = lazy_compile(r"<img\b", re.IGNORECASE)
_ATTR_RE = lazy_compile(r"[\s/]*([^\s/>][^\s/>=]*)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
_IMAGE_ATTRS = frozenset({"src", "data-src", "data-original"})
#: A data: URI is never a file beside the page, and it may be megabytes long (a picture
#: inlined by SingleFile): it is recognised by its start and never copied out.
_DATA_URI_RE = re.compile(r"\s*data:", re.IGNORECASE)


def _image_addresses(text: str) -> Iterator[str]:
    """The addresses the <img> tags of `text` name (entities decoded), data: URIs left out."""
    from html import unescape  # noqa: PLC0415 - its entity table costs start-up 2.6 ms

    for start in _IMG_OPEN_RE.finditer(text):
        pos = start.end()
        while (m := _ATTR_RE.match(text, pos)) is not None:
            pos = m.end()
            value = m.lastindex or 0
            if value < 2 or m.group(1).lower() not in _IMAGE_ATTRS:
                continue
            if _DATA_URI_RE.match(text, m.start(value)) is None:
                yield unescape(m.group(value)).strip()


#: Starts of an address that is never a path beside the page: a web address, or one
#: relative to the scheme (its path is absolute).
_WEB_PREFIXES = ("http://", "https://", "//")


def local_image_key(src: str) -> str | None:
    """The path, relative to the page's folder, that an image address names, or None for
    an address that is not a relative (or file:) path."""
    if src.startswith(_WEB_PREFIXES):
        return None  # most addresses: settled without parsing them
    parts = urlsplit(src)
    if parts.scheme and parts.scheme != "file":
        return None
    rel = unquote(parts.path)
    if not rel or (rel.startswith(("/", "\\")) and parts.scheme != "file"):
        return None
    return rel


def _with_local_images(page: Page, base: Path) -> Page:
    """`page` with the images its markup names from its own folder added to its assets,
    keyed by `local_image_key` (parts saved inside the file keep their entries)."""
    if page.format is PageFormat.TEXT:
        return page
    assets = dict(page.assets)
    added = False
    for src in _image_addresses(page.text):
        rel = local_image_key(src) if src else None
        if rel is None or rel in assets:
            continue
        data = _read_image(base, rel)
        if data is not None:
            assets[rel] = data
            added = True
    return replace(page, assets=MappingProxyType(assets)) if added else page


def _read_image(base: Path, rel: str) -> bytes | None:
    """The bytes of the file `rel` inside `base`, or None if it escapes `base`, is not a
    regular file, is too large, cannot be read or is not a picture by its content."""
    try:
        # Most addresses name no file here (the page was saved without its pictures): one
        # stat settles those before the path is resolved.
        if not (base / rel).is_file():
            return None
        base_r = base.resolve()
        target = (base_r / rel).resolve()
        if not target.is_relative_to(base_r) or not target.is_file():
            return None
        if target.stat().st_size > MAX_IMAGE_BYTES:
            return None
        data = target.read_bytes()
    except (OSError, ValueError):
        return None
    # A page may name any file as a picture: only a picture by its bytes is kept.
    return data if is_picture(data) else None
