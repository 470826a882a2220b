"""CASE 1.0 (1EdTech's Competencies and Academic Standards Exchange) in the domain's terms:
the package model, the import rules (tree, order, prerequisites, what a re-import changes),
and what a framework looks like when it is served as CASE. JSON lives in app/adapters/case."""
