"""Endpoints in the IMS standards' own shapes: the CASE 1.0 provider, the OneRoster 1.2
gradebook."""
