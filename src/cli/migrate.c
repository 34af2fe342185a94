/*
 * migrate.c: gazette migrate, which creates the database or brings it
 * to this program's schema version.  Safe to run any number of times.
 */
#include <stdio.h>

#include "../config.h"
#include "../store/store.h"
#include "cli.h"

int
cli_migrate(int argc, char *argv[])
{
	struct store	*s;
	int		 from, to, rc;

	if (argc > 1) {
		fprintf(stderr, "gazette: migrate: unexpected argument '%s'\n",
		    argv[1]);
		return 2;
	}
	if ((s = store_open(cfg.db, 1)) == NULL)
		return 1;
	rc = store_migrate(s, &from, &to);
	store_close(s);
	if (rc < 0)
		return 1;
	if (from == to)
		printf("%s: schema version %d, up to date\n", cfg.db, to);
	else
		printf("%s: schema version %d -> %d\n", cfg.db, from, to);
	return 0;
}
