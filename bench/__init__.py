"""Benchmarks: figures and ratios against budgets, printed as one table (make bench)."""
