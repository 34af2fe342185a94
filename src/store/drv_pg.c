/*
 * drv_pg.c: the driver's PostgreSQL backend, on libpq.
 *
 * Every statement is prepared once per connection (PQprepare, named
 * g1, g2, ...) and run with PQexecPrepared, its parameters sent as text
 * (blobs as binary); the whole result comes back at once and db_step()
 * walks it row by row.
 *
 * When the server goes away (connection lost, shutting down, or now a
 * read-only standby after a failover), the statement fails, the
 * connection is marked broken and its error "unavailable" (the request
 * answers 503 and asks to retry), and whatever transaction was running
 * is abandoned whole: inside it every later statement fails too, until
 * its COMMIT or ROLLBACK.  The next statement outside a transaction
 * connects again, with the same conninfo (which may list several hosts
 * and target_session_attrs=read-write, to find the new primary), and
 * prepares every statement again first.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <libpq-fe.h>

#include "../util/log.h"
#include "drv_impl.h"

#define MAXPARAMS	32	/* the most a statement takes */
#define TEXTOID		25	/* pg_type's oid of text */

/*
 * The parameters sql uses: sets used[N - 1] for each $N (up to max) and
 * returns the highest N.  Text in quotes is skipped.
 */
static int
scan_params(const char *sql, char *used, int max)
{
	const char	*p;
	int		 n = 0, v;
	char		 q = 0;

	for (p = sql; *p != '\0'; p++) {
		if (q != 0) {
			if (*p == q)
				q = 0;
			continue;
		}
		if (*p == '\'' || *p == '"')
			q = *p;
		else if (*p == '$' && p[1] >= '1' && p[1] <= '9') {
			v = (int)strtol(p + 1, NULL, 10);
			if (v > n)
				n = v;
			if (used != NULL && v <= max)
				used[v - 1] = 1;
		}
	}
	return n;
}

/* Copy the error of res (or of the connection) into c->err; classify. */
static void
pg_fail(struct dconn *c, const PGresult *res)
{
	const char	*msg, *state, *ro;
	size_t		 n;

	msg = res != NULL ? PQresultErrorMessage(res) : "";
	if (msg == NULL || *msg == '\0')
		msg = PQerrorMessage(c->pq);
	snprintf(c->err, sizeof(c->err), "%s", msg ? msg : "?");
	n = strlen(c->err);
	while (n > 0 && (c->err[n - 1] == '\n' || c->err[n - 1] == ' '))
		c->err[--n] = '\0';
	state = res != NULL ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	/*
	 * The server is gone, going, or no longer the primary: class 08
	 * (connection exception), 57P01-57P03 (shutting down, cannot
	 * connect now), and 25006 (read-only transaction) where the
	 * session is read-only because the server is a standby.
	 */
	if (PQstatus(c->pq) == CONNECTION_BAD ||
	    (state != NULL && (strncmp(state, "08", 2) == 0 ||
	    strcmp(state, "57P01") == 0 || strcmp(state, "57P02") == 0 ||
	    strcmp(state, "57P03") == 0))) {
		c->broken = 1;
		c->unavail = 1;
	} else if (state != NULL && strcmp(state, "25006") == 0 &&
	    (ro = PQparameterStatus(c->pq, "in_hot_standby")) != NULL &&
	    strcmp(ro, "on") == 0) {
		c->broken = 1;
		c->unavail = 1;
	}
}

/* Notices (a WARNING, say) go to the log, not to stderr by themselves. */
static void
pg_notice(void *arg, const char *msg)
{
	(void)arg;
	log_info("postgresql: %.*s", (int)strcspn(msg, "\n"), msg);
}

/* Settings of every session; 0 or -1. */
static int
pg_session(struct dconn *c)
{
	PGresult	*res;
	int		 ok;

	PQsetNoticeProcessor(c->pq, pg_notice, NULL);
	res = PQexec(c->pq, "SET client_min_messages = warning;"
	    " SET default_transaction_isolation = 'read committed'");
	ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!ok)
		pg_fail(c, res);
	PQclear(res);
	return ok ? 0 : -1;
}

