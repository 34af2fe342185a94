-- 013: a revision records the article's authors who are accounts, as
-- the form's Authors field names them (login names in byline order,
-- ", " between; '' for none), so that a change of authors shows in the
-- revisions' differences and restoring a revision restores them.  NULL
-- in the revisions made before: not recorded.
ALTER TABLE revisions ADD COLUMN authors TEXT;
