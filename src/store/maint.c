/*
 * maint.c: keeping the database healthy: backups and checks.
 */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/log.h"
#include "impl.h"

int
store_backup(struct store *s, const char *path)
{
	struct stat	 st;

	if (stat(path, &st) == 0) {
		LOG_ERR("backup: %s exists already; not overwriting it", path);
		return -1;
	}
	return db_sqlite_backup(s->db, path);
}

int
store_verify_file(const char *path, int *version)
{
	if (db_sqlite_verify_file(path, version) < 0)
		return -1;
	if (*version < 1) {
		LOG_ERR("%s: not a Gazette database (schema version %d)",
		    path, *version);
		return -1;
	}
	if (*version > store_schema_version()) {
		LOG_ERR("%s: schema version %d is newer than this program "
		    "knows (%d)", path, *version, store_schema_version());
		return -1;
	}
	return 0;
}

int
store_restore(struct store *s, const char *src_path)
{
	return db_sqlite_restore(s->db, src_path);
}

/* Print every row of a check statement; returns the number of rows. */
static int
check_rows(struct store *s, enum stmt id, FILE *f)
{
	struct dstmt	*st = stmt_get(s, id);
	int		 n = 0, i, rc;

	while ((rc = db_step(st)) == DB_ROW) {
		n++;
		for (i = 0; i < db_column_count(st); i++)
			fprintf(f, "%s%s", i ? " " : "",
			    db_column_text(st, i) ? db_column_text(st, i) :
			    "NULL");
		fputc('\n', f);
	}
	if (rc != DB_DONE) {
		STORE_ERR(s);
		n = -1;
	}
	stmt_done(st);
	return n;
}

int
store_check(struct store *s, void *out)
{
	FILE		*f = out;
	static const enum stmt counters[] = { ST_CHECK_TAG_COUNTS,
	    ST_CHECK_COMMENT_COUNTS, ST_CHECK_ARTICLE_DAYS };
	struct dstmt	*st;
	size_t		 i;
	int		 n, bad = 0;

	if ((n = db_check_self(s->db, f)) < 0)
		return -1;
	bad += n;
	/* The counters that pages show, against a recount. */
	for (i = 0; i < sizeof(counters) / sizeof(counters[0]); i++) {
		if ((n = check_rows(s, counters[i], f)) < 0)
			return -1;
		bad += n;
	}
	/* What the site holds: the same on two copies of it. */
	st = stmt_get(s, ST_CHECK_COUNTS);
	if (db_step(st) == DB_ROW)
		fprintf(f, "%lld articles (%lld published), %lld comments, "
		    "%lld tags, %lld users, %lld photographs, %lld revisions\n",
		    (long long)db_column_int64(st, 0),
		    (long long)db_column_int64(st, 1),
		    (long long)db_column_int64(st, 2),
		    (long long)db_column_int64(st, 3),
		    (long long)db_column_int64(st, 4),
		    (long long)db_column_int64(st, 5),
		    (long long)db_column_int64(st, 6));
	else {
		STORE_ERR(s);
		bad++;
	}
	stmt_done(st);
	return bad > 0 ? 1 : 0;
}
