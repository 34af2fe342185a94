/*
 * author.c: author pages and their feeds.
 *
 * An author page shows an account's display name, bio and live
 * articles, newest first, in keyset pages like a tag page.  An account
 * with no live article has no page (404), like a tag: a new reporter's
 * name is not public before their first story.  A disabled account
 * keeps its page: what it published stays published, and readers'
 * links keep working.
 */
#include "../util/arena.h"
#include "../view/page.h"
#include "../view/view.h"
#include "ctl.h"
#include "listing.h"

/*
 * The author at the route's :slug, with a live article, and its
 * listing: 0, 404, 500.
 */
static int
author_find(struct req *r, struct author *au, struct heading *h)
{
	int	 rc;

	rc = store_author_by_slug(r->store, r->arena, r->param[0], r->now,
	    au);
	if (rc < 0)
		return 500;
	if (rc != 1 || au->live <= 0)
		return 404;
	*h = (struct heading){
		.name = au->display,
		.path = arena_printf(r->arena, "/authors/%s", au->slug),
		.fresh = arena_printf(r->arena, "author-%s", au->slug),
		.tpl = "author_show.tpl",
		.describe = au->bio[0] != '\0' ? au->bio :
		    arena_printf(r->arena, "Articles by %s.", au->display),
		.id = au->id,
		.list = store_articles_by_author,
		.feed = store_articles_feed_author,
	};
	return 0;
}

/*
 * GET /authors/:slug[?before=T-ID | ?after=T-ID]
 * An author's name, bio and live articles, newest first.
 * Raises HTTP 400 for a malformed cursor, 404 for an unknown author,
 * one with no live article or a cursor past the end, 304 if current,
 * 200 otherwise.
 */
int
ctl_author_show(struct req *r)
{
	struct listing	 l;
	struct author	 au;
	struct heading	 h;
	struct page	*p;
	int		 rc;

	if ((rc = listing_cursor(r, &l)) != 0 ||
	    (rc = author_find(r, &au, &h)) != 0 ||
	    (rc = listing_heading_page(r, &l, &h, &p)) != 0)
		return rc;
	fill_author_show(ctl_vctx(r), p->body, &au);
	fill_author_head(ctl_vctx(r), page_head(p, "author_head.tpl"), &au);
	return ctl_page(r, p, 200);
}

/*
 * GET /authors/:slug/feed.atom
 * The latest live articles of an author, as Atom 1.0.
 * Raises HTTP 404 for an unknown author or one with no live article,
 * 304 if current, 200 otherwise.
 */
int
ctl_feed_author(struct req *r)
{
	struct author	 au;
	struct heading	 h;
	int		 rc;

	if ((rc = author_find(r, &au, &h)) != 0)
		return rc;
	return listing_heading_feed(r, &h);
}

int
ctl_article_authors(struct req *r, struct article *a)
{
	struct author	*rows;
	int		 n;

	if ((n = store_article_authors(r->store, r->arena, a->id, &rows)) < 0)
		return -1;
	a->authors = rows;
	a->nauthors = (size_t)n;
	return 0;
}
