"""The LTI tool's adapters: its keys, the platforms' keys, and what launches leave behind."""
