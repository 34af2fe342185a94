/*
 * media.c: photographs and the articles that lead with them.
 */
#include <string.h>

#include "../util/arena.h"
#include "impl.h"

static void
media_row(struct arena *a, struct dstmt *st, struct media *m)
{
	memset(m, 0, sizeof(*m));
	m->id = db_column_int64(st, 0);
	m->hash = col_text(a, st, 1);
	m->width = db_column_int(st, 2);
	m->height = db_column_int(st, 3);
	m->widths = col_text(a, st, 4);
	m->alt = col_text(a, st, 5);
	m->caption = col_text(a, st, 6);
	m->credit = col_text(a, st, 7);
	m->filename = col_text(a, st, 8);
	m->bytes = db_column_int64(st, 9);
	m->created_at = db_column_int64(st, 10);
}

/* One row of st (bound by the caller) into m: 1, 0, -1. */
static int
media_one(struct store *s, struct arena *a, struct dstmt *st,
    struct media *m)
{
	int	 rc;

	if ((rc = db_step(st)) == DB_ROW)
		media_row(a, st, m);
	else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int
store_media_add(struct store *s, struct arena *a, struct media *m,
    long long user_id, int64_t now)
{
	struct dstmt	*st;
	int		 rc, added;

	if (store_begin(s) < 0)
		return -1;
	st = stmt_get(s, ST_MEDIA_INSERT);
	bind_text(st, 1, m->hash);
	db_bind_int64(st, 2, m->width);
	db_bind_int64(st, 3, m->height);
	bind_text(st, 4, m->widths);
	bind_text(st, 5, m->alt);
	bind_text(st, 6, m->caption);
	bind_text(st, 7, m->credit);
	bind_text(st, 8, m->filename);
	db_bind_int64(st, 9, m->bytes);
	if (user_id > 0)
		db_bind_int64(st, 10, user_id);
	else
		db_bind_null(st, 10);
	db_bind_int64(st, 11, now);
	rc = db_step(st);
	added = db_changes(s->db) > 0;
	stmt_done(st);
	if (rc != DB_DONE) {
		STORE_ERR(s);
		store_rollback(s);
		return -1;
	}
	st = stmt_get(s, ST_MEDIA_BY_HASH);
	bind_text(st, 1, m->hash);
	if (media_one(s, a, st, m) != 1) {
		store_rollback(s);
		return -1;
	}
	if (store_commit_unseen(s) < 0)
		return -1;
	return added;
}

int
store_media_by_id(struct store *s, struct arena *a, long long id,
    struct media *m)
{
	struct dstmt	*st = stmt_get(s, ST_MEDIA_BY_ID);

	db_bind_int64(st, 1, id);
	return media_one(s, a, st, m);
}

/* The rows of st (bound by the caller but for ?1 and ?2) into *out. */
static int
media_rows(struct store *s, struct arena *a, struct dstmt *st,
    long long before, int limit, struct media **out)
{
	struct media	*rows = NULL;
	size_t		 cap = 0;
	int		 n = 0, rc;

	db_bind_int64(st, 1, before > 0 ? before : INT64_MAX);
	db_bind_int64(st, 2, limit);
	while ((rc = db_step(st)) == DB_ROW) {
		rows = arena_grow(a, rows, (size_t)n, &cap, sizeof(*rows));
		media_row(a, st, &rows[n++]);
	}
	if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	*out = rows;
	return rc == DB_DONE ? n : -1;
}

int
store_media_list(struct store *s, struct arena *a, long long before,
    int limit, struct media **out)
{
	return media_rows(s, a, stmt_get(s, ST_MEDIA_LIST), before, limit,
	    out);
}

int
store_media_search(struct store *s, struct arena *a, const char *words,
    long long before, int limit, struct media **out)
{
	struct dstmt	*st = stmt_get(s, ST_MEDIA_SEARCH);
	char		*folded = arena_strdup(a, words), *p;

	/* As SQLite's lower() folds: ASCII letters only. */
	for (p = folded; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	bind_text(st, 3, folded);
	return media_rows(s, a, st, before, limit, out);
}

int
store_media_uses(struct store *s, struct arena *a, long long id, int limit,
    struct media_use **out)
{
	struct dstmt	*st = stmt_get(s, ST_MEDIA_USES);
	struct media_use *rows = NULL;
	size_t		 cap = 0;
	int		 n = 0, rc;

	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, limit);
	while ((rc = db_step(st)) == DB_ROW) {
		rows = arena_grow(a, rows, (size_t)n, &cap, sizeof(*rows));
		rows[n].article_id = db_column_int64(st, 0);
		rows[n].headline = col_text(a, st, 1);
		n++;
	}
	if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	*out = rows;
	return rc == DB_DONE ? n : -1;
}

int
store_article_lead_set(struct store *s, long long article_id,
    long long media_id)
{
	struct dstmt	*st;
	int		 rc;

	if (store_begin(s) < 0)
		return -1;
	if (media_id > 0) {
		st = stmt_get(s, ST_ARTICLE_LEAD_SET);
		db_bind_int64(st, 2, media_id);
	} else
		st = stmt_get(s, ST_ARTICLE_LEAD_CLEAR);
	db_bind_int64(st, 1, article_id);
	rc = db_step(st);
	stmt_done(st);
	if (rc != DB_DONE || outbox_article(s, article_id) < 0) {
		if (rc != DB_DONE)
			STORE_ERR(s);
		store_rollback(s);
		return -1;
	}
	return store_commit(s);
}

int
store_article_lead(struct store *s, struct arena *a, long long article_id,
    struct media *m)
{
	struct dstmt	*st = stmt_get(s, ST_ARTICLE_LEAD);

