-- 013 (PostgreSQL): a revision's authors, as sql/013-revision-authors.sql.
ALTER TABLE revisions ADD COLUMN authors text;
