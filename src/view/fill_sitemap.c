/*
 * fill_sitemap.c: sitemap.tpl and sitemap_index.tpl.
 *
 * A sitemap may hold 50,000 URLs, so rows here are kept small: a path
 * and a time, the base URL being a template-global value.
 */
#include "../model.h"
#include "../util/arena.h"
#include "../util/timefmt.h"
#include "page.h"
#include "view.h"

static void
urls(const struct vctx *c, struct view *v, const char *dir,
    const struct sitemap_url *u, int n)
{
	struct view	*row;
	int		 i;

	for (i = 0; i < n; i++) {
		row = view_row(v, "URLS");
		view_set(row, "PATH", arena_printf(c->arena, "/%s/%s", dir,
		    u[i].slug));
		view_set(row, "LASTMOD", time_utc(c->arena, u[i].lastmod));
	}
}

void
fill_sitemap(const struct vctx *c, struct view *v, int pages, int64_t newest,
    const struct sitemap_url *tags, int ntags,
    const struct sitemap_url *articles, int narticles)
{
	struct view	*p, *t;

	if (pages) {
		p = view_row(v, "PAGES");
		if (newest > 0) {
			t = view_row(p, "NEWEST");
			view_set(t, "TIME", time_utc(c->arena, newest));
		}
	}
	urls(c, v, "tags", tags, ntags);
	urls(c, v, "articles", articles, narticles);
}

void
fill_sitemap_authors(const struct vctx *c, struct view *v,
    const struct sitemap_url *authors, int n)
{
	urls(c, v, "authors", authors, n);
}

void
fill_sitemap_index(const struct vctx *c, struct view *v, int nfiles,
    const int64_t *lastmod)
{
	struct view	*row, *t;
	int		 i;

	for (i = 1; i <= nfiles; i++) {
		row = view_row(v, "MAPS");
		view_set_int(row, "N", i);
		if (lastmod[i - 1] > 0) {
			t = view_row(row, "LASTMOD");
			view_set(t, "TIME", time_utc(c->arena, lastmod[i - 1]));
		}
	}
}
