"""The LTI tool's doors: browser endpoints (/lti/login, /lti/launch, /lti/jwks.json, /lti/config)
and the admin API of platform registrations (/v1/lti/platforms)."""
