/*
 * front.c: the front page.
 */
#include "../view/page.h"
#include "../view/view.h"
#include "ctl.h"
#include "listing.h"

/*
 * GET /[?before=T-ID | ?after=T-ID]
 * The latest live articles, newest first, LISTING_PAGE at a time.
 * Cache: public (CACHE_PAGE); personal only for a logged-in editor.
 * Raises HTTP 400 for a malformed cursor, 404 for a cursor past the end,
 * 304 if the reader's copy is current, 200 otherwise.
 */
int
ctl_front_index(struct req *r)
{
	struct listing	 l;
	struct page	*p;
	const struct media *const *leads;
	int		 rc;

	if ((rc = listing_cursor(r, &l)) != 0)
		return rc;
	if (fresh_page(r, "front", 0))
		return 304;
	l.n = store_articles_live(r->store, r->arena, r->now,
	    l.have_cursor ? &l.cursor : NULL, l.after, LISTING_PAGE + 1,
	    &l.rows);
	if (l.n < 0)
		return 500;
	if ((rc = listing_finish(&l)) != 0)
		return rc;
	if ((leads = listing_leads(r, l.rows, l.n)) == NULL)
		return 500;

	p = page_new(ctl_vctx(r), "front_index.tpl", listing_title(r, &l, ""),
	    listing_canonical(r, &l, "/"));
	if (l.n == 0)
		view_show(p->body, "EMPTY");
	fill_article_list(ctl_vctx(r), p->body, "LIST", l.rows, leads, l.n,
	    !l.have_cursor);
	fill_pager(ctl_vctx(r), p->body, "/", l.newer, l.older);
	return ctl_page(r, p, 200);
}
