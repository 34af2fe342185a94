/*
 * comment_admin.c: the moderation queue.
 */
#include <string.h>

#include "../store/store.h"
#include "../util/arena.h"
#include "../util/text.h"
#include "../view/page.h"
#include "ctl.h"

#define MODERATION_PAGE	50	/* comments per page */
#define MODERATION_MAX	200	/* ids acted on at once */

/* The listing's filter: its name and the status it shows (-1: all). */
static const struct {
	const char	*name;
	int		 status;
} shows[] = {
	{ "pending", COMMENT_PENDING },
	{ "approved", COMMENT_APPROVED },
	{ "rejected", COMMENT_REJECTED },
	{ "all", -1 },
};

/* The index of show in shows[], or -1. */
static int
show_index(const char *show)
{
	size_t	 i;

	if (show == NULL)
		return 0;
	for (i = 0; i < sizeof(shows) / sizeof(shows[0]); i++)
		if (strcmp(show, shows[i].name) == 0)
			return (int)i;
	return -1;
}

/*
 * GET /admin/comments[?show=pending|approved|rejected|all][&before=ID]
 * Comments newest first, MODERATION_PAGE at a time, with check boxes
 * for bulk actions and a button per comment.
 * Raises HTTP 400 for an unknown filter or a malformed cursor, 200.
 */
int
ctl_comment_admin(struct req *r)
{
	struct comment_queued	*rows;
	struct page		*p;
	const char		*b = http_query(r, "before"), *done;
	long long		 before = 0, count;
	int			 si, n;

	if ((si = show_index(http_query(r, "show"))) < 0 ||
	    (b != NULL && !parse_id(b, &before))) {
		r->resp.error = "The address asks for an unknown list.";
		return 400;
	}
	n = store_comments_moderation(r->store, r->arena, shows[si].status,
	    before, MODERATION_PAGE + 1, &rows);
	if (n < 0)
		return 500;
	p = page_new(ctl_vctx(r), "comment_admin.tpl", "Comments", "/admin/comments");
	page_noindex(p);
	if ((done = http_query(r, "done")) != NULL && parse_id(done, &count))
		page_flash(p, arena_printf(r->arena, "%s comment%s changed.",
		    done, strcmp(done, "1") == 0 ? "" : "s"));
	else if (done != NULL && strcmp(done, "0") == 0)
		page_flash(p, "Nothing changed: no comment was selected.");
	fill_comment_admin(ctl_vctx(r), p->body, shows[si].name, rows,
	    n > MODERATION_PAGE ? MODERATION_PAGE : n,
	    n > MODERATION_PAGE ? rows[MODERATION_PAGE - 1].c.id : 0);
	return ctl_page(r, p, 200);
}

/*
 * POST /admin/comments (csrf, show, and either action=approve|reject|
 * delete with id[] for the checked comments, or approve=ID, reject=ID
 * or delete=ID from one comment's own button)
 * Raises HTTP 400 for an unknown action or a malformed id, 303 back to
 * the list, with the number of comments changed.
 */
int
ctl_comment_moderate(struct req *r)
{
	static const char *const names[] = { "approve", "reject", "delete" };
	const char		**vals, *action = http_form(r, "action");
	const char		*one = NULL;
	long long		*ids;
	enum comment_action	 act = COMMENT_APPROVE;
	size_t			 n = 0, i;
	int			 si, k, found = 0, changed;

	if ((si = show_index(http_form(r, "show"))) < 0)
		si = 0;
	for (k = 0; k < 3; k++) {
		const char *v = http_form(r, names[k]);

		if (action != NULL && strcmp(action, names[k]) == 0) {
			found = 1;
			act = (enum comment_action)k;
		}
		if (v != NULL && action == NULL && one == NULL) {
			one = v;
			found = 1;
			act = (enum comment_action)k;
		}
	}
	if (!found) {
		r->resp.error = "Choose approve, reject or delete.";
		return 400;
	}
	if (one != NULL) {
		vals = &one;
		n = 1;
	} else
		n = http_form_all(r, "id[]", &vals);
	if (n > MODERATION_MAX) {
		r->resp.error = "Too many comments at once.";
		return 400;
	}
	ids = arena_calloc(r->arena, n + 1, sizeof(*ids));
	for (i = 0; i < n; i++)
		if (!parse_id(vals[i], &ids[i])) {
			r->resp.error = "A comment number is malformed.";
			return 400;
		}
	if ((changed = store_comments_moderate(r->store, ids, n, act,
	    r->now)) < 0)
		return 500;
	return http_redirect(r, 303, arena_printf(r->arena,
	    "/admin/comments?show=%s&done=%d", shows[si].name, changed));
}
