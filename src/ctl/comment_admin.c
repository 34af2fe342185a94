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

/* The listing's filters (pending when none) and the status each shows
 * (-1: all). */
static const char *const shows[] = {
	"pending", "approved", "rejected", "all", NULL
};
static const int show_status[] = {
	COMMENT_PENDING, COMMENT_APPROVED, COMMENT_REJECTED, -1
};
CHOICES_MATCH(shows, show_status);

#define UNKNOWN_LIST	"The address asks for an unknown list."

/* ?show=, ?before=ID (either malformed: UNKNOWN_LIST), and ?done=N
 * (the comments a form changed; 0 or another value says nothing
 * changed, or nothing). */
enum { IN_QUEUE_SHOW, IN_QUEUE_BEFORE, IN_QUEUE_DONE };
const struct input ctl_comment_admin_in[] = {
	[IN_QUEUE_SHOW] = { "show", IN_WORD, 0, shows, NULL },
	[IN_QUEUE_BEFORE] = { "before", IN_ID, 0, NULL, NULL },
	[IN_QUEUE_DONE] = { "done", IN_ID, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * GET /admin/comments[?show=pending|approved|rejected|all][&before=ID]
 *     [&done=N]
 * Comments newest first, MODERATION_PAGE at a time, with check boxes
 * for bulk actions and a button per comment.
 * Raises HTTP 400 for an unknown filter or a malformed cursor, 200.
 */
int
ctl_comment_admin(struct req *r)
{
	struct comment_queued	*rows;
	struct page		*p;
	const struct input_value *done = &r->in[IN_QUEUE_DONE];
	long long		 before = r->in[IN_QUEUE_BEFORE].n;
	int			 si = (int)r->in[IN_QUEUE_SHOW].n, n;

	if (input_bad(&r->in[IN_QUEUE_SHOW]) ||
	    input_bad(&r->in[IN_QUEUE_BEFORE])) {
		r->resp.error = UNKNOWN_LIST;
		return 400;
	}
	n = store_comments_moderation(r->store, r->arena, show_status[si],
	    before, MODERATION_PAGE + 1, &rows);
	if (n < 0)
		return 500;
	p = page_new(ctl_vctx(r), "comment_admin.tpl", "Comments", "/admin/comments");
	page_noindex(p);
	if (done->set)
		page_flash(p, arena_printf(r->arena, "%s comment%s changed.",
		    done->s, done->n == 1 ? "" : "s"));
	else if (done->s != NULL && strcmp(done->s, "0") == 0)
		page_flash(p, "Nothing changed: no comment was selected.");
	fill_comment_admin(ctl_vctx(r), p->body, shows[si], rows,
	    n > MODERATION_PAGE ? MODERATION_PAGE : n,
	    n > MODERATION_PAGE ? rows[MODERATION_PAGE - 1].c.id : 0);
	return ctl_page(r, p, 200);
}

/*
 * The moderation form: the list to go back to (pending when unknown),
 * and either action= with the checked comments' id[] (ctl_picked()),
 * or one comment's own button, approve=ID, reject=ID or delete=ID (in
 * the order of enum comment_action), whose number is checked once the
 * button is known to be the one pressed.
 */
#define NO_ACTION	"Choose approve, reject or delete."
#define BAD_NUMBER	"A comment number is malformed."
static const char *const actions[] = { "approve", "reject", "delete", NULL };
enum { IN_MOD_SHOW, IN_MOD_ACTION, IN_MOD_BUTTON };	/* 3 buttons */
const struct input ctl_comment_moderate_in[] = {
	[IN_MOD_SHOW] = { "show", IN_WORD, 0, shows, NULL },
	[IN_MOD_ACTION] = { "action", IN_WORD, 0, actions, NULL },
	[IN_MOD_BUTTON + COMMENT_APPROVE] = { "approve", IN_ID, 0, NULL, NULL },
	[IN_MOD_BUTTON + COMMENT_REJECT] = { "reject", IN_ID, 0, NULL, NULL },
	[IN_MOD_BUTTON + COMMENT_DELETE] = { "delete", IN_ID, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

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
	const struct input_value *action = &r->in[IN_MOD_ACTION], *one = NULL;
	const char		**vals;
	long long		*ids;
	enum comment_action	 act = COMMENT_APPROVE;
	size_t			 n = 0, i;
	int			 si = (int)r->in[IN_MOD_SHOW].n, k, changed;

	/* The action for the checked comments, else one's own button
	 * (an unknown action: neither). */
	if (action->set)
		act = (enum comment_action)action->n;
	else if (action->s == NULL)
		for (k = 0; k < 3 && one == NULL; k++)
			if (r->in[IN_MOD_BUTTON + k].s != NULL) {
				one = &r->in[IN_MOD_BUTTON + k];
				act = (enum comment_action)k;
			}
	if (!action->set && one == NULL) {
		r->resp.error = NO_ACTION;
		return 400;
	}
	if (one != NULL) {
		if (!one->set) {
			r->resp.error = BAD_NUMBER;
			return 400;
		}
		ids = arena_calloc(r->arena, 2, sizeof(*ids));
		ids[0] = one->n;
		n = 1;
	} else {
		n = ctl_picked(r, &vals);
		if (n > MODERATION_MAX) {
			r->resp.error = "Too many comments at once.";
			return 400;
		}
		ids = arena_calloc(r->arena, n + 1, sizeof(*ids));
		for (i = 0; i < n; i++)
			if (!parse_id(vals[i], &ids[i])) {
				r->resp.error = BAD_NUMBER;
				return 400;
			}
	}
	if ((changed = store_comments_moderate(r->store, ids, n, act,
	    r->now)) < 0)
		return 500;
	return http_redirect(r, 303, arena_printf(r->arena,
	    "/admin/comments?show=%s&done=%d", shows[si], changed));
}
