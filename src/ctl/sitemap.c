/*
 * sitemap.c: /sitemap.xml, its parts, and /robots.txt that names it.
 *
 * While the site has at most SITEMAP_URLS addresses to list, the
 * sitemap is one file.  Beyond that /sitemap.xml is an index of parts:
 * /sitemap-1.xml holds the front page, the topic index, the tags and
 * the author pages, and /sitemap-N.xml (N >= 2) the live articles
 * whose ids are in the N-1st block of SITEMAP_URLS ids: never more
 * than SITEMAP_URLS each, and each found by a range of the primary key.  The parts answer in
 * either case, so that a crawler holding an old index is not lost.
 */
#include "../util/arena.h"
#include "../util/text.h"
#include "../view/page.h"
#include "../view/view.h"
#include "ctl.h"
#include "listing.h"

#define SITEMAP_URLS	FRESH_SITEMAP_URLS
#define XML_TYPE	"application/xml; charset=utf-8"

/* The number of parts: the pages and tags, then the article blocks. */
static long long
parts(const struct sitemap_stats *st)
{
	return 1 + (st->max_id + SITEMAP_URLS - 1) / SITEMAP_URLS;
}

/*
 * GET /sitemap.xml
 * Every live article and tag with its last change, the front page and
 * the topic index; or, when they are more than SITEMAP_URLS, a sitemap
 * index naming the parts, each with its last change.
 * Cache: public (CACHE_FEED), with ETag and Last-Modified.
 * Raises HTTP 304 if current, 200 otherwise.
 */
int
ctl_sitemap(struct req *r)
{
	struct sitemap_stats st;
	struct sitemap_url *tags, *articles, *authors;
	struct view	*v;
	int64_t		*lastmod;
	long long	 from;
	int		 nt, na, nau, n, i;

	if (fresh_page(r, "sitemap", 0))
		return 304;
	if (store_sitemap_stats(r->store, r->now, &st) < 0)
		return 500;
	v = doc_new(ctl_vctx(r));
	if (2 + st.tags + st.authors + st.articles > SITEMAP_URLS) {
		/* Part 1 changes with the newest article, the others with
		 * their own articles. */
		n = (int)parts(&st);
		lastmod = arena_calloc(r->arena, (size_t)n, sizeof(*lastmod));
		lastmod[0] = st.newest;
		for (i = 1; i < n; i++) {
			from = (long long)(i - 1) * SITEMAP_URLS;
			if ((lastmod[i] = store_sitemap_lastmod(r->store, r->now,
			    from, from + SITEMAP_URLS)) < 0)
				return 500;
		}
		fill_sitemap_index(ctl_vctx(r), v, n, lastmod);
		return ctl_doc(r, v, "sitemap_index.tpl", XML_TYPE, 200);
	}
	nt = store_sitemap_tags(r->store, r->arena, r->now, SITEMAP_URLS - 2,
	    &tags);
	if (nt < 0)
		return 500;
	na = store_sitemap_articles(r->store, r->arena, r->now, 0, st.max_id,
	    &articles);
	if (na < 0)
		return 500;
	if ((nau = store_sitemap_authors(r->store, r->arena, r->now,
	    SITEMAP_URLS - 2 - nt, &authors)) < 0)
		return 500;
	fill_sitemap(ctl_vctx(r), v, 1, st.newest, tags, nt, articles, na);
	fill_sitemap_authors(ctl_vctx(r), v, authors, nau);
	return ctl_doc(r, v, "sitemap.tpl", XML_TYPE, 200);
}

/*
 * GET /sitemap-:id.xml
 * Part 1: the front page, the topic index and the tags; part N >= 2:
 * the live articles with ids in ((N-2) * SITEMAP_URLS, (N-1) *
 * SITEMAP_URLS].
 * Raises HTTP 404 for a part beyond the last, 304 if current, 200
 * otherwise.
 */
int
ctl_sitemap_part(struct req *r)
{
	struct sitemap_stats st;
	struct sitemap_url *urls, *authors;
	struct view	*v;
	long long	 part, from;
	int		 n, nau;

	part = r->num[0];
	if (fresh_page(r, arena_printf(r->arena, "sitemap-%lld", part), 0))
		return 304;
	if (store_sitemap_stats(r->store, r->now, &st) < 0)
		return 500;
	if (part > parts(&st))
		return 404;
	v = doc_new(ctl_vctx(r));
	if (part == 1) {
		n = store_sitemap_tags(r->store, r->arena, r->now,
		    SITEMAP_URLS - 2, &urls);
		if (n < 0 || (nau = store_sitemap_authors(r->store, r->arena,
		    r->now, SITEMAP_URLS - 2 - n, &authors)) < 0)
			return 500;
		fill_sitemap(ctl_vctx(r), v, 1, st.newest, urls, n, NULL, 0);
		fill_sitemap_authors(ctl_vctx(r), v, authors, nau);
	} else {
		from = (part - 2) * SITEMAP_URLS;
		n = store_sitemap_articles(r->store, r->arena, r->now, from,
		    from + SITEMAP_URLS, &urls);
		if (n < 0)
			return 500;
		fill_sitemap(ctl_vctx(r), v, 0, 0, NULL, 0, urls, n);
	}
	return ctl_doc(r, v, "sitemap.tpl", XML_TYPE, 200);
}

/*
 * GET /robots.txt
 * What crawlers may fetch, and where the sitemap is.
 * Cache: public (CACHE_FEED).  Raises HTTP 200.
 */
int
ctl_robots(struct req *r)
{
	return ctl_doc(r, doc_new(ctl_vctx(r)), "robots.tpl",
	    "text/plain; charset=utf-8", 200);
}
