-- 004: the purge outbox.  Every write that changes what readers see
-- adds rows here, in its own transaction, naming what changed; the app
-- turns them into the cache keys to purge (src/purge.c) and sends the
-- purges to every configured cache node, oldest first.  A row stays
-- until every node has acknowledged it, so that a node that was down is
-- purged when it returns.
CREATE TABLE purge_outbox (
	-- AUTOINCREMENT: ids are never reused, even after old rows are
	-- pruned, so that a node's cursor (purge_nodes.acked) never passes a
	-- row it has not seen.
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	kind		TEXT NOT NULL
			    CHECK (kind IN ('article', 'tag', 'site')),
	slug		TEXT NOT NULL DEFAULT '', -- the article's or tag's slug then
	ref		INTEGER,		-- the article's or tag's id
	at		INTEGER,		-- an article's published_at: its archive month
	created_at	INTEGER NOT NULL	-- when the write committed
);

-- The cache nodes purges go to, and how far each has acknowledged.
-- Writes add outbox rows only while there is a node to purge.
CREATE TABLE purge_nodes (
	node		TEXT PRIMARY KEY,	-- as configured: http://HOST:PORT or unix:PATH
	listed_at	INTEGER NOT NULL,	-- when a serving app last started with it
	acked		INTEGER NOT NULL DEFAULT 0, -- every outbox id <= this is purged there
	acked_at	INTEGER,		-- when it last acknowledged
	failed_at	INTEGER,		-- when a purge to it last failed
	error		TEXT NOT NULL DEFAULT '' -- why, for /admin and gazette check
);

-- An article's and a tag's old slugs, found by their owner: a write
-- names them all in the outbox, since each old address now answers
-- differently (it redirects elsewhere, or is gone).
CREATE INDEX article_slugs_article ON article_slugs(article_id);
CREATE INDEX tag_slugs_tag ON tag_slugs(tag_id);
