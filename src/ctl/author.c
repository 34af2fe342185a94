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

#define FEED_ENTRIES	20
#define ATOM_TYPE	"application/atom+xml; charset=utf-8"

/* The author at the route's :slug, with a live article: 0, 404, 500. */
static int
author_find(struct req *r, struct author *au)
{
	int	 rc;

	rc = store_author_by_slug(r->store, r->arena, r->param[0], r->now,
	    au);
	if (rc < 0)
		return 500;
	return rc == 1 && au->live > 0 ? 0 : 404;
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
	struct page	*p;
	const struct media *const *leads;
	const char	*path;
	int		 rc;

	if ((rc = listing_cursor(r, &l)) != 0)
		return rc;
	if ((rc = author_find(r, &au)) != 0)
		return rc;
	if (fresh_page(r, arena_printf(r->arena, "author-%s", au.slug),
	    0))
		return 304;
	l.n = store_articles_by_author(r->store, r->arena, au.id, r->now,
	    l.have_cursor ? &l.cursor : NULL, l.after, LISTING_PAGE + 1,
	    &l.rows);
	if (l.n < 0)
		return 500;
	if ((rc = listing_finish(&l)) != 0)
		return rc;
	if ((leads = listing_leads(r, l.rows, l.n)) == NULL)
		return 500;

	path = arena_printf(r->arena, "/authors/%s", au.slug);
	p = page_new(ctl_vctx(r), "author_show.tpl", listing_title(r, &l, au.display),
	    listing_canonical(r, &l, path));
	page_describe(p, au.bio[0] != '\0' ? au.bio :
	    arena_printf(r->arena, "Articles by %s.", au.display));
	fill_author_show(ctl_vctx(r), p->body, &au);
	fill_author_head(ctl_vctx(r), page_head(p, "author_head.tpl"), &au);
	fill_article_list(ctl_vctx(r), p->body, "LIST", l.rows, leads, l.n, 0);
	fill_pager(ctl_vctx(r), p->body, path, l.newer, l.older);
	return ctl_page(r, p, 200);
}

/*
 * GET /authors/:slug/feed.atom
 * The latest FEED_ENTRIES live articles of an author, as Atom 1.0.
 * Raises HTTP 404 for an unknown author or one with no live article,
 * 304 if current, 200 otherwise.
 */
int
ctl_feed_author(struct req *r)
{
	struct article	*rows;
	const struct media *const *leads;
	struct author	 au;
	struct view	*v;
	int		 n, rc;

	if ((rc = author_find(r, &au)) != 0)
		return rc;
	if (fresh_page(r, arena_printf(r->arena, "feed-author-%s",
	    au.slug), 0))
		return 304;
	n = store_articles_feed_author(r->store, r->arena, au.id, r->now,
	    FEED_ENTRIES, &rows);
	if (n < 0 || (leads = listing_leads(r, rows, n)) == NULL)
		return 500;
	v = doc_new(ctl_vctx(r));
	fill_feed(ctl_vctx(r), v, au.display, arena_printf(r->arena,
	    "/authors/%s/feed.atom", au.slug), arena_printf(r->arena,
	    "/authors/%s", au.slug), rows, leads, n, r->resp.last_modified);
	return ctl_doc(r, v, "feed.tpl", ATOM_TYPE, 200);
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
