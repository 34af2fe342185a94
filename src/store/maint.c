/*
 * maint.c: keeping the database healthy: backups and checks.
 */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/log.h"
#include "impl.h"

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

int
store_backup(struct store *s, const char *path)
{
	sqlite3		*dst = NULL;
	struct stat	 st;

	if (stat(path, &st) == 0) {
		LOG_ERR("backup: %s exists already; not overwriting it", path);
		return -1;
	}
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		LOG_ERR("backup: cannot create %s: %s", path,
		    dst ? sqlite3_errmsg(dst) : "out of memory");
		sqlite3_close(dst);
		return -1;
	}
	if (copy_db(dst, s->db, "backup") < 0) {
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
store_verify_file(const char *path, int *version)
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
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) !=
	    SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		LOG_ERR("%s: %s", path, sqlite3_errmsg(db));
		goto out;
	}
	*version = sqlite3_column_int(st, 0);
	if (*version < 1) {
		LOG_ERR("%s: not a Gazette database (schema version %d)",
		    path, *version);
		goto out;
	}
	if (*version > store_schema_version()) {
		LOG_ERR("%s: schema version %d is newer than this program "
		    "knows (%d)", path, *version, store_schema_version());
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}

int
store_restore(struct store *s, const char *src_path)
{
	sqlite3		*src = NULL;
	int		 rc;

	if (sqlite3_open_v2(src_path, &src, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		LOG_ERR("restore: cannot open %s: %s", src_path,
		    src ? sqlite3_errmsg(src) : "out of memory");
		sqlite3_close(src);
		return -1;
	}
	rc = copy_db(s->db, src, "restore");
	sqlite3_close(src);
	return rc;
}

/* Print every row of a check pragma; returns the number of problems. */
static int
check_rows(struct store *s, const char *sql, FILE *f, int ok_is_row)
{
	sqlite3_stmt	*st;
	int		 n = 0, i, rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		STORE_ERR(s);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *first = (const char *)sqlite3_column_text(st, 0);

		if (ok_is_row && first != NULL && sqlite3_column_count(st) == 1 &&
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
		STORE_ERR(s);
		n = -1;
	}
	sqlite3_finalize(st);
	return n;
}

int
store_check(struct store *s, void *out)
{
	FILE		*f = out;
	static const enum stmt counters[] = { ST_CHECK_TAG_COUNTS,
	    ST_CHECK_COMMENT_COUNTS, ST_CHECK_ARTICLE_DAYS };
	size_t		 i;
	int		 n, bad = 0;

	if ((n = check_rows(s, "PRAGMA integrity_check", f, 1)) < 0)
		return -1;
	bad += n;
	if ((n = check_rows(s, "PRAGMA foreign_key_check", f, 0)) < 0)
		return -1;
	bad += n;
	/* The counters that pages show, against a recount. */
	for (i = 0; i < sizeof(counters) / sizeof(counters[0]); i++) {
		if ((n = check_rows(s, stmt_sql[counters[i]], f, 0)) < 0)
			return -1;
		bad += n;
	}
	return bad > 0 ? 1 : 0;
}
