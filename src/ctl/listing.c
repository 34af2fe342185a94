/*
 * listing.c: cursors and pager links for listings.  See listing.h.
 */
#include <string.h>

#include "../site.h"
#include "../util/arena.h"
#include "../util/text.h"
#include "../util/timefmt.h"
#include "../view/page.h"
#include "../view/view.h"
#include "ctl.h"
#include "listing.h"

const struct input ctl_listing_in[] = {
	[IN_LIST_BEFORE] = { "before", IN_CURSOR, 0, NULL, LISTING_BAD_CURSOR },
	[IN_LIST_AFTER] = { "after", IN_CURSOR, 0, NULL, LISTING_BAD_CURSOR },
	{ NULL, 0, 0, NULL, NULL }
};

int
listing_cursor(struct req *r, struct listing *l)
{
	const struct input_value *before = &r->in[IN_LIST_BEFORE];
	const struct input_value *after = &r->in[IN_LIST_AFTER];

	memset(l, 0, sizeof(*l));
	/* Routes behind a guard declare the cursors without a message. */
	if (input_bad(before) || input_bad(after)) {
		r->resp.error = LISTING_BAD_CURSOR;
		return 400;
	}
	if (before->set && after->set)
		return 400;
	if (!before->set && !after->set)
		return 0;
	l->cursor.at = before->set ? before->n : after->n;
	l->cursor.id = before->set ? before->n2 : after->n2;
	l->have_cursor = 1;
	l->after = after->set;
	return 0;
}

int
listing_finish(struct listing *l)
{
	if (l->n == 0)
		return l->have_cursor ? 404 : 0;
	if (l->after) {
		/* Newest first; an extra row is the newest one. */
		if (l->n > LISTING_PAGE) {
			l->rows++;
			l->n--;
			l->newer = &l->rows[0];
		}
		l->older = &l->rows[l->n - 1];
	} else {
		if (l->n > LISTING_PAGE) {
			l->n--;
			l->older = &l->rows[l->n - 1];
		}
		if (l->have_cursor)
			l->newer = &l->rows[0];
	}
	return 0;
}

const char *
listing_canonical(struct req *r, const struct listing *l, const char *path)
{
	/* Built from the parsed numbers, never from the query as sent. */
	if (!l->have_cursor)
		return path;
	return arena_printf(r->arena, "%s?%s=%lld-%lld", path,
	    l->after ? "after" : "before", (long long)l->cursor.at,
	    l->cursor.id);
}

const char *
listing_title(struct req *r, const struct listing *l, const char *what)
{
	const char	*upto;

	if (!l->have_cursor || l->n <= 0)
		return what;
	upto = time_human(r->arena, l->rows[0].published_at);
	if (*what == '\0')
		return arena_printf(r->arena, "Articles up to %s", upto);
	return arena_printf(r->arena, "%s: articles up to %s", what, upto);
}

const struct media *const *
listing_leads(struct req *r, const struct article *rows, int n)
{
	const struct media **leads;
	struct media	*m;
	int		 i, rc;

	leads = arena_calloc(r->arena, (size_t)n + 1, sizeof(*leads));
	for (i = 0; i < n; i++) {
		m = arena_alloc(r->arena, sizeof(*m));
		if ((rc = store_article_lead(r->store, r->arena, rows[i].id,
		    m)) < 0)
			return NULL;
		leads[i] = rc == 1 ? m : NULL;
	}
	return leads;
}

int
listing_heading_page(struct req *r, struct listing *l,
    const struct heading *h, struct page **out)
{
	const struct media *const *leads;
	struct page	*p;
	int		 rc;

	if (fresh_page(r, h->fresh, 0))
		return 304;
	l->n = h->list(r->store, r->arena, h->id, r->now,
	    l->have_cursor ? &l->cursor : NULL, l->after, LISTING_PAGE + 1,
	    &l->rows);
	if (l->n < 0)
		return 500;
	if ((rc = listing_finish(l)) != 0)
		return rc;
	if ((leads = listing_leads(r, l->rows, l->n)) == NULL)
		return 500;
	p = page_new(ctl_vctx(r), h->tpl, listing_title(r, l, h->name),
	    listing_canonical(r, l, h->path));
	page_describe(p, h->describe);
	fill_article_list(ctl_vctx(r), p->body, "LIST", l->rows, leads, l->n,
	    0);
	fill_pager(ctl_vctx(r), p->body, h->path, l->newer, l->older);
	*out = p;
	return 0;
}

int
listing_heading_feed(struct req *r, const struct heading *h)
{
	struct article	*rows;
	const struct media *const *leads;
	struct view	*v;
	int		 n, i;

	if (fresh_page(r, h->fresh == NULL ? "feed" :
	    arena_printf(r->arena, "feed-%s", h->fresh), 0))
		return 304;
	n = h->feed(r->store, r->arena, h->id, r->now, LISTING_FEED, &rows);
	if (n < 0 || (leads = listing_leads(r, rows, n)) == NULL)
		return 500;
	/* The library images of the entries' texts, filled in, and their
	 * authors who are accounts. */
	for (i = 0; i < n; i++)
		if ((rows[i].body_html = ctl_body_media(r, rows[i].body_html,
		    1, NULL)) == NULL || ctl_article_authors(r, &rows[i]) < 0)
			return 500;
	v = doc_new(ctl_vctx(r));
	fill_feed(ctl_vctx(r), v, h->name, arena_printf(r->arena,
	    "%s/feed.atom", h->path), *h->path == '\0' ? "/" : h->path,
	    rows, leads, n, r->resp.last_modified);
	return ctl_doc(r, v, "feed.tpl",
	    "application/atom+xml; charset=utf-8", 200);
}
