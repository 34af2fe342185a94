/*
 * 09-import: `gazette import` (src/cli/import.c) on a temporary database:
 * unique slugs for repeated headlines, also long ones, and a batch with
 * a bad file importing nothing.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/cli/cli.h"
#include "../../src/config.h"
#include "../../src/store/store.h"
#include "../../src/util/arena.h"
#include "../../src/util/text.h"
#include "tap.h"
#include "testdb.h"

static struct arena	 A;
static char		 dir[256];
static struct testdb	 DB;		/* on PostgreSQL (make test-pg) */

/* Write a file in the temporary directory; returns its path. */
static char *
file(const char *name, const char *text)
{
	char	*path = arena_printf(&A, "%s/%s", dir, name);
	FILE	*f;

	if ((f = fopen(path, "w")) == NULL || fputs(text, f) < 0 ||
	    fclose(f) != 0)
		diag("cannot write %s", path);
	return path;
}

/* Run a subcommand with its output (and errors) out of the TAP stream. */
static int
run(int (*cmd)(int, char *[]), int argc, char *argv[])
{
	int	 out, err, null, rc;

	fflush(stdout);
	fflush(stderr);
	out = dup(STDOUT_FILENO);
	err = dup(STDERR_FILENO);
	null = open("/dev/null", O_WRONLY);
	dup2(null, STDOUT_FILENO);
	dup2(null, STDERR_FILENO);
	rc = cmd(argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(out, STDOUT_FILENO);
	dup2(err, STDERR_FILENO);
	close(out);
	close(err);
	close(null);
	return rc;
}

static int
import(char *a, char *b, char *c)
{
	char	*argv[] = { "import", a, b, c, NULL };

	return run(cli_import, c ? 4 : b ? 3 : 2, argv);
}

int
main(void)
{
	const char	*tmp = getenv("TMPDIR");
	char		*argv[] = { "migrate", NULL }, *longf, *shortf, *bad;
	char		 headline[200];
	struct store	*s;
	struct article	*rows;
	int		 n, i, bad_slugs = 0;

	arena_init(&A, 0);
	snprintf(dir, sizeof(dir), "%s/gazette-unit-XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		tap_skip_all("cannot make a temporary directory");
		return 0;
	}
	/* The files in dir; the database there too, or on PostgreSQL. */
	if (testdb_pg() != NULL) {
		if (testdb_make(&DB, "import") < 0) {
			tap_skip_all("cannot make a database for the test");
			return 0;
		}
		cfg.db = DB.where;
	} else {
		cfg.db = arena_printf(&A, "%s/test.db", dir);
	}
	is_int(run(cli_migrate, 1, argv), 0, "migrate");

	/*
	 * Sixteen words of seven letters: the slug is cut to fifteen words
	 * (119 bytes), and a suffix must not leave "--" where the base is
	 * cut again to make room for it.
	 */
	headline[0] = '\0';
	for (i = 0; i < 16; i++)
		strcat(headline, "abcdefg ");
	longf = file("long.txt", arena_printf(&A, "%s\n\nBody.\n", headline));
	shortf = file("short.txt", "Same headline\n\nBody.\n");
	is_int(import(longf, longf, longf), 0, "a long headline three times");
	is_int(import(shortf, shortf, NULL), 0, "a short one twice");

	bad = file("bad.txt", "Headline\n\nBody \x01 with a control.\n");
	is_int(import(shortf, bad, NULL), 1, "a batch with a bad file fails");

	if ((s = store_open(cfg.db, 0)) == NULL) {
		ok(0, "the database opens");
		return done_testing();
	}
	n = store_articles_live(s, &A, 4102444800LL, NULL, 0, 100, &rows);
	is_int(n, 5, "five articles: nothing of the failed batch");
	for (i = 0; i < n; i++)
		if (!slug_valid(rows[i].slug)) {
			bad_slugs++;
			diag("invalid slug: %s", rows[i].slug);
		}
	is_int(bad_slugs, 0, "every slug is valid (reachable by the router)");
	for (i = 0; i < n; i++)
		if (strcmp(rows[i].slug, "same-headline-2") == 0)
			break;
	ok(i < n, "a repeated headline gets '-2'");
	for (i = 0; i < n; i++)
		if (strlen(rows[i].slug) > 100 &&
		    strcmp(rows[i].slug + strlen(rows[i].slug) - 2, "-3") == 0)
			break;
	ok(i < n && strlen(rows[i].slug) <= SLUG_MAX,
	    "and a long one '-3', within SLUG_MAX");
	store_close(s);

	testdb_drop(&DB);
	unlink(arena_printf(&A, "%s/test.db", dir));
	unlink(arena_printf(&A, "%s/test.db-wal", dir));
	unlink(arena_printf(&A, "%s/test.db-shm", dir));
	unlink(longf);
	unlink(shortf);
	unlink(bad);
	rmdir(dir);
	arena_free(&A);
	return done_testing();
}
