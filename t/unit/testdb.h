/*
 * testdb.h: a fresh database for a unit test that opens a store, and a
 * connection of the test's own to look behind the store.
 *
 * By default the database is a SQLite file in a temporary folder.  When
 * GAZETTE_TEST_PG holds the libpq conninfo of a test cluster (make
 * test-pg sets it: scripts/with-pg), it is a database made there with a
 * name of its own, and dropped at the end.  testdb.where is what
 * store_open() (and GAZETTE_DB) takes either way.
 *
 * The test's SQL is written once: testdb_int() and testdb_text() take
 * SQLite's ?1, ?2 ... parameters, which become $1, $2 ... on PostgreSQL.
 */
#ifndef GAZETTE_TESTDB_H
#define GAZETTE_TESTDB_H

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"

struct testdb {
	char		 where[600];	/* a path, or a conninfo */
	char		 dir[256];	/* the temporary folder (SQLite) */
	char		 name[64];	/* the database's name (PostgreSQL) */
	sqlite3		*lite;		/* the test's own connection */
	PGconn		*pg;
};

/* The test cluster's conninfo, or NULL: the test runs on SQLite. */
TAP_UNUSED static const char *
testdb_pg(void)
{
	const char	*c = getenv("GAZETTE_TEST_PG");

	return c != NULL && *c != '\0' ? c : NULL;
}

/* conninfo with its dbname replaced by name, into buf. */
TAP_UNUSED static void
testdb_conninfo(char *buf, size_t n, const char *name)
{
	const char	*c = testdb_pg(), *p;
	size_t		 len = 0;

	buf[0] = '\0';
	/* Every keyword but dbname, then dbname=name. */
	for (p = c; p != NULL && *p != '\0';) {
		const char	*end;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		end = strchr(p, ' ');
		if (end == NULL)
			end = p + strlen(p);
		if (strncmp(p, "dbname=", 7) != 0 && len + (size_t)(end - p) +
		    2 < n) {
			memcpy(buf + len, p, (size_t)(end - p));
			len += (size_t)(end - p);
			buf[len++] = ' ';
			buf[len] = '\0';
		}
		p = end;
	}
	snprintf(buf + len, n - len, "dbname=%s", name);
}

/* Run one statement on the cluster's maintenance database. */
static int
testdb_admin(const char *sql)
{
	char		 ci[600];
	PGconn		*c;
	PGresult	*r;
	int		 rc = -1;

	testdb_conninfo(ci, sizeof(ci), "postgres");
	c = PQconnectdb(ci);
	if (PQstatus(c) != CONNECTION_OK) {
		diag("testdb: %s", PQerrorMessage(c));
	} else {
		r = PQexec(c, sql);
		if (PQresultStatus(r) == PGRES_COMMAND_OK)
			rc = 0;
		else
			diag("testdb: %s: %s", sql, PQerrorMessage(c));
		PQclear(r);
	}
	PQfinish(c);
	return rc;
}

/*
 * A fresh, empty database (a store_open(where, 1) makes the schema);
 * tag names it in the temporary folder's or the database's name.
 * 0, or -1 (said with diag()).
 */
TAP_UNUSED static int
testdb_make(struct testdb *t, const char *tag)
{
	const char	*tmp = getenv("TMPDIR");
	char		 sql[128];
	static int	 seq;

	memset(t, 0, sizeof(*t));
	if (testdb_pg() != NULL) {
		snprintf(t->name, sizeof(t->name), "gazette_unit_%s_%d_%d",
		    tag, (int)getpid(), ++seq);
		snprintf(sql, sizeof(sql), "CREATE DATABASE %s", t->name);
		if (testdb_admin(sql) < 0)
			return -1;
		testdb_conninfo(t->where, sizeof(t->where), t->name);
		return 0;
	}
	snprintf(t->dir, sizeof(t->dir), "%s/gazette-%s-XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp", tag);
	if (mkdtemp(t->dir) == NULL) {
		diag("testdb: cannot make a temporary directory");
		return -1;
	}
	snprintf(t->where, sizeof(t->where), "%s/test.db", t->dir);
	return 0;
}

/* The test's own connection to the database; 0 or -1. */
TAP_UNUSED static int
testdb_connect(struct testdb *t)
{
	if (t->name[0] != '\0') {
		t->pg = PQconnectdb(t->where);
		if (PQstatus(t->pg) != CONNECTION_OK) {
			diag("testdb: %s", PQerrorMessage(t->pg));
			return -1;
		}
		return 0;
	}
	if (sqlite3_open_v2(t->where, &t->lite, SQLITE_OPEN_READWRITE,
	    NULL) != SQLITE_OK) {
		diag("testdb: %s: %s", t->where, sqlite3_errmsg(t->lite));
		return -1;
	}
	sqlite3_busy_timeout(t->lite, 5000);
	return 0;
}

/* sql with ?N turned into $N (outside quotes), for PostgreSQL. */
static char *
testdb_dollars(const char *sql)
{
	char		*out = malloc(strlen(sql) + 1), *o = out;
	int		 quoted = 0;

	if (out == NULL)
		abort();
	for (; *sql != '\0'; sql++) {
		if (*sql == '\'')
			quoted = !quoted;
		*o++ = (!quoted && *sql == '?' && sql[1] >= '1' &&
		    sql[1] <= '9') ? '$' : *sql;
	}
	*o = '\0';
	return out;
}

