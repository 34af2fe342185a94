-- 003: the index behind tag counts' scheduled articles, for databases
-- made before it joined 001-init.sql (which a migration already applied
-- must never gain again: this one repairs them).  The statement that
-- needs it names it (INDEXED BY, src/store/stmt.c), so a database
-- without it cannot serve; on one that has it, this does nothing.
CREATE INDEX IF NOT EXISTS article_tags_due ON article_tags(published_at, tag_id)
    WHERE live = 1;
