"""`python -m reader`: the same entry point as main.py and the `qingdu` command."""

from reader.app import main

raise SystemExit(main())
