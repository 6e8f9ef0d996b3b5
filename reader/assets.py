"""The files bundled with Qingdu (samples, style sheets, icons), found one way everywhere.

The repository keeps them in the top-level `resources/` folder; pyproject.toml installs that
folder as the package `reader.resources`, both in a wheel and in an editable install, so
`importlib.resources` finds them wherever the app runs from. Nothing else in the app
knows where they are.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only a type here: importing importlib.resources costs start-up time (it brings
    # tempfile and zipfile), and plain files need none of it (see `_root`).
    from importlib.resources.abc import Traversable

PACKAGE = "reader.resources"

#: The sample article opened when there is nothing else to open.
SAMPLE = "samples/trad-textdump/page.txt"


def resource(name: str) -> Traversable:
    """The bundled file or folder `name`, a relative POSIX path such as "style/article.css".

    Raises:
        ValueError: `name` is empty, absolute or climbs out of the resources (`..`).
    """
    pure = PurePosixPath(name)
    if not name or "\\" in name or pure.is_absolute() or ".." in pure.parts:
        raise ValueError(f"not a resource name: {name!r}")
    return _root().joinpath(*pure.parts)


def _root() -> Traversable:
    """The resources' folder: for a package of plain files (a wheel, an editable install)
    the folder of its ``__init__.py``, which is what `importlib.resources.files` answers
    for it; anything else goes through `importlib.resources`."""
    spec = importlib.util.find_spec(PACKAGE)
    if (
        spec is not None
        and spec.origin is not None
        and isinstance(spec.loader, importlib.machinery.SourceFileLoader)
    ):
        return Path(spec.origin).parent
    from importlib import resources  # noqa: PLC0415 - see the TYPE_CHECKING import

    return resources.files(PACKAGE)


def read_text(name: str) -> str:
    """The bundled text file `name` (UTF-8)."""
    return resource(name).read_text(encoding="utf-8")


def path(name: str) -> Path:
    """`name` as a real file-system path, for APIs that want one (Qt's search paths, open).

    Wheels install as plain files, so this is the file itself; a zipped install is not
    supported (Qt could not read from it either).

    Raises:
        ValueError: a bad name (see `resource`), or the resources are not plain files.
    """
    found = resource(name)
    if not isinstance(found, Path):
        raise ValueError(f"the resources are not plain files here: {found!r}")
    return found