/* A query's result on PostgreSQL (an error said with diag()). */
static PGresult *
testdb_pg_query(struct testdb *t, const char *sql, int n,
    const long long *binds)
{
	char		 vals[16][24];
	const char	*params[16] = { NULL };
	char		*q = testdb_dollars(sql), *p;
	PGresult	*r;
	int		 i, used = 0;

	/* As many parameters as the statement names (SQLite ignores more). */
	for (p = q; (p = strchr(p, '$')) != NULL; p++)
		if (p[1] >= '1' && p[1] <= '9' && p[1] - '0' > used)
			used = p[1] - '0';
	if (n > used)
		n = used;
	for (i = 0; i < n && i < 16; i++) {
		snprintf(vals[i], sizeof(vals[i]), "%lld", binds[i]);
		params[i] = vals[i];
	}
	r = PQexecParams(t->pg, q, n, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK &&
	    PQresultStatus(r) != PGRES_COMMAND_OK)
		diag("testdb: %s: %s", q, PQerrorMessage(t->pg));
	free(q);
	return r;
}

/* The one integer a query with n integer parameters gives (-1 on error). */
TAP_UNUSED static long long
testdb_int(struct testdb *t, const char *sql, int n, const long long *binds)
{
	long long	 v = -1;
	int		 i;

	if (t->pg != NULL) {
		PGresult	*r = testdb_pg_query(t, sql, n, binds);

		if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 &&
		    !PQgetisnull(r, 0, 0)) {
			const char *s = PQgetvalue(r, 0, 0);

			/* A boolean answers as on SQLite: 1 or 0. */
			v = strcmp(s, "t") == 0 ? 1 : strcmp(s, "f") == 0 ? 0 :
			    strtoll(s, NULL, 10);
		}
		PQclear(r);
		return v;
	} else {
		sqlite3_stmt	*st;

		if (sqlite3_prepare_v2(t->lite, sql, -1, &st, NULL) !=
		    SQLITE_OK) {
			diag("testdb: %s: %s", sql, sqlite3_errmsg(t->lite));
			return -1;
		}
		for (i = 0; i < n; i++)
			sqlite3_bind_int64(st, i + 1, binds[i]);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		return v;
	}
}

/*
 * The first column of a query's first row as text, into buf (an empty
 * string for NULL or no row); 0, or -1 on error.
 */
TAP_UNUSED static int
testdb_text(struct testdb *t, const char *sql, char *buf, size_t size)
{
	int	 rc = -1;

	buf[0] = '\0';
	if (t->pg != NULL) {
		PGresult	*r = testdb_pg_query(t, sql, 0, NULL);

		if (PQresultStatus(r) == PGRES_TUPLES_OK) {
			if (PQntuples(r) > 0)
				snprintf(buf, size, "%s", PQgetvalue(r, 0, 0));
			rc = 0;
		}
		PQclear(r);
	} else {
		sqlite3_stmt	*st;

		if (sqlite3_prepare_v2(t->lite, sql, -1, &st, NULL) !=
		    SQLITE_OK) {
			diag("testdb: %s: %s", sql, sqlite3_errmsg(t->lite));
			return -1;
		}
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
			snprintf(buf, size, "%s",
			    (const char *)sqlite3_column_text(st, 0));
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
		sqlite3_finalize(st);
	}
	return rc;
}

/* Run SQL of one or more statements, no parameters; 0 or -1. */
TAP_UNUSED static int
testdb_exec(struct testdb *t, const char *sql)
{
	int	 rc;

	if (t->pg != NULL) {
		PGresult	*r = PQexec(t->pg, sql);

		rc = PQresultStatus(r) == PGRES_COMMAND_OK ||
		    PQresultStatus(r) == PGRES_TUPLES_OK ? 0 : -1;
		if (rc < 0)
			diag("testdb: %s: %s", sql, PQerrorMessage(t->pg));
		PQclear(r);
		return rc;
	}
	if (sqlite3_exec(t->lite, sql, NULL, NULL, NULL) != SQLITE_OK) {
		diag("testdb: %s: %s", sql, sqlite3_errmsg(t->lite));
		return -1;
	}
	return 0;
}

/* The schema version the database says it has (-1 on error). */
TAP_UNUSED static long long
testdb_version(struct testdb *t)
{
	return testdb_int(t, t->pg != NULL ? "SELECT coalesce(max(version), "
	    "0) FROM schema_migrations" : "PRAGMA user_version", 0, NULL);
}

/* Say the database is at schema version v (behind the store's back). */
TAP_UNUSED static int
testdb_set_version(struct testdb *t, int v)
{
	char	 sql[200];

	if (t->pg != NULL)
		snprintf(sql, sizeof(sql), "DELETE FROM schema_migrations "
		    "WHERE version > %d; INSERT INTO schema_migrations "
		    "(version, applied_at) SELECT g, 0 FROM generate_series(1, "
		    "%d) g ON CONFLICT DO NOTHING", v, v);
	else
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v);
	return testdb_exec(t, sql);
}

/* Close the test's connection, and remove the database. */
TAP_UNUSED static void
testdb_drop(struct testdb *t)
{
	char	 sql[700];

	if (t->pg != NULL)
		PQfinish(t->pg);
	if (t->lite != NULL)
		sqlite3_close(t->lite);
	t->pg = NULL;
	t->lite = NULL;
	if (t->name[0] != '\0') {
		snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s "
		    "WITH (FORCE)", t->name);
		testdb_admin(sql);
	} else if (t->dir[0] != '\0') {
		snprintf(sql, sizeof(sql), "%s-wal", t->where);
		unlink(sql);
		snprintf(sql, sizeof(sql), "%s-shm", t->where);
		unlink(sql);
		unlink(t->where);
		rmdir(t->dir);
	}
}

#endif
