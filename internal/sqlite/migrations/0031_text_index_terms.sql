-- PostgreSQL's text index keeps each message's terms in a column of their own (migrations_postgres 0031).
-- SQLite's FTS5 index needs no such column: nothing changes here.
SELECT 1;
