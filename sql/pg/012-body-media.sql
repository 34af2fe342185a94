-- 012 (PostgreSQL): the library images an article's text names, as
-- sql/012-body-media.sql (rewritten at every save of the article).
CREATE TABLE article_body_media (
	article_id	bigint NOT NULL REFERENCES articles(id),
	media_id	bigint NOT NULL,
	PRIMARY KEY (article_id, media_id)
);
CREATE INDEX article_body_media_media ON article_body_media(media_id);
