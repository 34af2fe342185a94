/*
 * comment.c: readers' comments.
 */
#include <string.h>

#include "../util/arena.h"
#include "impl.h"

static enum comment_status
comment_status_parse(const char *s)
{
	if (strcmp(s, "approved") == 0)
		return COMMENT_APPROVED;
	if (strcmp(s, "rejected") == 0)
		return COMMENT_REJECTED;
	return COMMENT_PENDING;
}

int
store_comments_approved(struct store *s, struct arena *a, long long article_id,
    long long after_id, int limit, struct comment **out)
{
	sqlite3_stmt	*st = stmt_get(s, ST_COMMENTS_APPROVED);
	struct comment	*rows;
	int		 n = 0, rc = SQLITE_DONE;

	rows = arena_calloc(a, (size_t)(limit > 0 ? limit : 1), sizeof(*rows));
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int64(st, 2, after_id);
	sqlite3_bind_int(st, 3, limit);
	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows[n].id = sqlite3_column_int64(st, 0);
		rows[n].article_id = sqlite3_column_int64(st, 1);
		rows[n].author = col_text(a, st, 2);
		rows[n].body = col_text(a, st, 3);
		rows[n].status = comment_status_parse(
		    (const char *)sqlite3_column_text(st, 4));
		rows[n].created_at = sqlite3_column_int64(st, 5);
		n++;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		STORE_ERR(s);
		stmt_done(st);
		return -1;
	}
	stmt_done(st);
	*out = rows;
	return n;
}

int
store_comment_import(struct store *s, long long article_id,
    const char *author, const char *body, int64_t at)
{
	sqlite3_stmt	*st;

	if (store_begin(s) < 0)
		return -1;
	st = stmt_get(s, ST_COMMENT_INSERT);
	sqlite3_bind_int64(st, 1, article_id);
	bind_text(st, 2, author);
	bind_text(st, 3, body);
	bind_text(st, 4, "approved");
	sqlite3_bind_int64(st, 5, at);
	bind_text(st, 8, "");
	if (STMT_EXEC(s, st) < 0)
		goto fail;
	st = stmt_get(s, ST_ARTICLE_COMMENT_COUNT_ADD);
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int(st, 2, 1);
	if (STMT_EXEC(s, st) < 0)
		goto fail;
	return store_commit(s);
fail:
	store_rollback(s);
	return -1;
}
