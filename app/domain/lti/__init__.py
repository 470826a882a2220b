"""LTI 1.3: what a launch from a district's LMS means for the service (pure rules, no I/O)."""
