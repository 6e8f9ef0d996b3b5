"""Input formats: one module per container, each a `sniff(source)` and a `read(source)`
listed in the table of `reader.core.load`."""
