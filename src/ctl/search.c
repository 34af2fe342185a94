/*
 * search.c: the search page.
 */
#include <string.h>

#include "../config.h"
#include "../site.h"
#include "../util/arena.h"
#include "../util/ftsquery.h"
#include "../util/text.h"
#include "../view/page.h"
#include "../view/view.h"
#include "ctl.h"
#include "listing.h"

#define SEARCH_PAGE	20	/* results per page */
#define SEARCH_MAXPAGE	25	/* pages reachable: the best 500 results */

/* A short hash of a query, to tell searches' ETags apart. */
static unsigned long
query_hash(const char *s)
{
	unsigned long	 h = 2166136261UL;	/* FNV-1a, 32 bits */

	for (; s != NULL && *s != '\0'; s++)
		h = ((h ^ (unsigned char)*s) * 16777619UL) & 0xffffffffUL;
	return h;
}

/*
 * GET /search[?q=WORDS][&page=N]
 * Live articles matching every word (the last one as a prefix), best
 * first, SEARCH_PAGE at a time, with snippets and the number found.
 * Whatever q holds is only words (see util/ftsquery.h): FTS5 syntax in
 * it is text, never an error.  No words at all: the page with a hint.
 * Cache: public (CACHE_PAGE); the results page is noindex.
 * Raises HTTP 400 for a malformed page number or one above
 * SEARCH_MAXPAGE, 404 for a page past the last result, 304 if the
 * reader's copy is current, 200 otherwise.
 */
#define SEARCH_PAGE_ERROR \
	"The page number in the address is malformed or too large."

const struct input ctl_search_in[] = {
	[IN_SEARCH_Q] = { "q", IN_ANY, 0, NULL, NULL },
	[IN_SEARCH_PAGE] = { "page", IN_ID, 0, NULL, SEARCH_PAGE_ERROR },
	{ NULL, 0, 0, NULL, NULL }
};

int
ctl_search(struct req *r)
{
	struct ftsq	 q;
	struct article	*rows = NULL;
	struct page	*p;
	const char	*text, *match;
	long long	 page = 1, total = 0, pages;
	int		 n = 0;

	if (r->in[IN_SEARCH_PAGE].set)
		page = r->in[IN_SEARCH_PAGE].n;
	if (page > SEARCH_MAXPAGE) {
		r->resp.error = SEARCH_PAGE_ERROR;
		return 400;
	}
	text = r->in[IN_SEARCH_Q].s;
	ftsq_build(&q, text, text ? strlen(text) : 0);
	/* The page depends on the words and the page number only. */
	if (fresh_page(r, arena_printf(r->arena, "s%08lx-%lld",
	    query_hash(q.match), page), 0))
		return 304;

	if (q.nwords > 0) {
		/*
		 * The whole words first.  Only when they find less than a
		 * page is the last word taken as the start of longer ones:
		 * a prefix costs the index a merge of every word it starts,
		 * which a common word ("old": "older", "oldest", ...) makes
		 * dear, and a word typed in full rarely needs.
		 */
		match = q.match;
		if (q.prefix)
			match = arena_strndup(r->arena, q.match,
			    strlen(q.match) - 1);
		n = store_search(r->store, r->arena, match, r->now,
		    (int)(page - 1) * SEARCH_PAGE, SEARCH_PAGE, &rows, &total);
		if (n >= 0 && q.prefix && total < SEARCH_PAGE)
			n = store_search(r->store, r->arena, q.match, r->now,
			    (int)(page - 1) * SEARCH_PAGE, SEARCH_PAGE, &rows,
			    &total);
		if (n < 0)
			return 500;
	}
	if (n == 0 && page > 1)
		return 404;
	pages = (total + SEARCH_PAGE - 1) / SEARCH_PAGE;
	if (pages > SEARCH_MAXPAGE)
		pages = SEARCH_MAXPAGE;

	p = page_new(ctl_vctx(r), "search.tpl", q.nwords > 0 ? arena_printf(r->arena,
	    "Search: %s", q.words) : "Search", "/search");
	page_describe(p, arena_printf(r->arena, "Search the articles of %s.",
	    site()->title));
	page_noindex(p);
	fill_search(ctl_vctx(r), p->body, &q, rows, n, total, (int)page, (int)pages);
	return ctl_page(r, p, 200);
}
