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

/* An account's columns, in the order store/user.c reads them. */
#define USER_COLS \
	"id, name, display, role, pw_hash, disabled, created_at," \
	" pw_hash = '', bio, totp_secret, totp_step, slug"

/* The columns of a photograph (struct media, media_row()). */
#define MEDIA_COLS \
	"m.id, m.hash, m.width, m.height, m.widths, m.alt, m.caption, " \
	"m.credit, m.filename, m.bytes, m.created_at"

/* How many of the newest matches a search ranks; see ST_SEARCH. */
#define SEARCH_WINDOW	"500"	/* = STORE_SEARCH_COUNT_MAX */

/*
 * Live means published and due: the query, not a timer, decides.  A
 * page "before" a cursor has no "<= now" of its own: article_list()
 * lowers the cursor to now instead, because with two upper bounds
 * SQLite starts the index range at now and walks down to the cursor,
 * which costs as much as an OFFSET (8 ms at 90,000 articles deep).
 */
#define LIVE "a.status = 'published' AND a.published_at <= ?1"
#define PUBLISHED "a.status = 'published'"

/*
 * Readers find articles.  Without ANALYZE statistics, SQLite
 * takes the index articles_status for "status = 'published'" and then
 * scans every published article and sorts them.  likely() tells it that
 * the test is not selective, so that a range of the partial index
 * articles_live (or the primary key) drives the query instead: checked
 * with EXPLAIN QUERY PLAN on 20,000 articles.  It changes no result.
 */
#define PUB_HINT	"likely(status = 'published')"
#define LIVE_HINT	"likely(a.status = 'published') AND a.published_at <= ?1"

