/*
 * article.c: the article page.
 */
#include "../util/arena.h"
#include "../util/text.h"
#include "../view/page.h"
#include "../view/view.h"
#include "ctl.h"
#include "listing.h"

#define COMMENTS_PAGE	100	/* comments shown per page of an article */

/*
 * GET /articles/:slug[?comments_after=ID]
 * A live article with its approved comments, oldest first.
 * Raises HTTP 301 to the current address of an article whose slug
 * changed, 400 for a malformed comments_after, 404 for an unknown,
 * draft or not yet due article, 410 for a withdrawn one, 304 if the
 * reader's copy is current, 200 otherwise.
 */
int
ctl_article_show(struct req *r)
{
	struct article	 a;
	struct comment	*comments;
	struct correction *notes;
	struct page	*p;
	const char	*moved, *s;
	long long	 after = 0;
	int		 rc, n, nnotes;

	if ((s = http_query(r, "comments_after")) != NULL &&
	    !parse_id(s, &after)) {
		r->resp.error = "The comment page in the address is malformed.";
		return 400;
	}
	rc = store_article_by_slug(r->store, r->arena, r->param[0], &a);
	if (rc < 0)
		return 500;
	if (rc == 0) {
		rc = store_article_old_slug(r->store, r->arena, r->param[0],
		    &moved);
		if (rc < 0)
			return 500;
		if (rc == 0)
			return 404;
		return http_redirect(r, 301, arena_printf(r->arena,
		    "/articles/%s", moved));
	}
	if (a.status == ARTICLE_DELETED)
		return 410;
	if (a.status != ARTICLE_PUBLISHED || a.published_at > r->now)
		return 404;
	if (ctl_not_modified(r, arena_printf(r->arena, "a%lld", a.id)))
		return 304;

	n = store_comments_approved(r->store, r->arena, a.id, after,
	    COMMENTS_PAGE + 1, &comments);
	if (n < 0)
		return 500;
	/* Editors (issue 3): its updates and corrections. */
	if ((nnotes = store_corrections(r->store, r->arena, a.id,
	    &notes)) < 0)
		return 500;

	p = page_new(r, "article_show.tpl", a.headline, arena_printf(r->arena,
	    "/articles/%s", a.slug));
	page_describe(p, a.summary);
	fill_article_show(r, p->body, &a, comments,
	    n > COMMENTS_PAGE ? COMMENTS_PAGE : n, n > COMMENTS_PAGE);
	fill_article_notes(r, p->body, notes, nnotes);
	return page_render(r, p, 200);
}