/* PQprepare st on c's current session; 0 or -1 (in c->err). */
static int
pg_send_prepare(struct dconn *c, struct dstmt *st)
{
	PGresult	*res;
	Oid		 types[MAXPARAMS];
	char		 used[MAXPARAMS];
	int		 ok, i;

	/*
	 * A statement may leave out a parameter that its SQLite twin uses
	 * (the two are bound alike); PostgreSQL must still be told a type
	 * for it, and any will do: text.
	 */
	memset(used, 0, sizeof(used));
	scan_params(st->sql, used, MAXPARAMS);
	for (i = 0; i < st->nparams && i < MAXPARAMS; i++)
		types[i] = used[i] ? 0 : TEXTOID;
	res = PQprepare(c->pq, st->name, st->sql, st->nparams, types);
	ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!ok)
		pg_fail(c, res);
	PQclear(res);
	return ok ? 0 : -1;
}

/* Connect again and prepare every persistent statement; 0 or -1. */
static int
pg_reconnect(struct dconn *c)
{
	struct dstmt	*st;

	PQreset(c->pq);
	if (PQstatus(c->pq) != CONNECTION_OK) {
		pg_fail(c, NULL);
		c->unavail = 1;
		return -1;
	}
	c->broken = 0;
	c->txn = 0;
	if (pg_session(c) < 0)
		return -1;
	for (st = c->stmts; st != NULL; st = st->next)
		if (pg_send_prepare(c, st) < 0) {
			LOG_ERR("postgresql: preparing %.60s again: %s",
			    st->sql, c->err);
			c->broken = 1;
			return -1;
		}
	log_info("postgresql: connected again to %s:%s",
	    PQhost(c->pq) ? PQhost(c->pq) : "?",
	    PQport(c->pq) ? PQport(c->pq) : "?");
	return 0;
}

struct dconn *
pg_open(const char *conninfo)
{
	struct dconn	*c;

	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (c->conninfo = strdup(conninfo)) == NULL)
		abort();
	c->pq = PQconnectdb(conninfo);
	if (c->pq == NULL)
		abort();
	if (PQstatus(c->pq) != CONNECTION_OK) {
		/* Said to whoever runs the command (no password in it). */
		log_info("postgresql: cannot connect: %.*s",
		    (int)strcspn(PQerrorMessage(c->pq), "\n"),
		    PQerrorMessage(c->pq));
		pg_close(c);
		return NULL;
	}
	if (pg_session(c) < 0) {
		log_info("postgresql: %s", c->err);
		pg_close(c);
		return NULL;
	}
	return c;
}

void
pg_close(struct dconn *c)
{
	while (c->stmts != NULL)
		pg_finalize(c->stmts);
	PQfinish(c->pq);
	free(c->conninfo);
	free(c);
}

int
pg_in_txn(struct dconn *c)
{
	PGTransactionStatusType	 t;

	if (c->txn)
		return 1;
	t = PQtransactionStatus(c->pq);
	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR;
}

/*
 * Run fixed text (several statements allowed) in the simple query
 * protocol; 0 or -1 (logged).
 */
int
pg_exec(struct dconn *c, const char *sql)
{
	PGresult	*res;
	ExecStatusType	 r;

	if (c->broken && !c->txn && pg_reconnect(c) < 0)
		return -1;
	res = PQexec(c->pq, sql);
	r = PQresultStatus(res);
	if (r != PGRES_COMMAND_OK && r != PGRES_TUPLES_OK) {
		pg_fail(c, res);
		LOG_ERR("postgresql: %.60s: %s", sql, c->err);
		PQclear(res);
		return -1;
	}
	PQclear(res);
	return 0;
}

