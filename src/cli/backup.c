/*
 * backup.c: gazette backup FILE and gazette check.
 */
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "../config.h"
#include "../store/store.h"
#include "../util/arena.h"
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

/*
 * The cache nodes the serving app purges: one line each, and a problem
 * (exit status 1) for a node whose purges have waited longer than
 * PURGE_LATE seconds, which means its readers may get old pages.
 */
#define PURGE_LATE	60

static int
check_purges(struct store *s)
{
	struct arena	 a;
	struct purge_node *nodes;
	int		 i, n, late = 0;
	int64_t		 now = (int64_t)time(NULL);

	arena_init(&a, 1024);
	if ((n = store_purge_nodes(s, &a, &nodes)) < 0) {
		arena_free(&a);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (nodes[i].pending == 0) {
			printf("cache %s: up to date\n", nodes[i].node);
			continue;
		}
		printf("cache %s: %lld purges waiting, the oldest for %lld s%s%s\n",
		    nodes[i].node, nodes[i].pending,
		    (long long)(now - nodes[i].oldest),
		    nodes[i].error[0] ? "; last error: " : "", nodes[i].error);
		if (now - nodes[i].oldest > PURGE_LATE)
			late++;
	}
	arena_free(&a);
	return late > 0 ? -1 : 0;
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
	if (check_purges(s) < 0)
		rc = 1;
	store_close(s);
	if (rc == 0)
		printf("%s: ok\n", cfg.db);
	return rc == 0 ? 0 : 1;
}
