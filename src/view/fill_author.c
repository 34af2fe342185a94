/*
 * fill_author.c: author pages (author_show.tpl, author_head.tpl) and
 * the bylines of account authors (the AUTHORS rows of article_show.tpl
 * and article_head.tpl).
 */
#include "../config.h"
#include "../model.h"
#include "../util/arena.h"
#include "page.h"
#include "view.h"

void
fill_author_show(const struct vctx *c, struct view *v, const struct author *au)
{
	(void)c;
	view_set(v, "DISPLAY", au->display);
	view_set(v, "AUTHOR_SLUG", au->slug);
	if (au->bio[0] != '\0')
		view_set(view_row(v, "BIO"), "TEXT", au->bio);
	view_set_int(v, "ARTICLE_COUNT", au->live);
	if (au->live != 1)
		view_show(v, "PLURAL");
}

void
fill_author_head(const struct vctx *c, struct view *v, const struct author *au)
{
	(void)c;
	view_set(v, "DISPLAY", au->display);
	view_set(v, "AUTHOR_SLUG", au->slug);
}

void
fill_article_authors(const struct vctx *c, struct view *v, const struct article *a)
{
	struct view	*row;
	size_t		 i;

	for (i = 0; i < a->nauthors; i++) {
		row = view_row(v, "AUTHORS");
		view_set(row, "AUTHOR_SLUG", a->authors[i].slug);
		view_set(row, "AUTHOR_NAME", a->authors[i].display);
		view_set(row, "AUTHOR_URL", arena_printf(c->arena,
		    "%s/authors/%s", cfg.base_url, a->authors[i].slug));
		/* "A, B and C". */
		if (i + 2 == a->nauthors)
			view_show(row, "AND");
		else if (i + 2 < a->nauthors)
			view_show(row, "COMMA");
	}
}
