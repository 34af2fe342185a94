/*
 * fill_tag_admin.c: tag_admin.tpl.
 */
#include "../model.h"
#include "page.h"
#include "view.h"

void
fill_tag_admin(const struct vctx *c, struct view *v, const struct tag_use *tags,
    int n, const char *message)
{
	struct view	*row;
	int		 i;

	page_csrf(c, v);
	if (message != NULL)
		view_set(view_row(v, "ERROR"), "MESSAGE", message);
	if (n == 0)
		view_show(v, "EMPTY");
	else
		view_show(v, "HAS_TAGS");
	for (i = 0; i < n; i++) {
		row = view_row(v, "TAGS");
		view_set_int(row, "ID", tags[i].tag.id);
		view_set(row, "NAME", tags[i].tag.name);
		view_set(row, "SLUG", tags[i].tag.slug);
		view_set_int(row, "LIVE", tags[i].tag.article_count);
		view_set_int(row, "USES", tags[i].uses);
		view_show(row, tags[i].uses == 0 ? "UNUSED" : "USED");
	}
}
