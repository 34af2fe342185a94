-- 012: the library images an article's text shows (![note](media:ID)),
-- kept in step with its rendered body at every save: the library says
-- where an image is used and refuses to delete it, and a change of its
-- alt text, caption or credit purges those pages.  media_id is what the
-- text names, which may be no image (any more): no foreign key.
CREATE TABLE article_body_media (
	article_id	INTEGER NOT NULL REFERENCES articles(id),
	media_id	INTEGER NOT NULL,
	PRIMARY KEY (article_id, media_id)
) WITHOUT ROWID;
CREATE INDEX article_body_media_media ON article_body_media(media_id);
