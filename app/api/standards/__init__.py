"""Standards endpoints: CASE 1.0 provider (and, later, the OneRoster gradebook)."""
