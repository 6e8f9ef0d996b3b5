"""`python -m reader`: the same entry point as main.py and the `qingdu` command."""

from reader.app import main

if __name__ == "__main__":  # not when the loading worker process imports this (spawn)
    raise SystemExit(main())
