-- 003 (PostgreSQL): as sql/003-article-tags-due.sql, which repairs
-- SQLite databases made before article_tags_due joined 001-init.sql.
-- Every PostgreSQL database has it from 001: this does nothing, and
-- keeps the numbers in step.
CREATE INDEX IF NOT EXISTS article_tags_due ON article_tags(published_at, tag_id)
    WHERE live = 1;
