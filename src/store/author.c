/*
 * author.c: author pages and articles' authors.
 *
 * An account's slug is made once, from its display name, when the
 * account is made (or by `gazette migrate` for older accounts), and
 * kept: a new display name changes the page, not its address.
 * article_authors copies each article's publication time and status,
 * as article_tags does, so that an author page is one index range.
 */
#include <string.h>

#include "../util/arena.h"
#include "../util/text.h"
#include "impl.h"

/* 1 if slug belongs to another account than id, 0 if free, -1. */
static int
slug_taken(struct store *s, const char *slug, long long id)
{
	struct dstmt *st = stmt_get(s, ST_USER_SLUG_TAKEN);
	int		 rc;

	bind_text(st, 1, slug);
	db_bind_int64(st, 2, id);
	rc = db_step(st);
	stmt_done(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		STORE_ERR(s);
		return -1;
	}
	return rc == DB_ROW;
}

int
author_slug_assign(struct store *s, long long id, const char *display,
    const char *name)
{
	struct arena	 a;
	struct dstmt *st;
	const char	*base, *slug;
	size_t		 n;
	int		 i, rc = -1, taken;

	arena_init(&a, 512);
	base = text_slugify(&a, display);
	if (*base == '\0')
		base = text_slugify(&a, name);
	if (*base == '\0')
		base = "author";
	/* Room for "-N", with no hyphen left dangling before it. */
	if ((n = strlen(base)) > SLUG_MAX - 8)
		n = SLUG_MAX - 8;
	while (n > 0 && base[n - 1] == '-')
		n--;
	slug = base;
	/* "jane-doe", then "jane-doe-2", "jane-doe-3" ... */
	for (i = 2; (taken = slug_taken(s, slug, id)) == 1 && i < 10000; i++)
		slug = arena_printf(&a, "%.*s-%d", (int)n, base, i);
	if (taken == 0) {
		st = stmt_get(s, ST_USER_SLUG_SET);
		db_bind_int64(st, 1, id);
		bind_text(st, 2, slug);
		rc = STMT_EXEC(s, st);
	}
	arena_free(&a);
	return rc;
}

int
store_author_slugs_fill(struct store *s)
{
	struct arena	 a;
	struct dstmt *st;
	long long	*ids = NULL;
	const char	**displays = NULL, **names = NULL;
	size_t		 n = 0, cap = 0, capd = 0, capn = 0, i;
	int		 rc;

	arena_init(&a, 1024);
	if (store_begin(s) < 0)
		goto fail;
	st = stmt_get(s, ST_USERS_NO_SLUG);
	while ((rc = db_step(st)) == DB_ROW) {
		ids = arena_grow(&a, ids, n, &cap, sizeof(*ids));
		displays = arena_grow(&a, displays, n, &capd,
		    sizeof(*displays));
		names = arena_grow(&a, names, n, &capn, sizeof(*names));
		ids[n] = db_column_int64(st, 0);
		displays[n] = col_text(&a, st, 1);
		names[n] = col_text(&a, st, 2);
		n++;
	}
	stmt_done(st);
	if (rc != DB_DONE) {
		STORE_ERR(s);
		goto rollback;
	}
	if (n == 0) {
		store_rollback(s);
		arena_free(&a);
		return 0;
	}
	/* Oldest accounts first: they get the plain slugs. */
	for (i = 0; i < n; i++)
		if (author_slug_assign(s, ids[i], displays[i], names[i]) < 0)
			goto rollback;
	arena_free(&a);
	return store_commit(s) < 0 ? -1 : (int)n;
rollback:
	store_rollback(s);
fail:
	arena_free(&a);
	return -1;
}

/* Copy an account row: id, slug, display, bio, disabled from column 0. */
static void
author_row(struct arena *a, struct dstmt *st, struct author *au)
{
	memset(au, 0, sizeof(*au));
	au->id = db_column_int64(st, 0);
	au->slug = col_text(a, st, 1);
	au->display = col_text(a, st, 2);
	au->bio = col_text(a, st, 3);
	au->disabled = db_column_int(st, 4) != 0;
}

