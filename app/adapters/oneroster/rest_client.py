"""Placeholder, replaced by the REST sync client."""

from __future__ import annotations


class HttpRosterProviders:
    pass
