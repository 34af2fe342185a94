-- 005: photographs.  Each upload is processed once into its variants
-- (src/cli/media_process.c), files named by the start of the upload's
-- SHA-256 in the media folder; a row here describes them.  The upload
-- itself, with its metadata, is not kept.
CREATE TABLE media (
	id		INTEGER PRIMARY KEY,
	hash		TEXT NOT NULL UNIQUE,	-- 20 hex digits: HASH-WIDTH.webp, .jpg
	width		INTEGER NOT NULL,	-- the largest variant's, upright, pixels
	height		INTEGER NOT NULL,
	widths		TEXT NOT NULL,		-- the variants' widths, ascending: "320,640,960"
	alt		TEXT NOT NULL DEFAULT '', -- for readers who cannot see it
	caption		TEXT NOT NULL DEFAULT '',
	credit		TEXT NOT NULL DEFAULT '',
	filename	TEXT NOT NULL DEFAULT '', -- as uploaded, shown to editors only
	bytes		INTEGER NOT NULL,	-- the upload's size
	user_id		INTEGER REFERENCES users(id), -- who uploaded it
	created_at	INTEGER NOT NULL
);

-- An article's lead photograph, shown at the top of its page and in
-- link previews.
CREATE TABLE article_media (
	article_id	INTEGER PRIMARY KEY REFERENCES articles(id),
	media_id	INTEGER NOT NULL REFERENCES media(id)
);
-- Where an image is used (the library shows it; deletion checks it).
CREATE INDEX article_media_media ON article_media(media_id);
