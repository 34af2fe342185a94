/*
 * copy.c: gazette copy --from SQLITE_FILE --to POSTGRESQL, which moves a
 * whole site from a SQLite file into an empty PostgreSQL database (see
 * store_copy()), and says what to do with the photographs' files, which
 * live beside the database, not in it.
 */
#include <stdio.h>
#include <string.h>

#include "../config.h"
#include "../store/store.h"
#include "cli.h"

int
cli_copy(int argc, char *argv[])
{
	const char	*from = NULL, *to = NULL;
	int		 i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--from") == 0 && i + 1 < argc)
			from = argv[++i];
		else if (strcmp(argv[i], "--to") == 0 && i + 1 < argc)
			to = argv[++i];
		else {
			fprintf(stderr, "gazette: copy: unexpected argument "
			    "'%s'\n", argv[i]);
			return 2;
		}
	}
	if (from == NULL || to == NULL) {
		fprintf(stderr, "usage: gazette copy --from SQLITE_FILE "
		    "--to POSTGRESQL_CONNINFO\n");
		return 2;
	}
	printf("copying %s into %s\n", from, to);
	if (store_copy(from, to, stdout) < 0) {
		fprintf(stderr, "gazette: copy: failed; nothing was copied\n");
		return 1;
	}
	printf("done: run 'gazette check' with --db set to each to compare.\n"
	    "The photographs' files are not in the database: copy the media "
	    "folder\n  %s\nto the same place (--media, GAZETTE_MEDIA) on every "
	    "app server that will\nserve from the new database, for example "
	    "with rsync -a.\nThen point --db (GAZETTE_DB) at the new database "
	    "and restart the servers.\n", cfg.media_dir);
	return 0;
}
