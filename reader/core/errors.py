"""The core's own exception types: every failure the UI or CLI reports is one of these."""


class ReaderError(Exception):
    """Base class: a saved page could not be turned into an article.

    The message is one complete sentence fit to show a user as is.
    """


class LoadError(ReaderError):
    """The file cannot be read or decoded (missing, a folder, no permission, empty, binary)."""


class NoArticleError(ReaderError):
    """The file was read, but no article text could be found in it."""


class ScriptError(ReaderError):
    """Script conversion is unavailable (e.g. a conflicting `opencc` package is installed)."""
