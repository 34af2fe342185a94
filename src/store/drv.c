/*
 * drv.c: the driver's SQLite backend, and the dispatch of every db_*()
 * call to SQLite or to PostgreSQL (drv_pg.c).  On SQLite each call is
 * the sqlite3_*() call it wraps, behind one test of a pointer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../util/log.h"
#include "drv_impl.h"

_Static_assert(DB_ROW == SQLITE_ROW && DB_DONE == SQLITE_DONE &&
    DB_ERROR == SQLITE_ERROR, "db_step() returns SQLite's codes");

int
db_is_conninfo(const char *where)
{
	return strncmp(where, "postgresql://", 13) == 0 ||
	    strncmp(where, "postgres://", 11) == 0 ||
	    strchr(where, '=') != NULL;
}

const char *
db_name(const struct dconn *c)
{
	return c->pq != NULL ? "postgresql" : "sqlite";
}

int
db_is_pg(const struct dconn *c)
{
	return c->pq != NULL;
}

const char *
db_errmsg(struct dconn *c)
{
	if (c->pq != NULL)
		return c->err;
	return sqlite3_errmsg(c->sq);
}

int
db_in_txn(struct dconn *c)
{
	if (c->pq != NULL)
		return pg_in_txn(c);
	return !sqlite3_get_autocommit(c->sq);
}

long long
db_changes(struct dconn *c)
{
	if (c->pq != NULL)
		return c->changes;
	return sqlite3_changes(c->sq);
}

int
db_unavailable_take(struct dconn *c)
{
	int	 u = c->unavail;

	c->unavail = 0;
	return u;
}

/* Run fixed text on SQLite; 0 or -1 (logged). */
static int
sq_exec(sqlite3 *db, const char *sql)
{
	char	*err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		LOG_ERR("sqlite: %s: %s", sql, err ? err : "?");
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

int
db_exec(struct dconn *c, const char *sql)
{
	if (c->pq != NULL)
		return pg_exec(c, sql);
	return sq_exec(c->sq, sql);
}

static struct dconn *
sq_open(const char *path, int create, const struct db_opts *o)
{
	struct dconn	*c;
	int		 flags, on = 1;
	char		 sql[128];

	if ((c = calloc(1, sizeof(*c))) == NULL)
		abort();
	flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	if (create)
		flags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &c->sq, flags, NULL) != SQLITE_OK) {
		/* Said to whoever runs the command: no source position. */
		if (!create && access(path, F_OK) != 0)
			log_info("%s: no database there (gazette migrate "
			    "creates it; --db or GAZETTE_DB names another)",
			    path);
		else
			log_info("%s: cannot open the database: %s", path,
			    c->sq ? sqlite3_errmsg(c->sq) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(c->sq, 1);
	sqlite3_busy_timeout(c->sq, 5000);
	/*
	 * Hardening: no schema object may call functions with side
	 * effects, and the connection refuses writes that could corrupt
	 * the file (writable_schema and the like).
	 */
	sqlite3_db_config(c->sq, SQLITE_DBCONFIG_DEFENSIVE, on, NULL);
	sqlite3_db_config(c->sq, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(c->sq, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0,
	    NULL);
	/* No value Gazette stores comes near these. */
	sqlite3_limit(c->sq, SQLITE_LIMIT_LENGTH, 8 * 1024 * 1024);
	sqlite3_limit(c->sq, SQLITE_LIMIT_SQL_LENGTH, 100000);
	sqlite3_limit(c->sq, SQLITE_LIMIT_ATTACHED, 0);
	if (sq_exec(c->sq, "PRAGMA journal_mode=WAL") < 0 ||
	    sq_exec(c->sq, "PRAGMA foreign_keys=ON") < 0 ||
	    sq_exec(c->sq, "PRAGMA trusted_schema=OFF") < 0 ||
	    sq_exec(c->sq, "PRAGMA temp_store=MEMORY") < 0 ||
	    sq_exec(c->sq, o->sync_full ? "PRAGMA synchronous=FULL" :
	    "PRAGMA synchronous=NORMAL") < 0)
		goto fail;
	snprintf(sql, sizeof(sql), "PRAGMA cache_size=-%d", o->cache_kib);
	if (sq_exec(c->sq, sql) < 0)
		goto fail;
	snprintf(sql, sizeof(sql), "PRAGMA mmap_size=%lld",
	    (long long)o->mmap_mib << 20);
	if (sq_exec(c->sq, sql) < 0)
		goto fail;
	return c;
fail:
	db_close(c);
	return NULL;
}

struct dconn *
db_open(const char *where, int create, const struct db_opts *o)
{
	if (db_is_conninfo(where))
		return pg_open(where);
	return sq_open(where, create, o);
}

void
db_close(struct dconn *c)
{
	if (c == NULL)
		return;
	if (c->pq != NULL) {
		pg_close(c);
		return;
	}
	/* Closing the last connection checkpoints and removes the WAL. */
	sqlite3_close_v2(c->sq);
	free(c);
}

struct dstmt *
db_prepare(struct dconn *c, const char *sql, int persistent)
{
	struct dstmt	*st;

	if (c->pq != NULL)
		return pg_prepare(c, sql, persistent);
	if ((st = calloc(1, sizeof(*st))) == NULL)
		abort();
	st->c = c;
	if (sqlite3_prepare_v3(c->sq, sql, -1,
	    persistent ? SQLITE_PREPARE_PERSISTENT : 0, &st->sq, NULL) !=
	    SQLITE_OK) {
		LOG_ERR("sqlite: preparing %.60s: %s", sql,
		    sqlite3_errmsg(c->sq));
		free(st);
		return NULL;
	}
	return st;
}

void
db_finalize(struct dstmt *st)
{
	if (st == NULL)
		return;
	if (st->sq == NULL) {
		pg_finalize(st);
		return;
	}
	sqlite3_finalize(st->sq);
	free(st);
}

int
db_bind_int64(struct dstmt *st, int i, int64_t v)
{
	if (st->sq != NULL)
		return sqlite3_bind_int64(st->sq, i, v);
	return pg_bind_int64(st, i, v);
}

int
db_bind_text(struct dstmt *st, int i, const char *v)
{
	if (st->sq != NULL)
		return v == NULL ? sqlite3_bind_null(st->sq, i) :
		    sqlite3_bind_text(st->sq, i, v, -1, SQLITE_STATIC);
	return pg_bind(st, i, v, v ? (int)strlen(v) : 0, 0);
}

int
db_bind_blob(struct dstmt *st, int i, const void *v, int n)
{
	if (st->sq != NULL)
		return sqlite3_bind_blob(st->sq, i, v, n, SQLITE_STATIC);
	return pg_bind(st, i, v, n, 1);
}

int
db_bind_null(struct dstmt *st, int i)
{
	if (st->sq != NULL)
		return sqlite3_bind_null(st->sq, i);
	return pg_bind(st, i, NULL, 0, 0);
}

int
db_step(struct dstmt *st)
{
	if (st->sq != NULL)
		return sqlite3_step(st->sq);
	return pg_step(st);
}

void
db_reset(struct dstmt *st)
{
	if (st->sq != NULL) {
		sqlite3_reset(st->sq);
		sqlite3_clear_bindings(st->sq);
		return;
	}
	pg_reset(st);
}

int64_t
db_column_int64(struct dstmt *st, int i)
{
	const char	*v;

	if (st->sq != NULL)
		return sqlite3_column_int64(st->sq, i);
	/* PostgreSQL's text: a number, or a boolean as t or f. */
	if ((v = pg_column_text(st, i)) == NULL)
		return 0;
	if (v[0] == 't' && v[1] == '\0')
		return 1;
	return strtoll(v, NULL, 10);
}

int
db_column_int(struct dstmt *st, int i)
{
	return (int)db_column_int64(st, i);
}

const char *
db_column_text(struct dstmt *st, int i)
{
	if (st->sq != NULL)
		return (const char *)sqlite3_column_text(st->sq, i);
	return pg_column_text(st, i);
}

int
db_column_bytes(struct dstmt *st, int i)
{
	if (st->sq != NULL)
		return sqlite3_column_bytes(st->sq, i);
	return pg_column_bytes(st, i);
}

int
db_column_null(struct dstmt *st, int i)
{
	if (st->sq != NULL)
		return sqlite3_column_type(st->sq, i) == SQLITE_NULL;
	return pg_column_text(st, i) == NULL;
}

int
db_column_count(struct dstmt *st)
{
	if (st->sq != NULL)
		return sqlite3_column_count(st->sq);
	return pg_column_count(st);
}

const char *
db_column_name(struct dstmt *st, int i)
{
	if (st->sq != NULL)
		return sqlite3_column_name(st->sq, i);
	return pg_column_name(st, i);
}

int
db_column_blob(struct dstmt *st, int i)
{
	/* PostgreSQL's rows come as text (bytea in its hex form). */
	if (st->sq != NULL)
		return sqlite3_column_type(st->sq, i) == SQLITE_BLOB;
	return 0;
}

/* The first column of the first row of fixed text, as an int; -1. */
static int
sq_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*st;
	int		 v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
db_version(struct dconn *c)
{
	if (c->pq != NULL)
		return pg_version(c);
	return sq_int(c->sq, "PRAGMA user_version");
}

/* Rows whose foreign key points nowhere: 0, else 1 (logged) or -1. */
static int
fk_violations(sqlite3 *db)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st,
	    NULL) != SQLITE_OK) {
		LOG_ERR("sqlite: %s", sqlite3_errmsg(db));
		return -1;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		LOG_ERR("a row of %s refers to a missing row of %s",
		    sqlite3_column_text(st, 0), sqlite3_column_text(st, 2));
	else if (rc != SQLITE_DONE)
		LOG_ERR("sqlite: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : rc == SQLITE_ROW ? 1 : -1;
}

int
db_migrate_one(struct dconn *c, const char *sql, int v)
{
	char	 pragma[64];

	if (c->pq != NULL)
		return pg_migrate_one(c, sql, v);
	/*
	 * Foreign keys are off meanwhile (the pragma has no effect inside
	 * a transaction), so that a table can be rebuilt without its
	 * references cascading; they are checked before COMMIT.
	 */
	if (sq_exec(c->sq, "PRAGMA foreign_keys=OFF") < 0 ||
	    sq_exec(c->sq, "BEGIN IMMEDIATE") < 0)
		return -1;
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d", v);
	if (sq_exec(c->sq, sql) < 0 || sq_exec(c->sq, pragma) < 0 ||
	    fk_violations(c->sq) != 0) {
		sq_exec(c->sq, "ROLLBACK");
		sq_exec(c->sq, "PRAGMA foreign_keys=ON");
		return -1;
	}
	if (sq_exec(c->sq, "COMMIT") < 0 ||
	    sq_exec(c->sq, "PRAGMA foreign_keys=ON") < 0)
		return -1;
	return 0;
}

/* Print every row of a check pragma; returns the number of problems. */
static int
check_rows(sqlite3 *db, const char *sql, FILE *f, int ok_is_row)
{
	sqlite3_stmt	*st;
	int		 n = 0, i, rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		LOG_ERR("sqlite: %s", sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *first = (const char *)sqlite3_column_text(st, 0);

		if (ok_is_row && first != NULL &&
		    sqlite3_column_count(st) == 1 &&
		    sqlite3_stricmp(first, "ok") == 0)
			continue;
		n++;
		for (i = 0; i < sqlite3_column_count(st); i++)
			fprintf(f, "%s%s", i ? " " : "",
			    sqlite3_column_text(st, i) ?
			    (const char *)sqlite3_column_text(st, i) : "NULL");
		fputc('\n', f);
	}
	if (rc != SQLITE_DONE) {
		LOG_ERR("sqlite: %s", sqlite3_errmsg(db));
		n = -1;
	}
	sqlite3_finalize(st);
	return n;
}

int
db_check_self(struct dconn *c, void *f)
{
	int	 n, m;

	/* PostgreSQL checks its pages and foreign keys as it writes. */
	if (c->pq != NULL)
		return 0;
	if ((n = check_rows(c->sq, "PRAGMA integrity_check", f, 1)) < 0 ||
	    (m = check_rows(c->sq, "PRAGMA foreign_key_check", f, 0)) < 0)
		return -1;
	return n + m;
}

/*
 * Copy database src into dst with SQLite's online backup, in one step,
 * that is in one read transaction: in WAL mode a reader holds up no
 * writer, and the copy is the snapshot the transaction began with.
 * (Copying in small steps instead makes SQLite restart the copy
 * whenever the site writes in between: under a steady stream of
 * comments a large database was copied over and over, 36 s instead of
 * 0.15 s, and might never finish; t/64-backup.t.)  what names the
 * operation in the log.  0, or -1 (logged).
 */
static int
copy_db(sqlite3 *dst, sqlite3 *src, const char *what)
{
	sqlite3_backup	*b;
	int		 rc;

	if ((b = sqlite3_backup_init(dst, "main", src, "main")) == NULL) {
		LOG_ERR("%s: %s", what, sqlite3_errmsg(dst));
		return -1;
	}
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(10);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		LOG_ERR("%s: %s", what, sqlite3_errstr(rc));
		return -1;
	}
	return 0;
}

