/*
 * fill_auth.c: login.tpl.
 */
#include "page.h"
#include "view.h"

void
fill_login(const struct vctx *c, struct view *v, const char *name, const char *next,
    const char *message)
{
	(void)c;
	view_set(v, "NAME", name);
	view_set(v, "NEXT", next);
	if (message != NULL)
		view_set(view_row(v, "ERROR"), "MESSAGE", message);
}
