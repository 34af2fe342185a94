/*
 * backup.c: gazette backup FILE and gazette check.
 */
#include <stdio.h>

#include "../config.h"
#include "../store/store.h"
#include "cli.h"

int
cli_backup(int argc, char *argv[])
{
	struct store	*s;
	int		 rc;

	if (argc >= 2 && argv[1][0] == '-') {
		fprintf(stderr, "gazette: backup: unknown option '%s'\n",
		    argv[1]);
		return 2;
	}
	if (argc != 2) {
		fprintf(stderr, "gazette: backup: give one FILE to copy the "
		    "database to\n");
		return 2;
	}
	if ((s = store_open(cfg.db, 0)) == NULL)
		return 1;
	rc = store_backup(s, argv[1]);
	store_close(s);
	if (rc < 0)
		return 1;
	printf("%s: backed up to %s\n", cfg.db, argv[1]);
	return 0;
}

int
cli_check(int argc, char *argv[])
{
	struct store	*s;
	int		 rc;

	if (argc != 1) {
		fprintf(stderr, "gazette: check: unexpected argument '%s'\n",
		    argv[1]);
		return 2;
	}
	if ((s = store_open(cfg.db, 0)) == NULL)
		return 1;
	rc = store_check(s, stdout);
	store_close(s);
	if (rc == 0)
		printf("%s: ok\n", cfg.db);
	return rc == 0 ? 0 : 1;
}
