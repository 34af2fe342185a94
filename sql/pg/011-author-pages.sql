-- 011 (PostgreSQL): author pages, as sql/011-author-pages.sql.  An
-- account's slug (filled in by gazette migrate for existing accounts),
-- an article's account authors with copies of its publication time and
-- state (so that an author page is one index range), the newsroom
-- list's index, and author rows in the purge outbox (here the CHECK is
-- changed in place; SQLite rebuilds the table).
ALTER TABLE users ADD COLUMN slug text COLLATE "C"; -- /authors/<slug>
CREATE UNIQUE INDEX users_slug ON users(slug);

CREATE TABLE article_authors (
	article_id	bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	user_id		bigint NOT NULL REFERENCES users(id),
	position	bigint NOT NULL,	-- 0 first, as the editor listed them
	published_at	bigint,			-- copy of articles.published_at
	live		bigint NOT NULL DEFAULT 0, -- 1 when the article is published
	PRIMARY KEY (article_id, user_id)
);
CREATE INDEX article_authors_user ON article_authors(user_id, live,
    published_at DESC, article_id DESC);

INSERT INTO article_authors (article_id, user_id, position, published_at,
    live)
    SELECT a.id, a.author_id, 0, a.published_at,
        CASE WHEN a.status = 'published' THEN 1 ELSE 0 END
    FROM articles a JOIN users u ON u.id = a.author_id
    WHERE u.role = 'contributor';

CREATE INDEX articles_modified ON articles(modified_at DESC, id DESC);

ALTER TABLE purge_outbox DROP CONSTRAINT purge_outbox_kind_check;
ALTER TABLE purge_outbox ADD CONSTRAINT purge_outbox_kind_check
    CHECK (kind IN ('article', 'tag', 'author', 'site'));
