"""The library: the user's folders of saved pages, indexed for listing and full-text search.

Qt-free, like `reader.core`, whose `load_article` cleans every page it indexes:

- ``index``: the SQLite file (where it lives, setting a bad file aside) and its rows;
- ``schema``: its tables, migrations and checks, and how texts are stored;
- ``scan``: walking the folders and cleaning new and changed pages in worker processes;
- ``fold``: text folded to one script and width, Han characters as single tokens;
- ``search``: full-text queries in either script, with marked snippets.
"""
