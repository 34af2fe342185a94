/*
 * fill_tag.c: tag_index.tpl and tag_show.tpl.
 */
#include "../model.h"
#include "page.h"
#include "view.h"

void
fill_tag_index(const struct vctx *c, struct view *v, const struct tag *tags, int n)
{
	struct view	*row;
	int		 i;

	(void)c;
	if (n == 0)
		view_show(v, "EMPTY");
	for (i = 0; i < n; i++) {
		/* A tag whose articles are all scheduled is not shown yet. */
		if (tags[i].article_count <= 0)
			continue;
		row = view_row(v, "TAGS");
		view_set(row, "TAG_SLUG", tags[i].slug);
		view_set(row, "TAG_NAME", tags[i].name);
		view_set_int(row, "ARTICLE_COUNT", tags[i].article_count);
	}
}

void
fill_tag_show(const struct vctx *c, struct view *v, const struct tag *t)
{
	(void)c;
	view_set(v, "TAG_NAME", t->name);
	view_set(v, "TAG_SLUG", t->slug);
	view_set_int(v, "ARTICLE_COUNT", t->article_count);
	if (t->article_count != 1)
		view_show(v, "PLURAL");
}
