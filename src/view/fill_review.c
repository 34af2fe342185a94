/*
 * fill_review.c: the review of contributors' drafts on the dashboard:
 * the editors' queue (a section of admin_index.tpl) and a
 * contributor's own desk (admin_desk.tpl).
 */
#include "../model.h"
#include "../util/timefmt.h"
#include "page.h"
#include "view.h"

void
fill_admin_queue(const struct vctx *c, struct view *v, const struct article *arts,
    const struct review *rvs, int n)
{
	struct view	*row;
	int		 i;

	view_set_int(v, "QUEUE_TOTAL", n);
	view_show(v, n == 0 ? "NO_QUEUE" : "HAS_QUEUE");
	for (i = 0; i < n; i++) {
		row = view_row(v, "QUEUE");
		view_set_int(row, "ID", arts[i].id);
		view_set(row, "HEADLINE", arts[i].headline);
		view_set(row, "WRITER", rvs[i].author);
		view_set(row, "QUEUED_ISO", time_iso(c->arena,
		    rvs[i].submitted_at));
		view_set(row, "QUEUED_HUMAN", time_human(c->arena,
		    rvs[i].submitted_at));
	}
}

void
fill_admin_desk(const struct vctx *c, struct view *v, const struct article *arts,
    const struct review *rvs, int n)
{
	struct view	*row;
	int		 i;

	if (n == 0)
		view_show(v, "EMPTY");
	for (i = 0; i < n; i++) {
		row = view_row(v, "MINE");
		view_set_int(row, "ID", arts[i].id);
		view_set(row, "HEADLINE", arts[i].headline);
		view_set(row, "TIME_ISO", time_iso(c->arena,
		    arts[i].modified_at));
		view_set(row, "TIME_HUMAN", time_human(c->arena,
		    arts[i].modified_at));
		if (arts[i].status == ARTICLE_PUBLISHED) {
			view_set(row, "STATE", "published");
			if (arts[i].published_at <= c->now) {
				view_show(row, "LIVE");
				view_set(row, "SLUG", arts[i].slug);
			}
		} else if (arts[i].status == ARTICLE_DELETED)
			view_set(row, "STATE", "withdrawn");
		else if (rvs[i].submitted_at != 0)
			view_set(row, "STATE", "waiting for review");
		else if (rvs[i].note[0] != '\0') {
			view_set(row, "STATE", "returned to you");
			view_set(view_row(row, "NOTE"), "TEXT", rvs[i].note);
		} else
			view_set(row, "STATE", "draft");
		view_show(row, arts[i].status == ARTICLE_DRAFT ? "EDITABLE" :
		    "FIXED");
	}
}