struct dstmt *
pg_prepare(struct dconn *c, const char *sql, int persistent)
{
	struct dstmt	*st;
	size_t		 n;

	if ((st = calloc(1, sizeof(*st))) == NULL ||
	    (st->sql = strdup(sql)) == NULL)
		abort();
	st->c = c;
	st->persistent = persistent;
	snprintf(st->name, sizeof(st->name), "g%d", ++c->nstmt);
	if (strncasecmp(sql, "BEGIN", 5) == 0)
		st->kind = DK_BEGIN;
	else if (strcasecmp(sql, "COMMIT") == 0 ||
	    strcasecmp(sql, "ROLLBACK") == 0)
		st->kind = DK_END;
	if ((st->nparams = scan_params(sql, NULL, 0)) > MAXPARAMS) {
		LOG_ERR("postgresql: more than %d parameters: %.60s",
		    MAXPARAMS, sql);
		abort();
	}
	n = (size_t)(st->nparams > 0 ? st->nparams : 1);
	if ((st->vals = calloc(n, sizeof(*st->vals))) == NULL ||
	    (st->lens = calloc(n, sizeof(*st->lens))) == NULL ||
	    (st->fmts = calloc(n, sizeof(*st->fmts))) == NULL ||
	    (st->num = calloc(n, sizeof(*st->num))) == NULL)
		abort();
	if ((c->broken && !c->txn && pg_reconnect(c) < 0) ||
	    pg_send_prepare(c, st) < 0) {
		LOG_ERR("postgresql: preparing %.60s: %s", sql, c->err);
		st->persistent = 0;
		pg_finalize(st);
		return NULL;
	}
	st->next = c->stmts;
	c->stmts = st;
	return st;
}

void
pg_finalize(struct dstmt *st)
{
	struct dstmt	**pp;
	PGresult	*res;
	char		 sql[32];

	for (pp = &st->c->stmts; *pp != NULL; pp = &(*pp)->next)
		if (*pp == st) {
			*pp = st->next;
			break;
		}
	PQclear(st->res);
	/* A statement made for one use is dropped on the server too. */
	if (!st->persistent && PQstatus(st->c->pq) == CONNECTION_OK &&
	    !st->c->broken) {
		snprintf(sql, sizeof(sql), "DEALLOCATE %s", st->name);
		res = PQexec(st->c->pq, sql);
		PQclear(res);
	}
	free(st->sql);
	free(st->vals);
	free(st->lens);
	free(st->fmts);
	free(st->num);
	free(st);
}

int
pg_bind(struct dstmt *st, int i, const char *v, int n, int binary)
{
	/* As with SQLite, a parameter the text does not use is ignored. */
	if (i < 1 || i > st->nparams)
		return DB_ERROR;
	st->vals[i - 1] = v;
	st->lens[i - 1] = n;
	st->fmts[i - 1] = binary;
	return 0;
}

int
pg_bind_int64(struct dstmt *st, int i, int64_t v)
{
	if (i < 1 || i > st->nparams)
		return DB_ERROR;
	snprintf(st->num[i - 1], sizeof(st->num[0]), "%" PRId64, v);
	return pg_bind(st, i, st->num[i - 1], 0, 0);
}

int
pg_step(struct dstmt *st)
{
	struct dconn	*c = st->c;
	ExecStatusType	 r;
	const char	*n;

	if (st->res != NULL) {
		if (++st->row < st->nrows)
			return DB_ROW;
		return DB_DONE;
	}
	if (c->broken) {
		/*
		 * Inside a transaction that the lost connection took with
		 * it, nothing runs until its end; after it, connect again.
		 */
		if (c->txn) {
			if (st->kind == DK_END)
				c->txn = 0;
			snprintf(c->err, sizeof(c->err), "the connection "
			    "was lost; the transaction was abandoned");
			c->unavail = 1;
			return DB_ERROR;
		}
		if (pg_reconnect(c) < 0)
			return DB_ERROR;
	}
	st->res = PQexecPrepared(c->pq, st->name, st->nparams, st->vals,
	    st->lens, st->fmts, 0);
	r = PQresultStatus(st->res);
	if (st->kind == DK_END)
		c->txn = 0;
	if (r == PGRES_TUPLES_OK || r == PGRES_COMMAND_OK) {
		if (st->kind == DK_BEGIN)
			c->txn = 1;
		n = PQcmdTuples(st->res);
		if (n != NULL && *n != '\0')
			c->changes = strtoll(n, NULL, 10);
		st->row = 0;
		st->nrows = r == PGRES_TUPLES_OK ? PQntuples(st->res) : 0;
		return st->nrows > 0 ? DB_ROW : DB_DONE;
	}
	pg_fail(c, st->res);
	PQclear(st->res);
	st->res = NULL;
	return DB_ERROR;
}

