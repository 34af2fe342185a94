-- 008 (PostgreSQL): revisions are numbered per article, 1, 2, 3 ...,
-- as sql/008-revision-numbers.sql.
ALTER TABLE revisions ADD COLUMN number bigint NOT NULL DEFAULT 0; -- the article's 1st, 2nd ... revision
UPDATE revisions SET number = (SELECT count(*) FROM revisions r2
    WHERE r2.article_id = revisions.article_id AND r2.id <= revisions.id);
CREATE UNIQUE INDEX revisions_number ON revisions(article_id, number);
