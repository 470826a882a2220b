"""Open Badges 3.0 / CLR 2.0 credentials: the issuer's keys (JOSE by joserfc) and the store."""
