/*
 * 57-purge: what a write's outbox rows purge.  Every row purges the
 * pages any change may touch; an article row its page, its sitemap
 * part and its archive month (in the site's time zone, here UTC); a
 * tag row its page and feed.  The list is sorted, without duplicates.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/config.h"
#include "../../src/fresh/fresh.h"
#include "../../src/store/store.h"
#include "../../src/util/arena.h"
#include "tap.h"

static const char *
joined(struct arena *a, const char **p, size_t n)
{
	size_t	 i, len = 1;
	char	*s;

	for (i = 0; i < n; i++)
		len += strlen(p[i]) + 1;
	s = arena_alloc(a, len);
	for (i = 0; i < n; i++) {
		strcat(s, p[i]);
		if (i + 1 < n)
			strcat(s, " ");
	}
	return s;
}

int
main(void)
{
	struct arena	 a;
	struct purge_row rows[4];
	const char	**p;
	size_t		 n;

	arena_init(&a, 0);
	memset(rows, 0, sizeof(rows));
	setenv("TZ", "UTC", 1);
	tzset();

	p = fresh_purge_paths(&a, rows, 0, &n);
	is_int(n, 0, "no rows: nothing to purge");

	rows[0].kind = PURGE_SITE;
	rows[0].slug = "";
	p = fresh_purge_paths(&a, rows, 1, &n);
	is_str(joined(&a, p, n), "/ /archive /corrections /feed.atom "
	    "/sitemap-1.xml /sitemap.xml /tags", "the site: its shared pages");

	rows[0].kind = PURGE_ARTICLE;
	rows[0].slug = "ferry-route";
	rows[0].ref = 50001;
	rows[0].at = 1796083200;	/* 2026-12-01 00:00 UTC */
	rows[1] = rows[0];
	rows[1].slug = "old-ferry-route";
	rows[1].at = 0;			/* an old slug: no month */
	rows[2].kind = PURGE_TAG;
	rows[2].slug = "harbour";
	rows[3] = rows[2];		/* named twice: purged once */
	p = fresh_purge_paths(&a, rows, 4, &n);
	is_str(joined(&a, p, n), "/ /archive /archive/2026/12 "
	    "/articles/ferry-route /articles/old-ferry-route /corrections "
	    "/feed.atom /sitemap-1.xml /sitemap-3.xml /sitemap.xml /tags "
	    "/tags/harbour /tags/harbour/feed.atom",
	    "an article, its old slug and a tag named twice");

	arena_free(&a);
	done_testing();
	return tap_failed != 0;
}
