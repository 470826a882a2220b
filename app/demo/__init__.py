"""Package data: the demo district as a OneRoster 1.2 CSV set (see app/use_cases/demo.py)."""
