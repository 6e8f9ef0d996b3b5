"""Qingdu 清讀: a desktop reader for saved Chinese articles."""

__version__ = "0.1.0"
