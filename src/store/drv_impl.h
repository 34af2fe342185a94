/*
 * drv_impl.h: what the two halves of the driver share (drv.c: SQLite
 * and the dispatch; drv_pg.c: PostgreSQL).  No other file includes it.
 * The backends' handles are named by their struct tags only, so that
 * neither half needs the other's header.
 */
#ifndef GAZETTE_STORE_DRV_IMPL_H
#define GAZETTE_STORE_DRV_IMPL_H

#include "drv.h"

struct sqlite3;
struct sqlite3_stmt;
struct pg_conn;			/* libpq's PGconn */
struct pg_result;		/* libpq's PGresult */

/* What a statement does to the transaction (PostgreSQL keeps count). */
enum dkind {
	DK_OTHER,
	DK_BEGIN,		/* BEGIN ... */
	DK_END,			/* COMMIT, ROLLBACK (not ROLLBACK TO) */
};

struct dconn {
	struct sqlite3	*sq;		/* SQLite, or */
	struct pg_conn	*pq;		/* PostgreSQL */
	char		*conninfo;	/* PostgreSQL: to connect again */
	struct dstmt	*stmts;		/* PostgreSQL: the persistent ones */
	int		 nstmt;		/* names given so far */
	int		 txn;		/* PostgreSQL: inside BEGIN */
	int		 broken;	/* PostgreSQL: reconnect before use */
	int		 unavail;	/* the last error was the server's */
	long long	 changes;	/* PostgreSQL: of the last statement */
	char		 err[512];	/* PostgreSQL: the last error */
};

struct dstmt {
	struct dconn		*c;
	struct sqlite3_stmt	*sq;	/* SQLite */
	/* PostgreSQL: prepared under name, parameters sent as text. */
	char			 name[16];
	char			*sql;
	enum dkind		 kind;
	int			 persistent;
	int			 nparams;
	const char		**vals;
	int			*lens;
	int			*fmts;
	char			(*num)[24];
	struct pg_result	*res;
	int			 row, nrows;
	struct dstmt		*next;	/* in c->stmts */
};

/* drv_pg.c: the PostgreSQL side of each db_*() call. */
struct dconn	*pg_open(const char *conninfo);
void		 pg_close(struct dconn *);
int		 pg_exec(struct dconn *, const char *);
int		 pg_in_txn(struct dconn *);
struct dstmt	*pg_prepare(struct dconn *, const char *, int);
void		 pg_finalize(struct dstmt *);
int		 pg_bind(struct dstmt *, int, const char *, int, int);
int		 pg_bind_int64(struct dstmt *, int, int64_t);
int		 pg_step(struct dstmt *);
void		 pg_reset(struct dstmt *);
const char	*pg_column_text(struct dstmt *, int);
int		 pg_column_bytes(struct dstmt *, int);
int		 pg_column_count(struct dstmt *);
const char	*pg_column_name(struct dstmt *, int);
int		 pg_version(struct dconn *);
int		 pg_migrate_one(struct dconn *, const char *, int);

#endif
