/*
 * purge_keys.c: the pages a write changes, as the keys caches keep them
 * under, and the addresses of the pages whose place depends on an
 * article (its archive month, its sitemap part).  See fresh.h.
 */
#include <stdlib.h>
#include <string.h>

#include "../store/store.h"
#include "../util/arena.h"
#include "../util/timefmt.h"
#include "fresh.h"

const char *
fresh_archive_path(struct arena *a, int year, int month)
{
	return arena_printf(a, "/archive/%04d/%02d", year, month);
}

long long
fresh_sitemap_part_of(long long article_id)
{
	return 2 + (article_id > 0 ?
	    (article_id - 1) / FRESH_SITEMAP_URLS : 0);
}

static int
path_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **
fresh_purge_paths(struct arena *a, const struct purge_row *rows, int nrows,
    size_t *n)
{
	/*
	 * The pages any change may touch: listings, indexes, feeds and
	 * the sitemap's index and first part.
	 */
	static const char *const site_paths[] = {
		"/", "/feed.atom", "/tags", "/archive", "/corrections",
		"/sitemap.xml", "/sitemap-1.xml",
	};
	const size_t	 nsite = sizeof(site_paths) / sizeof(site_paths[0]);
	const char	**out;
	size_t		 cap, k = 0, i, j;
	int		 year, month;

	*n = 0;
	if (nrows <= 0)
		return NULL;
	cap = nsite + (size_t)nrows * 3;
	out = arena_calloc(a, cap, sizeof(*out));
	for (i = 0; i < nsite; i++)
		out[k++] = site_paths[i];
	for (i = 0; i < (size_t)nrows; i++) {
		const struct purge_row *r = &rows[i];

		switch (r->kind) {
		case PURGE_ARTICLE:
			out[k++] = arena_printf(a, "/articles/%s", r->slug);
			out[k++] = arena_printf(a, "/sitemap-%lld.xml",
			    fresh_sitemap_part_of(r->ref));
			if (r->at > 0) {
				time_year_month(r->at, &year, &month);
				out[k++] = fresh_archive_path(a, year, month);
			}
			break;
		case PURGE_TAG:
			out[k++] = arena_printf(a, "/tags/%s", r->slug);
			out[k++] = arena_printf(a, "/tags/%s/feed.atom",
			    r->slug);
			break;
		case PURGE_AUTHOR:
			out[k++] = arena_printf(a, "/authors/%s", r->slug);
			out[k++] = arena_printf(a, "/authors/%s/feed.atom",
			    r->slug);
			break;
		case PURGE_SITE:
			break;
		}
	}
	qsort(out, k, sizeof(*out), path_cmp);
	for (i = 0, j = 0; i < k; i++)
		if (j == 0 || strcmp(out[j - 1], out[i]) != 0)
			out[j++] = out[i];
	*n = j;
	return out;
}

