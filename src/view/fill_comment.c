/*
 * fill_comment.c: comment_page.tpl and the comment_form.tpl in it.
 */
#include "../model.h"
#include "../util/commentcheck.h"
#include "page.h"
#include "view.h"

/* comment_form.tpl, included at COMMENT_FORM. */
static void
fill_comment_form(struct view *v, const char *slug,
    const struct comment_form *f)
{
	struct view	*cv;

	cv = view_include(v, "COMMENT_FORM", "comment_form.tpl");
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

void
fill_comment_page(const struct vctx *c, struct view *v, const struct article *a,
    const struct comment_form *f)
{
	(void)c;
	view_set(v, "SLUG", a->slug);
	view_set(v, "HEADLINE", a->headline);
	fill_comment_form(v, a->slug, f);
}
