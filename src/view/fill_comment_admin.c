/*
 * fill_comment_admin.c: comment_admin.tpl.
 */
#include <string.h>

#include "../model.h"
#include "../util/arena.h"
#include "../util/timefmt.h"
#include "page.h"
#include "view.h"

void
fill_comment_admin(const struct vctx *c, struct view *v, const char *show,
    const struct comment_queued *rows, int n, long long older)
{
	static const char *const labels[] = {
		[COMMENT_PENDING] = "waiting",
		[COMMENT_APPROVED] = "approved",
		[COMMENT_REJECTED] = "rejected",
	};
	static const char *const names[] = {
		[COMMENT_PENDING] = "pending",
		[COMMENT_APPROVED] = "approved",
		[COMMENT_REJECTED] = "rejected",
	};
	struct view	*row;
	int		 i;

	page_csrf(c, v);
	view_set(v, "SHOW", show);
	view_show(v, arena_printf(c->arena, "SHOW_%s",
	    strcmp(show, "pending") == 0 ? "PENDING" :
	    strcmp(show, "approved") == 0 ? "APPROVED" :
	    strcmp(show, "rejected") == 0 ? "REJECTED" : "ALL"));
	if (n == 0)
		view_show(v, "EMPTY");
	else
		view_show(v, "HAS_ROWS");
	for (i = 0; i < n; i++) {
		const struct comment_queued *q = &rows[i];

		row = view_row(v, "ROWS");
		view_set_int(row, "ID", q->c.id);
		view_set(row, "AUTHOR", q->c.author);
		view_set(row, "STATUS", names[q->c.status]);
		view_set(row, "STATUS_LABEL", labels[q->c.status]);
		view_set(row, "TIME_ISO", time_iso(c->arena, q->c.created_at));
		view_set(row, "TIME_HUMAN", time_human(c->arena,
		    q->c.created_at));
		view_set(row, "ARTICLE_SLUG", q->article_slug);
		view_set(row, "ARTICLE_HEADLINE", q->article_headline);
		if (q->reason[0] != '\0') {
			view_show(row, "HAS_REASON");
			view_set(row, "REASON", q->reason);
		}
		if (q->c.status != COMMENT_APPROVED)
			view_show(row, "CAN_APPROVE");
		if (q->c.status != COMMENT_REJECTED)
			view_show(row, "CAN_REJECT");
		fill_comment_body(c, row, "TEXT", q->c.body);
	}
	if (older > 0) {
		view_show(v, "OLDER");
		view_set_int(v, "OLDER_ID", older);
	}
}
