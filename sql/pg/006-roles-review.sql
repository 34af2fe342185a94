-- 006 (PostgreSQL): three roles and the review of contributors' drafts,
-- as sql/006-roles-review.sql.  PostgreSQL changes the CHECK constraint
-- in place, where SQLite rebuilds the table.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('admin', 'editor', 'contributor'));

-- A draft a contributor submitted waits in the editors' queue until an
-- editor publishes it or returns it with a note.
ALTER TABLE articles ADD COLUMN submitted_at bigint; -- in the queue since; NULL: not waiting
ALTER TABLE articles ADD COLUMN review_note text COLLATE "C" NOT NULL DEFAULT ''; -- the last editor's note to the writer
-- The editors' queue: oldest first.
CREATE INDEX articles_queue ON articles(submitted_at)
    WHERE submitted_at IS NOT NULL;
-- A writer's own articles, last changed first.
CREATE INDEX articles_author ON articles(author_id, modified_at DESC);
