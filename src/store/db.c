/*
 * db.c: connections, pragmas, migrations and the statement helpers.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>

#include "../util/arena.h"
#include "../util/log.h"
#include "impl.h"

/* The migrations, sql/NNN-*.sql in order, built into the binary. */
extern const char *const store_migrations[];
extern const int store_nmigrations;

/* Settings for every connection, set once before threads start. */
static int	 opt_sync_full = 1;
static int	 opt_cache_kib = 1024;

static int	 opt_recheck_ms = 100;

void
store_configure(int synchronous_full, int cache_kib, int recheck_ms)
{
	opt_sync_full = synchronous_full;
	opt_recheck_ms = recheck_ms >= 0 ? recheck_ms : 0;
	if (cache_kib > 0)
		opt_cache_kib = cache_kib;
}

int
store_schema_version(void)
{
	return store_nmigrations;
}

void
store_error(struct store *s, const char *file, int line)
{
	log_at(file, line, "sqlite: %s (%d)", sqlite3_errmsg(s->db),
	    sqlite3_extended_errcode(s->db));
}

/* Run a statement of fixed text (pragmas); 0 or -1. */
static int
exec_sql(struct store *s, const char *sql)
{
	char	*err = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		LOG_ERR("sqlite: %s: %.60s", err ? err : "?", sql);
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

static int
user_version(struct store *s)
{
	sqlite3_stmt	*st;
	int		 v = -1;

	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int
prepare_all(struct store *s)
{
	int	 i;

	for (i = 0; i < ST__MAX; i++) {
		if (stmt_sql[i] == NULL) {
			LOG_ERR("statement %d has no SQL", i);
			return -1;
		}
		if (sqlite3_prepare_v3(s->db, stmt_sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &s->stmt[i], NULL) != SQLITE_OK) {
			LOG_ERR("sqlite: preparing statement %d: %s", i,
			    sqlite3_errmsg(s->db));
			return -1;
		}
	}
	return 0;
}

int
store_db_version(struct store *s)
{
	return user_version(s);
}

struct store *
store_open(const char *path, int for_migrate)
{
	struct store		*s;
	int			 v, flags, on = 1;
	char			 sql[128];

	if ((s = calloc(1, sizeof(*s))) == NULL)
		abort();
	flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	if (for_migrate)
		flags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		/* Said to whoever runs the command: no source position. */
		if (!for_migrate && access(path, F_OK) != 0)
			log_info("%s: no database there (gazette migrate "
			    "creates it; --db or GAZETTE_DB names another)",
			    path);
		else
			log_info("%s: cannot open the database: %s", path,
			    s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 5000);
	/*
	 * Hardening: no schema object may call functions with side
	 * effects, and the connection refuses writes that could corrupt
	 * the file (writable_schema and the like).
	 */
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, on, NULL);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	/* No value Gazette stores comes near these. */
	sqlite3_limit(s->db, SQLITE_LIMIT_LENGTH, 8 * 1024 * 1024);
	sqlite3_limit(s->db, SQLITE_LIMIT_SQL_LENGTH, 100000);
	sqlite3_limit(s->db, SQLITE_LIMIT_ATTACHED, 0);
	if (exec_sql(s, "PRAGMA journal_mode=WAL") < 0 ||
	    exec_sql(s, "PRAGMA foreign_keys=ON") < 0 ||
	    exec_sql(s, "PRAGMA trusted_schema=OFF") < 0 ||
	    exec_sql(s, "PRAGMA temp_store=MEMORY") < 0 ||
	    exec_sql(s, opt_sync_full ? "PRAGMA synchronous=FULL" :
	    "PRAGMA synchronous=NORMAL") < 0)
		goto fail;
	snprintf(sql, sizeof(sql), "PRAGMA cache_size=-%d", opt_cache_kib);
	if (exec_sql(s, sql) < 0)
		goto fail;
	if (for_migrate)
		return s;
	if ((v = user_version(s)) != store_nmigrations) {
		if (v >= 0 && v < store_nmigrations)
			LOG_ERR("%s: schema version %d is older than this "
			    "program's %d: run 'gazette migrate'", path, v,
			    store_nmigrations);
		else
			LOG_ERR("%s: schema version %d is newer than this "
			    "program knows (%d): refusing to use it", path, v,
			    store_nmigrations);
		goto fail;
	}
	if (prepare_all(s) < 0)
		goto fail;
	return s;
fail:
	store_close(s);
	return NULL;
}

void
store_close(struct store *s)
{
	int	 i;

	if (s == NULL)
		return;
	store_audit_drop(s);
	for (i = 0; i < ST__MAX; i++)
		sqlite3_finalize(s->stmt[i]);
	/* Closing the last connection checkpoints and removes the WAL. */
	sqlite3_close(s->db);
	free(s);
}

/* Rows whose foreign key points nowhere: 0, else 1 (logged) or -1. */
static int
fk_violations(struct store *s)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "PRAGMA foreign_key_check", -1, &st,
	    NULL) != SQLITE_OK) {
		STORE_ERR(s);
		return -1;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		LOG_ERR("a row of %s refers to a missing row of %s",
		    sqlite3_column_text(st, 0), sqlite3_column_text(st, 2));
	else if (rc != SQLITE_DONE)
		STORE_ERR(s);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : rc == SQLITE_ROW ? 1 : -1;
}

