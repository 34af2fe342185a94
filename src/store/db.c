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

#include <fcntl.h>

#include "../util/arena.h"
#include "../util/conninfo.h"
#include "../util/dblock.h"
#include "../util/log.h"
#include "impl.h"

/*
 * The migrations, sql/NNN-*.sql and sql/pg/NNN-*.sql in order, built
 * into the binary.  Both lists have the same length: a schema version
 * means the same tables on either backend.
 */
extern const char *const store_migrations[];
extern const int store_nmigrations;
extern const char *const store_pg_migrations[];
extern const int store_pg_nmigrations;

/* Settings for every connection, set once before threads start. */
static int	 opt_sync_full = 1;
static int	 opt_cache_kib = 1024;
static int	 opt_mmap_mib = 0;

static int	 opt_recheck_ms = 100;

void
store_configure(int synchronous_full, int cache_kib, int mmap_mib,
    int recheck_ms)
{
	opt_mmap_mib = mmap_mib > 0 ? mmap_mib : 0;
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

/* The schema version this program knows for s's backend. */
static int
schema_version(struct store *s)
{
	return db_is_pg(s->db) ? store_pg_nmigrations : store_nmigrations;
}

void
store_error(struct store *s, const char *file, int line)
{
	log_at(file, line, "%s: %s", db_name(s->db), db_errmsg(s->db));
}

static int
prepare_all(struct store *s)
{
	const char *const	*text = db_is_pg(s->db) ? stmt_pg_sql : stmt_sql;
	int			 i;

	for (i = 0; i < ST__MAX; i++) {
		if (text[i] == NULL) {
			LOG_ERR("statement %d has no SQL", i);
			return -1;
		}
		if ((s->stmt[i] = db_prepare(s->db, text[i], 1)) == NULL) {
			LOG_ERR("%s: preparing statement %d failed",
			    db_name(s->db), i);
			return -1;
		}
	}
	return 0;
}

int
store_db_version(struct store *s)
{
	return db_version(s->db);
}

struct store *
store_open(const char *path, int for_migrate)
{
	struct store		*s;
	struct db_opts		 o = { opt_sync_full, opt_cache_kib,
				    opt_mmap_mib };
	char			 shown[1024];
	int			 v;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		abort();
	if ((s->db = db_open(path, for_migrate, &o)) == NULL)
		goto fail;
	if (for_migrate)
		return s;
	if ((v = db_version(s->db)) != schema_version(s)) {
		conninfo_shown(path, shown, sizeof(shown));
		if (v >= 0 && v < schema_version(s))
			LOG_ERR("%s: schema version %d is older than this "
			    "program's %d: run 'gazette migrate'", shown, v,
			    schema_version(s));
		else
			LOG_ERR("%s: schema version %d is newer than this "
			    "program knows (%d): refusing to use it", shown, v,
			    schema_version(s));
		goto fail;
	}
	if (prepare_all(s) < 0)
		goto fail;
	return s;
fail:
	store_close(s);
	return NULL;
}

int
store_keeps_copies(struct store *s)
{
	return !db_is_pg(s->db);
}

int
store_present(const char *where)
{
	return db_is_conninfo(where) || access(where, F_OK) == 0;
}

int
store_serve_lock(const char *where)
{
	if (db_is_conninfo(where))
		return open("/dev/null", O_RDONLY | O_CLOEXEC);
	return dblock_serve(where);
}

int
store_unavailable(struct store *s)
{
	return db_unavailable_take(s->db);
}

void
store_close(struct store *s)
{
	int	 i;

	if (s == NULL)
		return;
	store_audit_drop(s);
	for (i = 0; i < ST__MAX; i++)
		db_finalize(s->stmt[i]);
	db_close(s->db);
	free(s);
}

int
store_migrate(struct store *s, int *from, int *to)
{
	const char *const	*text = db_is_pg(s->db) ? store_pg_migrations :
				    store_migrations;
	int			 v, i, n = schema_version(s);

	if ((v = db_version(s->db)) < 0) {
		STORE_ERR(s);
		return -1;
	}
	*from = *to = v;
	if (v > n) {
		LOG_ERR("schema version %d is newer than this program knows "
		    "(%d)", v, n);
		return -1;
	}
	/* Each migration applies whole or not at all. */
	for (i = v; i < n; i++) {
		if (db_migrate_one(s->db, text[i], i + 1) < 0) {
			LOG_ERR("migration %d failed; database left at version "
			    "%d", i + 1, i);
			return -1;
		}
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
	struct dstmt	*st;
	int64_t		 now = monotonic_ms();

	if (atomic_load(&known_gen) == 0 ||
	    now - atomic_load(&checked_ms) >= opt_recheck_ms) {
		st = stmt_get(s, ST_GENERATION);
		if (db_step(st) == DB_ROW) {
			gen_raise((uint64_t)db_column_int64(st, 0),
			    db_column_int64(st, 1));
			atomic_store(&checked_ms, now);
		} else
			STORE_ERR(s);
		stmt_done(st);
	}
	if (changed != NULL)
		*changed = atomic_load(&known_changed);
	return atomic_load(&known_gen);
}

struct dstmt *
stmt_get(struct store *s, enum stmt id)
{
	return s->stmt[id];
}

void
stmt_done(struct dstmt *st)
{
	db_reset(st);
}

int
stmt_exec(struct store *s, struct dstmt *st, const char *file, int line)
{
	int	 rc;

	rc = db_step(st);
	stmt_done(st);
	if (rc == DB_DONE || rc == DB_ROW)
		return 0;
	store_error(s, file, line);
	return -1;
}

int
stmt_changes(struct store *s, struct dstmt *st, const char *file, int line)
{
	if (stmt_exec(s, st, file, line) < 0)
		return -1;
	return db_changes(s->db) > 0;
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
	struct dstmt *st;
	int		 rc;

	if (!s->audit.set)
		return 0;
	st = stmt_get(s, ST_AUDIT_INSERT);
	db_bind_int64(st, 1, s->audit.at);
	if (s->audit.user_id > 0)
		db_bind_int64(st, 2, s->audit.user_id);
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
	/*
	 * PostgreSQL's BEGIN takes no lock: the meta row's is the write
	 * lock, held to COMMIT, so that writers take turns across every
	 * process and machine as SQLite's BEGIN IMMEDIATE makes them do
	 * (the purge outbox relies on rows committing in id order).
	 */
	if (db_is_pg(s->db) &&
	    STMT_EXEC(s, stmt_get(s, ST_WRITE_LOCK)) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
store_commit(struct store *s)
{
	struct dstmt	*st = stmt_get(s, ST_GENERATION_BUMP);
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
	db_bind_int64(st, 1, (int64_t)time(NULL));
	if ((rc = db_step(st)) == DB_ROW) {
		gen = (uint64_t)db_column_int64(st, 0);
		changed = db_column_int64(st, 1);
	} else
		STORE_ERR(s);
	stmt_done(st);
	if (rc != DB_ROW || STMT_EXEC(s, stmt_get(s, ST_COMMIT)) < 0) {
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
	if (db_in_txn(s->db)) {
		db_step(stmt_get(s, ST_ROLLBACK));
		stmt_done(stmt_get(s, ST_ROLLBACK));
	}
	write_unlock(s);
}

void
store_read_begin(struct store *s)
{
	if (s->reading || s->writing || db_in_txn(s->db))
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
	if (db_in_txn(s->db))
		STMT_EXEC(s, stmt_get(s, ST_COMMIT));
}

int
bind_text(struct dstmt *st, int i, const char *v)
{
	return db_bind_text(st, i, v);
}

int
bind_time(struct dstmt *st, int i, int64_t t)
{
	if (t == 0)
		return db_bind_null(st, i);
	return db_bind_int64(st, i, t);
}

const char *
col_text(struct arena *a, struct dstmt *st, int i)
{
	const char	*p = db_column_text(st, i);

	if (p == NULL)
		return arena_strdup(a, "");
	return arena_strndup(a, p, (size_t)db_column_bytes(st, i));
}

int
lookup_text(struct store *s, struct arena *a, struct dstmt *st,
    const char *key, const char **out)
{
	int	 rc;

	bind_text(st, 1, key);
	if ((rc = db_step(st)) == DB_ROW)
		*out = col_text(a, st, 0);
	else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
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
	struct dstmt	*st = stmt_get(s, ST_SETTING_PUT);

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
