"""The pages an LMS launch opens (student, class, guardian, school), server-rendered from the
page session alone (docs/decisions/0039-lti-pages.md)."""
