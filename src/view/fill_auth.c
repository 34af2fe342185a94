/*
 * fill_auth.c: Editors (issue 3): login.tpl.
 */
#include "../http/http.h"
#include "page.h"
#include "view.h"

void
fill_login(struct req *r, struct view *v, const char *name, const char *next,
    const char *message)
{
	(void)r;
	view_set(v, "NAME", name);
	view_set(v, "NEXT", next);
	if (message != NULL)
		view_set(view_row(v, "ERROR"), "MESSAGE", message);
}
