/*
 * outbox.c: the purge outbox.  See "The purge outbox" in store.h.
 *
 * The rows are written inside the transaction of the change they name,
 * so a committed change always has its purges recorded, and a change
 * that rolls back has none.  Acknowledgements and failures are
 * bookkeeping: they commit without moving the generation, so that they
 * empty no page cache.
 */
#include <string.h>
#include <time.h>

#include "../util/arena.h"
#include "impl.h"

/* Run the outbox statement id for ref; 0 or -1. */
static int
outbox_put(struct store *s, enum stmt id, long long ref)
{
	struct dstmt	*st = stmt_get(s, id);

	db_bind_int64(st, 1, ref);
	db_bind_int64(st, 2, (int64_t)time(NULL));
	s->outboxed = 1;
	return STMT_EXEC(s, st);
}

int
outbox_article(struct store *s, long long id)
{
	return outbox_put(s, ST_OUTBOX_ARTICLE, id);
}

int
outbox_tag(struct store *s, long long id)
{
	return outbox_put(s, ST_OUTBOX_TAG, id);
}

int
outbox_author(struct store *s, long long user_id)
{
	/* The feeds that carry the author's articles (the site's, which
	 * every purge takes, and their topics') name the author too. */
	if (outbox_put(s, ST_OUTBOX_AUTHOR, user_id) < 0)
		return -1;
	return outbox_put(s, ST_OUTBOX_AUTHOR_TAGS, user_id);
}

int
outbox_site(struct store *s)
{
	struct dstmt	*st = stmt_get(s, ST_OUTBOX_SITE);

	db_bind_int64(st, 1, (int64_t)time(NULL));
	s->outboxed = 1;
	return STMT_EXEC(s, st);
}

/* Record nodes as listed now (new ones start with every row kept). */
static int
nodes_add(struct store *s, const char *const *nodes, size_t n, int64_t now)
{
	struct dstmt	*st;
	size_t		 i;

	for (i = 0; i < n; i++) {
		st = stmt_get(s, ST_PURGE_NODE_ADD);
		bind_text(st, 1, nodes[i]);
		db_bind_int64(st, 2, now);
		if (STMT_EXEC(s, st) < 0)
			return -1;
	}
	return 0;
}

int
store_purge_nodes_add(struct store *s, const char *const *nodes, size_t n)
{
	if (store_begin(s) < 0)
		return -1;
	if (nodes_add(s, nodes, n, (int64_t)time(NULL)) < 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit_unseen(s);
}

int
store_purge_nodes_set(struct store *s, const char *const *nodes, size_t n)
{
	struct arena	 a;
	struct purge_node *have;
	struct dstmt	*st;
	int64_t		 now = (int64_t)time(NULL);
	size_t		 i;
	int		 nhave, j, keep;

	arena_init(&a, 1024);
	if (store_begin(s) < 0)
		goto fail;
	if (nodes_add(s, nodes, n, now) < 0)
		goto rollback;
	if ((nhave = store_purge_nodes(s, &a, &have)) < 0)
		goto rollback;
	for (j = 0; j < nhave; j++) {
		for (keep = 0, i = 0; i < n && !keep; i++)
			keep = strcmp(have[j].node, nodes[i]) == 0;
		if (keep)
			continue;
		/*
		 * Another app server may purge it (a cluster lists the same
		 * nodes everywhere): drop it only once nobody has listed it,
		 * or heard from it, for PURGE_NODE_IDLE seconds.
		 */
		st = stmt_get(s, ST_PURGE_NODE_DROP);
		bind_text(st, 1, have[j].node);
		db_bind_int64(st, 2, now - PURGE_NODE_IDLE);
		if (STMT_EXEC(s, st) < 0)
			goto rollback;
	}
	if (STMT_EXEC(s, stmt_get(s, ST_PURGE_PRUNE)) < 0)
		goto rollback;
	arena_free(&a);
	return store_commit_unseen(s);
rollback:
	store_rollback(s);
fail:
	arena_free(&a);
	return -1;
}

int
store_purge_nodes(struct store *s, struct arena *a, struct purge_node **out)
{
	struct dstmt	*st = stmt_get(s, ST_PURGE_NODES);
	struct purge_node *rows = NULL;
	int		 n = 0, cap = 0, rc;

	while ((rc = db_step(st)) == DB_ROW) {
		if (n == cap) {
			struct purge_node *more;

			cap = cap ? cap * 2 : 8;
			more = arena_alloc(a, (size_t)cap * sizeof(*more));
			if (n > 0)
				memcpy(more, rows, (size_t)n * sizeof(*rows));
			rows = more;
		}
		rows[n].node = col_text(a, st, 0);
		rows[n].acked = db_column_int64(st, 1);
		rows[n].acked_at = db_column_int64(st, 2);
		rows[n].failed_at = db_column_int64(st, 3);
		rows[n].error = col_text(a, st, 4);
		rows[n].pending = db_column_int64(st, 5);
		rows[n].oldest = db_column_int64(st, 6);
		n++;
	}
	if (rc != DB_DONE) {
		STORE_ERR(s);
		n = -1;
	}
	stmt_done(st);
	*out = rows;
	return n;
}

int
store_purge_pending(struct store *s, struct arena *a, long long after,
    int limit, struct purge_row **out)
{
	struct dstmt	*st = stmt_get(s, ST_PURGE_PENDING);
	struct purge_row *rows;
	const char	*kind;
	int		 n = 0, rc;

	rows = arena_alloc(a, (size_t)(limit > 0 ? limit : 1) * sizeof(*rows));
	db_bind_int64(st, 1, after);
	db_bind_int64(st, 2, limit);
	while (n < limit && (rc = db_step(st)) == DB_ROW) {
		rows[n].id = db_column_int64(st, 0);
		kind = db_column_text(st, 1);
		rows[n].kind = strcmp(kind, "article") == 0 ? PURGE_ARTICLE :
		    strcmp(kind, "tag") == 0 ? PURGE_TAG :
		    strcmp(kind, "author") == 0 ? PURGE_AUTHOR : PURGE_SITE;
		rows[n].slug = col_text(a, st, 2);
		rows[n].ref = db_column_int64(st, 3);
		rows[n].at = db_column_int64(st, 4);
		n++;
	}
	if (n < limit && rc != DB_DONE) {
		STORE_ERR(s);
		n = -1;
	}
	stmt_done(st);
	*out = rows;
	return n;
}

/* Run node's bookkeeping statement st (bound) and maybe prune: 0 or -1. */
static int
node_update(struct store *s, struct dstmt *st, int prune)
{
	if (STMT_EXEC(s, st) < 0 ||
	    (prune && STMT_EXEC(s, stmt_get(s, ST_PURGE_PRUNE)) < 0)) {
		store_rollback(s);
		return -1;
	}
	return store_commit_unseen(s);
}

int
store_purge_ack(struct store *s, const char *node, long long upto,
    int64_t now)
{
	struct dstmt	*st;

	if (store_begin(s) < 0)
		return -1;
	st = stmt_get(s, ST_PURGE_ACK);
	bind_text(st, 1, node);
	db_bind_int64(st, 2, upto);
	db_bind_int64(st, 3, now);
	return node_update(s, st, 1);
}

int
store_purge_failed(struct store *s, const char *node, const char *error,
    int64_t now)
{
	struct dstmt	*st;

	if (store_begin(s) < 0)
		return -1;
	st = stmt_get(s, ST_PURGE_FAILED);
	bind_text(st, 1, node);
	db_bind_int64(st, 2, now);
	bind_text(st, 3, error);
	return node_update(s, st, 0);
}
