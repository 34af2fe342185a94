/*
 * stmt.c: the SQL text of every statement in enum stmt.
 *
 * Parameters are always bound (?N), never pasted.  Times come from C.
 * Listings use keyset pagination ("older than this row") over the
 * indexes named in sql/, so their cost does not grow with depth.
 */
#include "stmt.h"

/* The columns of an article in listings: no body. */
#define ARTICLE_LIST_COLS \
	"a.id, a.slug, a.headline, a.summary, a.byline, a.dateline, " \
	"a.source, a.status, a.published_at, a.updated_at, a.created_at, " \
	"a.modified_at, a.comments, a.comment_count, a.tag_list"

/* The same with the body, for one article. */
#define ARTICLE_FULL_COLS ARTICLE_LIST_COLS ", a.body_md, a.body_html"

/* Live means published and due: the query, not a timer, decides. */
#define LIVE "a.status = 'published' AND a.published_at <= ?1"

const char *const stmt_sql[ST__MAX] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	[ST_GENERATION] = "SELECT generation, changed_at FROM meta WHERE id = 1",
	[ST_GENERATION_BUMP] =
	    "UPDATE meta SET generation = generation + 1, changed_at = ?1"
	    " WHERE id = 1",

	[ST_SETTING_GET] = "SELECT value FROM settings WHERE key = ?1",
	[ST_SETTING_PUT] =
	    "INSERT INTO settings (key, value) VALUES (?1, ?2) "
	    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",

	[ST_ARTICLE_BY_SLUG] =
	    "SELECT " ARTICLE_FULL_COLS " FROM articles a WHERE a.slug = ?1",
	[ST_ARTICLE_BY_ID] =
	    "SELECT " ARTICLE_FULL_COLS " FROM articles a WHERE a.id = ?1",
	[ST_ARTICLE_OLD_SLUG] =
	    "SELECT a.slug FROM article_slugs s "
	    "JOIN articles a ON a.id = s.article_id WHERE s.slug = ?1",
	[ST_ARTICLES_LIVE] =
	    "SELECT " ARTICLE_LIST_COLS " FROM articles a WHERE " LIVE
	    " ORDER BY a.published_at DESC, a.id DESC LIMIT ?4",
	[ST_ARTICLES_LIVE_BEFORE] =
	    "SELECT " ARTICLE_LIST_COLS " FROM articles a WHERE " LIVE
	    " AND (a.published_at, a.id) < (?2, ?3)"
	    " ORDER BY a.published_at DESC, a.id DESC LIMIT ?4",
	[ST_ARTICLES_LIVE_AFTER] =
	    "SELECT " ARTICLE_LIST_COLS " FROM articles a WHERE " LIVE
	    " AND (a.published_at, a.id) > (?2, ?3)"
	    " ORDER BY a.published_at ASC, a.id ASC LIMIT ?4",
	[ST_ARTICLES_TAG] =
	    "SELECT " ARTICLE_LIST_COLS " FROM article_tags t "
	    "JOIN articles a ON a.id = t.article_id "
	    "WHERE t.tag_id = ?5 AND t.live = 1 AND t.published_at <= ?1"
	    " ORDER BY t.published_at DESC, t.article_id DESC LIMIT ?4",
	[ST_ARTICLES_TAG_BEFORE] =
	    "SELECT " ARTICLE_LIST_COLS " FROM article_tags t "
	    "JOIN articles a ON a.id = t.article_id "
	    "WHERE t.tag_id = ?5 AND t.live = 1 AND t.published_at <= ?1"
	    " AND (t.published_at, t.article_id) < (?2, ?3)"
	    " ORDER BY t.published_at DESC, t.article_id DESC LIMIT ?4",
	[ST_ARTICLES_TAG_AFTER] =
	    "SELECT " ARTICLE_LIST_COLS " FROM article_tags t "
	    "JOIN articles a ON a.id = t.article_id "
	    "WHERE t.tag_id = ?5 AND t.live = 1 AND t.published_at <= ?1"
	    " AND (t.published_at, t.article_id) > (?2, ?3)"
	    " ORDER BY t.published_at ASC, t.article_id ASC LIMIT ?4",
	[ST_NEXT_SCHEDULED] =
	    "SELECT min(published_at) FROM articles "
	    "WHERE status = 'published' AND published_at > ?1",

	[ST_ARTICLE_INSERT] =
	    "INSERT INTO articles (slug, headline, summary, byline, dateline,"
	    " source, body_md, body_html, status, published_at, updated_at,"
	    " created_at, modified_at, tag_list, author_id)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12,"
	    " ?13, ?14) RETURNING id",
	[ST_ARTICLE_UPDATE] =
	    "UPDATE articles SET slug = ?2, headline = ?3, summary = ?4,"
	    " byline = ?5, dateline = ?6, source = ?7, body_md = ?8,"
	    " body_html = ?9, status = ?10, published_at = ?11,"
	    " updated_at = ?12, modified_at = ?13, tag_list = ?14"
	    " WHERE id = ?1",
	[ST_ARTICLE_STATE] =
	    "SELECT slug, status, published_at, updated_at FROM articles"
	    " WHERE id = ?1",
	[ST_SLUG_OWNER] =
	    "SELECT id FROM articles WHERE slug = ?1 UNION ALL "
	    "SELECT article_id FROM article_slugs WHERE slug = ?1",
	[ST_OLD_SLUG_PUT] =
	    "INSERT INTO article_slugs (slug, article_id) VALUES (?1, ?2) "
	    "ON CONFLICT (slug) DO UPDATE SET article_id = excluded.article_id",
	[ST_OLD_SLUG_DELETE] = "DELETE FROM article_slugs WHERE slug = ?1",
	[ST_ARTICLE_TAG_IDS] =
	    "SELECT tag_id FROM article_tags WHERE article_id = ?1",
	[ST_ARTICLE_TAGS_DELETE] =
	    "DELETE FROM article_tags WHERE article_id = ?1",
	[ST_ARTICLE_TAG_INSERT] =
	    "INSERT INTO article_tags (article_id, tag_id, position,"
	    " published_at, live) VALUES (?1, ?2, ?3, ?4, ?5) "
	    "ON CONFLICT (article_id, tag_id) DO NOTHING",
	[ST_REVISION_INSERT] =
	    "INSERT INTO revisions (article_id, user_id, created_at, kind,"
	    " headline, summary, byline, dateline, source, body_md, tags,"
	    " slug, status, published_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
	    " ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
	[ST_FTS_DELETE] = "DELETE FROM articles_fts WHERE rowid = ?1",
	[ST_FTS_INSERT] =
	    "INSERT INTO articles_fts (rowid, headline, summary, body, tags)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",

	[ST_TAG_BY_SLUG] =
	    "SELECT id, name, slug, article_count FROM tags WHERE slug = ?1",
	[ST_TAG_OLD_SLUG] =
	    "SELECT t.slug FROM tag_slugs s JOIN tags t ON t.id = s.tag_id"
	    " WHERE s.slug = ?1",
	[ST_TAG_INSERT] =
	    "INSERT INTO tags (name, slug) VALUES (?1, ?2) RETURNING id",
	[ST_TAG_COUNT_ADD] =
	    "UPDATE tags SET article_count = article_count + ?2 WHERE id = ?1",
	[ST_TAGS_ALL] =
	    "SELECT id, name, slug, article_count FROM tags"
	    " WHERE article_count > 0 ORDER BY name COLLATE NOCASE, id",

	[ST_COMMENTS_APPROVED] =
	    "SELECT id, article_id, author, body, status, created_at"
	    " FROM comments WHERE article_id = ?1 AND status = 'approved'"
	    " AND id > ?2 ORDER BY id LIMIT ?3",
	[ST_COMMENT_INSERT] =
	    "INSERT INTO comments (article_id, author, body, status,"
	    " created_at, ip_hash, author_token, reason, body_hash)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
	[ST_ARTICLE_COMMENT_COUNT_ADD] =
	    "UPDATE articles SET comment_count = comment_count + ?2"
	    " WHERE id = ?1",

	/* Comments, posting (issue 4). */
	[ST_SETTING_INIT] =
	    "INSERT INTO settings (key, value) VALUES (?1, ?2) "
	    "ON CONFLICT (key) DO NOTHING",
	[ST_COMMENT_DUPLICATE] =
	    "SELECT id, status FROM comments WHERE article_id = ?1"
	    " AND body_hash = ?2 AND created_at >= ?3 ORDER BY id DESC LIMIT 1",
	/* The limit-th newest comment from an address inside the window. */
	[ST_COMMENT_RATE] =
	    "SELECT created_at FROM comments WHERE ip_hash = ?1"
	    " AND created_at > ?2 ORDER BY created_at DESC LIMIT 1 OFFSET ?3",
	[ST_COMMENT_AUTHOR_KNOWN] =
	    "SELECT 1 FROM comments WHERE author_token = ?1"
	    " AND status = 'approved' LIMIT 1",
	[ST_ARTICLE_COMMENT_APPROVED] =
	    "UPDATE articles SET comment_count = comment_count + 1,"
	    " modified_at = ?2 WHERE id = ?1",

	/* Bulk loading for `gazette generate` (issue 6). */
	[ST_BULK_ANY_ARTICLE] = "SELECT id FROM articles LIMIT 1",
	[ST_BULK_ARTICLE_INSERT] =
	    "INSERT INTO articles (slug, headline, summary, byline, dateline,"
	    " source, body_md, body_html, status, published_at, updated_at,"
	    " created_at, modified_at, comment_count, tag_list)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, NULL, ?11, ?11,"
	    " ?12, ?13) RETURNING id",
	[ST_BULK_COMMENT_INSERT] =
	    "INSERT INTO comments (article_id, author, body, status,"
	    " created_at) VALUES (?1, ?2, ?3, 'approved', ?4)",
};