/* Said when a SQLite file operation meets a PostgreSQL database. */
static int
not_on_pg(const char *what)
{
	LOG_ERR("%s: this database is PostgreSQL: use pg_dump (a logical "
	    "copy) or pg_basebackup (a base backup with WAL archiving); "
	    "see the README", what);
	return -1;
}

int
db_sqlite_backup(struct dconn *c, const char *path)
{
	sqlite3		*dst = NULL;

	if (c->pq != NULL)
		return not_on_pg("backup");
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		LOG_ERR("backup: cannot create %s: %s", path,
		    dst ? sqlite3_errmsg(dst) : "out of memory");
		sqlite3_close(dst);
		return -1;
	}
	if (copy_db(dst, c->sq, "backup") < 0) {
		sqlite3_close(dst);
		unlink(path);
		return -1;
	}
	/* The copy is a single file: no WAL to carry along. */
	sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	if (sqlite3_close(dst) != SQLITE_OK)
		return -1;
	return 0;
}

int
db_sqlite_restore(struct dconn *c, const char *src_path)
{
	sqlite3		*src = NULL;
	int		 rc;

	if (c->pq != NULL)
		return not_on_pg("restore");
	if (sqlite3_open_v2(src_path, &src, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		LOG_ERR("restore: cannot open %s: %s", src_path,
		    src ? sqlite3_errmsg(src) : "out of memory");
		sqlite3_close(src);
		return -1;
	}
	rc = copy_db(c->sq, src, "restore");
	sqlite3_close(src);
	return rc;
}

int
db_sqlite_verify_file(const char *path, int *version)
{
	sqlite3		*db = NULL;
	sqlite3_stmt	*st = NULL;
	const char	*r;
	int		 rc = -1, ok = 0;

	*version = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		LOG_ERR("%s: cannot open: %s", path,
		    db ? sqlite3_errmsg(db) : "out of memory");
		goto out;
	}
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st,
	    NULL) != SQLITE_OK) {
		/* "file is not a database", for one */
		LOG_ERR("%s: %s", path, sqlite3_errmsg(db));
		goto out;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		r = (const char *)sqlite3_column_text(st, 0);
		if (r != NULL && sqlite3_stricmp(r, "ok") == 0)
			ok = 1;
		else {
			LOG_ERR("%s: integrity check: %s", path,
			    r ? r : "?");
			ok = 0;
			break;
		}
	}
	if (sqlite3_errcode(db) != SQLITE_OK &&
	    sqlite3_errcode(db) != SQLITE_DONE &&
	    sqlite3_errcode(db) != SQLITE_ROW) {
		LOG_ERR("%s: %s", path, sqlite3_errmsg(db));
		ok = 0;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (!ok)
		goto out;
	if ((*version = sq_int(db, "PRAGMA user_version")) < 0) {
		LOG_ERR("%s: %s", path, sqlite3_errmsg(db));
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}
