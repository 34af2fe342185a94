-- 002 (PostgreSQL): published articles counted per day, for the
-- archive, as sql/002-archive-days.sql.
--
-- article_days holds the count per UTC day (published_at / 86400) of
-- articles whose status is 'published', scheduled ones included (see
-- src/store/archive.c).  Triggers keep it, so that every write counts,
-- whoever makes it (the store, the bulk loader, an operator with psql).
CREATE TABLE article_days (
	day	bigint PRIMARY KEY,		-- published_at / 86400 (UTC)
	n	bigint NOT NULL			-- published articles that day
);

INSERT INTO article_days (day, n)
    SELECT published_at / 86400, count(*) FROM articles
    WHERE status = 'published' AND published_at IS NOT NULL
    GROUP BY published_at / 86400;

-- An article arriving on a day (inserted, or updated into it).
CREATE FUNCTION article_days_arrive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO article_days (day, n) VALUES (NEW.published_at / 86400, 1)
	    ON CONFLICT (day) DO UPDATE SET n = article_days.n + 1;
	RETURN NULL;
END;
$$;

-- An article leaving a day (deleted, or updated out of it).
CREATE FUNCTION article_days_leave() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE article_days SET n = n - 1 WHERE day = OLD.published_at / 86400;
	RETURN NULL;
END;
$$;

CREATE TRIGGER article_days_insert AFTER INSERT ON articles
    FOR EACH ROW
    WHEN (NEW.status = 'published' AND NEW.published_at IS NOT NULL)
    EXECUTE FUNCTION article_days_arrive();

CREATE TRIGGER article_days_delete AFTER DELETE ON articles
    FOR EACH ROW
    WHEN (OLD.status = 'published' AND OLD.published_at IS NOT NULL)
    EXECUTE FUNCTION article_days_leave();

-- An update is the old row leaving and the new one arriving (in
-- either order: the sum is the same).
CREATE TRIGGER article_days_arrive AFTER UPDATE OF status, published_at
    ON articles FOR EACH ROW
    WHEN (NEW.status = 'published' AND NEW.published_at IS NOT NULL)
    EXECUTE FUNCTION article_days_arrive();

CREATE TRIGGER article_days_leave AFTER UPDATE OF status, published_at
    ON articles FOR EACH ROW
    WHEN (OLD.status = 'published' AND OLD.published_at IS NOT NULL)
    EXECUTE FUNCTION article_days_leave();
