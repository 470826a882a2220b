-- Run once by the postgres image when its data directory is created (docker-compose.yml).
-- The service's role owns its database (it runs the migrations) but is neither a superuser nor
-- BYPASSRLS: row-level security, forced on every tenant table, applies to it
-- (docs/decisions/0010-row-level-security-and-logs.md).
CREATE ROLE mastery LOGIN PASSWORD 'mastery' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
CREATE DATABASE mastery OWNER mastery;
