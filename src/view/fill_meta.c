/*
 * fill_meta.c: what an article page tells link previews, feed readers
 * and search engines (article_head.tpl, tag_head.tpl), and its related
 * articles (the RELATED rows of article_show.tpl).
 */
#include "../config.h"
#include "../model.h"
#include "../util/arena.h"
#include "../util/excerpt.h"
#include "../util/lang.h"
#include "../util/timefmt.h"
#include "page.h"
#include "view.h"

const char *
fill_article_description(const struct vctx *c, const struct article *a)
{
	const char	*s;

	if (a->summary != NULL && a->summary[0] != '\0')
		return a->summary;
	s = text_excerpt(c->arena, a->body_html, EXCERPT_MAX);
	return *s != '\0' ? s : a->headline;	/* an article with no text */
}

void
fill_article_head(const struct vctx *c, struct view *v, const struct article *a,
    const char *description)
{
	struct view	*row;
	const char	*author;
	int64_t		 modified;
	size_t		 k;
	const char	*lang = lang_of_headline(a->headline);

	modified = a->updated_at > a->published_at ? a->updated_at :
	    a->published_at;
	view_set(v, "HEADLINE", a->headline);
	view_set(v, "DESCRIPTION", description);
	view_set(v, "URL", arena_printf(c->arena, "%s/articles/%s",
	    cfg.base_url, a->slug));
	view_set(v, "PUBLISHED", time_iso(c->arena, a->published_at));
	view_set(v, "MODIFIED", time_iso(c->arena, modified));
	view_set(v, "LANG", lang);
	view_set(v, "LOCALE", lang_locale(lang));
	author = byline_name(c->arena, a->byline);
	if (a->nauthors > 0) {
		view_show(v, "PEOPLE");
		fill_article_authors(c, v, a);
	} else if (*author != '\0') {
		view_show(v, "PERSON");
		view_set(v, "AUTHOR", author);
	} else
		view_show(v, "ORGANIZATION");
	for (k = 0; k < a->ntags; k++) {
		row = view_row(v, "TAGS");
		view_set(row, "TAG_NAME", a->tags[k].name);
		row = view_row(v, "KEYWORDS");
		view_set(row, "KEYWORD", a->tags[k].name);
	}
}

void
fill_article_related(const struct vctx *c, struct view *v,
    const struct article *rows, int n)
{
	struct view	*row;
	int		 i;

	if (n > 0)
		view_show(v, "HAS_RELATED");
	for (i = 0; i < n; i++) {
		row = view_row(v, "RELATED");
		view_set(row, "SLUG", rows[i].slug);
		view_set(row, "HEADLINE", rows[i].headline);
		view_set(row, "TIME_ISO", time_iso(c->arena,
		    rows[i].published_at));
		view_set(row, "TIME_SHORT", time_short(c->arena,
		    rows[i].published_at));
	}
}

void
fill_tag_head(const struct vctx *c, struct view *v, const struct tag *t)
{
	(void)c;
	view_set(v, "TAG_NAME", t->name);
	view_set(v, "TAG_SLUG", t->slug);
}
