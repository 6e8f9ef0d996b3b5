"""Reading a saved page: path -> Page. The only place where bytes become str.

(Initial version; the loader issue fills in format detection, MHTML and encoding sniffing.)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType

from reader.core.errors import LoadError


class PageFormat(StrEnum):
    """What kind of saved file a page came from."""

    HTML = "html"
    MHTML = "mhtml"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Page:
    """A decoded saved page.

    `text` is HTML markup for HTML and MHTML pages (the MHTML's main HTML part) and the
    plain text for text dumps. `url` is the original address recorded in the file itself
    (a "saved from url" comment, MHTML Content-Location). `assets` maps a resource key
    (its URL as the markup names it) to bytes saved inside the file (MHTML parts);
    `base_dir` is the folder of the saved file, for a "Save Page As" `_files/` folder.
    """

    text: str
    format: PageFormat
    encoding: str
    path: Path | None = None
    url: str | None = None
    base_dir: Path | None = None
    assets: Mapping[str, bytes] = field(default_factory=lambda: MappingProxyType({}))


def load(path: str | Path) -> Page:
    """Read and decode the file at `path`."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise LoadError(f"Cannot read {p}: {exc.strerror or exc}.") from exc
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        enc, text = "utf-8", data.decode("utf-8", errors="replace")
    fmt = PageFormat.HTML if "<" in text[:2000] else PageFormat.TEXT
    return Page(text=text, format=fmt, encoding=enc, path=p, base_dir=p.parent)
