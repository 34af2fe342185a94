/*
 * reindex.c: gazette reindex, which rebuilds the search index from the
 * articles.  The index is kept in step by every save, so this is for
 * after a restore, a change made to the database by hand, or a change
 * in how bodies become plain text.  Readers keep searching while it
 * runs: the rebuild is one transaction, and they see the old index
 * until it commits.
 */
#include <stdio.h>

#include "../config.h"
#include "../store/store.h"
#include "../util/conninfo.h"
#include "cli.h"

int
cli_reindex(int argc, char *argv[])
{
	char		 shown[1024];
	const char	*db = conninfo_shown(cfg.db, shown, sizeof(shown));
	struct store	*s;
	int		 n;

	if (argc > 1) {
		fprintf(stderr, "gazette: reindex: unexpected argument '%s'\n",
		    argv[1]);
		return 2;
	}
	if ((s = store_open(cfg.db, 0)) == NULL)
		return 1;
	n = store_search_reindex(s);
	store_close(s);
	if (n < 0) {
		fprintf(stderr, "gazette: reindex: failed; the index is as "
		    "it was\n");
		return 1;
	}
	printf("%s: search index rebuilt: %d article%s\n", db, n,
	    n == 1 ? "" : "s");
	return 0;
}
