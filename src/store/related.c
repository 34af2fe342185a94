/*
 * related.c: articles related to one article by their shared tags.
 *
 * SQLite has no LATERAL join to take "the newest N of each tag" in one
 * statement, and counting over every article of a large tag would grow
 * with the archive.  So: for each of the article's tags, the newest
 * RELATED_SCAN live articles (one index range scan of article_tags_tag
 * each), counted here; the best STORE_RELATED_MAX are then read in one
 * statement.  The cost is bounded by tags x RELATED_SCAN index entries.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "impl.h"

#define RELATED_SCAN	60	/* newest articles looked at per tag: bounded
				   work for every page rendered */
#define RELATED_TAGS	8	/* tags of the article looked at */

struct cand {
	long long	 id;
	int64_t		 at;	/* published_at */
	int		 shared;	/* tags in common */
};

static int
by_id(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;

	return a->id < b->id ? -1 : a->id > b->id;
}

/* Most shared tags first, then newest, then highest id. */
static int
by_rank(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;

	if (a->shared != b->shared)
		return b->shared - a->shared;
	if (a->at != b->at)
		return a->at < b->at ? 1 : -1;
	return a->id < b->id ? 1 : a->id > b->id ? -1 : 0;
}

int
store_related(struct store *s, struct arena *a, long long id, int64_t now,
    struct article **out)
{
	struct dstmt	*st;
	struct cand	*c;
	struct article	*rows, *ordered;
	long long	 tags[RELATED_TAGS];
	int		 ntags = 0, nc = 0, n = 0, i, j, k, rc;

	*out = ordered = arena_calloc(a, STORE_RELATED_MAX, sizeof(*ordered));
	st = stmt_get(s, ST_ARTICLE_TAG_IDS);
	db_bind_int64(st, 1, id);
	while (ntags < RELATED_TAGS && (rc = db_step(st)) == DB_ROW)
		tags[ntags++] = db_column_int64(st, 0);
	stmt_done(st);
	if (ntags < RELATED_TAGS && rc != DB_DONE) {
		STORE_ERR(s);
		return -1;
	}
	if (ntags == 0)
		return 0;

	c = arena_calloc(a, (size_t)ntags * RELATED_SCAN, sizeof(*c));
	st = stmt_get(s, ST_RELATED_TAG);
	for (i = 0; i < ntags; i++) {
		db_bind_int64(st, 1, tags[i]);
		db_bind_int64(st, 2, now);
		db_bind_int64(st, 3, id);
		db_bind_int64(st, 4, RELATED_SCAN);
		while (nc < (i + 1) * RELATED_SCAN &&
		    (rc = db_step(st)) == DB_ROW) {
			c[nc].id = db_column_int64(st, 0);
			c[nc].at = db_column_int64(st, 1);
			c[nc].shared = 1;
			nc++;
		}
		stmt_done(st);
		if (rc != DB_ROW && rc != DB_DONE) {
			STORE_ERR(s);
			return -1;
		}
	}
	if (nc == 0)
		return 0;

	/* Fold the rows of each article into one, counting its tags. */
	qsort(c, (size_t)nc, sizeof(*c), by_id);
	for (i = 1, j = 0; i < nc; i++) {
		if (c[i].id == c[j].id)
			c[j].shared++;
		else
			c[++j] = c[i];
	}
	nc = j + 1;
	qsort(c, (size_t)nc, sizeof(*c), by_rank);
	if (nc > STORE_RELATED_MAX)
		nc = STORE_RELATED_MAX;

	/* Read them (unused slots bind NULL, which matches nothing). */
	st = stmt_get(s, ST_RELATED_ARTICLES);
	db_bind_int64(st, 1, now);
	for (i = 0; i < nc; i++)
		db_bind_int64(st, 2 + i, c[i].id);
	rows = arena_calloc(a, STORE_RELATED_MAX, sizeof(*rows));
	while (n < nc && (rc = db_step(st)) == DB_ROW)
		article_row(a, st, &rows[n++], 0);
	stmt_done(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		STORE_ERR(s);
		return -1;
	}
	/* In rank order; one that stopped being live is left out. */
	for (i = 0, k = 0; i < nc; i++)
		for (j = 0; j < n; j++)
			if (rows[j].id == c[i].id)
				ordered[k++] = rows[j];
	return k;
}
