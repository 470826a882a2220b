"""Durable jobs: runners that run a job from its row (kind + JSON arguments)."""
