/*
 * audit.c: recording who did what (ctl_audit_next), and the log's page
 * for admins.  The row is written by the commit of the change it
 * describes: if it cannot be written, the change does not land either
 * (the request answers 500).
 */
#include <string.h>

#include "../store/store.h"
#include "../util/arena.h"
#include "../util/text.h"
#include "../view/page.h"
#include "ctl.h"

#define AUDIT_PAGE	100	/* rows a page */

void
ctl_audit_next(struct req *r, const char *action, const char *target,
    const char *detail)
{
	store_audit_next(r->store, r->now, r->editor ? r->editor->user_id : 0,
	    r->editor ? r->editor->name : "", action, target, detail);
}

/*
 * GET /admin/audit[?before=ID] (admins)
 * The audit log, newest first, AUDIT_PAGE rows a page.
 * Raises HTTP 400 for a malformed cursor, 404 for one past the end,
 * 200 otherwise.
 */
const struct input ctl_audit_in[] = {
	{ "before", IN_ID, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

int
ctl_audit_index(struct req *r)
{
	struct audit_row	*rows;
	struct page		*p;
	long long		 before = r->in[0].n;
	int			 n;

	if (input_bad(&r->in[0])) {
		r->resp.error = "?before= takes a row number.";
		return 400;
	}
	if ((n = store_audit_list(r->store, r->arena, before, AUDIT_PAGE + 1,
	    &rows)) < 0)
		return 500;
	if (n == 0 && before > 0)
		return 404;
	p = page_new(ctl_vctx(r), "audit_index.tpl", "Audit log", "/admin/audit");
	page_noindex(p);
	fill_audit_index(ctl_vctx(r), p->body, rows, n > AUDIT_PAGE ? AUDIT_PAGE : n,
	    n > AUDIT_PAGE ? rows[AUDIT_PAGE - 1].id : 0);
	return ctl_page(r, p, 200);
}
