/*
 * review.c: roles and review.  A contributor's draft is submitted to
 * the editors' queue; an editor publishes it (store_article_save takes
 * it out of the queue) or returns it with a note its writer sees.
 *
 * Drafts change no reader's page, so these single statements run
 * outside store_begin()/store_commit() and name nothing in the purge
 * outbox, like the session writes in user.c.
 */
#include "../util/arena.h"
#include "impl.h"

int
store_article_review(struct store *s, struct arena *a, long long id,
    struct review *rv)
{
	struct dstmt	*st = stmt_get(s, ST_ARTICLE_REVIEW);
	int		 rc;

	db_bind_int64(st, 1, id);
	if ((rc = db_step(st)) == DB_ROW) {
		rv->author_id = db_column_int64(st, 0);
		rv->submitted_at = db_column_int64(st, 1);
		rv->note = col_text(a, st, 2);
		rv->author = "";
	} else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int
store_article_submit(struct store *s, long long id, int64_t now)
{
	struct dstmt	*st = stmt_get(s, ST_ARTICLE_SUBMIT);

	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, now);
	if (STMT_EXEC(s, st) < 0)
		return -1;
	return db_changes(s->db) > 0;
}

int
store_article_return(struct store *s, long long id, const char *note,
    int64_t now)
{
	struct dstmt	*st = stmt_get(s, ST_ARTICLE_RETURN);

	db_bind_int64(st, 1, id);
	bind_text(st, 2, note);
	db_bind_int64(st, 3, now);
	if (STMT_EXEC(s, st) < 0)
		return -1;
	return db_changes(s->db) > 0;
}

/* Step st into up to limit rows of articles and their review state. */
static int
review_rows(struct store *s, struct arena *a, struct dstmt *st, int limit,
    struct article **arts, struct review **rvs)
{
	struct article	*rows;
	struct review	*rv;
	int		 n = 0, rc = DB_DONE;

	rows = arena_alloc(a, sizeof(*rows) * (size_t)(limit > 0 ? limit : 1));
	rv = arena_alloc(a, sizeof(*rv) * (size_t)(limit > 0 ? limit : 1));
	while (n < limit && (rc = db_step(st)) == DB_ROW) {
		article_row(a, st, &rows[n], 0);
		rv[n].author_id = 0;
		rv[n].submitted_at = db_column_int64(st, 15);
		rv[n].note = col_text(a, st, 16);
		rv[n].author = col_text(a, st, 17);
		n++;
	}
	stmt_done(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		STORE_ERR(s);
		return -1;
	}
	*arts = rows;
	*rvs = rv;
	return n;
}

int
store_articles_queue(struct store *s, struct arena *a, int limit,
    struct article **arts, struct review **rvs)
{
	struct dstmt	*st = stmt_get(s, ST_ARTICLES_QUEUE);

	db_bind_int64(st, 1, limit);
	return review_rows(s, a, st, limit, arts, rvs);
}

int
store_articles_of_author(struct store *s, struct arena *a,
    long long user_id, int limit, struct article **arts, struct review **rvs)
{
	struct dstmt	*st = stmt_get(s, ST_ARTICLES_OF_AUTHOR);

	db_bind_int64(st, 1, user_id);
	db_bind_int64(st, 2, limit);
	return review_rows(s, a, st, limit, arts, rvs);
}
