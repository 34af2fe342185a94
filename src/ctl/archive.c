/*
 * archive.c: the archive, by month in the site's time zone.
 */
#include <stdlib.h>

#include "../util/arena.h"
#include "../util/timefmt.h"
#include "../view/page.h"
#include "../view/view.h"
#include "ctl.h"
#include "listing.h"

#define ARCHIVE_MONTHS	1200	/* a hundred years of months at most */

/*
 * GET /archive
 * Every month with live articles, newest first, with their counts.
 * Cache: public (CACHE_PAGE).
 * Raises HTTP 304 if current, 200 otherwise.
 */
int
ctl_archive_index(struct req *r)
{
	struct archive_month *months;
	struct page	*p;
	int		 n;

	if (fresh_page(r, "archive", 0))
		return 304;
	n = store_archive_months(r->store, r->arena, r->now, ARCHIVE_MONTHS,
	    &months);
	if (n < 0)
		return 500;
	p = page_new(ctl_vctx(r), "archive_index.tpl", "Archive", "/archive");
	page_describe(p, "Every article ever published, month by month.");
	fill_archive_index(ctl_vctx(r), p->body, months, n);
	return ctl_page(r, p, 200);
}

/*
 * GET /archive/:year/:month[?before=T-ID | ?after=T-ID]
 * The live articles published in that month, newest first,
 * LISTING_PAGE at a time, with links to the months around it.
 * :year and :month are checked by the router (1970..9999, 01..12).
 * Raises HTTP 400 for a malformed cursor, 404 for a month with no live
 * article (or a cursor past the end), 304 if current, 200 otherwise.
 */
int
ctl_archive_month(struct req *r)
{
	struct listing	 l;
	struct archive_span span;
	struct page	*p;
	const char	*path;
	int64_t		 from, to;
	int		 year, month, rc;

	year = (int)r->num[0];
	month = (int)r->num[1];
	if ((rc = listing_cursor(r, &l)) != 0)
		return rc;
	from = time_month_start(year, month);
	to = month == 12 ? time_month_start(year + 1, 1) :
	    time_month_start(year, month + 1);
	if (from > r->now)
		return 404;	/* nothing can be live in the future */
	path = fresh_archive_path(r->arena, year, month);
	if (fresh_page(r, path, 0))
		return 304;
	l.n = store_articles_between(r->store, r->arena, from, to, r->now,
	    l.have_cursor ? &l.cursor : NULL, l.after, LISTING_PAGE + 1,
	    &l.rows);
	if (l.n < 0)
		return 500;
	if (l.n == 0 && !l.have_cursor)
		return 404;
	if ((rc = listing_finish(&l)) != 0)
		return rc;
	if (store_archive_span(r->store, from, to, r->now, &span) < 0)
		return 500;

	p = page_new(ctl_vctx(r), "archive_month.tpl", listing_title(r, &l,
	    arena_printf(r->arena, "%s %d", time_month_name(month), year)),
	    listing_canonical(r, &l, path));
	page_describe(p, arena_printf(r->arena, "The articles published in "
	    "%s %d.", time_month_name(month), year));
	fill_archive_month(ctl_vctx(r), p->body, year, month, span.count, span.before,
	    span.after);
	fill_article_list(ctl_vctx(r), p->body, "LIST", l.rows, NULL, l.n, 0);
	fill_pager(ctl_vctx(r), p->body, path, l.newer, l.older);
	return ctl_page(r, p, 200);
}
