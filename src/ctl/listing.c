/*
 * listing.c: cursors and pager links for listings.  See listing.h.
 */
#include <string.h>

#include "../site.h"
#include "../util/arena.h"
#include "../util/text.h"
#include "../util/timefmt.h"
#include "ctl.h"
#include "listing.h"

/* Parse "T-ID" (two unsigned decimals); 1 if well-formed. */
static int
cursor_parse(const char *s, struct cursor *c)
{
	const char	*dash;
	char		 num[24];
	long long	 at, id;
	size_t		 n;

	if ((dash = strchr(s, '-')) == NULL)
		return 0;
	n = (size_t)(dash - s);
	if (n == 0 || n >= sizeof(num))
		return 0;
	memcpy(num, s, n);
	num[n] = '\0';
	if (!parse_id(num, &at) || !parse_id(dash + 1, &id))
		return 0;
	c->at = at;
	c->id = id;
	return 1;
}

int
listing_cursor(struct req *r, struct listing *l)
{
	const char	*before = http_query(r, "before");
	const char	*after = http_query(r, "after");

	memset(l, 0, sizeof(*l));
	if (before != NULL && after != NULL)
		return 400;
	if (before == NULL && after == NULL)
		return 0;
	if (!cursor_parse(before ? before : after, &l->cursor)) {
		r->resp.error = "The page cursor in the address is malformed.";
		return 400;
	}
	l->have_cursor = 1;
	l->after = after != NULL;
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
