-- 006: three roles and the review of contributors' drafts.
--
-- users.role gains 'contributor' (writes and submits their own drafts,
-- publishes nothing).  SQLite cannot change a CHECK constraint in
-- place, so the table is rebuilt as its documentation prescribes; the
-- migration runs with foreign keys off and checks them before it
-- commits (store_migrate), so sessions and articles keep their users.
CREATE TABLE users_new (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,	-- login name, [a-z0-9._-]
	display		TEXT NOT NULL,		-- shown in the admin pages
	role		TEXT NOT NULL
			    CHECK (role IN ('admin', 'editor', 'contributor')),
	pw_hash		TEXT NOT NULL,		-- crypto_pwhash_str (argon2id)
	disabled	INTEGER NOT NULL DEFAULT 0, -- 1: may not log in
	created_at	INTEGER NOT NULL
);
INSERT INTO users_new (id, name, display, role, pw_hash, disabled,
    created_at)
    SELECT id, name, display, role, pw_hash, disabled, created_at
    FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

-- A draft a contributor submitted waits in the editors' queue until an
-- editor publishes it or returns it with a note.
ALTER TABLE articles ADD COLUMN submitted_at INTEGER; -- in the queue since; NULL: not waiting
ALTER TABLE articles ADD COLUMN review_note TEXT NOT NULL DEFAULT ''; -- the last editor's note to the writer
-- The editors' queue: oldest first.
CREATE INDEX articles_queue ON articles(submitted_at)
    WHERE submitted_at IS NOT NULL;
-- A writer's own articles, last changed first.
CREATE INDEX articles_author ON articles(author_id, modified_at DESC);
