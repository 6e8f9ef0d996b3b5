"""The files bundled with Qingdu (samples, style sheets, icons), found one way everywhere.

The repository keeps them in the top-level `resources/` folder; pyproject.toml installs that
folder as the package `reader.resources`, both in a wheel and in an editable install, so
`importlib.resources` finds them wherever the app runs from. Nothing else in the app
knows where they are.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

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
    return resources.files(PACKAGE).joinpath(*pure.parts)


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
