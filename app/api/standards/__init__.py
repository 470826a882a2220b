"""Endpoints in the IMS standards' own shapes: the OneRoster 1.2 gradebook (and CASE)."""
