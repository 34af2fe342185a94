/*
 * migrate.c: gazette migrate, which creates the database or brings it
 * to this program's schema version.  Safe to run any number of times.
 * Migrations run forward only: before changing the schema of a
 * database that has content, it keeps a copy of it beside the database
 * (DB.pre-migrate-vN-DATE), the way back.
 */
#include <stdio.h>
#include <time.h>

#include "../config.h"
#include "../store/store.h"
#include "../util/conninfo.h"
#include "cli.h"

int
cli_migrate(int argc, char *argv[])
{
	char		 shown[1024];
	const char	*db = conninfo_shown(cfg.db, shown, sizeof(shown));
	struct store	*s;
	struct tm	 tm;
	time_t		 now;
	char		 copy[4096];
	int		 from, to, v, rc;

	if (argc > 1) {
		fprintf(stderr, "gazette: migrate: unexpected argument '%s'\n",
		    argv[1]);
		return 2;
	}
	if ((s = store_open(cfg.db, 1)) == NULL)
		return 1;
	v = store_db_version(s);
	/* A database on a server is copied with its own tools. */
	if (v > 0 && v < store_schema_version() && store_keeps_copies(s)) {
		now = time(NULL);
		gmtime_r(&now, &tm);
		snprintf(copy, sizeof(copy), "%s.pre-migrate-v%d-%04d%02d%02d-"
		    "%02d%02d%02d", cfg.db, v, tm.tm_year + 1900,
		    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
		    tm.tm_sec);
		if (store_backup(s, copy) < 0) {
			fprintf(stderr, "gazette: migrate: no copy could be "
			    "kept; the schema was not changed\n");
			store_close(s);
			return 1;
		}
		printf("%s: copy of schema version %d kept as %s\n", db,
		    v, copy);
	}
	rc = store_migrate(s, &from, &to);
	store_close(s);
	if (rc < 0)
		return 1;
	if (from == to)
		printf("%s: schema version %d, up to date\n", db, to);
	else
		printf("%s: schema version %d -> %d\n", db, from, to);
	return 0;
}
