"""The ports: what the use cases need from the world, as Protocols the adapters implement,
one module per area."""
