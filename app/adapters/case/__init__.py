"""CASE 1.0: package JSON read and written, and the client of other CASE providers."""
