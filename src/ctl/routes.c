/*
 * routes.c: every URL of the site, in one table, and the checks that
 * run before a controller.
 *
 * GET routes answer HEAD too.  A path that matches with another method
 * gets 405 and an Allow header; no match at all gets 404.  max_body is
 * the POST body limit; nginx's client_max_body_size is set to match.
 */
#include "../util/log.h"
#include "ctl.h"

#define KB	1024

const struct route ctl_routes[] = {
	/* method     pattern                  controller         flags  cache        body */
	{ HTTP_GET,  "/",                      ctl_front_index,   0,     CACHE_PAGE,  0 },
	{ HTTP_GET,  "/articles/:slug",        ctl_article_show,  0,     CACHE_PAGE,  0 },
	{ HTTP_GET,  "/tags",                  ctl_tag_index,     0,     CACHE_PAGE,  0 },
	{ HTTP_GET,  "/tags/:slug",            ctl_tag_show,      0,     CACHE_PAGE,  0 },

	/* Readers' comments (issue 4).  64 KiB: 5,000 characters of
	   four-byte UTF-8, percent-encoded, and the name; nginx's
	   client_max_body_size for this path says the same. */
	{ HTTP_POST, "/articles/:slug/comments", ctl_comment_create,
	  ROUTE_PUBLIC_FORM, CACHE_NONE, 64 * KB },
	/* Readers find articles (issue 5). */
	{ HTTP_GET,  "/search",                ctl_search,        0,     CACHE_PAGE,  0 },
	{ HTTP_GET,  "/feed.atom",             ctl_feed_site,     0,     CACHE_FEED,  0 },
	{ HTTP_GET,  "/tags/:slug/feed.atom",  ctl_feed_tag,      0,     CACHE_FEED,  0 },
	{ HTTP_GET,  "/archive",               ctl_archive_index, 0,     CACHE_PAGE,  0 },
	{ HTTP_GET,  "/archive/:year/:month",  ctl_archive_month, 0,     CACHE_PAGE,  0 },
	{ HTTP_GET,  "/sitemap.xml",           ctl_sitemap,       0,     CACHE_FEED,  0 },
	{ HTTP_GET,  "/sitemap-:id.xml",       ctl_sitemap_part,  0,     CACHE_FEED,  0 },
	{ HTTP_GET,  "/robots.txt",            ctl_robots,        0,     CACHE_FEED,  0 },
};

const size_t ctl_nroutes = sizeof(ctl_routes) / sizeof(ctl_routes[0]);

int
ctl_dispatch(struct req *r, const struct route *route)
{
	/* Anonymous forms (issue 4): posted from this site's pages only. */
	if ((route->flags & ROUTE_PUBLIC_FORM) && !ctl_same_site(r)) {
		r->resp.error = "This form can only be sent from this site's "
		    "own pages. Go back, reload the page and try again.";
		return 403;
	}
	return route->handler(r);
}
