/*
 * tag.c: tags.
 */
#include <string.h>

#include "../util/arena.h"
#include "impl.h"

void
tag_row(struct arena *a, struct dstmt *st, struct tag *t)
{
	t->id = db_column_int64(st, 0);
	t->name = col_text(a, st, 1);
	t->slug = col_text(a, st, 2);
	t->article_count = db_column_int64(st, 3);
}

int
store_tag_by_slug(struct store *s, struct arena *a, const char *slug,
    struct tag *t)
{
	struct dstmt	*st = stmt_get(s, ST_TAG_BY_SLUG);
	int		 rc;

	bind_text(st, 1, slug);
	if ((rc = db_step(st)) == DB_ROW)
		tag_row(a, st, t);
	else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int
store_tag_old_slug(struct store *s, struct arena *a, const char *slug,
    const char **newslug)
{
	return lookup_text(s, a, stmt_get(s, ST_TAG_OLD_SLUG), slug, newslug);
}

int
store_tag_live(struct store *s, struct arena *a, const char *slug,
    int64_t now, struct tag *t)
{
	int	 rc;

	if ((rc = store_tag_by_slug(s, a, slug, t)) != 1)
		return rc;
	if (store_tags_due(s, now, t, 1) < 0)
		return -1;
	return t->article_count > 0;
}

int
store_tags_all(struct store *s, struct arena *a, struct tag **out)
{
	struct dstmt	*st = stmt_get(s, ST_TAGS_ALL);
	struct tag	*rows = NULL;
	size_t		 n = 0, cap = 0;
	int		 rc;

	while ((rc = db_step(st)) == DB_ROW) {
		rows = arena_grow(a, rows, n, &cap, sizeof(*rows));
		tag_row(a, st, &rows[n++]);
	}
	if (rc != DB_DONE) {
		STORE_ERR(s);
		stmt_done(st);
		return -1;
	}
	stmt_done(st);
	*out = rows;
	return (int)n;
}

int
store_tags_due(struct store *s, int64_t now, struct tag *tags, int n)
{
	struct dstmt	*st = stmt_get(s, ST_TAGS_SCHEDULED);
	long long	 id, count;
	int		 rc, i;

	db_bind_int64(st, 1, now);
	/* Scheduled articles are few: a short loop per tag is fine. */
	while ((rc = db_step(st)) == DB_ROW) {
		id = db_column_int64(st, 0);
		count = db_column_int64(st, 1);
		for (i = 0; i < n; i++)
			if (tags[i].id == id)
				tags[i].article_count -= count;
	}
	stmt_done(st);
	if (rc != DB_DONE) {
		STORE_ERR(s);
		return -1;
	}
	return 0;
}
