/*
 * copy.c: a whole site from a SQLite file into an empty PostgreSQL
 * database (gazette copy).
 *
 * Every table is copied row for row, ids kept, in one transaction on
 * the destination, in an order that satisfies its foreign keys; each
 * identity sequence is then moved past the highest id, and the search
 * index is built anew (PostgreSQL computes its tsvector from the text).
 * The day counts of the archive (article_days) are not copied: the
 * destination's triggers count the articles as they arrive.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/log.h"
#include "impl.h"

/* The tables, parents before children. */
static const char *const copy_tables[] = {
	"users", "media", "articles", "article_slugs", "tags", "tag_slugs",
	"article_tags", "article_media", "article_authors",
	"article_body_media", "comments", "revisions",
	"corrections", "sessions", "account_tokens", "recovery_codes",
	"throttle", "settings", "meta", "purge_nodes", "purge_outbox",
	"audit_log",
};
#define NTABLES	(sizeof(copy_tables) / sizeof(copy_tables[0]))

/* 1 if name is a plain identifier: lower-case letters, digits, _. */
static int
plain_name(const char *name)
{
	if (name == NULL || *name == '\0')
		return 0;
	for (; *name != '\0'; name++)
		if (!((*name >= 'a' && *name <= 'z') ||
		    (*name >= '0' && *name <= '9') || *name == '_'))
			return 0;
	return 1;
}

/*
 * Copy table t from src to dst (inside dst's transaction).  The column
 * names come from the source's catalog, at the same schema version as
 * the destination's, and are checked to be plain names; every value is
 * bound.  Sets *has_id if the table has an id column.  Returns the
 * number of rows, or -1 (logged).
 */
static long long
copy_table(struct store *src, struct store *dst, const char *t, int *has_id)
{
	struct dstmt	*from = NULL, *to = NULL;
	struct buf	 sql = BUF_INIT;
	const char	*v;
	long long	 n = -1;
	int		 i, ncol, rc, blob;

	buf_printf(&sql, "SELECT * FROM %s ORDER BY 1", t);
	if ((from = db_prepare(src->db, buf_cstr(&sql), 0)) == NULL)
		goto out;
	/* The first step runs the query and tells the columns. */
	rc = db_step(from);
	if (rc != DB_ROW && rc != DB_DONE) {
		STORE_ERR(src);
		goto out;
	}
	ncol = db_column_count(from);
	buf_reset(&sql);
	buf_printf(&sql, "INSERT INTO %s (", t);
	for (i = 0; i < ncol; i++) {
		if (!plain_name(db_column_name(from, i))) {
			LOG_ERR("copy: %s: a column has an unexpected name", t);
			goto out;
		}
		buf_printf(&sql, "%s%s", i ? ", " : "",
		    db_column_name(from, i));
		if (strcmp(db_column_name(from, i), "id") == 0)
			*has_id = 1;
	}
	buf_printf(&sql, ") VALUES (");
	for (i = 0; i < ncol; i++)
		buf_printf(&sql, "%s$%d", i ? ", " : "", i + 1);
	buf_printf(&sql, ")");
	if ((to = db_prepare(dst->db, buf_cstr(&sql), 0)) == NULL)
		goto out;
	for (n = 0; rc == DB_ROW; n++) {
		for (i = 0; i < ncol; i++) {
			/* The type first: reading a blob as text may
			   convert it. */
			blob = db_column_blob(from, i);
			if ((v = db_column_text(from, i)) == NULL)
				db_bind_null(to, i + 1);
			else if (blob)
				db_bind_blob(to, i + 1, v,
				    db_column_bytes(from, i));
			else
				db_bind_text(to, i + 1, v);
		}
		rc = db_step(to);
		db_reset(to);
		if (rc != DB_DONE) {
			LOG_ERR("copy: %s, row %lld: %s", t, n + 1,
			    db_errmsg(dst->db));
			n = -1;
			goto out;
		}
		rc = db_step(from);
	}
	if (rc != DB_DONE) {
		STORE_ERR(src);
		n = -1;
	}
out:
	db_finalize(from);
	db_finalize(to);
	buf_free(&sql);
	return n;
}

