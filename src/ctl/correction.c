/*
 * correction.c: the public list of corrections.
 */
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/timefmt.h"
#include "../view/page.h"
#include "ctl.h"
#include "listing.h"

#define CORRECTIONS_PAGE	50

/*
 * GET /corrections[?before=T-ID]
 * Every correction of a live article, newest first, with its note and
 * a link to the article.  Cache: public (CACHE_PAGE).
 * Raises HTTP 400 for a malformed cursor (or ?after=), 404 for a
 * cursor past the end, 304 if current, 200 otherwise.
 */
int
ctl_correction_index(struct req *r)
{
	struct listing		 l;
	struct correction	*rows;
	struct page		*p;
	int			 n, rc;

	if ((rc = listing_cursor(r, &l)) != 0)
		return rc;
	if (l.after) {
		r->resp.error = "This list pages only towards older entries.";
		return 400;
	}
	if (fresh_page(r, "corrections", 0))
		return 304;
	n = store_corrections_live(r->store, r->arena, r->now,
	    l.have_cursor ? &l.cursor : NULL, CORRECTIONS_PAGE + 1, &rows);
	if (n < 0)
		return 500;
	if (n == 0 && l.have_cursor)
		return 404;
	p = page_new(ctl_vctx(r), "correction_index.tpl", l.have_cursor ?
	    arena_printf(r->arena, "Corrections up to %s", time_human(r->arena,
	    rows[0].created_at)) : "Corrections",
	    listing_canonical(r, &l, "/corrections"));
	page_describe(p, "Every correction published on this site, newest "
	    "first.");
	fill_correction_index(ctl_vctx(r), p->body, rows, n > CORRECTIONS_PAGE ?
	    CORRECTIONS_PAGE : n, n > CORRECTIONS_PAGE ?
	    &rows[CORRECTIONS_PAGE - 1] : NULL);
	return ctl_page(r, p, 200);
}
