"""Grade rules: the language districts write them in, and their evaluation."""