int
store_migrate(struct store *s, int *from, int *to)
{
	int	 v, i;
	char	 sql[64];

	if ((v = user_version(s)) < 0) {
		STORE_ERR(s);
		return -1;
	}
	*from = *to = v;
	if (v > store_nmigrations) {
		LOG_ERR("schema version %d is newer than this program knows "
		    "(%d)", v, store_nmigrations);
		return -1;
	}
	for (i = v; i < store_nmigrations; i++) {
		/*
		 * Each migration applies whole or not at all.  Foreign keys
		 * are off meanwhile (the pragma has no effect inside a
		 * transaction), so that a table can be rebuilt without its
		 * references cascading; they are checked before COMMIT.
		 */
		if (exec_sql(s, "PRAGMA foreign_keys=OFF") < 0 ||
		    exec_sql(s, "BEGIN IMMEDIATE") < 0)
			return -1;
		snprintf(sql, sizeof(sql), "PRAGMA user_version=%d", i + 1);
		if (exec_sql(s, store_migrations[i]) < 0 ||
		    exec_sql(s, sql) < 0 || fk_violations(s) != 0) {
			LOG_ERR("migration %d failed; database left at version "
			    "%d", i + 1, i);
			exec_sql(s, "ROLLBACK");
			exec_sql(s, "PRAGMA foreign_keys=ON");
			return -1;
		}
		if (exec_sql(s, "COMMIT") < 0 ||
		    exec_sql(s, "PRAGMA foreign_keys=ON") < 0)
			return -1;
		*to = i + 1;
	}
	/* Accounts made before author pages get their slugs (made in C,
	 * like every slug). */
	if (prepare_all(s) < 0 || store_author_slugs_fill(s) < 0)
		return -1;
	return 0;
}

/*
 * The generation as this process knows it.  Its own commits raise it at
 * once (store_commit() reads the new value back in the transaction);
 * another process's commits are found by reading the meta row, which is
 * done at most every opt_recheck_ms, so that a request answered from the
 * page cache touches no database at all.
 */
static _Atomic uint64_t	 known_gen;	/* 0: not read yet */
static _Atomic int64_t	 known_changed;
static _Atomic int64_t	 checked_ms;	/* when the meta row was last read */

static int64_t
monotonic_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Raise known_gen (and known_changed) to at least gen (changed). */
static void
gen_raise(uint64_t gen, int64_t changed)
{
	uint64_t	 g = atomic_load(&known_gen);
	int64_t		 c = atomic_load(&known_changed);

	while (g < gen && !atomic_compare_exchange_weak(&known_gen, &g, gen))
		continue;
	while (c < changed &&
	    !atomic_compare_exchange_weak(&known_changed, &c, changed))
		continue;
}

