/*
 * revision.c: an article's revisions (append-only: nothing here or
 * anywhere updates or deletes one) and the updates and corrections
 * that readers see.
 */
#include <string.h>

#include "../util/arena.h"
#include "impl.h"

/* The columns every revision query starts with. */
static void
revision_row(struct arena *a, struct dstmt *st, struct revision *r)
{
	memset(r, 0, sizeof(*r));
	r->id = db_column_int64(st, 0);
	r->article_id = db_column_int64(st, 1);
	r->user_id = db_column_int64(st, 2);
	r->user_display = col_text(a, st, 3);
	r->created_at = db_column_int64(st, 4);
	r->kind = col_text(a, st, 5);
	r->headline = col_text(a, st, 6);
	r->slug = col_text(a, st, 7);
	r->status = col_text(a, st, 8);
	r->published_at = db_column_int64(st, 9);
}

int
store_revisions(struct store *s, struct arena *a, long long article_id,
    int limit, struct revision **out)
{
	struct dstmt	*st = stmt_get(s, ST_REVISIONS_LIST);
	struct revision	*rows;
	int		 n = 0, rc = DB_DONE;

	rows = arena_calloc(a, (size_t)(limit > 0 ? limit : 1), sizeof(*rows));
	db_bind_int64(st, 1, article_id);
	db_bind_int64(st, 2, limit);
	while (n < limit && (rc = db_step(st)) == DB_ROW) {
		revision_row(a, st, &rows[n]);
		rows[n++].number = db_column_int64(st, 10);
	}
	stmt_done(st);
	if (rc != DB_DONE && rc != DB_ROW) {
		STORE_ERR(s);
		return -1;
	}
	*out = rows;
	return n;
}

/* Step st (bound) for one whole revision: 1, 0 or -1. */
static int
revision_one(struct store *s, struct arena *a, struct dstmt *st,
    struct revision *r)
{
	int	 rc;

	if ((rc = db_step(st)) == DB_ROW) {
		revision_row(a, st, r);
		r->summary = col_text(a, st, 10);
		r->byline = col_text(a, st, 11);
		r->dateline = col_text(a, st, 12);
		r->source = col_text(a, st, 13);
		r->body_md = col_text(a, st, 14);
		r->tags = col_text(a, st, 15);
		r->number = db_column_int64(st, 16);
		r->authors = db_column_null(st, 17) ? NULL :
		    col_text(a, st, 17);
	} else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int
store_revision_get(struct store *s, struct arena *a, long long id,
    struct revision *r)
{
	struct dstmt	*st = stmt_get(s, ST_REVISION_GET);

	db_bind_int64(st, 1, id);
	return revision_one(s, a, st, r);
}

int
store_revision_by_number(struct store *s, struct arena *a,
    long long article_id, long long number, struct revision *r)
{
	struct dstmt	*st = stmt_get(s, ST_REVISION_BY_NUMBER);

	db_bind_int64(st, 1, article_id);
	db_bind_int64(st, 2, number);
	return revision_one(s, a, st, r);
}

/* Step st into a growing array of corrections; count or -1. */
static int
correction_rows(struct store *s, struct arena *a, struct dstmt *st,
    int limit, struct correction **out)
{
	struct correction *rows = NULL;
	size_t		 n = 0, cap = 0;
	int		 rc = DB_DONE;

	while ((limit < 0 || (int)n < limit) &&
	    (rc = db_step(st)) == DB_ROW) {
		rows = arena_grow(a, rows, n, &cap, sizeof(*rows));
		rows[n].id = db_column_int64(st, 0);
		rows[n].article_id = db_column_int64(st, 1);
		rows[n].kind = col_text(a, st, 2);
		rows[n].note = col_text(a, st, 3);
		rows[n].created_at = db_column_int64(st, 4);
		rows[n].article_slug = col_text(a, st, 5);
		rows[n].article_headline = col_text(a, st, 6);
		n++;
	}
	stmt_done(st);
	if (rc != DB_DONE && rc != DB_ROW) {
		STORE_ERR(s);
		return -1;
	}
	*out = rows;
	return (int)n;
}

int
store_corrections(struct store *s, struct arena *a, long long article_id,
    struct correction **out)
{
	struct dstmt	*st = stmt_get(s, ST_CORRECTIONS_ARTICLE);

	db_bind_int64(st, 1, article_id);
	return correction_rows(s, a, st, -1, out);
}

int
store_corrections_live(struct store *s, struct arena *a, int64_t now,
    const struct cursor *c, int limit, struct correction **out)
{
	struct dstmt	*st;

	st = stmt_get(s, c ? ST_CORRECTIONS_BEFORE : ST_CORRECTIONS_ALL);
	db_bind_int64(st, 1, now);
	if (c != NULL) {
		db_bind_int64(st, 2, c->at);
		db_bind_int64(st, 3, c->id);
	}
	db_bind_int64(st, 4, limit);
	return correction_rows(s, a, st, limit, out);
}