	db_bind_int64(st, 1, article_id);
	return media_one(s, a, st, m);
}

int
store_media_update(struct store *s, long long id, const char *alt,
    const char *caption, const char *credit)
{
	struct dstmt	*st;
	long long	*ids = NULL;
	size_t		 cap = 0, n = 0, i;
	int		 rc, changed;
	struct arena	 a;

	if (store_begin(s) < 0)
		return -1;
	st = stmt_get(s, ST_MEDIA_UPDATE);
	db_bind_int64(st, 1, id);
	bind_text(st, 2, alt);
	bind_text(st, 3, caption);
	bind_text(st, 4, credit);
	rc = db_step(st);
	changed = db_changes(s->db) > 0;
	stmt_done(st);
	if (rc != DB_DONE) {
		STORE_ERR(s);
		store_rollback(s);
		return -1;
	}
	if (!changed) {
		store_rollback(s);
		return 0;
	}
	/* Every article that shows it: its pages change. */
	arena_init(&a, 0);
	st = stmt_get(s, ST_MEDIA_USES);
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, -1);
	while ((rc = db_step(st)) == DB_ROW) {
		ids = arena_grow(&a, ids, n, &cap, sizeof(*ids));
		ids[n++] = db_column_int64(st, 0);
	}
	stmt_done(st);
	for (i = 0; rc == DB_DONE && i < n; i++)
		if (outbox_article(s, ids[i]) < 0)
			rc = DB_ERROR;
	arena_free(&a);
	if (rc != DB_DONE) {
		STORE_ERR(s);
		store_rollback(s);
		return -1;
	}
	if (n == 0)
		return store_commit_unseen(s) < 0 ? -1 : 1;
	return store_commit(s) < 0 ? -1 : 1;
}

int
store_media_delete(struct store *s, long long id)
{
	struct dstmt	*st;
	struct media	 m;
	struct arena	 a;
	int		 rc, found;

	if (store_begin(s) < 0)
		return -1;
	arena_init(&a, 0);
	st = stmt_get(s, ST_MEDIA_BY_ID);
	db_bind_int64(st, 1, id);
	found = media_one(s, &a, st, &m);
	arena_free(&a);
	if (found <= 0) {
		store_rollback(s);
		return found;
	}
	st = stmt_get(s, ST_MEDIA_DELETE);
	db_bind_int64(st, 1, id);
	rc = db_step(st);
	found = db_changes(s->db) > 0;
	stmt_done(st);
	if (rc != DB_DONE) {
		STORE_ERR(s);
		store_rollback(s);
		return -1;
	}
	if (!found) {
		store_rollback(s);
		return 2;
	}
	return store_commit_unseen(s) < 0 ? -1 : 1;
}
