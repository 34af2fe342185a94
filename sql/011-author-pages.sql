-- 011: author pages.  An account has a public address, /authors/<slug>,
-- and an article may name several accounts as its authors; a free-text
-- byline stays for wire copy and outside writers.

-- The account's public slug: made from its display name when the
-- account is made (unique: "jane-doe", "jane-doe-2" ...) and kept when
-- the name changes, so that links to the page keep working.  Accounts
-- made before this migration get theirs from `gazette migrate` right
-- after it (the slug comes from the same C function as articles' and
-- tags'), so the column may be NULL until then.
ALTER TABLE users ADD COLUMN slug TEXT; -- /authors/<slug>
CREATE UNIQUE INDEX users_slug ON users(slug);

-- An article's authors who are accounts, in byline order.  published_at
-- and live copy the article's (as article_tags do), so that an author
-- page is one index range scan, newest first.
CREATE TABLE article_authors (
	article_id	INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	user_id		INTEGER NOT NULL REFERENCES users(id),
	position	INTEGER NOT NULL,	-- 0 first, as the editor listed them
	published_at	INTEGER,		-- copy of articles.published_at
	live		INTEGER NOT NULL DEFAULT 0, -- 1 when the article is published
	PRIMARY KEY (article_id, user_id)
);
CREATE INDEX article_authors_user ON article_authors(user_id, live,
    published_at DESC, article_id DESC);

-- A contributor's articles are theirs: they wrote them.  (Editors'
-- articles keep their free-text bylines: an editor files wire copy too.)
INSERT INTO article_authors (article_id, user_id, position, published_at,
    live)
    SELECT a.id, a.author_id, 0, a.published_at,
        CASE WHEN a.status = 'published' THEN 1 ELSE 0 END
    FROM articles a JOIN users u ON u.id = a.author_id
    WHERE u.role = 'contributor';

-- The newsroom's list of articles of every status, most recently
-- changed first (a list of one status uses articles_status).
CREATE INDEX articles_modified ON articles(modified_at DESC, id DESC);

-- The purge outbox names author pages too: kind 'author' (the slug, the
-- account's id).  SQLite cannot change a CHECK constraint in place, so
-- the table is rebuilt; its AUTOINCREMENT counter moves with it, so
-- that no id is ever used twice (cache nodes' cursors rely on it).
CREATE TABLE purge_outbox_new (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	kind		TEXT NOT NULL
			    CHECK (kind IN ('article', 'tag', 'author', 'site')),
	slug		TEXT NOT NULL DEFAULT '', -- the article's, tag's or author's slug then
	ref		INTEGER,		-- the article's, tag's or account's id
	at		INTEGER,		-- an article's published_at: its archive month
	created_at	INTEGER NOT NULL	-- when the write committed
);
INSERT INTO purge_outbox_new (id, kind, slug, ref, at, created_at)
    SELECT id, kind, slug, ref, at, created_at FROM purge_outbox;
DELETE FROM sqlite_sequence WHERE name = 'purge_outbox_new';
UPDATE sqlite_sequence SET name = 'purge_outbox_new'
    WHERE name = 'purge_outbox';
DROP TABLE purge_outbox;
ALTER TABLE purge_outbox_new RENAME TO purge_outbox;
