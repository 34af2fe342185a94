/*
 * fill_search.c: search.tpl.
 */
#include "../model.h"
#include "../util/ftsquery.h"
#include "../util/urlencode.h"
#include "page.h"
#include "view.h"

void
fill_search(const struct vctx *c, struct view *v, const struct ftsq *q,
    const struct article *rows, int n, long long total, int page, int pages)
{
	struct view	*pager;

	if (q->nwords == 0) {
		view_show(v, "HINT");
		return;
	}
	view_set(v, "WORDS", q->words);
	if (total == 0) {
		view_show(v, "NONE");
		return;
	}
	view_show(v, "RESULTS");
	if (total >= STORE_SEARCH_COUNT_MAX) {
		view_show(v, "MORE");
		total = STORE_SEARCH_COUNT_MAX;
	}
	view_set_int(v, "COUNT", total);
	if (total != 1)
		view_show(v, "PLURAL");
	fill_article_list(c, v, "LIST", rows, NULL, n, 0);

	if (pages <= 1)
		return;
	view_show(v, "PAGED");
	view_set_int(v, "PAGE", page);
	view_set_int(v, "PAGES", pages);
	/* The words as the page links carry them: percent-encoded. */
	pager = view_row(v, "PAGER");
	view_set(pager, "Q", url_encode(c->arena, q->words));
	if (page > 1) {
		view_show(pager, "PREV");
		view_set_int(pager, "PREV_PAGE", page - 1);
	}
	if (page < pages) {
		view_show(pager, "NEXT");
		view_set_int(pager, "NEXT_PAGE", page + 1);
	}
}
