"""Scorers of each stage against public gold data, for the benchmarks, the evaluation-gate tests
and `tripwire eval`. Nothing in the analysis pipeline imports this package."""
