/*
 * fill_comment.c: comment_form.tpl (issue 4).
 */
#include "../http/http.h"
#include "../util/commentcheck.h"
#include "page.h"
#include "view.h"

void
fill_comment_form(struct req *r, struct view *v, const char *slug,
    const struct comment_form *f)
{
	struct view	*cv;

	(void)r;
	cv = view_include(v, "COMMENT_FORM", "comment_form.tpl");
	if (f->pending)
		view_show(cv, "PENDING");
	if (!f->open)
		return;
	view_show(cv, "FORM");
	view_set(cv, "SLUG", slug);
	view_set(cv, "TOKEN", f->token);
	view_set(cv, "NAME", f->name);
	view_set(cv, "BODY", f->body);
	view_set_int(cv, "NAME_MAX", COMMENT_NAME_MAX);
	view_set_int(cv, "BODY_MAX", COMMENT_BODY_MAX);
	if (f->error != NULL) {
		view_show(cv, "ERROR");
		view_set(cv, "ERROR_TEXT", f->error);
	}
	if (f->error_name)
		view_show(cv, "NAME_INVALID");
	if (f->error_body)
		view_show(cv, "BODY_INVALID");
}
