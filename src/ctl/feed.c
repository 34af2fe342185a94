/*
 * feed.c: Atom feeds of the latest articles.
 */
#include "../util/arena.h"
#include "../view/page.h"
#include "../view/view.h"
#include "ctl.h"
#include "listing.h"

#define FEED_ENTRIES	20
#define ATOM_TYPE	"application/atom+xml; charset=utf-8"

/* The library images of the entries' texts, filled in; 0 or -1. */
static int
feed_media(struct req *r, struct article *rows, int n)
{
	int	 i;

	for (i = 0; i < n; i++)
		if ((rows[i].body_html = ctl_body_media(r, rows[i].body_html,
		    1, NULL)) == NULL)
			return -1;
	return 0;
}

/*
 * GET /feed.atom
 * The latest FEED_ENTRIES live articles with their text, as Atom 1.0.
 * Cache: public (CACHE_FEED), with ETag and Last-Modified.
 * Raises HTTP 304 if the reader's copy is current, 200 otherwise.
 */
int
ctl_feed_site(struct req *r)
{
	struct article	*rows;
	const struct media *const *leads;
	struct view	*v;
	int		 n;

	if (fresh_page(r, "feed", 0))
		return 304;
	n = store_articles_feed(r->store, r->arena, 0, r->now, FEED_ENTRIES,
	    &rows);
	if (n < 0 || (leads = listing_leads(r, rows, n)) == NULL ||
	    feed_media(r, rows, n) < 0)
		return 500;
	v = doc_new(ctl_vctx(r));
	fill_feed(ctl_vctx(r), v, NULL, "/feed.atom", "/", rows, leads, n,
	    r->resp.last_modified);
	return ctl_doc(r, v, "feed.tpl", ATOM_TYPE, 200);
}

/*
 * GET /tags/:slug/feed.atom
 * The same for the articles carrying one tag.
 * Raises HTTP 301 to the feed's new address for a renamed or merged
 * tag, 404 for an unknown tag or one with no live article, 304 if
 * current, 200 otherwise.
 */
int
ctl_feed_tag(struct req *r)
{
	struct article	*rows;
	const struct media *const *leads;
	struct tag	 t;
	struct view	*v;
	int		 n, rc;

	if ((rc = ctl_tag_find(r, &t, "/feed.atom")) != 0)
		return rc;
	if (fresh_page(r, arena_printf(r->arena, "feed-%s", t.slug), 0))
		return 304;
	n = store_articles_feed(r->store, r->arena, t.id, r->now,
	    FEED_ENTRIES, &rows);
	if (n < 0 || (leads = listing_leads(r, rows, n)) == NULL ||
	    feed_media(r, rows, n) < 0)
		return 500;
	v = doc_new(ctl_vctx(r));
	fill_feed(ctl_vctx(r), v, t.name, arena_printf(r->arena,
	    "/tags/%s/feed.atom", t.slug), arena_printf(r->arena, "/tags/%s",
	    t.slug), rows, leads, n, r->resp.last_modified);
	return ctl_doc(r, v, "feed.tpl", ATOM_TYPE, 200);
}
