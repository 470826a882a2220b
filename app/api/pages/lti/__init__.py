"""The pages an LMS launch opens (student, class, guardian, school), server-rendered from the
page session alone (docs/decisions/00XX-lti-pages.md)."""
