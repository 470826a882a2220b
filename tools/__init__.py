"""Tools for the project's own checks (not shipped with the service)."""
