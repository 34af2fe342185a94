-- 002: published articles counted per day, for the archive (issue 6:
-- counts kept as counters, not counted per request).
--
-- /archive shows every month with its number of articles.  Counting
-- them per request reads every published article's index entry (12 ms
-- at 100,000 articles, after every write).  article_days holds the
-- count per UTC day (published_at / 86400) of articles whose status is
-- 'published', scheduled ones included; a month in the site's time
-- zone is the sum of its whole past days plus an index count of the
-- partial days at its ends and of today (see src/store/archive.c),
-- so neither the time zone nor the clock is baked into the table.
--
-- Triggers keep it, so that every write counts, whoever makes it (the
-- store, the bulk loader, an operator with the sqlite3 shell).  They
-- write an ordinary table and call no function, which trusted_schema
-- =OFF allows; the search index, a virtual table, is kept by the
-- store's code instead.
CREATE TABLE article_days (
	day	INTEGER PRIMARY KEY,		-- published_at / 86400 (UTC)
	n	INTEGER NOT NULL		-- published articles that day
);

INSERT INTO article_days (day, n)
    SELECT published_at / 86400, count(*) FROM articles
    WHERE status = 'published' AND published_at IS NOT NULL
    GROUP BY published_at / 86400;

CREATE TRIGGER article_days_insert AFTER INSERT ON articles
WHEN NEW.status = 'published' AND NEW.published_at IS NOT NULL
BEGIN
	INSERT INTO article_days (day, n) VALUES (NEW.published_at / 86400, 1)
	    ON CONFLICT (day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER article_days_delete AFTER DELETE ON articles
WHEN OLD.status = 'published' AND OLD.published_at IS NOT NULL
BEGIN
	UPDATE article_days SET n = n - 1 WHERE day = OLD.published_at / 86400;
END;

-- An update is the old row leaving and the new one arriving.
CREATE TRIGGER article_days_leave AFTER UPDATE OF status, published_at
ON articles
WHEN OLD.status = 'published' AND OLD.published_at IS NOT NULL
BEGIN
	UPDATE article_days SET n = n - 1 WHERE day = OLD.published_at / 86400;
END;

CREATE TRIGGER article_days_arrive AFTER UPDATE OF status, published_at
ON articles
WHEN NEW.status = 'published' AND NEW.published_at IS NOT NULL
BEGIN
	INSERT INTO article_days (day, n) VALUES (NEW.published_at / 86400, 1)
	    ON CONFLICT (day) DO UPDATE SET n = n + 1;
END;
