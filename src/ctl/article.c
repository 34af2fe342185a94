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
	const char	*description;
	long long	 after = r->in[IN_ARTICLE_AFTER].n;
	int		 n, nrelated, nnotes, has_lead, has_logo;

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
	/* Its updates and corrections. */
	if ((nnotes = store_corrections(r->store, r->arena, a->id,
	    &notes)) < 0)
		return 500;
	if ((has_lead = store_article_lead(r->store, r->arena, a->id,
	    &lead)) < 0)
		return 500;
	if (ctl_article_authors(r, a) < 0)
		return 500;

	p = page_new(ctl_vctx(r), "article_show.tpl", a->headline, arena_printf(r->arena,
	    "/articles/%s", a->slug));
	description = fill_article_description(ctl_vctx(r), a);
	page_describe(p, description);
	head = page_head(p, "article_head.tpl");
	fill_article_head(ctl_vctx(r), head, a, description);
	fill_head_image(ctl_vctx(r), head, has_lead ? &lead : NULL);
	if (site()->logo > 0) {
		if ((has_logo = store_media_by_id(r->store, r->arena,
		    site()->logo, &logo)) < 0)
			return 500;
		if (has_logo)
			fill_head_logo(ctl_vctx(r), head, &logo);
	}
	/* The description above is from the text alone, not captions. */
	if ((a->body_html = ctl_body_media(r, a->body_html, 0, NULL)) == NULL)
		return 500;
	fill_article_show(ctl_vctx(r), p->body, a, comments,
	    n > CTL_COMMENTS_PAGE ? CTL_COMMENTS_PAGE : n,
	    n > CTL_COMMENTS_PAGE);
	if (has_lead)
		fill_lead_figure(ctl_vctx(r), p->body, &lead);
	if (after > 0)
		view_show(p->body, "EARLIER_COMMENTS");
	/* A signed-in editor's way to the form.  Requests with a session
	 * bypass both caches, so readers' copies never carry it. */
	if (r->editor != NULL && r->editor->role >= ROLE_EDITOR)
		view_set_int(view_row(p->body, "EDIT_LINK"), "ID", a->id);
	fill_article_notes(ctl_vctx(r), p->body, notes, nnotes);
	fill_article_related(ctl_vctx(r), p->body, related, nrelated);
	/* After a post that waits: /articles/<slug>?comment=pending. */
	if (a->comments != COMMENTS_HIDDEN &&
	    r->in[IN_ARTICLE_COMMENT].set &&
	    strcmp(r->in[IN_ARTICLE_COMMENT].s, "pending") == 0)
		view_show(p->body, "PENDING");
	return ctl_page(r, p, 200);
}

const struct input ctl_article_in[] = {
	[IN_ARTICLE_AFTER] = { "comments_after", IN_ID, 0, NULL,
	    "The comment page in the address is malformed." },
	[IN_ARTICLE_COMMENT] = { "comment", IN_TEXT, 20, NULL,
	    "The comment in the address is malformed." },
	{ NULL, 0, 0, NULL, NULL }
};

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
	const char	*moved;
	int64_t		 closes;
	int		 rc, open;

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
	if (!article_live(&a, r->now))
		return 404;
	/* The page changes by itself when its comments close. */
	closes = ctl_comment_close_at(&a);
	open = ctl_comments_open(&a, r->now);
	if (fresh_page(r, arena_printf(r->arena, "a%lld-%c", a.id,
	    open ? 'o' : 'c'), a.comments == COMMENTS_OPEN ? closes : 0))
		return 304;
	return article_page(r, &a);
}
