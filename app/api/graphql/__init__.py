"""GraphQL for district IT: the whole district in one graph (see schema.py)."""
