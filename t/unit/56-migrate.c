/*
 * 56-migrate: a database made by an older build upgrades and serves.
 * Migration 003 restores article_tags_due, which databases made before
 * it joined 001-init.sql lack and which a statement names (INDEXED BY):
 * without it such a database could not even open for serving.
 *
 * On PostgreSQL (make test-pg) the old database is made of the first
 * two files of sql/pg/ as an older build applied them, with the same
 * rows, and upgrades the same way.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/store/store.h"
#include "tap.h"
#include "testdb.h"

/* sql/pg/, as the program has it (scripts/embed-sql --pg). */
extern const char *const store_pg_migrations[];

static int
migrate_pg(void)
{
	struct testdb	 t;
	struct store	*s;
	char		 text[200];
	int		 from = -1, to = -1;

	if (testdb_make(&t, "migrate") < 0 || testdb_connect(&t) < 0) {
		ok(0, "a database for the test");
		return done_testing();
	}
	/*
	 * As a build at version 2 left it (001 and 002 applied; without
	 * article_tags_due, which databases made before it joined 001
	 * lack), with a few rows.
	 */
	ok(testdb_exec(&t, store_pg_migrations[0]) == 0 &&
	    testdb_exec(&t, store_pg_migrations[1]) == 0 &&
	    testdb_exec(&t, "DROP INDEX article_tags_due;"
	    " INSERT INTO schema_migrations (version, applied_at)"
	    "  VALUES (1, 1), (2, 1);"
	    " INSERT INTO articles (id, created_at, modified_at, slug,"
	    "  headline) VALUES (1, 1, 1, 'a', 'A'), (2, 1, 1, 'b', 'B');"
	    " INSERT INTO revisions (article_id, created_at, headline,"
	    "  summary, byline, dateline, source, body_md, tags, slug, status)"
	    "  VALUES (1, 1, 'A', '', '', '', '', '', '', 'a', 'draft'),"
	    "  (2, 1, 'B', '', '', '', '', '', '', 'b', 'draft'),"
	    "  (1, 2, 'A2', '', '', '', '', '', '', 'a', 'draft');"
	    " INSERT INTO users (id, name, display, role, pw_hash, created_at)"
	    "  VALUES (7, 'ed', 'Ed', 'editor', 'x', 1);"
	    " INSERT INTO sessions (token_hash, user_id, csrf, created_at,"
	    "  seen_at, expires_at) VALUES ('\\x00', 7, 'c', 1, 1, 2)") == 0,
	    "made old: version 2 without article_tags_due");
	fflush(stderr);
	ok(store_open(t.where, 0) == NULL, "such a database does not serve");
	s = store_open(t.where, 1);
	if (s == NULL || store_migrate(s, &from, &to) != 0)
		from = to = -1;
	ok(from == 2 && to == store_schema_version(),
	    "gazette migrate upgrades it (%d -> %d)", from, to);
	store_close(s);
	ok((s = store_open(t.where, 0)) != NULL, "and then it serves");
	store_close(s);
	is_int(testdb_int(&t, "SELECT count(*) FROM pg_indexes WHERE "
	    "indexname = 'article_tags_due'", 0, NULL), 1,
	    "with the index back");
	is_int(testdb_version(&t), store_schema_version(),
	    "each migration recorded");
	is_int(testdb_int(&t, "SELECT count(*) FROM sessions s JOIN users u"
	    " ON u.id = s.user_id WHERE u.name = 'ed'", 0, NULL), 1,
	    "an account and its session survive the new roles");
	testdb_text(&t, "SELECT string_agg(article_id || ':' || number, ' '"
	    " ORDER BY id) FROM revisions", text, sizeof(text));
	is_str(text, "1:1 2:1 1:2",
	    "old revisions are numbered 1, 2 ... per article");
	ok(testdb_exec(&t, "UPDATE users SET role = 'contributor' WHERE"
	    " name = 'ed'") == 0, "and the role contributor is allowed");
	testdb_drop(&t);
	done_testing();
	return tap_failed != 0;
}

