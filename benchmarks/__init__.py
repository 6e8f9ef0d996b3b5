"""Speed and memory measurements, printed as tables (`python -m benchmarks.<name>`)."""