int
store_author_by_slug(struct store *s, struct arena *a, const char *slug,
    int64_t now, struct author *au)
{
	struct dstmt *st = stmt_get(s, ST_AUTHOR_BY_SLUG);
	int		 rc;

	bind_text(st, 1, slug);
	db_bind_int64(st, 2, now);
	if ((rc = db_step(st)) == DB_ROW) {
		author_row(a, st, au);
		au->live = db_column_int64(st, 5);
	} else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

static const struct heading_stmts author_stmts = {
	ST_ARTICLES_AUTHOR, ST_ARTICLES_AUTHOR_BEFORE, ST_ARTICLES_AUTHOR_AFTER,
	ST_FEED_AUTHOR
};

int
store_articles_by_author(struct store *s, struct arena *a, long long user_id,
    int64_t now, const struct cursor *c, int after, int limit,
    struct article **out)
{
	return article_list_under(s, a, &author_stmts, user_id, now, c, after,
	    limit, out);
}

int
store_articles_feed_author(struct store *s, struct arena *a,
    long long user_id, int64_t now, int limit, struct article **out)
{
	return article_feed(s, a, author_stmts.feed, user_id, now, limit,
	    out);
}

int
store_article_authors(struct store *s, struct arena *a, long long article_id,
    struct author **out)
{
	struct dstmt *st = stmt_get(s, ST_ARTICLE_AUTHORS);
	struct author	*rows = NULL;
	size_t		 n = 0, cap = 0;
	int		 rc;

	db_bind_int64(st, 1, article_id);
	while ((rc = db_step(st)) == DB_ROW) {
		rows = arena_grow(a, rows, n, &cap, sizeof(*rows));
		author_row(a, st, &rows[n]);
		rows[n].name = col_text(a, st, 5);
		n++;
	}
	stmt_done(st);
	if (rc != DB_DONE) {
		STORE_ERR(s);
		return -1;
	}
	*out = rows;
	return (int)n;
}

int
store_sitemap_authors(struct store *s, struct arena *a, int64_t now,
    int limit, struct sitemap_url **out)
{
	struct dstmt *st = stmt_get(s, ST_SITEMAP_AUTHORS);
	struct sitemap_url	*rows;
	int			 n = 0, rc = DB_DONE;

	rows = arena_calloc(a, (size_t)(limit > 0 ? limit : 1), sizeof(*rows));
	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, limit);
	while (n < limit && (rc = db_step(st)) == DB_ROW) {
		rows[n].slug = col_text(a, st, 0);
		rows[n].lastmod = db_column_int64(st, 1);
		n++;
	}
	stmt_done(st);
	if (rc != DB_DONE && rc != DB_ROW) {
		STORE_ERR(s);
		return -1;
	}
	*out = rows;
	return n;
}

int
authors_put(struct store *s, const struct article_edit *e, int live)
{
	struct dstmt *st;
	size_t		 i;

	if (!e->set_authors) {
		/* The same authors: their copies follow the article. */
		st = stmt_get(s, ST_ARTICLE_AUTHORS_STATE);
		db_bind_int64(st, 1, e->id);
		bind_time(st, 2, e->published_at);
		db_bind_int64(st, 3, live);
		return STMT_EXEC(s, st);
	}
	st = stmt_get(s, ST_ARTICLE_AUTHORS_DELETE);
	db_bind_int64(st, 1, e->id);
	if (STMT_EXEC(s, st) < 0)
		return -1;
	for (i = 0; i < e->nauthors; i++) {
		st = stmt_get(s, ST_ARTICLE_AUTHOR_INSERT);
		db_bind_int64(st, 1, e->id);
		db_bind_int64(st, 2, e->author_ids[i]);
		db_bind_int64(st, 3, (long long)i);
		bind_time(st, 4, e->published_at);
		db_bind_int64(st, 5, live);
		if (STMT_EXEC(s, st) < 0)
			return -1;
	}
	return 0;
}