/* Move t's identity sequence (if it has one) past its highest id. */
static int
copy_sequence(struct store *dst, const char *t)
{
	struct dstmt	*st;
	struct buf	 sql = BUF_INIT;
	int		 rc;

	buf_printf(&sql, "SELECT setval(pg_get_serial_sequence('%s', 'id'),"
	    " coalesce(max(id), 0) + 1, false) FROM %s"
	    " WHERE pg_get_serial_sequence('%s', 'id') IS NOT NULL", t, t, t);
	st = db_prepare(dst->db, buf_cstr(&sql), 0);
	buf_free(&sql);
	if (st == NULL)
		return -1;
	rc = db_step(st);
	db_finalize(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		STORE_ERR(dst);
		return -1;
	}
	return 0;
}

/* 1 if the destination holds no site yet, 0 if it does, -1. */
static int
copy_empty(struct store *dst)
{
	struct dstmt	*st;
	int		 rc, empty;

	st = db_prepare(dst->db, "SELECT (SELECT count(*) FROM users)"
	    " + (SELECT count(*) FROM articles) + (SELECT count(*) FROM tags)"
	    " + (SELECT count(*) FROM comments) + (SELECT count(*) FROM media)",
	    0);
	if (st == NULL)
		return -1;
	rc = db_step(st);
	empty = rc == DB_ROW && db_column_int64(st, 0) == 0;
	db_finalize(st);
	return rc == DB_ROW ? empty : -1;
}

int
store_copy(const char *from, const char *to, void *out)
{
	FILE		*f = out;
	struct store	*src = NULL, *dst = NULL;
	long long	 counts[NTABLES];
	size_t		 i;
	int		 a, b, rc = -1, n, has_id;

	if (db_is_conninfo(from) || !db_is_conninfo(to)) {
		LOG_ERR("copy: --from names a SQLite file and --to a "
		    "PostgreSQL database");
		return -1;
	}
	/* The source as it is (its schema version must be ours). */
	if ((src = store_open(from, 0)) == NULL)
		goto out;
	/* The destination, migrated to the same version if need be. */
	if ((dst = store_open(to, 1)) == NULL ||
	    store_migrate(dst, &a, &b) < 0)
		goto out;
	if ((n = copy_empty(dst)) != 1) {
		if (n == 0)
			LOG_ERR("copy: %s holds a site already (users, "
			    "articles, tags, comments or media): copying "
			    "needs an empty database", to);
		goto out;
	}
	/* The source in one snapshot, the destination in one transaction. */
	if (db_exec(src->db, "BEGIN") < 0)
		goto out;
	if (db_exec(dst->db, "BEGIN; LOCK TABLE meta;"
	    " DELETE FROM meta; DELETE FROM settings") < 0)
		goto rollback;
	for (i = 0; i < NTABLES; i++) {
		has_id = 0;
		if ((counts[i] = copy_table(src, dst, copy_tables[i],
		    &has_id)) < 0 ||
		    (has_id && copy_sequence(dst, copy_tables[i]) < 0))
			goto rollback;
	}
	if (db_exec(dst->db, "COMMIT") < 0)
		goto rollback;
	db_exec(src->db, "COMMIT");
	if ((n = store_search_reindex(dst)) < 0)
		goto out;
	for (i = 0; i < NTABLES; i++)
		fprintf(f, "%-16s %lld\n", copy_tables[i], counts[i]);
	fprintf(f, "%-16s %d\n", "search index", n);
	rc = 0;
	goto out;
rollback:
	if (db_in_txn(dst->db))
		db_exec(dst->db, "ROLLBACK");
	if (db_in_txn(src->db))
		db_exec(src->db, "ROLLBACK");
out:
	store_close(src);
	store_close(dst);
	return rc;
}
