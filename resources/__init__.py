"""The files Qingdu reads at run time: samples, style sheets, icons, the desktop entry.

This folder is installed as the package `reader.resources` (see `package-dir` in
pyproject.toml) and read only through `reader.assets`; it holds no code.
"""
