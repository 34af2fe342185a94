/*
 * drv.h: the store's database driver, one small interface over two
 * backends: SQLite (a file path, the default) and PostgreSQL (a
 * postgresql:// URI or a libpq keyword string).  The store's files speak
 * only this; sqlite3.h is included by drv.c alone and libpq-fe.h by
 * drv_pg.c alone.
 *
 * A statement is prepared once per connection and used as SQLite's are:
 * bind (1-based, values must live until the statement is reset), step
 * until DB_DONE, read columns of the current row (0-based), reset.
 */
#ifndef GAZETTE_STORE_DRV_H
#define GAZETTE_STORE_DRV_H

#include <stddef.h>
#include <stdint.h>

struct dconn;			/* one connection, one thread */
struct dstmt;			/* a statement prepared on a connection */

/* What db_step() returns; any other value is an error (see db_errmsg()). */
#define DB_ROW		100
#define DB_DONE		101
#define DB_ERROR	1

/* 1 if where names a PostgreSQL database rather than a SQLite file. */
int		 db_is_conninfo(const char *where);

/* Connection settings of SQLite (PostgreSQL's live in its server). */
struct db_opts {
	int		 sync_full;	/* synchronous=FULL, else NORMAL */
	int		 cache_kib;	/* page cache per connection */
	int		 mmap_mib;	/* file read through a map (0: pread) */
};

/*
 * Open where (see db_is_conninfo()); create: a SQLite file may be made.
 * NULL on error, said to whoever runs the program.  Close with
 * db_close(), which finalizes the connection's statements too.
 */
struct dconn	*db_open(const char *where, int create,
		    const struct db_opts *);
void		 db_close(struct dconn *);
/* 1 on PostgreSQL. */
int		 db_is_pg(const struct dconn *);

/* The last error's message on this connection ("" if none). */
const char	*db_errmsg(struct dconn *);
/* The backend's name for log lines: "sqlite" or "postgresql". */
const char	*db_name(const struct dconn *);
/* 1 inside a transaction (BEGIN run, no COMMIT or ROLLBACK yet). */
int		 db_in_txn(struct dconn *);
/* Rows the last finished INSERT, UPDATE or DELETE changed. */
long long	 db_changes(struct dconn *);

/*
 * 1 if the last error was the database going away (connection lost,
 * server shutting down, now a read-only standby): the statement's
 * transaction is abandoned whole, and the next statement outside a
 * transaction reconnects first.  Cleared by db_unavailable_take().
 */
int		 db_unavailable_take(struct dconn *);

/*
 * Run fixed text (one or more statements, no parameters, no rows
 * wanted): pragmas, migrations.  0, or -1 (logged).
 */
int		 db_exec(struct dconn *, const char *sql);

/*
 * Prepare sql; persistent statements live as long as the connection
 * (and are prepared again after a reconnection).  NULL on error
 * (logged).  db_finalize() frees a statement early.
 */
struct dstmt	*db_prepare(struct dconn *, const char *sql, int persistent);
void		 db_finalize(struct dstmt *);

int		 db_bind_int64(struct dstmt *, int, int64_t);
int		 db_bind_text(struct dstmt *, int, const char *);
int		 db_bind_blob(struct dstmt *, int, const void *, int);
int		 db_bind_null(struct dstmt *, int);

int		 db_step(struct dstmt *);
/* Back to the start, bindings cleared. */
void		 db_reset(struct dstmt *);

int64_t		 db_column_int64(struct dstmt *, int);
int		 db_column_int(struct dstmt *, int);
/* NULL for SQL NULL; valid until the next step or reset. */
const char	*db_column_text(struct dstmt *, int);
int		 db_column_bytes(struct dstmt *, int);
int		 db_column_null(struct dstmt *, int);
int		 db_column_count(struct dstmt *);
const char	*db_column_name(struct dstmt *, int);
/* 1 if the column holds bytes rather than text (SQLite's BLOB). */
int		 db_column_blob(struct dstmt *, int);

/*
 * Schema versions.  db_version(): the database's (0: empty), or -1.
 * db_migrate_one() applies migration text sql as version v in one
 * transaction, whole or not at all.  0, or -1 (logged).
 */
int		 db_version(struct dconn *);
int		 db_migrate_one(struct dconn *, const char *sql, int v);

/*
 * The database checks its own structures (SQLite: integrity and
 * foreign keys; PostgreSQL keeps both itself), printing problems to f.
 * The number of problems, or -1.
 */
int		 db_check_self(struct dconn *, void *f);

/* SQLite only: whole-file copies (-1 with a message on PostgreSQL). */
int		 db_sqlite_backup(struct dconn *, const char *path);
int		 db_sqlite_restore(struct dconn *, const char *src_path);
int		 db_sqlite_verify_file(const char *path, int *version);

#endif
