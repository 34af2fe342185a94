/*
 * 55-plans: no statement reads a whole table that grows with the site
 * (issue 6: "no query that scans").  Every statement of stmt.c is
 * planned by SQLite on a freshly migrated database (no ANALYZE
 * statistics, which is how the app runs, so the plans are the app's),
 * and each full scan SQLite reports must be one of the few listed
 * below, each on a table that stays small or is read whole on purpose.
 *
 * A new statement that scans articles, article_tags or comments fails
 * here, whatever the size of the test data: the plan is the same at
 * ten rows and at a million.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/store/stmt.h"
#include "../../src/store/store.h"
#include "tap.h"

/* Scans that are allowed, and why. */
static const struct {
	enum stmt	 id;
	const char	*table;
} allowed[] = {
	{ ST_TAGS_ALL, "tags" },		/* /tags lists every tag */
	{ ST_SITEMAP_STATS, "tags" },		/* counts the tags */
	{ ST_SITEMAP_STATS, "u" },		/* and the authors (accounts) */
	{ ST_SITEMAP_TAGS, "t" },		/* lists every tag */
	{ ST_TAGS_ADMIN, "t" },			/* editors' tag list */
	{ ST_USERS_ALL, "users" },		/* editors' account list */
	{ ST_SESSIONS_PRUNE, "sessions" },	/* housekeeping, now and then */
	{ ST_TAG_SLUGS_MOVE, "tag_slugs" },	/* merging two tags */
	{ ST_ARTICLES_ANY, "articles" },	/* LIMIT 1 */
	{ ST_PURGE_NODES, "n" },		/* one row per cache node */
	/* The outbox: a few rows of one article or tag, written while a
	   cache node is recorded (EXISTS stops at the first). */
	{ ST_OUTBOX_ARTICLE, "(subquery-4)" },
	{ ST_OUTBOX_ARTICLE, "purge_nodes" },
	{ ST_OUTBOX_TAG, "(subquery-3)" },
	{ ST_OUTBOX_TAG, "purge_nodes" },
	{ ST_OUTBOX_SITE, "purge_nodes" },
	{ ST_OUTBOX_AUTHOR, "(subquery-2)" },	/* an author's articles */
	{ ST_OUTBOX_AUTHOR, "purge_nodes" },
	{ ST_OUTBOX_AUTHOR_TAGS, "purge_nodes" },
	{ ST_PURGE_NODE_ADD, "sqlite_sequence" }, /* one row per AUTOINCREMENT table */
	/* Search: bounded windows over the FTS index's own matches. */
	{ ST_SEARCH, "r" },
	{ ST_SEARCH, "hits" },
	{ ST_SEARCH_COUNT, "r" },
	{ ST_SEARCH_COUNT, "(subquery-2)" },
	/* gazette check recounts everything, on purpose (NULL: any). */
	{ ST_CHECK_TAG_COUNTS, NULL },
	{ ST_CHECK_COMMENT_COUNTS, NULL },
	{ ST_CHECK_ARTICLE_DAYS, NULL },
	{ ST_CHECK_COUNTS, NULL },
};

/* "SCAN name ..." names a table (or view) read whole, or NULL. */
static int
scan_allowed(enum stmt id, const char *detail, char *table, size_t len)
{
	const char	*p;
	size_t		 i, n;

	if (strncmp(detail, "SCAN ", 5) != 0)
		return 1;
	p = detail + 5;
	/* The FTS5 table reads only what its index gives it. */
	if (strstr(p, "VIRTUAL TABLE INDEX") != NULL ||
	    strcmp(p, "CONSTANT ROW") == 0)
		return 1;
	n = strcspn(p, " ");
	snprintf(table, len, "%.*s", (int)n, p);
	for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		if (allowed[i].id == id && (allowed[i].table == NULL ||
		    strcmp(allowed[i].table, table) == 0))
			return 1;
	return 0;
}

int
main(void)
{
	char		 dir[] = "/tmp/gazette-plans-XXXXXX", path[300], q[8192];
	char		 table[128], files[400];
	struct store	*s;
	sqlite3		*db;
	sqlite3_stmt	*st;
	int		 from, to, i, planned = 0, bad, rc;

	if (getenv("GAZETTE_TEST_PG") != NULL && *getenv("GAZETTE_TEST_PG")) {
		tap_skip_all("the plans checked are SQLite's (EXPLAIN QUERY "
		    "PLAN of its statements); PostgreSQL plans its own");
		return 0;
	}
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof(path), "%s/plans.db", dir);
	s = store_open(path, 1);
	ok(s != NULL && store_migrate(s, &from, &to) == 0,
	    "a fresh database, migrated");
	store_close(s);
	ok(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK,
	    "opened for planning");

	for (i = 0; i < ST__MAX; i++) {
		if (stmt_sql[i] == NULL)
			continue;
		snprintf(q, sizeof(q), "EXPLAIN QUERY PLAN %s", stmt_sql[i]);
		if (sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK) {
			ok(0, "statement %d plans: %s", i, sqlite3_errmsg(db));
			continue;
		}
		bad = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(st, 3);

			if (!scan_allowed((enum stmt)i, d, table,
			    sizeof(table))) {
				ok(0, "statement %d reads all of %s: %s\n"
				    "#   %.200s", i, table, d, stmt_sql[i]);
				bad = 1;
			}
		}
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE && !bad)
			planned++;
	}
	is_int(planned, ST__MAX, "every statement uses an index, or "
	    "scans only a small table it lists whole");

	/* The regression that started this test: tag counts, per page. */
	snprintf(q, sizeof(q), "EXPLAIN QUERY PLAN %s",
	    stmt_sql[ST_TAGS_SCHEDULED]);
	ok(sqlite3_prepare_v2(db, q, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW &&
	    strstr((const char *)sqlite3_column_text(st, 3),
	    "article_tags_due") != NULL,
	    "scheduled articles' tags are found through article_tags_due");
	sqlite3_finalize(st);

	sqlite3_close(db);
	snprintf(files, sizeof(files), "rm -rf '%s'", dir);
	if (system(files) != 0)
		ok(0, "temporary directory removed");
	done_testing();
	return tap_failed != 0;
}
