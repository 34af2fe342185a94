/*
 * article.c: the article page.
 */
#include <string.h>

#include "../site.h"
#include "../util/arena.h"
#include "../util/text.h"
#include "../view/page.h"
#include "../view/view.h"
#include "ctl.h"
#include "listing.h"

/*
 * Render the page of live article a, the same for every reader: its
 * comments link to the comment page rather than carry a form.
 * Raises HTTP 400 for a malformed ?comments_after=, 500 on a store or
 * template failure, 200 otherwise.
 */
static int
article_page(struct req *r, struct article *a)
{
	struct comment	*comments;
	struct article	*related;
	struct correction *notes;
	struct page	*p;
	struct media	 lead, logo;
	struct view	*head;
	const char	*s, *description;
	long long	 after = 0;
	int		 n, nrelated, nnotes, has_lead, has_logo;

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
	if ((has_lead = store_article_lead(r->store, r->arena, a->id,
	    &lead)) < 0)
		return 500;
	if (ctl_article_authors(r, a) < 0)
		return 500;

	p = page_new(r, "article_show.tpl", a->headline, arena_printf(r->arena,
	    "/articles/%s", a->slug));
	description = fill_article_description(r, a);
	page_describe(p, description);
	head = page_head(p, "article_head.tpl");
	fill_article_head(r, head, a, description);
	fill_head_image(r, head, has_lead ? &lead : NULL);
	if (site()->logo > 0) {
		if ((has_logo = store_media_by_id(r->store, r->arena,
		    site()->logo, &logo)) < 0)
			return 500;
		if (has_logo)
			fill_head_logo(r, head, &logo);
	}
	fill_article_show(r, p->body, a, comments,
	    n > CTL_COMMENTS_PAGE ? CTL_COMMENTS_PAGE : n,
	    n > CTL_COMMENTS_PAGE);
	if (has_lead)
		fill_lead_figure(r, p->body, &lead);
	if (after > 0)
		view_show(p->body, "EARLIER_COMMENTS");
	/* A signed-in editor's way to the form.  Requests with a session
	 * bypass both caches, so readers' copies never carry it. */
	if (r->editor != NULL && r->editor->role >= ROLE_EDITOR)
		view_set_int(view_row(p->body, "EDIT_LINK"), "ID", a->id);
	fill_article_notes(r, p->body, notes, nnotes);
	fill_article_related(r, p->body, related, nrelated);
	/* After a post that waits: /articles/<slug>?comment=pending. */
	if (a->comments != COMMENTS_HIDDEN &&
	    (s = http_query(r, "comment")) != NULL && strcmp(s, "pending") == 0)
		view_show(p->body, "PENDING");
	return page_render(r, p, 200);
}

/*
 * GET /articles/:slug[?comments_after=ID][?comment=pending|ID]
 * A live article with its approved comments, oldest first, and a link
 * to the comment page while comments are open.  Sets no cookie: the
 * page is the same for every reader, and cacheable until its comments
 * close.
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
	int64_t		 closes;
	long long	 after;
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
	/* The page changes by itself when its comments close. */
	closes = ctl_comment_close_at(&a);
	open = ctl_comments_open(&a, r->now);
	current = ctl_not_modified(r, arena_printf(r->arena, "a%lld-%c",
	    a.id, open ? 'o' : 'c'), a.comments == COMMENTS_OPEN ? closes : 0);
	if (open && closes > r->now && (r->resp.expires == 0 ||
	    closes < r->resp.expires))
		r->resp.expires = closes;
	if (current)
		return 304;
	return article_page(r, &a);
}