uint64_t
store_version(struct store *s, int64_t *changed)
{
	sqlite3_stmt	*st;
	int64_t		 now = monotonic_ms();

	if (atomic_load(&known_gen) == 0 ||
	    now - atomic_load(&checked_ms) >= opt_recheck_ms) {
		st = stmt_get(s, ST_GENERATION);
		if (sqlite3_step(st) == SQLITE_ROW) {
			gen_raise((uint64_t)sqlite3_column_int64(st, 0),
			    sqlite3_column_int64(st, 1));
			atomic_store(&checked_ms, now);
		} else
			STORE_ERR(s);
		stmt_done(st);
	}
	if (changed != NULL)
		*changed = atomic_load(&known_changed);
	return atomic_load(&known_gen);
}

sqlite3_stmt *
stmt_get(struct store *s, enum stmt id)
{
	return s->stmt[id];
}

void
stmt_done(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

int
stmt_exec(struct store *s, sqlite3_stmt *st, const char *file, int line)
{
	int	 rc;

	rc = sqlite3_step(st);
	stmt_done(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	store_error(s, file, line);
	return -1;
}

int
stmt_changes(struct store *s, sqlite3_stmt *st, const char *file, int line)
{
	if (stmt_exec(s, st, file, line) < 0)
		return -1;
	return sqlite3_changes(s->db) > 0;
}

/* A malloc'd copy of v ("" for NULL); aborts when memory runs out. */
static char *
audit_strdup(const char *v)
{
	char	*p;

	if ((p = strdup(v != NULL ? v : "")) == NULL)
		abort();
	return p;
}

void
store_audit_drop(struct store *s)
{
	if (!s->audit.set)
		return;
	free(s->audit.who);
	free(s->audit.action);
	free(s->audit.target);
	free(s->audit.detail);
	memset(&s->audit, 0, sizeof(s->audit));
}

void
store_audit_next(struct store *s, int64_t now, long long user_id,
    const char *who, const char *action, const char *target,
    const char *detail)
{
	store_audit_drop(s);
	s->audit.set = 1;
	s->audit.at = now;
	s->audit.user_id = user_id;
	s->audit.who = audit_strdup(who);
	s->audit.action = audit_strdup(action);
	s->audit.target = audit_strdup(target);
	s->audit.detail = audit_strdup(detail);
}

void
audit_target_article(struct store *s, long long id)
{
	char	 t[40];

	if (!s->audit.set || *s->audit.target != '\0')
		return;
	snprintf(t, sizeof(t), "article %lld", id);
	free(s->audit.target);
	s->audit.target = audit_strdup(t);
}

/*
 * Insert the audit row named for this write, if any, inside its
 * transaction, and forget it: whatever follows, it is this write's.
 * 0 or -1 (logged).
 */
static int
audit_put(struct store *s)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (!s->audit.set)
		return 0;
	st = stmt_get(s, ST_AUDIT_INSERT);
	sqlite3_bind_int64(st, 1, s->audit.at);
	if (s->audit.user_id > 0)
		sqlite3_bind_int64(st, 2, s->audit.user_id);
	bind_text(st, 3, s->audit.who);
	bind_text(st, 4, s->audit.action);
	bind_text(st, 5, s->audit.target);
	bind_text(st, 6, s->audit.detail);
	rc = STMT_EXEC(s, st);
	store_audit_drop(s);
	return rc;
}

/*
 * Writers in this process take turns on a mutex before BEGIN IMMEDIATE:
 * a thread waiting for it wakes the moment the writer before it is done,
 * where SQLite's busy handler would sleep and poll.  Other processes
 * (the command line) still meet the busy timeout.
 */
static pthread_mutex_t	 write_lock = PTHREAD_MUTEX_INITIALIZER;

static void
write_unlock(struct store *s)
{
	if (s->writing) {
		s->writing = 0;
		pthread_mutex_unlock(&write_lock);
	}
}

int
store_begin(struct store *s)
{
	/* A write inside a page's read snapshot ends the snapshot first. */
	if (s->reading)
		store_read_end(s);
	pthread_mutex_lock(&write_lock);
	s->writing = 1;
	s->outboxed = 0;
	if (STMT_EXEC(s, stmt_get(s, ST_BEGIN)) < 0) {
		write_unlock(s);
		return -1;
	}
	return 0;
}

int
store_commit(struct store *s)
{
	sqlite3_stmt	*st = stmt_get(s, ST_GENERATION_BUMP);
	uint64_t	 gen = 0;
	int64_t		 changed = 0;
	int		 rc;

	/* The audit row first: what fails after it undoes both. */
	if (audit_put(s) < 0) {
		store_rollback(s);
		return -1;
	}
	/*
	 * A write that did not name what it changed purges at least the
	 * pages every change may touch (the front page, feeds, indexes).
	 */
	if (!s->outboxed && outbox_site(s) < 0) {
		store_rollback(s);
		return -1;
	}
	/* Every write moves the generation, in the same transaction. */
	sqlite3_bind_int64(st, 1, (int64_t)time(NULL));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		gen = (uint64_t)sqlite3_column_int64(st, 0);
		changed = sqlite3_column_int64(st, 1);
	} else
		STORE_ERR(s);
	stmt_done(st);
	if (rc != SQLITE_ROW || STMT_EXEC(s, stmt_get(s, ST_COMMIT)) < 0) {
		store_rollback(s);
		return -1;
	}
	/* Only now may readers label pages with the new generation. */
	gen_raise(gen, changed);
	write_unlock(s);
	return 0;
}

