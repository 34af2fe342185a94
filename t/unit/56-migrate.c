/*
 * 56-migrate: a database made by an older build upgrades and serves.
 * Migration 003 restores article_tags_due, which databases made before
 * it joined 001-init.sql lack and which a statement names (INDEXED BY):
 * without it such a database could not even open for serving.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../src/store/store.h"
#include "tap.h"

int
main(void)
{
	char		 dir[] = "/tmp/gazette-migrate-XXXXXX", path[300];
	char		 cmd[400];
	struct store	*s;
	sqlite3		*db;
	sqlite3_stmt	*st;
	int		 from = -1, to = -1, has = 0;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof(path), "%s/old.db", dir);
	s = store_open(path, 1);
	ok(s != NULL && store_migrate(s, &from, &to) == 0, "a new database");
	store_close(s);

	/*
	 * As a build before the index made it: version 2, no index, and
	 * none of what later migrations add.
	 */
	ok(sqlite3_open(path, &db) == SQLITE_OK && sqlite3_exec(db,
	    "DROP INDEX article_tags_due; DROP TABLE purge_outbox;"
	    " DROP TABLE purge_nodes; DROP INDEX article_slugs_article;"
	    " DROP INDEX tag_slugs_tag; DROP TABLE article_media;"
	    " DROP TABLE media; PRAGMA user_version = 2", NULL, NULL,
	    NULL) == SQLITE_OK, "made old: version 2 without article_tags_due");
	sqlite3_close(db);
	fflush(stderr);
	ok(store_open(path, 0) == NULL, "such a database does not serve");

	s = store_open(path, 1);
	if (s == NULL || store_migrate(s, &from, &to) != 0)
		from = to = -1;
	ok(from == 2 && to >= 3, "gazette migrate upgrades it (%d -> %d)",
	    from, to);
	store_close(s);
	ok((s = store_open(path, 0)) != NULL, "and then it serves");
	store_close(s);
	if (sqlite3_open(path, &db) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE "
	    "name = 'article_tags_due'", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			has = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	is_int(has, 1, "with the index back");

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		ok(0, "temporary directory removed");
	done_testing();
	return tap_failed != 0;
}
