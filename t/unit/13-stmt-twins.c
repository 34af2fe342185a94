/*
 * 13-stmt-twins: every statement of enum stmt has its SQL for SQLite
 * (src/store/stmt.c) and its twin for PostgreSQL (src/store/stmt_pg.c),
 * and the two take the same parameters (the store binds one index for
 * both: ?N in one, $N in the other).  Runs without a database, so that
 * `make test` on SQLite alone catches a statement added to one list
 * only; the store would otherwise find out at its first open on
 * PostgreSQL.  The statements are named as in src/store/stmt.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store/stmt.h"
#include "tap.h"

static char	*names[ST__MAX];

/*
 * The names of enum stmt, in order, read from stmt.h (comments
 * skipped): the count, which is ST__MAX when the reading is right.
 */
static int
read_names(const char *path)
{
	FILE	*f;
	char	*text, *p, *q;
	long	 len;
	int	 n = 0;

	if ((f = fopen(path, "r")) == NULL)
		return -1;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	text = calloc(1, (size_t)len + 1);
	if (text == NULL || fread(text, 1, (size_t)len, f) != (size_t)len) {
		fclose(f);
		free(text);
		return -1;
	}
	fclose(f);
	/* Comments become blanks. */
	for (p = text; (p = strstr(p, "/*")) != NULL; p = q + 2) {
		if ((q = strstr(p + 2, "*/")) == NULL)
			break;
		memset(p, ' ', (size_t)(q + 2 - p));
	}
	if ((p = strstr(text, "enum stmt {")) == NULL) {
		free(text);
		return -1;
	}
	for (p += strlen("enum stmt {"); *p != '\0' && *p != '}'; ) {
		if (strncmp(p, "ST_", 3) != 0) {
			p++;
			continue;
		}
		for (q = p; isalnum((unsigned char)*q) || *q == '_'; q++)
			;
		if (strncmp(p, "ST__MAX", (size_t)(q - p)) == 0 &&
		    q - p == 7)
			break;
		if (n < ST__MAX)
			names[n] = strndup(p, (size_t)(q - p));
		n++;
		p = q;
	}
	free(text);
	return n;
}

/* The highest parameter number (mark '?' or '$') in sql. */
static int
max_param(const char *sql, char mark)
{
	const char	*p;
	int		 n, max = 0;

	for (p = sql; *p != '\0'; p++)
		if (*p == mark && isdigit((unsigned char)p[1]) &&
		    (n = atoi(p + 1)) > max)
			max = n;
	return max;
}

int
main(void)
{
	char	 num[32];
	int	 i, n, missing = 0, unequal = 0;

	n = read_names(GAZETTE_TOP "/src/store/stmt.h");
	is_int(n, ST__MAX, "stmt.h names the %d statements of enum stmt",
	    ST__MAX);
	for (i = 0; i < ST__MAX; i++)
		if (names[i] == NULL) {
			snprintf(num, sizeof(num), "statement %d", i);
			names[i] = strdup(num);
		}

	for (i = 0; i < ST__MAX; i++) {
		if (stmt_sql[i] == NULL) {
			printf("# %s has no SQL for SQLite (stmt.c)\n",
			    names[i]);
			missing++;
		}
		if (stmt_pg_sql[i] == NULL) {
			printf("# %s has no PostgreSQL twin (stmt_pg.c)\n",
			    names[i]);
			missing++;
		}
	}
	ok(missing == 0, "every statement has its SQLite text and its "
	    "PostgreSQL twin");

	for (i = 0; i < ST__MAX; i++) {
		if (stmt_sql[i] == NULL || stmt_pg_sql[i] == NULL)
			continue;
		if (max_param(stmt_sql[i], '?') !=
		    max_param(stmt_pg_sql[i], '$')) {
			printf("# %s: up to ?%d on SQLite, $%d on "
			    "PostgreSQL\n", names[i],
			    max_param(stmt_sql[i], '?'),
			    max_param(stmt_pg_sql[i], '$'));
			unequal++;
		}
	}
	ok(unequal == 0, "each twin takes as many parameters as its "
	    "SQLite statement");
	return done_testing();
}