int
store_commit_unseen(struct store *s)
{
	if (audit_put(s) < 0 || STMT_EXEC(s, stmt_get(s, ST_COMMIT)) < 0) {
		store_rollback(s);
		return -1;
	}
	write_unlock(s);
	return 0;
}

void
store_rollback(struct store *s)
{
	/* A write that does not land leaves no audit row either. */
	store_audit_drop(s);
	/* After some errors SQLite has rolled back already: harmless. */
	if (!sqlite3_get_autocommit(s->db)) {
		sqlite3_step(stmt_get(s, ST_ROLLBACK));
		stmt_done(stmt_get(s, ST_ROLLBACK));
	}
	write_unlock(s);
}

void
store_read_begin(struct store *s)
{
	if (s->reading || s->writing || !sqlite3_get_autocommit(s->db))
		return;
	if (STMT_EXEC(s, stmt_get(s, ST_BEGIN_READ)) == 0)
		s->reading = 1;
}

void
store_read_end(struct store *s)
{
	if (!s->reading)
		return;
	s->reading = 0;
	if (!sqlite3_get_autocommit(s->db))
		STMT_EXEC(s, stmt_get(s, ST_COMMIT));
}

int
bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

int
bind_time(sqlite3_stmt *st, int i, int64_t t)
{
	if (t == 0)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_int64(st, i, t);
}

const char *
col_text(struct arena *a, sqlite3_stmt *st, int i)
{
	const unsigned char	*p = sqlite3_column_text(st, i);

	if (p == NULL)
		return arena_strdup(a, "");
	return arena_strndup(a, (const char *)p,
	    (size_t)sqlite3_column_bytes(st, i));
}

int
lookup_text(struct store *s, struct arena *a, sqlite3_stmt *st,
    const char *key, const char **out)
{
	int	 rc;

	bind_text(st, 1, key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*out = col_text(a, st, 0);
	else if (rc != SQLITE_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int
store_setting_get(struct store *s, struct arena *a, const char *key,
    const char **value)
{
	return lookup_text(s, a, stmt_get(s, ST_SETTING_GET), key, value);
}

int
store_setting_put(struct store *s, const char *key, const char *value)
{
	sqlite3_stmt	*st = stmt_get(s, ST_SETTING_PUT);

	bind_text(st, 1, key);
	bind_text(st, 2, value);
	return STMT_EXEC(s, st);
}

int
store_settings_save(struct store *s, const char *const *keys,
    const char *const *values, size_t n)
{
	size_t	 i;

	if (store_begin(s) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (store_setting_put(s, keys[i], values[i]) < 0) {
			store_rollback(s);
			return -1;
		}
	return store_commit(s);
}
