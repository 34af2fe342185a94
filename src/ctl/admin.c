/*
 * admin.c: the dashboard (the newsroom's full article list is
 * article_desk.c).
 */
#include <string.h>

#include "../store/store.h"
#include "../util/arena.h"
#include "../view/page.h"
#include "../view/view.h"
#include "ctl.h"
#include "listing.h"

#define DESK_ROWS	50	/* drafts, scheduled and withdrawn shown; the
				   rest of the drafts and withdrawn on
				   /admin/articles, DESK_ROWS a page */
#define PENDING_ROWS	10	/* waiting comments shown */

/*
 * GET /admin[?before=T-ID | ?after=T-ID][&done=deleted]
 * A contributor gets their own articles (desk_contributor).  Editors:
 * contributors' drafts waiting for review (oldest first), drafts (last
 * changed first), scheduled articles (soonest first),
 * published ones (newest first, LISTING_PAGE at a time), withdrawn
 * ones, the comments waiting for moderation, and the caches purged
 * after writes, with any that is behind.
 * Raises HTTP 400 for a malformed cursor, 404 for one past the end,
 * 200 otherwise.
 */
/*
 * A contributor's dashboard: their own articles, last changed first,
 * with the state of each in review.  Raises HTTP 200.
 */
static int
desk_contributor(struct req *r)
{
	struct article	*arts;
	struct review	*rvs;
	struct page	*p;
	int		 n;

	if ((n = store_articles_of_author(r->store, r->arena,
	    r->editor->user_id, DESK_ROWS, &arts, &rvs)) < 0)
		return 500;
	p = page_new(ctl_vctx(r), "admin_desk.tpl", "Your articles", "/admin");
	page_noindex(p);
	fill_admin_desk(ctl_vctx(r), p->body, arts, rvs, n);
	return ctl_page(r, p, 200);
}

/* The page cursor (listing.h), and ?done=deleted after a deletion
 * (another notice is ignored). */
enum { IN_DASH_DONE = IN_LIST_AFTER + 1 };
static const char *const dash_done[] = { "deleted", NULL };
const struct input ctl_admin_index_in[] = {
	[IN_LIST_BEFORE] = { "before", IN_CURSOR, 0, NULL, NULL },
	[IN_LIST_AFTER] = { "after", IN_CURSOR, 0, NULL, NULL },
	[IN_DASH_DONE] = { "done", IN_WORD, 0, dash_done, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

int
ctl_admin_index(struct req *r)
{
	struct listing		 l;
	struct article		*drafts, *sched, *gone;
	struct comment_queued	*pending;
	struct purge_node	*caches;
	struct article		*queue;
	struct review		*qrv;
	struct page		*p;
	long long		 npending;
	int			 nd, ns, ng, np, nc, nq, rc;

	if (r->editor->role < ROLE_EDITOR)
		return desk_contributor(r);
	if ((rc = listing_cursor(r, &l)) != 0)
		return rc;
	l.n = store_articles_live(r->store, r->arena, r->now,
	    l.have_cursor ? &l.cursor : NULL, l.after, LISTING_PAGE + 1,
	    &l.rows);
	if (l.n < 0)
		return 500;
	if ((rc = listing_finish(&l)) != 0)
		return rc;
	/* One row more than shown tells whether to link to the rest. */
	if ((nd = store_articles_by_status(r->store, r->arena, ARTICLE_DRAFT,
	    NULL, DESK_ROWS + 1, &drafts)) < 0 ||
	    (ns = store_articles_scheduled(r->store, r->arena, r->now,
	    DESK_ROWS, &sched)) < 0 ||
	    (ng = store_articles_by_status(r->store, r->arena,
	    ARTICLE_DELETED, NULL, DESK_ROWS + 1, &gone)) < 0 ||
	    (np = store_comments_moderation(r->store, r->arena,
	    COMMENT_PENDING, 0, PENDING_ROWS, &pending)) < 0 ||
	    (npending = store_comments_pending(r->store)) < 0 ||
	    (nc = store_purge_nodes(r->store, r->arena, &caches)) < 0 ||
	    (nq = store_articles_queue(r->store, r->arena, DESK_ROWS, &queue,
	    &qrv)) < 0)
		return 500;

	p = page_new(ctl_vctx(r), "admin_index.tpl", "Dashboard", "/admin");
	page_noindex(p);
	if (r->in[IN_DASH_DONE].set)
		page_flash(p, "The article was withdrawn: readers now get a "
		    "notice that it is gone.");
	fill_admin_index(ctl_vctx(r), p->body, drafts, nd > DESK_ROWS ? DESK_ROWS : nd,
	    sched, ns, l.rows, l.n, gone, ng > DESK_ROWS ? DESK_ROWS : ng,
	    pending, np, npending);
	fill_admin_caches(ctl_vctx(r), p->body, caches, nc);
	fill_admin_queue(ctl_vctx(r), p->body, queue, qrv, nq);
	if (nd > DESK_ROWS)
		view_show(p->body, "MORE_DRAFTS");
	if (ng > DESK_ROWS)
		view_show(p->body, "MORE_DELETED");
	fill_pager(ctl_vctx(r), p->body, "/admin", l.newer, l.older);
	return ctl_page(r, p, 200);
}