const char *const stmt_sql[ST__MAX] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_BEGIN_READ] = "BEGIN DEFERRED",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	[ST_SAVEPOINT] = "SAVEPOINT post",
	[ST_RELEASE] = "RELEASE post",
	[ST_ROLLBACK_TO] = "ROLLBACK TO post",
	[ST_GENERATION] = "SELECT generation, changed_at FROM meta WHERE id = 1",
	[ST_GENERATION_BUMP] =
	    "UPDATE meta SET generation = generation + 1, changed_at = ?1"
	    " WHERE id = 1 RETURNING generation, changed_at",
	/* BEGIN IMMEDIATE holds the write lock already (db.c). */
	[ST_WRITE_LOCK] = "SELECT 1",

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
	    "SELECT " ARTICLE_LIST_COLS " FROM articles a WHERE " PUBLISHED
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
	    "WHERE t.tag_id = ?5 AND t.live = 1"
	    " AND (t.published_at, t.article_id) < (?2, ?3)"
	    " ORDER BY t.published_at DESC, t.article_id DESC LIMIT ?4",
	[ST_ARTICLES_TAG_AFTER] =
	    "SELECT " ARTICLE_LIST_COLS " FROM article_tags t "
	    "JOIN articles a ON a.id = t.article_id "
	    "WHERE t.tag_id = ?5 AND t.live = 1 AND t.published_at <= ?1"
	    " AND (t.published_at, t.article_id) > (?2, ?3)"
	    " ORDER BY t.published_at ASC, t.article_id ASC LIMIT ?4",
	[ST_NEXT_SCHEDULED] =
	    "SELECT (SELECT min(published_at) FROM articles"
	    "   WHERE status = 'published' AND published_at > ?1),"
	    " (SELECT max(published_at) FROM articles"
	    "   WHERE status = 'published' AND published_at <= ?1)",

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
	    " updated_at = ?12, modified_at = ?13, tag_list = ?14,"
	    " submitted_at = CASE ?10 WHEN 'draft' THEN submitted_at END"
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
	/* ?15: the authors as the form's field names them ("kim, jane"). */
	[ST_REVISION_INSERT] =
	    "INSERT INTO revisions (article_id, user_id, created_at, kind,"
	    " headline, summary, byline, dateline, source, body_md, tags,"
	    " slug, status, published_at, number, authors) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
	    " (SELECT coalesce(max(number), 0) + 1 FROM revisions"
	    "  WHERE article_id = ?1), ?15)",
	[ST_REVISION_HEAD] =
	    "SELECT max(id) FROM revisions WHERE article_id = ?1",
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
	/*
	 * Without INDEXED BY, the planner reads the whole of article_tags
	 * through article_tags_tag for the GROUP BY's order (26 ms at
	 * 100,000 articles); the due index holds only the few rows wanted.
	 */
	[ST_TAGS_SCHEDULED] =
	    "SELECT tag_id, count(*) FROM article_tags"
	    " INDEXED BY article_tags_due"
	    " WHERE live = 1 AND published_at > ?1 GROUP BY tag_id",

	[ST_COMMENTS_APPROVED] =
	    "SELECT id, article_id, author, body, status, created_at"
	    " FROM comments WHERE article_id = ?1 AND status = 'approved'"
	    " AND id > ?2 ORDER BY id LIMIT ?3",
	/* Is comment ?2 past the first page of ?3, and after which one? */
	[ST_COMMENT_PAGE] =
	    "SELECT (SELECT id FROM comments WHERE article_id = ?1"
	    "   AND status = 'approved' AND id < ?2 ORDER BY id"
	    "   LIMIT 1 OFFSET ?3 - 1),"
	    " (SELECT max(id) FROM comments WHERE article_id = ?1"
	    "   AND status = 'approved' AND id < ?2)",
	[ST_COMMENT_INSERT] =
	    "INSERT INTO comments (article_id, author, body, status,"
	    " created_at, ip_hash, author_token, reason, body_hash)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
	[ST_ARTICLE_COMMENT_COUNT_ADD] =
	    "UPDATE articles SET comment_count = comment_count + ?2"
	    " WHERE id = ?1",

	/* Comments, posting. */
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
	/*
	 * Readers find articles.  PUB_HINT: see its definition.
	 * Search: ?2 is a query made by
	 * ftsq_build(); bm25 weights are headline, summary, body, tags.
	 * The FTS5 table's rowid is the article's id (sql/001-init.sql).
	 */
	/*
	 * Ranking every match of a common word costs as much as the
	 * archive is large, so only the newest SEARCH_WINDOW matches (by
	 * article number, which follows publication; FTS5 walks them
	 * newest first without scoring the rest) are ranked.  The best
	 * page of those is chosen next, and only its rows get a snippet,
	 * which is the costly part; CROSS JOIN keeps that order, so that
	 * the index is asked about those rows alone.  Whether a hit is live
	 * is read from the small articles_state index (INDEXED BY: SQLite
	 * would otherwise read each large article row for two columns).
	 */
	[ST_SEARCH] =
	    "WITH recent AS (SELECT rowid AS id,"
	    " bm25(articles_fts, 10.0, 4.0, 1.0, 4.0) AS score"
	    " FROM articles_fts WHERE articles_fts MATCH ?2"
	    " ORDER BY rowid DESC LIMIT " SEARCH_WINDOW "),"
	    " hits AS (SELECT r.id AS id, r.score AS score,"
	    " a.published_at AS at FROM recent r"
	    " JOIN articles a INDEXED BY articles_state ON a.id = r.id"
	    " WHERE " LIVE
	    " ORDER BY score, at DESC, id DESC LIMIT ?6 OFFSET ?7)"
	    " SELECT " ARTICLE_LIST_COLS ","
	    " snippet(articles_fts, 2, ?3, ?4, ?5, 24)"
	    " FROM hits CROSS JOIN articles_fts"
	    " CROSS JOIN articles a ON a.id = hits.id"
	    " WHERE articles_fts.rowid = hits.id AND articles_fts MATCH ?2"
	    " ORDER BY hits.score, hits.at DESC, hits.id DESC",
	/* The count stops at ?3: one past what the page can say. */
	[ST_SEARCH_COUNT] =
	    "SELECT count(*) FROM (SELECT 1 FROM (SELECT rowid AS id"
	    " FROM articles_fts WHERE articles_fts MATCH ?2"
	    " ORDER BY rowid DESC LIMIT " SEARCH_WINDOW ") r"
	    " JOIN articles a INDEXED BY articles_state ON a.id = r.id"
	    " WHERE " LIVE " LIMIT ?3)",
	[ST_FTS_CLEAR] = "DELETE FROM articles_fts",
	[ST_FTS_OPTIMIZE] =
	    "INSERT INTO articles_fts (articles_fts) VALUES ('optimize')",
	/* What store_article_save() indexes: published, due or not. */
	[ST_REINDEX_ARTICLES] =
	    "SELECT id, headline, summary, body_md, tag_list FROM articles"
	    " WHERE status = 'published' ORDER BY id",
	[ST_FEED_LIVE] =
	    "SELECT " ARTICLE_FULL_COLS " FROM articles a WHERE " LIVE_HINT
	    " ORDER BY a.published_at DESC, a.id DESC LIMIT ?3",
	[ST_FEED_TAG] =
	    "SELECT " ARTICLE_FULL_COLS " FROM article_tags t "
	    "JOIN articles a ON a.id = t.article_id "
	    "WHERE t.tag_id = ?2 AND t.live = 1 AND t.published_at <= ?1"
	    " AND " LIVE
	    " ORDER BY t.published_at DESC, t.article_id DESC LIMIT ?3",
	/* Archives: index range scans over articles_live. */
	[ST_ARCHIVE_NEWEST_BEFORE] =
	    "SELECT published_at FROM articles"
	    " WHERE " PUB_HINT " AND published_at < ?1"
	    " ORDER BY published_at DESC LIMIT 1",
	[ST_ARCHIVE_OLDEST_FROM] =
	    "SELECT published_at FROM articles"
	    " WHERE " PUB_HINT " AND published_at >= ?2"
	    " AND published_at <= ?1 ORDER BY published_at ASC LIMIT 1",
	/*
	 * Articles in [?1, ?4), by parts: the whole days [?5, ?6) from the
	 * counters of sql/002-archive-days.sql, and what is left at either
	 * end, [?1, ?2) and [?3, ?4), from the index.
	 */
	[ST_ARCHIVE_COUNT] =
	    "SELECT (SELECT coalesce(sum(n), 0) FROM article_days"
	    "   WHERE day >= ?5 AND day < ?6)"
	    " + (SELECT count(*) FROM articles WHERE " PUB_HINT
	    "   AND published_at >= ?1 AND published_at < ?2)"
	    " + (SELECT count(*) FROM articles WHERE " PUB_HINT
	    "   AND published_at >= ?3 AND published_at < ?4)",
	/* A month's first page too: its cursor is the month's end. */
	[ST_ARCHIVE_MONTH_BEFORE] =
	    "SELECT " ARTICLE_LIST_COLS " FROM articles a"
	    " WHERE likely(a.status = 'published') AND a.published_at >= ?5"
	    " AND (a.published_at, a.id) < (?2, ?3)"
	    " ORDER BY a.published_at DESC, a.id DESC LIMIT ?4",
	[ST_ARCHIVE_MONTH_AFTER] =
	    "SELECT " ARTICLE_LIST_COLS " FROM articles a WHERE " LIVE_HINT
	    " AND a.published_at >= ?5 AND a.published_at < ?6"
	    " AND (a.published_at, a.id) > (?2, ?3)"
	    " ORDER BY a.published_at ASC, a.id ASC LIMIT ?4",
	/* Related: the newest articles of one tag (article_tags_tag). */
	[ST_RELATED_TAG] =
	    "SELECT article_id, published_at FROM article_tags"
	    " WHERE tag_id = ?1 AND live = 1 AND published_at <= ?2"
	    " AND article_id <> ?3"
	    " ORDER BY published_at DESC, article_id DESC LIMIT ?4",
	[ST_RELATED_ARTICLES] =
	    "SELECT " ARTICLE_LIST_COLS " FROM articles a"
	    " WHERE a.id IN (?2, ?3, ?4, ?5, ?6) AND " LIVE_HINT,
	/* Sitemaps. */
	[ST_SITEMAP_STATS] =
	    "SELECT (SELECT count(*) FROM articles"
	    "   WHERE " PUB_HINT " AND published_at <= ?1),"
	    " (SELECT coalesce(max(id), 0) FROM articles),"
	    " (SELECT count(*) FROM tags WHERE article_count > 0),"
	    " (SELECT published_at FROM articles WHERE " PUB_HINT
	    "   AND published_at <= ?1 ORDER BY published_at DESC LIMIT 1),"
	    " (SELECT count(*) FROM users u WHERE EXISTS (SELECT 1"
	    "   FROM article_authors x WHERE x.user_id = u.id"
	    "   AND x.live = 1 AND x.published_at <= ?1))",
	[ST_SITEMAP_ARTICLES] =
	    "SELECT slug, max(published_at, modified_at) FROM articles"
	    " WHERE id > ?2 AND id <= ?3 AND " PUB_HINT
	    " AND published_at <= ?1 ORDER BY id",
	[ST_SITEMAP_TAGS] =
	    "SELECT t.slug, (SELECT x.published_at FROM article_tags x"
	    "   WHERE x.tag_id = t.id AND x.live = 1 AND x.published_at <= ?1"
	    "   ORDER BY x.published_at DESC LIMIT 1)"
	    " FROM tags t WHERE t.article_count > 0 ORDER BY t.slug LIMIT ?2",
	/* The latest change in a sitemap part: the rows that part lists. */
	[ST_SITEMAP_LASTMOD] =
	    "SELECT max(max(published_at, modified_at)) FROM articles"
	    " WHERE id > ?2 AND id <= ?3 AND " PUB_HINT
	    " AND published_at <= ?1",
	/* Accounts, sessions, throttling (user.c). */
	[ST_USER_INSERT] =
	    "INSERT INTO users (name, display, role, pw_hash, created_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (name) DO NOTHING"
	    " RETURNING id",
	[ST_USER_BY_NAME] =
	    "SELECT " USER_COLS " FROM users WHERE name = ?1",
	[ST_USER_PASSWD] = "UPDATE users SET pw_hash = ?2 WHERE name = ?1",
	[ST_USER_DISABLE] = "UPDATE users SET disabled = ?2 WHERE name = ?1",
	[ST_USERS_ALL] =
	    "SELECT id, name, display, role, '', disabled, created_at,"
	    " pw_hash = '', bio, CASE totp_secret WHEN '' THEN '' ELSE '*' END,"
	    " 0, slug FROM users ORDER BY name",
	[ST_USER_SESSIONS_END] =
	    "DELETE FROM sessions WHERE user_id IN"
	    " (SELECT id FROM users WHERE name = ?1)",
	[ST_SESSION_INSERT] =
	    "INSERT INTO sessions (token_hash, user_id, csrf, created_at,"
	    " seen_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
	/* Idle and absolute expiry are both checked here, by the query. */
	[ST_SESSION_GET] =
	    "SELECT s.id, s.csrf, s.seen_at, u.id, u.name, u.display, u.role,"
	    " u.totp_secret <> '' FROM sessions s JOIN users u ON u.id = s.user_id"
	    " WHERE s.token_hash = ?1 AND s.expires_at > ?2"
	    " AND s.seen_at > ?3 AND u.disabled = 0",
	[ST_SESSION_TOUCH] =
	    "UPDATE sessions SET seen_at = ?2 WHERE id = ?1 AND seen_at < ?2",
	[ST_SESSION_END] = "DELETE FROM sessions WHERE token_hash = ?1",
	[ST_SESSIONS_PRUNE] =
	    "DELETE FROM sessions WHERE expires_at <= ?1 OR seen_at <= ?2",
	[ST_THROTTLE_COUNT] =
	    "SELECT count(*), min(at) FROM throttle WHERE key = ?1 AND at > ?2",
	[ST_THROTTLE_ADD] = "INSERT INTO throttle (key, at) VALUES (?1, ?2)",
	[ST_THROTTLE_CLEAR] = "DELETE FROM throttle WHERE key = ?1",
	[ST_THROTTLE_PRUNE] =
	    "DELETE FROM throttle WHERE key = ?1 AND at <= ?2",
	/* Keys from ?1 up to (not including) ?2: one prefix, by the index. */
	[ST_THROTTLE_PRUNE_RANGE] =
	    "DELETE FROM throttle WHERE key >= ?1 AND key < ?2 AND at <= ?3",
	[ST_USER_ROLE] = "UPDATE users SET role = ?2 WHERE name = ?1",

	/* Accounts in the browser (account.c). */
	[ST_USER_BY_ID] = "SELECT " USER_COLS " FROM users WHERE id = ?1",
	[ST_USER_PROFILE] =
	    "UPDATE users SET display = ?2, bio = ?3 WHERE id = ?1",
	[ST_USER_PASSWD_ID] = "UPDATE users SET pw_hash = ?2 WHERE id = ?1",
	/* ?2: the session to keep (0: none). */
	[ST_USER_SESSIONS_END_OTHERS] =
	    "DELETE FROM sessions WHERE user_id = ?1 AND id <> ?2",
	[ST_ACCOUNT_TOKENS_DELETE_USER] =
	    "DELETE FROM account_tokens WHERE user_id = ?1",
	[ST_ACCOUNT_TOKEN_INSERT] =
	    "INSERT INTO account_tokens (token_hash, user_id, kind,"
	    " created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_ACCOUNT_TOKEN_GET] =
	    "SELECT t.kind, t.expires_at, u.id, u.name, u.display, u.role,"
	    " u.pw_hash, u.disabled, u.created_at, u.pw_hash = '', u.bio,"
	    " u.totp_secret, u.totp_step, u.slug"
	    " FROM account_tokens t JOIN users u ON u.id = t.user_id"
	    " WHERE t.token_hash = ?1 AND t.expires_at > ?2",
	[ST_ACCOUNT_TOKEN_TAKE] =
	    "DELETE FROM account_tokens WHERE token_hash = ?1"
	    " AND expires_at > ?2 RETURNING user_id",
	[ST_SESSIONS_OF_USER] =
	    "SELECT id, created_at, seen_at FROM sessions WHERE user_id = ?1"
	    " AND expires_at > ?2 AND seen_at > ?3 ORDER BY seen_at DESC",
	/* Two-factor sign-in (twofactor.c). */
	/* The audit log (audit.c): newest first, by the primary key. */
	[ST_AUDIT_INSERT] =
	    "INSERT INTO audit_log (at, user_id, who, action, target, detail)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[ST_AUDIT_LIST_BEFORE] =
	    "SELECT id, at, who, action, target, detail FROM audit_log"
	    " WHERE id < ?2 ORDER BY id DESC LIMIT ?1",
	[ST_TOTP_ENABLE] =
	    "UPDATE users SET totp_secret = ?3, totp_step = ?2"
	    " WHERE id = ?1 AND totp_secret = ''",
	/* A time step is used once: a later code only. */
	[ST_TOTP_STEP] =
	    "UPDATE users SET totp_step = ?2 WHERE id = ?1 AND totp_step < ?2",
	[ST_TOTP_RESET] =
	    "UPDATE users SET totp_secret = '', totp_step = 0 WHERE id = ?1",
	[ST_RECOVERY_DELETE_USER] =
	    "DELETE FROM recovery_codes WHERE user_id = ?1",
	[ST_RECOVERY_INSERT] =
	    "INSERT INTO recovery_codes (code_hash, user_id) VALUES (?1, ?2)",
	[ST_RECOVERY_USE] =
	    "DELETE FROM recovery_codes WHERE code_hash = ?1 AND user_id = ?2",
	[ST_RECOVERY_COUNT] =
	    "SELECT count(*) FROM recovery_codes WHERE user_id = ?1",
	[ST_SESSION_END_ID] =
	    "DELETE FROM sessions WHERE id = ?1 AND user_id = ?2",

	/* Roles and review (review.c). */
	[ST_ARTICLE_REVIEW] =
	    "SELECT author_id, submitted_at, review_note FROM articles"
	    " WHERE id = ?1",
	/* Only a draft goes to the queue; a new note replaces the old. */
	[ST_ARTICLE_SUBMIT] =
	    "UPDATE articles SET submitted_at = ?2, review_note = ''"
	    " WHERE id = ?1 AND status = 'draft'",
	[ST_ARTICLE_RETURN] =
	    "UPDATE articles SET submitted_at = NULL, review_note = ?2,"
	    " modified_at = ?3"
	    " WHERE id = ?1 AND status = 'draft' AND submitted_at IS NOT NULL",
	[ST_ARTICLES_QUEUE] =
	    "SELECT " ARTICLE_LIST_COLS ", a.submitted_at, a.review_note,"
	    " coalesce(u.display, '') FROM articles a"
	    " LEFT JOIN users u ON u.id = a.author_id"
	    " WHERE a.submitted_at IS NOT NULL AND a.status = 'draft'"
	    " ORDER BY a.submitted_at, a.id LIMIT ?1",
	[ST_ARTICLES_OF_AUTHOR] =
	    "SELECT " ARTICLE_LIST_COLS ", a.submitted_at, a.review_note,"
	    " '' FROM articles a WHERE a.author_id = ?1"
	    " ORDER BY a.modified_at DESC LIMIT ?2",

	/* The desk's article lists (article_admin.c). */
	[ST_ARTICLES_BY_STATUS] =
	    "SELECT " ARTICLE_LIST_COLS " FROM articles a WHERE a.status = ?1"
	    " ORDER BY a.modified_at DESC, a.id DESC LIMIT ?2",
	[ST_ARTICLES_BY_STATUS_BEFORE] =
	    "SELECT " ARTICLE_LIST_COLS " FROM articles a WHERE a.status = ?1"
	    " AND (a.modified_at, a.id) < (?3, ?4)"
	    " ORDER BY a.modified_at DESC, a.id DESC LIMIT ?2",
	[ST_ARTICLES_SCHEDULED] =
	    "SELECT " ARTICLE_LIST_COLS " FROM articles a"
	    " WHERE a.status = 'published' AND a.published_at > ?1"
	    " ORDER BY a.published_at, a.id LIMIT ?2",

	/* Revisions and corrections (revision.c). */
	[ST_REVISIONS_LIST] =
	    "SELECT r.id, r.article_id, r.user_id, coalesce(u.display, ''),"
	    " r.created_at, r.kind, r.headline, r.slug, r.status,"
	    " r.published_at, r.number FROM revisions r"
	    " LEFT JOIN users u ON u.id = r.user_id"
	    " WHERE r.article_id = ?1 ORDER BY r.id DESC LIMIT ?2",
	[ST_REVISION_GET] =
	    "SELECT r.id, r.article_id, r.user_id, coalesce(u.display, ''),"
	    " r.created_at, r.kind, r.headline, r.slug, r.status,"
	    " r.published_at, r.summary, r.byline, r.dateline, r.source,"
	    " r.body_md, r.tags, r.number, r.authors FROM revisions r"
	    " LEFT JOIN users u ON u.id = r.user_id WHERE r.id = ?1",
	[ST_REVISION_BY_NUMBER] =
	    "SELECT r.id, r.article_id, r.user_id, coalesce(u.display, ''),"
	    " r.created_at, r.kind, r.headline, r.slug, r.status,"
	    " r.published_at, r.summary, r.byline, r.dateline, r.source,"
	    " r.body_md, r.tags, r.number, r.authors FROM revisions r"
	    " LEFT JOIN users u ON u.id = r.user_id"
	    " WHERE r.article_id = ?1 AND r.number = ?2",
	[ST_CORRECTION_INSERT] =
	    "INSERT INTO corrections (article_id, kind, note, created_at)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[ST_CORRECTIONS_ARTICLE] =
	    "SELECT c.id, c.article_id, c.kind, c.note, c.created_at, '', ''"
	    " FROM corrections c WHERE c.article_id = ?1"
	    " ORDER BY c.created_at DESC, c.id DESC",
	[ST_CORRECTIONS_ALL] =
	    "SELECT c.id, c.article_id, c.kind, c.note, c.created_at, a.slug,"
	    " a.headline FROM corrections c"
	    " JOIN articles a ON a.id = c.article_id"
	    " WHERE c.kind = 'correction' AND " LIVE
	    " ORDER BY c.created_at DESC, c.id DESC LIMIT ?4",
	[ST_CORRECTIONS_BEFORE] =
	    "SELECT c.id, c.article_id, c.kind, c.note, c.created_at, a.slug,"
	    " a.headline FROM corrections c"
	    " JOIN articles a ON a.id = c.article_id"
	    " WHERE c.kind = 'correction' AND " LIVE
	    " AND (c.created_at, c.id) < (?2, ?3)"
	    " ORDER BY c.created_at DESC, c.id DESC LIMIT ?4",

	/* Tag management (tag_admin.c). */
	[ST_TAGS_ADMIN] =
	    "SELECT t.id, t.name, t.slug, t.article_count,"
	    " (SELECT count(*) FROM article_tags x WHERE x.tag_id = t.id)"
	    " FROM tags t ORDER BY t.name COLLATE NOCASE, t.id",
	[ST_TAG_BY_ID] =
	    "SELECT id, name, slug, article_count FROM tags WHERE id = ?1",
	[ST_TAG_RENAME] = "UPDATE tags SET name = ?2, slug = ?3 WHERE id = ?1",
	[ST_TAG_SLUG_PUT] =
	    "INSERT INTO tag_slugs (slug, tag_id) VALUES (?1, ?2) "
	    "ON CONFLICT (slug) DO UPDATE SET tag_id = excluded.tag_id",
	[ST_TAG_SLUG_DELETE] = "DELETE FROM tag_slugs WHERE slug = ?1",
	[ST_TAG_SLUGS_MOVE] = "UPDATE tag_slugs SET tag_id = ?2 WHERE tag_id = ?1",
	[ST_TAG_ARTICLE_IDS] =
	    "SELECT article_id FROM article_tags WHERE tag_id = ?1",
	[ST_TAG_MOVE] =
	    "UPDATE article_tags SET tag_id = ?2 WHERE tag_id = ?1"
	    " AND article_id NOT IN"
	    " (SELECT article_id FROM article_tags WHERE tag_id = ?2)",
	[ST_TAG_UNLINK] = "DELETE FROM article_tags WHERE tag_id = ?1",
	[ST_TAG_RECOUNT] =
	    "UPDATE tags SET article_count = (SELECT count(*) FROM article_tags"
	    " WHERE tag_id = ?1 AND live = 1) WHERE id = ?1",
	[ST_TAG_DELETE] =
	    "DELETE FROM tags WHERE id = ?1 AND NOT EXISTS"
	    " (SELECT 1 FROM article_tags WHERE tag_id = ?1)",
	[ST_ARTICLE_TAG_LIST] =
	    "SELECT t.slug, t.name FROM article_tags x"
	    " JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ?1"
	    " ORDER BY x.position, t.id",
	[ST_ARTICLE_TAG_LIST_PUT] =
	    "UPDATE articles SET tag_list = ?2, modified_at = ?3 WHERE id = ?1",
	[ST_FTS_TAGS_PUT] = "UPDATE articles_fts SET tags = ?2 WHERE rowid = ?1",

	/* Comment moderation (comment.c). */
	[ST_COMMENTS_MOD_STATUS] =
	    "SELECT c.id, c.article_id, c.author, c.body, c.status,"
	    " c.created_at, c.reason, a.slug, a.headline FROM comments c"
	    " JOIN articles a ON a.id = c.article_id"
	    " WHERE c.status = ?1 AND c.id < ?2 ORDER BY c.id DESC LIMIT ?3",
	[ST_COMMENTS_MOD_ALL] =
	    "SELECT c.id, c.article_id, c.author, c.body, c.status,"
	    " c.created_at, c.reason, a.slug, a.headline FROM comments c"
	    " JOIN articles a ON a.id = c.article_id"
	    " WHERE c.id < ?2 ORDER BY c.id DESC LIMIT ?3",
	[ST_COMMENT_STATE] =
	    "SELECT article_id, status FROM comments WHERE id = ?1",
	[ST_COMMENT_STATUS_SET] = "UPDATE comments SET status = ?2 WHERE id = ?1",
	[ST_COMMENT_DELETE] = "DELETE FROM comments WHERE id = ?1",
	[ST_ARTICLE_COMMENTS_CHANGED] =
	    "UPDATE articles SET comment_count = comment_count + ?2,"
	    " modified_at = ?3 WHERE id = ?1",
	[ST_ARTICLE_COMMENTS_MODE] =
	    "UPDATE articles SET comments = ?2, modified_at = ?3 WHERE id = ?1",
	[ST_COMMENTS_PENDING_COUNT] =
	    "SELECT count(*) FROM comments WHERE status = 'pending'",

	/* Bulk loading for `gazette generate`. */
	[ST_ARTICLES_ANY] = "SELECT id FROM articles LIMIT 1",
	[ST_BULK_ARTICLE_INSERT] =
	    "INSERT INTO articles (slug, headline, summary, byline, dateline,"
	    " source, body_md, body_html, status, published_at, updated_at,"
	    " created_at, modified_at, comment_count, tag_list)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, NULL, ?11, ?11,"
	    " ?12, ?13) RETURNING id",
	[ST_BULK_COMMENT_INSERT] =
	    "INSERT INTO comments (article_id, author, body, status,"
	    " created_at) VALUES (?1, ?2, ?3, 'approved', ?4)",
	/* gazette check: each row is a counter that a recount contradicts. */
	[ST_CHECK_TAG_COUNTS] =
	    "SELECT 'tag ' || t.slug || ': article_count ' || t.article_count"
	    " || ', live articles ' || (SELECT count(*) FROM article_tags x"
	    "   WHERE x.tag_id = t.id AND x.live = 1)"
	    " FROM tags t WHERE t.article_count <> (SELECT count(*)"
	    "   FROM article_tags x WHERE x.tag_id = t.id AND x.live = 1)",
	[ST_CHECK_COMMENT_COUNTS] =
	    "SELECT 'article ' || a.id || ': comment_count ' || a.comment_count"
	    " || ', approved comments ' || (SELECT count(*) FROM comments c"
	    "   WHERE c.article_id = a.id AND c.status = 'approved')"
	    " FROM articles a WHERE a.comment_count <> (SELECT count(*)"
	    "   FROM comments c WHERE c.article_id = a.id"
	    "   AND c.status = 'approved')",
	/* What a site holds, to compare two copies of it. */
	[ST_CHECK_COUNTS] =
	    "SELECT (SELECT count(*) FROM articles),"
	    " (SELECT count(*) FROM articles WHERE status = 'published'),"
	    " (SELECT count(*) FROM comments), (SELECT count(*) FROM tags),"
	    " (SELECT count(*) FROM users), (SELECT count(*) FROM media),"
	    " (SELECT count(*) FROM revisions)",
	[ST_CHECK_ARTICLE_DAYS] =
	    "WITH counted (day, n) AS (SELECT published_at / 86400, count(*)"
	    "   FROM articles WHERE status = 'published'"
	    "   AND published_at IS NOT NULL GROUP BY 1),"
	    " days (day) AS (SELECT day FROM counted"
	    "   UNION SELECT day FROM article_days)"
	    " SELECT 'article_days ' || d.day || ': ' || coalesce(k.n, 0)"
	    " || ' kept, ' || coalesce(c.n, 0) || ' published' FROM days d"
	    " LEFT JOIN article_days k ON k.day = d.day"
	    " LEFT JOIN counted c ON c.day = d.day"
	    " WHERE coalesce(k.n, 0) <> coalesce(c.n, 0)",
	/*
	 * The purge outbox: what a write changed, by name, for the caches,
	 * written only while some cache node is recorded.  Each node's
	 * cursor (purge_nodes.acked) relies on ids following commit order,
	 * which holds because SQLite commits one write at a time (a
	 * backend whose transactions commit concurrently needs another
	 * way to acknowledge rows).
	 * An article: its slug, old slugs and tags; a tag: its slug, old
	 * slugs and its published articles; the site: the pages every
	 * write may change (src/purge.c turns rows into keys).
	 */
	[ST_OUTBOX_ARTICLE] =
	    "INSERT INTO purge_outbox (kind, slug, ref, at, created_at)"
	    " SELECT * FROM ("
	    "   SELECT 'article', slug, id, published_at, ?2 FROM articles"
	    "   WHERE id = ?1"
	    "   UNION ALL SELECT 'article', slug, article_id, NULL, ?2"
	    "   FROM article_slugs WHERE article_id = ?1"
	    "   UNION ALL SELECT 'tag', t.slug, t.id, NULL, ?2"
	    "   FROM article_tags x JOIN tags t ON t.id = x.tag_id"
	    "   WHERE x.article_id = ?1"
	    "   UNION ALL SELECT 'author', u.slug, u.id, NULL, ?2"
	    "   FROM article_authors x JOIN users u ON u.id = x.user_id"
	    "   WHERE x.article_id = ?1 AND u.slug IS NOT NULL)"
	    " WHERE EXISTS (SELECT 1 FROM purge_nodes)",
	[ST_OUTBOX_TAG] =
	    "INSERT INTO purge_outbox (kind, slug, ref, at, created_at)"
	    " SELECT * FROM ("
	    "   SELECT 'tag', slug, id, NULL, ?2 FROM tags WHERE id = ?1"
	    "   UNION ALL SELECT 'tag', slug, tag_id, NULL, ?2"
	    "   FROM tag_slugs WHERE tag_id = ?1"
	    "   UNION ALL SELECT 'article', a.slug, a.id, a.published_at, ?2"
	    "   FROM article_tags x JOIN articles a ON a.id = x.article_id"
	    "   WHERE x.tag_id = ?1 AND " PUBLISHED ")"
	    " WHERE EXISTS (SELECT 1 FROM purge_nodes)",
	[ST_OUTBOX_SITE] =
	    "INSERT INTO purge_outbox (kind, created_at) SELECT 'site', ?1"
	    " WHERE EXISTS (SELECT 1 FROM purge_nodes)",
	/* A new node gets every row still kept: it may hold any of them. */
	[ST_PURGE_NODE_ADD] =
	    "INSERT INTO purge_nodes (node, listed_at, acked) VALUES (?1, ?2,"
	    " coalesce((SELECT min(id) - 1 FROM purge_outbox),"
	    "   (SELECT seq FROM sqlite_sequence WHERE name = 'purge_outbox'),"
	    "   0))"
	    " ON CONFLICT (node) DO UPDATE SET listed_at = excluded.listed_at",
	/* A node no serving app has listed or heard from for a while. */
	[ST_PURGE_NODE_DROP] =
	    "DELETE FROM purge_nodes WHERE node = ?1"
	    " AND max(listed_at, coalesce(acked_at, 0)) < ?2",
	[ST_PURGE_NODES] =
	    "SELECT n.node, n.acked, n.acked_at, n.failed_at, n.error,"
	    " (SELECT count(*) FROM purge_outbox o WHERE o.id > n.acked),"
	    " (SELECT min(created_at) FROM purge_outbox o WHERE o.id > n.acked)"
	    " FROM purge_nodes n ORDER BY n.node",
	[ST_PURGE_PENDING] =
	    "SELECT id, kind, slug, ref, at FROM purge_outbox WHERE id > ?1"
	    " ORDER BY id LIMIT ?2",
	[ST_PURGE_ACK] =
	    "UPDATE purge_nodes SET acked = max(acked, ?2), acked_at = ?3,"
	    " failed_at = NULL, error = '' WHERE node = ?1",
	[ST_PURGE_FAILED] =
	    "UPDATE purge_nodes SET failed_at = ?2, error = ?3 WHERE node = ?1",
	/* Rows every node has; with no node at all, every row. */
	[ST_PURGE_PRUNE] =
	    "DELETE FROM purge_outbox WHERE id <= coalesce("
	    " (SELECT min(acked) FROM purge_nodes),"
	    " (SELECT max(id) FROM purge_outbox))",

	/* Photographs.  An upload of a file already in the library adds no
	   row: its existing one is used. */
	[ST_MEDIA_INSERT] =
	    "INSERT INTO media (hash, width, height, widths, alt, caption,"
	    " credit, filename, bytes, user_id, created_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
	    " ON CONFLICT (hash) DO NOTHING",
	[ST_MEDIA_BY_ID] =
	    "SELECT " MEDIA_COLS " FROM media m WHERE m.id = ?1",
	[ST_MEDIA_BY_HASH] =
	    "SELECT " MEDIA_COLS " FROM media m WHERE m.hash = ?1",
	/* Newest first, a page at a time, older than the cursor id. */
	[ST_MEDIA_LIST] =
	    "SELECT " MEDIA_COLS " FROM media m WHERE m.id < ?1"
	    " ORDER BY m.id DESC LIMIT ?2",
	/* As lead image (1) or in the text (0); an article may do both. */
	[ST_MEDIA_USES] =
	    "SELECT a.id, a.headline, u.lead FROM"
	    " (SELECT article_id, 1 AS lead FROM article_media"
	    "   WHERE media_id = ?1"
	    "  UNION ALL SELECT article_id, 0 FROM article_body_media"
	    "   WHERE media_id = ?1) u"
	    " JOIN articles a ON a.id = u.article_id"
	    " ORDER BY a.id DESC, u.lead DESC LIMIT ?2",
	[ST_ARTICLE_LEAD_SET] =
	    "INSERT INTO article_media (article_id, media_id) VALUES (?1, ?2)"
	    " ON CONFLICT (article_id) DO UPDATE SET media_id = excluded.media_id",
	[ST_ARTICLE_LEAD_CLEAR] =
	    "DELETE FROM article_media WHERE article_id = ?1",
	[ST_ARTICLE_LEAD] =
	    "SELECT " MEDIA_COLS " FROM article_media am"
	    " JOIN media m ON m.id = am.media_id WHERE am.article_id = ?1",
	[ST_MEDIA_UPDATE] =
	    "UPDATE media SET alt = ?2, caption = ?3, credit = ?4 WHERE id = ?1",
	/* Only an image no article uses. */
	[ST_MEDIA_DELETE] =
	    "DELETE FROM media WHERE id = ?1 AND NOT EXISTS"
	    " (SELECT 1 FROM article_media WHERE media_id = ?1)"
	    " AND NOT EXISTS"
	    " (SELECT 1 FROM article_body_media WHERE media_id = ?1)",
	/*
	 * The library's search box: images whose caption, credit or alt
	 * text holds ?3 (ASCII letters folded), newest first, older than
	 * the cursor.  It walks the primary key down from the cursor until
	 * a page of matches is found: editors only, and a library grows by
	 * thousands, not millions.
	 */
	[ST_MEDIA_SEARCH] =
	    "SELECT " MEDIA_COLS " FROM media m WHERE m.id < ?1"
	    " AND (instr(lower(m.caption), ?3) OR instr(lower(m.credit), ?3)"
	    "   OR instr(lower(m.alt), ?3))"
	    " ORDER BY m.id DESC LIMIT ?2",
	[ST_BODY_MEDIA_CLEAR] =
	    "DELETE FROM article_body_media WHERE article_id = ?1",
	[ST_BODY_MEDIA_ADD] =
	    "INSERT INTO article_body_media (article_id, media_id)"
	    " VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	/* The articles whose text names an image (even before it exists). */
	[ST_BODY_MEDIA_ARTICLES] =
	    "SELECT article_id FROM article_body_media WHERE media_id = ?1",

	/*
	 * Author pages and articles' authors (author.c).  An author page
	 * lists what article_authors says is live, as tag pages do with
	 * article_tags (index article_authors_user).
	 */
	[ST_USER_SLUG_TAKEN] =
	    "SELECT 1 FROM users WHERE slug = ?1 AND id <> ?2",
	[ST_USER_SLUG_SET] = "UPDATE users SET slug = ?2 WHERE id = ?1",
	[ST_USERS_NO_SLUG] =
	    "SELECT id, display, name FROM users WHERE slug IS NULL"
	    " ORDER BY id",
	/* The account at a slug, with its number of live articles. */
	[ST_AUTHOR_BY_SLUG] =
	    "SELECT u.id, u.slug, u.display, u.bio, u.disabled,"
	    " (SELECT count(*) FROM article_authors x WHERE x.user_id = u.id"
	    "   AND x.live = 1 AND x.published_at <= ?2)"
	    " FROM users u WHERE u.slug = ?1",
	[ST_ARTICLES_AUTHOR] =
	    "SELECT " ARTICLE_LIST_COLS " FROM article_authors x "
	    "JOIN articles a ON a.id = x.article_id "
	    "WHERE x.user_id = ?5 AND x.live = 1 AND x.published_at <= ?1"
	    " ORDER BY x.published_at DESC, x.article_id DESC LIMIT ?4",
	[ST_ARTICLES_AUTHOR_BEFORE] =
	    "SELECT " ARTICLE_LIST_COLS " FROM article_authors x "
	    "JOIN articles a ON a.id = x.article_id "
	    "WHERE x.user_id = ?5 AND x.live = 1"
	    " AND (x.published_at, x.article_id) < (?2, ?3)"
	    " ORDER BY x.published_at DESC, x.article_id DESC LIMIT ?4",
	[ST_ARTICLES_AUTHOR_AFTER] =
	    "SELECT " ARTICLE_LIST_COLS " FROM article_authors x "
	    "JOIN articles a ON a.id = x.article_id "
	    "WHERE x.user_id = ?5 AND x.live = 1 AND x.published_at <= ?1"
	    " AND (x.published_at, x.article_id) > (?2, ?3)"
	    " ORDER BY x.published_at ASC, x.article_id ASC LIMIT ?4",
	[ST_FEED_AUTHOR] =
	    "SELECT " ARTICLE_FULL_COLS " FROM article_authors x "
	    "JOIN articles a ON a.id = x.article_id "
	    "WHERE x.user_id = ?2 AND x.live = 1 AND x.published_at <= ?1"
	    " AND " LIVE
	    " ORDER BY x.published_at DESC, x.article_id DESC LIMIT ?3",
	[ST_ARTICLE_AUTHORS] =
	    "SELECT u.id, u.slug, u.display, u.bio, u.disabled, u.name"
	    " FROM article_authors x JOIN users u ON u.id = x.user_id"
	    " WHERE x.article_id = ?1 ORDER BY x.position",
	[ST_ARTICLE_AUTHORS_DELETE] =
	    "DELETE FROM article_authors WHERE article_id = ?1",
	[ST_ARTICLE_AUTHOR_INSERT] =
	    "INSERT INTO article_authors (article_id, user_id, position,"
	    " published_at, live) VALUES (?1, ?2, ?3, ?4, ?5) "
	    "ON CONFLICT (article_id, user_id) DO NOTHING",
	[ST_ARTICLE_AUTHORS_STATE] =
	    "UPDATE article_authors SET published_at = ?2, live = ?3"
	    " WHERE article_id = ?1",
	/* An author's page and feed, the pages of their published
	 * articles, whose bylines carry the name, ... */
	[ST_OUTBOX_AUTHOR] =
	    "INSERT INTO purge_outbox (kind, slug, ref, at, created_at)"
	    " SELECT * FROM ("
	    "   SELECT 'author', slug, id, NULL, ?2 FROM users"
	    "   WHERE id = ?1 AND slug IS NOT NULL"
	    "   UNION ALL SELECT 'article', a.slug, a.id, a.published_at, ?2"
	    "   FROM article_authors x JOIN articles a ON a.id = x.article_id"
	    "   WHERE x.user_id = ?1 AND " PUBLISHED ")"
	    " WHERE EXISTS (SELECT 1 FROM purge_nodes)",
	/* ... and the topics of those articles, once each (a statement
	 * of its own: as a third arm of the one above, the whole would be
	 * read through a temporary table). */
	[ST_OUTBOX_AUTHOR_TAGS] =
	    "INSERT INTO purge_outbox (kind, slug, ref, at, created_at)"
	    " SELECT 'tag', t.slug, t.id, NULL, ?2 FROM tags t"
	    " WHERE t.id IN (SELECT y.tag_id FROM article_tags y"
	    "   WHERE y.article_id IN (SELECT x.article_id"
	    "   FROM article_authors x WHERE x.user_id = ?1 AND x.live = 1))"
	    " AND EXISTS (SELECT 1 FROM purge_nodes)",
	/* Accounts with live articles, by slug, with the newest of them. */
	[ST_SITEMAP_AUTHORS] =
	    "SELECT slug, last FROM (SELECT u.slug AS slug,"
	    "   (SELECT x.published_at FROM article_authors x"
	    "   WHERE x.user_id = u.id AND x.live = 1 AND x.published_at <= ?1"
	    "   ORDER BY x.published_at DESC LIMIT 1) AS last"
	    " FROM users u WHERE u.slug IS NOT NULL) t"
	    " WHERE last IS NOT NULL ORDER BY slug LIMIT ?2",

	/*
	 * The newsroom's article list: of one status (?1), or of any
	 * (_ALL), older than the cursor (?8, ?9) on (modified_at, id)
	 * (the first page's cursor is past every row), so that a page is a
	 * range of articles_status or of articles_modified, newest change
	 * first; then the filters, checked row by row until the page is
	 * full: published and due later (?2 = 1) or by now (?2 = 2; ?3
	 * now), an account author (?4, 0 any), a tag (?5, 0 any), words in
	 * the headline (?6, a LIKE pattern of lower-case text, '' any).
	 */
#define DESK_FILTERS \
	" AND (?2 = 0 OR (?2 = 1 AND a.published_at > ?3)" \
	"   OR (?2 = 2 AND a.published_at <= ?3))" \
	" AND (?4 = 0 OR EXISTS (SELECT 1 FROM article_authors x" \
	"   WHERE x.article_id = a.id AND x.user_id = ?4))" \
	" AND (?5 = 0 OR EXISTS (SELECT 1 FROM article_tags t" \
	"   WHERE t.article_id = a.id AND t.tag_id = ?5))" \
	" AND (?6 = '' OR lower(a.headline) LIKE ?6 ESCAPE '\\')" \
	" ORDER BY a.modified_at DESC, a.id DESC LIMIT ?10"
	[ST_ARTICLES_FILTERED] =
	    "SELECT " ARTICLE_LIST_COLS " FROM articles a"
	    " WHERE a.status = ?1 AND (a.modified_at, a.id) < (?8, ?9)"
	    DESK_FILTERS,
	[ST_ARTICLES_FILTERED_ALL] =
	    "SELECT " ARTICLE_LIST_COLS " FROM articles a"
	    " WHERE (a.modified_at, a.id) < (?8, ?9)"
	    DESK_FILTERS,
};