void
pg_reset(struct dstmt *st)
{
	PQclear(st->res);
	st->res = NULL;
	st->row = st->nrows = 0;
	if (st->nparams > 0) {
		memset(st->vals, 0, (size_t)st->nparams * sizeof(*st->vals));
		memset(st->fmts, 0, (size_t)st->nparams * sizeof(*st->fmts));
	}
}

const char *
pg_column_text(struct dstmt *st, int i)
{
	if (st->res == NULL || st->row >= st->nrows ||
	    i >= PQnfields(st->res) || PQgetisnull(st->res, st->row, i))
		return NULL;
	return PQgetvalue(st->res, st->row, i);
}

int
pg_column_bytes(struct dstmt *st, int i)
{
	if (pg_column_text(st, i) == NULL)
		return 0;
	return PQgetlength(st->res, st->row, i);
}

int
pg_column_count(struct dstmt *st)
{
	return st->res != NULL ? PQnfields(st->res) : 0;
}

const char *
pg_column_name(struct dstmt *st, int i)
{
	return st->res != NULL ? PQfname(st->res, i) : NULL;
}

/*
 * The schema's version: the highest applied migration recorded in
 * schema_migrations (no table: a database Gazette never migrated).
 */
int
pg_version(struct dconn *c)
{
	PGresult	*res;
	int		 v = -1;

	if (c->broken && !c->txn && pg_reconnect(c) < 0)
		return -1;
	res = PQexec(c->pq, "SELECT CASE WHEN to_regclass('schema_migrations')"
	    " IS NULL THEN 0 ELSE -1 END");
	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
		v = atoi(PQgetvalue(res, 0, 0));
	else
		pg_fail(c, res);
	PQclear(res);
	if (v != -1)
		return v;
	res = PQexec(c->pq, "SELECT coalesce(max(version), 0)"
	    " FROM schema_migrations");
	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
		v = atoi(PQgetvalue(res, 0, 0));
	else
		pg_fail(c, res);
	PQclear(res);
	return v;
}

/*
 * Apply migration v in one transaction, recorded in schema_migrations
 * (made by the first migration).  An advisory lock, held to the end of
 * the transaction, makes two migrating processes take turns; the
 * second finds the version applied and does nothing.
 */
int
pg_migrate_one(struct dconn *c, const char *sql, int v)
{
	const char	*vals[2];
	char		 num[16], now[24];
	PGresult	*res;
	int		 ok, have;

	snprintf(num, sizeof(num), "%d", v);
	snprintf(now, sizeof(now), "%lld", (long long)time(NULL));
	vals[0] = num;
	vals[1] = now;
	if (pg_exec(c, "BEGIN; SELECT pg_advisory_xact_lock(7418, 1)") < 0)
		goto fail;
	if ((have = pg_version(c)) < 0)
		goto fail;
	if (have >= v)
		return pg_exec(c, "COMMIT");
	if (pg_exec(c, sql) < 0)
		goto fail;
	res = PQexecParams(c->pq, "INSERT INTO schema_migrations (version,"
	    " applied_at) VALUES ($1::integer, $2::bigint)", 2, NULL, vals,
	    NULL, NULL, 0);
	ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!ok) {
		pg_fail(c, res);
		LOG_ERR("postgresql: recording migration %d: %s", v, c->err);
	}
	PQclear(res);
	if (!ok || pg_exec(c, "COMMIT") < 0)
		goto fail;
	return 0;
fail:
	if (PQtransactionStatus(c->pq) != PQTRANS_IDLE)
		pg_exec(c, "ROLLBACK");
	return -1;
}
