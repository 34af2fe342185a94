/*
 * listing.h: what the listing controllers (front page, tags, archives)
 * share: the page cursor, trimming the extra row, and validators.
 */
#ifndef GAZETTE_LISTING_H
#define GAZETTE_LISTING_H

#include "../fresh/fresh.h"

#include "../store/store.h"

#define LISTING_PAGE	20	/* articles per page */

struct listing {
	struct cursor	 cursor;	/* from ?before= or ?after= */
	int		 have_cursor;
	int		 after;		/* 1: ?after= (going to newer) */
	struct article	*rows;
	int		 n;
	const struct article *newer;	/* link to newer rows from this one */
	const struct article *older;	/* link to older rows from this one */
};

/*
 * The cursor the route's declared inputs (ctl_listing_in: ?before=T-ID
 * or ?after=T-ID, checked before the controller ran; a route behind a
 * guard declares them without a message, and this refuses a malformed
 * one).  Returns 0, or 400 when one is malformed or both are given.
 */
int	 listing_cursor(struct req *, struct listing *);

/*
 * After fetching up to LISTING_PAGE + 1 rows into l->rows/l->n: drop
 * the extra row and work out the pager links.  Returns 0, or 404 when a
 * cursor led past the end.
 */
int	 listing_finish(struct listing *);

/*
 * The canonical address of the listing at path (a site path): the path
 * itself for the first page, and with its cursor (?before= or ?after=)
 * for the others, so that every page is its own.  Owned by the arena.
 */
const char *listing_canonical(struct req *, const struct listing *,
	    const char *path);

/*
 * The title of the listing called what ("" for the front page): what
 * alone on the first page; on the others, followed by the time of the
 * newest article shown ("Articles up to 25 November 2026, 14:07"), so
 * that each page's title tells it apart.  Call after listing_finish().
 * Owned by the arena.
 */
const char *listing_title(struct req *, const struct listing *,
	    const char *what);

/*
 * The lead photographs of rows[0..n), NULL where an article has none,
 * in the arena; NULL on a store failure.
 */
struct media;
const struct media *const *listing_leads(struct req *,
	    const struct article *rows, int n);

/*
 * A heading with a keyset listing of its live articles and an Atom
 * feed of them: a tag, an author.  Its controllers find it, declare
 * this, and leave the rest to listing_heading_page() and
 * listing_heading_feed().
 */
struct heading {
	const char	*name;		/* shown: the tag's, the author's;
					 * NULL for the whole site */
	const char	*path;		/* its page ("/tags/SLUG"); the feed
					 * is PATH/feed.atom ("" for the
					 * site: its page is "/") */
	const char	*fresh;		/* the page's validator key; the
					 * feed's is "feed-" and this
					 * ("feed" when NULL) */
	const char	*tpl;		/* the page's template */
	const char	*describe;	/* the page's meta description */
	long long	 id;		/* what the store functions take */
	/* Its articles, as store_articles_by_tag(). */
	int		(*list)(struct store *, struct arena *, long long id,
			    int64_t now, const struct cursor *, int after,
			    int limit, struct article **);
	/* Its latest articles with their bodies, as store_articles_feed(). */
	int		(*feed)(struct store *, struct arena *, long long id,
			    int64_t now, int limit, struct article **);
};

/*
 * The page of h's articles at l's cursor (l from listing_cursor()),
 * titled, described, with the list and the pager in its body.  Returns
 * 0 with *out the page, to which the caller adds what tells of the
 * heading before ctl_page(); or 304 when the reader's copy is current,
 * 404 for a cursor past the end, 500.
 */
struct page;
int	 listing_heading_page(struct req *, struct listing *l,
	    const struct heading *h, struct page **out);

/*
 * PATH/feed.atom: h's latest LISTING_FEED articles as Atom 1.0, the
 * library images of their texts filled in, into the response.  Only
 * name, path, fresh, id and feed of h are used.  Returns the HTTP
 * status (200, 304, 500).
 */
#define LISTING_FEED	20	/* entries of a feed */
int	 listing_heading_feed(struct req *, const struct heading *h);

#endif
