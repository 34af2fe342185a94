/*
 * sitemap.c: what /sitemap.xml lists.
 */
#include <string.h>

#include "../util/arena.h"
#include "impl.h"

int
store_sitemap_stats(struct store *s, int64_t now, struct sitemap_stats *out)
{
	struct dstmt	*st = stmt_get(s, ST_SITEMAP_STATS);
	int		 rc;

	memset(out, 0, sizeof(*out));
	db_bind_int64(st, 1, now);
	if ((rc = db_step(st)) == DB_ROW) {
		out->articles = db_column_int64(st, 0);
		out->max_id = db_column_int64(st, 1);
		out->tags = db_column_int64(st, 2);
		out->newest = db_column_int64(st, 3);
	}
	stmt_done(st);
	if (rc != DB_ROW) {
		STORE_ERR(s);
		return -1;
	}
	return 0;
}

/* Step st into a growing array of (slug, time) pairs. */
static int
url_rows(struct store *s, struct arena *a, struct dstmt *st,
    struct sitemap_url **out)
{
	struct sitemap_url *rows = NULL;
	size_t		 n = 0, cap = 0;
	int		 rc;

	while ((rc = db_step(st)) == DB_ROW) {
		/* A tag whose articles are all scheduled has no time. */
		if (db_column_null(st, 1))
			continue;
		rows = arena_grow(a, rows, n, &cap, sizeof(*rows));
		rows[n].slug = col_text(a, st, 0);
		rows[n].lastmod = db_column_int64(st, 1);
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
store_sitemap_articles(struct store *s, struct arena *a, int64_t now,
    long long from, long long to, struct sitemap_url **out)
{
	struct dstmt	*st = stmt_get(s, ST_SITEMAP_ARTICLES);

	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, from);
	db_bind_int64(st, 3, to);
	return url_rows(s, a, st, out);
}

int64_t
store_sitemap_lastmod(struct store *s, int64_t now, long long from,
    long long to)
{
	struct dstmt	*st = stmt_get(s, ST_SITEMAP_LASTMOD);
	int64_t		 t = -1;
	int		 rc;

	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, from);
	db_bind_int64(st, 3, to);
	if ((rc = db_step(st)) == DB_ROW)
		t = db_column_int64(st, 0);	/* NULL: 0 */
	else
		STORE_ERR(s);
	stmt_done(st);
	return t;
}

int
store_sitemap_tags(struct store *s, struct arena *a, int64_t now, int limit,
    struct sitemap_url **out)
{
	struct dstmt	*st = stmt_get(s, ST_SITEMAP_TAGS);

	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, limit);
	return url_rows(s, a, st, out);
}
