-- 001-init.sql: Gazette's first schema.
--
-- Conventions: times are INTEGER seconds since the Unix epoch, UTC, always
-- computed in C and bound (never datetime('now') here), so that the same
-- statements work on another database.  Every id is an explicit INTEGER
-- PRIMARY KEY; nothing relies on an implicit rowid.  Status columns are
-- TEXT with CHECK constraints, readable in a shell.

-- Editors and admins.  Readers have no accounts.
CREATE TABLE users (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,	-- login name, [a-z0-9._-]
	display		TEXT NOT NULL,		-- shown in the admin pages
	role		TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
	pw_hash		TEXT NOT NULL,		-- crypto_pwhash_str (argon2id)
	disabled	INTEGER NOT NULL DEFAULT 0, -- 1: may not log in
	created_at	INTEGER NOT NULL
);

-- Editor sessions.  Only a hash of the cookie's token is stored, so a
-- copy of the database does not let anyone log in.
CREATE TABLE sessions (
	id		INTEGER PRIMARY KEY,
	token_hash	BLOB NOT NULL UNIQUE,	-- BLAKE2b of the cookie token
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf		TEXT NOT NULL,		-- per-session CSRF token
	created_at	INTEGER NOT NULL,	-- absolute expiry counts from here
	seen_at		INTEGER NOT NULL,	-- idle expiry counts from here
	expires_at	INTEGER NOT NULL	-- absolute expiry
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expiry ON sessions(expires_at);

-- Articles.  A deleted article is withdrawn, not erased: its status
-- becomes 'deleted', readers get 410, and its revisions stay.
CREATE TABLE articles (
	-- Small columns first, the bodies last: a listing or a status check
	-- reads a row from its start, and should not have to walk the
	-- overflow pages of a body to reach them.
	id		INTEGER PRIMARY KEY,
	status		TEXT NOT NULL DEFAULT 'draft'
			    CHECK (status IN ('draft', 'published', 'deleted')),
	published_at	INTEGER,		-- goes live then; may be in the future
	updated_at	INTEGER,		-- last update/correction shown to readers
	created_at	INTEGER NOT NULL,
	modified_at	INTEGER NOT NULL,	-- any change at all: cache validation
	comments	TEXT NOT NULL DEFAULT 'open'
			    CHECK (comments IN ('open', 'closed', 'hidden')),
	comment_count	INTEGER NOT NULL DEFAULT 0, -- approved comments, kept by the store
	author_id	INTEGER REFERENCES users(id), -- the editor who created it
	slug		TEXT NOT NULL UNIQUE,	-- URL: /articles/<slug>
	headline	TEXT NOT NULL,
	summary		TEXT NOT NULL DEFAULT '', -- the dek under the headline
	byline		TEXT NOT NULL DEFAULT '', -- "By Jane Doe", as filed
	dateline	TEXT NOT NULL DEFAULT '', -- place line: "MOSCOW"
	source		TEXT NOT NULL DEFAULT '', -- "Reported by ..." line
	tag_list	TEXT NOT NULL DEFAULT '', -- "slug\tname\n" per tag, kept by the store for listings
	body_md		TEXT NOT NULL DEFAULT '', -- Markdown, as the editor wrote it
	body_html	TEXT NOT NULL DEFAULT ''  -- cmark output, rendered at save
);
-- The front page, archives and feeds: live articles, newest first.
CREATE INDEX articles_live ON articles(status, published_at DESC, id DESC);
-- Is article N live?  Answered from this small index alone, without
-- reading the (large) article row: search ranks hits by number.
CREATE INDEX articles_state ON articles(id, status, published_at);
-- The editors' dashboard: drafts and the like, last changed first.
CREATE INDEX articles_status ON articles(status, modified_at DESC);

-- Old slugs of articles whose slug changed: /articles/<old> answers 301.
CREATE TABLE article_slugs (
	slug		TEXT PRIMARY KEY,
	article_id	INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);

CREATE TABLE tags (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL,		-- as written: "human rights in Russia"
	slug		TEXT NOT NULL UNIQUE,	-- URL: /tags/<slug>
	article_count	INTEGER NOT NULL DEFAULT 0 -- published articles, kept by the store
);

CREATE INDEX tags_name ON tags(name COLLATE NOCASE, id);

-- Old slugs of renamed or merged tags: /tags/<old> answers 301.
CREATE TABLE tag_slugs (
	slug		TEXT PRIMARY KEY,
	tag_id		INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE
);

-- Which article carries which tag.  published_at and live copy the
-- article's, so that a tag page is one index range scan, newest first.
CREATE TABLE article_tags (
	article_id	INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	tag_id		INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
	position	INTEGER NOT NULL,	-- order as the editor listed them
	published_at	INTEGER,		-- copy of articles.published_at
	live		INTEGER NOT NULL DEFAULT 0, -- 1 when the article is published
	PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag ON article_tags(tag_id, live, published_at DESC, article_id DESC);
-- Scheduled articles' tags: few rows, found by time.  tags.article_count
-- counts them already; readers' counts take them off until they are due.
CREATE INDEX article_tags_due ON article_tags(published_at, tag_id) WHERE live = 1;

-- Readers' comments.  Every accepted POST is a row, spam included
-- (status 'rejected'), so that nothing answered with a redirect is lost.
CREATE TABLE comments (
	id		INTEGER PRIMARY KEY,
	article_id	INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	author		TEXT NOT NULL,		-- display name, plain text
	body		TEXT NOT NULL,		-- plain text, as typed
	status		TEXT NOT NULL DEFAULT 'pending'
			    CHECK (status IN ('pending', 'approved', 'rejected')),
	created_at	INTEGER NOT NULL,
	ip_hash		BLOB,			-- salted hash of the client address
	author_token	BLOB,			-- hash of the returning-author cookie
	reason		TEXT NOT NULL DEFAULT '', -- why it was held or rejected
	body_hash	BLOB			-- for catching double submissions
);
CREATE INDEX comments_article ON comments(article_id, status, id);
CREATE INDEX comments_status ON comments(status, created_at DESC);
CREATE INDEX comments_ip ON comments(ip_hash, created_at);
CREATE INDEX comments_dup ON comments(article_id, body_hash, created_at);
-- Posting (issue 4): under the first-time policy, is this returning
-- author (the hash of their cookie's token) approved already?
CREATE INDEX comments_author ON comments(author_token, status)
    WHERE author_token IS NOT NULL;

-- Every save of an article, append-only: no statement updates or
-- deletes a row here.
CREATE TABLE revisions (
	id		INTEGER PRIMARY KEY,
	article_id	INTEGER NOT NULL REFERENCES articles(id),
	user_id		INTEGER REFERENCES users(id),
	created_at	INTEGER NOT NULL,
	kind		TEXT NOT NULL DEFAULT 'edit', -- edit, typo, update, correction, restore, import
	headline	TEXT NOT NULL,
	summary		TEXT NOT NULL,
	byline		TEXT NOT NULL,
	dateline	TEXT NOT NULL,
	source		TEXT NOT NULL,
	body_md		TEXT NOT NULL,
	tags		TEXT NOT NULL,		-- the comma-separated field
	slug		TEXT NOT NULL,
	status		TEXT NOT NULL,
	published_at	INTEGER
);
CREATE INDEX revisions_article ON revisions(article_id, id);

-- Updates and corrections shown to readers on the article page.
CREATE TABLE corrections (
	id		INTEGER PRIMARY KEY,
	article_id	INTEGER NOT NULL REFERENCES articles(id),
	kind		TEXT NOT NULL CHECK (kind IN ('update', 'correction')),
	note		TEXT NOT NULL,
	created_at	INTEGER NOT NULL
);
CREATE INDEX corrections_article ON corrections(article_id, created_at);
CREATE INDEX corrections_kind ON corrections(kind, created_at DESC);

-- Failed logins and comment posts, for throttling.  Keys are hashes
-- ("login:user:<name>", "login:ip:<hash>", ...); old rows are pruned.
CREATE TABLE throttle (
	key		TEXT NOT NULL,
	at		INTEGER NOT NULL
);
CREATE INDEX throttle_key ON throttle(key, at);

-- One row: a counter that every write transaction moves, and when.
-- Entity tags and the in-process page cache compare it to know whether
-- anything changed, the same way in every thread and process.
CREATE TABLE meta (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	generation	INTEGER NOT NULL,
	changed_at	INTEGER NOT NULL	-- time of the last write
);
INSERT INTO meta (id, generation, changed_at) VALUES (1, 1, 0);

-- Site-wide values the code keeps: secrets made on first start.
CREATE TABLE settings (
	key		TEXT PRIMARY KEY,
	value		TEXT NOT NULL
);

-- Full-text index of published articles.  It keeps its own copy of the
-- text (headline, summary, body as plain text, tag names); its rowid is
-- the article's id.  The store updates it in the same transaction as
-- every change to an article; there are no triggers, since triggers
-- writing a virtual table fail under PRAGMA trusted_schema=OFF.
CREATE VIRTUAL TABLE articles_fts USING fts5(
	headline, summary, body, tags,
	tokenize = 'unicode61 remove_diacritics 2'
);
