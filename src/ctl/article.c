/*
 * article.c: the article page.
 */
#include <string.h>

#include "../util/arena.h"
#include "../util/text.h"
#include "../view/page.h"
#include "../view/view.h"
#include "ctl.h"
#include "listing.h"

/*
 * Render the page of live article a, whose comment form shows f (NULL:
 * a fresh form), with the given status: 200 for GET, 4xx when a
 * comment was refused and the page comes back with the reader's text.
 * Raises HTTP 400 for a malformed ?comments_after=, 500 on a store or
 * template failure, status otherwise.
 */
int
ctl_article_page(struct req *r, struct article *a,
    const struct comment_form *f, int status)
{
	struct comment	*comments;
	struct comment_form fresh;
	struct article	*related;
	struct correction *notes;
	struct page	*p;
	const char	*s, *description;
	long long	 after = 0;
	int		 n, nrelated, nnotes;

	if ((s = http_query(r, "comments_after")) != NULL &&
	    !parse_id(s, &after)) {
		r->resp.error = "The comment page in the address is malformed.";
		return 400;
	}
	/* Comments closed by age are shown as closed. */
	if (a->comments == COMMENTS_OPEN && !ctl_comments_open(a, r->now))
		a->comments = COMMENTS_CLOSED;
	n = store_comments_approved(r->store, r->arena, a->id, after,
	    CTL_COMMENTS_PAGE + 1, &comments);
	if (n < 0)
		return 500;
	nrelated = store_related(r->store, r->arena, a->id, r->now, &related);
	if (nrelated < 0)
		return 500;
	/* Editors (issue 3): its updates and corrections. */
	if ((nnotes = store_corrections(r->store, r->arena, a->id,
	    &notes)) < 0)
		return 500;
	if (f == NULL) {
		memset(&fresh, 0, sizeof(fresh));
		fresh.open = a->comments == COMMENTS_OPEN;
		if (fresh.open)
			fresh.token = ctl_comment_token(r, a->id);
		/* After a post that waits: /articles/<slug>?comment=pending. */
		s = http_query(r, "comment");
		fresh.pending = s != NULL && strcmp(s, "pending") == 0;
		f = &fresh;
	}

	p = page_new(r, "article_show.tpl", a->headline, arena_printf(r->arena,
	    "/articles/%s", a->slug));
	description = fill_article_description(r, a);
	page_describe(p, description);
	fill_article_head(r, page_head(p, "article_head.tpl"), a, description);
	fill_article_show(r, p->body, a, comments,
	    n > CTL_COMMENTS_PAGE ? CTL_COMMENTS_PAGE : n,
	    n > CTL_COMMENTS_PAGE);
	if (after > 0)
		view_show(p->body, "EARLIER_COMMENTS");
	fill_article_notes(r, p->body, notes, nnotes);
	fill_article_related(r, p->body, related, nrelated);
	if (a->comments != COMMENTS_HIDDEN)
		fill_comment_form(r, p->body, a->slug, f);
	return page_render(r, p, status);
}

/*
 * GET /articles/:slug[?comments_after=ID][?comment=pending|ID]
 * A live article with its approved comments, oldest first, and the
 * comment form while comments are open.  Sets no cookie: the page is
 * the same for every reader, and cacheable until its comments close.
 * The page also lists related articles and carries the metadata of
 * link previews (Open Graph, JSON-LD).
 * Raises HTTP 301 to the current address of an article whose slug
 * changed, 400 for a malformed comments_after, 404 for an unknown,
 * draft or not yet due article, 410 for a withdrawn one, 304 if the
 * reader's copy is current, 200 otherwise.
 */
int
ctl_article_show(struct req *r)
{
	struct article	 a;
	const char	*moved, *s;
	int64_t		 closes, epoch_starts = 0, epoch_ends = 0;
	long long	 after, epoch;
	int		 rc, current, open;

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
	/*
	 * The page changes by itself when its comments close; while they
	 * are open, the form's signed timestamp must stay younger than
	 * --comment-max-age in every cache that revalidates it, so the tag
	 * also changes with the token's epoch.
	 */
	closes = ctl_comment_close_at(&a);
	open = ctl_comments_open(&a, r->now);
	epoch = open ? ctl_comment_epoch(r->now, &epoch_starts, &epoch_ends) :
	    0;
	/* Last-Modified moves with the epoch too, or else the closing. */
	current = ctl_not_modified(r, arena_printf(r->arena, "a%lld-%c%lld",
	    a.id, open ? 'o' : 'c', epoch), open ? epoch_starts :
	    a.comments == COMMENTS_OPEN ? closes : 0);
	if (open && closes > r->now && closes < epoch_ends)
		epoch_ends = closes;
	if (open && (r->resp.expires == 0 || epoch_ends < r->resp.expires))
		r->resp.expires = epoch_ends;
	if (current)
		return 304;
	return ctl_article_page(r, &a, NULL, 200);
}
