"""Qingdu's Qt user interface (the only package that imports PySide6).

Importing this package applies one interpreter-level workaround, before any PySide6 call
can be made through it (see `_keep_none_alive`).
"""

from __future__ import annotations

import ctypes
import sys


def _keep_none_alive() -> None:
    """Give None a reference count that PySide6 cannot exhaust.

    WORKAROUND for a PySide6 6.12 bug on CPython 3.11 (no upstream report found yet;
    reproduce with `w = QWidget()` and a loop calling `w.setObjectName("x")`): every
    call of a method that returns void hands back Py_None without a new reference, so
    None's count drops by one per call. It starts near 5,000, so after a few minutes
    of scrolling the interpreter aborts with "Fatal Python error: none_dealloc". From
    CPython 3.12 None is immortal (PEP 683) and this does nothing; on 3.11 we raise
    the count to an effectively infinite value, which is what PEP 683 does too.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    # ob_refcnt is the first field of every object in a CPython release build.
    refcnt = ctypes.c_ssize_t.from_address(id(None))
    refcnt.value += 1 << 40


_keep_none_alive()
