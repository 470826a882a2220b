"""Data files of the demo district (a CASE package of its mathematics framework)."""
