/*
 * feed.c: the Atom feed of the whole site; a tag's and an author's are
 * beside their pages, all three made by listing_heading_feed().
 */
#include "ctl.h"
#include "listing.h"

/*
 * GET /feed.atom
 * The latest LISTING_FEED live articles with their text, as Atom 1.0.
 * Cache: public (CACHE_FEED), with ETag and Last-Modified.
 * Raises HTTP 304 if the reader's copy is current, 200 otherwise.
 */
int
ctl_feed_site(struct req *r)
{
	const struct heading h = {
		.path = "",
		.id = 0,		/* no tag: every live article */
		.feed = store_articles_feed,
	};

	return listing_heading_feed(r, &h);
}