int
main(void)
{
	char		 dir[] = "/tmp/gazette-migrate-XXXXXX", path[300];
	char		 cmd[400];
	struct store	*s;
	sqlite3		*db;
	sqlite3_stmt	*st;
	int		 from = -1, to = -1, has = 0;

	if (testdb_pg() != NULL)
		return migrate_pg();
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
	    " DROP TABLE media; DROP INDEX articles_queue;"
	    " DROP INDEX articles_author; DROP TABLE account_tokens;"
	    " DROP INDEX revisions_number; DROP TABLE recovery_codes;"
	    " DROP TABLE article_body_media;"
	    " DROP TABLE audit_log; DROP TABLE article_authors;"
	    " DROP INDEX users_slug; DROP INDEX articles_modified;"
	    " ALTER TABLE users DROP COLUMN slug;"
	    " ALTER TABLE users DROP COLUMN totp_secret;"
	    " ALTER TABLE users DROP COLUMN totp_step;"
	    " ALTER TABLE revisions DROP COLUMN number;"
	    " ALTER TABLE revisions DROP COLUMN authors;"
	    " INSERT INTO articles (id, created_at, modified_at, slug,"
	    "  headline) VALUES (1, 1, 1, 'a', 'A'), (2, 1, 1, 'b', 'B');"
	    " INSERT INTO revisions (article_id, created_at, headline,"
	    "  summary, byline, dateline, source, body_md, tags, slug, status)"
	    "  VALUES (1, 1, 'A', '', '', '', '', '', '', 'a', 'draft'),"
	    "  (2, 1, 'B', '', '', '', '', '', '', 'b', 'draft'),"
	    "  (1, 2, 'A2', '', '', '', '', '', '', 'a', 'draft');"
	    " ALTER TABLE articles DROP COLUMN review_note;"
	    " ALTER TABLE articles DROP COLUMN submitted_at;"
	    " INSERT INTO users (id, name, display, role, pw_hash, created_at)"
	    "  VALUES (7, 'ed', 'Ed', 'editor', 'x', 1);"
	    " INSERT INTO sessions (token_hash, user_id, csrf, created_at,"
	    "  seen_at, expires_at) VALUES (x'00', 7, 'c', 1, 1, 2);"
	    " PRAGMA user_version = 2", NULL, NULL,
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
	is_int(has, 1, "with the index back");
	/* Rebuilding users (migration 006) kept its rows and their
	 * sessions: foreign keys were off while it ran. */
	has = 0;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sessions s JOIN"
	    " users u ON u.id = s.user_id WHERE u.name = 'ed'", -1, &st,
	    NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			has = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	is_int(has, 1, "an account and its session survive the users rebuild");
	/* Revisions got their numbers per article (migration 008). */
	has = 0;
	if (sqlite3_prepare_v2(db, "SELECT group_concat(article_id || ':' ||"
	    " number, ' ') FROM (SELECT article_id, number FROM revisions"
	    " ORDER BY id)", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			has = strcmp((const char *)sqlite3_column_text(st, 0),
			    "1:1 2:1 1:2") == 0;
		sqlite3_finalize(st);
	}
	is_int(has, 1, "old revisions are numbered 1, 2 ... per article");
	/* Their authors were not recorded (migration 013): NULL. */
	has = -1;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM revisions WHERE"
	    " authors IS NOT NULL", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			has = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	is_int(has, 0, "old revisions' authors are not recorded (NULL)");
	ok(sqlite3_exec(db, "UPDATE users SET role = 'contributor' WHERE"
	    " name = 'ed'", NULL, NULL, NULL) == SQLITE_OK,
	    "and the role contributor is allowed");
	/* Accounts got their author slugs (migration 011, then C). */
	has = 0;
	if (sqlite3_prepare_v2(db, "SELECT slug FROM users WHERE name = 'ed'",
	    -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW &&
		    sqlite3_column_text(st, 0) != NULL)
			has = strcmp((const char *)sqlite3_column_text(st, 0),
			    "ed") == 0;
		sqlite3_finalize(st);
	}
	is_int(has, 1, "an older account gets its author slug");
	ok(sqlite3_exec(db, "INSERT INTO purge_outbox (kind, slug, ref,"
	    " created_at) VALUES ('author', 'ed', 7, 1)", NULL, NULL,
	    NULL) == SQLITE_OK, "the outbox takes author rows");
	sqlite3_close(db);

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		ok(0, "temporary directory removed");
	done_testing();
	return tap_failed != 0;
}
